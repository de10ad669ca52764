import { Fn, TerraformProvider } from "../core/cdktf";
import { Construct, IConstruct } from "constructs";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc as VpcResource } from "@cdktf/provider-aws/lib/vpc";
import { VpcIpv4CidrBlockAssociation } from "@cdktf/provider-aws/lib/vpc-ipv4-cidr-block-association";
import {
  AwsResourceProps,
  checkBoolean,
  checkInstance,
  checkIntegerRange,
  awsReservedAddressRole,
  canonicalDnsName,
  checkDnsName,
  checkIpv4Cidr,
  cidrContains,
  cidrSubnet,
  checkIpv6Cidr,
  checkItemCount,
  checkLength,
  checkList,
  checkObject,
  checkResourceId,
  checkString,
  checkTags,
  checkKnownProps,
  checkUnique,
  cidrsOverlap,
  isUnresolved,
  isUnresolvedList,
  literalAccountOf,
  providerOf,
  literalRegionOf,
  OptOut,
  noReasonGiven,
  parseCidr,
  optOutReason,
  RECORDED_OPT_OUTS,
  recordOptOut,
  requireProps,
  resolvedValue,
  stableId,
  TAG_LIMITS,
  ValidationError,
} from "../core";
import { FlowLogs, VpcFlowLog } from "./flow-logs";
import { checkAvailabilityZones, importSubnetGroup, ISubnet, PRIVATE_TIER, selectFrom, SubnetGroupAttributes, SubnetSelection } from "./subnets";

/** The prefix lengths AWS takes for a VPC's IPv4 block, and the smallest subnet it takes. */
const VPC_PREFIX = { largest: 16, smallest: 28 } as const;
/** Bits a subnet's prefix adds to its VPC's by default: a /16 VPC gets /24 subnets. */
const DEFAULT_SUBNET_NEW_BITS = 8;

/** A VPC our constructs can attach to: created here or imported. */
export interface IVpc {
  /** VPC ID (`vpc-...`). */
  readonly vpcId: string;
  /** Primary IPv4 CIDR, the default source of endpoint security-group rules. */
  readonly cidrBlock: string;
  /**
   * The VPC's secondary IPv4 blocks (an EKS cluster's pod range such as
   * 100.64.0.0/16): its clients live there too, so the default clients of
   * endpoints and associations (`vpcClientPeers`) admit them beside
   * `cidrBlock`. Read it with {@link vpcIpv4CidrBlocks}.
   * @default - none
   */
  readonly secondaryCidrBlocks?: readonly string[];
  /** @default - no IPv6 */
  readonly ipv6CidrBlock?: string;
  /** The private subnets workloads and endpoints live in (tier `private`): where constructs go unless given `subnets`. */
  readonly privateSubnets: readonly ISubnet[];
  /** Every subnet the VPC knows, of every tier. */
  readonly subnets: readonly ISubnet[];
  /** The provider (account) that owns the VPC. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /**
   * The VPC's DNS resolution (`enableDnsSupport`): the Amazon DNS server
   * answers in the VPC. Private DNS of endpoints and private hosted zones
   * need it on, and dnsHostnamesEnabled too.
   * @default - unknown (an imported VPC that does not say): not checked
   */
  readonly dnsSupportEnabled?: boolean;
  /** The VPC's DNS hostnames (`enableDnsHostnames`). @default - unknown (an imported VPC that does not say): not checked */
  readonly dnsHostnamesEnabled?: boolean;
  /**
   * Names of private hosted zones made elsewhere that are associated with
   * the VPC already (lower case, without the final dot): Route 53 refuses a
   * second private zone of one of these names in the VPC, and AWS refuses
   * an endpoint's private DNS for one of them.
   * @default - none known (a VPC created here, or an import that does not say)
   */
  readonly associatedPrivateZoneNames?: readonly string[];
  /**
   * ID (`snva-...`) of the service network VPC association the VPC has
   * already, made elsewhere: a VPC has at most one.
   * @default - none known (a VPC created here, or an import that does not say)
   */
  readonly serviceNetworkAssociation?: string;
  /**
   * The subnets a selection picks (by tier, AZ and tags), for any
   * construct's `subnets` prop: `vpc.selectSubnets({ tier: "app" })`.
   * Fails when nothing matches.
   */
  selectSubnets(selection?: SubnetSelection): ISubnet[];
}

/**
 * Describes an existing VPC for Vpc.fromVpcAttributes. Subnets come as flat
 * lists (literal, or Terraform references that are lists: a list variable,
 * a remote state output, a data source's `ids`), per tier; `privateSubnetIds`
 * and the lists beside it describe the tier `private`, where constructs go
 * by default.
 */
