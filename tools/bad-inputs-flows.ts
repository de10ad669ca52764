import { TerraformStack, TerraformVariable } from "cdktf";
import { AwsService, EndpointPolicy, InterfaceEndpoint } from "../modules/endpoints";
import { analyzeFlow, analyzeStackFlow, expectFlow, Flows, NetworkModel, networkModelOf } from "../modules/flows";
import { IVpc, PrivateVpc, SecurityGroup, Vpc } from "../modules/vpc";
import type { BadInput } from "./bad-input-catalog";

/**
 * More bad inputs of the flow analysis API (declared flows, flow questions): wrong values found by reviewing the published API
 * as users would (stop 24). Part of the bad-input catalog.
 */
const appVpc = (stack: TerraformStack, id = "AppVpc", cidrBlock = "10.0.0.0/16") =>
  new PrivateVpc(stack, id, { name: id.toLowerCase(), cidrBlock, availabilityZones: ["us-east-1a", "us-east-1b"] });
const LEGACY_VPC_ID = "vpc-0123456789abcdef0";
/** A VPC made elsewhere, imported with its private subnets, as brownfield flows start in. */
const legacyVpc = (stack: TerraformStack) =>
  Vpc.fromVpcAttributes(stack, "Legacy", {
    vpcId: LEGACY_VPC_ID,
    cidrBlock: "10.1.0.0/16",
    privateSubnetIds: ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"],
    availabilityZones: ["us-east-1a", "us-east-1b"],
  });
const legacyEndpoint = (stack: TerraformStack, vpc: IVpc) =>
  new InterfaceEndpoint(stack, "Logs", { vpc, service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly("o-abcdefghij") });

