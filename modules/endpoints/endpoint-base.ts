import { Annotations, ITerraformDependable, TerraformProvider } from "../core/cdktf";
import { Construct } from "constructs";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import {
  AppCounter,
  AWS_DEFAULT_QUOTAS,
  AwsResourceProps,
  checkIntegerRange,
  checkOneOf,
  checkPattern,
  formatPortRange,
  isUnresolved,
  nameFromPath,
  PortRange,
  providerOf,
  requireProps,
  ValidationError,
} from "../core";
import { IpAddressType, ISecurityGroup, ISubnet, IVpc, Peer, SecurityGroup, vpcClientPeers, zoneOf } from "../vpc";

/** IP families of the DNS records an endpoint publishes. */
export type DnsRecordIpType = "ipv4" | "dualstack" | "ipv6" | "service-defined";

const IP_ADDRESS_TYPES: readonly IpAddressType[] = ["ipv4", "dualstack", "ipv6"];
const DNS_RECORD_IP_TYPES: readonly DnsRecordIpType[] = ["ipv4", "dualstack", "ipv6", "service-defined"];

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
}

/** Placement, security groups and DNS: what every endpoint with network interfaces (Interface, Resource, ServiceNetwork) shares. */
export interface NetworkEndpointProps extends AwsResourceProps {
  /** The VPC the endpoint's network interfaces go in. */
  readonly vpc: IVpc;
  /**
   * Subnets for the endpoint's network interfaces, at most one per
   * availability zone (AWS allows only one).
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
   * Security groups to attach instead of creating one. Their rules are yours.
   * @default - a new group allowing only the endpoint's ports from `allowedPeers`
   */
  readonly securityGroups?: readonly ISecurityGroup[];
  /**
   * Who may connect, in the security group created for the endpoint. Only used
   * when `securityGroups` is not given. Never 0.0.0.0/0.
   * @default - the VPC's IPv4 CIDR
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
  /** The endpoint's security groups, from `securityGroupsFor`. */
  readonly securityGroupIds: readonly string[];
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
  /** @default - none */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/** An endpoint's security groups: the ones given, or the one created for it. */
interface EndpointSecurityGroups {
  readonly securityGroup?: SecurityGroup;
  readonly securityGroupIds: readonly string[];
}

/** What an endpoint type keeps of the shared steps. */
interface EndpointParts extends EndpointSecurityGroups {
  readonly resource: VpcEndpoint;
}

/**
 * Base of the endpoints that place network interfaces in subnets (Interface,
 * Resource, ServiceNetwork). Each type's constructor reads top to bottom:
 * its own props, then `checkPlacement` (subnets), `securityGroupsFor` (the
 * security group) and `createResource` (the `aws_vpc_endpoint`, id `Resource`),
 * the steps every type shares.
 */
export abstract class NetworkEndpointBase extends Construct implements IVpcEndpoint {
  /** An endpoint made elsewhere (another configuration or account), by its `vpce-…` ID. */
  public static fromVpcEndpointId(scope: Construct, id: string, vpcEndpointId: string): IVpcEndpoint {
    return new ImportedVpcEndpoint(scope, id, vpcEndpointId);
  }

  /** The `aws_vpc_endpoint`, for escape hatches. */
  public abstract readonly resource: VpcEndpoint;
  /** The group created for the endpoint; undefined when `securityGroups` were given. */
  public abstract readonly securityGroup?: SecurityGroup;
  /** IDs of every security group on the endpoint. */
  public abstract readonly securityGroupIds: readonly string[];
  /** The VPC the endpoint is in. */
  public readonly vpc: IVpc;
  /** The provider the endpoint's resources use. */
  public readonly provider?: TerraformProvider;

  protected constructor(scope: Construct, id: string, props: NetworkEndpointProps) {
    super(scope, id);
    requireProps(this, props, ["vpc"]);
    this.vpc = props.vpc;
    this.provider = providerOf(props, props.vpc);
  }

  /** `vpce-…` */
  public get vpcEndpointId(): string {
    return this.resource.id;
  }