export interface VpcAttributes {
  /** ID of the existing VPC (`vpc-...`). */
  readonly vpcId: string;
  /** Primary IPv4 CIDR of the VPC, such as 10.0.0.0/16; the default source of endpoint security-group rules. */
  readonly cidrBlock: string;
  /**
   * The VPC's secondary IPv4 blocks, as `aws ec2 describe-vpcs` lists them
   * in CidrBlockAssociationSet besides the primary: the pod range of an
   * EKS cluster with custom networking (100.64.0.0/16), a block added when
   * the first one filled up. Clients there are the VPC's clients too: the
   * default rules of interface endpoints, service network associations and
   * the other constructs that admit "the VPC" (`vpcClientPeers`) admit them,
   * and subnets described here may lie in them. Literal blocks of /16 to
   * /28, overlapping neither the primary block nor each other, outside the
   * ranges AWS refuses beside the primary (another RFC 1918 range than the
   * primary's, 198.19.0.0/16).
   * @default - none: the VPC has its primary block only
   */
  readonly secondaryCidrBlocks?: readonly string[];
  /** @default - no IPv6 */
  readonly ipv6CidrBlock?: string;
  /**
   * The private subnets as objects, one per subnet (the form of earlier
   * releases; `privateSubnetIds` takes lists). Not with privateSubnetIds.
   * @default - none
   */
  readonly privateSubnets?: readonly ISubnet[];
  /**
   * IDs of the private subnets (tier `private`): a literal list or a list
   * reference, such as `new TerraformVariable(stack, "private_subnet_ids", { type: "list(string)" }).listValue`
   * or `remoteState.getList("private_subnets")`.
   * @default - none: constructs that need subnets take them as props, or from subnetGroups
   */
  readonly privateSubnetIds?: readonly string[];
  /** The AZ names (or AZ IDs) of privateSubnetIds, in the same order. @default - unknown: AZ checks are skipped and selections by AZ fail */
  readonly availabilityZones?: readonly string[];
  /** The route tables of privateSubnetIds, in the same order (one entry when they share one). @default - unknown */
  readonly routeTableIds?: readonly string[];
  /** The number of privateSubnetIds, needed when it and availabilityZones are both references. @default - the length of a literal list */
  readonly subnetCount?: number;
  /** Tags of the private subnets, for selections by tag. @default - none */
  readonly subnetTags?: Readonly<Record<string, string>>;
  /** Subnets of other tiers (or of `private`, instead of the flat lists), for `selectSubnets`. @default - none */
  readonly subnetGroups?: readonly SubnetGroupAttributes[];
  /**
   * The VPC's `enableDnsSupport`, as `aws ec2 describe-vpc-attribute` shows it: false makes
   * private DNS of endpoints and private hosted zones fail at synth instead of resolving nothing.
   * @default - unknown: not checked
   */
  readonly dnsSupportEnabled?: boolean;
  /** The VPC's `enableDnsHostnames`; see dnsSupportEnabled. @default - unknown: not checked */
  readonly dnsHostnamesEnabled?: boolean;
  /**
   * Names of the private hosted zones made elsewhere that are associated
   * with the VPC already, as `aws route53 list-hosted-zones-by-vpc` shows
   * them: a hub's `ssm.us-east-1.amazonaws.com` zone associated with this
   * spoke, a partner's `api.partner.example.com`. Route 53 refuses a second
   * private zone of one of these names in the VPC (ConflictingDomainExists),
   * so an interface endpoint's private DNS or customDnsName, and a
   * PrivateHostedZone, of such a name fail at synth instead of at apply.
   * Only zones made outside this configuration: a zone it creates or
   * associates is judged anyway, and listed here too it would refuse itself.
   * @default - none known: only the zones of this configuration are checked
   */
  readonly privateHostedZoneNames?: readonly string[];
  /**
   * ID of the service network VPC association the VPC has already
   * (`snva-` and 17 characters, as `aws vpc-lattice list-service-network-vpc-associations --vpc-identifier <vpc>`
   * shows it): AWS allows one per VPC, so a ServiceNetworkVpcAssociation of
   * the VPC fails at synth instead of at apply; reach another network with a
   * ServiceNetworkEndpoint. Only an association made outside this
   * configuration: one it creates is judged anyway.
   * @default - none known: only the associations of this configuration are checked
   */
  readonly serviceNetworkAssociation?: string;
  /** @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

export interface VpcProps extends AwsResourceProps {
  /** Name tag of the VPC and prefix of its subnets' names. */
  readonly name: string;
  /** IPv4 CIDR of the VPC, /16 to /28 (what AWS takes); /16 to /24 is typical. */
  readonly cidrBlock: string;
  /**
   * More IPv4 blocks for the VPC, each an `aws_vpc_ipv4_cidr_block_association`
   * (the pod range of an EKS cluster with custom networking, such as
   * 100.64.0.0/16). The private subnets stay in `cidrBlock`: subnets of a
   * secondary block are made by the caller, with `vpcId` and a dependency on
   * the block's association (`cidrBlockAssociations`). Their clients are the
   * VPC's: the default rules of endpoints and associations admit them.
   * Literal blocks of /16 to /28, overlapping neither `cidrBlock` nor each
   * other, outside the ranges AWS refuses beside the primary (another RFC
   * 1918 range than the primary's, 198.19.0.0/16).
   * @default - none
   */
  readonly secondaryCidrBlocks?: readonly string[];
  /**
   * One private subnet per AZ, by AZ name (`us-east-1a`) or by AZ ID
   * (`use1-az1`), not mixed, of the provider's region. AZ names map to
   * different physical zones in each account; give AZ IDs to VPCs whose
   * endpoints or gateways meet another account's resources, so that both
   * sides are placed in the same zones. Literal so that the stack plans
   * offline (no `aws_availability_zones` data source).
   */
  readonly availabilityZones: readonly string[];
  /** Bits added to the VPC prefix for each subnet: 1 to 12, enough for one subnet per AZ, and subnets of /28 or larger. @default 8 (a /16 VPC gets /24 subnets) */
  readonly subnetNewBits?: number;
  /** Adds an Amazon-provided IPv6 block and makes every subnet dual-stack. @default false */
  readonly dualStack?: boolean;
  /**
   * Where the VPC's flow logs go. On by default, to a log group encrypted
   * with a customer managed key (checkov CKV2_AWS_11); turn them off with
   * `FlowLogs.disabled(OptOut.because("<why>"))`.
   * @default FlowLogs.to(FlowLogDestination.cloudWatchLogs())
   */
  readonly flowLogs?: FlowLogs;
  /**
   * Leave the VPC's default security group as AWS made it: its members
   * reach each other and everything outside, so anything placed in it by
   * mistake is open (CIS AWS 5.4, checkov CKV2_AWS_12). By default the
   * construct takes the group over and removes its rules.
   * @default - the default security group is restricted
   */
  readonly keepDefaultSecurityGroupRules?: OptOut;
  /**
   * @deprecated Use keepDefaultSecurityGroupRules: `false` here is
   * `keepDefaultSecurityGroupRules: OptOut.because("<why>")`.
   * @default true
   */
  readonly restrictDefaultSecurityGroup?: boolean;
  /** Tags of every resource the VPC creates (its subnets included, for selections by tag); `Name` comes from `name`. @default - Name only */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A VPC with one private subnet (and one route table) per availability zone,
 * no route to the internet, and flow logs: the starting point of every
 * private-networking pattern. DNS support and DNS host names are on because
 * interface endpoints' private DNS needs both.
 *
 * Creates: aws_vpc, aws_subnet, aws_route_table, aws_route_table_association,
 * aws_default_security_group (with no rules), and a {@link VpcFlowLog}
 * (aws_flow_log, aws_cloudwatch_log_group, aws_kms_key, aws_kms_key_policy,
 * aws_iam_role, aws_iam_role_policy by default).
 */
export class Vpc extends Construct implements IVpc {
  /**
   * Describes a VPC made elsewhere (another stack, the console, a landing
   * zone): IDs are checked (a subnet ID for the VPC fails), AZs are checked
   * against the provider's region, references are taken as they are.
   */
  public static fromVpcAttributes(scope: Construct, id: string, attrs: VpcAttributes): IVpc {
    return new ImportedVpc(scope, id, attrs);
  }

