import { TerraformStack, Testing } from "cdktf";
import { OptOut, Port } from "../modules/core";
import {
  AccessLogDestination,
  AccessLogs,
  AuthPolicy,
  AuthPolicyGrant,
  Certificate,
  HeaderMatch,
  LatticeListener,
  LatticeListenerAction,
  LatticeMesh,
  LatticeService,
  LatticeTarget,
  LatticeTargetGroup,
  LatticeTargetGroupConfig,
  LatticeTargetGroupHealthCheck,
  PathMatch,
  ServiceNetwork,
} from "../modules/lattice";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ISecurityGroup, Vpc } from "../modules/vpc";
import { ResourceConfiguration, ResourceGateway, SharedResourceAccess } from "../modules/resources";
import { ServiceNetworkEndpoint } from "../modules/endpoints";
import { SharePrincipal } from "../modules/ram";
import type { BadInput } from "./bad-input-catalog";

/**
 * More bad inputs of VPC Lattice service networks, services, listeners, target groups and auth policies: wrong values found by
 * reviewing the published API as users would (stop 24). Part of the
 * bad-input catalog.
 */

const ORG_ONLY = new AuthPolicy().allow({ organizationId: "o-abcdefghij" });
const TCP_GROUP_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:targetgroup/tg-0123456789abcdef0";

const service = (stack: TerraformStack, props: Partial<ConstructorParameters<typeof LatticeService>[2]> = {}) =>
  new LatticeService(stack, "Service", { name: "orders", authPolicy: ORG_ONLY, ...props });
const tcpGroup = (stack: TerraformStack) =>
  LatticeTargetGroup.fromLatticeTargetGroupAttributes(stack, "Tcp", { targetGroupArn: TCP_GROUP_ARN, type: "IP", protocol: "TCP" });
