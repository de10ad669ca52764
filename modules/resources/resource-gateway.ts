import { TerraformProvider } from "../core/cdktf";
import { Construct } from "constructs";
import { VpclatticeResourceGateway } from "@cdktf/provider-aws/lib/vpclattice-resource-gateway";
import {
  AWS_LIMITS,
  AwsResourceProps,
  checkItemCount,
  checkLength,
  checkOneOf,
  checkPattern,
  checkUnique,
  formatPortRange,
  isUnresolved,
  PortRange,
  providerOf,
  requireProps,
  requireValue,
  ValidationError,
} from "../core";
import { ISecurityGroup, ISubnet, IVpc, IpAddressType, Peer, SecurityGroup, zoneOf } from "../vpc";
import { RESOURCE_IP_ADDRESS_TYPES, ResourceIpAddressType } from "./ip-families";

/** A VPC Lattice resource gateway, created here or imported. */
export interface IResourceGateway {
  /** `rgw-` followed by 17 characters. */
  readonly resourceGatewayId: string;
  /** `arn:aws:vpc-lattice:<region>:<account>:resourcegateway/rgw-...`. */
  readonly resourceGatewayArn: string;
  /** Lets configurations check that their resource is reachable over it. @default - unknown, the checks are skipped */
  readonly ipAddressType?: ResourceIpAddressType;
  /** The provider (account) that owns the gateway. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /** The group made for the gateway, which resources' ingress rules reference. @default - unknown */
  readonly securityGroup?: ISecurityGroup;
  /** The subnets of the gateway's network interfaces: endpoints to its configurations must share an AZ with them. @default - unknown */
  readonly subnets?: readonly ISubnet[];
  /**
   * Lets the gateway reach resources behind it on these TCP ports. Resource
   * configurations call it for their own ports, so that the gateway's
   * security group never opens more than the resources it fronts.
   * @param destination CIDR of the resource; undefined for the gateway's VPC
   */
  allowResourcePorts(ports: readonly PortRange[], destination?: string): void;
}

/** What {@link ResourceGateway.fromAttributes} needs to know of a gateway made elsewhere. */
export interface ResourceGatewayAttributes {
  /** `rgw-` followed by 17 characters. */
  readonly resourceGatewayId: string;
  /** The gateway's ARN. */
  readonly resourceGatewayArn: string;
  /** @default - unknown, IP family checks are skipped */
  readonly ipAddressType?: ResourceIpAddressType;
  /** @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

export interface ResourceGatewayProps extends AwsResourceProps {
  /** 3 to 40 lowercase letters, digits and single hyphens, unique in the account. */
  readonly name: string;
  /** The VPC that owns the resources behind the gateway. */
  readonly vpc: IVpc;
  /**
   * One subnet in each of at least two availability zones: consumers reach
   * the resources through the gateway's network interfaces in these zones.
   * @default - the VPC's private subnets
   */
  readonly subnets?: readonly ISubnet[];
  /**
   * IP family of the gateway's network interfaces; it must match the subnets
   * (IPV4: IPv4 or dual-stack subnets; IPV6: IPv6-only subnets; DUALSTACK:
   * dual-stack subnets) and the resources behind the gateway.
   * @default "IPV4"
   */
  readonly ipAddressType?: ResourceIpAddressType;
  /**
   * Up to 5 security groups of the gateway's network interfaces. Given
   * groups replace the default one, and their rules are yours to manage.
   * The default group's rules reach resources over IPv4 (IPv6 for an IPV6
   * gateway); a DUALSTACK gateway that must reach resources over IPv6 needs
   * groups of its own.
   * @default - one new group whose egress allows only the resources' ports, to the VPC CIDR or the resource's IP
   */
  readonly securityGroups?: readonly ISecurityGroup[];
}

const NAME_PATTERN = /^(?!rgw-)(?!-)(?!.*-$)(?!.*--)[a-z0-9-]+$/;
/** The subnet IP families each gateway IP address type can use. */
const SUBNET_TYPES: Record<ResourceIpAddressType, readonly IpAddressType[]> = {
  IPV4: ["ipv4", "dualstack"],
  IPV6: ["ipv6"],
  DUALSTACK: ["dualstack"],
};

/**
 * A VPC Lattice resource gateway: the point of ingress into the VPC that owns
 * shared resources (databases, IP addresses, DNS names). Resource
 * configurations are bound to it; consumers in other VPCs and accounts reach
 * them through Resource endpoints or service networks.
 *
 * By default the gateway gets its own security group with no rule until a
 * configuration (or {@link ResourceGateway.allowResourcePorts}) opens egress
 * to its resource's ports.
 *
 * Creates: aws_vpclattice_resource_gateway, and unless `securityGroups` is
 * given, aws_security_group with aws_vpc_security_group_egress_rule.
 */
export class ResourceGateway extends Construct implements IResourceGateway {
  /** Describes a resource gateway made elsewhere; its security groups stay as they are. */
  public static fromAttributes(scope: Construct, id: string, attrs: ResourceGatewayAttributes): IResourceGateway {
    return new ImportedResourceGateway(scope, id, attrs);
  }