  /**
   * The subnets the network interfaces go in, checked: one per known AZ,
   * enough AZs, and IP families that fit `ipAddressType`.
   * @internal
   */
  protected checkPlacement(props: NetworkEndpointProps): readonly ISubnet[] {
    checkOneOf(this, "ipAddressType", props.ipAddressType, IP_ADDRESS_TYPES);
    checkOneOf(this, "dnsRecordIpType", props.dnsRecordIpType, DNS_RECORD_IP_TYPES);
    const subnets = props.subnets ?? props.vpc.privateSubnets;
    const prop = props.subnets === undefined ? "vpc.privateSubnets" : "subnets";
    if (!isUnresolved(subnets) && subnets.length === 0) {
      throw new ValidationError(this, prop, [], "at least one subnet for the endpoint's network interfaces (an imported VPC needs privateSubnets, or pass subnets)");
    }
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
      throw new ValidationError(this, prop, `subnets in ${azCount} availability zone(s)`, `subnets in at least ${minAzs} availability zones (set minAvailabilityZones: 1 to accept a single-AZ endpoint)`);
    }
    if (props.ipAddressType !== undefined && props.ipAddressType !== "ipv4") {
      const misfit = subnets.find((s) => s.ipAddressType !== undefined && s.ipAddressType !== "dualstack" && s.ipAddressType !== props.ipAddressType);
      if (misfit !== undefined) {
        throw new ValidationError(this, "ipAddressType", props.ipAddressType, `an IP address type every subnet supports (a subnet is ${misfit.ipAddressType})`);
      }
    }
    return subnets;
  }

  /**
   * The given security groups, or a new one that opens `ports` (what the
   * endpoint reaches, named by `targetLabel` in the rules) to `allowedPeers`.
   * @internal
   */
  protected securityGroupsFor(props: NetworkEndpointProps, ports: readonly PortRange[], targetLabel: string): EndpointSecurityGroups {
    if (props.securityGroups !== undefined && props.allowedPeers !== undefined) {
      throw new ValidationError(this, "allowedPeers", "allowedPeers with securityGroups", "either securityGroups (your rules) or allowedPeers (rules of the group created here), not both");
    }
    if (props.securityGroups !== undefined) {
      if (props.securityGroups.length === 0) {
        throw new ValidationError(this, "securityGroups", [], "at least one security group, or leave it unset to create one");
      }
      return { securityGroupIds: props.securityGroups.map((g) => g.securityGroupId) };
    }
    const securityGroup = new SecurityGroup(this, "SecurityGroup", {
      provider: this.provider,
      vpc: props.vpc,
      description: `VPC endpoint to ${targetLabel}`.slice(0, 255),
    });
    addEndpointIngressRules(securityGroup, props.allowedPeers ?? vpcClientPeers(props.vpc), ports, targetLabel);
    return { securityGroup, securityGroupIds: [securityGroup.securityGroupId] };
  }

  /**
   * The `aws_vpc_endpoint` (construct id `Resource`) in the VPC, with the
   * security groups and the type's settings; counted against the endpoints-per-VPC quota.
   * @internal
   */
  protected createResource(props: NetworkEndpointProps, settings: EndpointResourceSettings): VpcEndpoint {
    const { privateDnsOnlyForInboundResolverEndpoint, dependsOn, securityGroupIds, ...typeSettings } = settings;
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
      tags: { Name: nameFromPath(this) },
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
    settings: Omit<EndpointResourceSettings, "subnetIds" | "securityGroupIds">,
  ): EndpointParts {
    const subnets = this.checkPlacement(props);
    const groups = this.securityGroupsFor(props, ports, targetLabel);
    const resource = this.createResource(props, { ...settings, subnetIds: subnets.map((s) => s.subnetId), securityGroupIds: groups.securityGroupIds });
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

class ImportedVpcEndpoint extends Construct implements IVpcEndpoint {
  public readonly vpcEndpointId: string;

  constructor(scope: Construct, id: string, vpcEndpointId: string) {
    super(scope, id);
    checkPattern(this, "vpcEndpointId", vpcEndpointId, /^vpce-[0-9a-f]{8,17}$/, "a VPC endpoint ID such as vpce-0123456789abcdef0");
    this.vpcEndpointId = vpcEndpointId;
  }
}

/** One described TCP rule per peer and port range: the endpoint's ports, and nothing else. */
export function addEndpointIngressRules(group: SecurityGroup, peers: readonly Peer[], ports: readonly PortRange[], targetLabel: string): void {
  for (const peer of peers) {
    for (const range of ports) {
      group.addIngressRule({
        peer,
        port: range.from,
        toPort: range.to,
        description: `Clients to ${targetLabel} through the VPC endpoint, TCP ${formatPortRange(range)}`.slice(0, 255),
      });
    }
  }
}