const vpc = (stack: TerraformStack) => Vpc.fromVpcAttributes(stack, "Vpc", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16" });
const tlsPassthrough = (stack: TerraformStack) => ({
  protocol: "TLS_PASSTHROUGH" as const,
  defaultAction: LatticeListenerAction.forward(tcpGroup(stack)),
});

const ANONYMOUS_IN_VPCS = new AuthPolicy().allow({
  sourceVpcOwnerAccounts: ["111111111111"],
  allowAnonymous: OptOut.because("TLS passthrough carries no SigV4 signature"),
});
/** A service with a custom domain whose policy lets anonymous callers in, as a TLS_PASSTHROUGH listener needs. */
const tlsService = (stack: TerraformStack) => {
  const svc = service(stack, { customDomainName: "orders.example.com", authPolicy: ANONYMOUS_IN_VPCS });
  svc.addListener(tlsPassthrough(stack));
  return svc;
};
const ALB_ARN = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/internal-api/0123456789abcdef";
const albGroup = (stack: TerraformStack, targets: Record<string, LatticeTarget>, provider?: AwsProvider) =>
  new LatticeTargetGroup(stack, "Group", {
    name: "orders-alb",
    config: LatticeTargetGroupConfig.applicationLoadBalancer({ vpc: vpc(stack), protocol: "HTTP" }),
    targets,
    provider,
  });
const ipGroup = (stack: TerraformStack) =>
  new LatticeTargetGroup(stack, "Group", { name: "orders", config: LatticeTargetGroupConfig.ipAddresses({ vpc: vpc(stack), protocol: "HTTP" }) });
/** Checks made when the stack is synthesized (every association and listener known) run here. */
const synth = (stack: TerraformStack) => Testing.synth(stack);

export const LATTICE_BAD_INPUTS: readonly BadInput[] = [
  {
    module: "lattice",
    api: "LatticeMesh",
    cause:
      "A member whose provider is pinned (allowedAccountIds) to another account than its accountId: the network is shared with one account, its associations made in the other",
    fix: "Give each member the provider of its own account, or correct accountId.",
    path: "Mesh",
    prop: "members[0].provider",
    received: '"a provider of account 333333333333"',
    build: (s) => {
      const provider = new AwsProvider(s, "member", { region: "us-east-1", alias: "member", allowedAccountIds: ["333333333333"] });
      new LatticeMesh(s, "Mesh", { name: "partner-mesh", members: [{ name: "client", accountId: "222222222222", provider, vpc: vpc(s) }] });
    },
  },
  {
    module: "lattice",
    api: "LatticeListener",
    cause: "A TLS_PASSTHROUGH listener made with new LatticeListener on a service without a custom domain",
    fix: "Give the service a customDomainName: a TLS_PASSTHROUGH listener routes on it (SNI).",
    path: "Service",
    prop: "customDomainName",
    received: "undefined",
    build: (s) => new LatticeListener(s, "Listener", { service: service(s), ...tlsPassthrough(s) }),
  },
  {
    module: "lattice",
    api: "LatticeService.addListener",
    cause: "A TLS_PASSTHROUGH listener on a service whose auth policy admits no anonymous caller (accounts, roles or an organization)",
    fix: "Allow anonymous callers by source VPC: allow({ sourceVpcs, allowAnonymous: OptOut.because(...) }); TLS connections carry no signature.",
    path: "Service",
    prop: "authPolicy",
    received: '"a policy admitting no anonymous caller, with listener \\"tls-passthrough-443\\" (TLS_PASSTHROUGH)"',
    build: (s) => service(s, { customDomainName: "orders.example.com" }).addListener(tlsPassthrough(s)),
  },
  {
    module: "lattice",
    api: "ServiceNetworkServiceAssociation",
    cause: "A service with a TLS_PASSTHROUGH listener in a network whose auth policy admits no anonymous caller",
    fix: "Give the network a grant for anonymous callers by source VPC (allowAnonymous), or put the service in a network that has one.",
    path: "Network/Service-orders",
    prop: "serviceNetwork",
    received: '"test/Network"',
    build: (s) => {
      new ServiceNetwork(s, "Network", { name: "shared-services", authPolicy: ORG_ONLY }).associateService("orders", tlsService(s));
      synth(s);
    },
  },
  {
    module: "lattice",
    api: "ServiceNetwork.associateVpc",
    cause: "A VPC association left on its default port 443 while a service of the network listens on HTTP 80",
    fix: "List every listener port of the network's services in ports, such as [Port.tcp(80)].",
    path: "Network/Vpc-clients",
    prop: "ports",
    received: '"443 (the default)"',
    build: (s) => {
      const net = new ServiceNetwork(s, "Network", { name: "shared-services", authPolicy: ORG_ONLY });
      const svc = service(s);
      svc.addListener({ protocol: "HTTP", defaultAction: LatticeListenerAction.fixedResponse(404) });
      net.associateService("orders", svc);
      net.associateVpc("clients", { vpc: vpc(s) });
      synth(s);
    },
  },
  {
    module: "lattice",
    api: "ServiceNetwork.associateVpc",
    cause: "A VPC association left on its default port 443 while a resource configuration of the network (a database) takes connections on 5432",
    fix: "List the resource configurations' ports in ports too, such as [Port.tcp(443), Port.tcp(5432)]: the association's security group filters their clients as well.",
    path: "Network/Vpc-clients",
    prop: "ports",
    received: '"443 (the default)"',
    build: (s) => {
      const net = new ServiceNetwork(s, "Network", { name: "shared-services", authPolicy: ORG_ONLY });
      net.associateResourceConfiguration("db", {
        resourceConfigurationArn: "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0",
        ports: [Port.tcp(5432)],
      });
      net.associateVpc("clients", { vpc: vpc(s) });
      synth(s);
    },
  },
  {
    module: "lattice",
    api: "AuthPolicy.deny",
    cause: "An empty condition list in a grant (paths: []), which would be dropped: a Deny for some paths would deny every path",
    fix: "List at least one value, or leave the field unset.",
    path: "Service/AuthPolicy",
    prop: "authPolicy.statements[1].paths",
    received: "[]",
    build: (s) =>
      service(s, { authPolicy: new AuthPolicy().allow({ accounts: ["111111111111"] }).deny({ organizationId: "o-abcdefghij", paths: [] }) }),
  },
  {
    module: "lattice",
    api: "LatticeTargetGroup.addTarget",
    cause: "A second load balancer in an ALB target group",
    fix: "Use one ALB target group per load balancer (AWS registers a single internal ALB).",
    path: "Group",
    prop: "targets.b",
    received: JSON.stringify(ALB_ARN.replace("internal-api", "other-api")),
    build: (s) =>
      albGroup(s, {
        a: LatticeTarget.applicationLoadBalancer(ALB_ARN),
        b: LatticeTarget.applicationLoadBalancer(ALB_ARN.replace("internal-api", "other-api")),
      }),
  },
  {
    module: "lattice",
    api: "LatticeTarget.applicationLoadBalancer",
    cause: "A load balancer of another account than the target group's",
    fix: "Register a load balancer of the target group's own account (make the group with that account's provider).",
    path: "Group",
    prop: "targets.a.id",
    received: JSON.stringify(ALB_ARN.replace("111111111111", "222222222222")),
    build: (s) =>
      albGroup(
        s,
        { a: LatticeTarget.applicationLoadBalancer(ALB_ARN.replace("111111111111", "222222222222")) },
        new AwsProvider(s, "owner", { alias: "owner", region: "us-east-1", allowedAccountIds: ["111111111111"] }),
      ),
  },
  {
    module: "lattice",
    api: "LatticeListenerAction.weightedForward",
    cause: "The same target group made in the app twice in one weighted forward (its ARN is known only at apply)",
    fix: "List each target group once, with the sum of the weights.",
    path: "Service/Listener-http-80",
    prop: "defaultAction.targetGroups",
    received: '"test/Group"',
    build: (s) => {
      const group = ipGroup(s);
      service(s).addListener({
        protocol: "HTTP",
        defaultAction: LatticeListenerAction.weightedForward([{ targetGroup: group }, { targetGroup: group }]),
      });
    },
  },
  {
    module: "lattice",
    api: "LatticeListener",
    cause: "Two imports of one target group ARN, routed to by two services",
    fix: "Give each service its own target group (AWS lets a target group serve one service).",
    path: "Second/Listener-http-80",
    prop: "defaultAction.targetGroups[0]",
    received: JSON.stringify(TCP_GROUP_ARN),
    build: (s) => {
      const imported = (id: string) =>
        LatticeTargetGroup.fromLatticeTargetGroupAttributes(s, id, { targetGroupArn: TCP_GROUP_ARN, type: "IP", protocol: "HTTP" });
      new LatticeService(s, "First", { name: "first", authPolicy: ORG_ONLY }).addListener({
        protocol: "HTTP",
        defaultAction: LatticeListenerAction.forward(imported("A")),
      });
      new LatticeService(s, "Second", { name: "second", authPolicy: ORG_ONLY }).addListener({
        protocol: "HTTP",
        defaultAction: LatticeListenerAction.forward(imported("B")),
      });
    },
  },
  {
    module: "lattice",
    api: "LatticeTargetGroup",
    cause: "Two target groups of one name, one given the stack's default provider explicitly (the same account and region)",
    fix: "Give each target group a name of its own in the account and region.",
    path: "Second",
    prop: "name",
    received: '"orders"',
    build: (s) => {
      const config = LatticeTargetGroupConfig.ipAddresses({ vpc: vpc(s), protocol: "HTTP" });
      new LatticeTargetGroup(s, "First", { name: "orders", config });
      new LatticeTargetGroup(s, "Second", { name: "orders", config, provider: s.node.findChild("aws") as AwsProvider });
    },
  },
  {
    module: "lattice",
    api: "LatticeService",
    cause:
      "A service named orders beside a service network named service-orders: both access-log groups would be /aws/vendedlogs/vpclattice/service-orders",
    fix: "Rename the network or the service, or give one of them AccessLogs.to(...) an existing destination.",
    path: "Service/AccessLogs",
    prop: "name",
    received: '"/aws/vendedlogs/vpclattice/service-orders"',
    build: (s) => {
      new ServiceNetwork(s, "Network", { name: "service-orders", authPolicy: ORG_ONLY });
      service(s);
    },
  },
  {
    module: "lattice",
    api: "LatticeService",
    cause: "Two services with one custom domain name and hosted zone: both would create its A and AAAA records",
    fix: "Give each service its own custom domain name, or let only one of them create the records (hostedZone).",
    path: "Second",
    prop: "customDomainName",
    received: '"orders.example.com"',
    build: (s) => {
      const zone = { zoneId: "Z0123456789ABCDEFGHIJ", zoneName: "example.com" };
      ["First", "Second"].forEach(
        (id) => new LatticeService(s, id, { name: id.toLowerCase(), customDomainName: "orders.example.com", hostedZone: zone, authPolicy: ORG_ONLY }),
      );
    },
  },
  {
    module: "lattice",
    api: "LatticeTarget.instance",
    cause: "An instance target whose ID is undefined (JavaScript callers), which synthesized an attachment without a target",
    fix: "Give the EC2 instance ID, such as i-0123456789abcdef0.",
    path: "Group",
    prop: "targets.web.id",
    received: "undefined",
    build: (s) =>
      new LatticeTargetGroup(s, "Group", {
        name: "orders",
        config: LatticeTargetGroupConfig.instances({ vpc: vpc(s), protocol: "HTTP" }),
        targets: { web: LatticeTarget.instance(undefined as never) },
      }),
  },
  {
    module: "lattice",
    api: "LatticeTargetGroup",
    cause: "A target that is undefined in targets (JavaScript callers)",
    fix: "Give each name a target made with LatticeTarget.instance, ipAddress, lambdaFunction or applicationLoadBalancer.",
    path: "Group",
    prop: "targets.web",
    received: "undefined",
    build: (s) =>
      new LatticeTargetGroup(s, "Group", {
        name: "orders",
        config: LatticeTargetGroupConfig.ipAddresses({ vpc: vpc(s), protocol: "HTTP" }),
        targets: { web: undefined as never },
      }),
  },
  {
    module: "lattice",
    api: "LatticeTargetGroupConfig.ipAddresses",
    cause: "A config factory called without its options (JavaScript callers)",
    fix: "Pass the options: ipAddresses({ vpc, protocol, ... }).",
    path: "Group",
    prop: "config",
    received: "undefined",
    build: (s) => new LatticeTargetGroup(s, "Group", { name: "orders", config: LatticeTargetGroupConfig.ipAddresses(undefined as never) }),
  },
  {
    module: "lattice",
    api: "AccessLogDestination.s3Bucket",
    cause: "An S3 destination whose ARN is undefined (JavaScript callers), which synthesized a subscription without a destination",
    fix: "Give the bucket's ARN, such as arn:aws:s3:::example-logs.",
    path: "Service/AccessLogs",
    prop: "accessLogs.destinations[0]",
    received: "undefined",
    build: (s) => service(s, { accessLogs: AccessLogs.to(AccessLogDestination.s3Bucket(undefined as never)) }),
  },
  {
    module: "lattice",
    api: "LatticeListenerAction.forward",
    cause: "A forward to undefined (JavaScript callers)",
    fix: "Forward to a target group made with LatticeTargetGroup or imported with fromLatticeTargetGroupAttributes.",
    path: "Service/Listener-http-80",
    prop: "defaultAction.targetGroups[0].targetGroup",
    received: "undefined",
    build: (s) => service(s).addListener({ protocol: "HTTP", defaultAction: LatticeListenerAction.forward(undefined as never) }),
  },
  {
    module: "lattice",
    api: "LatticeListenerAction.weightedForward",
    cause: "A weighted forward given undefined instead of a list (JavaScript callers)",
    fix: "Pass a list of { targetGroup, weight }.",
    path: "Service/Listener-http-80",
    prop: "defaultAction.targetGroups",
    received: "undefined",
    build: (s) => service(s).addListener({ protocol: "HTTP", defaultAction: LatticeListenerAction.weightedForward(undefined as never) }),
  },
  {
    module: "lattice",
    api: "PathMatch.prefix",
    cause: "A path match of undefined (JavaScript callers)",
    fix: "Give a path starting with /, such as /orders.",
    path: "Service/Listener-http-80",
    prop: "rules.orders.match.path",
    received: "undefined",
    build: (s) =>
      service(s).addListener({
        protocol: "HTTP",
        defaultAction: LatticeListenerAction.fixedResponse(404),
        rules: [
          { name: "orders", priority: 1, match: { path: PathMatch.prefix(undefined as never) }, action: LatticeListenerAction.fixedResponse(404) },
        ],
      }),
  },
  {
    module: "lattice",
    api: "HeaderMatch.exact",
    cause: "A header match whose name is undefined (JavaScript callers)",
    fix: "Give the header's name, such as x-canary.",
    path: "Service/Listener-http-80",
    prop: "rules.canary.match.headers[0].name",
    received: "undefined",
    build: (s) =>
      service(s).addListener({
        protocol: "HTTP",
        defaultAction: LatticeListenerAction.fixedResponse(404),
        rules: [
          {
            name: "canary",
            priority: 1,
            match: { headers: [HeaderMatch.exact(undefined as never, "true")] },
            action: LatticeListenerAction.fixedResponse(404),
          },
        ],
      }),
  },
  {
    module: "lattice",
    api: "AuthPolicy.allow",
    cause: "A grant that is undefined (JavaScript callers)",
    fix: "Pass one grant object, such as { accounts: [...] }.",
    path: "Service/AuthPolicy",
    prop: "authPolicy.statements[0]",
    received: "undefined",
    build: (s) => service(s, { authPolicy: new AuthPolicy().allow(undefined as never) }),
  },
  {
    module: "lattice",
    api: "ServiceNetwork.associateVpc",
    cause: "A VPC without a vpcId (JavaScript callers)",
    fix: "Pass a Vpc, or one imported with Vpc.fromVpcAttributes.",
    path: "Network/Vpc-clients",
    prop: "vpc.vpcId",
    received: "undefined",
    build: (s) => new ServiceNetwork(s, "Network", { name: "shared-services", authPolicy: ORG_ONLY }).associateVpc("clients", { vpc: {} as never }),
  },
  {
    module: "lattice",
    api: "RuleDerivedAuthPolicy",
    cause: "Two rules whose names differ only in hyphens (orders-1 and orders1): both would give the statement Sid Http80Orders1",
    fix: "Rename one of the rules: a Sid keeps only the letters and digits of the listener and rule names.",
    path: "Service/AuthPolicy",
    prop: "authPolicy",
    received: JSON.stringify('rule "orders-1" of listener "http-80" and rule "orders1" of listener "http-80"'),
    build: (s) => {
      const group = LatticeTargetGroup.fromLatticeTargetGroupAttributes(s, "Http", { targetGroupArn: TCP_GROUP_ARN, type: "IP", protocol: "HTTP" });
      const listener = service(s, { authPolicy: undefined, authPolicyFromRules: { organizationId: "o-abcdefghij" } }).addListener({
        protocol: "HTTP",
        defaultAction: LatticeListenerAction.fixedResponse(404),
      });
      ["orders-1", "orders1"].forEach((name, i) =>
        listener.addRule({ name, priority: i + 1, match: { path: PathMatch.prefix(`/${name}`) }, action: LatticeListenerAction.forward(group) }),
      );
      synth(s);
    },
  },
  {
    module: "lattice",
    api: "ServiceNetwork.associateResourceConfiguration",
    cause: "A CHILD resource configuration associated on its own",
    fix: "Associate its GROUP: AWS uses a child only as part of the group.",
    path: "Network/Resource-orders-db",
    prop: "resourceConfiguration.type",
    received: '"CHILD"',
    build: (s) =>
      new ServiceNetwork(s, "Network", { name: "shared-services", authPolicy: ORG_ONLY }).associateResourceConfiguration("orders-db", {
        resourceConfigurationArn: "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0",
        type: "CHILD",
      }),
  },
  {
    module: "lattice",
    api: "AuthPolicy.allow",
    cause: "An action outside the VPC Lattice auth policy actions (vpc-lattice:Invoke, a typo of vpc-lattice-svcs:Invoke)",
    fix: "Use vpc-lattice-svcs:Invoke (HTTP requests), vpc-lattice-svcs:Connect (TCP connections) or vpc-lattice-svcs:*.",
    path: "Service/AuthPolicy",
    prop: "authPolicy.statements[0].actions[0]",
    received: '"vpc-lattice:Invoke"',
    build: (s) => service(s, { authPolicy: new AuthPolicy().allow({ accounts: ["111111111111"], actions: ["vpc-lattice:Invoke" as never] }) }),
  },
  {
    module: "lattice",
    api: "AuthPolicy.deny",
    cause: "A vpc-lattice-svcs:Connect grant narrowed by methods or paths, which a TCP connection never has (the statement never matches)",
    fix: "Use vpc-lattice-svcs:Invoke for HTTP methods and paths; a Connect grant takes no methods or paths.",
    path: "Service/AuthPolicy",
    prop: "authPolicy.statements[1].actions[0]",
    received: '"vpc-lattice-svcs:Connect"',
    build: (s) =>
      service(s, {
        authPolicy: new AuthPolicy()
          .allow({ accounts: ["111111111111"] })
          .deny({ organizationId: "o-abcdefghij", actions: ["vpc-lattice-svcs:Connect"], paths: ["/admin/*"] }),
      }),
  },
  {
    module: "lattice",
    api: "LatticeListenerAction.fixedResponse",
    cause: "A fixed response without a status code (JavaScript callers)",
    fix: "Give the HTTP status code to answer with, 100 to 599, such as fixedResponse(404).",
    path: "Service/Listener-http-80",
    prop: "defaultAction.statusCode",
    received: "undefined",
    build: (s) => service(s).addListener({ protocol: "HTTP", defaultAction: LatticeListenerAction.fixedResponse(undefined as never) }),
  },
  {
    module: "lattice",
    api: "LatticeTargetGroup.fromLatticeTargetGroupAttributes",
    cause: "An imported ALB target group described with protocol TCP (AWS makes ALB groups HTTP or HTTPS only)",
    fix: "Give the protocol the group was created with: HTTP or HTTPS.",
    path: "Imported",
    prop: "protocol",
    received: '"TCP"',
    build: (s) => LatticeTargetGroup.fromLatticeTargetGroupAttributes(s, "Imported", { targetGroupArn: TCP_GROUP_ARN, type: "ALB", protocol: "TCP" }),
  },
  {
    module: "lattice",
    api: "LatticeTargetGroup.fromLatticeTargetGroupAttributes",
    cause: "An imported TCP target group described with a protocolVersion (protocol versions are HTTP concepts)",
    fix: "Leave protocolVersion unset for a TCP group.",
    path: "Imported",
    prop: "protocolVersion",
    received: '"HTTP1"',
    build: (s) =>
      LatticeTargetGroup.fromLatticeTargetGroupAttributes(s, "Imported", {
        targetGroupArn: TCP_GROUP_ARN,
        type: "IP",
        protocol: "TCP",
        protocolVersion: "HTTP1",
      }),
  },
  {
    module: "lattice",
    api: "LatticeTargetGroupConfig.ipAddresses",
    cause:
      "An HTTPS target group health-checked on its traffic port without a protocol: AWS checks over plain HTTP, which the TLS targets never answer",
    fix: 'Give healthCheck.protocol: "HTTPS" (or HTTP with a health-check port of its own).',
    path: "Group",
    prop: "healthCheck.protocol",
    received: "undefined",
    build: (s) =>
      new LatticeTargetGroup(s, "Group", {
        name: "orders",
        config: LatticeTargetGroupConfig.ipAddresses({ vpc: vpc(s), protocol: "HTTPS", healthCheck: { path: "/health" } }),
      }),
  },
  {
    module: "lattice",
    api: "LatticeTargetGroupConfig.ipAddresses",
    cause: "A health-check matcher no response can meet: a code above 599 or a reversed range such as 299-200 (every target stays unhealthy)",
    fix: "List HTTP status codes from 100 to 599, ranges low to high, such as 200-299.",
    path: "Group",
    prop: "healthCheck.matcher",
    received: '"299-200"',
    build: (s) =>
      new LatticeTargetGroup(s, "Group", {
        name: "orders",
        config: LatticeTargetGroupConfig.ipAddresses({ vpc: vpc(s), protocol: "HTTP", healthCheck: { matcher: "299-200" } }),
      }),
  },
  {
    module: "lattice",
    api: "ServiceNetwork",
    cause: "A misspelled optional prop from JavaScript or `as any` (authtype for authType): it was ignored, and the default applied without a word",
    fix: "Spell the prop as the construct takes it: the error names the nearest one (did you mean authType?) and lists them all.",
    path: "Network",
    prop: "authtype",
    received: '"NONE"',
    build: (s) =>
      new ServiceNetwork(s, "Network", { name: "shared", authPolicy: ORG_ONLY, authtype: "NONE" } as ConstructorParameters<typeof ServiceNetwork>[2]),
  },
  {
    module: "lattice",
    api: "LatticeTargetGroupConfig.ipAddresses",
    cause: "A misspelled health-check field (intervalSecond for intervalSeconds): AWS's 30-second default applied instead",
    fix: "Spell the field as LatticeTargetGroupHealthCheck names it: the error names the nearest one.",
    path: "Group",
    prop: "healthCheck.intervalSecond",
    received: "10",
    build: (s) =>
      new LatticeTargetGroup(s, "Group", {
        name: "orders",
        config: LatticeTargetGroupConfig.ipAddresses({
          vpc: vpc(s),
          protocol: "HTTP",
          healthCheck: { intervalSecond: 10 } as LatticeTargetGroupHealthCheck,
        }),
      }),
  },
  {
    module: "lattice",
    api: "AuthPolicy.allow",
    cause: "A misspelled grant condition (method for methods): the condition was dropped, so the grant allowed every method",
    fix: "Spell the field as AuthPolicyGrant names it (methods, paths, sourceVpcs ...): the error names the nearest one.",
    path: "Service/AuthPolicy",
    prop: "authPolicy.statements[0].method",
    received: '["GET"]',
    build: (s) => service(s, { authPolicy: new AuthPolicy().allow({ organizationId: "o-abcdefghij", method: ["GET"] } as AuthPolicyGrant) }),
  },
  {
    module: "lattice",
    api: "ServiceNetwork.associateResourceConfiguration",
    cause:
      "A resource configuration that does not allow shareable networks, associated with a network shared through RAM (AWS refuses the association at apply)",
    fix: 'Make the configuration with allowAssociationToShareableServiceNetwork: OptOut.because("<why>"), or share the configuration itself instead of the network.',
    path: "Network/Resource-db",
    prop: "resourceConfiguration",
    received: '"test/Database"',
    build: (s) => {
      const vpc = new Vpc(s, "Vpc", { name: "owner", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
      const gateway = new ResourceGateway(s, "Gateway", { name: "db-ingress", vpc });
      const database = new ResourceConfiguration(s, "Database", {
        name: "orders-db",
        resourceGateway: gateway,
        ipResource: { ipAddress: "10.0.0.50" },
        ports: [Port.tcp(5432)],
      });
      new ServiceNetwork(s, "Network", {
        name: "platform",
        sharing: { principals: [SharePrincipal.account("222222222222")] },
      }).associateResourceConfiguration("db", database);
    },
  },
  {
    module: "lattice",
    api: "LatticeListenerAction.weightedForward",
    cause: "A misspelled weight (weigth) in a weighted forward: the group silently got the default weight 100 instead of its share",
    fix: "Spell the field as WeightedTargetGroup names it (targetGroup, weight): the error names the nearest one.",
    path: "Service/Listener-http-80",
    prop: "defaultAction.targetGroups[0].weigth",
    received: "10",
    build: (s) => {
      service(s).addListener({
        protocol: "HTTP",
        defaultAction: LatticeListenerAction.weightedForward([
          { targetGroup: httpGroup(s, "Canary", "0123456789abcdef1"), weigth: 10 } as Parameters<
            typeof LatticeListenerAction.weightedForward
          >[0][number],
          { targetGroup: httpGroup(s, "Stable", "0123456789abcdef2"), weight: 90 },
        ]),
      });
    },
  },
  {
    module: "lattice",
    api: "LatticeService",
    cause:
      "A hosted zone written as a literal whose zoneId is the zone's name (example.com) instead of its ID: Route 53 refused the alias records at apply",
    fix: "Give the zone's ID (Z...), or use PrivateHostedZone / HostedZone.fromHostedZoneAttributes.",
    path: "Service",
    prop: "hostedZone.zoneId",
    received: '"example.com"',
    build: (s) =>
      service(s, {
        customDomainName: "orders.example.com",
        hostedZone: { zoneId: "example.com", zoneName: "example.com" } as LatticeServiceProps["hostedZone"],
      }),
  },
  {
    module: "lattice",
    api: "ServiceNetwork.associateService",
    cause:
      "An object literal whose serviceArn is not a VPC Lattice service ARN (here a target group's) given as the service: AWS refused the association at apply",
    fix: "Pass a LatticeService, or import the service with LatticeService.fromLatticeServiceAttributes({ serviceArn }).",
    path: "Network/Service-orders",
    prop: "service.serviceArn",
    received: `"${TCP_GROUP_ARN}"`,
    build: (s) =>
      void new ServiceNetwork(s, "Network", { name: "platform", authPolicy: ORG_ONLY }).associateService("orders", {
        serviceArn: TCP_GROUP_ARN,
        serviceId: "tg-0123456789abcdef0",
      } as Parameters<ServiceNetwork["associateService"]>[1]),
  },
  {
    module: "lattice",
    api: "AuthPolicy.allow",
    cause:
      "A grant of a service's own auth policy narrowed to another service (services): its Resource never matched a request to this service, so the grant silently did not apply",
    fix: "Leave services out of a service's own policy (it applies to that service only); narrow grants by service on the service network's policy.",
    path: "Service/AuthPolicy",
    prop: "authPolicy.statements[0].services[0]",
    received: '"arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-0fedcba9876543210"',
    build: (s) =>
      service(s, {
        authPolicy: new AuthPolicy().allow({
          organizationId: "o-abcdefghij",
          services: [
            LatticeService.fromLatticeServiceAttributes(s, "Billing", {
              serviceArn: "arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-0fedcba9876543210",
            }),
          ],
        }),
      }),
  },
  {
    module: "lattice",
    api: "ServiceNetwork.associateVpc",
    cause: "An association made with the provider of an account the network's sharing leaves out (RAM gives that account nothing to associate with)",
    fix: "Add the account to sharing.principals, or make the association with the provider of an account the network is shared with.",
    path: "Network/Vpc-stranger",
    prop: "provider",
    received: '"333333333333"',
    build: (s) => {
      const owner = new AwsProvider(s, "owner", { region: "us-east-1", alias: "owner", allowedAccountIds: ["111111111111"] });
      const stranger = new AwsProvider(s, "stranger", { region: "us-east-1", alias: "stranger", allowedAccountIds: ["333333333333"] });
      const vpc = new Vpc(s, "StrangerVpc", { name: "stranger", cidrBlock: "10.3.0.0/16", availabilityZones: ["us-east-1a"], provider: stranger });
      const network = new ServiceNetwork(s, "Network", {
        name: "platform",
        provider: owner,
        sharing: { principals: [SharePrincipal.account("222222222222")] },
      });
      network.associateVpc("stranger", { vpc });
    },
  },
  {
    module: "lattice",
    api: "AuthPolicy.deny",
    cause: "An auth policy of Deny grants only (AWS_IAM needs an explicit Allow, so every request is denied)",
    fix: "Add an Allow grant for the callers (allow({ accounts: [...] })); keep the Deny grants for what they must refuse.",
    path: "Service/AuthPolicy",
    prop: "authPolicy",
    received: '"a policy with no Allow grant"',
    build: (s) => service(s, { authPolicy: new AuthPolicy().deny({ accounts: ["222222222222"] }) }),
  },
  {
    module: "lattice",
    api: "AuthPolicy.deny",
    cause: "A Deny grant without conditions that names the principals of the only Allow grant (an explicit Deny wins, so every request is denied)",
    fix: "Narrow the Deny (methods, paths, source VPCs) to what must be refused, or allow other principals than it denies.",
    path: "Network/AuthPolicy",
    prop: "authPolicy",
    received: '"a policy whose every Allow grant a Deny grant covers: authPolicy.statements[1] (Deny) covers authPolicy.statements[0]"',
    build: (s) =>
      new ServiceNetwork(s, "Network", {
        name: "shared-services",
        authPolicy: new AuthPolicy().allow({ accounts: ["111111111111"] }).deny({ accounts: ["111111111111"] }),
      }),
  },
  {
    module: "lattice",
    api: "AuthPolicyGrant",
    cause: "An account ID given as a number (accounts: [111111111111]): it was rendered as a JSON number, which IAM does not take as an account",
    fix: 'Give account IDs as 12-digit strings, such as "111111111111".',
    path: "Service/AuthPolicy",
    prop: "authPolicy.statements[0].accounts[0]",
    received: "111111111111",
    build: (s) => service(s, { authPolicy: new AuthPolicy().allow({ accounts: [111111111111 as unknown as string] }) }),
  },
  {
    module: "lattice",
    api: "ServiceNetwork.associateService",
    cause:
      "A service whose auth policy allows only accounts (or organizations) the network's auth policy does not allow: a request needs an Allow from both, so every request is denied",
    fix: "Allow a common caller in both policies: add the service's callers to the network's policy, or the network's to the service's.",
    path: "Network/Service-orders",
    prop: "service",
    received: '"test/Service"',
    build: (s) => {
      const network = new ServiceNetwork(s, "Network", {
        name: "shared-services",
        authPolicy: new AuthPolicy().allow({ accounts: ["222222222222"] }),
      });
      network.associateService("orders", service(s, { authPolicy: new AuthPolicy().allow({ accounts: ["333333333333"] }) }));
      synth(s);
    },
  },
  {
    module: "lattice",
    api: "LatticeTargetGroupHealthCheck",
    cause:
      "An HTTP target group health-checked over HTTPS on its traffic port (or an HTTPS group over HTTP): every check fails, so no target is ever healthy",
    fix: "Check over the group's own protocol, or give the health check a port of its own that speaks the other protocol.",
    path: "Group",
    prop: "healthCheck.protocol",
    received: '"HTTPS"',
    build: (s) =>
      new LatticeTargetGroup(s, "Group", {
        name: "orders",
        config: LatticeTargetGroupConfig.ipAddresses({ vpc: vpc(s), protocol: "HTTP", healthCheck: { protocol: "HTTPS", path: "/health" } }),
      }),
  },
  {
    module: "lattice",
    api: "LatticeListener.addRule",
    cause:
      'A rule after one evaluated first that matches every request it matches (priority 1 on PathMatch.prefix("/"), priority 2 on /api): it is never reached',
    fix: "Give the narrower rule the lower priority number, or narrow the earlier rule (a method, a header, a longer path).",
    path: "Service/Listener-http-80",
    prop: "rules.api.match",
    received: '"a rule matching path prefix /api"',
    build: (s) =>
      service(s).addListener({
        protocol: "HTTP",
        defaultAction: LatticeListenerAction.fixedResponse(404),
        rules: [
          {
            name: "everything",
            priority: 1,
            match: { path: PathMatch.prefix("/") },
            action: LatticeListenerAction.forward(httpGroup(s, "All", "0123456789abcdef1")),
          },
          { name: "api", priority: 2, match: { path: PathMatch.prefix("/api") }, action: LatticeListenerAction.fixedResponse(403) },
        ],
      }),
  },
  {
    module: "lattice",
    api: "LatticeListenerAction.forward",
    cause:
      "A JavaScript caller's object literal without targetGroupId ({ targetGroupArn, type }): the forward rendered its target group without an identifier",
    fix: "Forward to a LatticeTargetGroup, or to one imported with LatticeTargetGroup.fromLatticeTargetGroupAttributes(...).",
    path: "Service/Listener-http-80",
    prop: "defaultAction.targetGroups[0].targetGroup.targetGroupId",
    received: "undefined",
    build: (s) =>
      service(s).addListener({
        protocol: "HTTP",
        defaultAction: LatticeListenerAction.forward({ targetGroupArn: TCP_GROUP_ARN, type: "IP" } as never),
      }),
  },
  {
    module: "lattice",
    api: "LatticeListener",
    cause: "A JavaScript caller's service object literal without serviceId ({ serviceArn }): the listener rendered service_identifier as null",
    fix: "Give a LatticeService, or one imported with LatticeService.fromLatticeServiceAttributes(...).",
    path: "Listener",
    prop: "service.serviceId",
    received: "undefined",
    build: (s) =>
      new LatticeListener(s, "Listener", {
        service: { serviceArn: "arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-0123456789abcdef0" } as never,
        protocol: "HTTP",
        defaultAction: LatticeListenerAction.fixedResponse(404),
      }),
  },
  {
    module: "lattice",
    api: "LatticeService",
    cause: "customDomainName given as null (a JavaScript caller): a TypeError came out of the length check",
    fix: "Leave customDomainName unset for the generated name only, or give a DNS name such as orders.example.com.",
    path: "Service",
    prop: "customDomainName",
    received: "null",
    build: (s) => service(s, { customDomainName: null as never }),
  },
  {
    module: "lattice",
    api: "LatticeService",
    cause: "provider given as null or an alias string (a JavaScript caller): a TypeError came out of the name check, or cdktf dropped it",
    fix: "Give an AwsProvider, or leave provider unset for the stack's default one.",
    path: "Service",
    prop: "provider",
    received: "null",
    build: (s) => service(s, { provider: null as never }),
  },
  {
    module: "lattice",
    api: "LatticeTarget.ipAddress",
    cause: "An IP target at an address AWS reserves in its subnet (the first four, the last) or at an end of the VPC's block: nothing listens there",
    fix: "Target the address the workload holds (AWS never assigns the reserved ones).",
    path: "Group",
    prop: "targets.pod.id",
    received: '"10.0.1.255"',
    build: (s) =>
      new LatticeTargetGroup(s, "Group", {
        name: "orders",
        type: "IP",
        vpc: new Vpc(s, "App", { name: "app", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] }),
        protocol: "HTTP",
        targets: { pod: LatticeTarget.ipAddress("10.0.1.255") },
      }),
  },
  {
    module: "lattice",
    api: "ServiceNetworkEndpoint",
    cause:
      "A ServiceNetwork endpoint to a network this app shares, made with the provider of an account the network's sharing leaves out (RAM never gives that account the network, and AWS refuses the endpoint)",
    fix: "Add the account to the network's sharing.principals, or make the endpoint with the provider of an account the network is shared with.",
    path: "Endpoint",
    prop: "provider",
    received: '"333333333333"',
    build: (s) => {
      const stranger = new AwsProvider(s, "stranger", { region: "us-east-1", alias: "stranger", allowedAccountIds: ["333333333333"] });
      const network = new ServiceNetwork(s, "Network", { name: "platform", sharing: { principals: [SharePrincipal.account("222222222222")] } });
      new ServiceNetworkEndpoint(s, "Endpoint", {
        vpc: new Vpc(s, "StrangerVpc", {
          name: "stranger",
          cidrBlock: "10.3.0.0/16",
          availabilityZones: ["us-east-1a", "us-east-1b"],
          provider: stranger,
        }),
        serviceNetwork: network,
      });
      synth(s);
    },
  },
  {
    module: "lattice",
    api: "ServiceNetwork.associateResourceConfiguration",
    cause:
      "An association of a resource configuration this app shares, made with the provider of an account the configuration's sharing leaves out (RAM gives that account nothing to associate with)",
    fix: "Add the account to the sharing.principals of the configuration's SharedResourceAccess (or DnsResourceGroup), or make the association with the provider of an account it is shared with.",
    path: "Stranger/Resource-db",
    prop: "provider",
    received: '"333333333333"',
    build: (s) => {
      const stranger = new AwsProvider(s, "stranger", { region: "us-east-1", alias: "stranger", allowedAccountIds: ["333333333333"] });
      const gateway = new ResourceGateway(s, "Gateway", {
        name: "owner-gateway",
        vpc: new Vpc(s, "OwnerVpc", { name: "owner", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] }),
      });
      const database = new ResourceConfiguration(s, "Db", {
        name: "orders-db",
        resourceGateway: gateway,
        ipResource: { ipAddress: "10.0.0.50" },
        ports: [Port.tcp(5432)],
      });
      new SharedResourceAccess(s, "Access", {
        name: "orders-db",
        resourceConfiguration: database,
        sharing: { principals: [SharePrincipal.account("222222222222")] },
      });
      new ServiceNetwork(s, "Stranger", { name: "stranger", resourceConfigurationsOnly: true, provider: stranger }).associateResourceConfiguration(
        "db",
        database,
        {
          provider: stranger,
        },
      );
    },
  },
  {
    module: "lattice",
    api: "ServiceNetwork.fromServiceNetworkAttributes",
    cause:
      "resourceShareArn (a share whose invitation the import accepts) without the provider of the account that accepts: an account accepts only for itself",
    fix: "Give provider, the provider of the account the network is shared with, beside resourceShareArn.",
    path: "Shared",
    prop: "provider",
    received: "undefined",
    build: (s) =>
      ServiceNetwork.fromServiceNetworkAttributes(s, "Shared", {
        serviceNetworkArn: "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0",
        resourceShareArn: "arn:aws:ram:us-east-1:111111111111:resource-share/7a1f3c52-9e0b-4d6a-8c1e-2f3b4a5c6d7e",
      }),
  },
  {
    module: "lattice",
    api: "ServiceNetwork.fromServiceNetworkAttributes",
    cause: "resourceShareArn of a share another account than the network's owner made: only a resource's owner shares it through RAM",
    fix: "Give the ARN of the owner's share of the network (arn:aws:ram:<region>:<owner>:resource-share/<id>), as the owner's RAM console shows it.",
    path: "Shared",
    prop: "resourceShareArn",
    received: '"arn:aws:ram:us-east-1:333333333333:resource-share/7a1f3c52-9e0b-4d6a-8c1e-2f3b4a5c6d7e"',
    build: (s) =>
      ServiceNetwork.fromServiceNetworkAttributes(s, "Shared", {
        serviceNetworkArn: "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0",
        resourceShareArn: "arn:aws:ram:us-east-1:333333333333:resource-share/7a1f3c52-9e0b-4d6a-8c1e-2f3b4a5c6d7e",
        provider: new AwsProvider(s, "consumer", { region: "us-east-1", alias: "consumer", allowedAccountIds: ["222222222222"] }),
      }),
  },
  {
    module: "lattice",
    api: "ServiceNetworkVpcAssociation",
    cause:
      "A service network VPC association of an existing VPC that has one already (VpcAttributes.serviceNetworkAssociation): AWS allows one per VPC",
    fix: "Reach the second network with a ServiceNetworkEndpoint in the VPC, or remove the existing association first.",
    path: "Network/Vpc-clients",
    prop: "vpc",
    received: '"vpc-0123456789abcdef0"',
    build: (s) =>
      new ServiceNetwork(s, "Network", { name: "shared-services", authPolicy: ORG_ONLY }).associateVpc("clients", {
        vpc: Vpc.fromVpcAttributes(s, "Vpc", {
          vpcId: "vpc-0123456789abcdef0",
          cidrBlock: "10.0.0.0/16",
          serviceNetworkAssociation: "snva-0123456789abcdef0",
        }),
      }),
  },
  {
    module: "lattice",
    api: "ServiceNetwork.fromServiceNetworkAttributes",
    cause:
      "resourceShareArn with the provider of the network's owner: an account accepts only shares of another account (refused inside the accepter, at a prop the caller did not write)",
    fix: "Leave resourceShareArn out for the owner's own network, or give the provider of the account the network is shared with.",
    path: "Shared",
    prop: "resourceShareArn",
    received: '"arn:aws:ram:us-east-1:111111111111:resource-share/7a1f3c52-9e0b-4d6a-8c1e-2f3b4a5c6d7e"',
    build: (s) =>
      ServiceNetwork.fromServiceNetworkAttributes(s, "Shared", {
        serviceNetworkArn: "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0",
        resourceShareArn: "arn:aws:ram:us-east-1:111111111111:resource-share/7a1f3c52-9e0b-4d6a-8c1e-2f3b4a5c6d7e",
        provider: new AwsProvider(s, "owner", { region: "us-east-1", alias: "owner", allowedAccountIds: ["111111111111"] }),
      }),
  },
  {
    module: "lattice",
    api: "AuthPolicy.allow",
    cause:
      "organizationPaths of another organization than the grant's organizationId (a path copied from another organization): both conditions must hold and a principal is in one organization, so the grant matches nobody",
    fix: "Give paths that start with the grant's organizationId (o-abcdefghij/r-…/ou-…/*), or leave organizationId out and narrow by the paths alone.",
    path: "Service/AuthPolicy",
    prop: "authPolicy.statements[0].organizationPaths[0]",
    received: '"o-zzzzzzzzzz/r-ab12/ou-ab12-cdefgh34/*"',
    build: (s) =>
      service(s, {
        authPolicy: new AuthPolicy().allow({ organizationId: "o-abcdefghij", organizationPaths: ["o-zzzzzzzzzz/r-ab12/ou-ab12-cdefgh34/*"] }),
      }),
  },
  {
    module: "lattice",
    api: "AuthPolicy.allow",
    cause:
      "an organization path no aws:PrincipalOrgPaths value matches: without a trailing / or wildcard (StringLike compares whole values, and every value ends with /), without the root ID after the organization, or with an account ID (the value ends at the account's parent OU), so the grant matches nobody",
    fix: "Write the path from the organization through the root to the OU, ending with / (that OU's accounts) or /* (and the OUs below it): o-abcdefghij/r-ab12/ou-ab12-cdefgh34/*.",
    path: "Service/AuthPolicy",
    prop: "authPolicy.statements[0].organizationPaths[0]",
    received: '"o-abcdefghij/r-ab12/ou-ab12-cdefgh34"',
    build: (s) => service(s, { authPolicy: new AuthPolicy().allow({ organizationPaths: ["o-abcdefghij/r-ab12/ou-ab12-cdefgh34"] }) }),
  },
  {
    module: "lattice",
    api: "LatticeService",
    cause:
      "An ACM certificate of another account than the service's (the platform account's wildcard certificate given to a team's service): ACM certificates cannot be shared across accounts, so AWS refuses the service at apply",
    fix: "Request or import a certificate for the custom domain name in the service's own account, and give that one.",
    path: "Service",
    prop: "certificate.certificateArn",
    received: '"arn:aws:acm:us-east-1:111111111111:certificate/0123abcd-0123-4567-89ab-0123456789ab"',
    build: (s) => {
      const team = new AwsProvider(s, "team", { region: "us-east-1", alias: "team", allowedAccountIds: ["222222222222"] });
      return service(s, {
        provider: team,
        customDomainName: "orders.example.com",
        certificate: Certificate.fromCertificateAttributes(s, "Certificate", {
          certificateArn: "arn:aws:acm:us-east-1:111111111111:certificate/0123abcd-0123-4567-89ab-0123456789ab",
          provider: team,
        }),
      });
    },
  },
  {
    module: "lattice",
    api: "ServiceNetworkServiceAssociation",
    cause:
      "A second service of the network with the same custom domain name (a new version given the old one's name): VPC Lattice requires custom domain names to be unique within a service network and refuses the association at apply",
    fix: "Give the new service its own custom domain name, put it in another network, or shift traffic inside one service with weighted listener rules (TrafficSplit).",
    path: "Network/Service-orders-v2",
    prop: "service",
    received: '"test/OrdersV2"',
    build: (s) => {
      const network = new ServiceNetwork(s, "Network", { name: "shop", authPolicy: ORG_ONLY });
      for (const [id, name] of [
        ["Orders", "orders"],
        ["OrdersV2", "orders-v2"],
      ]) {
        const orders = new LatticeService(s, id, { name, authPolicy: ORG_ONLY, customDomainName: "orders.internal.example.com" });
        network.associateService(name, orders);
      }
    },
  },
  {
    module: "lattice",
    api: "ServiceNetworkVpcAssociation",
    cause:
      "A security group given by its ID (a JavaScript caller's sg- string): the association went out with no security group at all, so every client of the VPC got in",
    fix: "Give the group as an object: SecurityGroup.fromSecurityGroupAttributes(scope, id, { securityGroupId, vpcId }) for an existing one, or a new SecurityGroup.",
    path: "Network/Vpc-app",
    prop: "securityGroups[0]",
    received: '"sg-0123456789abcdef0"',
    build: (s) =>
      new ServiceNetwork(s, "Network", { name: "shop", authPolicy: ORG_ONLY }).associateVpc("app", {
        vpc: vpc(s),
        securityGroups: ["sg-0123456789abcdef0"] as unknown as ISecurityGroup[],
      }),
  },
  {
    module: "lattice",
    api: "LatticeService.addListener",
    cause:
      "A target group of another region than the service (a group made with another region's provider, or imported by an ARN of another region): VPC Lattice forwards only to target groups of the service's region, so the listener fails at apply",
    fix: "Make the target group with a provider of the service's region (and a VPC there), or put the service in the target group's region.",
    path: "Service/Listener-http-80",
    prop: "defaultAction.targetGroups[0]",
    received: '"arn:aws:vpc-lattice:us-west-2:111111111111:targetgroup/tg-0123456789abcdef0"',
    build: (s) =>
      service(s).addListener({
        protocol: "HTTP",
        defaultAction: LatticeListenerAction.forward(
          LatticeTargetGroup.fromLatticeTargetGroupAttributes(s, "West", {
            targetGroupArn: "arn:aws:vpc-lattice:us-west-2:111111111111:targetgroup/tg-0123456789abcdef0",
            type: "IP",
            protocol: "HTTP",
            provider: new AwsProvider(s, "west", { region: "us-west-2", alias: "west" }),
          }),
        ),
      }),
  },
  {
    module: "lattice",
    api: "LatticeTargetGroup",
    cause:
      "A provider of another region than the target group's VPC (the service's region provider given to a group of a VPC elsewhere): AWS looks the VPC up in the group's region and refuses the group at apply",
    fix: "Leave provider out (the group takes its VPC's), or give a provider of the VPC's region.",
    path: "Targets",
    prop: "provider",
    received: '"west (us-west-2)"',
    build: (s) =>
      new LatticeTargetGroup(s, "Targets", {
        name: "orders",
        provider: new AwsProvider(s, "west", { region: "us-west-2", alias: "west" }),
        config: LatticeTargetGroupConfig.ipAddresses({
          vpc: new Vpc(s, "Vpc", { name: "app", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] }),
          protocol: "HTTP",
          port: 8080,
        }),
      }),
  },
  {
    module: "lattice",
    api: "ServiceNetwork.associateService",
    cause:
      "The service owner's provider associating its service with a consumer's service network that is not shared through RAM: only the network's account sees it, and AWS refuses the association at apply",
    fix: "Leave provider out (the network's account associates the service shared with it), or share the network with the service's account.",
    path: "Consumer/Service-orders",
    prop: "provider",
    received: '"owner (account 111111111111)"',
    build: (s) => {
      const owner = new AwsProvider(s, "owner", { region: "us-east-1", alias: "owner", allowedAccountIds: ["111111111111"] });
      const consumer = new AwsProvider(s, "consumer", { region: "us-east-1", alias: "consumer", allowedAccountIds: ["222222222222"] });
      const allow = new AuthPolicy().allow({ accounts: ["222222222222"] });
      const orders = new LatticeService(s, "Orders", { name: "orders", authPolicy: allow });
      new ServiceNetwork(s, "Consumer", { name: "consumer", authPolicy: allow, provider: consumer }).associateService("orders", orders, {
        provider: owner,
      });
    },
  },
];

/** An HTTP target group made elsewhere, told apart by the last digits of its ID. */
const httpGroup = (stack: TerraformStack, id: string, digits: string) =>
  LatticeTargetGroup.fromLatticeTargetGroupAttributes(stack, id, {
    targetGroupArn: `arn:aws:vpc-lattice:us-east-1:111111111111:targetgroup/tg-${digits}`,
    type: "IP",
    protocol: "HTTP",
  });
type LatticeServiceProps = ConstructorParameters<typeof LatticeService>[2];
