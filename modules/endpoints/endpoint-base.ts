import { Annotations, ITerraformDependable, TerraformProvider, TerraformStack } from "../core/cdktf";
import { Construct, IConstruct } from "constructs";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { VpcEndpoint, VpcEndpointSubnetConfiguration } from "@cdktf/provider-aws/lib/vpc-endpoint";
import {
  cidrSubnet,
  parseCidr,
  resolvedValue,
  AppCounter,
  AWS_DEFAULT_QUOTAS,
  AWS_LIMITS,
  AwsResourceProps,
  checkBoolean,
  checkInstance,
  checkIntegerRange,
  checkKnownProps,
  checkList,
  checkObject,
  checkOneOf,
  checkPattern,
  checkPortRanges,
  checkResourceId,
  checkTags,
  cidrsCoverAddressSpace,
  formatPortRange,
  isUnresolved,
  literalRegionOf,
  nameFromPath,
  PortRange,
  requireProps,
  resolveRegion,
  ValidationError,
} from "../core";
import {
  checkInVpc,
  checkSubnetObjects,
  defaultSubnetsOf,
  checkIsVpc,
  checkVpcDns,
  Connections,
  IConnectable,
  IpAddressType,
  ISecurityGroup,
  ISubnet,
  IVpc,
  Peer,
  SecurityGroup,
  vpcClientPeers,
  zoneOf,
  vpcOwnerProviderOf,
} from "../vpc";

/**
 * The literal IPv4 CIDR of a subnet this configuration creates: a literal,
 * or `cidrsubnet` of literals as Vpc writes it; undefined when only
 * Terraform knows it.
 * @internal
 */
export function literalCidrOfSubnet(scope: IConstruct, subnet: Subnet): string | undefined {
  const cidr = resolvedValue(scope, subnet.cidrBlockInput);
  if (typeof cidr !== "string") return undefined;
  if (parseCidr(cidr) !== undefined) return cidr;
  const call = /^\$\{cidrsubnet\("([0-9./]+)", (\d+), (\d+)\)\}$/.exec(cidr);
  return call === null ? undefined : cidrSubnet(call[1], Number(call[2]), Number(call[3]));
}

/**
 * The IPv4 CIDRs of every subnet of `vpc`, when this configuration creates
 * the VPC (an `aws_vpc` of the stack) and every `aws_subnet` of the stack in
 * it has a CIDR known at synth (IPv6-only subnets have none); undefined
 * otherwise.
 * @internal
 */
export function literalSubnetCidrsOf(scope: IConstruct, vpc: IVpc): string[] | undefined {
  const vpcId = resolvedValue(scope, vpc.vpcId);
  if (typeof vpcId !== "string" || !/^\$\{aws_vpc\.[\w-]+\.id\}$/.test(vpcId)) return undefined;
  const cidrs: string[] = [];
  for (const construct of TerraformStack.of(scope).node.findAll()) {
    if (!(construct instanceof Subnet) || resolvedValue(scope, construct.vpcIdInput) !== vpcId) continue;
    if (construct.cidrBlockInput === undefined && resolvedValue(scope, construct.ipv6NativeInput) === true) continue;
    const cidr = literalCidrOfSubnet(scope, construct);
    if (cidr === undefined) return undefined;
    cidrs.push(cidr);
  }
  return cidrs;
}

/** IP families of the DNS records an endpoint publishes. */
export type DnsRecordIpType = "ipv4" | "dualstack" | "ipv6" | "service-defined";

const IP_ADDRESS_TYPES: readonly IpAddressType[] = ["ipv4", "dualstack", "ipv6"];

/**
 * An endpoint's IP address type every subnet of known type supports: AWS
 * places an IPv6-only endpoint in IPv6-only subnets only, a dualstack one
 * in dual-stack subnets, and an IPv4 one (the default) in subnets with
 * IPv4 addresses (IPv4 or dual-stack), never in IPv6-only ones.
 * @internal
 */
