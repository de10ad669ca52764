import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { RamResourceAssociation } from "@cdktf/provider-aws/lib/ram-resource-association";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { VpclatticeResourceConfiguration } from "@cdktf/provider-aws/lib/vpclattice-resource-configuration";
import { VpclatticeResourceGateway } from "@cdktf/provider-aws/lib/vpclattice-resource-gateway";
import { ResourceShare, ResourceShareAccepter, SharePrincipal } from "../../modules/ram";
import { expectValidationError, testApp } from "../helpers";

const newStack = (): TerraformStack => new TerraformStack(testApp(), "Stack");

describe("ResourceShare", () => {
  test("shares with principals, external principals off by default, resources keyed by name", () => {
    const stack = newStack();
    const share = new ResourceShare(stack, "Share", {
      name: "network",
      principals: [
        SharePrincipal.account("222222222222"),
        SharePrincipal.organizationalUnit("arn:aws:organizations::111111111111:ou/o-abcdefghij/ou-ab12-cdefgh34"),
      ],
    });
    share.addResource("database", "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0");
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

  test("fails when a prop is misspelled or not one it takes: the share would stay internal, or share nothing", () => {
    const principals = [SharePrincipal.account("222222222222")];
    const misspelled = expectValidationError(
      () => new ResourceShare(newStack(), "Share", { name: "partner", principals, allowExternalPrincipal: true } as never),
      "allowExternalPrincipal",
      "true",
    );
    expect(misspelled.constructPath).toBe("Stack/Share");
    expect(misspelled.message).toContain("did you mean allowExternalPrincipals?");
    const arn = "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0";
    // Resources are added with addResource: a resourceArns prop shared nothing.
    const notAProp = expectValidationError(
      () => new ResourceShare(newStack(), "Share", { name: "partner", principals, resourceArns: [arn] } as never),
      "resourceArns",
      arn,
    );
    expect(notAProp.message).toContain("a prop this construct takes");
    expect(notAProp.message).toContain("name, principals, allowExternalPrincipals, tags, provider");
    expect(
      expectValidationError(
        () => ResourceShare.fromResourceShareAttributes(newStack(), "Imported", { resourceShareArn: "x", provder: undefined, arn: "y" } as never),
        "arn",
        "y",
      ).message,
    ).toContain("resourceShareArn, provider");
  });

  test("fails when a shared resource is not an ARN", () => {
    const share = new ResourceShare(newStack(), "Share", { name: "x", principals: [SharePrincipal.account("222222222222")] });
    expect(() => share.addResource("db", "rcfg-123")).toThrow(/resources.db: received "rcfg-123"/);
  });
});

test("ResourceShareAccepter fails when a prop is misspelled", () => {
  const stack = newStack();
  const partner = new AwsProvider(stack, "partner", { alias: "partner", region: "us-east-1" });
  const share = new ResourceShare(stack, "Share", { name: "network", principals: [SharePrincipal.account("222222222222")] });
  const error = expectValidationError(
    () =>
      new ResourceShareAccepter(stack, "Accept", {
        share,
        provider: partner,
        sharArn: "arn:aws:ram:us-east-1:111111111111:resource-share/x",
      } as never),
    "sharArn",
    "resource-share/x",
  );
  expect(error.message).toContain("did you mean share?");
});

test("addResource returns the association, for consumers to depend on", () => {
  const share = new ResourceShare(newStack(), "Share", { name: "x", principals: [SharePrincipal.account("222222222222")] });
  const association = share.addResource("db", "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0");
  expect(association.node.id).toBe("Resource-db");
});

test("consumerDependencies: a consumer waits for every principal association and the resource's association", () => {
  const share = new ResourceShare(newStack(), "Share", {
    name: "x",
    principals: [SharePrincipal.account("222222222222"), SharePrincipal.account("333333333333")],
  });
  const association = share.addResource("db", "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0");
  expect(share.consumerDependencies(association)).toEqual([...share.invitationDependencies, association]);
  expect(share.invitationDependencies).toHaveLength(2);
});

describe("ResourceShare, safe inputs", () => {
  const RCFG = "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0";
  const regional = (): TerraformStack => {
    const stack = newStack();
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    return stack;
  };
  const share = (stack = regional()) => new ResourceShare(stack, "Share", { name: "x", principals: [SharePrincipal.account("222222222222")] });

  test("fails when the same principal is given twice, naming the first", () => {
    expect(
      () =>
        new ResourceShare(newStack(), "Share", {
          name: "x",
          principals: [SharePrincipal.account("222222222222"), SharePrincipal.account("222222222222")],
        }),
    ).toThrow(/principals\[1\]: received "222222222222"; expected each principal once \(principals\[0\] is the same\)/);
  });

  test("fails when an OU or organization ARN is of another partition than the share's region", () => {
    expect(
      () =>
        new ResourceShare(regional(), "Share", {
          name: "x",
          principals: [SharePrincipal.organization("arn:aws-cn:organizations::111111111111:organization/o-abcdefghij")],
        }),
    ).toThrow(/principals\[0\]/);
  });

  test("fails when a principal is not made by SharePrincipal (a JavaScript caller), or principals is not a list", () => {
    expect(() => new ResourceShare(newStack(), "Share", { name: "x", principals: ["222222222222"] as never })).toThrow(/principals\[0\]/);
    expect(() => new ResourceShare(newStack(), "Share", { name: "x", principals: "222222222222" as never })).toThrow(/Share: invalid principals/);
  });

  test("fails when a resource type RAM does not share is added (a subnet), or a resource of another region", () => {
    expect(() => share().addResource("subnet", "arn:aws:ec2:us-east-1:111111111111:subnet/subnet-0123456789abcdef0")).toThrow(
      /resources.subnet: received "arn:aws:ec2/,
    );
    expect(() => share().addResource("db", RCFG.replace("us-east-1", "eu-west-1"))).toThrow(/resources.db/);
  });

  test("fails when the same resource or the same name is added twice, naming the first", () => {
    const twice = share();
    twice.addResource("db", RCFG);
    expect(() => twice.addResource("again", RCFG)).toThrow(/resources.again: .*expected a resource not shared yet \(resources.db is the same\)/);
    expect(() => twice.addResource("db", RCFG.replace("0123456789abcdef0", "0123456789abcdef1"))).toThrow(
      /resources.db: received "db"; expected a name no other resource/,
    );
  });

  test("fails when tags break AWS's limits", () => {
    expect(
      () => new ResourceShare(newStack(), "Share", { name: "x", principals: [SharePrincipal.account("222222222222")], tags: { "aws:owner": "me" } }),
    ).toThrow(/Share: invalid tags/);
  });

  test("fromResourceShareAttributes checks the ARN; an accepter takes the imported share", () => {
    const stack = regional();
    const partner = new AwsProvider(stack, "partner", { alias: "partner", region: "us-east-1" });
    expect(() => ResourceShare.fromResourceShareAttributes(stack, "Bad", { resourceShareArn: RCFG })).toThrow(/Bad: invalid resourceShareArn/);
    const imported = ResourceShare.fromResourceShareAttributes(stack, "Imported", {
      resourceShareArn: "arn:aws:ram:us-east-1:111111111111:resource-share/7a1f3c52-9e0b-4d6a-8c1e-2f3b4a5c6d7e",
    });
    new ResourceShareAccepter(stack, "Accept", { share: imported, provider: partner });
    expect(Object.values(JSON.parse(Testing.synth(stack)).resource.aws_ram_resource_share_accepter)[0]).toMatchObject({
      share_arn: imported.resourceShareArn,
    });
  });
});

describe("ResourceShareAccepter, wrong inputs", () => {
  test("fails when the share is given as its ARN string instead of a share (a JavaScript caller)", () => {
    const stack = newStack();
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    const partner = new AwsProvider(stack, "partner", { alias: "partner", region: "us-east-1" });
    const arn = "arn:aws:ram:us-east-1:111111111111:resource-share/7a1f3c52-9e0b-4d6a-8c1e-2f3b4a5c6d7e";
    const error = expectValidationError(() => new ResourceShareAccepter(stack, "Accept", { share: arn as never, provider: partner }), "share", arn);
    expect(error.expected).toContain("ResourceShare.fromResourceShareAttributes");
  });
});

describe("ResourceShare, what it may share and who accepts it", () => {
  const RCFG = (account: string) => `arn:aws:vpc-lattice:us-east-1:${account}:resourceconfiguration/rcfg-0123456789abcdef0`;
  const accounts = () => {
    const stack = newStack();
    const owner = new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
    const partner = new AwsProvider(stack, "partner", { region: "us-east-1", alias: "partner", allowedAccountIds: ["222222222222"] });
    const other = new AwsProvider(stack, "other", { region: "us-east-1", alias: "other", allowedAccountIds: ["333333333333"] });
    const share = new ResourceShare(stack, "Share", { name: "x", principals: [SharePrincipal.account("222222222222")] });
    return { stack, owner, partner, other, share };
  };

  test("fails when a resource is of another account than the share's: a literal ARN, or a resource of the stack made with another account's provider", () => {
    const { stack, partner, share } = accounts();
    expect(() => share.addResource("db", RCFG("999999999999"))).toThrow(
      /resources.db: received .*999999999999.*expected a resource of the share's account \(111111111111/,
    );
    const group = new VpclatticeResourceConfiguration(stack, "Config", { provider: partner, name: "cfg", type: "GROUP" });
    expect(() => share.addResource("cfg", group.arn)).toThrow(/resources.cfg: received "Stack\/Config".*this one is of 222222222222/);
    expect(() => share.addResource("mine", RCFG("111111111111"))).not.toThrow();
  });

  test("fails when a resource of the stack is of another region than the share's (RAM is regional), or of a type RAM does not share (a resource gateway)", () => {
    const { stack, share } = accounts();
    const west = new AwsProvider(stack, "west", { region: "us-west-2", alias: "west", allowedAccountIds: ["111111111111"] });
    const far = new VpclatticeResourceConfiguration(stack, "Far", { provider: west, name: "far", type: "GROUP" });
    expect(expectValidationError(() => share.addResource("far", far.arn), "resources.far", "Stack/Far").expected).toContain(
      "a resource of the share's region (us-east-1; this one is in us-west-2)",
    );
    const gateway = new VpclatticeResourceGateway(stack, "Gateway", { name: "gw", vpcId: "vpc-0123456789abcdef0", subnetIds: ["subnet-0a"] });
    const error = expectValidationError(() => share.addResource("gateway", gateway.arn), "resources.gateway", "Stack/Gateway");
    expect(error.expected).toContain("aws_vpclattice_resource_gateway is not one");
    // A configuration of the share's account and region is shared.
    const near = new VpclatticeResourceConfiguration(stack, "Near", { name: "near", type: "GROUP" });
    expect(() => share.addResource("near", near.arn)).not.toThrow();
  });

  test("fails when its tags name it otherwise than its name", () => {
    const { stack } = accounts();
    const build = () =>
      new ResourceShare(stack, "Named", { name: "x", principals: [SharePrincipal.account("222222222222")], tags: { Name: "other" } });
    expect(build).toThrow(/Named: invalid tags.Name: received "other"/);
  });

  test("fails when a CHILD resource configuration is shared on its own: AWS shares it only as part of its GROUP", () => {
    const { stack, share } = accounts();
    const child = new VpclatticeResourceConfiguration(stack, "Child", {
      name: "child",
      type: "CHILD",
      resourceConfigurationGroupId: "rcfg-0123456789abcdef0",
    });
    expect(() => share.addResource("child", child.arn)).toThrow(/resources.child.type: received "CHILD"; expected .*only as part of its GROUP/);
  });

  test("fails when the accepter's provider is of the owner's account, or of an account the share is not granted to", () => {
    const { stack, owner, partner, other, share } = accounts();
    expect(() => new ResourceShareAccepter(stack, "Own", { share, provider: owner })).toThrow(
      /Own: invalid provider: received "default \(account 111111111111\)"/,
    );
    expect(() => new ResourceShareAccepter(stack, "Other", { share, provider: other })).toThrow(/granted to \(222222222222\)/);
    expect(() => new ResourceShareAccepter(stack, "Partner", { share, provider: partner })).not.toThrow();
  });

  test("fails when an accepter's provider is of the account an imported share's ARN names: the owner has no invitation to accept", () => {
    const { stack, owner, partner } = accounts();
    const imported = ResourceShare.fromResourceShareAttributes(stack, "Imported", {
      resourceShareArn: "arn:aws:ram:us-east-1:111111111111:resource-share/7a1f3c52-9e0b-4d6a-8c1e-2f3b4a5c6d7e",
    });
    const error = expectValidationError(
      () => new ResourceShareAccepter(stack, "Own", { share: imported, provider: owner }),
      "share.resourceShareArn",
      "111111111111",
    );
    expect(error.expected).toContain("the owner has no invitation to accept");
    expect(() => new ResourceShareAccepter(stack, "Partner", { share: imported, provider: partner })).not.toThrow();
  });

  test("fails when the share is granted to its owner's own account alone: the owner already has what it shares, so it reaches nobody", () => {
    const { stack } = accounts();
    const build = (id: string, principals: SharePrincipal[]) => () => new ResourceShare(stack, id, { name: "x", principals });
    expect(build("Own", [SharePrincipal.account("111111111111")])).toThrow(
      /Own: invalid principals: received \["111111111111"\]; expected an account, OU or organization besides the share's owner \(111111111111/,
    );
    // A mesh shares its network with every member, the owner's own among them.
    expect(build("Mixed", [SharePrincipal.account("222222222222"), SharePrincipal.account("111111111111")])).not.toThrow();
  });

  test("fails when an accepter takes a share of OUs or organizations only (their accounts get no invitation), or one whose OU is not its account", () => {
    const { stack, partner } = accounts();
    const ou = SharePrincipal.organizationalUnit("arn:aws:organizations::111111111111:ou/o-abcdefghij/ou-ab12-cdefgh34");
    const ouOnly = new ResourceShare(stack, "OuOnly", { name: "ou", principals: [ou] });
    expect(() => new ResourceShareAccepter(stack, "AcceptOu", { share: ouOnly, provider: partner })).toThrow(
      /AcceptOu: invalid provider: received "partner \(account 222222222222\)"; expected no accepter: .*OUs or organizations only/,
    );
    const mixed = new ResourceShare(stack, "Mixed", { name: "mixed", principals: [ou, SharePrincipal.account("333333333333")] });
    expect(() => new ResourceShareAccepter(stack, "AcceptMixed", { share: mixed, provider: partner })).toThrow(/granted to \(333333333333\)/);
  });
});

describe("ResourceShareAccepter, region and acceptances", () => {
  const SHARE_ARN = "arn:aws:ram:us-east-1:111111111111:resource-share/7a1f3c52-9e0b-4d6a-8c1e-2f3b4a5c6d7e";
  const providers = () => {
    const stack = newStack();
    new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
    const partner = new AwsProvider(stack, "partner", { region: "us-east-1", alias: "partner", allowedAccountIds: ["222222222222"] });
    const partnerEu = new AwsProvider(stack, "partner-eu", { region: "eu-west-1", alias: "partnereu", allowedAccountIds: ["222222222222"] });
    return { stack, partner, partnerEu };
  };

  test("fails when the accepter's provider is in another region than the share's: RAM shares and their invitations are regional", () => {
    const { stack, partner, partnerEu } = providers();
    const share = new ResourceShare(stack, "S", { name: "x", principals: [SharePrincipal.account("222222222222")] });
    const error = expectValidationError(
      () => new ResourceShareAccepter(stack, "Eu", { share, provider: partnerEu }),
      "provider",
      "partnereu (region eu-west-1)",
    );
    expect(error.expected).toBe("a provider in us-east-1, the region of the share Stack/S (RAM shares and their invitations are regional)");
    expect(() => new ResourceShareAccepter(stack, "Home", { share, provider: partner })).not.toThrow();
  });

  test("fails when an imported share, known by a reference and given with its provider, is of another region than the accepter", () => {
    const { stack, partner, partnerEu } = providers();
    const arn = new TerraformVariable(stack, "share_arn", { type: "string" }).stringValue;
    const imported = ResourceShare.fromResourceShareAttributes(stack, "Imported", { resourceShareArn: arn, provider: partnerEu });
    expectValidationError(
      () => new ResourceShareAccepter(stack, "Accept", { share: imported, provider: partner }),
      "provider",
      "partner (region us-east-1)",
    );
    // Without its provider the share's region is not known: not judged.
    const unknown = ResourceShare.fromResourceShareAttributes(stack, "Unknown", { resourceShareArn: arn });
    expect(() => new ResourceShareAccepter(stack, "AcceptUnknown", { share: unknown, provider: partnerEu })).not.toThrow();
  });

  test("fails when a second accepter of the share is in the same account (another provider of it, or the same provider)", () => {
    const { stack, partner } = providers();
    const sameAccount = new AwsProvider(stack, "partner-2", { region: "us-east-1", alias: "partner2", allowedAccountIds: ["222222222222"] });
    const share = new ResourceShare(stack, "S", {
      name: "x",
      principals: [SharePrincipal.account("222222222222"), SharePrincipal.account("333333333333")],
    });
    new ResourceShareAccepter(stack, "A", { share, provider: partner });
    const error = expectValidationError(() => new ResourceShareAccepter(stack, "B", { share, provider: sameAccount }), "share", "Stack/S");
    expect(error.expected).toContain("a share no other accepter in account 222222222222 accepts (Stack/A does)");
    // Another account accepts its own invitation; another share is accepted on its own.
    const third = new AwsProvider(stack, "third", { region: "us-east-1", alias: "third", allowedAccountIds: ["333333333333"] });
    expect(() => new ResourceShareAccepter(stack, "C", { share, provider: third })).not.toThrow();
    const imported = ResourceShare.fromResourceShareAttributes(stack, "Imported", { resourceShareArn: SHARE_ARN });
    new ResourceShareAccepter(stack, "D", { share: imported, provider: partner });
    expectValidationError(() => new ResourceShareAccepter(stack, "E", { share: imported, provider: partner }), "share", "Stack/Imported");

    // A provider without a literal account: the same provider twice is the same account.
    const plain = newStack();
    const anyone = new AwsProvider(plain, "anyone", { region: "us-east-1", alias: "anyone" });
    const other = new AwsProvider(plain, "other", { region: "us-east-1", alias: "other" });
    const open = ResourceShare.fromResourceShareAttributes(plain, "Open", { resourceShareArn: SHARE_ARN });
    new ResourceShareAccepter(plain, "A", { share: open, provider: anyone });
    expect(
      expectValidationError(() => new ResourceShareAccepter(plain, "B", { share: open, provider: anyone }), "share", "Stack/Open").expected,
    ).toContain("a share no other accepter with provider anyone accepts (Stack/A does)");
    expect(() => new ResourceShareAccepter(plain, "C", { share: open, provider: other })).not.toThrow();
  });
});

describe("ResourceShare with no resource", () => {
  const warnings = (stack: TerraformStack) =>
    Testing.synth(stack) &&
    stack.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((m) => m.type === "@cdktf/warn")
      .map((m) => String(m.data));

  test("is warned about at synth: it shares nothing (another configuration may associate resources with it, so it is not refused)", () => {
    const stack = newStack();
    new ResourceShare(stack, "Empty", { name: "x", principals: [SharePrincipal.account("222222222222")] });
    expect(warnings(stack)).toEqual([expect.stringContaining("no resource is shared: add one with share.addResource(name, arn)")]);
  });

  test("is not warned about once a resource is added, by addResource or by the provider's resource association", () => {
    const stack = newStack();
    new ResourceShare(stack, "Added", { name: "x", principals: [SharePrincipal.account("222222222222")] }).addResource(
      "db",
      "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0",
    );
    const raw = new ResourceShare(stack, "Raw", { name: "y", principals: [SharePrincipal.account("222222222222")] });
    new RamResourceAssociation(stack, "Association", {
      resourceShareArn: raw.resource.arn,
      resourceArn: "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef1",
    });
    expect(warnings(stack)).toEqual([]);
  });
});
