import { Fn, TerraformProvider } from "../core/cdktf";
import { Construct } from "constructs";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc as VpcResource } from "@cdktf/provider-aws/lib/vpc";
import {
  AwsResourceProps,
  checkIntegerRange,
  checkIpv4Cidr,
  checkItemCount,
  checkPattern,
  checkUnique,
  isUnresolved,
  requireProps,
  stableId,
} from "../core";

const AZ_NAME = /^[a-z]{2}(-[a-z]+)+-\d[a-z]$/;
const AZ_ID = /^[a-z]{2,4}\d-az\d{1,2}$/;

/** IP address families a subnet (or a resource placed in it) supports. */
export type IpAddressType = "ipv4" | "dualstack" | "ipv6";

/** A subnet our constructs can place network interfaces in. */
export interface ISubnet {
  /** Subnet ID (`subnet-...`). */
  readonly subnetId: string;
  /** Lets validators check one-subnet-per-AZ rules. @default - unknown, AZ checks are skipped */
  readonly availabilityZone?: string;
  /**
   * The AZ ID (`use1-az1`): the same physical zone in every account, unlike
   * AZ names, so cross-account placements (an endpoint and the provider's
   * load balancer, a Resource endpoint and a resource gateway) can be
   * proven to share zones.
   * @default - unknown
   */
  readonly availabilityZoneId?: string;
  /** Route table for gateway endpoints. @default - unknown */
  readonly routeTableId?: string;
  /** @default - unknown, IP family checks are skipped */
  readonly ipAddressType?: IpAddressType;
}

/** True for an AZ ID such as `use1-az1` (the same physical zone in every account), as opposed to an AZ name. */
export function isAvailabilityZoneId(value: string): boolean {
  return AZ_ID.test(value);
}

/** The zone a subnet is in, for one-subnet-per-AZ rules: its AZ ID when known (the same in every account), else its AZ name. */
export function zoneOf(subnet: ISubnet): string | undefined {
  return subnet.availabilityZoneId ?? subnet.availabilityZone;
}

/** The AZ IDs of subnets when every one is known at synth; undefined otherwise (placed by AZ name, or computed by Terraform). */
export function literalZoneIds(subnets: readonly ISubnet[]): string[] | undefined {
  const ids = subnets.map((s) => s.availabilityZoneId);
  return ids.length > 0 && ids.every((id): id is string => id !== undefined && !isUnresolved(id)) ? ids : undefined;
}

/** A VPC our constructs can attach to: created here or imported. */
export interface IVpc {
  /** VPC ID (`vpc-...`). */
  readonly vpcId: string;
  /** Primary IPv4 CIDR, the default source of endpoint security-group rules. */
  readonly cidrBlock: string;
  /** @default - no IPv6 */
  readonly ipv6CidrBlock?: string;
  /** The private subnets workloads and endpoints live in. */
  readonly privateSubnets: readonly ISubnet[];
  /** The provider (account) that owns the VPC. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** Describes an existing VPC for Vpc.fromVpcAttributes. */
export interface VpcAttributes {
  /** ID of the existing VPC (`vpc-...`). */
  readonly vpcId: string;
  /** Primary IPv4 CIDR of the VPC, such as 10.0.0.0/16; the default source of endpoint security-group rules. */
  readonly cidrBlock: string;
  /** @default - no IPv6 */
  readonly ipv6CidrBlock?: string;
  /** @default - none: constructs that need subnets take them as props */
  readonly privateSubnets?: readonly ISubnet[];
  /** @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

export interface VpcProps extends AwsResourceProps {
  /** Name tag of the VPC and prefix of its subnets' names. */
  readonly name: string;
  /** IPv4 CIDR of the VPC, /16 to /24 is typical. */
  readonly cidrBlock: string;
  /**
   * One private subnet per AZ, by AZ name (`us-east-1a`) or by AZ ID
   * (`use1-az1`), not mixed. AZ names map to different physical zones in
   * each account; give AZ IDs to VPCs whose endpoints or gateways meet
   * another account's resources, so that both sides are placed in the same
   * zones. Literal so that the stack plans offline (no
   * `aws_availability_zones` data source).
   */
  readonly availabilityZones: readonly string[];
  /** Bits added to the VPC prefix for each subnet. @default 8 (a /16 VPC gets /24 subnets) */
  readonly subnetNewBits?: number;
  /** Adds an Amazon-provided IPv6 block and makes every subnet dual-stack. @default false */
  readonly dualStack?: boolean;
  /**
   * Take over the VPC's default security group and remove its rules. It lets
   * its members reach each other and everything outside; anything placed in
   * it by mistake would be open (CIS AWS 5.4, checkov CKV2_AWS_12).
   * @default true
   */
  readonly restrictDefaultSecurityGroup?: boolean;
}

/**
 * A VPC with one private subnet (and one route table) per availability zone,
 * and no route to the internet: the starting point of every private-networking
 * pattern. DNS support and DNS host names are on because interface endpoints'
 * private DNS needs both.
 *
 * Creates: aws_vpc, aws_subnet, aws_route_table, aws_route_table_association,
 * aws_default_security_group (with no rules).
 */
export class Vpc extends Construct implements IVpc {
  /** Describes a VPC made elsewhere (another stack, the console, a landing zone). */
  public static fromVpcAttributes(scope: Construct, id: string, attrs: VpcAttributes): IVpc {
    return new ImportedVpc(scope, id, attrs);
  }