export function checkSubnetsFitIpAddressType(endpoint: IConstruct, ipAddressType: IpAddressType | undefined, subnets: readonly ISubnet[]): void {
  if (isUnresolved(ipAddressType)) return;
  const known = subnets.filter((s) => s.ipAddressType !== undefined && !isUnresolved(s.ipAddressType));
  if (ipAddressType === undefined || ipAddressType === "ipv4") {
    const ipv6Only = known.find((s) => s.ipAddressType === "ipv6");
    if (ipv6Only !== undefined)
      throw new ValidationError(
        endpoint,
        "ipAddressType",
        ipAddressType,
        `an IP address type every subnet supports (subnet ${ipv6Only.subnetId} is IPv6-only, and AWS places ${ipAddressType === undefined ? "an endpoint of the default ipv4 type" : "ipv4 endpoints"} in subnets with IPv4 addresses only; ipAddressType "ipv6" needs every subnet IPv6-only)`,
      );
    return;
  }
  const misfit = known.find((s) => s.ipAddressType !== ipAddressType);
  if (misfit !== undefined) {
    throw new ValidationError(
      endpoint,
      "ipAddressType",
      ipAddressType,
      `an IP address type every subnet supports (a subnet is ${misfit.ipAddressType}; ${ipAddressType} endpoints need ${ipAddressType === "ipv6" ? "IPv6-only" : "dual-stack"} subnets)`,
    );
  }
}
const DNS_RECORD_IP_TYPES: readonly DnsRecordIpType[] = ["ipv4", "dualstack", "ipv6", "service-defined"];

/**
 * True when an endpoint of this IP address type has IPv6 addresses
 * (dualstack, ipv6): its clients' IPv6 block must be admitted, and names
 * that alias it need AAAA records.
 * @internal
 */
export function hasIpv6Addresses(ipAddressType: IpAddressType | undefined): boolean {
  return ipAddressType === "ipv6" || ipAddressType === "dualstack";
}

/**
 * The record types an endpoint's regional DNS name answers, which alias
 * records to it take: those of its DNS record IP type (ipv4: A, ipv6: AAAA,
 * dualstack and service-defined: both), else those of its IP address type,
 * which AWS's default record type follows (ipv4: A, dualstack: both, ipv6:
 * AAAA). An alias of a type the endpoint publishes no record of answers
 * nothing: an IPv4 client would get no address of an IPv6-only endpoint,
 * and an IPv6 client none of a dual-stack endpoint with IPv4 records only.
 * @internal
 */
export function aliasRecordTypes(ipAddressType: IpAddressType | undefined, dnsRecordIpType: DnsRecordIpType | undefined): ("A" | "AAAA")[] {
  if (dnsRecordIpType !== undefined && !isUnresolved(dnsRecordIpType)) {
    if (dnsRecordIpType === "ipv4") return ["A"];
    if (dnsRecordIpType === "ipv6") return ["AAAA"];
    return ["A", "AAAA"];
  }
  if (ipAddressType === "ipv6") return ["AAAA"];
  return hasIpv6Addresses(ipAddressType) ? ["A", "AAAA"] : ["A"];
}

/** Endpoints created per VPC in this app, to warn when the quota is crossed. */
const endpointsPerVpc = new AppCounter<IVpc>();

/** Private DNS for VPC Lattice endpoints is opt-in: it adds private hosted zones that change name resolution in the whole VPC. */
export interface LatticeEndpointDnsProps {
  /**
   * Resolve the custom domain names of the target inside the VPC.
   * @default false
   */
  readonly privateDnsEnabled?: boolean;
}

