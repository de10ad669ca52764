import { TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { checkAccountId, checkDnsName, checkExactlyOne, checkIntegerRange, checkIpv4Address, checkItemCount, checkLength, checkOneOf, checkPortRange, checkRegion, checkRestrictedCidr, checkUnique, PolicyDocument, PolicyPrincipal, PolicyStatement } from "../modules/core";
import { AwsService, EndpointOnlyBucketPolicy, EndpointPolicy, GatewayEndpoint, InterfaceEndpoint, PrivateAwsServiceAccess, ResourceEndpoint, S3HybridAccess, ServiceAccessPresets } from "../modules/endpoints";
import { suppress } from "../modules/guardrails";
import { AccessLogDestination, AccessLogs, AuthPolicy, LatticeAccessLogs, LatticeMesh, LatticeService, LatticeTarget, LatticeListenerAction, PathMatch, ServiceNetwork, LatticeTargetGroup } from "../modules/lattice";
import { ApplianceTargets, EndpointService, EndpointServiceLoadBalancer, EndpointServicePrincipal, GatewayLoadBalancer, GatewayLoadBalancerProps, ListenerTargets, NetworkLoadBalancer, NetworkLoadBalancerOptions, PrivateLinkSaasOffering } from "../modules/privatelink";
import { ResourceShare, SharePrincipal } from "../modules/ram";
import { ResourceConfiguration, ResourceConfigurationProps, ResourceGateway } from "../modules/resources";
import { Peer, PrivateHostedZone, SecurityGroup, TransitGateway, Vpc } from "../modules/vpc";

/**
 * Bad inputs across every module, each with the ValidationError it must end
 * in. test/guardrails/bad-inputs.test.ts walks the catalog, and docs/ERRORS.md
 * is generated from it (tools/errors-doc.ts) with the messages the
 * code really produces, so the documentation cannot drift from the code.
 */
export interface BadInput {
  readonly module: "core" | "vpc" | "ram" | "endpoints" | "privatelink" | "lattice" | "resources" | "guardrails";
  /** The class or function that rejects the input. */
  readonly api: string;
  /** The cause, in the user's words: what was passed. */
  readonly cause: string;
  /** How to fix it. */
  readonly fix: string;
  /** Construct path of the rejecting construct, below the stack. */
  readonly path: string;
  readonly prop: string;
  /** `received` as the error renders it. */
  readonly received: string;
  readonly build: (stack: TerraformStack) => void;
}

/** The stack each bad input is built in: a default AWS provider with a literal region, as the example stacks have. */
export function badInputStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "test");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  return stack;
}

