import { TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import {
  checkAccountId,
  checkDnsName,
  checkExactlyOne,
  checkIntegerRange,
  checkIpv4Address,
  checkItemCount,
  checkLength,
  checkOneOf,
  checkPortRange,
  checkRegion,
  checkRestrictedCidr,
  checkUnique,
  PolicyDocument,
  PolicyPrincipal,
  PolicyStatement,
} from "../modules/core";
import {
  AwsService,
  CentralizedEndpoints,
  Ec2InstanceConnectEndpoint,
  EndpointOnlyBucketPolicy,
  EndpointPolicy,
  GatewayEndpoint,
  InterfaceEndpoint,
  PrivateAwsServiceAccess,
  ResourceEndpoint,
  S3HybridAccess,
  ServiceAccessPresets,
  ServiceNetworkEndpoint,
} from "../modules/endpoints";
import { suppress } from "../modules/guardrails";
import {
  AccessLogDestination,
  AccessLogs,
  AuthPolicy,
  Certificate,
  HeaderMatch,
  LatticeAccessLogs,
  LatticeMesh,
  LatticeService,
  LatticeTarget,
  LatticeListenerAction,
  PathMatch,
  ServiceNetwork,
  LatticeTargetGroup,
  LatticeTargetGroupConfig,
} from "../modules/lattice";
import {
  ApplianceTargets,
  EndpointService,
  EndpointServiceLoadBalancer,
  EndpointServicePrincipal,
  GatewayLoadBalancer,
  GatewayLoadBalancerProps,
  ListenerTargets,
  NetworkLoadBalancer,
  NetworkLoadBalancerOptions,
  PrivateLinkSaasOffering,
} from "../modules/privatelink";
import { ResourceShare, SharePrincipal } from "../modules/ram";
import { ResourceConfiguration, ResourceConfigurationProps, ResourceGateway } from "../modules/resources";
import { FlowLogDestination, FlowLogs, HostedZone, Peer, PrivateHostedZone, SecurityGroup, TransitGateway, Vpc } from "../modules/vpc";
import { APP_BAD_INPUTS } from "./bad-inputs-app";
import { ENDPOINT_BAD_INPUTS } from "./bad-inputs-endpoints";
import { FLOW_BAD_INPUTS } from "./bad-inputs-flows";
import { GUARDRAIL_BAD_INPUTS } from "./bad-inputs-guardrails";
import { LATTICE_BAD_INPUTS } from "./bad-inputs-lattice";
import { PRIVATELINK_BAD_INPUTS } from "./bad-inputs-privatelink";
import { RESOURCE_BAD_INPUTS } from "./bad-inputs-resources";
import { VPC_BAD_INPUTS } from "./bad-inputs-vpc";

/**
 * Bad inputs across every module, each with the ValidationError it must end
 * in. test/guardrails/bad-inputs.test.ts walks the catalog, and docs/ERRORS.md
 * is generated from it (tools/errors-doc.ts) with the messages the
 * code really produces, so the documentation cannot drift from the code.
 */
export interface BadInput {
  readonly module: "app" | "core" | "vpc" | "ram" | "endpoints" | "privatelink" | "lattice" | "resources" | "guardrails" | "flows" | "diagram";
  /** The class or function that rejects the input. */
  readonly api: string;
  /** The cause, in the user's words: what was passed. */
  readonly cause: string;
  /** How to fix it. */
  readonly fix: string;
  /** Construct path of the rejecting construct, below the stack (below the app for `scope: "app"`). */
  readonly path: string;
  /**
   * Where `build` works: in the given stack, or beside it in its app, for the
   * app entry point's stacks, which reject their own props.
   * @default "stack"
   */
  readonly scope?: "stack" | "app";
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
const PARTNER_SERVICE = {
  serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
  ports: [443],
  isAwsService: false,
  privateDnsSupported: false,
};
const thing = (stack: TerraformStack) => new Construct(stack, "Thing");
const vpc = (stack: TerraformStack, props: Partial<ConstructorParameters<typeof Vpc>[2]> = {}) =>
  new Vpc(stack, "Vpc", { name: "bad", cidrBlock: "10.0.0.0/16", availabilityZones: AZS, ...props });
const group = (stack: TerraformStack) => new SecurityGroup(stack, "Sg", { vpc: vpc(stack), description: "API servers" });
const rule = { peer: Peer.cidr("10.0.0.0/16"), port: 443, description: "HTTPS from the VPC" };
const statement = (principals: PolicyPrincipal[]) => new PolicyStatement({ actions: ["vpc-lattice-svcs:Invoke"], principals });
const render = (stack: TerraformStack, document: PolicyDocument, maxCharacters?: number) =>
  document.render(thing(stack), "authPolicy", { requirePrincipal: true, maxCharacters });
const share = (stack: TerraformStack, props: Partial<ConstructorParameters<typeof ResourceShare>[2]> = {}) =>
  new ResourceShare(stack, "Share", { name: "lattice", principals: [SharePrincipal.account(ACCOUNT)], ...props });
const interfaceEndpoint = (stack: TerraformStack, props: Partial<ConstructorParameters<typeof InterfaceEndpoint>[2]> = {}) =>
  new InterfaceEndpoint(stack, "Endpoint", {
    service: AwsService.LOGS,
    policy: EndpointPolicy.organizationOnly("o-abcdefghij"),
    ...props,
    vpc: props.vpc ?? vpc(stack),
  });
const nlbOptions = (stack: TerraformStack, overrides: Partial<NetworkLoadBalancerOptions> = {}): NetworkLoadBalancerOptions => ({
  vpc: vpc(stack),
  listeners: [
    { port: 443, targets: ListenerTargets.instances({ port: 8443, instances: { "api-a": "i-0123456789abcdef0", "api-b": "i-0123456789abcdef1" } }) },
  ],
  ...overrides,
});
const nlb = (stack: TerraformStack, overrides: Partial<NetworkLoadBalancerOptions> = {}) =>
  new NetworkLoadBalancer(stack, "Nlb", nlbOptions(stack, overrides));
const endpointService = (stack: TerraformStack, props: Partial<ConstructorParameters<typeof EndpointService>[2]> = {}) =>
  new EndpointService(stack, "Service", { networkLoadBalancer: nlbOptions(stack), ...props });
const CERTIFICATE = "arn:aws:acm:us-east-1:111111111111:certificate/0a1b2c3d-0000-1111-2222-333344445555";
const instanceTargets = ListenerTargets.instances({ port: 8443, instances: { "api-a": "i-0123456789abcdef0" } });
const gwlb = (stack: TerraformStack, props: Partial<GatewayLoadBalancerProps> = {}) =>
  new GatewayLoadBalancer(stack, "Gwlb", {
    vpc: vpc(stack),
    appliances: ApplianceTargets.ipAddresses({ addresses: { fw: "10.0.0.10" } }),
    healthCheck: { protocol: "HTTP", port: 80 },
    ...props,
  });
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
const latticeVpc = (stack: TerraformStack) => Vpc.fromVpcAttributes(stack, "Vpc", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16" });
/** A security group of another VPC than latticeVpc's. */
const foreignGroup = (stack: TerraformStack) =>
  SecurityGroup.fromSecurityGroupAttributes(stack, "Other", { securityGroupId: "sg-0123456789abcdef0", vpcId: "vpc-0fedcba9876543210" });
const ipTargets = (
  stack: TerraformStack,
  props: Partial<ConstructorParameters<typeof LatticeTargetGroup>[2]> = {},
  id = "Group",
  targetsVpc = latticeVpc(stack),
) =>
  new LatticeTargetGroup(stack, id, {
    name: "orders",
    config: LatticeTargetGroupConfig.ipAddresses({ vpc: targetsVpc, protocol: "HTTP" }),
    ...props,
  });
/** Makes a resource of one name twice, as "First" and "Second": the second must be refused. */
const twiceInOneAccount = (make: (id: string) => unknown) => ["First", "Second"].forEach((id) => make(id));
const CERTIFICATE_ARN = "arn:aws:acm:us-east-1:111111111111:certificate/7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d";
const withCertificate = (stack: TerraformStack, certificateArn: string, domainNames?: string[]) =>
  latticeService(stack, {
    customDomainName: "orders.example.com",
    certificate: Certificate.fromCertificateAttributes(stack, "Cert", { certificateArn, domainNames }),
  });
const headerRule = (name: string, priority: number, headers: HeaderMatch[]) => ({
  name,
  priority,
  match: { path: PathMatch.prefix("/orders"), headers },
  action: LatticeListenerAction.fixedResponse(403),
});
const LOG_SOURCE = {
  serviceNetworkId: "sn-0123456789abcdef0",
  serviceNetworkArn: "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0",
};
const accessLogs = (stack: TerraformStack, logs: AccessLogs) =>
  new LatticeAccessLogs(stack, "Logs", { source: LOG_SOURCE, name: "n", accessLogs: logs });
const httpListener = (stack: TerraformStack) =>
  latticeService(stack).addListener({ protocol: "HTTP", defaultAction: LatticeListenerAction.fixedResponse(404) });
const pathRule = (name: string, priority: number) => ({
  name,
  priority,
  match: { path: PathMatch.prefix(`/${name}`) },
  action: LatticeListenerAction.fixedResponse(403),
});
const KMS_KEY = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const ECR_REPOSITORY = "arn:aws:ecr:us-east-1:111111111111:repository/api";
const gateway = (stack: TerraformStack, props: Partial<ConstructorParameters<typeof ResourceGateway>[2]> = {}) =>
  new ResourceGateway(stack, "Gateway", { name: "owner-gateway", vpc: vpc(stack), ...props });
const configuration = (stack: TerraformStack, props: Partial<ResourceConfigurationProps> = {}) =>
  new ResourceConfiguration(stack, "Config", {
    name: "orders-db",
    resourceGateway: gateway(stack),
    dnsResource: { domainName: "orders.db.example.com" },
    portRanges: ["5432"],
    ...props,
  });

export const BAD_INPUTS: readonly BadInput[] = [
  // core: the validators every construct uses
  {
    module: "core",
    api: "checkIntegerRange",
    cause: "A fractional number where an integer is required",
    fix: "Pass a whole number inside the range.",
    path: "Thing",
    prop: "weight",
    received: "1.5",
    build: (s) => checkIntegerRange(thing(s), "weight", 1.5, 0, 999),
  },
  {
    module: "core",
    api: "checkLength",
    cause: "A string longer than AWS allows",
    fix: "Shorten the value to the documented maximum.",
    path: "Thing",
    prop: "name",
    received: JSON.stringify("x".repeat(64)),
    build: (s) => checkLength(thing(s), "name", "x".repeat(64), 3, 63),
  },
  {
    module: "core",
    api: "checkOneOf",
    cause: "A value outside the allowed set",
    fix: "Use one of the listed values (case matters).",
    path: "Thing",
    prop: "protocol",
    received: '"tcp"',
    build: (s) => checkOneOf(thing(s), "protocol", "tcp", ["TCP", "UDP"]),
  },
  {
    module: "core",
    api: "checkItemCount",
    cause: "More items than AWS accepts",
    fix: "Pass at most the documented number of items.",
    path: "Thing",
    prop: "securityGroups",
    received: '["a","b","c"]',
    build: (s) => checkItemCount(thing(s), "securityGroups", ["a", "b", "c"], 1, 2),
  },
  {
    module: "core",
    api: "checkUnique",
    cause: "The same value twice in a list",
    fix: "Remove the duplicate.",
    path: "Thing",
    prop: "availabilityZones",
    received: '"us-east-1a"',
    build: (s) => checkUnique(thing(s), "availabilityZones", ["us-east-1a", "us-east-1a"]),
  },
  {
    module: "core",
    api: "checkExactlyOne",
    cause: "None of several mutually exclusive props",
    fix: "Give exactly one of the named props.",
    path: "Thing",
    prop: "dnsResource, ipResource",
    received: '"none of them"',
    build: (s) => checkExactlyOne(thing(s), { dnsResource: undefined, ipResource: undefined }),
  },
  {
    module: "core",
    api: "checkIpv4Address",
    cause: "An IPv4 address with an octet above 255",
    fix: "Use a dotted-quad address such as 10.0.1.25.",
    path: "Thing",
    prop: "ipAddress",
    received: '"10.0.300.1"',
    build: (s) => checkIpv4Address(thing(s), "ipAddress", "10.0.300.1"),
  },
  {
    module: "core",
    api: "checkRestrictedCidr",
    cause: "A security-group CIDR of the whole internet",
    fix: "Use the VPC CIDR, a client CIDR, a security group or a prefix list.",
    path: "Thing",
    prop: "peer",
    received: '"0.0.0.0/0"',
    build: (s) => checkRestrictedCidr(thing(s), "peer", "0.0.0.0/0"),
  },
  {
    module: "core",
    api: "checkRestrictedCidr",
    cause: "A CIDR with a prefix longer than /32",
    fix: "Use a prefix length from 0 to 32 (IPv4) or 128 (IPv6).",
    path: "Thing",
    prop: "peer",
    received: '"10.0.0.0/33"',
    build: (s) => checkRestrictedCidr(thing(s), "peer", "10.0.0.0/33"),
  },
  {
    module: "core",
    api: "checkRestrictedCidr",
    cause: "A CIDR with host bits set",
    fix: "Use the network address: 10.0.0.0/16, not 10.0.0.5/16.",
    path: "Thing",
    prop: "peer",
    received: '"2001:db8::1/64"',
    build: (s) => checkRestrictedCidr(thing(s), "peer", "2001:db8::1/64"),
  },
  {
    module: "core",
    api: "checkDnsName",
    cause: "A single-label host name",
    fix: "Use a fully qualified name such as api.example.com.",
    path: "Thing",
    prop: "domainName",
    received: '"localhost"',
    build: (s) => checkDnsName(thing(s), "domainName", "localhost"),
  },
  {
    module: "core",
    api: "checkAccountId",
    cause: "An account ID that is not 12 digits",
    fix: "Use the 12-digit account ID, with leading zeros.",
    path: "Thing",
    prop: "accountId",
    received: '"1234"',
    build: (s) => checkAccountId(thing(s), "accountId", "1234"),
  },
  {
    module: "core",
    api: "checkRegion",
    cause: "A region name without its hyphen",
    fix: "Use a region code such as us-east-1.",
    path: "Thing",
    prop: "region",
    received: '"us-east1"',
    build: (s) => checkRegion(thing(s), "region", "us-east1"),
  },
  {
    module: "core",
    api: "checkPortRange",
    cause: "A descending port range",
    fix: 'Write the range low-high, e.g. "50-100".',
    path: "Thing",
    prop: "portRanges[0]",
    received: '"100-50"',
    build: (s) => void checkPortRange(thing(s), "portRanges[0]", "100-50"),
  },
  {
    module: "core",
    api: "PolicyDocument.render",
    cause: "A policy document without statements",
    fix: "Add at least one statement.",
    path: "Thing",
    prop: "authPolicy",
    received: '"an empty policy document"',
    build: (s) => render(s, new PolicyDocument()),
  },
  {
    module: "core",
    api: "PolicyDocument.render",
    cause: "A resource-policy statement without a principal",
    fix: "Name the principals (accounts, roles, or anyone with a condition).",
    path: "Thing",
    prop: "authPolicy.statements[0].principals",
    received: "undefined",
    build: (s) => render(s, new PolicyDocument([statement([])])),
  },
  {
    module: "core",
    api: "PolicyPrincipal.arn",
    cause: "A principal ARN that is not an IAM role, user or account root",
    fix: "Use arn:aws:iam::<account>:role/<name> (or user/, or :root).",
    path: "Thing",
    prop: "authPolicy.statements[0].principals[0]",
    received: '"arn:aws:s3:::bucket"',
    build: (s) => render(s, new PolicyDocument([statement([PolicyPrincipal.arn("arn:aws:s3:::bucket")])])),
  },
  {
    module: "core",
    api: "PolicyDocument.render",
    cause: "A policy longer than the service's size limit",
    fix: "Merge statements, use wildcards in resources, or use conditions on tags/org IDs.",
    path: "Thing",
    prop: "authPolicy",
    received: '"a policy of 142 characters"',
    build: (s) => render(s, new PolicyDocument([statement([PolicyPrincipal.account(ACCOUNT)])]), 50),
  },

  {
    module: "core",
    api: "checkTags",
    cause: "A tag key in the aws: namespace AWS reserves",
    fix: "Drop the aws: prefix; AWS sets those tags itself.",
    path: "Vpc",
    prop: "tags",
    received: '"aws:cost-center"',
    build: (s) => vpc(s, { tags: { "aws:cost-center": "network" } }),
  },
  {
    module: "core",
    api: "checkTags",
    cause: "A tag value longer than AWS's 256 characters",
    fix: "Shorten the value to 256 characters.",
    path: "Vpc",
    prop: "tags.Owner",
    received: `${JSON.stringify("o".repeat(257)).slice(0, 197)}...`,
    build: (s) => vpc(s, { tags: { Owner: "o".repeat(257) } }),
  },
  {
    module: "core",
    api: "PolicyDocument.render",
    cause: "The same Sid in two statements",
    fix: "Give each statement its own Sid (letters and digits), or none.",
    path: "Thing",
    prop: "authPolicy.statements[1].sid",
    received: '"Invoke"',
    build: (s) =>
      render(
        s,
        new PolicyDocument(
          [0, 1].map(
            (i) =>
              new PolicyStatement({ sid: "Invoke", actions: ["vpc-lattice-svcs:Invoke"], principals: [PolicyPrincipal.account(`11111111111${i}`)] }),
          ),
        ),
      ),
  },
  {
    module: "core",
    api: "PolicyDocument.render",
    cause: "A Sid with characters IAM refuses",
    fix: "Use letters and digits only, such as AllowOrders.",
    path: "Thing",
    prop: "authPolicy.statements[0].sid",
    received: '"allow-orders"',
    build: (s) =>
      render(
        s,
        new PolicyDocument([
          new PolicyStatement({ sid: "allow-orders", actions: ["vpc-lattice-svcs:Invoke"], principals: [PolicyPrincipal.account(ACCOUNT)] }),
        ]),
      ),
  },
  // vpc
  {
    module: "vpc",
    api: "Vpc",
    cause: "A VPC CIDR with a prefix longer than /32",
    fix: "Use an IPv4 CIDR such as 10.0.0.0/16.",
    path: "Vpc",
    prop: "cidrBlock",
    received: '"10.0.0.0/33"',
    build: (s) => vpc(s, { cidrBlock: "10.0.0.0/33" }),
  },
  {
    module: "vpc",
    api: "Vpc",
    cause: "A VPC CIDR with host bits set",
    fix: "Use the network address, e.g. 10.0.0.0/16.",
    path: "Vpc",
    prop: "cidrBlock",
    received: '"10.0.0.5/16"',
    build: (s) => vpc(s, { cidrBlock: "10.0.0.5/16" }),
  },
  {
    module: "vpc",
    api: "Vpc",
    cause: "No availability zones",
    fix: "List one to 16 AZ names (two or more for high availability).",
    path: "Vpc",
    prop: "availabilityZones",
    received: "[]",
    build: (s) => vpc(s, { availabilityZones: [] }),
  },
  {
    module: "vpc",
    api: "Vpc",
    cause: "The same availability zone twice",
    fix: "List each AZ once.",
    path: "Vpc",
    prop: "availabilityZones",
    received: '"us-east-1a"',
    build: (s) => vpc(s, { availabilityZones: ["us-east-1a", "us-east-1a"] }),
  },
  {
    module: "vpc",
    api: "Vpc",
    cause: "A region name where an AZ name is expected",
    fix: "Use AZ names such as us-east-1a.",
    path: "Vpc",
    prop: "availabilityZones[0]",
    received: '"us-east-1"',
    build: (s) => vpc(s, { availabilityZones: ["us-east-1"] }),
  },
  {
    module: "vpc",
    api: "Vpc",
    cause: "subnetNewBits beyond 12",
    fix: "Use 1 to 12 extra bits (8 turns a /16 into /24 subnets).",
    path: "Vpc",
    prop: "subnetNewBits",
    received: "13",
    build: (s) => vpc(s, { subnetNewBits: 13 }),
  },
  {
    module: "vpc",
    api: "Vpc.fromVpcAttributes",
    cause: "An imported VPC whose CIDR is not a CIDR",
    fix: "Pass the VPC's primary IPv4 CIDR.",
    path: "Imported",
    prop: "cidrBlock",
    received: '"vpc-cidr"',
    build: (s) => Vpc.fromVpcAttributes(s, "Imported", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "vpc-cidr" }),
  },
  {
    module: "vpc",
    api: "TransitGateway",
    cause: "A private ASN outside 64512-65534 on the AWS side",
    fix: "Use a private ASN from 64512 to 65534 or from 4200000000 to 4294967294, or leave amazonSideAsn unset (64512).",
    path: "Network",
    prop: "amazonSideAsn",
    received: "7224",
    build: (s) => new TransitGateway(s, "Network", { name: "core", amazonSideAsn: 7224 }),
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause: "A VPC of another account's provider attached without its account ID",
    fix: "Pass accountId: the account the gateway is shared with through RAM.",
    path: "Network",
    prop: "attach.member.accountId",
    received: "undefined",
    build: (s) =>
      new TransitGateway(s, "Network", { name: "core" }).attach(
        "member",
        vpc(s, { provider: new AwsProvider(s, "member", { alias: "member", region: "us-east-1" }) }),
      ),
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
      new TransitGateway(s, "Network", { name: "core" }).attach(
        "spoke",
        Vpc.fromVpcAttributes(s, "Spoke", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.1.0.0/16" }),
        { routeTo: [hub] },
      );
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
  {
    module: "vpc",
    api: "SecurityGroup",
    cause: "An empty security-group description",
    fix: "Describe what the group protects.",
    path: "Sg",
    prop: "description",
    received: '""',
    build: (s) => new SecurityGroup(s, "Sg", { vpc: vpc(s), description: "" }),
  },
  {
    module: "vpc",
    api: "SecurityGroup",
    cause: "A security-group description with non-ASCII characters",
    fix: "Use printable ASCII only.",
    path: "Sg",
    prop: "description",
    received: '"Base de données"',
    build: (s) => new SecurityGroup(s, "Sg", { vpc: vpc(s), description: "Base de données" }),
  },
  {
    module: "vpc",
    api: "SecurityGroup.addIngressRule",
    cause: "Port 0 in a rule",
    fix: "Use ports 1 to 65535.",
    path: "Sg",
    prop: "ingressRules.port",
    received: "0",
    build: (s) => group(s).addIngressRule({ ...rule, port: 0 }),
  },
  {
    module: "vpc",
    api: "SecurityGroup.addIngressRule",
    cause: "A toPort below the port",
    fix: "Make toPort the last port of the range, not below port.",
    path: "Sg",
    prop: "ingressRules.toPort",
    received: "80",
    build: (s) => group(s).addIngressRule({ ...rule, toPort: 80 }),
  },
  {
    module: "vpc",
    api: "SecurityGroup.addEgressRule",
    cause: "A rule without a description",
    fix: "Say why the rule exists.",
    path: "Sg",
    prop: "egressRules.description",
    received: "undefined",
    build: (s) => group(s).addEgressRule({ ...rule, description: "" }),
  },
  {
    module: "vpc",
    api: "SecurityGroup.addIngressRule",
    cause: "A rule open to 0.0.0.0/0",
    fix: "Use a narrower CIDR, a security group or a prefix list.",
    path: "Sg",
    prop: "ingressRules.peer",
    received: '"0.0.0.0/0"',
    build: (s) => group(s).addIngressRule({ ...rule, peer: Peer.cidr("0.0.0.0/0") }),
  },
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

  {
    module: "vpc",
    api: "Vpc",
    cause: "An AZ of another region than the provider's",
    fix: "Use AZs of the provider's region (us-east-1a, ...), or give the VPC the provider of that region.",
    path: "Vpc",
    prop: "availabilityZones[1]",
    received: '"eu-west-1b"',
    build: (s) => vpc(s, { availabilityZones: ["us-east-1a", "eu-west-1b"] }),
  },
  {
    module: "vpc",
    api: "Vpc.fromVpcAttributes",
    cause: "A subnet ID that is not one (a subnet's name or ARN)",
    fix: "Pass subnet IDs (subnet-...), as a list or a list reference.",
    path: "Imported",
    prop: "privateSubnetIds[0]",
    received: '"app-private-a"',
    build: (s) =>
      Vpc.fromVpcAttributes(s, "Imported", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.1.0.0/16", privateSubnetIds: ["app-private-a"] }),
  },
  {
    module: "vpc",
    api: "Vpc",
    cause: "A flow-log retention CloudWatch Logs does not offer",
    fix: "Use one of the retentions CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ... days).",
    path: "Vpc",
    prop: "flowLogs.destination.retentionDays",
    received: "100",
    build: (s) => vpc(s, { flowLogs: FlowLogs.to(FlowLogDestination.cloudWatchLogs({ retentionDays: 100 })) }),
  },
  {
    module: "vpc",
    api: "SecurityGroup.addIngressRule",
    cause: "Rules that together admit the whole internet (0.0.0.0/1 and 128.0.0.0/1)",
    fix: 'Narrow the CIDRs, or say why with allowInternetWideRules: OptOut.because("<why>").',
    path: "Sg",
    prop: "ingressRules.peer",
    received: '"128.0.0.0/1"',
    build: (s) => {
      const sg = group(s);
      sg.addIngressRule({ ...rule, peer: Peer.cidr("0.0.0.0/1"), description: "Lower half" });
      sg.addIngressRule({ ...rule, peer: Peer.cidr("128.0.0.0/1"), description: "Upper half" });
    },
  },
  {
    module: "vpc",
    api: "PrivateHostedZone",
    cause: "A zone name that is not a DNS name",
    fix: "Use a domain such as internal.example.com.",
    path: "Zone",
    prop: "zoneName",
    received: '"internal example"',
    build: (s) => new PrivateHostedZone(s, "Zone", { zoneName: "internal example", vpc: vpc(s) }),
  },
  {
    module: "vpc",
    api: "PrivateHostedZone",
    cause: "A zone created with a VPC of another account",
    fix: "Create the zone with a VPC of its own account, and associate the other account's VPC with associateVpc, which authorizes it.",
    path: "Zone",
    prop: "vpc",
    received: '"test/Vpc (provider default)"',
    build: (s) =>
      new PrivateHostedZone(s, "Zone", {
        zoneName: "internal.example.com",
        vpc: vpc(s),
        provider: new AwsProvider(s, "aws-dns", { alias: "dns", region: "us-east-1" }),
      }),
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
  {
    module: "vpc",
    api: "PrivateHostedZone",
    cause: "A comment longer than Route 53's 256 characters",
    fix: "Shorten the comment to 256 characters.",
    path: "Zone",
    prop: "comment",
    received: `${JSON.stringify("c".repeat(257)).slice(0, 197)}...`,
    build: (s) => new PrivateHostedZone(s, "Zone", { zoneName: "internal.example.com", vpc: vpc(s), comment: "c".repeat(257) }),
  },
  {
    module: "vpc",
    api: "HostedZone.fromHostedZoneAttributes",
    cause: "A VPC ID where the hosted zone ID belongs",
    fix: "Pass the zone's ID (Z..., as the Route 53 console shows it).",
    path: "Zone",
    prop: "zoneId",
    received: '"vpc-0123456789abcdef0"',
    build: (s) => HostedZone.fromHostedZoneAttributes(s, "Zone", { zoneId: "vpc-0123456789abcdef0", zoneName: "example.com" }),
  },
  {
    module: "vpc",
    api: "HostedZone.fromHostedZoneAttributes",
    cause: "A URL where the zone's domain belongs",
    fix: "Pass the domain only, such as example.com.",
    path: "Zone",
    prop: "zoneName",
    received: '"https://example.com"',
    build: (s) => HostedZone.fromHostedZoneAttributes(s, "Zone", { zoneId: "Z0123456789ABCDEFGHIJ", zoneName: "https://example.com" }),
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause: "Subnets of another VPC than the one attached",
    fix: "Pass subnets of the attached VPC, or leave subnets unset (its private subnets).",
    path: "Network",
    prop: "attach.hub.subnets[0]",
    received: '"vpc-0123456789abcdef1"',
    build: (s) => {
      const other = Vpc.fromVpcAttributes(s, "Other", {
        vpcId: "vpc-0123456789abcdef1",
        cidrBlock: "10.1.0.0/16",
        privateSubnets: [{ subnetId: "subnet-0123456789abcdef0", availabilityZone: "us-east-1a", routeTableId: "rtb-0123456789abcdef0" }],
      });
      const hub = Vpc.fromVpcAttributes(s, "Hub", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16" });
      new TransitGateway(s, "Network", { name: "core" }).attach("hub", hub, { subnets: other.privateSubnets });
    },
  },
  {
    module: "vpc",
    api: "TransitGateway.attach",
    cause:
      "Two VPCs attached and routed to each other whose secondary blocks overlap (two EKS clusters' pods in 100.64.0.0/16): the gateway propagates every block of a VPC, and the route to the other VPC's block would be the VPC's own local route",
    fix: "Give one VPC's pods another secondary block (100.65.0.0/16, say), or attach it with routeTo: [] (and no routes to the overlapping VPC).",
    path: "Network",
    prop: "attach.pods.vpc.secondaryCidrBlocks[0]",
    received: '"100.64.0.0/16"',
    build: (s) => {
      const network = new TransitGateway(s, "Network", { name: "core" });
      network.attach("hub", vpc(s, { secondaryCidrBlocks: ["100.64.0.0/16"] }));
      const pods = new Vpc(s, "Pods", { name: "pods", cidrBlock: "10.1.0.0/16", availabilityZones: AZS, secondaryCidrBlocks: ["100.64.0.0/16"] });
      network.attach("pods", pods);
    },
  },
  {
    module: "vpc",
    api: "TransitGateway",
    cause: "An on/off value for autoAcceptSharedAttachments that is neither OptOut.because nor a boolean (a JavaScript caller)",
    fix: 'Pass OptOut.because("<why attachments need no review>"), or leave it unset.',
    path: "Network",
    prop: "autoAcceptSharedAttachments",
    received: '"enable"',
    build: (s) => new TransitGateway(s, "Network", { name: "core", autoAcceptSharedAttachments: "enable" as never }),
  },
  // ram
  {
    module: "ram",
    api: "ResourceShare",
    cause: "A share with nobody to share with",
    fix: "Give at least one account, OU or organization.",
    path: "Share",
    prop: "principals",
    received: "[]",
    build: (s) => share(s, { principals: [] }),
  },
  {
    module: "ram",
    api: "SharePrincipal.account",
    cause: "A share principal account ID that is not 12 digits",
    fix: "Use the 12-digit account ID.",
    path: "Share",
    prop: "principals[0]",
    received: '"1234"',
    build: (s) => share(s, { principals: [SharePrincipal.account("1234")] }),
  },
  {
    module: "ram",
    api: "SharePrincipal.organizationalUnit",
    cause: "An OU given by ID instead of ARN",
    fix: "Use the OU ARN arn:aws:organizations::<account>:ou/o-.../ou-....",
    path: "Share",
    prop: "principals[0]",
    received: '"ou-ab12-cdefgh34"',
    build: (s) => share(s, { principals: [SharePrincipal.organizationalUnit("ou-ab12-cdefgh34")] }),
  },
  {
    module: "ram",
    api: "ResourceShare.addResource",
    cause: "A shared resource given by ID instead of ARN",
    fix: "Pass the resource's ARN.",
    path: "Share",
    prop: "resources.network",
    received: '"sn-0123456789abcdef0"',
    build: (s) => share(s).addResource("network", "sn-0123456789abcdef0"),
  },
  {
    module: "ram",
    api: "ResourceShare",
    cause: "An empty share name",
    fix: "Name the share (1 to 255 characters).",
    path: "Share",
    prop: "name",
    received: '""',
    build: (s) => share(s, { name: "" }),
  },
  {
    module: "ram",
    api: "ResourceShare",
    cause: "The same principal twice",
    fix: "List each account, OU or organization once.",
    path: "Share",
    prop: "principals[1]",
    received: `"${ACCOUNT}"`,
    build: (s) => share(s, { principals: [SharePrincipal.account(ACCOUNT), SharePrincipal.account(ACCOUNT)] }),
  },
  {
    module: "ram",
    api: "ResourceShare.addResource",
    cause: "A resource type RAM does not share (a subnet ARN)",
    fix: "Share a service network, Lattice service, resource configuration, transit gateway or prefix list; subnets are shared by the VPC's owner in its own configuration.",
    path: "Share",
    prop: "resources.subnet",
    received: '"arn:aws:ec2:us-east-1:111111111111:subnet/subnet-0123456789abcdef0"',
    build: (s) => share(s).addResource("subnet", "arn:aws:ec2:us-east-1:111111111111:subnet/subnet-0123456789abcdef0"),
  },
  {
    module: "ram",
    api: "ResourceShare.addResource",
    cause: "The same resource shared twice under two names",
    fix: "Add each resource once.",
    path: "Share",
    prop: "resources.again",
    received: JSON.stringify(SERVICE_ARN),
    build: (s) => {
      const network = share(s);
      network.addResource("service", SERVICE_ARN);
      network.addResource("again", SERVICE_ARN);
    },
  },
  {
    module: "ram",
    api: "ResourceShare.fromResourceShareAttributes",
    cause: "An imported share given by its name or another resource's ARN",
    fix: "Pass the share's ARN, arn:aws:ram:<region>:<account>:resource-share/<uuid>.",
    path: "Imported",
    prop: "resourceShareArn",
    received: JSON.stringify(SERVICE_ARN),
    build: (s) => ResourceShare.fromResourceShareAttributes(s, "Imported", { resourceShareArn: SERVICE_ARN }),
  },

  // endpoints
  {
    module: "endpoints",
    api: "AwsService.fromName",
    cause: "An unknown AWS service short name",
    fix: "Use the suggested name, or AwsService.custom() for services not in the list.",
    path: "Thing",
    prop: "service",
    received: '"ecr.dk"',
    build: (s) => AwsService.fromName(thing(s), "service", "ecr.dk"),
  },
  {
    module: "endpoints",
    api: "AwsService.serviceName",
    cause: "A malformed region for a service name",
    fix: "Use a region code such as us-east-1.",
    path: "Thing",
    prop: "region",
    received: '"us-east1"',
    build: (s) => AwsService.LOGS.serviceName(thing(s), "region", "us-east1"),
  },
  {
    module: "endpoints",
    api: "GatewayEndpoint",
    cause: "A gateway endpoint for a service that only has interface endpoints",
    fix: "Use an InterfaceEndpoint (gateway endpoints exist for S3 and DynamoDB only).",
    path: "Gateway",
    prop: "service",
    received: '"logs"',
    build: (s) =>
      new GatewayEndpoint(s, "Gateway", { vpc: vpc(s), service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly("o-abcdefghij") }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "An unknown IP address type",
    fix: "Use ipv4, dualstack or ipv6.",
    path: "Endpoint",
    prop: "ipAddressType",
    received: '"ipv5"',
    build: (s) => interfaceEndpoint(s, { ipAddressType: "ipv5" as "ipv4" }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "An empty list of security groups",
    fix: "Give at least one group, or leave securityGroups unset to get a dedicated one.",
    path: "Endpoint",
    prop: "securityGroups",
    received: "[]",
    build: (s) => interfaceEndpoint(s, { securityGroups: [] }),
  },
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
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "A service region that is not a region",
    fix: "Use a region code such as eu-west-1.",
    path: "Endpoint",
    prop: "serviceRegion",
    received: '"europe"',
    build: (s) => interfaceEndpoint(s, { serviceRegion: "europe" }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "A custom DNS name that is not a DNS name",
    fix: "Use a fully qualified name such as api.internal.example.com.",
    path: "Endpoint",
    prop: "customDnsName",
    received: '"api"',
    build: (s) => interfaceEndpoint(s, { service: PARTNER_SERVICE, policy: undefined, customDnsName: "api" }),
  },
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
    build: (s) =>
      interfaceEndpoint(s, {
        service: { ...PARTNER_SERVICE, privateDnsSupported: true, privateDnsName: "api.partner.example.com" },
        policy: undefined,
        customDnsName: "api.partner.example.com",
      }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "An endpoint subnet in a zone the endpoint service is not offered in (both by AZ ID)",
    fix: "Place the endpoint in subnets of the service's availabilityZoneIds (pass subnets).",
    path: "Endpoint",
    prop: "vpc.privateSubnets",
    received: '"use1-az2"',
    build: (s) =>
      interfaceEndpoint(s, {
        vpc: vpc(s, { availabilityZones: ["use1-az1", "use1-az2"] }),
        service: { ...PARTNER_SERVICE, availabilityZoneIds: ["use1-az1", "use1-az4"] },
        policy: undefined,
      }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint.allowClient",
    cause: "A client group allowed on an endpoint whose security groups were given",
    fix: "Add the rules to your own groups, or let the endpoint create its group.",
    path: "Endpoint",
    prop: "allowClient",
    received: '"workers"',
    build: (s) =>
      interfaceEndpoint(s, {
        vpc: Vpc.fromVpcAttributes(s, "Given", {
          vpcId: "vpc-0123456789abcdef0",
          cidrBlock: "10.0.0.0/16",
          privateSubnets: [
            { subnetId: "subnet-0aaaaaaaaaaaaaaaa", availabilityZone: "us-east-1a" },
            { subnetId: "subnet-0bbbbbbbbbbbbbbbb", availabilityZone: "us-east-1b" },
          ],
        }),
        service: PARTNER_SERVICE,
        policy: undefined,
        securityGroups: [{ securityGroupId: "sg-0123456789abcdef0" }],
      }).allowClient(group(s), "workers"),
  },

  // privatelink
  {
    module: "privatelink",
    api: "EndpointService",
    cause: "An endpoint service without a load balancer",
    fix: "Give loadBalancer: EndpointServiceLoadBalancer.networkLoadBalancer(options), .existing([nlb]) or .gatewayLoadBalancer(gwlb).",
    path: "Service",
    prop: "loadBalancer, networkLoadBalancer, networkLoadBalancers, gatewayLoadBalancerArns",
    received: '"none of them"',
    build: (s) => new EndpointService(s, "Service", {}),
  },
  {
    module: "privatelink",
    api: "EndpointServicePrincipal.account",
    cause: "An allowed account ID that is not 12 digits",
    fix: "Use the consumer's 12-digit account ID.",
    path: "Service",
    prop: "allowedPrincipals[0]",
    received: '"2222"',
    build: (s) => endpointService(s, { allowedPrincipals: [EndpointServicePrincipal.account("2222")] }),
  },
  {
    module: "privatelink",
    api: "EndpointService",
    cause: 'Principal "*" passed as an ordinary principal',
    fix: 'Use allowAnyPrincipal: OptOut.because("<why>"), or better, list the consumer accounts.',
    path: "Service",
    prop: "allowedPrincipals[0]",
    received: '"*"',
    build: (s) => endpointService(s, { allowedPrincipals: [EndpointServicePrincipal.fromArn("*")] }),
  },
  {
    module: "privatelink",
    api: "EndpointService",
    cause: "Acceptance off and no allowed principal",
    fix: "Keep acceptanceRequired true, or list who may connect.",
    path: "Service",
    prop: "allowedPrincipals",
    received: "[]",
    build: (s) => endpointService(s, { acceptanceRequired: false }),
  },
  {
    module: "privatelink",
    api: "EndpointService",
    cause: "A private DNS name that is not a DNS name",
    fix: "Use a name in a domain you can verify, such as api.example.com.",
    path: "Service",
    prop: "privateDnsName",
    received: '"localhost"',
    build: (s) => endpointService(s, { privateDnsName: "localhost" }),
  },
  {
    module: "privatelink",
    api: "EndpointService",
    cause: "A supported region that is not a region",
    fix: "Use region codes such as eu-west-1.",
    path: "Service",
    prop: "supportedRegions[0]",
    received: '"europe"',
    build: (s) => endpointService(s, { region: "us-east-1", supportedRegions: ["europe"] }),
  },
  {
    module: "privatelink",
    api: "NetworkLoadBalancer",
    cause: "Listener port 0",
    fix: "Use ports 1 to 65535.",
    path: "Nlb",
    prop: "listeners[0].port",
    received: "0",
    build: (s) => nlb(s, { listeners: [{ port: 0, targets: ListenerTargets.instances({ port: 8443, instances: { a: "i-0123456789abcdef0" } }) }] }),
  },
  {
    module: "privatelink",
    api: "NetworkLoadBalancer",
    cause: "A load balancer without listeners",
    fix: "Add at least one listener.",
    path: "Nlb",
    prop: "listeners",
    received: "[]",
    build: (s) => nlb(s, { listeners: [] }),
  },
  {
    module: "privatelink",
    api: "NetworkLoadBalancer",
    cause: "A TLS listener without a certificate",
    fix: "Give certificateArn (an ACM certificate) or use TCP.",
    path: "Nlb",
    prop: "listeners[0].certificateArn",
    received: "undefined",
    build: (s) =>
      nlb(s, {
        listeners: [{ port: 443, protocol: "TLS", targets: ListenerTargets.instances({ port: 8443, instances: { a: "i-0123456789abcdef0" } }) }],
      }),
  },
  {
    module: "privatelink",
    api: "NetworkLoadBalancer.fromAttributes",
    cause: "An imported load balancer's zone given by AZ name",
    fix: "Give its subnets' AZ IDs (use1-az1): an AZ name is another zone in each account.",
    path: "Existing",
    prop: "availabilityZoneIds[0]",
    received: '"us-east-1a"',
    build: (s) =>
      NetworkLoadBalancer.fromAttributes(s, "Existing", {
        loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/api/0123456789abcdef",
        listenerPorts: [443],
        availabilityZoneIds: ["us-east-1a"],
      }),
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
        service: {
          networkLoadBalancer: nlbOptions(s),
          privateDnsName: "api.example.com",
          privateDnsVerificationZone: { zoneId: "Z0123456789ABCDEFGHIJ", zoneName: "example.com" },
        },
        consumers: [
          {
            name: "acme",
            accountId: ACCOUNT,
            vpc: Vpc.fromVpcAttributes(s, "Customer", {
              vpcId: "vpc-0123456789abcdef0",
              cidrBlock: "10.20.0.0/16",
              privateSubnets: [{ subnetId: "subnet-0aaaaaaaaaaaaaaaa" }, { subnetId: "subnet-0bbbbbbbbbbbbbbbb" }],
            }),
            customDnsName: "api.example.com",
          },
        ],
      }),
  },
  {
    module: "privatelink",
    api: "NetworkLoadBalancer",
    cause: 'A load balancer name starting with "internal-"',
    fix: "Pick a name that does not start with internal- (AWS reserves it).",
    path: "Nlb",
    prop: "name",
    received: '"internal-api"',
    build: (s) => nlb(s, { name: "internal-api" }),
  },
  {
    module: "privatelink",
    api: "NetworkLoadBalancer",
    cause: "A client of the whole internet",
    fix: "Use the consumer CIDRs or leave the default (the VPC CIDR).",
    path: "Nlb",
    prop: "clients[0]",
    received: '"0.0.0.0/0"',
    build: (s) => nlb(s, { clients: [Peer.cidr("0.0.0.0/0")] }),
  },
  {
    module: "privatelink",
    api: "ListenerTargets.ipAddresses",
    cause: "An IP target given as a host name",
    fix: "Use the target's IP address.",
    path: "Nlb",
    prop: "listeners[0].targets.addresses.db",
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
    build: (s) =>
      nlb(s, {
        listeners: [{ port: 443, protocol: "TLS", certificateArn: CERTIFICATE, sslPolicy: "ELBSecurityPolicy-2016-08", targets: instanceTargets }],
      }),
  },
  {
    module: "privatelink",
    api: "NetworkLoadBalancer",
    cause: "A TLS policy name ELB does not know",
    fix: "Use one of ELB's predefined policy names.",
    path: "Nlb",
    prop: "listeners[0].sslPolicy",
    received: '"ELBSecurityPolicy-Strong"',
    build: (s) =>
      nlb(s, {
        listeners: [{ port: 443, protocol: "TLS", certificateArn: CERTIFICATE, sslPolicy: "ELBSecurityPolicy-Strong", targets: instanceTargets }],
      }),
  },
  {
    module: "privatelink",
    api: "NetworkLoadBalancer",
    cause: "An ACM certificate of another region",
    fix: "Use a certificate issued or imported in the load balancer's region.",
    path: "Nlb",
    prop: "listeners[0].certificateArn",
    received: '"arn:aws:acm:eu-west-1:111111111111:certificate/0a1b2c3d-0000-1111-2222-333344445555"',
    build: (s) =>
      nlb(s, {
        listeners: [
          {
            port: 443,
            protocol: "TLS",
            certificateArn: "arn:aws:acm:eu-west-1:111111111111:certificate/0a1b2c3d-0000-1111-2222-333344445555",
            targets: instanceTargets,
          },
        ],
      }),
  },
  {
    module: "privatelink",
    api: "ListenerTargets.ipAddresses",
    cause: "An IP target on the loopback address",
    fix: "Use the target's address in the VPC, or in a range given as outsideVpcRanges.",
    path: "Nlb",
    prop: "listeners[0].targets.addresses.db",
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
    build: (s) =>
      nlb(s, {
        listeners: [
          {
            port: 443,
            targets: ListenerTargets.instances({ port: 8443, instances: { "api-a": "i-0123456789abcdef0", "api-b": "i-0123456789abcdef0" } }),
          },
        ],
      }),
  },
  {
    module: "privatelink",
    api: "NetworkLoadBalancer",
    cause: "An empty client list (nobody could reach the listeners)",
    fix: "List the clients, or leave clients out for the VPC's own range.",
    path: "Nlb",
    prop: "clients",
    received: "[]",
    build: (s) => nlb(s, { clients: [] }),
  },
  {
    module: "privatelink",
    api: "NetworkLoadBalancer",
    cause: "The access-log bucket given by ARN",
    fix: "Give the bucket's name.",
    path: "Nlb",
    prop: "accessLogs.bucket",
    received: '"arn:aws:s3:::nlb-logs"',
    build: (s) => nlb(s, { accessLogs: { bucket: "arn:aws:s3:::nlb-logs" } }),
  },
  {
    module: "privatelink",
    api: "EndpointService",
    cause: "One account allowed twice, by ID and by its root ARN",
    fix: "Allow each account once.",
    path: "Service",
    prop: "allowedPrincipals[1]",
    received: '"arn:aws:iam::222222222222:root"',
    build: (s) =>
      endpointService(s, {
        allowedPrincipals: [EndpointServicePrincipal.account(ACCOUNT), EndpointServicePrincipal.fromArn(`arn:aws:iam::${ACCOUNT}:root`)],
      }),
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
    build: (s) =>
      endpointService(s, { connectionNotifications: [{ name: "ops", snsTopicArn: "arn:aws:sns:eu-west-1:111111111111:endpoint-connections" }] }),
  },
  {
    module: "privatelink",
    api: "EndpointService",
    cause: "A Gateway Load Balancer service with a private DNS name",
    fix: "Drop privateDnsName: GatewayLoadBalancer endpoints are route targets, nobody resolves a name to them.",
    path: "Service",
    prop: "privateDnsName",
    received: '"inspect.example.com"',
    build: (s) =>
      new EndpointService(s, "Service", {
        loadBalancer: EndpointServiceLoadBalancer.gatewayLoadBalancer(gwlb(s)),
        allowedPrincipals: [EndpointServicePrincipal.account(ACCOUNT)],
        privateDnsName: "inspect.example.com",
      }),
  },
  {
    module: "privatelink",
    api: "EndpointService.acceptEndpoints",
    cause: "Endpoints accepted on a service that accepts by itself",
    fix: "Keep acceptanceRequired true, or drop the acceptEndpoints call.",
    path: "Service",
    prop: 'acceptEndpoints("partner")',
    received: "false",
    build: (s) =>
      endpointService(s, { acceptanceRequired: false, allowedPrincipals: [EndpointServicePrincipal.account(ACCOUNT)] }).acceptEndpoints("partner", [
        "vpce-0123456789abcdef0",
      ]),
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
    build: (s) =>
      GatewayLoadBalancer.fromGatewayLoadBalancerAttributes(s, "Existing", {
        loadBalancerArn: "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/api/0123456789abcdef",
      }),
  },

  // lattice
  {
    module: "lattice",
    api: "ServiceNetwork",
    cause: "A service network name with capitals",
    fix: "Use lowercase letters, digits and single hyphens.",
    path: "Network",
    prop: "name",
    received: '"Shared"',
    build: (s) => network(s, { name: "Shared" }),
  },
  {
    module: "lattice",
    api: "ServiceNetwork",
    cause: "authType NONE without the explicit opt-in",
    fix: "Keep AWS_IAM with an auth policy, or set allowUnauthenticatedAccess: true deliberately.",
    path: "Network",
    prop: "authType",
    received: '"NONE"',
    build: (s) => network(s, { authType: "NONE", authPolicy: undefined }),
  },
  {
    module: "lattice",
    api: "ServiceNetwork.fromArn",
    cause: "A service ARN where a service network ARN is expected",
    fix: "Pass the servicenetwork/sn-... ARN.",
    path: "Imported",
    prop: "serviceNetworkArn",
    received: JSON.stringify(SERVICE_ARN),
    build: (s) => ServiceNetwork.fromArn(s, "Imported", SERVICE_ARN),
  },
  {
    module: "lattice",
    api: "ServiceNetwork.associateVpc",
    cause: "More than 5 security groups on a VPC association",
    fix: "Use at most 5 groups.",
    path: "Network/Vpc-app",
    prop: "securityGroups",
    received:
      '["sg-0000000000000000a","sg-0000000000000000b","sg-0000000000000000c","sg-0000000000000000d","sg-0000000000000000e","sg-0000000000000000f"]',
    build: (s) =>
      network(s).associateVpc("app", {
        vpc: vpc(s),
        securityGroups: ["a", "b", "c", "d", "e", "f"].map((n) => ({ securityGroupId: `sg-0000000000000000${n}` })),
      }),
  },
  {
    module: "lattice",
    api: "LatticeService",
    cause: 'A service name starting with the reserved "svc-"',
    fix: "Pick a name that does not start with svc- (AWS uses it for IDs).",
    path: "Service",
    prop: "name",
    received: '"svc-orders"',
    build: (s) => latticeService(s, { name: "svc-orders" }),
  },
  {
    module: "lattice",
    api: "LatticeService",
    cause: "AWS_IAM without an auth policy (AWS would deny every request)",
    fix: "Give authPolicy (or authPolicyFromRules).",
    path: "Service",
    prop: "authPolicy",
    received: "undefined",
    build: (s) => latticeService(s, { authPolicy: undefined }),
  },
  {
    module: "lattice",
    api: "LatticeService",
    cause: "A custom domain name that is not a DNS name",
    fix: "Use a fully qualified name such as orders.example.com.",
    path: "Service",
    prop: "customDomainName",
    received: '"not a domain"',
    build: (s) => latticeService(s, { customDomainName: "not a domain" }),
  },
  {
    module: "lattice",
    api: "LatticeListenerAction.weightedForward",
    cause: "A weighted forward whose weights are all 0",
    fix: "Give at least one target group a weight above 0.",
    path: "Service/Listener-http-80",
    prop: "defaultAction.targetGroups",
    received: "[0]",
    build: (s) =>
      latticeService(s).addListener({
        protocol: "HTTP",
        defaultAction: LatticeListenerAction.weightedForward([{ targetGroup: targetGroup(s), weight: 0 }]),
      }),
  },
  {
    module: "lattice",
    api: "LatticeTargetGroup",
    cause: "A health-check interval below 5 seconds",
    fix: "Use 5 to 300 seconds.",
    path: "Group",
    prop: "healthCheck.intervalSeconds",
    received: "4",
    build: (s) => targetGroup(s, { healthCheck: { intervalSeconds: 4 } }),
  },
  {
    module: "lattice",
    api: "LatticeTarget.ipAddress",
    cause: "An IP target that is not an IP address",
    fix: "Use the target's IPv4 (or IPv6, for IPV6 groups) address.",
    path: "Group",
    prop: "targets.bad.id",
    received: '"10.0.300.1"',
    build: (s) => targetGroup(s, { targets: { bad: LatticeTarget.ipAddress("10.0.300.1") } }),
  },
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
  {
    module: "lattice",
    api: "LatticeTargetGroup",
    cause: "targetsRegisteredBy without a registrar",
    fix: 'Say who registers the targets, e.g. "the ECS service orders-api".',
    path: "Group",
    prop: "targetsRegisteredBy",
    received: '" "',
    build: (s) => targetGroup(s, { targetsRegisteredBy: " " }),
  },
  {
    module: "lattice",
    api: "LatticeTargetGroup",
    cause: "Security groups declared for the targets of a LAMBDA group",
    fix: "Leave targetSecurityGroups unset: VPC Lattice invokes the function without a network path to open.",
    path: "Fn",
    prop: "targetSecurityGroups",
    received: '"a security group"',
    build: (s) =>
      new LatticeTargetGroup(s, "Fn", { name: "fn-a", type: "LAMBDA", targetSecurityGroups: [{ securityGroupId: "sg-0123456789abcdef0" }] }),
  },
  {
    module: "lattice",
    api: "LatticeTargetGroup",
    cause: "A port on a LAMBDA target group",
    fix: "Leave port, protocol, VPC and health check unset for LAMBDA groups.",
    path: "Fn",
    prop: "port",
    received: "443",
    build: (s) => new LatticeTargetGroup(s, "Fn", { name: "fn-a", type: "LAMBDA", port: 443 }),
  },
  {
    module: "lattice",
    api: "AuthPolicy.allow",
    cause: "An auth-policy path that does not start with /",
    fix: 'Write paths from the root, e.g. "/orders".',
    path: "Network/AuthPolicy",
    prop: "authPolicy.statements[0].paths[0]",
    received: '"orders"',
    build: (s) => network(s, { authPolicy: new AuthPolicy().allow({ paths: ["orders"], accounts: [ACCOUNT] }) }),
  },
  {
    module: "lattice",
    api: "AccessLogs.toNewLogGroup",
    cause: "A log retention CloudWatch Logs does not offer",
    fix: "Use a CloudWatch Logs retention value such as 30, 90 or 365.",
    path: "Logs",
    prop: "accessLogs.retentionInDays",
    received: "42",
    build: (s) => accessLogs(s, AccessLogs.toNewLogGroup({ retentionInDays: 42 })),
  },
  {
    module: "lattice",
    api: "AccessLogs.disabled",
    cause: "Access logs turned off without a reason",
    fix: "Keep access logs, or say in a sentence why this network or service needs none.",
    path: "Logs",
    prop: "accessLogs.disabledReason",
    received: '""',
    build: (s) => accessLogs(s, AccessLogs.disabled("  ")),
  },
  {
    module: "lattice",
    api: "AccessLogDestination.logGroup",
    cause: "An S3 bucket ARN given as a log group",
    fix: "Use AccessLogDestination.s3Bucket for buckets, logGroup for CloudWatch Logs ARNs.",
    path: "Logs",
    prop: "accessLogs.destinations[0]",
    received: '"arn:aws:s3:::lattice-access-logs"',
    build: (s) => accessLogs(s, AccessLogs.to(AccessLogDestination.logGroup("arn:aws:s3:::lattice-access-logs"))),
  },
  {
    module: "lattice",
    api: "AccessLogs.toNewLogGroup",
    cause: "A KMS alias where a key ARN is expected",
    fix: "Pass the KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>).",
    path: "Logs",
    prop: "accessLogs.kmsKeyArn",
    received: '"alias/logs"',
    build: (s) => accessLogs(s, AccessLogs.toNewLogGroup({ kmsKeyArn: "alias/logs" })),
  },
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
  {
    module: "lattice",
    api: "LatticeListener.addRule",
    cause: "A rule priority above 100",
    fix: "Use priorities 1 to 100.",
    path: "Service/Listener-http-80",
    prop: "rules.late.priority",
    received: "101",
    build: (s) => httpListener(s).addRule(pathRule("late", 101)),
  },
  {
    module: "lattice",
    api: "LatticeMesh",
    cause: "A mesh with nobody to share with",
    fix: "Give members or sharedWith principals.",
    path: "Mesh",
    prop: "members, sharedWith",
    received: "[]",
    build: (s) => new LatticeMesh(s, "Mesh", { name: "lonely-mesh" }),
  },
  {
    module: "lattice",
    api: "LatticeMesh",
    cause: "A mesh member with a malformed account ID",
    fix: "Use the member's 12-digit account ID.",
    path: "Mesh",
    prop: "members[0].accountId",
    received: '"2222"',
    build: (s) =>
      new LatticeMesh(s, "Mesh", {
        name: "partner-mesh",
        members: [
          {
            name: "client",
            accountId: "2222",
            provider: new AwsProvider(s, "consumer", { alias: "consumer", region: "us-east-1" }),
            services: [{ name: "s", service: LatticeService.fromArn(s, "Imported", SERVICE_ARN) }],
          },
        ],
      }),
  },

  // lattice: consistency, identifiers, duplicates and opt-outs (issue 12)
  {
    module: "lattice",
    api: "LatticeTarget.lambdaFunction",
    cause: "A Lambda function of another region than the target group's",
    fix: "Register a function (or alias) of the stack's region; VPC Lattice invokes functions of its own region only.",
    path: "Fn",
    prop: "targets.fn.id",
    received: '"arn:aws:lambda:eu-west-1:111111111111:function:orders"',
    build: (s) =>
      new LatticeTargetGroup(s, "Fn", {
        name: "orders-fn",
        config: LatticeTargetGroupConfig.lambda(),
        targets: { fn: LatticeTarget.lambdaFunction("arn:aws:lambda:eu-west-1:111111111111:function:orders") },
      }),
  },
  {
    module: "lattice",
    api: "LatticeTarget.ipAddress",
    cause: "An IP target outside the target group's VPC",
    fix: "Register addresses of the VPC, or declare the peered or on-premises range in peeredCidrs.",
    path: "Group",
    prop: "targets.far.id",
    received: '"10.9.0.10"',
    build: (s) => ipTargets(s, { targets: { far: LatticeTarget.ipAddress("10.9.0.10") } }),
  },
  {
    module: "lattice",
    api: "LatticeTarget.ipAddress",
    cause: "A loopback IP target, even inside a declared range",
    fix: "Register the target's own address; VPC Lattice never routes to loopback or link-local addresses.",
    path: "Group",
    prop: "targets.lo.id",
    received: '"127.0.0.1"',
    build: (s) =>
      new LatticeTargetGroup(s, "Group", {
        name: "orders",
        config: LatticeTargetGroupConfig.ipAddresses({ vpc: latticeVpc(s), protocol: "HTTP", peeredCidrs: ["127.0.0.0/8"] }),
        targets: { lo: LatticeTarget.ipAddress("127.0.0.1") },
      }),
  },
  {
    module: "lattice",
    api: "LatticeTargetGroup",
    cause: "A targets' security group of another VPC",
    fix: "Give the groups of the targets, in the target group's VPC.",
    path: "Group",
    prop: "securityGroups[0]",
    received: '"vpc-0fedcba9876543210"',
    build: (s) => ipTargets(s, { securityGroups: [foreignGroup(s)] }),
  },
  {
    module: "lattice",
    api: "LatticeTargetGroup",
    cause: "The same target under two names",
    fix: "Register each address (or instance) and port once.",
    path: "Group",
    prop: "targets.b",
    received: '"10.0.0.10"',
    build: (s) => ipTargets(s, { targets: { a: LatticeTarget.ipAddress("10.0.0.10"), b: LatticeTarget.ipAddress("10.0.0.10") } }),
  },
  {
    module: "lattice",
    api: "LatticeTargetGroup",
    cause: "Two target groups of one name in one account",
    fix: "Give each target group its own name: AWS refuses a second one.",
    path: "Second",
    prop: "name",
    received: '"orders"',
    build: (s) => {
      const targetsVpc = latticeVpc(s);
      twiceInOneAccount((id) => ipTargets(s, {}, id, targetsVpc));
    },
  },
  {
    module: "lattice",
    api: "LatticeTargetGroup",
    cause: "A config that is not made by the factory (a JavaScript caller)",
    fix: "Use LatticeTargetGroupConfig.instances, ipAddresses, lambda or applicationLoadBalancer.",
    path: "Group",
    prop: "config",
    received: '{"type":"IP"}',
    build: (s) => new LatticeTargetGroup(s, "Group", { name: "orders", config: { type: "IP" } as never }),
  },
  {
    module: "lattice",
    api: "LatticeTargetGroup",
    cause: "The deprecated type beside config",
    fix: "Drop type (and the other flat settings): config carries them.",
    path: "Group",
    prop: "type",
    received: '"IP"',
    build: (s) => ipTargets(s, { type: "IP" }),
  },
  {
    module: "lattice",
    api: "LatticeTargetGroup.fromLatticeTargetGroupAttributes",
    cause: "A service ARN given as a target group ARN",
    fix: "Pass the targetgroup/tg-... ARN.",
    path: "Imported",
    prop: "targetGroupArn",
    received: JSON.stringify(SERVICE_ARN),
    build: (s) => LatticeTargetGroup.fromLatticeTargetGroupAttributes(s, "Imported", { targetGroupArn: SERVICE_ARN, type: "IP" }),
  },
  {
    module: "lattice",
    api: "ServiceNetwork.fromServiceNetworkAttributes",
    cause: "A service network of another region",
    fix: "Import the network of the stack's region: VPC Lattice associates within one region.",
    path: "Imported",
    prop: "serviceNetworkArn",
    received: '"arn:aws:vpc-lattice:eu-west-1:111111111111:servicenetwork/sn-0123456789abcdef0"',
    build: (s) =>
      ServiceNetwork.fromServiceNetworkAttributes(s, "Imported", {
        serviceNetworkArn: "arn:aws:vpc-lattice:eu-west-1:111111111111:servicenetwork/sn-0123456789abcdef0",
      }),
  },
  {
    module: "lattice",
    api: "ServiceNetwork.fromServiceNetworkAttributes",
    cause: "A network ID without its account",
    fix: "Pass the network's ARN, or its ID with accountId.",
    path: "Imported",
    prop: "accountId",
    received: "undefined",
    build: (s) => ServiceNetwork.fromServiceNetworkAttributes(s, "Imported", { serviceNetworkId: "sn-0123456789abcdef0" } as never),
  },
  {
    module: "lattice",
    api: "ServiceNetwork",
    cause: "Two service networks of one name in one account",
    fix: "Give each network its own name: AWS refuses a second one.",
    path: "Second",
    prop: "name",
    received: '"shared"',
    build: (s) => twiceInOneAccount((id) => new ServiceNetwork(s, id, { name: "shared", authPolicy: ORG_ONLY })),
  },
  {
    module: "lattice",
    api: "ServiceNetwork",
    cause: "The same sharing principal twice",
    fix: "Give each account, OU or organization once.",
    path: "Network",
    prop: "sharing.principals[1]",
    received: '"222222222222"',
    build: (s) => network(s, { sharing: { principals: [SharePrincipal.account(ACCOUNT), SharePrincipal.account(ACCOUNT)] } }),
  },
  {
    module: "lattice",
    api: "ServiceNetwork",
    cause: "A tag key with the reserved aws: prefix",
    fix: "Use a key of your own; AWS reserves aws: for its tags.",
    path: "Network",
    prop: "tags",
    received: '"aws:owner"',
    build: (s) => network(s, { tags: { "aws:owner": "platform" } }),
  },
  {
    module: "lattice",
    api: "ServiceNetwork.associateVpc",
    cause: "An empty security group list on a VPC association",
    fix: "Leave securityGroups unset (a group is made), or give 1 to 5 groups.",
    path: "Network/Vpc-apps",
    prop: "securityGroups",
    received: "[]",
    build: (s) => network(s).associateVpc("apps", { vpc: latticeVpc(s), securityGroups: [] }),
  },
  {
    module: "lattice",
    api: "ServiceNetwork.associateVpc",
    cause: "An association security group of another VPC",
    fix: "Give groups of the associated VPC.",
    path: "Network/Vpc-apps",
    prop: "securityGroups[0]",
    received: '"vpc-0fedcba9876543210"',
    build: (s) => network(s).associateVpc("apps", { vpc: latticeVpc(s), securityGroups: [foreignGroup(s)] }),
  },
  {
    module: "lattice",
    api: "ServiceNetwork.associateVpc",
    cause: "Two VPC associations under one name",
    fix: "Give each association its own name: it keys the Terraform addresses.",
    path: "Network",
    prop: "associateVpc.name",
    received: '"apps"',
    build: (s) => {
      const shared = network(s);
      shared.associateVpc("apps", { vpc: latticeVpc(s) });
      shared.associateVpc("apps", { vpc: Vpc.fromVpcAttributes(s, "Other", { vpcId: "vpc-0fedcba9876543210", cidrBlock: "10.1.0.0/16" }) });
    },
  },
  {
    module: "lattice",
    api: "AuthPolicy.allow",
    cause: "Two statements with one Sid",
    fix: "Give every statement its own Sid, or none.",
    path: "Network/AuthPolicy",
    prop: "authPolicy.statements[1].sid",
    received: '"Readers"',
    build: (s) =>
      network(s, {
        authPolicy: new AuthPolicy().allow({ sid: "Readers", accounts: [ACCOUNT] }).allow({ sid: "Readers", accounts: ["333333333333"] }),
      }),
  },
  {
    module: "lattice",
    api: "AuthPolicy.allow",
    cause: "An account and its root ARN in one statement",
    fix: "Give each principal once, in one spelling.",
    path: "Network/AuthPolicy",
    prop: "authPolicy.statements[0].roles[0]",
    received: '"arn:aws:iam::222222222222:root"',
    build: (s) => network(s, { authPolicy: new AuthPolicy().allow({ accounts: [ACCOUNT], roles: ["arn:aws:iam::222222222222:root"] }) }),
  },
  {
    module: "lattice",
    api: "AuthPolicy.allow",
    cause: "One role twice, in two cases",
    fix: "Give each role once: IAM names are case-insensitive.",
    path: "Network/AuthPolicy",
    prop: "authPolicy.statements[0].roles[1]",
    received: '"arn:aws:iam::222222222222:role/reader"',
    build: (s) =>
      network(s, {
        authPolicy: new AuthPolicy().allow({ roles: ["arn:aws:iam::222222222222:role/Reader", "arn:aws:iam::222222222222:role/reader"] }),
      }),
  },
  {
    module: "lattice",
    api: "AuthPolicy.allow",
    cause: "A role ARN of another partition",
    fix: "Use role ARNs of the stack's partition.",
    path: "Network/AuthPolicy",
    prop: "authPolicy.statements[0].roles[0]",
    received: '"arn:aws-cn:iam::222222222222:role/reader"',
    build: (s) => network(s, { authPolicy: new AuthPolicy().allow({ roles: ["arn:aws-cn:iam::222222222222:role/reader"] }) }),
  },
  {
    module: "lattice",
    api: "AuthPolicy.allow",
    cause: "A method listed twice",
    fix: "List each method once.",
    path: "Network/AuthPolicy",
    prop: "authPolicy.statements[0].methods[1]",
    received: '"GET"',
    build: (s) => network(s, { authPolicy: new AuthPolicy().allow({ organizationId: "o-abcdefghij", methods: ["GET", "GET"] }) }),
  },
  {
    module: "lattice",
    api: "AuthPolicy.allow",
    cause: "allowAnonymous as something else than an OptOut (a JavaScript caller)",
    fix: 'Use allowAnonymous: OptOut.because("<why unsigned requests are fine>"), or leave it unset.',
    path: "Service/AuthPolicy",
    prop: "authPolicy.statements[0].allowAnonymous",
    received: '"yes"',
    build: (s) => latticeService(s, { authPolicy: new AuthPolicy().allow({ organizationId: "o-abcdefghij", allowAnonymous: "yes" as never }) }),
  },
  {
    module: "lattice",
    api: "LatticeService",
    cause: "allowUnauthenticatedAccess with authType AWS_IAM",
    fix: 'Drop it, or use authType: "NONE" with allowUnauthenticatedAccess: OptOut.because("<why>").',
    path: "Service",
    prop: "allowUnauthenticatedAccess",
    received: "true",
    build: (s) => latticeService(s, { allowUnauthenticatedAccess: true }),
  },
  {
    module: "lattice",
    api: "LatticeService",
    cause: "Two services of one name in one account",
    fix: "Give each service its own name: AWS refuses a second one.",
    path: "Second",
    prop: "name",
    received: '"orders"',
    build: (s) => twiceInOneAccount((id) => new LatticeService(s, id, { name: "orders", authPolicy: ORG_ONLY })),
  },
  {
    module: "lattice",
    api: "Certificate.fromCertificateAttributes",
    cause: "An IAM server certificate where an ACM certificate is expected",
    fix: "Import the certificate into ACM and pass its ARN.",
    path: "Cert",
    prop: "certificateArn",
    received: '"arn:aws:iam::111111111111:server-certificate/orders"',
    build: (s) => withCertificate(s, "arn:aws:iam::111111111111:server-certificate/orders"),
  },
  {
    module: "lattice",
    api: "Certificate.fromCertificateAttributes",
    cause: "A certificate of another region",
    fix: "Use a certificate of the service's region (ACM certificates are regional).",
    path: "Cert",
    prop: "certificateArn",
    received: JSON.stringify(CERTIFICATE_ARN.replace("us-east-1", "eu-west-1")),
    build: (s) => withCertificate(s, CERTIFICATE_ARN.replace("us-east-1", "eu-west-1")),
  },
  {
    module: "lattice",
    api: "LatticeService",
    cause: "A certificate whose names do not carry the custom domain",
    fix: "Use a certificate issued for the custom domain name (or a wildcard of its parent).",
    path: "Service",
    prop: "certificate",
    received: '["*.internal.example.com"]',
    build: (s) => withCertificate(s, CERTIFICATE_ARN, ["*.internal.example.com"]),
  },
  {
    module: "lattice",
    api: "LatticeService.addListener",
    cause: "Two listeners on one port",
    fix: "Give each listener its own port.",
    path: "Service",
    prop: "listeners.port",
    received: "80",
    build: (s) => {
      const service = latticeService(s);
      service.addListener({ protocol: "HTTP", defaultAction: LatticeListenerAction.fixedResponse(404) });
      service.addListener({ protocol: "HTTP", defaultAction: LatticeListenerAction.fixedResponse(404) });
    },
  },
  {
    module: "lattice",
    api: "LatticeListener.addRule",
    cause: "The same header matched twice in one rule (names are case-insensitive)",
    fix: "Match each header once.",
    path: "Service/Listener-http-80",
    prop: "rules.tenant.match.headers[1]",
    received: '"x-tenant"',
    build: (s) => httpListener(s).addRule(headerRule("tenant", 1, [HeaderMatch.exact("X-Tenant", "blue"), HeaderMatch.prefix("x-tenant", "b")])),
  },
  {
    module: "lattice",
    api: "LatticeAccessLogs",
    cause: "An empty list of service-network log types",
    fix: 'Leave serviceNetworkLogTypes unset (both), or use AccessLogs.disabled(OptOut.because("<why>")).',
    path: "Logs",
    prop: "serviceNetworkLogTypes",
    received: "[]",
    build: (s) =>
      new LatticeAccessLogs(s, "Logs", { source: LOG_SOURCE, name: "n", accessLogs: AccessLogs.toNewLogGroup(), serviceNetworkLogTypes: [] }),
  },
  {
    module: "lattice",
    api: "AccessLogDestination.logGroup",
    cause: "A log group of another region",
    fix: "Send access logs to a log group of the network's region.",
    path: "Network/AccessLogs",
    prop: "accessLogs.destinations[0]",
    received: '"arn:aws:logs:eu-west-1:111111111111:log-group:lattice"',
    build: (s) => network(s, { accessLogs: AccessLogs.to(AccessLogDestination.logGroup("arn:aws:logs:eu-west-1:111111111111:log-group:lattice")) }),
  },
  {
    module: "lattice",
    api: "LatticeMesh",
    cause: "One member account twice",
    fix: "Give each account once, with both its VPC and its services.",
    path: "Mesh",
    prop: "members[1].accountId",
    received: '"222222222222"',
    build: (s) => {
      const provider = new AwsProvider(s, "consumer", { alias: "consumer", region: "us-east-1" });
      const services = [{ name: "s", service: LatticeService.fromArn(s, "Imported", SERVICE_ARN) }];
      new LatticeMesh(s, "Mesh", {
        name: "partner-mesh",
        members: [
          { name: "apps", accountId: ACCOUNT, provider, services },
          { name: "clients", accountId: ACCOUNT, provider },
        ],
      });
    },
  },

  // endpoints patterns
  {
    module: "endpoints",
    api: "PrivateAwsServiceAccess",
    cause: "A service access pattern with no service",
    fix: "Pass at least one preset, e.g. ServiceAccessPresets.kms([...]).",
    path: "Access",
    prop: "services",
    received: "[]",
    build: (s) => new PrivateAwsServiceAccess(s, "Access", { vpc: vpc(s), services: [] }),
  },
  {
    module: "endpoints",
    api: "PrivateAwsServiceAccess",
    cause: "Endpoints opened to 0.0.0.0/0",
    fix: "Leave allowedPeers unset (the VPC CIDR) or name the client CIDRs and groups.",
    path: "Access",
    prop: "allowedPeers[0]",
    received: '"0.0.0.0/0"',
    build: (s) =>
      new PrivateAwsServiceAccess(s, "Access", {
        vpc: vpc(s),
        services: ServiceAccessPresets.kms([KMS_KEY]),
        allowedPeers: [Peer.cidr("0.0.0.0/0")],
      }),
  },
  {
    module: "endpoints",
    api: "PrivateAwsServiceAccess",
    cause: "ecr.dkr without ecr.api",
    fix: "Add ecr.api too (ServiceAccessPresets.ecrPull has both): a pull takes its token and manifest from ecr.api.",
    path: "Access",
    prop: "services",
    received: '"ecr.dkr without ecr.api"',
    build: (s) =>
      new PrivateAwsServiceAccess(s, "Access", {
        vpc: vpc(s),
        services: ServiceAccessPresets.ecrPull([ECR_REPOSITORY], []).filter(
          (a) => a.service.shortName !== "ecr.api" && a.service.shortName !== "logs",
        ),
      }),
  },
  {
    module: "endpoints",
    api: "EndpointOnlyBucketPolicy",
    cause: "An endpoint-only bucket policy that names no deployment role",
    fix: "Pass deploymentRoleArns: the role(s) that apply the configuration, which keep the bucket (not its objects) from outside the VPC.",
    path: "BucketPolicy",
    prop: "deploymentRoleArns",
    received: "[]",
    build: (s) =>
      new EndpointOnlyBucketPolicy(s, "BucketPolicy", {
        bucketName: "a-bucket",
        endpoints: [{ vpcEndpointId: "vpce-0123456789abcdef0" }],
        deploymentRoleArns: [],
      }),
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
    build: (s) =>
      new S3HybridAccess(s, "S3Hybrid", {
        vpc: vpc(s),
        policy: EndpointPolicy.s3Buckets(["a-bucket"]),
        securityGroups: [{ securityGroupId: "sg-0123456789abcdef0" }],
        onPremisesPeers: [Peer.cidr("192.168.0.0/16")],
      }),
  },
  {
    module: "endpoints",
    api: "EndpointPolicy.s3Buckets",
    cause: "An organization ID with capitals in an endpoint policy",
    fix: "Use the o-... ID as Organizations shows it (lowercase).",
    path: "Gateway",
    prop: "policy.organizationId",
    received: '"o-UPPER"',
    build: (s) =>
      new GatewayEndpoint(s, "Gateway", {
        vpc: vpc(s),
        service: AwsService.S3,
        policy: EndpointPolicy.s3Buckets(["a-bucket"], { organizationId: "o-UPPER" }),
      }),
  },
  {
    module: "endpoints",
    api: "ResourceEndpoint",
    cause: "A Resource endpoint whose ports are unknown and that has no security group",
    fix: "Pass ports (the configuration's), or your own securityGroups.",
    path: "Rds",
    prop: "ports",
    received: "[]",
    build: (s) =>
      new ResourceEndpoint(s, "Rds", {
        vpc: vpc(s),
        resourceConfiguration: {
          resourceConfigurationArn: "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0",
          ports: [],
        },
      }),
  },

  // endpoints: safe inputs (issue 12)
  {
    module: "endpoints",
    api: "AwsService.custom",
    cause: "A custom service name of another region than the endpoint's",
    fix: "Use the endpoint's region in the name, or set serviceRegion for a cross-region endpoint.",
    path: "Endpoint",
    prop: "service",
    received: '"com.amazonaws.eu-west-1.bedrock-runtime"',
    build: (s) => interfaceEndpoint(s, { service: AwsService.custom("com.amazonaws.eu-west-1.bedrock-runtime") }),
  },
  {
    module: "endpoints",
    api: "AwsService.custom",
    cause: "A custom service name with a mistyped region",
    fix: "Write the region as AWS does (us-east-1).",
    path: "Endpoint",
    prop: "service",
    received: '"com.amazonaws.us-east1.logs"',
    build: (s) => interfaceEndpoint(s, { service: AwsService.custom("com.amazonaws.us-east1.logs") }),
  },
  {
    module: "endpoints",
    api: "AwsService.custom",
    cause: "The cn.com.amazonaws prefix outside China",
    fix: "Use com.amazonaws.<region>.<name> outside the China regions.",
    path: "Endpoint",
    prop: "service",
    received: '"cn.com.amazonaws.us-east-1.athena"',
    build: (s) => interfaceEndpoint(s, { service: AwsService.custom("cn.com.amazonaws.us-east-1.athena") }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "A security group of another VPC",
    fix: "Use a group of the endpoint's VPC.",
    path: "Endpoint",
    prop: "securityGroups[0]",
    received: '"vpc-0123456789abcdef0"',
    build: (s) => interfaceEndpoint(s, { securityGroups: [{ securityGroupId: "sg-0123456789abcdef0", vpcId: "vpc-0123456789abcdef0" }] }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "DynamoDB's gateway endpoint given to the S3 interface endpoint",
    fix: "Pass the S3 gateway endpoint of the same VPC (private DNS for S3 needs it).",
    path: "Endpoint",
    prop: "gatewayEndpoint",
    received: '"dynamodb"',
    build: (s) =>
      interfaceEndpoint(s, {
        service: AwsService.S3,
        policy: EndpointPolicy.s3Buckets(["a-bucket"]),
        gatewayEndpoint: GatewayEndpoint.fromGatewayEndpointAttributes(s, "Dynamo", {
          vpcEndpointId: "vpce-0123456789abcdef0",
          service: AwsService.DYNAMODB,
        }),
      }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "A fixed endpoint address outside the VPC",
    fix: "Use an address of the subnet it is given for.",
    path: "Endpoint",
    prop: "subnetAddresses[0].ipv4",
    received: '"192.168.0.10"',
    build: (s) => {
      const network = vpc(s);
      interfaceEndpoint(s, { vpc: network, subnetAddresses: [{ subnet: network.privateSubnets[0], ipv4: "192.168.0.10" }] });
    },
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "Peers that together cover the internet (0.0.0.0/1 + 128.0.0.0/1)",
    fix: "Name the client CIDRs and groups, or leave allowedPeers unset (the VPC CIDR).",
    path: "Endpoint",
    prop: "allowedPeers",
    received: '["0.0.0.0/1","128.0.0.0/1"]',
    build: (s) => interfaceEndpoint(s, { allowedPeers: [Peer.cidr("0.0.0.0/1"), Peer.cidr("128.0.0.0/1")] }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "An empty list of peers",
    fix: "Leave allowedPeers unset (the VPC CIDR), or use open: false and connections to admit clients.",
    path: "Endpoint",
    prop: "allowedPeers",
    received: "[]",
    build: (s) => interfaceEndpoint(s, { allowedPeers: [] }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "open given as a string (a JavaScript caller)",
    fix: "Pass true or false.",
    path: "Endpoint",
    prop: "open",
    received: '"no"',
    build: (s) => interfaceEndpoint(s, { open: "no" as never }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "A tag key with the aws: prefix",
    fix: "Drop the prefix: AWS reserves it for its own tags.",
    path: "Endpoint",
    prop: "tags",
    received: '"aws:team"',
    build: (s) => interfaceEndpoint(s, { tags: { "aws:team": "x" } }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "A timeout that is not a duration",
    fix: 'Write a Terraform duration such as "10m" or "1h30m".',
    path: "Endpoint",
    prop: "timeouts.create",
    received: '"soon"',
    build: (s) => interfaceEndpoint(s, { timeouts: { create: "soon" } }),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint.fromInterfaceEndpointAttributes",
    cause: "An endpoint service ID where a VPC endpoint ID is expected",
    fix: "Pass the vpce-... ID of the endpoint, not the vpce-svc-... ID of the service.",
    path: "Imported",
    prop: "vpcEndpointId",
    received: '"vpce-svc-0123456789abcdef0"',
    build: (s) => InterfaceEndpoint.fromInterfaceEndpointAttributes(s, "Imported", { vpcEndpointId: "vpce-svc-0123456789abcdef0" }),
  },
  {
    module: "endpoints",
    api: "GatewayEndpoint.fromGatewayEndpointAttributes",
    cause: "An imported gateway endpoint of a service without gateway endpoints",
    fix: "Gateway endpoints exist for S3 and DynamoDB only.",
    path: "Imported",
    prop: "service",
    received: '"logs"',
    build: (s) => GatewayEndpoint.fromGatewayEndpointAttributes(s, "Imported", { vpcEndpointId: "vpce-0123456789abcdef0", service: AwsService.LOGS }),
  },
  {
    module: "endpoints",
    api: "GatewayEndpoint",
    cause: "A subnet ID among the route tables",
    fix: "Pass rtb-... IDs of the route tables to route through the endpoint.",
    path: "Gateway",
    prop: "routeTableIds[0]",
    received: '"subnet-0123456789abcdef0"',
    build: (s) =>
      new GatewayEndpoint(s, "Gateway", {
        vpc: vpc(s),
        service: AwsService.S3,
        policy: EndpointPolicy.s3Buckets(["a-bucket"]),
        routeTableIds: ["subnet-0123456789abcdef0"],
      }),
  },
  {
    module: "endpoints",
    api: "GatewayEndpoint",
    cause: "The same route table twice",
    fix: "List each route table once.",
    path: "Gateway",
    prop: "routeTableIds[1]",
    received: '"rtb-0123456789abcdef0"',
    build: (s) =>
      new GatewayEndpoint(s, "Gateway", {
        vpc: vpc(s),
        service: AwsService.S3,
        policy: EndpointPolicy.s3Buckets(["a-bucket"]),
        routeTableIds: ["rtb-0123456789abcdef0", "rtb-0123456789abcdef0"],
      }),
  },
  {
    module: "endpoints",
    api: "EndpointPolicy.allowAll",
    cause: "allowAll given a boolean instead of a reason",
    fix: 'Say why: EndpointPolicy.allowAll(OptOut.because("...")).',
    path: "Endpoint",
    prop: "policy",
    received: '"yes"',
    build: (s) => interfaceEndpoint(s, { policy: EndpointPolicy.allowAll("yes" as never) }),
  },
  {
    module: "endpoints",
    api: "EndpointOnlyBucketPolicy",
    cause: "A bucket ARN where the bucket name is expected",
    fix: "Pass the bucket's name (the message shows it).",
    path: "BucketPolicy",
    prop: "bucketName",
    received: '"arn:aws:s3:::a-bucket"',
    build: (s) =>
      new EndpointOnlyBucketPolicy(s, "BucketPolicy", {
        bucketName: "arn:aws:s3:::a-bucket",
        endpoints: [{ vpcEndpointId: "vpce-0123456789abcdef0" }],
        deploymentRoleArns: ["arn:aws:iam::111111111111:role/deployer"],
      }),
  },
  {
    module: "endpoints",
    api: "EndpointOnlyBucketPolicy",
    cause: "A deployment role of another partition",
    fix: "Use the role ARN of the stack's partition (arn:aws:iam::... here).",
    path: "BucketPolicy",
    prop: "deploymentRoleArns[0]",
    received: '"arn:aws-cn:iam::111111111111:role/deployer"',
    build: (s) =>
      new EndpointOnlyBucketPolicy(s, "BucketPolicy", {
        bucketName: "a-bucket",
        endpoints: [{ vpcEndpointId: "vpce-0123456789abcdef0" }],
        deploymentRoleArns: ["arn:aws-cn:iam::111111111111:role/deployer"],
      }),
  },
  {
    module: "endpoints",
    api: "PrivateAwsServiceAccess",
    cause: "An endpoint type in lowercase (a JavaScript caller)",
    fix: 'Use "Interface" or "Gateway", or leave it to the preset.',
    path: "Access",
    prop: "services[0].endpointType",
    received: '"gateway"',
    build: (s) =>
      new PrivateAwsServiceAccess(s, "Access", {
        vpc: vpc(s),
        services: ServiceAccessPresets.privateS3(["a-bucket"]).map((a) => ({ ...a, endpointType: "gateway" as never })),
      }),
  },
  {
    module: "endpoints",
    api: "ServiceNetworkEndpoint",
    cause: "A service network endpoint that opens no port",
    fix: "Leave ports unset (443) or list the ports the services listen on.",
    path: "Mesh",
    prop: "ports",
    received: "[]",
    build: (s) =>
      new ServiceNetworkEndpoint(s, "Mesh", { vpc: vpc(s), serviceNetwork: { serviceNetworkArn: LOG_SOURCE.serviceNetworkArn }, ports: [] }),
  },
  {
    module: "endpoints",
    api: "CentralizedEndpoints",
    cause: "open: false together with allowedPeers",
    fix: "Drop allowedPeers and admit the spokes through central.connections, or leave open unset.",
    path: "Central",
    prop: "open",
    received: "false",
    build: (s) =>
      new CentralizedEndpoints(s, "Central", {
        vpc: vpc(s),
        spokes: [{ name: "orders", vpc: new Vpc(s, "Orders", { name: "orders", cidrBlock: "10.1.0.0/16", availabilityZones: AZS }) }],
        open: false,
        allowedPeers: [Peer.cidr("10.1.0.0/16")],
        services: ServiceAccessPresets.kms([KMS_KEY]),
      }),
  },
  {
    module: "endpoints",
    api: "ResourceEndpoint",
    cause: "A resource configuration of another region",
    fix: "Reach a configuration of the endpoint's region (shared to this account if need be).",
    path: "Rds",
    prop: "resourceConfiguration.resourceConfigurationArn",
    received: '"arn:aws:vpc-lattice:eu-west-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0"',
    build: (s) =>
      new ResourceEndpoint(s, "Rds", {
        vpc: vpc(s),
        resourceConfiguration: {
          resourceConfigurationArn: "arn:aws:vpc-lattice:eu-west-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0",
          ports: [{ from: 5432, to: 5432 }],
        },
      }),
  },
  {
    module: "endpoints",
    api: "ServiceNetworkEndpoint",
    cause: "A service network ID where its ARN is expected",
    fix: "Pass the network's ARN (arn:aws:vpc-lattice:<region>:<account>:servicenetwork/sn-...).",
    path: "Mesh",
    prop: "serviceNetwork.serviceNetworkArn",
    received: '"sn-0123456789abcdef0"',
    build: (s) => new ServiceNetworkEndpoint(s, "Mesh", { vpc: vpc(s), serviceNetwork: { serviceNetworkArn: "sn-0123456789abcdef0" } }),
  },
  {
    module: "endpoints",
    api: "Ec2InstanceConnectEndpoint",
    cause: "preserveClientIp given as a string (a JavaScript caller)",
    fix: "Pass true or false.",
    path: "Operators",
    prop: "preserveClientIp",
    received: '"yes"',
    build: (s) => new Ec2InstanceConnectEndpoint(s, "Operators", { vpc: vpc(s), preserveClientIp: "yes" as never }),
  },

  // resources
  {
    module: "resources",
    api: "ResourceGateway",
    cause: "A gateway name shorter than 3 characters",
    fix: "Use 3 to 40 lowercase letters, digits and hyphens.",
    path: "Gateway",
    prop: "name",
    received: '"ab"',
    build: (s) => gateway(s, { name: "ab" }),
  },
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
  {
    module: "resources",
    api: "ResourceGateway",
    cause: "More than 5 security groups on a gateway",
    fix: "Use at most 5 groups.",
    path: "Gateway",
    prop: "securityGroups",
    received: JSON.stringify(["a", "b", "c", "d", "e", "f"].map((n) => ({ securityGroupId: `sg-${n}` }))),
    build: (s) => gateway(s, { securityGroups: ["a", "b", "c", "d", "e", "f"].map((n) => ({ securityGroupId: `sg-${n}` })) }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "A descending port range",
    fix: 'Write ranges low-high, e.g. "8000-8100".',
    path: "Config",
    prop: "portRanges[1]",
    received: '"100-50"',
    build: (s) => configuration(s, { portRanges: ["443", "100-50"] }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "A resource ARN that is not an ARN",
    fix: "Pass the resource's ARN (e.g. arn:aws:rds:...:db:orders).",
    path: "Config",
    prop: "arnResource.arn",
    received: '"db-orders"',
    build: (s) => configuration(s, { dnsResource: undefined, arnResource: { arn: "db-orders" }, portRanges: undefined }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "A SINGLE configuration with no resource",
    fix: "Give resource: ResourceDefinition.dns, .ipAddress or .arn.",
    path: "Config",
    prop: "resource, dnsResource, ipResource, arnResource",
    received: '"none of them"',
    build: (s) => configuration(s, { dnsResource: undefined }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "A DNS resource without port ranges",
    fix: 'List the ports clients use, e.g. ["5432"].',
    path: "Config",
    prop: "portRanges",
    received: "[]",
    build: (s) => configuration(s, { portRanges: [] }),
  },
  {
    module: "resources",
    api: "ResourceConfiguration",
    cause: "A CHILD configuration without its group",
    fix: "Give resourceConfigurationGroup (a GROUP configuration).",
    path: "Config",
    prop: "resourceConfigurationGroup",
    received: "undefined",
    build: (s) => configuration(s, { type: "CHILD", resourceGateway: undefined }),
  },
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
    build: (s) =>
      new ResourceEndpoint(s, "Endpoint", {
        vpc: new Vpc(s, "ClientVpc", { name: "client", cidrBlock: "10.9.0.0/16", availabilityZones: ["us-east-1c", "us-east-1d"] }),
        resourceConfiguration: configuration(s),
      }),
  },
  {
    module: "lattice",
    api: "ServiceNetwork",
    cause: "An auth policy on a network of resource configurations only",
    fix: "Drop the policy (AWS applies none to resource configurations), or make a network for services without resourceConfigurationsOnly.",
    path: "Network",
    prop: "authPolicy",
    received: '"a policy with resourceConfigurationsOnly"',
    build: (s) => network(s, { resourceConfigurationsOnly: true }),
  },
  {
    module: "lattice",
    api: "ServiceNetworkServiceAssociation",
    cause: "A service associated with a network of resource configurations only",
    fix: "Put the service in a network made for services, with an auth policy.",
    path: "Network/Service-orders",
    prop: "serviceNetwork",
    received: '"test/Network"',
    build: (s) =>
      network(s, { authPolicy: undefined, resourceConfigurationsOnly: true }).associateService("orders", {
        serviceArn: SERVICE_ARN,
        serviceId: "svc-0123456789abcdef0",
      }),
  },

  // required props missing: JavaScript callers and `as never` casts get a ValidationError, never a TypeError
  {
    module: "vpc",
    api: "Vpc",
    cause: "No availabilityZones (a JavaScript caller)",
    fix: "Pass the AZs to place one private subnet in each.",
    path: "Vpc",
    prop: "availabilityZones",
    received: "undefined",
    build: (s) => new Vpc(s, "Vpc", { name: "bad", cidrBlock: "10.0.0.0/16" } as never),
  },
  {
    module: "vpc",
    api: "SecurityGroup",
    cause: "A security group without a VPC",
    fix: "Pass the VPC the group belongs to.",
    path: "Sg",
    prop: "vpc",
    received: "undefined",
    build: (s) => new SecurityGroup(s, "Sg", { description: "API servers" } as never),
  },
  {
    module: "vpc",
    api: "SecurityGroup.addIngressRule",
    cause: "A rule without a peer",
    fix: "Say who the rule admits: Peer.cidr, Peer.securityGroup or Peer.prefixList.",
    path: "Sg",
    prop: "peer",
    received: "undefined",
    build: (s) => group(s).addIngressRule({ port: 443, description: "HTTPS" } as never),
  },
  {
    module: "vpc",
    api: "PrivateHostedZone",
    cause: "A private zone without a VPC (a JavaScript caller)",
    fix: "Pass the VPC of the zone's account it is created with.",
    path: "Zone",
    prop: "vpc",
    received: "undefined",
    build: (s) => new PrivateHostedZone(s, "Zone", { zoneName: "internal.example.com" } as never),
  },
  {
    module: "ram",
    api: "ResourceShare",
    cause: "A share without principals",
    fix: "Name the accounts, OUs or organization to share with.",
    path: "Share",
    prop: "principals",
    received: "undefined",
    build: (s) => new ResourceShare(s, "Share", { name: "orders" } as never),
  },
  {
    module: "endpoints",
    api: "InterfaceEndpoint",
    cause: "An interface endpoint without a service",
    fix: "Pass an AwsService or an endpoint service.",
    path: "Endpoint",
    prop: "service",
    received: "undefined",
    build: (s) => new InterfaceEndpoint(s, "Endpoint", { vpc: vpc(s), policy: EndpointPolicy.allowAll() } as never),
  },
  {
    module: "endpoints",
    api: "GatewayEndpoint",
    cause: "A gateway endpoint without a policy",
    fix: "Pick an EndpointPolicy preset, or EndpointPolicy.allowAll() by name.",
    path: "Gateway",
    prop: "policy",
    received: "undefined",
    build: (s) => new GatewayEndpoint(s, "Gateway", { vpc: vpc(s), service: AwsService.S3 } as never),
  },
  {
    module: "endpoints",
    api: "ResourceEndpoint",
    cause: "A Resource endpoint without a configuration",
    fix: "Pass the resource configuration to reach.",
    path: "Rds",
    prop: "resourceConfiguration",
    received: "undefined",
    build: (s) => new ResourceEndpoint(s, "Rds", { vpc: vpc(s) } as never),
  },
  {
    module: "privatelink",
    api: "NetworkLoadBalancer",
    cause: "A load balancer without listeners",
    fix: "Give at least one TCP or TLS listener.",
    path: "Nlb",
    prop: "listeners",
    received: "undefined",
    build: (s) => new NetworkLoadBalancer(s, "Nlb", { vpc: vpc(s) } as never),
  },
  {
    module: "lattice",
    api: "ServiceNetwork",
    cause: "A service network without a name",
    fix: "Name it: 3-63 lowercase letters, digits and hyphens.",
    path: "Network",
    prop: "name",
    received: "undefined",
    build: (s) => new ServiceNetwork(s, "Network", {} as never),
  },
  {
    module: "lattice",
    api: "LatticeService",
    cause: "A service without a name",
    fix: "Name it: 3-40 lowercase letters, digits and hyphens.",
    path: "Service",
    prop: "name",
    received: "undefined",
    build: (s) => new LatticeService(s, "Service", {} as never),
  },
  {
    module: "lattice",
    api: "LatticeTargetGroup",
    cause: "A target group without a config (or the deprecated type)",
    fix: "Give config: LatticeTargetGroupConfig.instances, ipAddresses, lambda or applicationLoadBalancer.",
    path: "Targets",
    prop: "config",
    received: "undefined",
    build: (s) => new LatticeTargetGroup(s, "Targets", { name: "orders" } as never),
  },

  // guardrails
  {
    module: "guardrails",
    api: "suppress",
    cause: "A suppression reason under 10 characters",
    fix: "Say why the finding is acceptable here, in a sentence.",
    path: "Thing",
    prop: "reason",
    received: '"ok"',
    build: (s) => suppress(thing(s), "PN-RAM2", "ok"),
  },
  {
    module: "guardrails",
    api: "suppress",
    cause: "A suppression of an unknown rule",
    fix: "Use a rule ID from docs/ERRORS.md (the message suggests the closest).",
    path: "Thing",
    prop: "ruleId",
    received: '"PN-RAM3"',
    build: (s) => suppress(thing(s), "PN-RAM3", "a partner share, agreed with security"),
  },

  // resources: safe inputs by meaning, existing resources, the halves of the cross-account patterns
  ...RESOURCE_BAD_INPUTS,
  ...APP_BAD_INPUTS,
  // found by reviewing the published API as users would
  ...ENDPOINT_BAD_INPUTS,
  ...LATTICE_BAD_INPUTS,
  ...VPC_BAD_INPUTS,
  ...FLOW_BAD_INPUTS,
  ...GUARDRAIL_BAD_INPUTS,
  ...PRIVATELINK_BAD_INPUTS,
];