  /** The underlying `aws_vpc`, as an escape hatch. */
  public readonly resource: VpcResource;
  /** VPC ID (`aws_vpc.id`), known at apply. */
  public readonly vpcId: string;
  public readonly cidrBlock: string;
  /** The secondary IPv4 blocks of `secondaryCidrBlocks`, in the order given. */
  public readonly secondaryCidrBlocks: readonly string[];
  /** The `aws_vpc_ipv4_cidr_block_association` of each secondary block, in the same order: what subnets made in those blocks depend on. */
  public readonly cidrBlockAssociations: readonly VpcIpv4CidrBlockAssociation[];
  public readonly ipv6CidrBlock?: string;
  public readonly privateSubnets: readonly ISubnet[];
  public readonly provider?: TerraformProvider;
  /** Always on: private DNS and private hosted zones need it. */
  public readonly dnsSupportEnabled = true;
  /** Always on: private DNS and private hosted zones need it. */
  public readonly dnsHostnamesEnabled = true;
  /** The VPC's flow log. @default - none: disabled with FlowLogs.disabled */
  public readonly flowLog?: VpcFlowLog;

  constructor(scope: Construct, id: string, props: VpcProps) {
    super(scope, id);
    requireProps(this, props, ["name", "cidrBlock", "availabilityZones"]);
    checkKnownProps(this, props, VPC_PROPS);
    checkString(this, "name", props.name);
    checkIpv4Cidr(this, "cidrBlock", props.cidrBlock);
    const secondary = checkSecondaryCidrBlocks(this, props.secondaryCidrBlocks, props.cidrBlock);
    checkList(this, "availabilityZones", props.availabilityZones);
    checkItemCount(this, "availabilityZones", props.availabilityZones, 1, 16);
    checkUnique(this, "availabilityZones", props.availabilityZones);
    const byId = checkAvailabilityZones(this, "availabilityZones", props.availabilityZones, literalRegionOf(this, props.provider));
    checkIntegerRange(this, "subnetNewBits", props.subnetNewBits, 1, 12);
    this.checkSubnetLayout(props);
    checkBoolean(this, "dualStack", props.dualStack);
    const tags = this.checkOwnTags(props);
    const keepDefaultRules = this.keepDefaultRulesReason(props);
    const flowLogs = checkInstance(
      this,
      "flowLogs",
      props.flowLogs,
      FlowLogs.isFlowLogs,
      "FlowLogs.to(destination) or FlowLogs.disabled(OptOut.because(...))",
    );
    const flowLogsOff = flowLogs?.check(this, "flowLogs", props.provider);

    this.provider = props.provider;
    this.resource = new VpcResource(this, "Resource", {
      provider: props.provider,
      cidrBlock: props.cidrBlock,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      assignGeneratedIpv6CidrBlock: props.dualStack === true ? true : undefined,
      tags: { ...tags, Name: props.name },
    });
    this.vpcId = this.resource.id;
    // The literal, not the attribute: validators and rule keys can use it, and it is the same value.
    this.cidrBlock = props.cidrBlock;
    this.ipv6CidrBlock = props.dualStack === true ? this.resource.ipv6CidrBlock : undefined;
    this.secondaryCidrBlocks = secondary;
    this.cidrBlockAssociations = secondary.map(
      (block) =>
        new VpcIpv4CidrBlockAssociation(this, `CidrBlock-${stableId(block)}`, { provider: props.provider, vpcId: this.vpcId, cidrBlock: block }),
    );

    if (keepDefaultRules === undefined) {
      // No ingress or egress blocks: Terraform removes every rule of the default group.
      new DefaultSecurityGroup(this, "DefaultSecurityGroup", {
        provider: props.provider,
        vpcId: this.vpcId,
        tags: { ...tags, Name: `${props.name}-default-unused` },
      });
    } else {
      recordOptOut(this.resource, RECORDED_OPT_OUTS.defaultSecurityGroupRules, keepDefaultRules);
    }
    if (flowLogsOff === undefined)
      this.flowLog = new VpcFlowLog(this, "FlowLogs", { vpc: this, flowLogs, provider: props.provider, tags: props.tags });
    else recordOptOut(this.resource, RECORDED_OPT_OUTS.flowLogs, flowLogsOff);

    const newBits = props.subnetNewBits ?? DEFAULT_SUBNET_NEW_BITS;
    this.privateSubnets = props.availabilityZones.map((az, index) => {
      const key = stableId(az);
      const subnetTags = { ...tags, Name: `${props.name}-private-${az}` };
      const subnet = new Subnet(this, `Private-${key}`, {
        provider: props.provider,
        vpcId: this.vpcId,
        availabilityZone: byId ? undefined : az,
        availabilityZoneId: byId ? az : undefined,
        cidrBlock: Fn.cidrsubnet(props.cidrBlock, newBits, index),
        ipv6CidrBlock: props.dualStack === true ? Fn.cidrsubnet(this.resource.ipv6CidrBlock, 8, index) : undefined,
        assignIpv6AddressOnCreation: props.dualStack === true ? true : undefined,
        tags: subnetTags,
      });
      const routeTable = new RouteTable(this, `PrivateRoutes-${key}`, {
        provider: props.provider,
        vpcId: this.vpcId,
        tags: { ...tags, Name: `${props.name}-private-${az}` },
      });
      new RouteTableAssociation(this, `PrivateRoutesAssociation-${key}`, {
        provider: props.provider,
        subnetId: subnet.id,
        routeTableId: routeTable.id,
      });
      return {
        subnetId: subnet.id,
        // The block cidrsubnet gives Terraform, worked out here for the checks that read it (the JSON keeps the expression).
        cidrBlock: isUnresolved(props.cidrBlock) || isUnresolved(newBits) ? undefined : cidrSubnet(props.cidrBlock, newBits, index),
        availabilityZone: byId ? undefined : az,
        availabilityZoneId: byId ? az : undefined,
        routeTableId: routeTable.id,
        ipAddressType: props.dualStack === true ? "dualstack" : "ipv4",
        vpcId: this.vpcId,
        tier: PRIVATE_TIER,
        tags: subnetTags,
      } satisfies ISubnet;
    });
  }

  /** The private subnets: the VPC creates no other tier. */
  public get subnets(): readonly ISubnet[] {
    return this.privateSubnets;
  }

  public selectSubnets(selection: SubnetSelection = {}): ISubnet[] {
    return selectFrom(this, this.subnets, selection);
  }