const ACCOUNT = "222222222222";
const AZS = ["us-east-1a", "us-east-1b"];
const SERVICE_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-0123456789abcdef0";
const PARTNER_SERVICE = { serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", ports: [443], isAwsService: false, privateDnsSupported: false };
const thing = (stack: TerraformStack) => new Construct(stack, "Thing");
const vpc = (stack: TerraformStack, props: Partial<ConstructorParameters<typeof Vpc>[2]> = {}) =>
  new Vpc(stack, "Vpc", { name: "bad", cidrBlock: "10.0.0.0/16", availabilityZones: AZS, ...props });
const group = (stack: TerraformStack) => new SecurityGroup(stack, "Sg", { vpc: vpc(stack), description: "API servers" });
const rule = { peer: Peer.cidr("10.0.0.0/16"), port: 443, description: "HTTPS from the VPC" };
const statement = (principals: PolicyPrincipal[]) => new PolicyStatement({ actions: ["vpc-lattice-svcs:Invoke"], principals });
const render = (stack: TerraformStack, document: PolicyDocument, maxCharacters?: number) => document.render(thing(stack), "authPolicy", { requirePrincipal: true, maxCharacters });
const share = (stack: TerraformStack, props: Partial<ConstructorParameters<typeof ResourceShare>[2]> = {}) =>
  new ResourceShare(stack, "Share", { name: "lattice", principals: [SharePrincipal.account(ACCOUNT)], ...props });
const interfaceEndpoint = (stack: TerraformStack, props: Partial<ConstructorParameters<typeof InterfaceEndpoint>[2]> = {}) =>
  new InterfaceEndpoint(stack, "Endpoint", { service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly("o-abcdefghij"), ...props, vpc: props.vpc ?? vpc(stack) });
const nlbOptions = (stack: TerraformStack, overrides: Partial<NetworkLoadBalancerOptions> = {}): NetworkLoadBalancerOptions => ({
  vpc: vpc(stack),
  listeners: [{ port: 443, targets: ListenerTargets.instances({ port: 8443, instances: { "api-a": "i-0123456789abcdef0", "api-b": "i-0123456789abcdef1" } }) }],
  ...overrides,
});
const nlb = (stack: TerraformStack, overrides: Partial<NetworkLoadBalancerOptions> = {}) => new NetworkLoadBalancer(stack, "Nlb", nlbOptions(stack, overrides));
const endpointService = (stack: TerraformStack, props: Partial<ConstructorParameters<typeof EndpointService>[2]> = {}) =>
  new EndpointService(stack, "Service", { networkLoadBalancer: nlbOptions(stack), ...props });
const CERTIFICATE = "arn:aws:acm:us-east-1:111111111111:certificate/0a1b2c3d-0000-1111-2222-333344445555";
const instanceTargets = ListenerTargets.instances({ port: 8443, instances: { "api-a": "i-0123456789abcdef0" } });
const gwlb = (stack: TerraformStack, props: Partial<GatewayLoadBalancerProps> = {}) =>
  new GatewayLoadBalancer(stack, "Gwlb", { vpc: vpc(stack), appliances: ApplianceTargets.ipAddresses({ addresses: { fw: "10.0.0.10" } }), healthCheck: { protocol: "HTTP", port: 80 }, ...props });
const ORG_ONLY = new AuthPolicy().allow({ organizationId: "o-abcdefghij" });
const network = (stack: TerraformStack, props: Partial<ConstructorParameters<typeof ServiceNetwork>[2]> = {}) =>
  new ServiceNetwork(stack, "Network", { name: "shared-services", authPolicy: ORG_ONLY, ...props });
const latticeService = (stack: TerraformStack, props: Partial<ConstructorParameters<typeof LatticeService>[2]> = {}) =>
  new LatticeService(stack, "Service", { name: "orders", authPolicy: ORG_ONLY, ...props });
const targetGroup = (stack: TerraformStack, props: Partial<ConstructorParameters<typeof LatticeTargetGroup>[2]> = {}) =>
  new LatticeTargetGroup(stack, "Group", {
    name: "orders",
    type: "IP",
    vpc: Vpc.fromVpcAttributes(stack, "Vpc", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16" }),
    protocol: "HTTP",
    ...props,
  });
const LOG_SOURCE = { serviceNetworkId: "sn-0123456789abcdef0", serviceNetworkArn: "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0" };
const accessLogs = (stack: TerraformStack, logs: AccessLogs) => new LatticeAccessLogs(stack, "Logs", { source: LOG_SOURCE, name: "n", accessLogs: logs });
const httpListener = (stack: TerraformStack) => latticeService(stack).addListener({ protocol: "HTTP", defaultAction: LatticeListenerAction.fixedResponse(404) });
const pathRule = (name: string, priority: number) => ({ name, priority, match: { path: PathMatch.prefix(`/${name}`) }, action: LatticeListenerAction.fixedResponse(403) });
const KMS_KEY = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const ECR_REPOSITORY = "arn:aws:ecr:us-east-1:111111111111:repository/api";
const gateway = (stack: TerraformStack, props: Partial<ConstructorParameters<typeof ResourceGateway>[2]> = {}) =>
  new ResourceGateway(stack, "Gateway", { name: "owner-gateway", vpc: vpc(stack), ...props });
const configuration = (stack: TerraformStack, props: Partial<ResourceConfigurationProps> = {}) =>
  new ResourceConfiguration(stack, "Config", { name: "orders-db", resourceGateway: gateway(stack), dnsResource: { domainName: "orders.db.example.com" }, portRanges: ["5432"], ...props });

export const BAD_INPUTS: readonly BadInput[] = [
  // core: the validators every construct uses
  { module: "core", api: "checkIntegerRange", cause: "A fractional number where an integer is required", fix: "Pass a whole number inside the range.", path: "Thing", prop: "weight", received: "1.5", build: (s) => checkIntegerRange(thing(s), "weight", 1.5, 0, 999) },
  { module: "core", api: "checkLength", cause: "A string longer than AWS allows", fix: "Shorten the value to the documented maximum.", path: "Thing", prop: "name", received: JSON.stringify("x".repeat(64)), build: (s) => checkLength(thing(s), "name", "x".repeat(64), 3, 63) },
  { module: "core", api: "checkOneOf", cause: "A value outside the allowed set", fix: "Use one of the listed values (case matters).", path: "Thing", prop: "protocol", received: '"tcp"', build: (s) => checkOneOf(thing(s), "protocol", "tcp", ["TCP", "UDP"]) },
  { module: "core", api: "checkItemCount", cause: "More items than AWS accepts", fix: "Pass at most the documented number of items.", path: "Thing", prop: "securityGroups", received: '["a","b","c"]', build: (s) => checkItemCount(thing(s), "securityGroups", ["a", "b", "c"], 1, 2) },
  { module: "core", api: "checkUnique", cause: "The same value twice in a list", fix: "Remove the duplicate.", path: "Thing", prop: "availabilityZones", received: '"us-east-1a"', build: (s) => checkUnique(thing(s), "availabilityZones", ["us-east-1a", "us-east-1a"]) },
  { module: "core", api: "checkExactlyOne", cause: "None of several mutually exclusive props", fix: "Give exactly one of the named props.", path: "Thing", prop: "dnsResource, ipResource", received: '"none of them"', build: (s) => checkExactlyOne(thing(s), { dnsResource: undefined, ipResource: undefined }) },
  { module: "core", api: "checkIpv4Address", cause: "An IPv4 address with an octet above 255", fix: "Use a dotted-quad address such as 10.0.1.25.", path: "Thing", prop: "ipAddress", received: '"10.0.300.1"', build: (s) => checkIpv4Address(thing(s), "ipAddress", "10.0.300.1") },
  { module: "core", api: "checkRestrictedCidr", cause: "A security-group CIDR of the whole internet", fix: "Use the VPC CIDR, a client CIDR, a security group or a prefix list.", path: "Thing", prop: "peer", received: '"0.0.0.0/0"', build: (s) => checkRestrictedCidr(thing(s), "peer", "0.0.0.0/0") },
  { module: "core", api: "checkRestrictedCidr", cause: "A CIDR with a prefix longer than /32", fix: "Use a prefix length from 0 to 32 (IPv4) or 128 (IPv6).", path: "Thing", prop: "peer", received: '"10.0.0.0/33"', build: (s) => checkRestrictedCidr(thing(s), "peer", "10.0.0.0/33") },
  { module: "core", api: "checkRestrictedCidr", cause: "A CIDR with host bits set", fix: "Use the network address: 10.0.0.0/16, not 10.0.0.5/16.", path: "Thing", prop: "peer", received: '"2001:db8::1/64"', build: (s) => checkRestrictedCidr(thing(s), "peer", "2001:db8::1/64") },
  { module: "core", api: "checkDnsName", cause: "A single-label host name", fix: "Use a fully qualified name such as api.example.com.", path: "Thing", prop: "domainName", received: '"localhost"', build: (s) => checkDnsName(thing(s), "domainName", "localhost") },
  { module: "core", api: "checkAccountId", cause: "An account ID that is not 12 digits", fix: "Use the 12-digit account ID, with leading zeros.", path: "Thing", prop: "accountId", received: '"1234"', build: (s) => checkAccountId(thing(s), "accountId", "1234") },
  { module: "core", api: "checkRegion", cause: "A region name without its hyphen", fix: "Use a region code such as us-east-1.", path: "Thing", prop: "region", received: '"us-east1"', build: (s) => checkRegion(thing(s), "region", "us-east1") },
  { module: "core", api: "checkPortRange", cause: "A descending port range", fix: 'Write the range low-high, e.g. "50-100".', path: "Thing", prop: "portRanges[0]", received: '"100-50"', build: (s) => void checkPortRange(thing(s), "portRanges[0]", "100-50") },
  { module: "core", api: "PolicyDocument.render", cause: "A policy document without statements", fix: "Add at least one statement.", path: "Thing", prop: "authPolicy", received: '"an empty policy document"', build: (s) => render(s, new PolicyDocument()) },
  { module: "core", api: "PolicyDocument.render", cause: "A resource-policy statement without a principal", fix: "Name the principals (accounts, roles, or anyone with a condition).", path: "Thing", prop: "authPolicy.statements[0].principals", received: "undefined", build: (s) => render(s, new PolicyDocument([statement([])])) },
  { module: "core", api: "PolicyPrincipal.arn", cause: "A principal ARN that is not an IAM role, user or account root", fix: "Use arn:aws:iam::<account>:role/<name> (or user/, or :root).", path: "Thing", prop: "authPolicy.statements[0].principals[0]", received: '"arn:aws:s3:::bucket"', build: (s) => render(s, new PolicyDocument([statement([PolicyPrincipal.arn("arn:aws:s3:::bucket")])])) },
  { module: "core", api: "PolicyDocument.render", cause: "A policy longer than the service's size limit", fix: "Merge statements, use wildcards in resources, or use conditions on tags/org IDs.", path: "Thing", prop: "authPolicy", received: '"a policy of 142 characters"', build: (s) => render(s, new PolicyDocument([statement([PolicyPrincipal.account(ACCOUNT)])]), 50) },

  // vpc
  { module: "vpc", api: "Vpc", cause: "A VPC CIDR with a prefix longer than /32", fix: "Use an IPv4 CIDR such as 10.0.0.0/16.", path: "Vpc", prop: "cidrBlock", received: '"10.0.0.0/33"', build: (s) => vpc(s, { cidrBlock: "10.0.0.0/33" }) },
  { module: "vpc", api: "Vpc", cause: "A VPC CIDR with host bits set", fix: "Use the network address, e.g. 10.0.0.0/16.", path: "Vpc", prop: "cidrBlock", received: '"10.0.0.5/16"', build: (s) => vpc(s, { cidrBlock: "10.0.0.5/16" }) },
  { module: "vpc", api: "Vpc", cause: "No availability zones", fix: "List one to 16 AZ names (two or more for high availability).", path: "Vpc", prop: "availabilityZones", received: "[]", build: (s) => vpc(s, { availabilityZones: [] }) },
  { module: "vpc", api: "Vpc", cause: "The same availability zone twice", fix: "List each AZ once.", path: "Vpc", prop: "availabilityZones", received: '"us-east-1a"', build: (s) => vpc(s, { availabilityZones: ["us-east-1a", "us-east-1a"] }) },
  { module: "vpc", api: "Vpc", cause: "A region name where an AZ name is expected", fix: "Use AZ names such as us-east-1a.", path: "Vpc", prop: "availabilityZones[0]", received: '"us-east-1"', build: (s) => vpc(s, { availabilityZones: ["us-east-1"] }) },
  { module: "vpc", api: "Vpc", cause: "subnetNewBits beyond 12", fix: "Use 1 to 12 extra bits (8 turns a /16 into /24 subnets).", path: "Vpc", prop: "subnetNewBits", received: "13", build: (s) => vpc(s, { subnetNewBits: 13 }) },
  { module: "vpc", api: "Vpc.fromVpcAttributes", cause: "An imported VPC whose CIDR is not a CIDR", fix: "Pass the VPC's primary IPv4 CIDR.", path: "Imported", prop: "cidrBlock", received: '"vpc-cidr"', build: (s) => Vpc.fromVpcAttributes(s, "Imported", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "vpc-cidr" }) },
  { module: "vpc", api: "TransitGateway", cause: "A private ASN outside 64512-65534 on the AWS side", fix: "Use a private ASN from 64512 to 65534, or leave amazonSideAsn unset (64512).", path: "Network", prop: "amazonSideAsn", received: "7224", build: (s) => new TransitGateway(s, "Network", { name: "core", amazonSideAsn: 7224 }) },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause: "A VPC of another account's provider attached without its account ID",
    fix: "Pass accountId: the account the gateway is shared with through RAM.",
    path: "Network",
    prop: "attach.member.accountId",
    received: "undefined",
    build: (s) => new TransitGateway(s, "Network", { name: "core" }).attach("member", vpc(s, { provider: new AwsProvider(s, "member", { alias: "member", region: "us-east-1" }) })),
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause: "The same VPC attached twice to one transit gateway",
    fix: "Attach each VPC once; routes to more VPCs come from routeTo.",
    path: "Network",
    prop: "attach.again.vpc",
    received: '"the VPC of attachment hub"',
    build: (s) => {
      const network = new TransitGateway(s, "Network", { name: "core" });
      const hub = vpc(s);
      network.attach("hub", hub);
      network.attach("again", hub);
    },
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause: "routeTo naming an attachment of another transit gateway (or one not made yet)",
    fix: "Name attachments of this gateway made before this one.",
    path: "Network",
    prop: "attach.spoke.routeTo[0]",
    received: '"hub"',
    build: (s) => {
      const hub = new TransitGateway(s, "Other", { name: "other" }).attach("hub", vpc(s));
      new TransitGateway(s, "Network", { name: "core" }).attach("spoke", Vpc.fromVpcAttributes(s, "Spoke", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.1.0.0/16" }), { routeTo: [hub] });
    },
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause: "Two attachment subnets in one availability zone",
    fix: "Give one subnet per AZ: a transit gateway attachment takes at most one in each.",
    path: "Network/Attachment-hub",
    prop: "subnets[1]",
    received: '"us-east-1a"',
    build: (s) => {
      const hub = vpc(s);
      new TransitGateway(s, "Network", { name: "core" }).attach("hub", hub, { subnets: [hub.privateSubnets[0], hub.privateSubnets[0]] });
    },
  },
  { module: "vpc", api: "SecurityGroup", cause: "An empty security-group description", fix: "Describe what the group protects.", path: "Sg", prop: "description", received: '""', build: (s) => new SecurityGroup(s, "Sg", { vpc: vpc(s), description: "" }) },
  { module: "vpc", api: "SecurityGroup", cause: "A security-group description with non-ASCII characters", fix: "Use printable ASCII only.", path: "Sg", prop: "description", received: '"Base de données"', build: (s) => new SecurityGroup(s, "Sg", { vpc: vpc(s), description: "Base de données" }) },
  { module: "vpc", api: "SecurityGroup.addIngressRule", cause: "Port 0 in a rule", fix: "Use ports 1 to 65535.", path: "Sg", prop: "ingressRules.port", received: "0", build: (s) => group(s).addIngressRule({ ...rule, port: 0 }) },
  { module: "vpc", api: "SecurityGroup.addIngressRule", cause: "A toPort below the port", fix: "Make toPort the last port of the range, not below port.", path: "Sg", prop: "ingressRules.toPort", received: "80", build: (s) => group(s).addIngressRule({ ...rule, toPort: 80 }) },
  { module: "vpc", api: "SecurityGroup.addEgressRule", cause: "A rule without a description", fix: "Say why the rule exists.", path: "Sg", prop: "egressRules.description", received: "undefined", build: (s) => group(s).addEgressRule({ ...rule, description: "" }) },
  { module: "vpc", api: "SecurityGroup.addIngressRule", cause: "A rule open to 0.0.0.0/0", fix: "Use a narrower CIDR, a security group or a prefix list.", path: "Sg", prop: "ingressRules.peer", received: '"0.0.0.0/0"', build: (s) => group(s).addIngressRule({ ...rule, peer: Peer.cidr("0.0.0.0/0") }) },
  {
    module: "vpc",
    api: "SecurityGroup.addEgressRule",
    cause: "The same rule added twice",
    fix: "Add each rule once.",
    path: "Sg",
    prop: "egressRules",
    received: '"tcp 443 with 10-0-0-0-16"',
    build: (s) => {
      const sg = group(s);
      sg.addEgressRule(rule);
      sg.addEgressRule(rule);
    },
  },

  { module: "vpc", api: "PrivateHostedZone", cause: "A zone name that is not a DNS name", fix: "Use a domain such as internal.example.com.", path: "Zone", prop: "zoneName", received: '"internal example"', build: (s) => new PrivateHostedZone(s, "Zone", { zoneName: "internal example", vpc: vpc(s) }) },
  {
    module: "vpc",
    api: "PrivateHostedZone",
    cause: "A zone created with a VPC of another account",
    fix: "Create the zone with a VPC of its own account, and associate the other account's VPC with associateVpc, which authorizes it.",
    path: "Zone",
    prop: "vpc",
    received: '"test/Vpc (provider default)"',
    build: (s) => new PrivateHostedZone(s, "Zone", { zoneName: "internal.example.com", vpc: vpc(s), provider: new AwsProvider(s, "aws-dns", { alias: "dns", region: "us-east-1" }) }),
  },
  {
    module: "vpc",
    api: "PrivateHostedZone.associateVpc",
    cause: "The same VPC associated twice",
    fix: "Associate each VPC once.",
    path: "Zone",
    prop: "associateVpc(again)",
    received: '"vpc-0123456789abcdef0"',
    build: (s) => {
      const imported = Vpc.fromVpcAttributes(s, "Imported", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.1.0.0/16" });
      new PrivateHostedZone(s, "Zone", { zoneName: "internal.example.com", vpc: imported }).associateVpc("again", imported);
    },
  },
  {
    module: "vpc",
    api: "PrivateHostedZone.associateVpc",
    cause: "Two associations under one name",
    fix: "Give each association its own name: it keys the Terraform addresses.",
    path: "Zone",
    prop: "associateVpc(clients)",
    received: '"clients"',
    build: (s) => {
      const zone = new PrivateHostedZone(s, "Zone", { zoneName: "internal.example.com", vpc: vpc(s) });
      zone.associateVpc("clients", Vpc.fromVpcAttributes(s, "First", { vpcId: "vpc-0123456789abcdef1", cidrBlock: "10.1.0.0/16" }));
      zone.associateVpc("clients", Vpc.fromVpcAttributes(s, "Second", { vpcId: "vpc-0123456789abcdef2", cidrBlock: "10.2.0.0/16" }));
    },
  },
  // ram
  { module: "ram", api: "ResourceShare", cause: "A share with nobody to share with", fix: "Give at least one account, OU or organization.", path: "Share", prop: "principals", received: "[]", build: (s) => share(s, { principals: [] }) },
  { module: "ram", api: "SharePrincipal.account", cause: "A share principal account ID that is not 12 digits", fix: "Use the 12-digit account ID.", path: "Share", prop: "principals[0]", received: '"1234"', build: (s) => share(s, { principals: [SharePrincipal.account("1234")] }) },
  { module: "ram", api: "SharePrincipal.organizationalUnit", cause: "An OU given by ID instead of ARN", fix: "Use the OU ARN arn:aws:organizations::<account>:ou/o-.../ou-....", path: "Share", prop: "principals[0]", received: '"ou-ab12-cdefgh34"', build: (s) => share(s, { principals: [SharePrincipal.organizationalUnit("ou-ab12-cdefgh34")] }) },
  { module: "ram", api: "ResourceShare.addResource", cause: "A shared resource given by ID instead of ARN", fix: "Pass the resource's ARN.", path: "Share", prop: "resources.network", received: '"sn-0123456789abcdef0"', build: (s) => share(s).addResource("network", "sn-0123456789abcdef0") },
  { module: "ram", api: "ResourceShare", cause: "An empty share name", fix: "Name the share (1 to 255 characters).", path: "Share", prop: "name", received: '""', build: (s) => share(s, { name: "" }) },

  // endpoints
  { module: "endpoints", api: "AwsService.fromName", cause: "An unknown AWS service short name", fix: "Use the suggested name, or AwsService.custom() for services not in the list.", path: "Thing", prop: "service", received: '"ecr.dk"', build: (s) => AwsService.fromName(thing(s), "service", "ecr.dk") },
  { module: "endpoints", api: "AwsService.serviceName", cause: "A malformed region for a service name", fix: "Use a region code such as us-east-1.", path: "Thing", prop: "region", received: '"us-east1"', build: (s) => AwsService.LOGS.serviceName(thing(s), "region", "us-east1") },
  {
    module: "endpoints",
    api: "GatewayEndpoint",
    cause: "A gateway endpoint for a service that only has interface endpoints",
    fix: "Use an InterfaceEndpoint (gateway endpoints exist for S3 and DynamoDB only).",
    path: "Gateway",
    prop: "service",
    received: '"logs"',
    build: (s) => new GatewayEndpoint(s, "Gateway", { vpc: vpc(s), service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly("o-abcdefghij") }),
  },
  { module: "endpoints", api: "InterfaceEndpoint", cause: "An unknown IP address type", fix: "Use ipv4, dualstack or ipv6.", path: "Endpoint", prop: "ipAddressType", received: '"ipv5"', build: (s) => interfaceEndpoint(s, { ipAddressType: "ipv5" as "ipv4" }) },
  { module: "endpoints", api: "InterfaceEndpoint", cause: "An empty list of security groups", fix: "Give at least one group, or leave securityGroups unset to get a dedicated one.", path: "Endpoint", prop: "securityGroups", received: "[]", build: (s) => interfaceEndpoint(s, { securityGroups: [] }) },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "Two subnets in one availability zone",
    fix: "Give one subnet per AZ.",
    path: "Endpoint",
    prop: "subnets",
    received: '"us-east-1a"',
    build: (s) => {
      const v = vpc(s);
      interfaceEndpoint(s, { vpc: v, subnets: [v.privateSubnets[0], v.privateSubnets[0]] });
    },
  },
  { module: "endpoints", api: "InterfaceEndpoint", cause: "A service region that is not a region", fix: "Use a region code such as eu-west-1.", path: "Endpoint", prop: "serviceRegion", received: '"europe"', build: (s) => interfaceEndpoint(s, { serviceRegion: "europe" }) },
  { module: "endpoints", api: "InterfaceEndpoint", cause: "A custom DNS name that is not a DNS name", fix: "Use a fully qualified name such as api.internal.example.com.", path: "Endpoint", prop: "customDnsName", received: '"api"', build: (s) => interfaceEndpoint(s, { service: PARTNER_SERVICE, policy: undefined, customDnsName: "api" }) },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "A custom DNS name for an AWS service, whose certificates carry AWS's names only",
    fix: "Leave customDnsName unset; clients dial the service's own name with private DNS on.",
    path: "Endpoint",
    prop: "customDnsName",
    received: '"logs.internal.example.com"',
    build: (s) => interfaceEndpoint(s, { customDnsName: "logs.internal.example.com" }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "A custom DNS name equal to the service's private DNS name, with private DNS on",
    fix: "Drop customDnsName (private DNS answers that name already), or turn private DNS off.",
    path: "Endpoint",
    prop: "customDnsName",
    received: '"api.partner.example.com"',
    build: (s) => interfaceEndpoint(s, { service: { ...PARTNER_SERVICE, privateDnsSupported: true, privateDnsName: "api.partner.example.com" }, policy: undefined, customDnsName: "api.partner.example.com" }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "An endpoint subnet in a zone the endpoint service is not offered in (both by AZ ID)",
    fix: "Place the endpoint in subnets of the service's availabilityZoneIds (pass subnets).",
    path: "Endpoint",
    prop: "vpc.privateSubnets",
    received: '"use1-az2"',
    build: (s) => interfaceEndpoint(s, { vpc: vpc(s, { availabilityZones: ["use1-az1", "use1-az2"] }), service: { ...PARTNER_SERVICE, availabilityZoneIds: ["use1-az1", "use1-az4"] }, policy: undefined }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint.allowClient",
    cause: "A client group allowed on an endpoint whose security groups were given",
    fix: "Add the rules to your own groups, or let the endpoint create its group.",
    path: "Endpoint",
    prop: "allowClient",
    received: '"workers"',
    build: (s) => interfaceEndpoint(s, { vpc: Vpc.fromVpcAttributes(s, "Given", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16", privateSubnets: [{ subnetId: "subnet-0aaaaaaaaaaaaaaaa", availabilityZone: "us-east-1a" }, { subnetId: "subnet-0bbbbbbbbbbbbbbbb", availabilityZone: "us-east-1b" }] }), service: PARTNER_SERVICE, policy: undefined, securityGroups: [{ securityGroupId: "sg-0123456789abcdef0" }] }).allowClient(group(s), "workers"),
  },

  // privatelink
  { module: "privatelink", api: "EndpointService", cause: "An endpoint service without a load balancer", fix: "Give loadBalancer: EndpointServiceLoadBalancer.networkLoadBalancer(options), .existing([nlb]) or .gatewayLoadBalancer(gwlb).", path: "Service", prop: "loadBalancer, networkLoadBalancer, networkLoadBalancers, gatewayLoadBalancerArns", received: '"none of them"', build: (s) => new EndpointService(s, "Service", {}) },
  { module: "privatelink", api: "EndpointServicePrincipal.account", cause: "An allowed account ID that is not 12 digits", fix: "Use the consumer's 12-digit account ID.", path: "Service", prop: "allowedPrincipals[0]", received: '"2222"', build: (s) => endpointService(s, { allowedPrincipals: [EndpointServicePrincipal.account("2222")] }) },
  { module: "privatelink", api: "EndpointService", cause: 'Principal "*" passed as an ordinary principal', fix: 'Use allowAnyPrincipal: OptOut.because("<why>"), or better, list the consumer accounts.', path: "Service", prop: "allowedPrincipals[0]", received: '"*"', build: (s) => endpointService(s, { allowedPrincipals: [EndpointServicePrincipal.fromArn("*")] }) },
  { module: "privatelink", api: "EndpointService", cause: "Acceptance off and no allowed principal", fix: "Keep acceptanceRequired true, or list who may connect.", path: "Service", prop: "allowedPrincipals", received: "[]", build: (s) => endpointService(s, { acceptanceRequired: false }) },
  { module: "privatelink", api: "EndpointService", cause: "A private DNS name that is not a DNS name", fix: "Use a name in a domain you can verify, such as api.example.com.", path: "Service", prop: "privateDnsName", received: '"localhost"', build: (s) => endpointService(s, { privateDnsName: "localhost" }) },
  { module: "privatelink", api: "EndpointService", cause: "A supported region that is not a region", fix: "Use region codes such as eu-west-1.", path: "Service", prop: "supportedRegions[0]", received: '"europe"', build: (s) => endpointService(s, { region: "us-east-1", supportedRegions: ["europe"] }) },
  { module: "privatelink", api: "NetworkLoadBalancer", cause: "Listener port 0", fix: "Use ports 1 to 65535.", path: "Nlb", prop: "listeners[0].port", received: "0", build: (s) => nlb(s, { listeners: [{ port: 0, targets: ListenerTargets.instances({ port: 8443, instances: { a: "i-0123456789abcdef0" } }) }] }) },
  { module: "privatelink", api: "NetworkLoadBalancer", cause: "A load balancer without listeners", fix: "Add at least one listener.", path: "Nlb", prop: "listeners", received: "[]", build: (s) => nlb(s, { listeners: [] }) },
  {
    module: "privatelink",
    api: "NetworkLoadBalancer",
    cause: "A TLS listener without a certificate",
    fix: "Give certificateArn (an ACM certificate) or use TCP.",
    path: "Nlb",
    prop: "listeners[0].certificateArn",
    received: "undefined",
    build: (s) => nlb(s, { listeners: [{ port: 443, protocol: "TLS", targets: ListenerTargets.instances({ port: 8443, instances: { a: "i-0123456789abcdef0" } }) }] }),
  },
  {
    module: "privatelink",
    api: "NetworkLoadBalancer.fromAttributes",
    cause: "An imported load balancer's zone given by AZ name",
    fix: "Give its subnets' AZ IDs (use1-az1): an AZ name is another zone in each account.",
    path: "Existing",
    prop: "availabilityZoneIds[0]",
    received: '"us-east-1a"',
    build: (s) => NetworkLoadBalancer.fromAttributes(s, "Existing", { loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/api/0123456789abcdef", listenerPorts: [443], availabilityZoneIds: ["us-east-1a"] }),
  },
  {
    module: "privatelink",
    api: "EndpointService.fromServiceName",
    cause: "A TLS port the imported service does not listen on",
    fix: "List in tlsPorts only ports that are also in ports.",
    path: "Remote",
    prop: "tlsPorts[0]",
    received: "8443",
    build: (s) => EndpointService.fromServiceName(s, "Remote", PARTNER_SERVICE.serviceName, { ports: [443], tlsPorts: [8443] }),
  },
  {
    module: "privatelink",
    api: "PrivateLinkSaasOffering",
    cause: "A consumer's custom DNS name equal to the service's private DNS name",
    fix: "Drop the consumer's customDnsName (its private DNS answers the name), or set privateDnsEnabled: false for it.",
    path: "Offering",
    prop: "consumers[0].customDnsName",
    received: '"api.example.com"',
    build: (s) =>
      new PrivateLinkSaasOffering(s, "Offering", {
        service: { networkLoadBalancer: nlbOptions(s), privateDnsName: "api.example.com", privateDnsVerificationZone: { zoneId: "Z0123456789ABCDEFGHIJ", zoneName: "example.com" } },
        consumers: [{ name: "acme", accountId: ACCOUNT, vpc: Vpc.fromVpcAttributes(s, "Customer", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.20.0.0/16", privateSubnets: [{ subnetId: "subnet-0aaaaaaaaaaaaaaaa" }, { subnetId: "subnet-0bbbbbbbbbbbbbbbb" }] }), customDnsName: "api.example.com" }],
      }),
  },
  { module: "privatelink", api: "NetworkLoadBalancer", cause: 'A load balancer name starting with "internal-"', fix: "Pick a name that does not start with internal- (AWS reserves it).", path: "Nlb", prop: "name", received: '"internal-api"', build: (s) => nlb(s, { name: "internal-api" }) },
  { module: "privatelink", api: "NetworkLoadBalancer", cause: "A client of the whole internet", fix: "Use the consumer CIDRs or leave the default (the VPC CIDR).", path: "Nlb", prop: "clients[0]", received: '"0.0.0.0/0"', build: (s) => nlb(s, { clients: [Peer.cidr("0.0.0.0/0")] }) },
  {
    module: "privatelink",
    api: "ListenerTargets.ipAddresses",
    cause: "An IP target given as a host name",
    fix: "Use the target's IP address.",
    path: "Nlb",
    prop: "listeners[0].targets.addresses[0]",
    received: '"db.internal"',
    build: (s) => nlb(s, { listeners: [{ port: 443, targets: ListenerTargets.ipAddresses({ port: 443, addresses: { db: "db.internal" } }) }] }),
  },
  {
    module: "privatelink",
    api: "NetworkLoadBalancer",
    cause: "A TLS policy that still negotiates TLS 1.0",
    fix: "Use a policy whose lowest version is TLS 1.2, such as ELBSecurityPolicy-TLS13-1-2-2021-06 (the default).",
    path: "Nlb",
    prop: "listeners[0].sslPolicy",
    received: '"ELBSecurityPolicy-2016-08"',
    build: (s) => nlb(s, { listeners: [{ port: 443, protocol: "TLS", certificateArn: CERTIFICATE, sslPolicy: "ELBSecurityPolicy-2016-08", targets: instanceTargets }] }),
  },
  {
    module: "privatelink",
    api: "NetworkLoadBalancer",
    cause: "A TLS policy name ELB does not know",
    fix: "Use one of ELB's predefined policy names.",
    path: "Nlb",
    prop: "listeners[0].sslPolicy",
    received: '"ELBSecurityPolicy-Strong"',
    build: (s) => nlb(s, { listeners: [{ port: 443, protocol: "TLS", certificateArn: CERTIFICATE, sslPolicy: "ELBSecurityPolicy-Strong", targets: instanceTargets }] }),
  },
  {
    module: "privatelink",
    api: "NetworkLoadBalancer",
    cause: "An ACM certificate of another region",
    fix: "Use a certificate issued or imported in the load balancer's region.",
    path: "Nlb",
    prop: "listeners[0].certificateArn",
    received: '"arn:aws:acm:eu-west-1:111111111111:certificate/0a1b2c3d-0000-1111-2222-333344445555"',
    build: (s) => nlb(s, { listeners: [{ port: 443, protocol: "TLS", certificateArn: "arn:aws:acm:eu-west-1:111111111111:certificate/0a1b2c3d-0000-1111-2222-333344445555", targets: instanceTargets }] }),
  },
  {
    module: "privatelink",
    api: "ListenerTargets.ipAddresses",
    cause: "An IP target on the loopback address",
    fix: "Use the target's address in the VPC, or in a range given as outsideVpcRanges.",
    path: "Nlb",
    prop: "listeners[0].targets.addresses[0]",
    received: '"127.0.0.1"',
    build: (s) => nlb(s, { listeners: [{ port: 443, targets: ListenerTargets.ipAddresses({ port: 443, addresses: { db: "127.0.0.1" } }) }] }),
  },
  {
    module: "privatelink",
    api: "ListenerTargets.instances",
    cause: "The same instance registered under two names",
    fix: "Register each target once.",
    path: "Nlb",
    prop: "listeners[0].targets.instances.api-b",
    received: '"i-0123456789abcdef0"',
    build: (s) => nlb(s, { listeners: [{ port: 443, targets: ListenerTargets.instances({ port: 8443, instances: { "api-a": "i-0123456789abcdef0", "api-b": "i-0123456789abcdef0" } }) }] }),
  },
  { module: "privatelink", api: "NetworkLoadBalancer", cause: "An empty client list (nobody could reach the listeners)", fix: "List the clients, or leave clients out for the VPC's own range.", path: "Nlb", prop: "clients", received: "[]", build: (s) => nlb(s, { clients: [] }) },
  { module: "privatelink", api: "NetworkLoadBalancer", cause: "The access-log bucket given by ARN", fix: "Give the bucket's name.", path: "Nlb", prop: "accessLogs.bucket", received: '"arn:aws:s3:::nlb-logs"', build: (s) => nlb(s, { accessLogs: { bucket: "arn:aws:s3:::nlb-logs" } }) },
  {
    module: "privatelink",
    api: "EndpointService",
    cause: "One account allowed twice, by ID and by its root ARN",
    fix: "Allow each account once.",
    path: "Service",
    prop: "allowedPrincipals[1]",
    received: '"arn:aws:iam::222222222222:root"',
    build: (s) => endpointService(s, { allowedPrincipals: [EndpointServicePrincipal.account(ACCOUNT), EndpointServicePrincipal.fromArn(`arn:aws:iam::${ACCOUNT}:root`)] }),
  },
  {
    module: "privatelink",
    api: "EndpointService",
    cause: "A principal ARN of another partition than the service",
    fix: "Use the principal's ARN in the service's partition (aws in us-east-1).",
    path: "Service",
    prop: "allowedPrincipals[0]",
    received: '"arn:aws-cn:iam::222222222222:role/partner"',
    build: (s) => endpointService(s, { allowedPrincipals: [EndpointServicePrincipal.iamRole("arn:aws-cn:iam::222222222222:role/partner")] }),
  },
  {
    module: "privatelink",
    api: "EndpointService",
    cause: "allowAnyPrincipal as a plain boolean",
    fix: 'Use allowAnyPrincipal: OptOut.because("<why anyone may connect>").',
    path: "Service",
    prop: "allowAnyPrincipal",
    received: "true",
    build: (s) => endpointService(s, { allowAnyPrincipal: true as never }),
  },
  {
    module: "privatelink",
    api: "EndpointService",
    cause: "A notification topic of another region",
    fix: "Use an SNS topic in the service's region.",
    path: "Service",
    prop: "connectionNotifications[0].snsTopicArn",
    received: '"arn:aws:sns:eu-west-1:111111111111:endpoint-connections"',
    build: (s) => endpointService(s, { connectionNotifications: [{ name: "ops", snsTopicArn: "arn:aws:sns:eu-west-1:111111111111:endpoint-connections" }] }),
  },
  {
    module: "privatelink",
    api: "EndpointService",
    cause: "A Gateway Load Balancer service with a private DNS name",
    fix: "Drop privateDnsName: GatewayLoadBalancer endpoints are route targets, nobody resolves a name to them.",
    path: "Service",
    prop: "privateDnsName",
    received: '"inspect.example.com"',
    build: (s) => new EndpointService(s, "Service", { loadBalancer: EndpointServiceLoadBalancer.gatewayLoadBalancer(gwlb(s)), allowedPrincipals: [EndpointServicePrincipal.account(ACCOUNT)], privateDnsName: "inspect.example.com" }),
  },
  {
    module: "privatelink",
    api: "EndpointService.acceptEndpoints",
    cause: "Endpoints accepted on a service that accepts by itself",
    fix: "Keep acceptanceRequired true, or drop the acceptEndpoints call.",
    path: "Service",
    prop: 'acceptEndpoints("partner")',
    received: "false",
    build: (s) => endpointService(s, { acceptanceRequired: false, allowedPrincipals: [EndpointServicePrincipal.account(ACCOUNT)] }).acceptEndpoints("partner", ["vpce-0123456789abcdef0"]),
  },
  {
    module: "privatelink",
    api: "GatewayLoadBalancer",
    cause: "A health check on GENEVE's port 6081, which answers none",
    fix: "Give the port the appliances answer health checks on (such as 80).",
    path: "Gwlb",
    prop: "healthCheck.port",
    received: "6081",
    build: (s) => gwlb(s, { healthCheck: { protocol: "TCP", port: 6081 } }),
  },
  {
    module: "privatelink",
    api: "ApplianceTargets.ipAddresses",
    cause: "An appliance address outside the load balancer's VPC",
    fix: "Register the appliances' addresses in the Gateway Load Balancer's VPC.",
    path: "Gwlb",
    prop: "appliances.addresses.fw",
    received: '"10.200.0.10"',
    build: (s) => gwlb(s, { appliances: ApplianceTargets.ipAddresses({ addresses: { fw: "10.200.0.10" } }) }),
  },
  {
    module: "privatelink",
    api: "GatewayLoadBalancer.fromGatewayLoadBalancerAttributes",
    cause: "A Network Load Balancer's ARN imported as a Gateway Load Balancer",
    fix: "Give the ARN of a loadbalancer/gwy/… load balancer.",
    path: "Existing",
    prop: "loadBalancerArn",
    received: '"arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/api/0123456789abcdef"',
    build: (s) => GatewayLoadBalancer.fromGatewayLoadBalancerAttributes(s, "Existing", { loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/api/0123456789abcdef" }),
  },

  // lattice
  { module: "lattice", api: "ServiceNetwork", cause: "A service network name with capitals", fix: "Use lowercase letters, digits and single hyphens.", path: "Network", prop: "name", received: '"Shared"', build: (s) => network(s, { name: "Shared" }) },
  { module: "lattice", api: "ServiceNetwork", cause: "authType NONE without the explicit opt-in", fix: "Keep AWS_IAM with an auth policy, or set allowUnauthenticatedAccess: true deliberately.", path: "Network", prop: "authType", received: '"NONE"', build: (s) => network(s, { authType: "NONE", authPolicy: undefined }) },
  { module: "lattice", api: "ServiceNetwork.fromArn", cause: "A service ARN where a service network ARN is expected", fix: "Pass the servicenetwork/sn-... ARN.", path: "Imported", prop: "serviceNetworkArn", received: JSON.stringify(SERVICE_ARN), build: (s) => ServiceNetwork.fromArn(s, "Imported", SERVICE_ARN) },
  {
    module: "lattice",
    api: "ServiceNetwork.associateVpc",
    cause: "More than 5 security groups on a VPC association",
    fix: "Use at most 5 groups.",
    path: "Network/Vpc-app",
    prop: "securityGroups",
    received: '["sg-0000000000000000a","sg-0000000000000000b","sg-0000000000000000c","sg-0000000000000000d","sg-0000000000000000e","sg-0000000000000000f"]',
    build: (s) => network(s).associateVpc("app", { vpc: vpc(s), securityGroups: ["a", "b", "c", "d", "e", "f"].map((n) => ({ securityGroupId: `sg-0000000000000000${n}` })) }),
  },
  { module: "lattice", api: "LatticeService", cause: 'A service name starting with the reserved "svc-"', fix: "Pick a name that does not start with svc- (AWS uses it for IDs).", path: "Service", prop: "name", received: '"svc-orders"', build: (s) => latticeService(s, { name: "svc-orders" }) },
  { module: "lattice", api: "LatticeService", cause: "AWS_IAM without an auth policy (AWS would deny every request)", fix: "Give authPolicy (or authPolicyFromRules).", path: "Service", prop: "authPolicy", received: "undefined", build: (s) => latticeService(s, { authPolicy: undefined }) },
  { module: "lattice", api: "LatticeService", cause: "A custom domain name that is not a DNS name", fix: "Use a fully qualified name such as orders.example.com.", path: "Service", prop: "customDomainName", received: '"not a domain"', build: (s) => latticeService(s, { customDomainName: "not a domain" }) },
  {
    module: "lattice",
    api: "LatticeListenerAction.weightedForward",
    cause: "A weighted forward whose weights are all 0",
    fix: "Give at least one target group a weight above 0.",
    path: "Service/Listener-http-80",
    prop: "defaultAction.targetGroups",
    received: "[0]",
    build: (s) => latticeService(s).addListener({ protocol: "HTTP", defaultAction: LatticeListenerAction.weightedForward([{ targetGroup: targetGroup(s), weight: 0 }]) }),
  },
  { module: "lattice", api: "LatticeTargetGroup", cause: "A health-check interval below 5 seconds", fix: "Use 5 to 300 seconds.", path: "Group", prop: "healthCheck.intervalSeconds", received: "4", build: (s) => targetGroup(s, { healthCheck: { intervalSeconds: 4 } }) },
  { module: "lattice", api: "LatticeTarget.ipAddress", cause: "An IP target that is not an IP address", fix: "Use the target's IPv4 (or IPv6, for IPV6 groups) address.", path: "Group", prop: "targets.bad.id", received: '"10.0.300.1"', build: (s) => targetGroup(s, { targets: { bad: LatticeTarget.ipAddress("10.0.300.1") } }) },
  {
    module: "lattice",
    api: "LatticeTargetGroup",
    cause: "A target added to a group whose targets someone else registers (targetsRegisteredBy)",
    fix: "Let the registrar (the ECS service, the Auto Scaling group) register every target, or drop targetsRegisteredBy and register them with Terraform.",
    path: "Group",
    prop: "targets.task",
    received: '"10.0.0.7"',
    build: (s) => targetGroup(s, { targetsRegisteredBy: "the ECS service orders-api", targets: { task: LatticeTarget.ipAddress("10.0.0.7") } }),
  },
  { module: "lattice", api: "LatticeTargetGroup", cause: "targetsRegisteredBy without a registrar", fix: "Say who registers the targets, e.g. \"the ECS service orders-api\".", path: "Group", prop: "targetsRegisteredBy", received: '" "', build: (s) => targetGroup(s, { targetsRegisteredBy: " " }) },
  {
    module: "lattice",
    api: "LatticeTargetGroup",
    cause: "Security groups declared for the targets of a LAMBDA group",
    fix: "Leave targetSecurityGroups unset: VPC Lattice invokes the function without a network path to open.",
    path: "Fn",
    prop: "targetSecurityGroups",
    received: '"a security group"',
    build: (s) => new LatticeTargetGroup(s, "Fn", { name: "fn-a", type: "LAMBDA", targetSecurityGroups: [{ securityGroupId: "sg-0123456789abcdef0" }] }),
  },
  { module: "lattice", api: "LatticeTargetGroup", cause: "A port on a LAMBDA target group", fix: "Leave port, protocol, VPC and health check unset for LAMBDA groups.", path: "Fn", prop: "port", received: "443", build: (s) => new LatticeTargetGroup(s, "Fn", { name: "fn-a", type: "LAMBDA", port: 443 }) },
  { module: "lattice", api: "AuthPolicy.allow", cause: "An auth-policy path that does not start with /", fix: 'Write paths from the root, e.g. "/orders".', path: "Network/AuthPolicy", prop: "authPolicy.statements[0].paths[0]", received: '"orders"', build: (s) => network(s, { authPolicy: new AuthPolicy().allow({ paths: ["orders"], accounts: [ACCOUNT] }) }) },
  { module: "lattice", api: "AccessLogs.toNewLogGroup", cause: "A log retention CloudWatch Logs does not offer", fix: "Use a CloudWatch Logs retention value such as 30, 90 or 365.", path: "Logs", prop: "accessLogs.retentionInDays", received: "42", build: (s) => accessLogs(s, AccessLogs.toNewLogGroup({ retentionInDays: 42 })) },
  { module: "lattice", api: "AccessLogs.disabled", cause: "Access logs turned off without a reason", fix: "Keep access logs, or say in a sentence why this network or service needs none.", path: "Logs", prop: "accessLogs.disabledReason", received: '""', build: (s) => accessLogs(s, AccessLogs.disabled("  ")) },
  { module: "lattice", api: "AccessLogDestination.logGroup", cause: "An S3 bucket ARN given as a log group", fix: "Use AccessLogDestination.s3Bucket for buckets, logGroup for CloudWatch Logs ARNs.", path: "Logs", prop: "accessLogs.destinations[0]", received: '"arn:aws:s3:::lattice-access-logs"', build: (s) => accessLogs(s, AccessLogs.to(AccessLogDestination.logGroup("arn:aws:s3:::lattice-access-logs"))) },
  { module: "lattice", api: "AccessLogs.toNewLogGroup", cause: "A KMS alias where a key ARN is expected", fix: "Pass the KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>).", path: "Logs", prop: "accessLogs.kmsKeyArn", received: '"alias/logs"', build: (s) => accessLogs(s, AccessLogs.toNewLogGroup({ kmsKeyArn: "alias/logs" })) },
  {
    module: "lattice",
    api: "LatticeListener.addRule",
    cause: "Two rules of a listener with one priority",
    fix: "Give every rule of a listener its own priority.",
    path: "Service/Listener-http-80",
    prop: "rules.second.priority",
    received: "10",
    build: (s) => {
      const listener = httpListener(s);
      listener.addRule(pathRule("first", 10));
      listener.addRule(pathRule("second", 10));
    },
  },
  { module: "lattice", api: "LatticeListener.addRule", cause: "A rule priority above 100", fix: "Use priorities 1 to 100.", path: "Service/Listener-http-80", prop: "rules.late.priority", received: "101", build: (s) => httpListener(s).addRule(pathRule("late", 101)) },
  { module: "lattice", api: "LatticeMesh", cause: "A mesh with nobody to share with", fix: "Give members or sharedWith principals.", path: "Mesh", prop: "members, sharedWith", received: "[]", build: (s) => new LatticeMesh(s, "Mesh", { name: "lonely-mesh" }) },
  {
    module: "lattice",
    api: "LatticeMesh",
    cause: "A mesh member with a malformed account ID",
    fix: "Use the member's 12-digit account ID.",
    path: "Mesh",
    prop: "members[0].accountId",
    received: '"2222"',
    build: (s) =>
      new LatticeMesh(s, "Mesh", { name: "partner-mesh", members: [{ name: "client", accountId: "2222", provider: new AwsProvider(s, "consumer", { alias: "consumer", region: "us-east-1" }), services: [{ name: "s", service: LatticeService.fromArn(s, "Imported", SERVICE_ARN) }] }] }),
  },

  // endpoints patterns
  { module: "endpoints", api: "PrivateAwsServiceAccess", cause: "A service access pattern with no service", fix: "Pass at least one preset, e.g. ServiceAccessPresets.kms([...]).", path: "Access", prop: "services", received: "[]", build: (s) => new PrivateAwsServiceAccess(s, "Access", { vpc: vpc(s), services: [] }) },
  { module: "endpoints", api: "PrivateAwsServiceAccess", cause: "Endpoints opened to 0.0.0.0/0", fix: "Leave allowedPeers unset (the VPC CIDR) or name the client CIDRs and groups.", path: "Access/SecurityGroup", prop: "ingressRules.peer", received: '"0.0.0.0/0"', build: (s) => new PrivateAwsServiceAccess(s, "Access", { vpc: vpc(s), services: ServiceAccessPresets.kms([KMS_KEY]), allowedPeers: [Peer.cidr("0.0.0.0/0")] }) },
  {
    module: "endpoints",
    api: "PrivateAwsServiceAccess",
    cause: "ecr.dkr without ecr.api",
    fix: "Add ecr.api too (ServiceAccessPresets.ecrPull has both): a pull takes its token and manifest from ecr.api.",
    path: "Access",
    prop: "services",
    received: '"ecr.dkr without ecr.api"',
    build: (s) => new PrivateAwsServiceAccess(s, "Access", { vpc: vpc(s), services: ServiceAccessPresets.ecrPull([ECR_REPOSITORY], []).filter((a) => a.service.shortName !== "ecr.api" && a.service.shortName !== "logs") }),
  },
  {
    module: "endpoints",
    api: "EndpointOnlyBucketPolicy",
    cause: "An endpoint-only bucket policy that names no deployment role",
    fix: "Pass deploymentRoleArns: the role(s) that apply the configuration, which keep the bucket (not its objects) from outside the VPC.",
    path: "BucketPolicy",
    prop: "deploymentRoleArns",
    received: "[]",
    build: (s) => new EndpointOnlyBucketPolicy(s, "BucketPolicy", { bucketName: "a-bucket", endpoints: [{ vpcEndpointId: "vpce-0123456789abcdef0" }], deploymentRoleArns: [] }),
  },
  {
    module: "endpoints",
    api: "S3HybridAccess",
    cause: "Hybrid S3 access without the on-premises ranges",
    fix: "Pass onPremisesPeers (the ranges the inbound resolver answers), or your own securityGroups.",
    path: "S3Hybrid",
    prop: "onPremisesPeers",
    received: "undefined",
    build: (s) => new S3HybridAccess(s, "S3Hybrid", { vpc: vpc(s), policy: EndpointPolicy.s3Buckets(["a-bucket"]) }),
  },
  {
    module: "endpoints",
    api: "S3HybridAccess",
    cause: "Hybrid S3 access with both on-premises ranges and own security groups",
    fix: "Give one of them: the given groups' rules are yours.",
    path: "S3Hybrid",
    prop: "onPremisesPeers",
    received: '"with securityGroups"',
    build: (s) => new S3HybridAccess(s, "S3Hybrid", { vpc: vpc(s), policy: EndpointPolicy.s3Buckets(["a-bucket"]), securityGroups: [{ securityGroupId: "sg-0123456789abcdef0" }], onPremisesPeers: [Peer.cidr("192.168.0.0/16")] }),
  },
  { module: "endpoints", api: "EndpointPolicy.s3Buckets", cause: "An organization ID with capitals in an endpoint policy", fix: "Use the o-... ID as Organizations shows it (lowercase).", path: "Gateway", prop: "policy.organizationId", received: '"o-UPPER"', build: (s) => new GatewayEndpoint(s, "Gateway", { vpc: vpc(s), service: AwsService.S3, policy: EndpointPolicy.s3Buckets(["a-bucket"], { organizationId: "o-UPPER" }) }) },
  {
    module: "endpoints",
    api: "ResourceEndpoint",
    cause: "A Resource endpoint whose ports are unknown and that has no security group",
    fix: "Pass ports (the configuration's), or your own securityGroups.",
    path: "Rds",
    prop: "ports",
    received: "[]",
    build: (s) => new ResourceEndpoint(s, "Rds", { vpc: vpc(s), resourceConfiguration: { resourceConfigurationArn: "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0", ports: [] } }),
  },

  // resources
  { module: "resources", api: "ResourceGateway", cause: "A gateway name shorter than 3 characters", fix: "Use 3 to 40 lowercase letters, digits and hyphens.", path: "Gateway", prop: "name", received: '"ab"', build: (s) => gateway(s, { name: "ab" }) },
  {
    module: "resources",
    api: "ResourceGateway",
    cause: "A gateway in one subnet",
    fix: "Give subnets in at least two availability zones.",
    path: "Gateway",
    prop: "subnets",
    received: '[{"subnetId":"subnet-0123456789abcdef0","availabilityZone":"us-east-1a"}]',
    build: (s) => gateway(s, { subnets: [{ subnetId: "subnet-0123456789abcdef0", availabilityZone: "us-east-1a" }] }),
  },
  { module: "resources", api: "ResourceGateway", cause: "More than 5 security groups on a gateway", fix: "Use at most 5 groups.", path: "Gateway", prop: "securityGroups", received: JSON.stringify(["a", "b", "c", "d", "e", "f"].map((n) => ({ securityGroupId: `sg-${n}` }))), build: (s) => gateway(s, { securityGroups: ["a", "b", "c", "d", "e", "f"].map((n) => ({ securityGroupId: `sg-${n}` })) }) },
  { module: "resources", api: "ResourceConfiguration", cause: "A descending port range", fix: 'Write ranges low-high, e.g. "8000-8100".', path: "Config", prop: "portRanges[1]", received: '"100-50"', build: (s) => configuration(s, { portRanges: ["443", "100-50"] }) },
  { module: "resources", api: "ResourceConfiguration", cause: "A resource ARN that is not an ARN", fix: "Pass the resource's ARN (e.g. arn:aws:rds:...:db:orders).", path: "Config", prop: "arnResource.arn", received: '"db-orders"', build: (s) => configuration(s, { dnsResource: undefined, arnResource: { arn: "db-orders" }, portRanges: undefined }) },
  { module: "resources", api: "ResourceConfiguration", cause: "A SINGLE configuration with no resource", fix: "Give exactly one of dnsResource, ipResource, arnResource.", path: "Config", prop: "dnsResource, ipResource, arnResource", received: '"none of them"', build: (s) => configuration(s, { dnsResource: undefined }) },
  { module: "resources", api: "ResourceConfiguration", cause: "A DNS resource without port ranges", fix: "List the ports clients use, e.g. [\"5432\"].", path: "Config", prop: "portRanges", received: "[]", build: (s) => configuration(s, { portRanges: [] }) },
  { module: "resources", api: "ResourceConfiguration", cause: "A CHILD configuration without its group", fix: "Give resourceConfigurationGroup (a GROUP configuration).", path: "Config", prop: "resourceConfigurationGroup", received: "undefined", build: (s) => configuration(s, { type: "CHILD", resourceGateway: undefined }) },
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "A DNS resource whose name only a private hosted zone of the app answers",
    fix: "Use a name public DNS resolves (a public zone record holding the private address, an RDS or load balancer DNS name), or an ipResource or arnResource: the gateway resolves names publicly.",
    path: "Config",
    prop: "dnsResource.domainName",
    received: '"orders.db.example.com"',
    build: (s) => {
      new Route53Zone(s, "Zone", { name: "db.example.com", vpc: [{ vpcId: "vpc-0123456789abcdef0" }] });
      configuration(s);
    },
  },
  {
    module: "endpoints",
    api: "ResourceEndpoint",
    cause: "A Resource endpoint in no availability zone of the resource gateway",
    fix: "Place the endpoint in at least one of the gateway's zones (by AZ ID across accounts).",
    path: "Endpoint",
    prop: "vpc.privateSubnets",
    received: '["us-east-1c","us-east-1d"]',
    build: (s) => new ResourceEndpoint(s, "Endpoint", { vpc: new Vpc(s, "ClientVpc", { name: "client", cidrBlock: "10.9.0.0/16", availabilityZones: ["us-east-1c", "us-east-1d"] }), resourceConfiguration: configuration(s) }),
  },
  { module: "lattice", api: "ServiceNetwork", cause: "An auth policy on a network of resource configurations only", fix: "Drop the policy (AWS applies none to resource configurations), or make a network for services without resourceConfigurationsOnly.", path: "Network", prop: "authPolicy", received: '"a policy with resourceConfigurationsOnly"', build: (s) => network(s, { resourceConfigurationsOnly: true }) },
  {
    module: "lattice",
    api: "ServiceNetworkServiceAssociation",
    cause: "A service associated with a network of resource configurations only",
    fix: "Put the service in a network made for services, with an auth policy.",
    path: "Network/Service-orders",
    prop: "serviceNetwork",
    received: '"test/Network"',
    build: (s) => network(s, { authPolicy: undefined, resourceConfigurationsOnly: true }).associateService("orders", { serviceArn: SERVICE_ARN, serviceId: "svc-0123456789abcdef0" }),
  },

  // required props missing: JavaScript callers and `as never` casts get a ValidationError, never a TypeError
  { module: "vpc", api: "Vpc", cause: "No availabilityZones (a JavaScript caller)", fix: "Pass the AZs to place one private subnet in each.", path: "Vpc", prop: "availabilityZones", received: "undefined", build: (s) => new Vpc(s, "Vpc", { name: "bad", cidrBlock: "10.0.0.0/16" } as never) },
  { module: "vpc", api: "SecurityGroup", cause: "A security group without a VPC", fix: "Pass the VPC the group belongs to.", path: "Sg", prop: "vpc", received: "undefined", build: (s) => new SecurityGroup(s, "Sg", { description: "API servers" } as never) },
  { module: "vpc", api: "SecurityGroup.addIngressRule", cause: "A rule without a peer", fix: "Say who the rule admits: Peer.cidr, Peer.securityGroup or Peer.prefixList.", path: "Sg", prop: "peer", received: "undefined", build: (s) => group(s).addIngressRule({ port: 443, description: "HTTPS" } as never) },
  { module: "vpc", api: "PrivateHostedZone", cause: "A private zone without a VPC (a JavaScript caller)", fix: "Pass the VPC of the zone's account it is created with.", path: "Zone", prop: "vpc", received: "undefined", build: (s) => new PrivateHostedZone(s, "Zone", { zoneName: "internal.example.com" } as never) },
  { module: "ram", api: "ResourceShare", cause: "A share without principals", fix: "Name the accounts, OUs or organization to share with.", path: "Share", prop: "principals", received: "undefined", build: (s) => new ResourceShare(s, "Share", { name: "orders" } as never) },
  { module: "endpoints", api: "InterfaceEndpoint", cause: "An interface endpoint without a service", fix: "Pass an AwsService or an endpoint service.", path: "Endpoint", prop: "service", received: "undefined", build: (s) => new InterfaceEndpoint(s, "Endpoint", { vpc: vpc(s), policy: EndpointPolicy.allowAll() } as never) },
  { module: "endpoints", api: "GatewayEndpoint", cause: "A gateway endpoint without a policy", fix: "Pick an EndpointPolicy preset, or EndpointPolicy.allowAll() by name.", path: "Gateway", prop: "policy", received: "undefined", build: (s) => new GatewayEndpoint(s, "Gateway", { vpc: vpc(s), service: AwsService.S3 } as never) },
  { module: "endpoints", api: "ResourceEndpoint", cause: "A Resource endpoint without a configuration", fix: "Pass the resource configuration to reach.", path: "Rds", prop: "resourceConfiguration", received: "undefined", build: (s) => new ResourceEndpoint(s, "Rds", { vpc: vpc(s) } as never) },
  { module: "privatelink", api: "NetworkLoadBalancer", cause: "A load balancer without listeners", fix: "Give at least one TCP or TLS listener.", path: "Nlb", prop: "listeners", received: "undefined", build: (s) => new NetworkLoadBalancer(s, "Nlb", { vpc: vpc(s) } as never) },
  { module: "lattice", api: "ServiceNetwork", cause: "A service network without a name", fix: "Name it: 3-63 lowercase letters, digits and hyphens.", path: "Network", prop: "name", received: "undefined", build: (s) => new ServiceNetwork(s, "Network", {} as never) },
  { module: "lattice", api: "LatticeService", cause: "A service without a name", fix: "Name it: 3-40 lowercase letters, digits and hyphens.", path: "Service", prop: "name", received: "undefined", build: (s) => new LatticeService(s, "Service", {} as never) },
  { module: "lattice", api: "LatticeTargetGroup", cause: "A target group without a type", fix: "Choose INSTANCE, IP, LAMBDA or ALB.", path: "Targets", prop: "type", received: "undefined", build: (s) => new LatticeTargetGroup(s, "Targets", { name: "orders" } as never) },

  // guardrails
  { module: "guardrails", api: "suppress", cause: "A suppression reason under 10 characters", fix: "Say why the finding is acceptable here, in a sentence.", path: "Thing", prop: "reason", received: '"ok"', build: (s) => suppress(thing(s), "PN-RAM2", "ok") },
  { module: "guardrails", api: "suppress", cause: "A suppression of an unknown rule", fix: "Use a rule ID from docs/ERRORS.md (the message suggests the closest).", path: "Thing", prop: "ruleId", received: '"PN-RAM3"', build: (s) => suppress(thing(s), "PN-RAM3", "a partner share, agreed with security") },
];