/** A VPC endpoint of any type, created here or imported. */
export interface IVpcEndpoint {
  /** `vpce-…` */
  readonly vpcEndpointId: string;
  /**
   * Makes what this configuration builds on the endpoint wait for
   * `acceptance`, the service owner's acceptance of its connection: AWS
   * refuses, for one, a route to an endpoint still pendingAcceptance.
   * EndpointConnectionAccepter calls it.
   * @default - nothing waits: the endpoint has nothing that needs its acceptance
   */
  whenAccepted?(acceptance: ITerraformDependable): void;
}

/** An endpoint with network interfaces (Interface, Resource, ServiceNetwork), created here or imported: its security groups take rules through `connections`. */
export interface INetworkEndpoint extends IVpcEndpoint, IConnectable {}

/** How long Terraform waits for the endpoint (Go durations such as `10m`, `1h30m`); endpoints to services that accept slowly need more than the provider's 10 minutes. */
export interface EndpointTimeouts {
  /** @default - the provider's (10m) */
  readonly create?: string;
  /** @default - the provider's (10m) */
  readonly update?: string;
  /** @default - the provider's (10m) */
  readonly delete?: string;
}

/** Placement, security groups and DNS: what every endpoint with network interfaces (Interface, Resource, ServiceNetwork) shares. */
export interface NetworkEndpointProps extends AwsResourceProps {
  /** The VPC the endpoint's network interfaces go in. */
  readonly vpc: IVpc;
  /**
   * Subnets for the endpoint's network interfaces, at most one per
   * availability zone (AWS allows only one), all of `vpc`.
   * @default - the VPC's private subnets
   */
  readonly subnets?: readonly ISubnet[];
  /**
   * Fewest availability zones the subnets must cover, so that one AZ outage
   * does not cut the VPC off the service. Set 1 for test environments.
   * @default 2
   */
  readonly minAvailabilityZones?: number;
  /**
   * Security groups to attach instead of creating one, all of `vpc`. Their
   * own rules stay yours; `connections` adds rules to those this library
   * manages (created here, or imported with `SecurityGroup.fromSecurityGroupAttributes`).
   * @default - a new group, admitting the VPC's clients on the endpoint's ports unless `open: false`
   */
  readonly securityGroups?: readonly ISecurityGroup[];
  /**
   * Whether the security group created for the endpoint admits the VPC's
   * IPv4 CIDR on the endpoint's ports. `false` admits nobody until
   * `connections.allowFrom(...)` (or `allowDefaultPortFrom`) says who.
   * @default true
   */
  readonly open?: boolean;
  /**
   * Who may connect, in the security group created for the endpoint, instead of the VPC's CIDR. Never 0.0.0.0/0.
   * @default - the VPC's IPv4 CIDR (see `open`)
   * @deprecated Use `open: false` and `endpoint.connections.allowDefaultPortFrom(peer, description)`; each peer given here is admitted through `connections`, on every port of the endpoint, with the same rules and addresses as before.
   */
  readonly allowedPeers?: readonly Peer[];
  /**
   * IP family of the endpoint's network interfaces.
   * @default - AWS's default, ipv4
   */
  readonly ipAddressType?: IpAddressType;
  /**
   * IP family of the DNS records the endpoint publishes.
   * @default - AWS's default for the IP address type
   */
  readonly dnsRecordIpType?: DnsRecordIpType;
  /**
   * Tags of the endpoint (its `Name` tag is its construct path unless given here).
   * @default - the Name tag only
   */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * How long Terraform waits for the endpoint to be created, updated or deleted.
   * @default - the provider's timeouts
   */
  readonly timeouts?: EndpointTimeouts;
}

/**
 * What the endpoint type puts on its `aws_vpc_endpoint`, next to the VPC,
 * security groups, IP family and tags that every type shares.
 * @internal
 */
