import { TerraformStack, TerraformVariable } from "cdktf";
import { OptOut, Port } from "../../modules/core";
import { AwsService, EndpointPolicy, GatewayEndpoint, InterfaceEndpoint } from "../../modules/endpoints";
import { expectFlow } from "../../modules/flows";
import { Peer, SecurityGroup, SecurityGroupAttributes, Vpc } from "../../modules/vpc";
import { expectValidationError, Json, resourcesOfType, stackWithProvider, synthJson } from "../helpers";

const GROUP_ID = "sg-0aaaaaaaaaaaaaaa1";

/** A VPC made here, an interface endpoint admitting nobody until told, and an application group made elsewhere. */
function setup(attrs: Partial<SecurityGroupAttributes> = {}) {
  const stack = stackWithProvider();
  const vpc = new Vpc(stack, "Vpc", { name: "app", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  const app = SecurityGroup.fromSecurityGroupAttributes(stack, "AppSg", { securityGroupId: GROUP_ID, vpcId: vpc.vpcId, ...attrs });
  const logs = new InterfaceEndpoint(stack, "Logs", {
    vpc,
    service: AwsService.LOGS,
    policy: EndpointPolicy.allowAll(OptOut.because("the log groups are this account's own")),
    open: false,
  });
  return { stack, vpc, app, logs };
}

const rulesOf = (stack: TerraformStack, type: string): Json[] => Object.values(resourcesOfType(synthJson(stack), type)) as Json[];
const egressOf = (stack: TerraformStack, groupId: string) =>
  rulesOf(stack, "aws_vpc_security_group_egress_rule").filter((r) => r.security_group_id === groupId);

describe("SecurityGroup.fromSecurityGroupAttributes allowAllOutbound", () => {
  test("an imported group that allows all outbound takes no mirrored egress rule: the endpoint still admits it, and its egress is the flow's assumption", () => {
    const { stack, app, logs } = setup({ allowAllOutbound: true });
    logs.connections.allowDefaultPortFrom(app, "The application ships logs");
    expect(egressOf(stack, GROUP_ID)).toEqual([]);
    expect(rulesOf(stack, "aws_vpc_security_group_ingress_rule")).toEqual([
      expect.objectContaining({ referenced_security_group_id: GROUP_ID, from_port: 443, to_port: 443 }),
    ]);
    const flow = expectFlow(stack, { securityGroup: app }, { target: logs, port: 443 });
    flow.toBeAllowed();
    expect(flow.verdict.assumptions).toContainEqual(
      expect.stringContaining(`security group ${GROUP_ID} is made elsewhere: its own rules let tcp 443 out to VPC endpoint Logs`),
    );
  });

  test("by default (unset, or false) the mirrored egress rule is created on the imported group, and the flow is proven by it", () => {
    for (const attrs of [{}, { allowAllOutbound: false }]) {
      const { stack, app, logs } = setup(attrs);
      logs.connections.allowDefaultPortFrom(app, "The application ships logs");
      expect(egressOf(stack, GROUP_ID)).toEqual([
        expect.objectContaining({
          from_port: 443,
          to_port: 443,
          referenced_security_group_id: expect.stringMatching(/aws_security_group\.Logs_SecurityGroup/),
        }),
      ]);
      const flow = expectFlow(stack, { securityGroup: app }, { target: logs, port: 443 });
      flow.toBeAllowed();
      expect(flow.verdict.assumptions.filter((a) => a.includes("made elsewhere"))).toEqual([]);
    }
  });

  test("the group's own allowTo adds the other side's ingress only; an allowTo to a CIDR or a gateway endpoint adds nothing", () => {
    const { stack, vpc, app, logs } = setup({ allowAllOutbound: true });
    app.connections.allowTo(logs, Port.tcp(443), "The application ships logs");
    app.connections.allowTo(Peer.cidr("10.9.0.0/16"), Port.tcp(5432), "The reporting database");
    const s3 = new GatewayEndpoint(stack, "S3", {
      vpc,
      service: AwsService.S3,
      policy: EndpointPolicy.allowAll(OptOut.because("the buckets are this account's own")),
    });
    s3.connections.allowFrom(app, Port.tcp(443), "The application reads its buckets");
    expect(egressOf(stack, GROUP_ID)).toEqual([]);
    expect(rulesOf(stack, "aws_vpc_security_group_ingress_rule")).toEqual([
      expect.objectContaining({ referenced_security_group_id: GROUP_ID, from_port: 443 }),
    ]);
    expectFlow(stack, { securityGroup: app }, { target: logs, port: 443 }).toBeAllowed();
  });

  test("fails when an egress rule is added directly to an imported group that allows all outbound; the same rule passes without it", () => {
    const rule = { peer: Peer.cidr("10.9.0.0/16"), ports: Port.tcp(5432), description: "The reporting database" };
    const { app } = setup({ allowAllOutbound: true });
    const error = expectValidationError(() => app.addEgressRule(rule), "egressRules", "tcp 5432 to 10.9.0.0/16");
    expect(error.constructPath).toBe("test/AppSg");
    expect(error.expected).toContain("imported with allowAllOutbound: true");
    expect(error.expected).toContain("import the group with allowAllOutbound: false");
    const fine = setup();
    fine.app.addEgressRule(rule);
    expect(egressOf(fine.stack, GROUP_ID)).toEqual([expect.objectContaining({ cidr_ipv4: "10.9.0.0/16", from_port: 5432 })]);
  });

  test("fails when allowAllOutbound is not a literal boolean (a JavaScript string, or a variable only Terraform knows)", () => {
    const stack = stackWithProvider();
    const attrs = { securityGroupId: GROUP_ID };
    expectValidationError(
      () => SecurityGroup.fromSecurityGroupAttributes(stack, "Text", { ...attrs, allowAllOutbound: "yes" as never }),
      "allowAllOutbound",
      "yes",
    );
    const variable = new TerraformVariable(stack, "all_out", { type: "bool" });
    const unknown = expectValidationError(
      () => SecurityGroup.fromSecurityGroupAttributes(stack, "Variable", { ...attrs, allowAllOutbound: variable.booleanValue as never }),
      "allowAllOutbound",
      /.+/,
    );
    expect(unknown.expected).toContain("a literal true or false");
    SecurityGroup.fromSecurityGroupAttributes(stack, "Literal", { ...attrs, allowAllOutbound: true });
  });
});
