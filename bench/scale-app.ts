/**
 * A synthetic app for the scale and overhead benchmarks:
 *   node --import tsx bench/scale-app.ts <endpoints|lattice> <modules|raw> <count>
 * builds one stack with <count> interface endpoints (or Lattice services with
 * a listener, a rule and a target group each), through our modules or through
 * the raw provider classes with the same resources, and synthesizes it.
 */
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SecurityGroup as RawSecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { AwsService, EndpointPolicy, InterfaceEndpoint } from "../modules/endpoints";
import { PrivateVpc } from "../modules/vpc";

const ORGANIZATION_ID = "o-a1b2c3d4e5";

type Builder = (stack: TerraformStack, count: number) => void;

const serviceName = (i: number): string => `com.amazonaws.vpce.us-east-1.vpce-svc-${i.toString(16).padStart(17, "0")}`;

const endpointsThroughModules: Builder = (stack, count) => {
  const vpc = new PrivateVpc(stack, "Vpc", { name: "scale", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  for (let i = 0; i < count; i++) {
    new InterfaceEndpoint(stack, `Endpoint${i}`, { vpc, service: AwsService.custom(serviceName(i)), policy: EndpointPolicy.organizationOnly(ORGANIZATION_ID) });
  }
};

const endpointsThroughRawClasses: Builder = (stack, count) => {
  const vpc = new PrivateVpc(stack, "Vpc", { name: "scale", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  const policy = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": ORGANIZATION_ID } } }],
  });
  for (let i = 0; i < count; i++) {
    const group = new RawSecurityGroup(stack, `Group${i}`, { vpcId: vpc.vpcId, description: `endpoint ${i}`, lifecycle: { createBeforeDestroy: true } });
    new VpcSecurityGroupIngressRule(stack, `Rule${i}`, {
      securityGroupId: group.id,
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      cidrIpv4: vpc.cidrBlock,
      description: "HTTPS from the VPC",
    });
    new VpcEndpoint(stack, `Endpoint${i}`, {
      vpcId: vpc.vpcId,
      serviceName: serviceName(i),
      vpcEndpointType: "Interface",
      subnetIds: vpc.privateSubnets.map((s) => s.subnetId),
      securityGroupIds: [group.id],
      privateDnsEnabled: true,
      policy,
    });
  }
};

export const BUILDERS: Record<string, Record<"modules" | "raw", Builder>> = {
  endpoints: { modules: endpointsThroughModules, raw: endpointsThroughRawClasses },
};

if (require.main === module) {
  const [kind, layer, countText] = process.argv.slice(2);
  const builder = BUILDERS[kind]?.[layer as "modules" | "raw"];
  if (builder === undefined || !/^\d+$/.test(countText ?? "")) {
    throw new Error(`usage: scale-app.ts <${Object.keys(BUILDERS).join("|")}> <modules|raw> <count>`);
  }
  const app = new App();
  const stack = new TerraformStack(app, "scale");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  builder(stack, Number(countText));
  app.synth();
}