export interface EndpointResourceSettings {
  /** Always explicit: the provider's default (Gateway) is never what these endpoints mean. */
  readonly vpcEndpointType: "Interface" | "Resource" | "ServiceNetwork";
  /** Where the network interfaces go: every placement subnet, or those in the AZs the service supports. */
  readonly subnetIds: string[];
  /** Always explicit, so a provider default never decides name resolution. */
  readonly privateDnsEnabled: boolean;
  /** Interface endpoints: the full service name. @default - none */
  readonly serviceName?: string;
  /** Interface endpoints: the service's region, when another one. @default - the endpoint's region */
  readonly serviceRegion?: string;
  /** Resource endpoints: the configuration. @default - none */
  readonly resourceConfigurationArn?: string;
  /** ServiceNetwork endpoints: the network. @default - none */
  readonly serviceNetworkArn?: string;
  /** @default - AWS's default */
  readonly privateDnsOnlyForInboundResolverEndpoint?: boolean;
  /** @default - no policy attribute (AWS's default) */
  readonly policy?: string;
  /** Interface endpoints: fixed addresses per subnet. @default - AWS picks the addresses */
  readonly subnetConfiguration?: VpcEndpointSubnetConfiguration[];
  /** @default - none */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/** What an endpoint type keeps of the shared steps. */
interface EndpointParts {
  readonly resource: VpcEndpoint;
  readonly securityGroup?: SecurityGroup;
  readonly securityGroupIds: readonly string[];
  readonly connections: Connections;
}

/** Attributes of an endpoint with network interfaces made elsewhere (another configuration or account). */
export interface NetworkEndpointAttributes {
  /** `vpce-…` */
  readonly vpcEndpointId: string;
  /**
   * Its security groups, so that `connections` can add rules to them
   * (those imported with `SecurityGroup.fromSecurityGroupAttributes`).
   * @default - none: `connections` fails until groups are added
   */
  readonly securityGroups?: readonly ISecurityGroup[];
  /** The port clients use, for `connections.allowDefaultPortFrom`. @default - none */
  readonly port?: PortRange;
}

/**
 * The props every endpoint with network interfaces takes, for the
 * checkKnownProps list of each type (the base does not check: each type adds its own).
 * @internal
 */
export const NETWORK_ENDPOINT_PROPS: Record<keyof NetworkEndpointProps, true> = {
  vpc: true,
  subnets: true,
  minAvailabilityZones: true,
  securityGroups: true,
  open: true,
  allowedPeers: true,
  ipAddressType: true,
  dnsRecordIpType: true,
  tags: true,
  timeouts: true,
  provider: true,
};

/** @internal */
export const LATTICE_ENDPOINT_DNS_PROPS: Record<keyof LatticeEndpointDnsProps, true> = { privateDnsEnabled: true };

const NETWORK_ENDPOINT_ATTRIBUTES: Record<keyof NetworkEndpointAttributes, true> = { vpcEndpointId: true, securityGroups: true, port: true };

/**
 * Base of the endpoints that place network interfaces in subnets (Interface,
 * Resource, ServiceNetwork). Each type's constructor reads top to bottom:
 * its own props, then `checkPlacement` (subnets), `securityGroupsFor` (the
 * security group and `connections`) and `createResource` (the
 * `aws_vpc_endpoint`, id `Resource`), the steps every type shares.
 */
export abstract class NetworkEndpointBase extends Construct implements INetworkEndpoint {
  /**
   * An endpoint made elsewhere, by its `vpce-…` ID.
   * @deprecated Use `InterfaceEndpoint.fromInterfaceEndpointAttributes(scope, id, { vpcEndpointId })` (or the Resource and ServiceNetwork endpoints' importers), which also takes its security groups for `connections`.
   */
  public static fromVpcEndpointId(scope: Construct, id: string, vpcEndpointId: string): IVpcEndpoint {
    return new ImportedNetworkEndpoint(scope, id, { vpcEndpointId });
  }

