import { Annotations, ITerraformDependable, TerraformProvider } from "cdktf";
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
import { IpAddressType, ISecurityGroup, ISubnet, IVpc, Peer, SecurityGroup, vpcClientPeers } from "../vpc";

/** IP families of the DNS records an endpoint publishes. */
export type DnsRecordIpType = "ipv4" | "dualstack" | "ipv6" | "service-defined";

const IP_ADDRESS_TYPES: readonly IpAddressType[] = ["ipv4", "dualstack", "ipv6"];
const DNS_RECORD_IP_TYPES: readonly DnsRecordIpType[] = ["ipv4", "dualstack", "ipv6", "service-defined"];

/** Endpoints created per VPC in this app, to warn when the quota is crossed. */
const endpointsPerVpc = new AppCounter<IVpc>();

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

/** What the endpoint type adds to the shared placement and security settings. */
export interface EndpointSpec {
  /** Always explicit: the provider's default (Gateway) is never what these endpoints mean. */
  readonly vpcEndpointType: "Interface" | "Resource" | "ServiceNetwork";
  /** Interface endpoints: the full service name. @default - none */
  readonly serviceName?: string;
  /** Interface endpoints: the service's region, when another one. @default - the endpoint's region */
  readonly serviceRegion?: string;
  /** Resource endpoints: the configuration. @default - none */
  readonly resourceConfigurationArn?: string;
  /** ServiceNetwork endpoints: the network. @default - none */
  readonly serviceNetworkArn?: string;
  /** Ports the created security group opens. */
  readonly ports: readonly PortRange[];
  /** Names what the endpoint reaches in rule descriptions. */
  readonly targetLabel: string;
  /** Always explicit, so a provider default never decides name resolution. */
  readonly privateDnsEnabled: boolean;
  /** @default - AWS's default */
  readonly privateDnsOnlyForInboundResolverEndpoint?: boolean;
  /** @default - no policy attribute (AWS's default) */
  readonly policy?: string;
  /** Narrows the validated subnets (for example to the AZs a service supports). @default - every subnet */
  readonly selectSubnetIds?: (subnets: readonly ISubnet[]) => string[];
  /** @default - none */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * Base of the endpoints that place network interfaces in subnets: checks the
 * placement, creates the default security group and the `aws_vpc_endpoint`
 * (construct id `Resource`).
 */
export abstract class NetworkEndpointBase extends Construct implements IVpcEndpoint {
  /** An endpoint made elsewhere (another configuration or account), by its `vpce-…` ID. */
  public static fromVpcEndpointId(scope: Construct, id: string, vpcEndpointId: string): IVpcEndpoint {
    return new ImportedVpcEndpoint(scope, id, vpcEndpointId);
  }

  /** The `aws_vpc_endpoint`, for escape hatches. */
  public readonly resource: VpcEndpoint;
  /** `vpce-…` */
  public readonly vpcEndpointId: string;
  /** The group created for the endpoint; undefined when `securityGroups` were given. */
  public readonly securityGroup?: SecurityGroup;
  /** IDs of every security group on the endpoint. */
  public readonly securityGroupIds: readonly string[];
  /** The VPC the endpoint is in. */
  public readonly vpc: IVpc;
  /** The provider the endpoint's resources use. */
  public readonly provider?: TerraformProvider;

