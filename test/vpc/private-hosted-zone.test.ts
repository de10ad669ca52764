import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { HostedZone, PrivateHostedZone, Vpc } from "../../modules/vpc";
import { expectValidationError, resourcesOfType, synthJson, testApp } from "../helpers";

function setup(): { stack: TerraformStack; clients: Vpc; partner: AwsProvider } {
  const stack = new TerraformStack(testApp(), "Stack");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  const partner = new AwsProvider(stack, "aws-partner", { alias: "partner", region: "us-east-1" });
  const clients = new Vpc(stack, "Clients", { name: "clients", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  return { stack, clients, partner };
}

describe("PrivateHostedZone", () => {
  test("creates a private zone with its first VPC inline, lower-cased, that keeps the associations made beside it", () => {
    const { stack, clients } = setup();
    const zone = new PrivateHostedZone(stack, "Internal", { zoneName: "Internal.Example.com.", vpc: clients });
    const json = synthJson(stack);
    const [resource] = Object.values(resourcesOfType(json, "aws_route53_zone"));
    expect(resource).toMatchObject({
      name: "internal.example.com",
      comment: "Private names of internal.example.com",
      vpc: [{ vpc_id: expect.stringMatching(/^\$\{aws_vpc\.Clients_\w+\.id\}$/) }],
      lifecycle: { ignore_changes: ["vpc"] },
    });
    expect(zone.zoneName).toBe("internal.example.com");
    expect(resourcesOfType(json, "aws_route53_zone_association")).toEqual({});
  });

  test("associates a VPC of the zone's account directly, and one of another account through an authorization the zone's account gives", () => {
    const { stack, clients, partner } = setup();
    const zone = new PrivateHostedZone(stack, "Internal", { zoneName: "internal.example.com", vpc: clients });
    const sameAccount = Vpc.fromVpcAttributes(stack, "Batch", { vpcId: "vpc-0b000000000000001", cidrBlock: "10.1.0.0/16" });
    const otherAccount = Vpc.fromVpcAttributes(stack, "Partner", { vpcId: "vpc-0c000000000000001", cidrBlock: "10.2.0.0/16", provider: partner });
    zone.associateVpc("batch", sameAccount);
    zone.associateVpc("partner", otherAccount);
    const json = synthJson(stack);
    const associations = resourcesOfType(json, "aws_route53_zone_association");
    const authorizations = resourcesOfType(json, "aws_route53_vpc_association_authorization");
    expect(Object.keys(associations).sort()).toEqual([
      expect.stringMatching(/^Internal_Association-batch_/),
      expect.stringMatching(/^Internal_Association-partner_/),
    ]);
    const [authorizationName, authorization] = Object.entries(authorizations)[0];
    expect(Object.keys(authorizations)).toHaveLength(1);
    expect(authorization).toMatchObject({
      zone_id: expect.stringMatching(/^\$\{aws_route53_zone\.Internal_\w+\.zone_id\}$/),
      vpc_id: "vpc-0c000000000000001",
    });
    expect(authorization).not.toHaveProperty("provider");
    const byName = (prefix: string) => Object.entries(associations).find(([name]) => name.startsWith(prefix))![1];
    expect(byName("Internal_Association-batch")).toMatchObject({
      zone_id: expect.stringMatching(/^\$\{aws_route53_zone\.Internal_\w+\.zone_id\}$/),
      vpc_id: "vpc-0b000000000000001",
    });
    expect(byName("Internal_Association-batch")).not.toHaveProperty("provider");
    // The partner's account associates, after (through the attributes of) the authorization.
    expect(byName("Internal_Association-partner")).toEqual(
      expect.objectContaining({
        provider: "aws.partner",
        zone_id: `\${aws_route53_vpc_association_authorization.${authorizationName}.zone_id}`,
        vpc_id: `\${aws_route53_vpc_association_authorization.${authorizationName}.vpc_id}`,
      }),
    );
  });

  test("a VPC of another region is authorized with its region (vpc_region): Route 53 would look for it in the zone provider's region", () => {
    const { stack, clients } = setup();
    const eu = new AwsProvider(stack, "aws-eu", { alias: "eu", region: "eu-west-1" });
    const zone = new PrivateHostedZone(stack, "Internal", { zoneName: "internal.example.com", vpc: clients });
    zone.associateVpc(
      "eu",
      new Vpc(stack, "V2", { name: "v2", cidrBlock: "10.3.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b"], provider: eu }),
    );
    const json = synthJson(stack);
    expect(Object.values(resourcesOfType(json, "aws_route53_vpc_association_authorization"))[0]).toMatchObject({ vpc_region: "eu-west-1" });
    // The VPC's own provider associates it: its region is the VPC's, so nothing more is written.
    const [association] = Object.values(resourcesOfType(json, "aws_route53_zone_association"));
    expect(association).toMatchObject({ provider: "aws.eu" });
    expect(association).not.toHaveProperty("vpc_region");
  });

  test("a VPC of the zone's account in another region (a provider per region, pinned to one account) is associated by the zone's account, with its region, without an authorization", () => {
    const stack = new TerraformStack(testApp(), "Stack");
    const home = new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
    const eu = new AwsProvider(stack, "aws-eu", { alias: "eu", region: "eu-west-1", allowedAccountIds: ["111111111111"] });
    const other = new AwsProvider(stack, "aws-other", { alias: "other", region: "eu-west-1", allowedAccountIds: ["222222222222"] });
    const clients = new Vpc(stack, "Clients", { name: "clients", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const zone = new PrivateHostedZone(stack, "Internal", { zoneName: "internal.example.com", vpc: clients });
    const euVpc = new Vpc(stack, "Eu", { name: "eu", cidrBlock: "10.3.0.0/16", availabilityZones: ["eu-west-1a", "eu-west-1b"], provider: eu });
    zone.associateVpc("eu", euVpc);
    // The neighbour: a VPC of another account (pinned too) is still authorized by the zone's account and associated by its own.
    zone.associateVpc("other", Vpc.fromVpcAttributes(stack, "Other", { vpcId: "vpc-0c000000000000001", cidrBlock: "10.2.0.0/16", provider: other }));
    const json = synthJson(stack);
    const associations = resourcesOfType(json, "aws_route53_zone_association");
    const byName = (prefix: string) => Object.entries(associations).find(([name]) => name.startsWith(prefix))![1];
    expect(byName("Internal_Association-eu")).toEqual({
      vpc_id: expect.stringMatching(/^\$\{aws_vpc\.Eu_\w+\.id\}$/),
      vpc_region: "eu-west-1",
      zone_id: expect.stringMatching(/^\$\{aws_route53_zone\.Internal_\w+\.zone_id\}$/),
    });
    expect(byName("Internal_Association-other")).toMatchObject({ provider: "aws.other" });
    expect(Object.values(resourcesOfType(json, "aws_route53_vpc_association_authorization"))).toEqual([
      expect.objectContaining({ vpc_id: "vpc-0c000000000000001", vpc_region: "eu-west-1" }),
    ]);
    // Its first VPC of the account's other region: the zone's vpc block names that region.
    const euZone = new PrivateHostedZone(stack, "EuInternal", { zoneName: "eu.internal.example.com", vpc: euVpc, provider: home });
    const [euZoneResource] = Object.entries(resourcesOfType(synthJson(stack), "aws_route53_zone"))
      .filter(([name]) => name.startsWith("EuInternal_"))
      .map(([, r]) => r);
    expect(euZone.provider?.alias).toBeUndefined();
    expect(euZoneResource.vpc).toEqual([{ vpc_id: expect.stringMatching(/^\$\{aws_vpc\.Eu_\w+\.id\}$/), vpc_region: "eu-west-1" }]);
  });

  test("a VPC of the zone's region, of another account, gets no vpc_region (the provider's own region is right)", () => {
    const { stack, clients, partner } = setup();
    const zone = new PrivateHostedZone(stack, "Internal", { zoneName: "internal.example.com", vpc: clients });
    zone.associateVpc(
      "partner",
      Vpc.fromVpcAttributes(stack, "Partner", { vpcId: "vpc-0c000000000000001", cidrBlock: "10.2.0.0/16", provider: partner }),
    );
    const json = synthJson(stack);
    expect(Object.values(resourcesOfType(json, "aws_route53_vpc_association_authorization"))[0]).not.toHaveProperty("vpc_region");
    expect(Object.values(resourcesOfType(json, "aws_route53_zone_association"))[0]).not.toHaveProperty("vpc_region");
  });

  test("lives in the account of its first VPC unless given a provider", () => {
    const { stack, partner } = setup();
    const partnerVpc = Vpc.fromVpcAttributes(stack, "Partner", { vpcId: "vpc-0c000000000000001", cidrBlock: "10.2.0.0/16", provider: partner });
    const zone = new PrivateHostedZone(stack, "Internal", { zoneName: "internal.example.com", vpc: partnerVpc });
    expect(zone.provider).toBe(partner);
    expect(Object.values(resourcesOfType(stack, "aws_route53_zone"))[0]).toMatchObject({ provider: "aws.partner" });
  });

  test("fails when the zone's first VPC is in another account than the zone", () => {
    const { stack, clients, partner } = setup();
    expectValidationError(
      () => new PrivateHostedZone(stack, "Internal", { zoneName: "internal.example.com", vpc: clients, provider: partner }),
      "vpc",
      "Clients (provider default)",
    );
  });

  test("fails when the zone name is not a DNS name", () => {
    const { stack, clients } = setup();
    expectValidationError(
      () => new PrivateHostedZone(stack, "Internal", { zoneName: "internal example", vpc: clients }),
      "zoneName",
      "internal example",
    );
  });

  test("fails when the zone has no VPC: a private zone is always associated with one", () => {
    const { stack } = setup();
    expectValidationError(() => new PrivateHostedZone(stack, "Internal", { zoneName: "internal.example.com" } as never), "vpc", "undefined");
  });

  test("fails when a VPC is given as its ID string (a JavaScript caller): the zone's vpc block, or the association, would have no vpc_id", () => {
    const { stack, clients } = setup();
    const id = "vpc-0123456789abcdef0";
    const error = expectValidationError(
      () => new PrivateHostedZone(stack, "ById", { zoneName: "internal.example.com", vpc: id as never }),
      "vpc",
      id,
    );
    expect(error.expected).toContain("a value made with new Vpc(...) or Vpc.fromVpcAttributes(...)");
    const zone = new PrivateHostedZone(stack, "Internal", { zoneName: "internal.example.com", vpc: clients });
    expectValidationError(() => zone.associateVpc("batch", id as never), "associateVpc(batch)", id);
    zone.associateVpc("batch", Vpc.fromVpcAttributes(stack, "Batch", { vpcId: id, cidrBlock: "10.1.0.0/16" }));
  });

  test("fails when a VPC or an association name is associated twice", () => {
    const { stack, clients } = setup();
    const zone = new PrivateHostedZone(stack, "Internal", {
      zoneName: "internal.example.com",
      vpc: Vpc.fromVpcAttributes(stack, "Batch", { vpcId: "vpc-0b000000000000001", cidrBlock: "10.1.0.0/16" }),
    });
    zone.associateVpc("clients", clients);
    expectValidationError(
      () => zone.associateVpc("clients", Vpc.fromVpcAttributes(stack, "Other", { vpcId: "vpc-0d000000000000001", cidrBlock: "10.3.0.0/16" })),
      "associateVpc(clients)",
      "clients",
    );
    expectValidationError(
      () =>
        zone.associateVpc("batch-again", Vpc.fromVpcAttributes(stack, "BatchAgain", { vpcId: "vpc-0b000000000000001", cidrBlock: "10.1.0.0/16" })),
      "associateVpc(batch-again)",
      "vpc-0b000000000000001",
    );
  });

  test("fails when the comment is longer than Route 53's 256 characters, tags break AWS's limits, or associateVpc gets no name or no VPC", () => {
    const { stack, clients } = setup();
    expectValidationError(
      () => new PrivateHostedZone(stack, "Long", { zoneName: "internal.example.com", vpc: clients, comment: "c".repeat(257) }),
      "comment",
      "ccc",
    );
    expectValidationError(
      () => new PrivateHostedZone(stack, "Tagged", { zoneName: "internal.example.com", vpc: clients, tags: { "aws:team": "dns" } }),
      "tags",
      "aws:team",
    );
    const zone = new PrivateHostedZone(stack, "Internal", {
      zoneName: "internal.example.com",
      vpc: clients,
      comment: "c".repeat(256),
      tags: { Team: "dns" },
    });
    expect(Object.values(resourcesOfType(stack, "aws_route53_zone"))[0]).toMatchObject({ tags: { Team: "dns" } });
    expectValidationError(() => zone.associateVpc("", clients), "associateVpc.name", '""');
    expectValidationError(() => zone.associateVpc("batch", undefined as never), "associateVpc(batch)", "undefined");
  });

  test("fails when a prop is misspelled: the comment would be dropped without a word", () => {
    const { stack, clients } = setup();
    const error = expectValidationError(
      () => new PrivateHostedZone(stack, "Internal", { zoneName: "internal.example.com", vpc: clients, coment: "internal names" } as never),
      "coment",
      "internal names",
    );
    expect(error.message).toContain("did you mean comment?");
  });
});

describe("PrivateHostedZone, VPCs associated twice", () => {
  test("fails when the zone's own VPC, made in this stack, is associated again", () => {
    const { stack, clients } = setup();
    const zone = new PrivateHostedZone(stack, "Zone", { zoneName: "corp.example.com", vpc: clients });
    expectValidationError(() => zone.associateVpc("again", clients), "associateVpc(again)", "Stack/Clients");
  });

  test("fails when a VPC gets two private zones of the same name, which Route 53 refuses (ConflictingDomainExists)", () => {
    const { stack, clients } = setup();
    const first = new PrivateHostedZone(stack, "First", { zoneName: "corp.example.com", vpc: clients });
    const error = expectValidationError(
      () => new PrivateHostedZone(stack, "Second", { zoneName: "Corp.Example.com.", vpc: clients }),
      "vpc",
      "Stack/Clients",
    );
    expect(error.expected).toContain(first.node.path);
    const other = new Vpc(stack, "Other", { name: "other", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const second = new PrivateHostedZone(stack, "Third", { zoneName: "corp.example.com", vpc: other });
    expectValidationError(() => second.associateVpc("clients", clients), "associateVpc(clients)", "Stack/Clients");
    // Zones of other names share the VPC freely.
    new PrivateHostedZone(stack, "Apps", { zoneName: "apps.example.com", vpc: clients });
  });
});

describe("PrivateHostedZone, zones made elsewhere that an imported VPC is associated with", () => {
  const existing = (stack: TerraformStack, privateHostedZoneNames?: string[]) =>
    Vpc.fromVpcAttributes(stack, "Spoke", { vpcId: "vpc-0bbb0000000000001", cidrBlock: "10.1.0.0/16", privateHostedZoneNames });

  test("fails when the zone is created with, or associated with, a VPC that has a zone of its name already (VpcAttributes.privateHostedZoneNames)", () => {
    const { stack, clients } = setup();
    const spoke = existing(stack, ["SSM.us-east-1.amazonaws.com"]);
    const error = expectValidationError(
      () => new PrivateHostedZone(stack, "Ssm", { zoneName: "ssm.us-east-1.amazonaws.com.", vpc: spoke }),
      "vpc",
      "vpc-0bbb0000000000001",
    );
    expect(error.expected).toContain("the existing private hosted zone ssm.us-east-1.amazonaws.com (VpcAttributes.privateHostedZoneNames)");
    const hub = new PrivateHostedZone(stack, "HubSsm", { zoneName: "ssm.us-east-1.amazonaws.com", vpc: clients });
    expectValidationError(() => hub.associateVpc("spoke", spoke), "associateVpc(spoke)", "vpc-0bbb0000000000001");
  });

  test("a zone of another name, or a VPC that names no zones, is associated", () => {
    const { stack, clients } = setup();
    new PrivateHostedZone(stack, "Ssm", { zoneName: "ssm.us-east-1.amazonaws.com", vpc: clients }).associateVpc(
      "spoke",
      existing(stack, ["logs.us-east-1.amazonaws.com", "us-east-1.amazonaws.com"]),
    );
    const other = setup();
    new PrivateHostedZone(other.stack, "Ssm", { zoneName: "ssm.us-east-1.amazonaws.com", vpc: other.clients }).associateVpc(
      "spoke",
      existing(other.stack),
    );
    expect(() => [synthJson(stack), synthJson(other.stack)]).not.toThrow();
  });
});

describe("HostedZone.fromHostedZoneAttributes", () => {
  test("keeps the domain lower case without the final dot", () => {
    const { stack } = setup();
    expect(HostedZone.fromHostedZoneAttributes(stack, "Public", { zoneId: "Z0123456789ABCDEFGHIJ", zoneName: "Example.COM." })).toMatchObject({
      zoneId: "Z0123456789ABCDEFGHIJ",
      zoneName: "example.com",
    });
  });

  test("fails when the zone ID is another resource's ID or the domain is not a DNS name", () => {
    const { stack } = setup();
    expectValidationError(
      () => HostedZone.fromHostedZoneAttributes(stack, "Vpc", { zoneId: "vpc-0123456789abcdef0", zoneName: "example.com" }),
      "zoneId",
      "vpc-0123456789abcdef0",
    );
    expectValidationError(
      () => HostedZone.fromHostedZoneAttributes(stack, "Url", { zoneId: "Z0123456789ABCDEFGHIJ", zoneName: "https://example.com" }),
      "zoneName",
      "https://example.com",
    );
    expectValidationError(
      () => HostedZone.fromHostedZoneAttributes(stack, "Missing", { zoneId: "Z0123456789ABCDEFGHIJ" } as never),
      "zoneName",
      "undefined",
    );
  });

  test("fails when an attribute is misspelled", () => {
    const { stack } = setup();
    const error = expectValidationError(
      () =>
        HostedZone.fromHostedZoneAttributes(stack, "Public", {
          zoneId: "Z0123456789ABCDEFGHIJ",
          zoneName: "example.com",

          zonename: "x",
        } as never),
      "zonename",
      "x",
    );
    expect(error.message).toContain("did you mean zoneName?");
  });
});