  /**
   * AWS takes VPC blocks of /16 to /28 and subnets down to /28; the subnets
   * are the blocks 0 to (AZs - 1) of `subnetNewBits` more bits, so that many
   * must fit. Checked here, since `cidrsubnet` fails only at plan and AWS at apply.
   */
  private checkSubnetLayout(props: VpcProps): void {
    const prefix = checkVpcCidrSize(this, props.cidrBlock);
    if (prefix === undefined) return;
    if (props.subnetNewBits !== undefined && isUnresolved(props.subnetNewBits)) return;
    const newBits = props.subnetNewBits ?? DEFAULT_SUBNET_NEW_BITS;
    const unset = props.subnetNewBits === undefined ? ` (${DEFAULT_SUBNET_NEW_BITS} when unset)` : "";
    if (prefix + newBits > VPC_PREFIX.smallest)
      throw new ValidationError(
        this,
        "subnetNewBits",
        newBits,
        `at most ${VPC_PREFIX.smallest - prefix} for a /${prefix} VPC${unset}: its subnets would be /${prefix + newBits}, and AWS takes subnets down to /${VPC_PREFIX.smallest}`,
      );
    const zones = props.availabilityZones;
    if (isUnresolvedList(zones)) return;
    if (zones.length > 2 ** newBits)
      throw new ValidationError(
        this,
        "subnetNewBits",
        newBits,
        `at least ${Math.ceil(Math.log2(zones.length))} for ${zones.length} availability zones${unset}: one subnet per AZ, and ${newBits} bits make ${2 ** newBits} subnets`,
      );
  }

  private checkOwnTags(props: VpcProps): Readonly<Record<string, string>> {
    const tags = checkTags(this, "tags", props.tags) ?? {};
    if ("Name" in tags) throw new ValidationError(this, "tags.Name", tags.Name, "no Name tag: the construct names every resource from `name`");
    // Every Name the construct writes (`<name>-private-<az>`, `<name>-default-unused`) must be a tag value AWS accepts.
    const suffix = Math.max("-default-unused".length, ...props.availabilityZones.map((az) => `-private-${az}`.length));
    checkLength(this, "name", props.name, 1, TAG_LIMITS.valueCharacters - suffix);
    return tags;
  }