export const FLOW_BAD_INPUTS: readonly BadInput[] = [
  {
    module: "flows",
    api: "analyzeFlow",
    cause: "no network model: analyzeFlow(undefined, from, to)",
    fix: "pass the model of the stack: networkModelOf(stack), or NetworkModel.fromJson(name, json) of its synthesized JSON",
    scope: "app",
    path: "flows",
    prop: "model",
    received: "undefined",
    build: () => analyzeFlow(undefined as unknown as NetworkModel, { vpc: "aws_vpc.main" }, { target: "aws_vpc_endpoint.logs" }),
  },
  {
    module: "flows",
    api: "Flows.allow",
    cause: "a declared flow from a VPC of another stack: it can never be proven over this stack's JSON",
    fix: "declare the flow in the stack of the VPC, or name a VPC made elsewhere by its ID",
    scope: "app",
    path: "test",
    prop: "flows.from-other-stack.from",
    received: '"other/OtherVpc"',
    build: (stack) => {
      const other = new TerraformStack(stack.node.scope!, "other");
      Flows.of(stack).allow("from-other-stack", { from: appVpc(other, "OtherVpc", "10.1.0.0/16"), to: "logs.us-east-1.amazonaws.com" });
    },
  },
  {
    module: "flows",
    api: "Flows.allow",
    cause: "a declared flow to port 70000",
    fix: "a port from 1 to 65535",
    scope: "app",
    path: "test",
    prop: "flows.bad-port.to.port",
    received: "70000",
    build: (stack) => Flows.of(stack).allow("bad-port", { from: appVpc(stack), to: { dnsName: "orders.example.com", port: 70000 } }),
  },
  {
    module: "flows",
    api: "Flows.deny",
    cause: "a declared flow to a malformed DNS name",
    fix: "a DNS name such as orders.internal.example.com, an IP address, or the Terraform address of a target",
    scope: "app",
    path: "test",
    prop: "flows.bad-dns.to",
    received: '"not a dns name!"',
    build: (stack) => Flows.of(stack).deny("bad-dns", { from: appVpc(stack), to: "not a dns name!" }),
  },
  {
    module: "flows",
    api: "analyzeStackFlow",
    cause: "a flow source given as a number",
    fix: "a VPC, subnet or security group, its address, or { vpc, subnet, securityGroup, cidr, principal }",
    scope: "app",
    path: "test",
    prop: "from",
    received: "5",
    build: (stack) => analyzeStackFlow(stack, 5 as never, "logs.us-east-1.amazonaws.com"),
  },
  {
    module: "flows",
    api: "analyzeStackFlow",
    cause: "from.principal: null",
    fix: "leave principal out, or give an ARN, an account ID, or { arn, organizationId, anonymous }",
    scope: "app",
    path: "test",
    prop: "from.principal",
    received: "null",
    build: (stack) => analyzeStackFlow(stack, { vpc: appVpc(stack), principal: null as never }, "logs.us-east-1.amazonaws.com"),
  },
  {
    module: "flows",
    api: "analyzeStackFlow",
    cause: "an on-premises from.cidr with a prefix longer than /32",
    fix: "a CIDR block such as 192.168.0.0/16",
    scope: "app",
    path: "test",
    prop: "from.cidr",
    received: '"10.0.0.0/99"',
    build: (stack) => analyzeStackFlow(stack, { vpc: appVpc(stack), cidr: "10.0.0.0/99" }, "logs.us-east-1.amazonaws.com"),
  },
  {
    module: "flows",
    api: "analyzeStackFlow",
    cause: "a request action that is not a string",
    fix: "an IAM action such as s3:GetObject",
    scope: "app",
    path: "test",
    prop: "to.request.action",
    received: "5",
    build: (stack) =>
      analyzeStackFlow(
        stack,
        { vpc: appVpc(stack), principal: "111111111111" },
        { dnsName: "logs.us-east-1.amazonaws.com", request: { action: 5 as never } },
      ),
  },
  {
    module: "flows",
    api: "expectFlow",
    cause: "toBeDenied given a number",
    fix: "a fragment of the reason, or a RegExp",
    scope: "app",
    path: "test",
    prop: "toBeDenied.reason",
    received: "5",
    build: (stack) => expectFlow(stack, appVpc(stack), { dnsName: "orders.example.com" }).toBeDenied(5 as never),
  },
  {
    module: "flows",
    api: "analyzeStackFlow",
    cause: "a source subnet ID that is neither a subnet of the stack nor one of a VPC it imports",
    fix: "a subnet of the stack, or of a VPC the stack imports with Vpc.fromVpcAttributes (its ISubnet or its ID)",
    scope: "app",
    path: "test",
    prop: "from.subnet",
    received: '"subnet-0fedcba987654321f"',
    build: (stack) => {
      const vpc = legacyVpc(stack);
      analyzeStackFlow(stack, { subnet: "subnet-0fedcba987654321f" }, { target: legacyEndpoint(stack, vpc) });
    },
  },
  {
    module: "flows",
    api: "analyzeStackFlow",
    cause: "a source security group imported without vpcId, and no VPC named beside it",
    fix: "import the group with its vpcId, or name its VPC too: { vpc, securityGroup }",
    scope: "app",
    path: "test",
    prop: "from",
    received: '"security group test/Loose (its VPC unknown)"',
    build: (stack) => {
      const endpoint = legacyEndpoint(stack, legacyVpc(stack));
      analyzeStackFlow(stack, SecurityGroup.fromSecurityGroupAttributes(stack, "Loose", { securityGroupId: "sg-0aaaaaaaaaaaaaaa9" }), {
        target: endpoint,
      });
    },
  },
  {
    module: "flows",
    api: "analyzeStackFlow",
    cause: "a source security group imported with the vpcId of a VPC the stack neither creates nor imports",
    fix: "import the VPC too (Vpc.fromVpcAttributes): its CIDR, subnets and route tables are what the flow is judged by",
    scope: "app",
    path: "test",
    prop: "from",
    received: '"security group test/Stranger of VPC vpc-0fedcba987654321f"',
    build: (stack) => {
      const endpoint = legacyEndpoint(stack, legacyVpc(stack));
      const stranger = SecurityGroup.fromSecurityGroupAttributes(stack, "Stranger", {
        securityGroupId: "sg-0bbbbbbbbbbbbbbb9",
        vpcId: "vpc-0fedcba987654321f",
      });
      analyzeStackFlow(stack, stranger, { target: endpoint });
    },
  },
  {
    module: "flows",
    api: "analyzeStackFlow",
    cause: "from.vpc and a from.subnet of another imported VPC",
    fix: "a subnet of the VPC named, or leave vpc out (the subnet's VPC is the flow's)",
    scope: "app",
    path: "test",
    prop: "from.subnet",
    received: '"subnet-0fedcba987654321f"',
    build: (stack) => {
      const vpc = legacyVpc(stack);
      const other = Vpc.fromVpcAttributes(stack, "Other", {
        vpcId: "vpc-0fedcba987654321f",
        cidrBlock: "10.2.0.0/16",
        privateSubnetIds: ["subnet-0fedcba987654321f"],
      });
      analyzeStackFlow(stack, { vpc, subnet: other.privateSubnets[0] }, { target: legacyEndpoint(stack, vpc) });
    },
  },
  {
    module: "flows",
    api: "analyzeStackFlow",
    cause: "from.vpc and an imported from.securityGroup of another VPC",
    fix: "a security group of the VPC named, or leave vpc out (the group's VPC is the flow's)",
    scope: "app",
    path: "test",
    prop: "from.securityGroup",
    received: '"test/OtherApp"',
    build: (stack) => {
      const vpc = legacyVpc(stack);
      Vpc.fromVpcAttributes(stack, "Other", { vpcId: "vpc-0fedcba987654321f", cidrBlock: "10.2.0.0/16" });
      const group = SecurityGroup.fromSecurityGroupAttributes(stack, "OtherApp", {
        securityGroupId: "sg-0bbbbbbbbbbbbbbb9",
        vpcId: "vpc-0fedcba987654321f",
      });
      analyzeStackFlow(stack, { vpc, securityGroup: group }, { target: legacyEndpoint(stack, vpc) });
    },
  },
  {
    module: "flows",
    api: "analyzeStackFlow",
    cause: "a source subnet (an ISubnet of an imported VPC) whose ID only Terraform knows: a list variable without a default",
    fix: "literal subnet IDs, or variables with defaults, for the subnets flows start in",
    scope: "app",
    path: "test",
    prop: "from",
    received: '"subnet ${element(var.private_subnet_ids, 0)} (an ISubnet)"',
    build: (stack) => {
      const ids = new TerraformVariable(stack, "private_subnet_ids", { type: "list(string)" }).listValue;
      const vpc = Vpc.fromVpcAttributes(stack, "Legacy", { vpcId: LEGACY_VPC_ID, cidrBlock: "10.1.0.0/16", privateSubnetIds: ids, subnetCount: 1 });
      analyzeStackFlow(stack, vpc.privateSubnets[0], "logs.us-east-1.amazonaws.com");
    },
  },
  {
    module: "flows",
    api: "analyzeFlow",
    cause: "a flow question from a security group made elsewhere, known by its ID only, without its VPC",
    fix: "give from.vpc too, or ask with the imported group (SecurityGroup.fromSecurityGroupAttributes with its vpcId)",
    scope: "app",
    path: "test",
    prop: "from.securityGroup",
    received: '"sg-0aaaaaaaaaaaaaaa9"',
    build: (stack) => {
      legacyEndpoint(stack, legacyVpc(stack));
      analyzeFlow(networkModelOf(stack), { securityGroup: "sg-0aaaaaaaaaaaaaaa9" }, { dnsName: "logs.us-east-1.amazonaws.com" });
    },
  },
  {
    module: "flows",
    api: "analyzeFlow",
    cause: "a hand-edited from.importedVpc whose subnet block has a prefix longer than /32",
    fix: "the VPC as Vpc.fromVpcAttributes describes it: IDs of their kinds, CIDR blocks such as 10.1.1.0/24",
    scope: "app",
    path: "test",
    prop: "from.importedVpc.subnets[0].cidrBlock",
    received: '"10.1.1.0/33"',
    build: (stack) =>
      analyzeFlow(
        networkModelOf(stack),
        { vpc: LEGACY_VPC_ID, importedVpc: { vpcId: LEGACY_VPC_ID, subnets: [{ subnetId: "subnet-0123456789abcdef0", cidrBlock: "10.1.1.0/33" }] } },
        { dnsName: "logs.us-east-1.amazonaws.com" },
      ),
  },
  {
    module: "flows",
    api: "analyzeFlow",
    cause: "a hand-edited from.importedVpc that describes another VPC than the one the flow starts in",
    fix: "the description of the VPC the flow starts in (from.vpc, or the VPC of from.subnet or from.securityGroup)",
    scope: "app",
    path: "test",
    prop: "from.importedVpc.vpcId",
    received: '"vpc-0fedcba987654321f"',
    build: (stack) => {
      legacyVpc(stack);
      analyzeFlow(
        networkModelOf(stack),
        { vpc: LEGACY_VPC_ID, importedVpc: { vpcId: "vpc-0fedcba987654321f", cidrBlock: "10.2.0.0/16" } },
        { dnsName: "logs.us-east-1.amazonaws.com" },
      );
    },
  },
  {
    module: "flows",
    api: "analyzeStackFlow",
    cause:
      "a security group named beside a VPC the stack neither creates nor imports ({ vpc: <its ID>, securityGroup }): nothing of that VPC is known",
    fix: "import the VPC with Vpc.fromVpcAttributes and the group with its vpcId, or leave from.securityGroup out",
    scope: "app",
    path: "test",
    prop: "from.securityGroup",
    received: '"test/Stranger"',
    build: (stack) => {
      legacyEndpoint(stack, legacyVpc(stack));
      const stranger = SecurityGroup.fromSecurityGroupAttributes(stack, "Stranger", { securityGroupId: "sg-0bbbbbbbbbbbbbbb9" });
      analyzeStackFlow(stack, { vpc: "vpc-0badc0de0badc0de", securityGroup: stranger }, "logs.us-east-1.amazonaws.com");
    },
  },
  {
    module: "flows",
    api: "analyzeFlow",
    cause: "a flow question (a declaration) with a security group ID beside the ID of a VPC the stack never names",
    fix: "import the VPC with Vpc.fromVpcAttributes and the group with its vpcId, or leave from.securityGroup out",
    scope: "app",
    path: "test",
    prop: "from.securityGroup",
    received: '"sg-0bbbbbbbbbbbbbbb9"',
    build: (stack) => {
      legacyEndpoint(stack, legacyVpc(stack));
      analyzeFlow(
        networkModelOf(stack),
        { vpc: "vpc-0badc0de0badc0de", securityGroup: "sg-0bbbbbbbbbbbbbbb9" },
        { dnsName: "logs.us-east-1.amazonaws.com" },
      );
    },
  },
];
