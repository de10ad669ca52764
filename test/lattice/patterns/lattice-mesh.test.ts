import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SharePrincipal } from "../../../modules/ram";
import { Vpc } from "../../../modules/vpc";
import { LatticeMesh, LatticeMeshMember, LatticeMeshProps, ServiceNetwork } from "../../../modules/lattice";
import { expectValidationError, resourcesOfType, stackWithProvider } from "../../helpers";
import { fakeService } from "../helpers";

const NETWORK_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0";
const SHARE_ARN = "arn:aws:ram:us-east-1:111111111111:resource-share/0123abcd-4567-89ef-0123-456789abcdef";

function consumerProvider(stack: TerraformStack, alias: string): AwsProvider {
  return new AwsProvider(stack, alias, { region: "us-east-1", alias });
}

function mesh(stack: TerraformStack, props: Partial<LatticeMeshProps> = {}): LatticeMesh {
  const consumer = consumerProvider(stack, "consumer");
  const producer = consumerProvider(stack, "producer");
  const clientVpc = new Vpc(stack, "ClientVpc", { name: "client", cidrBlock: "10.2.0.0/16", availabilityZones: ["us-east-1a"], provider: consumer });
  return new LatticeMesh(stack, "Mesh", {
    name: "partner-mesh",
    members: [
      { name: "client", accountId: "222222222222", provider: consumer, vpc: clientVpc },
      {
        name: "orders",
        accountId: "333333333333",
        provider: producer,
        services: [{ name: "orders", service: { ...fakeService(), provider: producer } }],
      },
    ],
    ...props,
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function values(stack: TerraformStack, type: string): any[] {
  return Object.values(resourcesOfType(stack, type));
}

describe("LatticeMesh", () => {
  test("the owner shares the network with every member account, inside the organization, and allows them in the auth policy", () => {
    const stack = stackWithProvider();
    mesh(stack);
    const [share] = values(stack, "aws_ram_resource_share");
    expect(share.allow_external_principals).toBe(false);
    expect(share.provider).toBeUndefined();
    expect(
      values(stack, "aws_ram_principal_association")
        .map((a) => a.principal)
        .sort(),
    ).toEqual(["222222222222", "333333333333"]);
    const [policy] = values(stack, "aws_vpclattice_auth_policy");
    expect(JSON.parse(policy.policy).Statement[0].Principal).toEqual({ AWS: ["222222222222", "333333333333"] });
  });

  test("each member associates with its own provider, by network ARN, after the share", () => {
    const stack = stackWithProvider();
    mesh(stack);
    const [vpcAssociation] = values(stack, "aws_vpclattice_service_network_vpc_association");
    expect(vpcAssociation.provider).toBe("aws.consumer");
    expect(vpcAssociation.service_network_identifier).toMatch(/aws_vpclattice_service_network\.[\w-]+\.arn/);
    expect(vpcAssociation.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^aws_ram_resource_association\./)]));
    const [serviceAssociation] = values(stack, "aws_vpclattice_service_network_service_association");
    expect(serviceAssociation.provider).toBe("aws.producer");
    expect(serviceAssociation.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^aws_ram_principal_association\./)]));
    expect(values(stack, "aws_ram_resource_share_accepter")).toEqual([]);
  });

  test("outside the organization, members accept the share before associating", () => {
    const stack = stackWithProvider();
    mesh(stack, { allowExternalPrincipals: true });
    expect(values(stack, "aws_ram_resource_share")[0].allow_external_principals).toBe(true);
    const accepters = values(stack, "aws_ram_resource_share_accepter");
    expect(accepters.map((a) => a.provider).sort()).toEqual(["aws.consumer", "aws.producer"]);
    const [vpcAssociation] = values(stack, "aws_vpclattice_service_network_vpc_association");
    expect(vpcAssociation.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^aws_ram_resource_share_accepter\./)]));
  });

  test("member addresses are keyed by member and service names", () => {
    const stack = stackWithProvider();
    mesh(stack);
    expect(Object.keys(resourcesOfType(stack, "aws_vpclattice_service_network_service_association"))).toEqual([
      expect.stringMatching(/^Mesh_Member-orders_Service-orders_/),
    ]);
  });

  test("split variant: the owner shares with sharedWith only, the member stack imports the network and accepts the share", () => {
    const owner = stackWithProvider();
    new LatticeMesh(owner, "Mesh", { name: "partner-mesh", sharedWith: [SharePrincipal.account("222222222222")], allowExternalPrincipals: true });
    expect(values(owner, "aws_ram_principal_association").map((a) => a.principal)).toEqual(["222222222222"]);
    expect(values(owner, "aws_vpclattice_service_network_vpc_association")).toEqual([]);

    const member = stackWithProvider();
    const provider = consumerProvider(member, "member");
    const vpc = new Vpc(member, "Vpc", { name: "client", cidrBlock: "10.2.0.0/16", availabilityZones: ["us-east-1a"], provider });
    new LatticeMeshMember(member, "Member", {
      serviceNetwork: ServiceNetwork.fromArn(member, "Network", NETWORK_ARN),
      acceptShare: { resourceShareArn: SHARE_ARN },
      provider,
      vpc,
    });
    const [accepter] = values(member, "aws_ram_resource_share_accepter");
    expect(accepter.share_arn).toBe(SHARE_ARN);
    const [association] = values(member, "aws_vpclattice_service_network_vpc_association");
    expect(association.service_network_identifier).toBe(NETWORK_ARN);
    expect(association.depends_on).toEqual([expect.stringMatching(/^aws_ram_resource_share_accepter\./)]);
  });

  test("fails when there is nobody to share with", () => {
    const stack = stackWithProvider();
    expectValidationError(() => new LatticeMesh(stack, "Mesh", { name: "lonely-mesh" }), "members, sharedWith", "[]");
  });

  test("fails when a member account ID is malformed", () => {
    const stack = stackWithProvider();
    const provider = consumerProvider(stack, "consumer");
    expectValidationError(
      () =>
        new LatticeMesh(stack, "Mesh", {
          name: "partner-mesh",
          members: [{ name: "client", accountId: "2222", provider, services: [{ name: "s", service: fakeService() }] }],
        }),
      "members[0].accountId",
      "2222",
    );
  });

  test("fails when a member's provider is pinned to another account than its accountId (the share and policy name one account, the associations are made in the other)", () => {
    const build = (providerAccount: string) => {
      const stack = stackWithProvider();
      const provider = new AwsProvider(stack, "consumer", { region: "us-east-1", alias: "consumer", allowedAccountIds: [providerAccount] });
      return () =>
        new LatticeMesh(stack, "Mesh", {
          name: "partner-mesh",
          members: [{ name: "client", accountId: "222222222222", provider, services: [{ name: "s", service: { ...fakeService(), provider } }] }],
        });
    };
    const error = expectValidationError(build("333333333333"), "members[0].provider", "a provider of account 333333333333");
    expect(error.expected).toContain("222222222222");
    expect(build("222222222222")).not.toThrow();
  });

  test("fails when two members share a name", () => {
    const stack = stackWithProvider();
    const provider = consumerProvider(stack, "consumer");
    const member = { name: "client", accountId: "222222222222", provider, services: [{ name: "s", service: fakeService() }] };
    expectValidationError(
      () => new LatticeMesh(stack, "Mesh", { name: "partner-mesh", members: [member, { ...member, accountId: "333333333333" }] }),
      "members",
      "client",
    );
  });

  test("fails when a member brings neither a VPC nor services", () => {
    const stack = stackWithProvider();
    const provider = consumerProvider(stack, "consumer");
    expectValidationError(
      () => new LatticeMesh(stack, "Mesh", { name: "partner-mesh", members: [{ name: "idle", accountId: "222222222222", provider }] }),
      "vpc, services",
      "neither",
    );
  });

  test("fails when a split member accepts a share without its own provider", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () =>
        new LatticeMeshMember(stack, "Member", {
          serviceNetwork: ServiceNetwork.fromArn(stack, "Network", NETWORK_ARN),
          acceptShare: { resourceShareArn: SHARE_ARN },
          services: [{ name: "orders", service: fakeService() }],
        }),
      "provider",
      "undefined",
    );
  });
});