  /** The reason to leave the default security group open: the opt-out, or the deprecated `restrictDefaultSecurityGroup: false`. */
  private keepDefaultRulesReason(props: VpcProps): string | undefined {
    checkBoolean(this, "restrictDefaultSecurityGroup", props.restrictDefaultSecurityGroup);
    const reason = optOutReason(this, "keepDefaultSecurityGroupRules", props.keepDefaultSecurityGroupRules);
    if (props.restrictDefaultSecurityGroup === false) {
      if (reason !== undefined)
        throw new ValidationError(
          this,
          "restrictDefaultSecurityGroup",
          false,
          "keepDefaultSecurityGroupRules alone (restrictDefaultSecurityGroup is its deprecated form)",
        );
      return noReasonGiven("restrictDefaultSecurityGroup: false", 'keepDefaultSecurityGroupRules: OptOut.because("<why>")');
    }
    if (props.restrictDefaultSecurityGroup === true && reason !== undefined) {
      throw new ValidationError(this, "restrictDefaultSecurityGroup", true, "not both: keepDefaultSecurityGroupRules turns the restriction off");
    }
    return reason;
  }
}

const VPC_PROPS: Record<keyof VpcProps, true> = {
  name: true,
  cidrBlock: true,
  secondaryCidrBlocks: true,
  availabilityZones: true,
  subnetNewBits: true,
  dualStack: true,
  flowLogs: true,
  keepDefaultSecurityGroupRules: true,
  restrictDefaultSecurityGroup: true,
  tags: true,
  provider: true,
};

const VPC_ATTRIBUTES: Record<keyof VpcAttributes, true> = {
  vpcId: true,
  cidrBlock: true,
  secondaryCidrBlocks: true,
  ipv6CidrBlock: true,
  privateSubnets: true,
  privateSubnetIds: true,
  availabilityZones: true,
  routeTableIds: true,
  subnetCount: true,
  subnetTags: true,
  subnetGroups: true,
  dnsSupportEnabled: true,
  dnsHostnamesEnabled: true,
  privateHostedZoneNames: true,
  serviceNetworkAssociation: true,
  provider: true,
};

/**
 * IPv4 blocks no VPC can have (CreateVpc refuses them): "this network",
 * loopback, link-local (where the VPC's own services answer: instance
 * metadata, the Amazon DNS server), multicast and the reserved class E.
 * RFC 1918 and publicly routable blocks are allowed.
 */
const NON_VPC_BLOCKS = ["0.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4", "240.0.0.0/4"] as const;

const SUBNET_FIELDS: Record<keyof ISubnet, true> = {
  subnetId: true,
  availabilityZone: true,
  availabilityZoneId: true,
  cidrBlock: true,
  routeTableId: true,
  ipAddressType: true,
  vpcId: true,
  tier: true,
  tags: true,
};

/**
 * The prefix lengths of a VPC's IPv6 block: /56 from Amazon's pool, /44 to
 * /60 from an IPAM pool or a BYOIP range. A /64 is a subnet's block.
 */
const VPC_IPV6_PREFIX = { largest: 44, smallest: 60 } as const;

/** Fails unless a literal IPv6 block of an imported VPC (prop `ipv6CidrBlock`) has a prefix a VPC's block can have, /44 to /60. */
function checkVpcIpv6CidrSize(scope: IConstruct, ipv6CidrBlock: string | undefined): void {
  if (ipv6CidrBlock === undefined || isUnresolved(ipv6CidrBlock)) return;
  const prefix = parseCidr(ipv6CidrBlock)?.prefixLength;
  if (prefix !== undefined && (prefix < VPC_IPV6_PREFIX.largest || prefix > VPC_IPV6_PREFIX.smallest))
    throw new ValidationError(
      scope,
      "ipv6CidrBlock",
      ipv6CidrBlock,
      `the VPC's IPv6 block, /${VPC_IPV6_PREFIX.largest} to /${VPC_IPV6_PREFIX.smallest} (/56 when Amazon provides it)${prefix === 64 ? ": a /64 is one subnet's block" : ""}`,
    );
}

/** Fails unless a literal VPC CIDR (prop `cidrBlock`) is /16 to /28, the sizes AWS takes for a VPC, outside the blocks no VPC can have; returns its prefix length when literal. */
function checkVpcCidrSize(scope: IConstruct, cidrBlock: string): number | undefined {
  if (isUnresolved(cidrBlock)) return undefined;
  const prefix = parseCidr(cidrBlock)?.prefixLength;
  if (prefix !== undefined && (prefix < VPC_PREFIX.largest || prefix > VPC_PREFIX.smallest))
    throw new ValidationError(
      scope,
      "cidrBlock",
      cidrBlock,
      `a block of /${VPC_PREFIX.largest} to /${VPC_PREFIX.smallest}, the sizes AWS takes for a VPC`,
    );
  if (prefix !== undefined && NON_VPC_BLOCKS.some((block) => cidrsOverlap(block, cidrBlock)))
    throw new ValidationError(
      scope,
      "cidrBlock",
      cidrBlock,
      `a unicast block outside ${NON_VPC_BLOCKS.slice(0, -1).join(", ")} and ${NON_VPC_BLOCKS.at(-1)}: AWS refuses a VPC in them (use an RFC 1918 block such as 10.0.0.0/16)`,
    );
  return prefix;
}

/** The RFC 1918 ranges: AWS adds to a VPC a secondary block of its primary's range only (IPv4 CIDR block association restrictions). */
const RFC_1918 = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"] as const;
/** A range AWS adds to no VPC whose primary block lies outside it (IPv4 CIDR block association restrictions). */
const BENCHMARK_RANGE = "198.19.0.0/16";

/**
 * Every IPv4 block of `vpc`: its primary block, then its secondary ones
 * (`secondaryCidrBlocks`), where its clients and subnets can be.
 */
export function vpcIpv4CidrBlocks(vpc: IVpc): readonly string[] {
  return [vpc.cidrBlock, ...(vpc.secondaryCidrBlocks ?? [])];
}

/**
 * Whether `cidr` (an IPv4 CIDR or address) lies in one of `vpc`'s IPv4
 * blocks, primary or secondary; undefined when it or the primary block is
 * known only at apply (secondary blocks are literal).
 */
export function inVpcIpv4Blocks(vpc: IVpc, cidr: string): boolean | undefined {
  if (isUnresolved(cidr) || isUnresolved(vpc.cidrBlock)) return undefined;
  return vpcIpv4CidrBlocks(vpc).some((block) => cidrContains(block, cidr));
}

/**
 * The secondary IPv4 blocks of a VPC (prop `secondaryCidrBlocks`), checked:
 * a literal list of literal blocks (rule keys and the flow analysis read
 * them), each /16 to /28 outside the blocks no VPC can have, overlapping
 * neither the primary block nor another, and of a range AWS associates
 * with a VPC of that primary block: an RFC 1918 primary takes blocks of its
 * own RFC 1918 range or outside RFC 1918 and 198.19.0.0/16; a primary in
 * 198.19.0.0/16, in 100.64.0.0/10 or publicly routable takes none of RFC
 * 1918, and no 198.19.0.0/16 unless it is there itself.
 */
function checkSecondaryCidrBlocks(scope: IConstruct, blocks: readonly string[] | undefined, primary: string): readonly string[] {
  const prop = "secondaryCidrBlocks";
  const list = checkList(scope, prop, blocks);
  if (list === undefined) return [];
  if (isUnresolvedList(list))
    throw new ValidationError(scope, prop, list, "a literal list of literal IPv4 blocks: the rules that admit the VPC's clients are keyed by them");
  list.forEach((block, i) => {
    const at = `${prop}[${i}]`;
    checkString(scope, at, block);
    if (isUnresolved(block))
      throw new ValidationError(
        scope,
        at,
        block,
        "a literal IPv4 block such as 100.64.0.0/16: the rules that admit the VPC's clients are keyed by it",
      );
    checkIpv4Cidr(scope, at, block);
    const prefix = parseCidr(block)?.prefixLength;
    if (prefix !== undefined && (prefix < VPC_PREFIX.largest || prefix > VPC_PREFIX.smallest))
      throw new ValidationError(
        scope,
        at,
        block,
        `a block of /${VPC_PREFIX.largest} to /${VPC_PREFIX.smallest}, the sizes AWS takes for a VPC's blocks`,
      );
    if (NON_VPC_BLOCKS.some((reserved) => cidrsOverlap(reserved, block)))
      throw new ValidationError(
        scope,
        at,
        block,
        `a unicast block outside ${NON_VPC_BLOCKS.slice(0, -1).join(", ")} and ${NON_VPC_BLOCKS.at(-1)}: AWS refuses a VPC block in them`,
      );
    if (!isUnresolved(primary) && cidrsOverlap(primary, block))
      throw new ValidationError(scope, at, block, `a block that does not overlap the VPC's primary block ${primary}: a VPC's blocks never overlap`);
    const other = list.findIndex((b, j) => j < i && cidrsOverlap(b, block));
    if (other !== -1)
      throw new ValidationError(scope, at, block, `a block that does not overlap ${prop}[${other}] (${list[other]}): a VPC's blocks never overlap`);
    if (!isUnresolved(primary)) checkAssociable(scope, at, block, primary);
  });
  return [...list];
}

/** Fails when AWS refuses `block` as a secondary block of a VPC whose primary block is `primary` (IPv4 CIDR block association restrictions). */
function checkAssociable(scope: IConstruct, prop: string, block: string, primary: string): void {
  const rangeOf = (cidr: string) =>
    RFC_1918.find((range) => cidrContains(range, cidr)) ?? (cidrContains(BENCHMARK_RANGE, cidr) ? BENCHMARK_RANGE : undefined);
  const [own, theirs] = [rangeOf(primary), rangeOf(block)];
  if (theirs === undefined || theirs === own) return;
  const where = own === undefined ? "outside RFC 1918 and 198.19.0.0/16 (100.64.0.0/10 or publicly routable)" : `in ${own}`;
  const takes =
    own === undefined
      ? "another block outside RFC 1918 and 198.19.0.0/16, such as one of 100.64.0.0/10"
      : own === BENCHMARK_RANGE
        ? "a block outside RFC 1918, such as one of 100.64.0.0/10"
        : `a block of ${own}, or one outside RFC 1918 and 198.19.0.0/16, such as one of 100.64.0.0/10`;
  throw new ValidationError(
    scope,
    prop,
    block,
    `${takes}: AWS refuses a secondary block of ${theirs} in a VPC whose primary block ${primary} is ${where} (IPv4 CIDR block association restrictions)`,
  );
}

class ImportedVpc extends Construct implements IVpc {
  public readonly vpcId: string;
  public readonly cidrBlock: string;
  public readonly secondaryCidrBlocks: readonly string[];
  public readonly ipv6CidrBlock?: string;
  public readonly subnets: readonly ISubnet[];
  public readonly privateSubnets: readonly ISubnet[];
  public readonly provider?: TerraformProvider;
  public readonly dnsSupportEnabled?: boolean;
  public readonly dnsHostnamesEnabled?: boolean;
  public readonly associatedPrivateZoneNames?: readonly string[];
  public readonly serviceNetworkAssociation?: string;

