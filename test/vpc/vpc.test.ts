import { TerraformStack, Testing } from "cdktf";
import { IVpc, PrivateVpc, Vpc, vpcClientPeers, VpcFlowLog } from "../../modules/vpc";
import { ValidationError } from "../../modules/core";
import { expectValidationError, testApp } from "../helpers";

const newStack = (): TerraformStack => new TerraformStack(testApp(), "Stack");

describe("Vpc", () => {
  test("creates a DNS-enabled VPC with one private subnet and route table per AZ, keyed by AZ", () => {
    const stack = newStack();
    new Vpc(stack, "Vpc", { name: "app", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const json = JSON.parse(Testing.synth(stack));
    const vpc = Object.values(json.resource.aws_vpc)[0] as Record<string, unknown>;
    expect(vpc).toMatchObject({ cidr_block: "10.1.0.0/16", enable_dns_support: true, enable_dns_hostnames: true });
    const subnets = Object.entries(json.resource.aws_subnet) as [string, Record<string, unknown>][];
    expect(subnets.map(([, s]) => s.availability_zone)).toEqual(["us-east-1a", "us-east-1b"]);
    expect(subnets.map(([name]) => name).every((name) => /us-east-1[ab]/.test(name))).toBe(true);
    expect(subnets[1][1].cidr_block).toBe('${cidrsubnet("10.1.0.0/16", 8, 1)}');
    expect(Object.keys(json.resource.aws_route_table)).toHaveLength(2);
    expect(Object.keys(json.resource.aws_route_table_association)).toHaveLength(2);
    expect(json.resource.aws_internet_gateway).toBeUndefined();
  });

  test("places subnets by AZ ID for cross-account meetings: availability_zone_id, keyed by the ID", () => {
    const stack = newStack();
    const vpc = new Vpc(stack, "Vpc", { name: "app", cidrBlock: "10.1.0.0/16", availabilityZones: ["use1-az1", "use1-az2"] });
    const subnets = Object.entries(JSON.parse(Testing.synth(stack)).resource.aws_subnet) as [string, Record<string, unknown>][];
    expect(subnets.map(([, s]) => [s.availability_zone_id, s.availability_zone])).toEqual([
      ["use1-az1", undefined],
      ["use1-az2", undefined],
    ]);
    expect(subnets.map(([name]) => name).every((name) => /use1-az[12]/.test(name))).toBe(true);
    expect(vpc.privateSubnets.map((s) => s.availabilityZoneId)).toEqual(["use1-az1", "use1-az2"]);
  });

  test("fails when AZ names and AZ IDs are mixed", () => {
    const error = (() => {
      try {
        new Vpc(newStack(), "Vpc", { name: "app", cidrBlock: "10.1.0.0/16", availabilityZones: ["use1-az1", "us-east-1b"] });
      } catch (e) {
        return e as ValidationError;
      }
      throw new Error("expected a ValidationError");
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.prop).toBe("availabilityZones[1]");
    expect(error.expected).toMatch(/names and IDs are not mixed/);
  });

  test("takes over the default security group and leaves it without rules, unless told not to", () => {
    const stack = newStack();
    new Vpc(stack, "Vpc", { name: "app", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a"] });
    const groups = Object.values(JSON.parse(Testing.synth(stack)).resource.aws_default_security_group) as Record<string, unknown>[];
    expect(groups).toHaveLength(1);
    expect(groups[0].vpc_id).toMatch(/^\$\{aws_vpc\.\w+\.id\}$/);
    expect(groups[0]).not.toHaveProperty("ingress");
    expect(groups[0]).not.toHaveProperty("egress");

    const open = newStack();
    new Vpc(open, "Vpc", { name: "app", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a"], restrictDefaultSecurityGroup: false });
    expect(JSON.parse(Testing.synth(open)).resource.aws_default_security_group).toBeUndefined();
  });

  test("dual-stack subnets get IPv6 blocks from the VPC's Amazon-provided block", () => {
    const stack = newStack();
    const vpc = new Vpc(stack, "Vpc", { name: "app", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a"], dualStack: true });
    expect(vpc.privateSubnets[0].ipAddressType).toBe("dualstack");
    const json = JSON.parse(Testing.synth(stack));
    expect(Object.values(json.resource.aws_vpc)[0]).toMatchObject({ assign_generated_ipv6_cidr_block: true });
    expect(Object.values(json.resource.aws_subnet)[0]).toMatchObject({ assign_ipv6_address_on_creation: true });
  });

  test("fails when the CIDR, AZ list or AZ names are malformed", () => {
    expect(() => new Vpc(newStack(), "Vpc", { name: "a", cidrBlock: "10.1.0.0", availabilityZones: ["us-east-1a"] })).toThrow(
      /Vpc: invalid cidrBlock: received "10.1.0.0"; expected an IPv4 CIDR block/,
    );
    expect(() => new Vpc(newStack(), "Vpc", { name: "a", cidrBlock: "10.1.0.0/16", availabilityZones: [] })).toThrow(/availabilityZones/);
    expect(() => new Vpc(newStack(), "Vpc", { name: "a", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1a"] })).toThrow(
      /unique values/,
    );
    expect(() => new Vpc(newStack(), "Vpc", { name: "a", cidrBlock: "10.1.0.0/16", availabilityZones: ["east"] })).toThrow(
      /availabilityZones\[0\]: received "east"/,
    );
  });

  test.each([
    ["a VPC block larger than /16", { cidrBlock: "10.0.0.0/8" }, "cidrBlock", /\/16 to \/28/],
    ["a VPC block smaller than /28", { cidrBlock: "10.0.0.0/29", subnetNewBits: 1 }, "cidrBlock", /\/16 to \/28/],
    ["subnets smaller than /28 by default", { cidrBlock: "10.0.0.0/24" }, "subnetNewBits", /at most 4 for a \/24 VPC \(8 when unset\)/],
    ["subnets smaller than /28", { cidrBlock: "10.0.0.0/20", subnetNewBits: 12 }, "subnetNewBits", /would be \/32/],
    [
      "more AZs than subnetNewBits makes subnets",
      { availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"], subnetNewBits: 1 },
      "subnetNewBits",
      /at least 2 for 3 availability zones/,
    ],
  ])("fails when given %s, which AWS refuses", (_, props, prop, expected) => {
    const build = () =>
      new Vpc(newStack(), "Vpc", { name: "a", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], ...props });
    expect(build).toThrow(ValidationError);
    expect(build).toThrow(new RegExp(`invalid ${prop}: `));
    expect(build).toThrow(expected);
  });

  test.each(["224.0.0.0/16", "127.0.0.0/16", "169.254.0.0/16", "0.0.0.0/16", "240.0.0.0/16", "255.255.0.0/16", "239.255.255.0/24"])(
    "fails when the block %s is one no VPC can have, new or imported",
    (cidrBlock) => {
      const error = expectValidationError(
        () => new Vpc(newStack(), "Vpc", { name: "a", cidrBlock, availabilityZones: ["us-east-1a", "us-east-1b"] }),
        "cidrBlock",
        cidrBlock,
      );
      expect(error.expected).toContain("a unicast block outside 0.0.0.0/8, 127.0.0.0/8, 169.254.0.0/16, 224.0.0.0/4 and 240.0.0.0/4");
      expectValidationError(
        () => Vpc.fromVpcAttributes(newStack(), "Existing", { vpcId: "vpc-0123456789abcdef0", cidrBlock }),
        "cidrBlock",
        cidrBlock,
      );
    },
  );

  test.each([
    "10.0.0.0/16",
    "172.16.0.0/16",
    "192.168.0.0/16",
    "100.64.0.0/16",
    "1.0.0.0/16",
    "126.255.0.0/16",
    "128.0.0.0/16",
    "169.253.0.0/16",
    "169.255.0.0/16",
    "223.255.0.0/16",
  ])("takes the unicast block %s (RFC 1918, or publicly routable), next to the blocks no VPC can have", (cidrBlock) => {
    new Vpc(newStack(), "Vpc", { name: "a", cidrBlock, availabilityZones: ["us-east-1a", "us-east-1b"] });
  });

  test("a flow log fails when its VPC is given as an ID string (a JavaScript caller); an imported VPC gets one", () => {
    const stack = newStack();
    expectValidationError(() => new VpcFlowLog(stack, "ById", { vpc: "vpc-0123456789abcdef0" as never }), "vpc", "vpc-0123456789abcdef0");
    new VpcFlowLog(stack, "Imported", {
      vpc: Vpc.fromVpcAttributes(stack, "Existing", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16" }),
    });
  });

  test("takes the smallest subnets AWS does: /28, in a /27 VPC or with 12 new bits in a /16", () => {
    expect(
      () => new Vpc(newStack(), "Vpc", { name: "a", cidrBlock: "10.0.0.0/27", availabilityZones: ["us-east-1a", "us-east-1b"], subnetNewBits: 1 }),
    ).not.toThrow();
    expect(
      () => new Vpc(newStack(), "Vpc", { name: "a", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], subnetNewBits: 12 }),
    ).not.toThrow();
  });

  test("imports an existing VPC by attributes", () => {
    const vpc = Vpc.fromVpcAttributes(newStack(), "Existing", {
      vpcId: "vpc-0123456789abcdef0",
      cidrBlock: "10.9.0.0/16",
      privateSubnets: [{ subnetId: "subnet-0123456789abcdef0", availabilityZone: "us-east-1a" }],
    });
    expect(vpc.vpcId).toBe("vpc-0123456789abcdef0");
    expect(vpc.privateSubnets).toHaveLength(1);
    expect(() => Vpc.fromVpcAttributes(newStack(), "Bad", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "nope" })).toThrow(ValidationError);
  });

  test("fails when an imported VPC's block is not a VPC's size (/16 to /28): a typo such as /8 would open endpoints to all of 10/8", () => {
    for (const cidrBlock of ["10.0.0.0/8", "0.0.0.0/0", "10.0.0.0/29"]) {
      const error = expectValidationError(
        () => Vpc.fromVpcAttributes(newStack(), "Existing", { vpcId: "vpc-0123456789abcdef0", cidrBlock }),
        "cidrBlock",
        cidrBlock,
      );
      expect(error.message).toContain("Existing");
      expect(error.message).toContain("/16 to /28");
    }
    expect(Vpc.fromVpcAttributes(newStack(), "Existing", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/28" }).cidrBlock).toBe("10.0.0.0/28");
  });

  test("fails when an imported VPC's IPv6 block is not a VPC's size (/44 to /60): a /64 is one subnet's block, and the VPC's other subnets' clients would be left out of its rules", () => {
    const imported = (ipv6CidrBlock: string) =>
      Vpc.fromVpcAttributes(newStack(), "Existing", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16", ipv6CidrBlock });
    for (const block of ["2600:1f18:1234:5600::/64", "2600:1f18:1200::/40", "2600:1f18:1234:5670::/61"]) {
      const error = expectValidationError(() => imported(block), "ipv6CidrBlock", block);
      expect(error.expected).toContain("/44 to /60");
    }
    for (const block of ["2600:1f18:1234:5600::/56", "2600:1f18:1230::/44", "2600:1f18:1234:5670::/60"])
      expect(vpcClientPeers(imported(block), { ipv6: true }).map((peer) => peer.cidr)).toContain(block);
  });

  test("fails when a prop is misspelled, new or imported: the default would apply without a word", () => {
    const misspelled = expectValidationError(
      () => new Vpc(newStack(), "Vpc", { name: "app", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a"], dualstack: true } as never),
      "dualstack",
      "true",
    );
    expect(misspelled.message).toContain("did you mean dualStack?");
    const imported = expectValidationError(
      () =>
        Vpc.fromVpcAttributes(newStack(), "Existing", {
          vpcId: "vpc-0123456789abcdef0",
          cidrBlock: "10.9.0.0/16",
          privateSubnetId: ["subnet-0aaa1111bbbb22220"],
        } as never),
      "privateSubnetId",
      "subnet-0aaa1111bbbb22220",
    );
    expect(imported.message).toContain("did you mean privateSubnetIds?");
  });

  test("an imported VPC carries the private hosted zones and the service network association it has already, canonical; nothing when not told", () => {
    const existing = (attrs: object) =>
      Vpc.fromVpcAttributes(newStack(), "Existing", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.9.0.0/16", ...attrs });
    const told = existing({
      privateHostedZoneNames: ["SSM.us-east-1.amazonaws.com.", "api.partner.example.com"],
      serviceNetworkAssociation: "snva-0123456789abcdef0",
    });
    expect(told.associatedPrivateZoneNames).toEqual(["ssm.us-east-1.amazonaws.com", "api.partner.example.com"]);
    expect(told.serviceNetworkAssociation).toBe("snva-0123456789abcdef0");
    const silent = existing({});
    expect([silent.associatedPrivateZoneNames, silent.serviceNetworkAssociation]).toEqual([undefined, undefined]);
    const made: IVpc = new Vpc(newStack(), "Vpc", { name: "app", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a"] });
    expect([made.associatedPrivateZoneNames, made.serviceNetworkAssociation]).toEqual([undefined, undefined]);
  });

  test("fails when an imported VPC's privateHostedZoneNames has a name that is no DNS name, or one name twice (a VPC has one zone of a name)", () => {
    const existing = (privateHostedZoneNames: unknown) => () =>
      Vpc.fromVpcAttributes(newStack(), "Existing", {
        vpcId: "vpc-0123456789abcdef0",
        cidrBlock: "10.9.0.0/16",
        privateHostedZoneNames: privateHostedZoneNames as string[],
      });
    expectValidationError(existing(["https://api.partner.example.com"]), "privateHostedZoneNames[0]", "https://api.partner.example.com");
    expectValidationError(existing("api.partner.example.com"), "privateHostedZoneNames", "api.partner.example.com");
    const twice = expectValidationError(
      existing(["api.partner.example.com", "API.partner.example.com."]),
      "privateHostedZoneNames[1]",
      "API.partner.example.com.",
    );
    expect(twice.expected).toContain("privateHostedZoneNames[0] is api.partner.example.com already");
    expect(() => existing(["api.partner.example.com", "partner.example.com"])()).not.toThrow();
  });

  test("fails when an imported VPC's serviceNetworkAssociation is not an association ID (a service network's ID or ARN)", () => {
    const existing = (serviceNetworkAssociation: string) => () =>
      Vpc.fromVpcAttributes(newStack(), "Existing", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.9.0.0/16", serviceNetworkAssociation });
    for (const wrong of ["sn-0123456789abcdef0", "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0", "snva-0123"]) {
      const error = expectValidationError(existing(wrong), "serviceNetworkAssociation", wrong);
      expect(error.expected).toContain("snva-0123456789abcdef0");
    }
    expect(() => existing("snva-0123456789abcdef0")()).not.toThrow();
  });

  test("fails when an imported VPC lists a subnet twice, naming the entry the user wrote (not an internal list)", () => {
    const subnet = "subnet-0aaa1111bbbb22220";
    const twice = expectValidationError(
      () =>
        Vpc.fromVpcAttributes(newStack(), "Existing", {
          vpcId: "vpc-0123456789abcdef0",
          cidrBlock: "10.9.0.0/16",
          privateSubnetIds: [subnet, subnet],
          availabilityZones: ["us-east-1a", "us-east-1b"],
        }),
      "privateSubnetIds[1]",
      subnet,
    );
    expect(twice.message).toContain("privateSubnetIds[0] is the same subnet");
    const acrossTiers = expectValidationError(
      () =>
        Vpc.fromVpcAttributes(newStack(), "Existing", {
          vpcId: "vpc-0123456789abcdef0",
          cidrBlock: "10.9.0.0/16",
          privateSubnetIds: [subnet],
          subnetGroups: [{ tier: "data", subnetIds: ["subnet-0bbb1111bbbb22220", subnet] }],
        }),
      "subnetGroups[0].subnetIds[1]",
      subnet,
    );
    expect(acrossTiers.message).toContain("privateSubnetIds[0] is the same subnet");
  });

  test("the deprecated PrivateVpc and PrivateVpc.fromAttributes still build the same VPC", () => {
    const props = { name: "app", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a"] };
    const [oldStack, newStackOfVpc] = [newStack(), newStack()];
    expect(new PrivateVpc(oldStack, "Vpc", props)).toBeInstanceOf(Vpc);
    new Vpc(newStackOfVpc, "Vpc", props);
    expect(Testing.synth(oldStack)).toBe(Testing.synth(newStackOfVpc));
    expect(PrivateVpc.fromAttributes(newStack(), "Existing", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.9.0.0/16" }).vpcId).toBe(
      "vpc-0123456789abcdef0",
    );
  });
});

describe("Vpc.fromVpcAttributes: subnets of JavaScript callers", () => {
  const base = { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.50.0.0/16" };
  const subnet = (n: number, extra: object = {}) => ({
    subnetId: `subnet-0123456789abcdef${n}`,
    availabilityZone: n === 0 ? "us-east-1a" : "us-east-1b",
    ...extra,
  });

  test("fails when a private subnet's cidrBlock is smaller than /28, the smallest subnet AWS makes; /28 passes", () => {
    expectValidationError(
      () => Vpc.fromVpcAttributes(newStack(), "Existing", { ...base, privateSubnets: [subnet(0, { cidrBlock: "10.50.1.0/29" })] }),
      "privateSubnets[0].cidrBlock",
      '"10.50.1.0/29"',
    );
    expect(() =>
      Vpc.fromVpcAttributes(newStack(), "Existing", { ...base, privateSubnets: [subnet(0, { cidrBlock: "10.50.1.0/28" })] }),
    ).not.toThrow();
  });

  test("fails when two private subnets' blocks overlap (the subnets of a VPC never do); adjacent blocks pass", () => {
    const error = expectValidationError(
      () =>
        Vpc.fromVpcAttributes(newStack(), "Existing", {
          ...base,
          privateSubnets: [subnet(0, { cidrBlock: "10.50.1.0/24" }), subnet(1, { cidrBlock: "10.50.1.0/25" })],
        }),
      "privateSubnets[1].cidrBlock",
      '"10.50.1.0/25"',
    );
    expect(error.expected).toContain("privateSubnets[0]'s 10.50.1.0/24");
    expect(() =>
      Vpc.fromVpcAttributes(newStack(), "Existing", {
        ...base,
        privateSubnets: [subnet(0, { cidrBlock: "10.50.1.0/24" }), subnet(1, { cidrBlock: "10.50.2.0/24" })],
      }),
    ).not.toThrow();
  });

  test("fails when a private subnet is of another tier (it would not be one of privateSubnets); tier private passes", () => {
    expectValidationError(
      () => Vpc.fromVpcAttributes(newStack(), "Existing", { ...base, privateSubnets: [subnet(0, { tier: "app" })] }),
      "privateSubnets[0].tier",
      '"app"',
    );
    expect(Vpc.fromVpcAttributes(newStack(), "Existing", { ...base, privateSubnets: [subnet(0, { tier: "private" })] }).privateSubnets).toHaveLength(
      1,
    );
  });

  test("fails when a private subnet object or a subnet group has a field it does not take (it was dropped without a word)", () => {
    const error = expectValidationError(
      () => Vpc.fromVpcAttributes(newStack(), "Existing", { ...base, privateSubnets: [subnet(0, { cidr: "10.50.1.0/24" }) as never] }),
      "privateSubnets[0].cidr",
      '"10.50.1.0/24"',
    );
    expect(error.expected).toContain("availabilityZoneId, cidrBlock, routeTableId");
    expectValidationError(
      () =>
        Vpc.fromVpcAttributes(newStack(), "Existing", {
          ...base,
          subnetGroups: [{ tier: "app", subnetIds: ["subnet-0123456789abcdef0"], cidrBlock: "10.50.1.0/24" } as never],
        }),
      "subnetGroups[0].cidrBlock",
      '"10.50.1.0/24"',
    );
    expect(() =>
      Vpc.fromVpcAttributes(newStack(), "Existing", { ...base, subnetGroups: [{ tier: "app", subnetIds: ["subnet-0123456789abcdef0"] }] }),
    ).not.toThrow();
  });
});