  /** The `aws_vpc_endpoint`, for escape hatches. */
  public abstract readonly resource: VpcEndpoint;
  /** The group created for the endpoint; undefined when `securityGroups` were given. */
  public abstract readonly securityGroup?: SecurityGroup;
  /** IDs of every security group on the endpoint. */
  public abstract readonly securityGroupIds: readonly string[];
  /** Who may reach the endpoint: `endpoint.connections.allowDefaultPortFrom(peer, "why")`. */
  public abstract readonly connections: Connections;
  /** The VPC the endpoint is in. */
  public readonly vpc: IVpc;
  /** The provider the endpoint's resources use. */
  public readonly provider?: TerraformProvider;

  protected constructor(scope: Construct, id: string, props: NetworkEndpointProps) {
    super(scope, id);
    requireProps(this, props, ["vpc"]);
    // A VPC ID where the VPC is meant would read as a VPC without subnets: say what is wrong.
    checkIsVpc(this, "vpc", props.vpc);
    this.vpc = props.vpc;
    this.provider = vpcOwnerProviderOf(this, props, props.vpc, "VPC endpoints");
  }

  /** `vpce-…` */
  public get vpcEndpointId(): string {
    return this.resource.id;
  }

  /** The endpoint's network interfaces (`network_interface_ids`), known at apply. */
  public get networkInterfaceIds(): string[] {
    return this.resource.networkInterfaceIds;
  }

  /**
   * The subnets the network interfaces go in, checked: of the endpoint's VPC,
   * one per known AZ, enough AZs, and IP families that fit `ipAddressType`.
   * @internal
   */
  protected checkPlacement(props: NetworkEndpointProps): readonly ISubnet[] {
    checkOneOf(this, "ipAddressType", props.ipAddressType, IP_ADDRESS_TYPES);
    checkOneOf(this, "dnsRecordIpType", props.dnsRecordIpType, DNS_RECORD_IP_TYPES);
    const prop = props.subnets === undefined ? "vpc.privateSubnets" : "subnets";
    // Subnet ID strings (or a list only Terraform knows) would render as no subnet at all: subnet_ids [] or null.
    const subnets =
      props.subnets === undefined
        ? defaultSubnetsOf(this, prop, props.vpc)
        : checkSubnetObjects(this, prop, props.subnets, "subnetId", "vpc.selectSubnets()", "endpoints are placed in");
    if (!isUnresolved(subnets) && subnets.length === 0) {
      throw new ValidationError(this, prop, [], "at least one subnet for the endpoint's network interfaces");
    }
    checkInVpc(this, prop, subnets, props.vpc);
    const seen = new Set<string>();
    for (const subnet of subnets) {
      const az = zoneOf(subnet);
      if (az === undefined || isUnresolved(az)) continue;
      if (seen.has(az)) {
        throw new ValidationError(this, prop, az, "at most one subnet per availability zone (AWS places one network interface per AZ)");
      }
      seen.add(az);
    }
    const minAzs = props.minAvailabilityZones ?? 2;
    checkIntegerRange(this, "minAvailabilityZones", minAzs, 1, 16);
    const azCount = subnets.every((s) => zoneOf(s) !== undefined && !isUnresolved(zoneOf(s))) ? seen.size : subnets.length;
    if (azCount < minAzs) {
      throw new ValidationError(
        this,
        prop,
        `subnets in ${azCount} availability zone(s)`,
        `subnets in at least ${minAzs} availability zones (set minAvailabilityZones: 1 to accept a single-AZ endpoint)`,
      );
    }
    checkSubnetsFitIpAddressType(this, props.ipAddressType, subnets);
    checkDnsRecordIpType(this, props);
    return subnets;
  }