describe("misspelled props", () => {
  test("fails when a prop of LatticeMesh or a field of a member is misspelled: the mesh would be made without it", () => {
    const stack = stackWithProvider();
    const error = expectValidationError(
      () => mesh(stack, { acceptShareInvitation: true } as Partial<LatticeMeshProps>),
      "acceptShareInvitation",
      "true",
    );
    expect(error.constructPath).toBe("test/Mesh");
    expect(error.message).toContain("did you mean acceptShareInvitations?");
    const other = stackWithProvider();
    const provider = consumerProvider(other, "consumer");
    const member = { name: "client", accountId: "222222222222", provider, service: [] };
    const members = [member] as unknown as LatticeMeshProps["members"];
    expect(
      expectValidationError(() => new LatticeMesh(other, "Mesh", { name: "partner-mesh", members }), "members[0].service", "[]").message,
    ).toContain("did you mean services?");
  });

  test("a member's name and accountId stay the mesh's: the members it makes get only their own props", () => {
    const stack = stackWithProvider();
    const made = mesh(stack);
    expect(Object.keys(made.members)).toEqual(["client", "orders"]);
    expect(values(stack, "aws_vpclattice_service_network_vpc_association")).toHaveLength(1);
    expect(values(stack, "aws_vpclattice_service_network_service_association")).toHaveLength(1);
  });

  test("fails when a prop of LatticeMeshMember or a field of its services is misspelled", () => {
    const stack = stackWithProvider();
    const serviceNetwork = ServiceNetwork.fromServiceNetworkAttributes(stack, "Network", { serviceNetworkArn: NETWORK_ARN });
    const props = { serviceNetwork, services: [{ name: "orders", service: fakeService() }], dependOn: [] };
    const error = expectValidationError(
      () => new LatticeMeshMember(stack, "Member", props as unknown as ConstructorParameters<typeof LatticeMeshMember>[2]),
      "dependOn",
      "[]",
    );
    expect(error.message).toContain("did you mean dependsOn?");
    const services = [{ name: "orders", servce: fakeService() }] as unknown as ConstructorParameters<typeof LatticeMeshMember>[2]["services"];
    expectValidationError(() => new LatticeMeshMember(stack, "Member2", { serviceNetwork, services }), "services[0].servce", "svc-");
  });
});