  /** The underlying `aws_vpc`, as an escape hatch. */
  public readonly resource: VpcResource;
  /** VPC ID (`aws_vpc.id`), known at apply. */
  public readonly vpcId: string;
  public readonly cidrBlock: string;
  public readonly ipv6CidrBlock?: string;
  public readonly privateSubnets: readonly ISubnet[];
  public readonly provider?: TerraformProvider;

  constructor(scope: Construct, id: string, props: VpcProps) {
    super(scope, id);
    requireProps(this, props, ["name", "cidrBlock", "availabilityZones"]);
    checkIpv4Cidr(this, "cidrBlock", props.cidrBlock);
    checkItemCount(this, "availabilityZones", props.availabilityZones, 1, 16);
    checkUnique(this, "availabilityZones", props.availabilityZones);
    const byId = props.availabilityZones.some((az) => AZ_ID.test(az));
    props.availabilityZones.forEach((az, i) =>
      checkPattern(
        this,
        `availabilityZones[${i}]`,
        az,
        byId ? AZ_ID : AZ_NAME,
        byId ? "an AZ ID such as use1-az1, like the other entries (names and IDs are not mixed)" : "an availability zone name such as us-east-1a, or an AZ ID such as use1-az1",
      ),
    );
    checkIntegerRange(this, "subnetNewBits", props.subnetNewBits, 1, 12);

    this.provider = props.provider;
    this.resource = new VpcResource(this, "Resource", {
      provider: props.provider,
      cidrBlock: props.cidrBlock,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      assignGeneratedIpv6CidrBlock: props.dualStack === true ? true : undefined,
      tags: { Name: props.name },
    });
    this.vpcId = this.resource.id;
    // The literal, not the attribute: validators and rule keys can use it, and it is the same value.
    this.cidrBlock = props.cidrBlock;
    this.ipv6CidrBlock = props.dualStack === true ? this.resource.ipv6CidrBlock : undefined;

    if (props.restrictDefaultSecurityGroup !== false) {
      // No ingress or egress blocks: Terraform removes every rule of the default group.
      new DefaultSecurityGroup(this, "DefaultSecurityGroup", {
        provider: props.provider,
        vpcId: this.vpcId,
        tags: { Name: `${props.name}-default-unused` },
      });
    }

    const newBits = props.subnetNewBits ?? 8;
    this.privateSubnets = props.availabilityZones.map((az, index) => {
      const key = stableId(az);
      const subnet = new Subnet(this, `Private-${key}`, {
        provider: props.provider,
        vpcId: this.vpcId,
        availabilityZone: byId ? undefined : az,
        availabilityZoneId: byId ? az : undefined,
        cidrBlock: Fn.cidrsubnet(props.cidrBlock, newBits, index),
        ipv6CidrBlock: props.dualStack === true ? Fn.cidrsubnet(this.resource.ipv6CidrBlock, 8, index) : undefined,
        assignIpv6AddressOnCreation: props.dualStack === true ? true : undefined,
        tags: { Name: `${props.name}-private-${az}` },
      });
      const routeTable = new RouteTable(this, `PrivateRoutes-${key}`, {
        provider: props.provider,
        vpcId: this.vpcId,
        tags: { Name: `${props.name}-private-${az}` },
      });
      new RouteTableAssociation(this, `PrivateRoutesAssociation-${key}`, {
        provider: props.provider,
        subnetId: subnet.id,
        routeTableId: routeTable.id,
      });
      return {
        subnetId: subnet.id,
        availabilityZone: byId ? undefined : az,
        availabilityZoneId: byId ? az : undefined,
        routeTableId: routeTable.id,
        ipAddressType: props.dualStack === true ? "dualstack" : "ipv4",
      } satisfies ISubnet;
    });
  }
}

class ImportedVpc extends Construct implements IVpc {
  public readonly vpcId: string;
  public readonly cidrBlock: string;
  public readonly ipv6CidrBlock?: string;
  public readonly privateSubnets: readonly ISubnet[];
  public readonly provider?: TerraformProvider;

  constructor(scope: Construct, id: string, attrs: VpcAttributes) {
    super(scope, id);
    checkIpv4Cidr(this, "cidrBlock", attrs.cidrBlock);
    this.vpcId = attrs.vpcId;
    this.cidrBlock = attrs.cidrBlock;
    this.ipv6CidrBlock = attrs.ipv6CidrBlock;
    this.privateSubnets = attrs.privateSubnets ?? [];
    this.provider = attrs.provider;
  }
}