  /**
   * @param specOf what the endpoint type adds, worked out once the construct
   *   exists, so that its errors and warnings carry the endpoint's path.
   */
  protected constructor(scope: Construct, id: string, props: NetworkEndpointProps, specOf: (endpoint: NetworkEndpointBase) => EndpointSpec) {
    super(scope, id);
    requireProps(this, props, ["vpc"]);
    this.vpc = props.vpc;
    this.provider = providerOf(props, props.vpc);
    const spec = specOf(this);
    checkOneOf(this, "ipAddressType", props.ipAddressType, IP_ADDRESS_TYPES);
    checkOneOf(this, "dnsRecordIpType", props.dnsRecordIpType, DNS_RECORD_IP_TYPES);
    const subnets = this.checkSubnets(props);

    if (props.securityGroups !== undefined && props.allowedPeers !== undefined) {
      throw new ValidationError(this, "allowedPeers", "allowedPeers with securityGroups", "either securityGroups (your rules) or allowedPeers (rules of the group created here), not both");
    }
    if (props.securityGroups !== undefined && props.securityGroups.length === 0) {
      throw new ValidationError(this, "securityGroups", [], "at least one security group, or leave it unset to create one");
    }
    this.securityGroup = props.securityGroups === undefined ? this.createSecurityGroup(props, spec) : undefined;
    this.securityGroupIds = props.securityGroups?.map((g) => g.securityGroupId) ?? [this.securityGroup!.securityGroupId];

    const dnsOptions =
      props.dnsRecordIpType === undefined && spec.privateDnsOnlyForInboundResolverEndpoint === undefined
        ? undefined
        : { dnsRecordIpType: props.dnsRecordIpType, privateDnsOnlyForInboundResolverEndpoint: spec.privateDnsOnlyForInboundResolverEndpoint };
    this.resource = new VpcEndpoint(this, "Resource", {
      provider: this.provider,
      vpcId: props.vpc.vpcId,
      vpcEndpointType: spec.vpcEndpointType,
      serviceName: spec.serviceName,
      serviceRegion: spec.serviceRegion,
      resourceConfigurationArn: spec.resourceConfigurationArn,
      serviceNetworkArn: spec.serviceNetworkArn,
      subnetIds: spec.selectSubnetIds?.(subnets) ?? subnets.map((s) => s.subnetId),
      securityGroupIds: [...this.securityGroupIds],
      privateDnsEnabled: spec.privateDnsEnabled,
      ipAddressType: props.ipAddressType,
      dnsOptions,
      policy: spec.policy,
      dependsOn: spec.dependsOn === undefined ? undefined : [...spec.dependsOn],
      tags: { Name: nameFromPath(this) },
    });
    this.vpcEndpointId = this.resource.id;
    this.countAgainstQuota(props.vpc);
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

  /** One subnet per known AZ, enough AZs, and IP families that fit `ipAddressType`. */
  private checkSubnets(props: NetworkEndpointProps): readonly ISubnet[] {
    const subnets = props.subnets ?? props.vpc.privateSubnets;
    const prop = props.subnets === undefined ? "vpc.privateSubnets" : "subnets";
    if (!isUnresolved(subnets) && subnets.length === 0) {
      throw new ValidationError(this, prop, [], "at least one subnet for the endpoint's network interfaces (an imported VPC needs privateSubnets, or pass subnets)");
    }
    const seen = new Set<string>();
    for (const subnet of subnets) {
      const az = subnet.availabilityZone;
      if (az === undefined || isUnresolved(az)) continue;
      if (seen.has(az)) {
        throw new ValidationError(this, prop, az, "at most one subnet per availability zone (AWS places one network interface per AZ)");
      }
      seen.add(az);
    }
    const minAzs = props.minAvailabilityZones ?? 2;
    checkIntegerRange(this, "minAvailabilityZones", minAzs, 1, 16);
    const azCount = subnets.every((s) => s.availabilityZone !== undefined && !isUnresolved(s.availabilityZone)) ? seen.size : subnets.length;
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

  private createSecurityGroup(props: NetworkEndpointProps, spec: EndpointSpec): SecurityGroup {
    const group = new SecurityGroup(this, "SecurityGroup", {
      provider: this.provider,
      vpc: props.vpc,
      description: `VPC endpoint to ${spec.targetLabel}`.slice(0, 255),
    });
    addEndpointIngressRules(group, props.allowedPeers ?? vpcClientPeers(props.vpc), spec.ports, spec.targetLabel);
    return group;
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