  constructor(scope: Construct, id: string, attrs: VpcAttributes) {
    super(scope, id);
    requireProps(this, attrs, ["vpcId", "cidrBlock"]);
    checkKnownProps(this, attrs, VPC_ATTRIBUTES);
    checkString(this, "vpcId", attrs.vpcId);
    checkResourceId(this, "vpcId", attrs.vpcId, "vpc");
    checkIpv4Cidr(this, "cidrBlock", attrs.cidrBlock);
    checkVpcCidrSize(this, attrs.cidrBlock);
    this.secondaryCidrBlocks = checkSecondaryCidrBlocks(this, attrs.secondaryCidrBlocks, attrs.cidrBlock);
    checkIpv6Cidr(this, "ipv6CidrBlock", attrs.ipv6CidrBlock);
    checkVpcIpv6CidrSize(this, attrs.ipv6CidrBlock);
    this.dnsSupportEnabled = checkBoolean(this, "dnsSupportEnabled", attrs.dnsSupportEnabled);
    this.dnsHostnamesEnabled = checkBoolean(this, "dnsHostnamesEnabled", attrs.dnsHostnamesEnabled);
    this.associatedPrivateZoneNames = this.checkZoneNames(attrs.privateHostedZoneNames);
    checkString(this, "serviceNetworkAssociation", attrs.serviceNetworkAssociation);
    checkResourceId(this, "serviceNetworkAssociation", attrs.serviceNetworkAssociation, "serviceNetworkVpcAssociation");
    this.serviceNetworkAssociation = attrs.serviceNetworkAssociation;
    this.vpcId = attrs.vpcId;
    this.cidrBlock = attrs.cidrBlock;
    this.ipv6CidrBlock = attrs.ipv6CidrBlock;
    this.provider = attrs.provider;
    this.subnets = this.importSubnets(attrs);
    this.privateSubnets = this.subnets.filter((s) => s.tier === PRIVATE_TIER);
  }

  public selectSubnets(selection: SubnetSelection = {}): ISubnet[] {
    return selectFrom(this, this.subnets, selection);
  }

  /** The zone names, each a DNS name given once (in canonical form), kept canonical; a list reference is kept as it is. */
  private checkZoneNames(names: readonly string[] | undefined): readonly string[] | undefined {
    const list = checkList(this, "privateHostedZoneNames", names);
    if (list === undefined || isUnresolvedList(list)) return list;
    list.forEach((name, i) => {
      checkString(this, `privateHostedZoneNames[${i}]`, name);
      checkDnsName(this, `privateHostedZoneNames[${i}]`, name);
    });
    const canonical = list.map((name) => (isUnresolved(name) ? name : canonicalDnsName(name)));
    canonical.forEach((name, i) => {
      const first = canonical.indexOf(name);
      if (first !== i && !isUnresolved(name))
        throw new ValidationError(
          this,
          `privateHostedZoneNames[${i}]`,
          list[i],
          `each zone name once (privateHostedZoneNames[${first}] is ${name} already): a VPC has at most one private hosted zone of a name`,
        );
    });
    return canonical;
  }

  private importSubnets(attrs: VpcAttributes): ISubnet[] {
    const region = literalRegionOf(this, attrs.provider);
    const objects = checkList(this, "privateSubnets", attrs.privateSubnets);
    const flat = attrs.privateSubnetIds ?? attrs.availabilityZones ?? attrs.routeTableIds ?? attrs.subnetCount ?? attrs.subnetTags;
    if (objects !== undefined && flat !== undefined) {
      throw new ValidationError(
        this,
        "privateSubnets",
        "privateSubnets and privateSubnetIds",
        "one form of the private subnets: objects (privateSubnets) or lists (privateSubnetIds)",
      );
    }
    if (flat !== undefined) requireProps(this, attrs, ["privateSubnetIds"]);
    const flatNames: Partial<Record<keyof SubnetGroupAttributes, string>> = { subnetIds: "privateSubnetIds", tags: "subnetTags" };
    const groups: { readonly propOf: (field: keyof SubnetGroupAttributes | "") => string; readonly group: SubnetGroupAttributes }[] = [
      ...(attrs.privateSubnetIds === undefined
        ? []
        : [
            {
              propOf: (field: keyof SubnetGroupAttributes | "") => (field === "" ? "privateSubnetIds" : (flatNames[field] ?? field)),
              group: {
                tier: PRIVATE_TIER,
                subnetIds: attrs.privateSubnetIds,
                availabilityZones: attrs.availabilityZones,
                routeTableIds: attrs.routeTableIds,
                subnetCount: attrs.subnetCount,
                tags: attrs.subnetTags,
              },
            },
          ]),
      ...(checkList(this, "subnetGroups", attrs.subnetGroups) ?? []).map((group, i) => ({
        propOf: (field: keyof SubnetGroupAttributes | "") => (field === "" ? `subnetGroups[${i}]` : `subnetGroups[${i}].${field}`),
        group,
      })),
    ];
    const tiers = new Map<string, string>(objects === undefined ? [] : [[PRIVATE_TIER, "privateSubnets"]]);
    const subnets = (objects ?? []).map((subnet, i) => this.importSubnetObject(`privateSubnets[${i}]`, subnet, region));
    // Subnets of one VPC never overlap: AWS refuses a subnet whose block overlaps another's (InvalidSubnet.Conflict).
    subnets.forEach((subnet, i) => {
      const block = subnet.cidrBlock;
      if (block === undefined || isUnresolved(block)) return;
      const other = subnets.findIndex((s, j) => j < i && s.cidrBlock !== undefined && !isUnresolved(s.cidrBlock) && cidrsOverlap(s.cidrBlock, block));
      if (other !== -1)
        throw new ValidationError(
          this,
          `privateSubnets[${i}].cidrBlock`,
          block,
          `a block that does not overlap privateSubnets[${other}]'s ${subnets[other].cidrBlock}: the subnets of a VPC never overlap`,
        );
    });
    // Where each subnet was written, so that a duplicate is reported at the prop the user wrote it in.
    const written = subnets.map((_, i) => `privateSubnets[${i}].subnetId`);
    for (const { propOf, group } of groups) {
      const imported = importSubnetGroup(this, propOf, group, this.vpcId, region);
      const other = tiers.get(group.tier);
      if (other !== undefined)
        throw new ValidationError(this, propOf("tier"), group.tier, `a tier not described before (${other} describes ${group.tier})`);
      tiers.set(group.tier, propOf(""));
      subnets.push(...imported);
      written.push(...imported.map((_, i) => `${propOf("subnetIds")}[${i}]`));
    }
    const first = new Map<string, number>();
    subnets.forEach(({ subnetId }, i) => {
      if (isUnresolved(subnetId)) return;
      const seen = first.get(subnetId);
      if (seen !== undefined)
        throw new ValidationError(
          this,
          written[i],
          subnetId,
          `a subnet listed once (${written[seen]} is the same subnet): a subnet has one tier and one AZ`,
        );
      first.set(subnetId, i);
    });
    return subnets;
  }