  /**
   * The given security groups, or a new one that opens `ports` (what the
   * endpoint reaches, named by `targetLabel` in the rules) to the VPC's
   * clients (or the deprecated `allowedPeers`); and the `connections` over
   * them, whose default port is the first of `ports`. With `servedOnly`
   * (an interface endpoint, which carries its service's ports only),
   * `connections` refuses a rule to the endpoint on another port.
   * @internal
   */
  protected securityGroupsFor(
    props: NetworkEndpointProps,
    ports: readonly PortRange[],
    targetLabel: string,
    options: { readonly servedOnly?: boolean } = {},
  ): Omit<EndpointParts, "resource"> {
    checkBoolean(this, "open", props.open);
    const allowedPeers = checkPeers(this, "allowedPeers", props.allowedPeers);
    const given = checkList(this, "securityGroups", props.securityGroups);
    if (given !== undefined && allowedPeers !== undefined) {
      throw new ValidationError(
        this,
        "allowedPeers",
        "allowedPeers with securityGroups",
        "either securityGroups (your rules) or allowedPeers (rules of the group created here), not both",
      );
    }
    if (allowedPeers !== undefined && props.open === false) {
      throw new ValidationError(
        this,
        "open",
        false,
        "unset with allowedPeers (which say who is admitted), or drop allowedPeers and add peers through connections",
      );
    }
    const defaultPort = ports[0];
    const servedPorts = options.servedOnly === true ? ports : undefined;
    if (given !== undefined) {
      if (!isUnresolved(given) && given.length === 0) {
        throw new ValidationError(this, "securityGroups", [], "at least one security group, or leave it unset to create one");
      }
      if (!isUnresolved(given) && given.length > AWS_LIMITS.securityGroupsPerNetworkInterface) {
        throw new ValidationError(
          this,
          "securityGroups",
          `${given.length} security groups`,
          `at most ${AWS_LIMITS.securityGroupsPerNetworkInterface}: the most AWS puts on one network interface (the quota, 5 by default, goes no higher)`,
        );
      }
      checkInVpc(this, "securityGroups", given, props.vpc);
      return {
        securityGroupIds: given.map((g) => g.securityGroupId),
        connections: new Connections(this, { securityGroups: given, defaultPort, servedPorts }),
      };
    }
    if (ports.length === 0) {
      throw new ValidationError(
        this,
        "ports",
        [],
        "at least one port range the endpoint's security group opens, or securityGroups whose rules are yours",
      );
    }
    const securityGroup = new SecurityGroup(this, "SecurityGroup", {
      provider: this.provider,
      vpc: props.vpc,
      description: `VPC endpoint to ${targetLabel}`.slice(0, 255),
    });
    const connections = new Connections(this, { securityGroups: [securityGroup], defaultPort, servedPorts });
    // Clients of an endpoint with IPv6 addresses reach it from the VPC's IPv6 block too.
    const ipv6 = hasIpv6Addresses(props.ipAddressType);
    const peers = allowedPeers ?? (props.open === false ? [] : vpcClientPeers(props.vpc, { ipv6 }));
    admitOnPorts(connections, peers, ports, targetLabel);
    return { securityGroup, securityGroupIds: [securityGroup.securityGroupId], connections };
  }

  /**
   * The `aws_vpc_endpoint` (construct id `Resource`) in the VPC, with the
   * security groups, tags, timeouts and the type's settings; counted against
   * the endpoints-per-VPC quota.
   * @internal
   */
  protected createResource(props: NetworkEndpointProps, securityGroupIds: readonly string[], settings: EndpointResourceSettings): VpcEndpoint {
    const { privateDnsOnlyForInboundResolverEndpoint, dependsOn, ...typeSettings } = settings;
    if (settings.privateDnsEnabled)
      checkVpcDns(
        this,
        "privateDnsEnabled",
        true,
        props.vpc,
        "the endpoint's private DNS (or privateDnsEnabled: false, and clients use the endpoint's own DNS names)",
      );
    const tags = checkTags(this, "tags", props.tags);
    const dnsOptions =
      props.dnsRecordIpType === undefined && privateDnsOnlyForInboundResolverEndpoint === undefined
        ? undefined
        : { dnsRecordIpType: props.dnsRecordIpType, privateDnsOnlyForInboundResolverEndpoint };
    const resource = new VpcEndpoint(this, "Resource", {
      ...typeSettings,
      provider: this.provider,
      vpcId: props.vpc.vpcId,
      securityGroupIds: [...securityGroupIds],
      ipAddressType: props.ipAddressType,
      dnsOptions,
      dependsOn: dependsOn === undefined ? undefined : [...dependsOn],
      tags: { Name: nameFromPath(this), ...tags },
      timeouts: checkTimeouts(this, props.timeouts),
    });
    this.countAgainstQuota(props.vpc);
    return resource;
  }

