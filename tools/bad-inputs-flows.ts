import { TerraformStack } from "cdktf";
import { analyzeFlow, analyzeStackFlow, expectFlow, Flows, NetworkModel } from "../modules/flows";
import { PrivateVpc } from "../modules/vpc";
import type { BadInput } from "./bad-input-catalog";

/**
 * More bad inputs of the flow analysis API (declared flows, flow questions): wrong values found by reviewing the published API
 * as users would (stop 24). Part of the bad-input catalog.
 */
const appVpc = (stack: TerraformStack, id = "AppVpc", cidrBlock = "10.0.0.0/16") =>
  new PrivateVpc(stack, id, { name: id.toLowerCase(), cidrBlock, availabilityZones: ["us-east-1a", "us-east-1b"] });

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
];