  /** A subnet given as an object: its IDs and AZ checked, its VPC and tier filled in. */
  private importSubnetObject(prop: string, subnet: ISubnet, region: string | undefined): ISubnet {
    checkObject(this, prop, subnet);
    // A literal object only: a subnet of another construct may carry more.
    if (Object.getPrototypeOf(subnet) === Object.prototype) checkKnownProps(this, subnet, SUBNET_FIELDS, prop);
    requireProps(this, subnet, ["subnetId"]);
    checkString(this, `${prop}.tier`, subnet.tier);
    if (subnet.tier !== undefined && !isUnresolved(subnet.tier) && subnet.tier !== PRIVATE_TIER)
      throw new ValidationError(
        this,
        `${prop}.tier`,
        subnet.tier,
        `${PRIVATE_TIER} or unset: privateSubnets are the tier ${PRIVATE_TIER} (a subnet of another tier would not be one of vpc.privateSubnets); describe other tiers in subnetGroups`,
      );
    checkResourceId(this, `${prop}.subnetId`, subnet.subnetId, "subnet");
    checkResourceId(this, `${prop}.routeTableId`, subnet.routeTableId, "routeTable");
    checkIpv4Cidr(this, `${prop}.cidrBlock`, subnet.cidrBlock);
    if (subnet.cidrBlock !== undefined && inVpcIpv4Blocks(this, subnet.cidrBlock) === false)
      throw new ValidationError(this, `${prop}.cidrBlock`, subnet.cidrBlock, `a block inside the VPC's ${vpcIpv4CidrBlocks(this).join(" or ")}`);
    const prefix = subnet.cidrBlock === undefined || isUnresolved(subnet.cidrBlock) ? undefined : parseCidr(subnet.cidrBlock)?.prefixLength;
    if (prefix !== undefined && (prefix < 16 || prefix > 28))
      throw new ValidationError(this, `${prop}.cidrBlock`, subnet.cidrBlock, "a subnet block from /16 to /28, the sizes AWS takes for a subnet");
    if (subnet.availabilityZone !== undefined) checkAvailabilityZones(this, `${prop}.availabilityZone`, [subnet.availabilityZone], region);
    if (subnet.availabilityZoneId !== undefined) checkAvailabilityZones(this, `${prop}.availabilityZoneId`, [subnet.availabilityZoneId], region);
    if (sameVpc(this, subnet.vpcId, this.vpcId) === false)
      throw new ValidationError(this, `${prop}.vpcId`, subnet.vpcId, `a subnet of the VPC imported (${this.vpcId})`);
    return { tier: PRIVATE_TIER, ...subnet, vpcId: this.vpcId };
  }
}

/** Where and why AWS reserves an address of a VPC (see {@link awsReservedAddressIn}). */
export interface ReservedAddress {
  /** The block it is reserved in: the VPC's own, or a subnet's. */
  readonly block: string;
  /** What AWS keeps it for (`the Amazon DNS resolver`, `the broadcast address, the block's last` ...). */
  readonly role: string;
  /** True when `block` is the VPC's own block rather than a subnet's. */
  readonly vpcBlock: boolean;
}

/**
 * Where and why AWS reserves `address` in `vpc`, which nothing can then
 * listen on: at an end of one of the VPC's own IPv4 blocks (reserved whatever its
 * subnets are), or among the first four and the last address of a subnet
 * whose block is known (`ISubnet.cidrBlock`). Undefined for an address a
 * resource can hold, one outside the VPC, an IPv6 one, and references.
 */
export function awsReservedAddressIn(vpc: IVpc, address: string): ReservedAddress | undefined {
  if (isUnresolved(address)) return undefined;
  const subnets = vpc.subnets.map((subnet) => subnet.cidrBlock);
  const own = vpcIpv4CidrBlocks(vpc);
  for (const block of [...own, ...subnets]) {
    if (block === undefined || isUnresolved(block)) continue;
    const role = awsReservedAddressRole(block, address);
    if (role !== undefined) return { block, role, vpcBlock: own.includes(block) };
  }
  return undefined;
}

/** The expectation of a refusal of `reserved` (awsReservedAddressIn), for each construct that places something at an address. */
export function reservedAddressExpectation(address: string, reserved: ReservedAddress): string {
  const where = reserved.vpcBlock ? `VPC ${reserved.block}` : `subnet ${reserved.block}`;
  const why = reserved.vpcBlock ? ", and a subnet holding this address begins or ends with the VPC's block" : "";
  return `an address a resource can hold (${address} is reserved by AWS in ${where}: ${reserved.role}; AWS reserves the first four and the last address of every subnet${why})`;
}

/**
 * Fails when the VPC is known to have DNS resolution or DNS hostnames off
 * (an imported VPC that says so): private DNS of endpoints and private
 * hosted zones answer through the Amazon DNS server of a VPC with both on,
 * and AWS refuses or silently ignores them otherwise.
 */
export function checkVpcDns(scope: IConstruct, prop: string, value: unknown, vpc: IVpc, needs: string): void {
  const off = [
    ...(vpc.dnsSupportEnabled === false ? ["enableDnsSupport"] : []),
    ...(vpc.dnsHostnamesEnabled === false ? ["enableDnsHostnames"] : []),
  ];
  if (off.length === 0) return;
  throw new ValidationError(
    scope,
    prop,
    value,
    `a VPC with enableDnsSupport and enableDnsHostnames on for ${needs}: VPC ${vpc.vpcId} has ${off.join(" and ")} off (turn ${off.length === 1 ? "it" : "them"} on with aws ec2 modify-vpc-attribute or in the VPC's own configuration)`,
  );
}

/**
 * Fails unless `vpc` is a VPC (a `Vpc`, or what `Vpc.fromVpcAttributes`
 * returns): a JavaScript caller's VPC ID string would otherwise end in a
 * TypeError deep inside the construct.
 * @internal
 */
export function checkIsVpc(scope: IConstruct, prop: string, vpc: IVpc | undefined): IVpc | undefined {
  return checkInstance(scope, prop, vpc, isVpc, "new Vpc(...) or Vpc.fromVpcAttributes(...)");
}

function isVpc(value: unknown): value is IVpc {
  const candidate = value as Partial<IVpc> | null;
  return typeof candidate === "object" && candidate !== null && typeof candidate.vpcId === "string";
}

/**
 * Whether two VPC IDs name the same VPC, when that is known at synth: both
 * literal, both references to `aws_vpc` resources of the stack, or one of
 * each (a VPC the configuration creates is not an existing one; an existing
 * VPC comes in through `Vpc.fromVpcAttributes`). Undefined when only
 * Terraform can tell (variables, remote state, data sources).
 */
export function sameVpc(scope: IConstruct, a: string | undefined, b: string | undefined): boolean | undefined {
  if (a === undefined || b === undefined) return undefined;
  if (a === b) return true;
  if (!isUnresolved(a) && !isUnresolved(b)) return false;
  const vpcResource = (id: string): string | undefined => {
    const resolved = isUnresolved(id) ? resolvedValue(scope, id) : undefined;
    return typeof resolved === "string" && /^\$\{aws_vpc\.[\w-]+\.id\}$/.test(resolved) ? resolved : undefined;
  };
  const [x, y] = [vpcResource(a), vpcResource(b)];
  if (x !== undefined && y !== undefined) return x === y;
  // A VPC this configuration creates is not one that exists already under a literal ID.
  if ((x !== undefined && !isUnresolved(b)) || (y !== undefined && !isUnresolved(a))) return false;
  return undefined;
}

/**
 * Fails when a construct's own `provider` deploys to another account than
 * the provider of what it is made in (`owner`: a resource gateway), where
 * both pin one literal account (`allowed_account_ids`): AWS finds no gateway
 * of another account by its ID, so the apply would fail. Not for a VPC:
 * participants of a shared VPC create security groups and interfaces in it
 * from their own account.
 * @internal
 */
export function checkSameAccount(scope: IConstruct, provider: TerraformProvider | undefined, owner: { readonly provider?: TerraformProvider }): void {
  const own = literalAccountOf(scope, provider);
  const owners = literalAccountOf(scope, owner.provider);
  if (own === undefined || owners === undefined || own === owners) return;
  throw new ValidationError(
    scope,
    "provider",
    `${provider?.alias ?? "default"} (account ${own})`,
    `a provider of the account of ${Construct.isConstruct(owner) ? owner.node.path : "its owner"} (${owners}, provider ${owner.provider?.alias ?? "default"}): AWS finds nothing of another account by its ID`,
  );
}

/**
 * The provider of a construct that only a VPC's owner may create in it
 * (endpoints of every type, Lattice VPC associations; participants of a
 * shared VPC create security groups and network interfaces only): the one
 * given, else the VPC's. Fails when the given one deploys to another account
 * than the VPC's owner, both pinned to one literal account: the VPC's
 * (`Vpc`, or an import given its provider), as AWS would refuse the
 * resource at apply (the VPC of another account is not found). `what`
 * names the resource for the message.
 * @internal
 */
export function vpcOwnerProviderOf(
  scope: IConstruct,
  props: { readonly provider?: TerraformProvider },
  vpc: IVpc,
  what: string,
): TerraformProvider | undefined {
  const provider = providerOf(props, vpc);
  // An imported VPC without a provider has no known owner: nothing to compare with.
  if (props.provider === undefined || (vpc.provider === undefined && !(vpc instanceof Vpc))) return provider;
  const own = literalAccountOf(scope, props.provider);
  const owner = literalAccountOf(Construct.isConstruct(vpc) ? vpc : scope, vpc.provider);
  if (own === undefined || owner === undefined || own === owner) return provider;
  throw new ValidationError(
    scope,
    "provider",
    `${props.provider.alias ?? "default"} (account ${own})`,
    `a provider of account ${owner}, the owner of VPC ${Construct.isConstruct(vpc) ? vpc.node.path : vpc.vpcId}, or no provider (the VPC's): AWS lets only a VPC's owner create ${what} in it (participants of a shared VPC create security groups and network interfaces only)`,
  );
}

/**
 * Fails when a subnet or security group (anything that carries its `vpcId`)
 * belongs to another VPC than `vpc`, where both are known at synth: AWS
 * refuses an endpoint, a load balancer or an association whose subnets and
 * groups are of another VPC. `prop` names the caller's list prop.
 */
export function checkInVpc(scope: IConstruct, prop: string, members: readonly object[] | undefined, vpc: IVpc): void {
  if (members === undefined || isUnresolvedList(members)) return;
  members.forEach((member, i) => {
    const vpcId = (member as { readonly vpcId?: unknown }).vpcId;
    if (sameVpc(scope, typeof vpcId === "string" ? vpcId : undefined, vpc.vpcId) === false) {
      throw new ValidationError(
        scope,
        `${prop}[${i}]`,
        describeMember(member, vpcId),
        `a member of the VPC it is used with (${describeVpc(vpc)}): AWS refuses subnets and security groups of another VPC`,
      );
    }
  });
}

/** A VPC as errors name it: its construct path, or its ID; never a token's placeholder. @internal */
export function describeVpc(vpc: IVpc): string {
  return Construct.isConstruct(vpc) ? vpc.node.path : vpc.vpcId;
}

/** What errors show of a member of another VPC: its VPC's literal ID, else the member's construct path. */
function describeMember(member: object, vpcId: unknown): unknown {
  if (typeof vpcId === "string" && !isUnresolved(vpcId)) return vpcId;
  return Construct.isConstruct(member) ? `${member.node.path} (in another VPC)` : vpcId;
}