  /** The aws_vpclattice_resource_gateway, for escape hatches. */
  public readonly resource: VpclatticeResourceGateway;
  public readonly resourceGatewayId: string;
  public readonly resourceGatewayArn: string;
  public readonly ipAddressType: ResourceIpAddressType;
  public readonly provider?: TerraformProvider;
  /** The group made for the gateway; undefined when `securityGroups` was given. Resources reference it in their ingress rules. */
  public readonly securityGroup?: SecurityGroup;
  public readonly subnets: readonly ISubnet[];
  private readonly name: string;
  private readonly vpc: IVpc;
  /** Egress rules already added, so that configurations sharing a port add it once. */
  private readonly allowedRules = new Set<string>();

  constructor(scope: Construct, id: string, props: ResourceGatewayProps) {
    super(scope, id);
    requireProps(this, props, ["name", "vpc"]);
    requireValue(this, "name", props.name, "a resource gateway name");
    checkLength(this, "name", props.name, 3, 40);
    checkPattern(this, "name", props.name, NAME_PATTERN, "lowercase letters, digits and single hyphens, not starting with rgw- nor starting or ending with a hyphen");
    requireValue(this, "vpc", props.vpc, "the VPC that owns the resources");
    this.ipAddressType = props.ipAddressType ?? "IPV4";
    checkOneOf(this, "ipAddressType", this.ipAddressType, RESOURCE_IP_ADDRESS_TYPES);
    const subnets = props.subnets ?? props.vpc.privateSubnets;
    this.checkSubnets(subnets);
    checkItemCount(this, "securityGroups", props.securityGroups, 1, AWS_LIMITS.securityGroupsPerResourceGateway);
    if (this.ipAddressType === "IPV6" && props.vpc.ipv6CidrBlock === undefined) {
      throw new ValidationError(this, "vpc.ipv6CidrBlock", undefined, "a VPC with an IPv6 CIDR block for an IPV6 resource gateway");
    }

    this.name = props.name;
    this.vpc = props.vpc;
    this.subnets = subnets;
    this.provider = providerOf(props, props.vpc);
    if (props.securityGroups === undefined) {
      this.securityGroup = new SecurityGroup(this, "SecurityGroup", {
        provider: this.provider,
        vpc: props.vpc,
        description: `Resource gateway ${props.name}: egress only to the ports of the resources behind it`,
      });
    }
    const securityGroups = props.securityGroups ?? [this.securityGroup!];
    this.resource = new VpclatticeResourceGateway(this, "Resource", {
      provider: this.provider,
      name: props.name,
      vpcId: props.vpc.vpcId,
      subnetIds: subnets.map((s) => s.subnetId),
      securityGroupIds: securityGroups.map((g) => g.securityGroupId),
      ipAddressType: this.ipAddressType,
    });
    this.resourceGatewayId = this.resource.id;
    this.resourceGatewayArn = this.resource.arn;
  }

  public allowResourcePorts(ports: readonly PortRange[], destination?: string): void {
    if (this.securityGroup === undefined) return; // Given groups are managed by their owner.
    const cidr = destination ?? (this.ipAddressType === "IPV6" ? this.vpc.ipv6CidrBlock! : this.vpc.cidrBlock);
    if (isUnresolved(cidr) && this.ipAddressType === "IPV6") {
      // Peer.cidr can only tell an IPv6 block from an IPv4 one when it is a literal.
      throw new ValidationError(this, "securityGroups", undefined, "security groups of your own for an IPV6 gateway in a VPC whose IPv6 block only Terraform knows");
    }
    for (const port of ports) {
      const range = formatPortRange(port);
      const key = `${range} ${cidr}`;
      if (this.allowedRules.has(key)) continue;
      this.allowedRules.add(key);
      this.securityGroup.addEgressRule({
        peer: Peer.cidr(cidr),
        port: port.from,
        toPort: port.to,
        description: `Resource gateway ${this.name} to the resources behind it on tcp ${range}`,
      });
    }
  }

  private checkSubnets(subnets: readonly ISubnet[]): void {
    checkItemCount(this, "subnets", subnets, 2);
    // Unknown AZs fall back to the subnet ID, which only catches a subnet given twice.
    checkUnique(this, "subnets.availabilityZone", subnets, (s) => zoneOf(s) ?? s.subnetId);
    const allowed = SUBNET_TYPES[this.ipAddressType];
    subnets.forEach((subnet, index) => {
      if (subnet.ipAddressType === undefined || isUnresolved(subnet.ipAddressType) || allowed.includes(subnet.ipAddressType)) return;
      throw new ValidationError(
        this,
        `subnets[${index}].ipAddressType`,
        subnet.ipAddressType,
        `${allowed.join(" or ")} subnets for a gateway of ipAddressType ${this.ipAddressType}`,
      );
    });
  }
}

class ImportedResourceGateway extends Construct implements IResourceGateway {
  public readonly resourceGatewayId: string;
  public readonly resourceGatewayArn: string;
  public readonly ipAddressType?: ResourceIpAddressType;
  public readonly provider?: TerraformProvider;

  constructor(scope: Construct, id: string, attrs: ResourceGatewayAttributes) {
    super(scope, id);
    checkOneOf(this, "ipAddressType", attrs.ipAddressType, RESOURCE_IP_ADDRESS_TYPES);
    this.resourceGatewayId = attrs.resourceGatewayId;
    this.resourceGatewayArn = attrs.resourceGatewayArn;
    this.ipAddressType = attrs.ipAddressType;
    this.provider = attrs.provider;
  }

  public allowResourcePorts(): void {
    // The gateway's security groups belong to the stack that made it.
  }
}
