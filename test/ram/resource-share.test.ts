import { TerraformStack, Testing } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ResourceShare, ResourceShareAccepter, SharePrincipal } from "../../modules/ram";

const newStack = (): TerraformStack => new TerraformStack(Testing.app(), "Stack");

describe("ResourceShare", () => {
  test("shares with principals, external principals off by default, resources keyed by name", () => {
    const stack = newStack();
    const share = new ResourceShare(stack, "Share", {
      name: "network",
      principals: [SharePrincipal.account("222222222222"), SharePrincipal.organizationalUnit("arn:aws:organizations::111111111111:ou/o-abcdefghij/ou-ab12-cdefgh34")],
    });
    share.addResource("database", "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-1");
    const json = JSON.parse(Testing.synth(stack));
    expect(Object.values(json.resource.aws_ram_resource_share)[0]).toMatchObject({ name: "network", allow_external_principals: false });
    expect(Object.values(json.resource.aws_ram_principal_association).map((p) => (p as { principal: string }).principal)).toEqual([
      "222222222222",
      "arn:aws:organizations::111111111111:ou/o-abcdefghij/ou-ab12-cdefgh34",
    ]);
    expect(Object.keys(json.resource.aws_ram_resource_association)[0]).toMatch(/Resource-database/);
  });

  test("the consumer accepts with its own provider, after the principal association exists", () => {
    const stack = newStack();
    const partner = new AwsProvider(stack, "partner", { alias: "partner", region: "us-east-1" });
    const share = new ResourceShare(stack, "Share", { name: "network", principals: [SharePrincipal.account("222222222222")] });
    new ResourceShareAccepter(stack, "Accept", { share, provider: partner });
    const json = JSON.parse(Testing.synth(stack));
    const accepter = Object.values(json.resource.aws_ram_resource_share_accepter)[0] as Record<string, unknown>;
    expect(accepter.provider).toBe("aws.partner");
    expect(accepter.depends_on).toEqual([expect.stringMatching(/^aws_ram_principal_association\./)]);
  });

  test("fails when principals are missing or malformed", () => {
    expect(() => new ResourceShare(newStack(), "Share", { name: "x", principals: [] })).toThrow(/Share: invalid principals: received \[\]/);
    expect(() => new ResourceShare(newStack(), "Share", { name: "x", principals: [SharePrincipal.account("12345")] })).toThrow(
      /principals\[0\]: received "12345"; expected a 12-digit AWS account ID/,
    );
    expect(() => new ResourceShare(newStack(), "Share", { name: "x", principals: [SharePrincipal.organization("o-abc")] })).toThrow(
      /expected an organization ARN/,
    );
  });

  test("fails when a shared resource is not an ARN", () => {
    const share = new ResourceShare(newStack(), "Share", { name: "x", principals: [SharePrincipal.account("222222222222")] });
    expect(() => share.addResource("db", "rcfg-123")).toThrow(/resources.db: received "rcfg-123"/);
  });
});

test("addResource returns the association, for consumers to depend on", () => {
  const share = new ResourceShare(newStack(), "Share", { name: "x", principals: [SharePrincipal.account("222222222222")] });
  const association = share.addResource("db", "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-1");
  expect(association.node.id).toBe("Resource-db");
});

test("consumerDependencies: a consumer waits for every principal association and the resource's association", () => {
  const share = new ResourceShare(newStack(), "Share", { name: "x", principals: [SharePrincipal.account("222222222222"), SharePrincipal.account("333333333333")] });
  const association = share.addResource("db", "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-1");
  expect(share.consumerDependencies(association)).toEqual([...share.invitationDependencies, association]);
  expect(share.invitationDependencies).toHaveLength(2);
});