  /**
   * The three steps for an endpoint whose network interfaces go in every
   * placement subnet (Resource and ServiceNetwork endpoints).
   * @internal
   */
  protected createInEverySubnet(
    props: NetworkEndpointProps,
    ports: readonly PortRange[],
    targetLabel: string,
    settings: Omit<EndpointResourceSettings, "subnetIds">,
  ): EndpointParts {
    const subnets = this.checkPlacement(props);
    checkPortRanges(this, "ports", ports);
    const groups = this.securityGroupsFor(props, ports, targetLabel);
    const resource = this.createResource(props, groups.securityGroupIds, { ...settings, subnetIds: subnets.map((s) => s.subnetId) });
    return { ...groups, resource };
  }

  private countAgainstQuota(vpc: IVpc): void {
    const quota = AWS_DEFAULT_QUOTAS.endpointsPerVpc;
    const count = endpointsPerVpc.increment(this, vpc);
    if (count === quota + 1) {
      Annotations.of(this).addWarning(
        `Endpoint number ${count} in its VPC: the default quota is ${quota} interface endpoints per VPC. Request an increase (Service Quotas, Amazon VPC) before deploying, or share endpoints from a hub (CentralizedEndpoints).`,
      );
    }
  }
}

/** An endpoint made elsewhere: its ID, and its security groups for `connections`. @internal */
export class ImportedNetworkEndpoint extends Construct implements INetworkEndpoint {
  public readonly vpcEndpointId: string;
  public readonly connections: Connections;

