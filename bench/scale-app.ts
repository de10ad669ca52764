/**
 * A synthetic app for the scale and overhead benchmarks, bundled and run the
 * way cdktf.json runs the example app (see bench/run.ts):
 *   node <bundle of bench/scale-app.ts> <endpoints|lattice> <modules|raw> <count>
 * builds one stack with <count> interface endpoints (or Lattice services with
 * a listener, a rule and a target group each), through our modules or through
 * the raw provider classes with the same resources, and synthesizes it.
 */
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SecurityGroup as RawSecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { VpclatticeAccessLogSubscription } from "@cdktf/provider-aws/lib/vpclattice-access-log-subscription";
import { VpclatticeAuthPolicy } from "@cdktf/provider-aws/lib/vpclattice-auth-policy";
import { VpclatticeListener } from "@cdktf/provider-aws/lib/vpclattice-listener";
import { VpclatticeListenerRule } from "@cdktf/provider-aws/lib/vpclattice-listener-rule";
import { VpclatticeService } from "@cdktf/provider-aws/lib/vpclattice-service";
import { VpclatticeTargetGroup } from "@cdktf/provider-aws/lib/vpclattice-target-group";
import { VpclatticeTargetGroupAttachment } from "@cdktf/provider-aws/lib/vpclattice-target-group-attachment";
import { disableTokenCreationStackTraces } from "../modules/core/synth-performance";
import { AwsService, EndpointPolicy, InterfaceEndpoint } from "../modules/endpoints";
import {
  AccessLogDestination,
  AccessLogs,
  AuthPolicy,
  LatticeService,
  LatticeTarget,
  LatticeListenerAction,
  PathMatch,
  LatticeTargetGroup,
} from "../modules/lattice";
import { Vpc } from "../modules/vpc";

const ORGANIZATION_ID = "o-a1b2c3d4e5";

type Builder = (stack: TerraformStack, count: number) => void;

// AWS-service-shaped names (a PrivateLink endpoint service name is refused by AwsService.custom: EndpointService.fromServiceName takes those).
const serviceName = (i: number): string => `com.amazonaws.us-east-1.scale-${i}`;

const endpointsThroughModules: Builder = (stack, count) => {
  const vpc = new Vpc(stack, "Vpc", { name: "scale", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  for (let i = 0; i < count; i++) {
    new InterfaceEndpoint(stack, `Endpoint${i}`, {
      vpc,
      service: AwsService.custom(serviceName(i)),
      policy: EndpointPolicy.organizationOnly(ORGANIZATION_ID),
    });
  }
};

const endpointsThroughRawClasses: Builder = (stack, count) => {
  const vpc = new Vpc(stack, "Vpc", { name: "scale", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  const policy = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Principal: "*", Action: "*", Resource: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": ORGANIZATION_ID } } },
    ],
  });
  for (let i = 0; i < count; i++) {
    const group = new RawSecurityGroup(stack, `Group${i}`, {
      vpcId: vpc.vpcId,
      description: `endpoint ${i}`,
      lifecycle: { createBeforeDestroy: true },
    });
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

const LOG_GROUP_ARN = "arn:aws:logs:us-east-1:111111111111:log-group:/aws/vendedlogs/vpclattice/bench";

/** Each service: auth policy, access-log subscription, an HTTPS listener, one path rule, an IP target group with one target. */
const latticeThroughModules: Builder = (stack, count) => {
  const vpc = new Vpc(stack, "Vpc", { name: "scale", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  for (let i = 0; i < count; i++) {
    const targets = new LatticeTargetGroup(stack, `Targets${i}`, {
      name: `bench-${i}`,
      type: "IP",
      vpc,
      protocol: "HTTP",
      port: 8080,
      targets: { primary: LatticeTarget.ipAddress("10.0.0.10") },
    });
    const service = new LatticeService(stack, `Service${i}`, {
      name: `bench-${i}`,
      authPolicy: new AuthPolicy().allow({ organizationId: ORGANIZATION_ID }),
      accessLogs: AccessLogs.to(AccessLogDestination.logGroup(LOG_GROUP_ARN)),
    });
    service.addListener({
      protocol: "HTTPS",
      defaultAction: LatticeListenerAction.fixedResponse(404),
      rules: [{ name: "api", priority: 10, match: { path: PathMatch.prefix("/api") }, action: LatticeListenerAction.forward(targets) }],
    });
  }
};

const latticeThroughRawClasses: Builder = (stack, count) => {
  const vpc = new Vpc(stack, "Vpc", { name: "scale", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  const policy = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: "*",
        Action: "vpc-lattice-svcs:Invoke",
        Resource: "*",
        Condition: { StringEquals: { "aws:PrincipalOrgID": ORGANIZATION_ID }, StringNotEqualsIgnoreCase: { "aws:PrincipalType": "Anonymous" } },
      },
    ],
  });
  for (let i = 0; i < count; i++) {
    const targets = new VpclatticeTargetGroup(stack, `Targets${i}`, {
      name: `bench-${i}`,
      type: "IP",
      config: { vpcIdentifier: vpc.vpcId, protocol: "HTTP", port: 8080, ipAddressType: "IPV4", protocolVersion: "HTTP1" },
    });
    new VpclatticeTargetGroupAttachment(stack, `Target${i}`, { targetGroupIdentifier: targets.id, target: { id: "10.0.0.10", port: 8080 } });
    const service = new VpclatticeService(stack, `Service${i}`, { name: `bench-${i}`, authType: "AWS_IAM" });
    new VpclatticeAuthPolicy(stack, `Policy${i}`, { resourceIdentifier: service.arn, policy });
    new VpclatticeAccessLogSubscription(stack, `Logs${i}`, { resourceIdentifier: service.arn, destinationArn: LOG_GROUP_ARN });
    const listener = new VpclatticeListener(stack, `Listener${i}`, {
      serviceIdentifier: service.id,
      name: "https",
      protocol: "HTTPS",
      port: 443,
      defaultAction: { fixedResponse: { statusCode: 404 } },
    });
    new VpclatticeListenerRule(stack, `Rule${i}`, {
      serviceIdentifier: service.id,
      listenerIdentifier: listener.listenerId,
      name: "api",
      priority: 10,
      match: { httpMatch: { pathMatch: { match: { prefix: "/api" }, caseSensitive: true } } },
      action: { forward: { targetGroups: [{ targetGroupIdentifier: targets.id, weight: 100 }] } },
    });
  }
};

export const BUILDERS: Record<string, Record<"modules" | "raw", Builder>> = {
  endpoints: { modules: endpointsThroughModules, raw: endpointsThroughRawClasses },
  lattice: { modules: latticeThroughModules, raw: latticeThroughRawClasses },
};

if (require.main === module) {
  const [kind, layer, countText] = process.argv.slice(2);
  const builder = BUILDERS[kind]?.[layer as "modules" | "raw"];
  if (builder === undefined || !/^\d+$/.test(countText ?? "")) {
    throw new Error(`usage: scale-app.ts <${Object.keys(BUILDERS).join("|")}> <modules|raw> <count>`);
  }
  disableTokenCreationStackTraces(); // as main.ts does
  const app = new App();
  const stack = new TerraformStack(app, "scale");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  builder(stack, Number(countText));
  app.synth();
}