  constructor(scope: Construct, id: string, attrs: NetworkEndpointAttributes) {
    super(scope, id);
    checkObject(this, "attrs", attrs);
    requireProps(this, attrs, ["vpcEndpointId"]);
    checkKnownProps(this, attrs, NETWORK_ENDPOINT_ATTRIBUTES);
    checkResourceId(this, "vpcEndpointId", attrs.vpcEndpointId, "vpcEndpoint");
    this.vpcEndpointId = attrs.vpcEndpointId;
    this.connections = new Connections(this, { securityGroups: checkList(this, "securityGroups", attrs.securityGroups), defaultPort: attrs.port });
  }
}

/** The IP address types whose endpoints can publish each DNS record type (AWS refuses the others). */
const DNS_RECORD_IP_TYPE_NEEDS: Readonly<Record<DnsRecordIpType, readonly IpAddressType[]>> = {
  ipv4: ["ipv4", "dualstack"],
  ipv6: ["ipv6", "dualstack"],
  dualstack: ["dualstack"],
  "service-defined": ["dualstack"],
};

/** DNS records of a family the endpoint has addresses of. */
function checkDnsRecordIpType(scope: Construct, props: NetworkEndpointProps): void {
  const records = props.dnsRecordIpType;
  if (records === undefined || isUnresolved(records) || isUnresolved(props.ipAddressType)) return;
  const addresses = props.ipAddressType ?? "ipv4";
  const needs = DNS_RECORD_IP_TYPE_NEEDS[records];
  if (!needs.includes(addresses)) {
    throw new ValidationError(
      scope,
      "dnsRecordIpType",
      records,
      `a DNS record type the endpoint's ${addresses} addresses can answer (${records} records need ipAddressType ${needs.join(" or ")})`,
    );
  }
}

/** One described TCP rule per peer and port range: the endpoint's ports, and nothing else. */
export function addEndpointIngressRules(group: SecurityGroup, peers: readonly Peer[], ports: readonly PortRange[], targetLabel: string): void {
  admitOnPorts(new Connections(group, { securityGroups: [group] }), peers, ports, targetLabel);
}

/** The ingress rules of an endpoint's clients, through `connections`: keyed and described as they always were, so their addresses stay. */
function admitOnPorts(connections: Connections, peers: readonly Peer[], ports: readonly PortRange[], targetLabel: string): void {
  for (const peer of peers) {
    for (const range of ports) {
      connections.allowFrom(peer, range, `Clients to ${targetLabel} through the VPC endpoint, TCP ${formatPortRange(range)}`.slice(0, 255));
    }
  }
}

/**
 * A peers prop, checked where the caller wrote it: a list of `Peer`s, not
 * empty (an empty list would admit nobody without saying so: `open: false`
 * says it), each rendered against this prop, and together narrower than the
 * whole internet (0.0.0.0/1 plus 128.0.0.0/1 is 0.0.0.0/0). Undefined when not given.
 */
export function checkPeers(scope: Construct, prop: string, peers: readonly Peer[] | undefined): readonly Peer[] | undefined {
  const list = checkList(scope, prop, peers);
  if (list === undefined || isUnresolved(list)) return list;
  if (list.length === 0) {
    throw new ValidationError(
      scope,
      prop,
      [],
      "at least one peer: to admit nobody by default, set open: false and add peers with connections.allowFrom",
    );
  }
  const cidrs = list.map((peer, i) => {
    checkInstance(
      scope,
      `${prop}[${i}]`,
      peer,
      (p): p is Peer => p instanceof Peer,
      "Peer.cidr(...), Peer.securityGroup(...) or Peer.prefixList(...)",
    );
    const fields = peer.render(scope, `${prop}[${i}]`);
    return fields.cidrIpv4 ?? fields.cidrIpv6;
  });
  for (const family of ["ipv4", "ipv6"] as const) {
    const literal = cidrs.filter((c): c is string => c !== undefined && !isUnresolved(c) && (family === "ipv6") === c.includes(":"));
    if (literal.length > 1 && cidrsCoverAddressSpace(literal, family)) {
      throw new ValidationError(scope, prop, literal, "CIDRs that together are narrower than the whole internet (these cover every address)");
    }
  }
  return list;
}

const DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;

/** Terraform's timeouts block: the operations the resource has, Go durations only, or the provider fails at plan. @internal */
export function checkTimeouts<T extends object>(
  scope: Construct,
  timeouts: T | undefined,
  operations: readonly string[] = ["create", "update", "delete"],
): T | undefined {
  checkObject(scope, "timeouts", timeouts);
  if (timeouts === undefined) return undefined;
  for (const [key, value] of Object.entries(timeouts)) {
    if (!operations.includes(key)) throw new ValidationError(scope, `timeouts.${key}`, value, `only ${operations.join(", ")}`);
    checkPattern(scope, `timeouts.${key}`, value, DURATION, 'a duration such as "10m" or "1h30m"');
  }
  return timeouts;
}

/**
 * The region of an endpoint to an AWS service, whose service name it is
 * part of: the `region` prop, else the provider's literal region. A prop
 * that contradicts the provider's literal region is refused: the endpoint
 * is created in the provider's region, and AWS refuses a service name of
 * another one.
 * @internal
 */
export function endpointRegion(scope: Construct, region: string | undefined, provider: TerraformProvider | undefined): string {
  const resolved = resolveRegion(scope, region, provider);
  const literal = literalRegionOf(scope, provider);
  if (region !== undefined && literal !== undefined && !isUnresolved(region) && region !== literal) {
    throw new ValidationError(
      scope,
      "region",
      region,
      `the region of the endpoint's provider (${literal}), where the endpoint is created, or unset: AWS refuses a service name of another region`,
    );
  }
  return resolved;
}
