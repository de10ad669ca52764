import { TerraformProvider } from "../core/cdktf";
import { Construct } from "constructs";
import { VpclatticeResourceGateway } from "@cdktf/provider-aws/lib/vpclattice-resource-gateway";
import { IConstruct } from "constructs";
import {
  AddressFamily,
  addressRange,
  AWS_LIMITS,
  AwsResourceProps,
  checkAtSynth,
  checkItemCount,
  checkKnownProps,
  checkLength,
  checkList,
  checkOneOf,
  checkPattern,
  checkRestrictedCidr,
  checkString,
  checkTags,
  checkUnique,
  cidrsCoverAddressSpace,
  cidrsOverlap,
  familyOf,
  formatPortRange,
  isUnresolved,
  nameFromPath,
  PortRange,
  requireProps,
  requireValue,
  stableId,
  Tags,
  ValidationError,
  checkProvider,
  checkResourceId,
  literalAccountOf,
  literalRegionOf,
  partitionOfRegion,
} from "../core";
import { claimName } from "../lattice/placement";
import { checkImportedIdentity, checkImportedZoneId } from "./imported-identity";
import {
  checkInVpc,
  checkIsSecurityGroup,
  checkIsVpc,
  checkSubnetObjects,
  Connections,
  defaultSubnetsOf,
  IConnectable,
  ISecurityGroup,
  ISubnet,
  IVpc,
  IpAddressType,
  Peer,
  SecurityGroup,
  SecurityGroupBase,
  sameVpc,
  vpcIpv4CidrBlocks,
  vpcOwnerProviderOf,
  zoneOf,
} from "../vpc";
import { DnsResourceIpAddressType, gatewayTrafficFamilies, RESOURCE_IP_ADDRESS_TYPES, ResourceIpAddressType } from "./ip-families";

/** A VPC Lattice resource gateway, created here or imported. */
export interface IResourceGateway extends IConnectable {
  /** `rgw-` followed by 17 characters. */
  readonly resourceGatewayId: string;
  /** `arn:aws:vpc-lattice:<region>:<account>:resourcegateway/rgw-...`. */
  readonly resourceGatewayArn: string;
  /** Lets configurations check that their resource is reachable over it. @default - unknown, the checks are skipped */
  readonly ipAddressType?: ResourceIpAddressType;
  /** The provider (account) that owns the gateway. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /** The group made for the gateway, which resources' ingress rules reference. @default - none: the gateway's groups are in `connections` */
  readonly securityGroup?: ISecurityGroup;
  /** The subnets of the gateway's network interfaces: endpoints to its configurations must share an AZ with them. @default - unknown */
  readonly subnets?: readonly ISubnet[];
  /** The VPC of the gateway: IP resources must be in it (or in `reachableCidrs`). @default - unknown, the address checks are skipped */
  readonly vpc?: IVpc;
  /** Ranges outside the VPC the gateway reaches through the VPC's routes (peered VPCs, on-premises networks). @default - none */
  readonly reachableCidrs?: readonly string[];
  /**
   * Lets the gateway reach resources behind it on these TCP ports.
   * @deprecated Configurations open their own ports through the gateway's
   * connections; for rules of your own use
   * `gateway.connections.allowTo(Peer.cidr(...), Port.tcp(...), description)`.
   * @param destination CIDR of the resource; undefined for the gateway's VPC and its reachableCidrs
   */
  allowResourcePorts(ports: readonly PortRange[], destination?: string): void;
}

/** What {@link ResourceGateway.fromResourceGatewayAttributes} needs to know of a gateway made elsewhere. */
export interface ResourceGatewayAttributes {
  /**
   * The gateway's ARN, `arn:aws:vpc-lattice:<region>:<account>:resourcegateway/rgw-...`, in the stack's region.
   * @default - built from resourceGatewayId and the provider's region and account (a gateway is used by configurations of its own account), which must then be literal
   */
  readonly resourceGatewayArn?: string;
  /**
   * `rgw-` followed by 17 characters, as the console shows it; must be the
   * ID the ARN names. Enough alone with a provider pinned to one account
   * (`allowed_account_ids`, as PrivateNetworkingStack's are) in a literal region.
   * @default - the ID in the ARN
   */
  readonly resourceGatewayId?: string;
  /** @default - unknown, IP family checks are skipped */
  readonly ipAddressType?: ResourceIpAddressType;
  /**
   * The gateway's security groups: resources admit them, and groups this
   * library manages (imported with `SecurityGroup.fromSecurityGroupAttributes`)
   * take rules added through `connections`. Configurations add no egress
   * rules to an imported gateway on their own: its groups belong to the
   * stack that made it.
   * @default - none known: resources admit the gateway's VPC blocks of its `ipAddressType` (IPv4 when unknown), or nothing when the VPC is unknown too
   */
  readonly securityGroups?: readonly ISecurityGroup[];
  /** The gateway's subnets, so that endpoints to its configurations can be checked to share an AZ with it. @default - unknown, not checked */
  readonly subnets?: readonly ISubnet[];
  /** The gateway's VPC, so that IP resources can be checked to be in it. @default - unknown, not checked */
  readonly vpc?: IVpc;
  /** Ranges outside the VPC the gateway reaches (see {@link ResourceGatewayProps.reachableCidrs}). @default - none */
  readonly reachableCidrs?: readonly string[];
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
   * dual-stack subnets) and the resources behind the gateway (which a
   * DUALSTACK gateway reaches over IPv4, or IPv6 for an IPv6 DNS or IP resource).
   * @default "IPV4"
   */
  readonly ipAddressType?: ResourceIpAddressType;
  /**
   * Up to 5 security groups of the gateway's network interfaces, instead of
   * the default one. Groups this library manages (a `SecurityGroup`, or one
   * imported with `SecurityGroup.fromSecurityGroupAttributes`) take the
   * configurations' egress rules like the default group; groups given only
   * by ID are left as they are. The rules reach an IP resource's address,
   * and a DNS or ARN resource in the VPC's block and each of
   * `reachableCidrs` of the family the gateway reaches it over (a
   * DUALSTACK gateway: the DNS resource's ipAddressType, IPV4 or IPV6; an
   * ARN resource over IPv4 unless the gateway is IPV6).
   * @default - one new group whose egress allows only the resources' ports, to the resource's IP, or the VPC CIDR and reachableCidrs
   */
  readonly securityGroups?: readonly ISecurityGroup[];
  /**
   * CIDR blocks outside the VPC that the gateway reaches through the VPC's
   * routes: peered VPCs, on-premises networks over VPN or Direct Connect,
   * secondary CIDR blocks of the VPC. IP resources must be in the VPC or in
   * one of these; never the internet (not even in pieces, like 0.0.0.0/1
   * plus 128.0.0.0/1) nor public IPv4 space. The gateway's egress to DNS and
   * ARN resources, which may resolve into any of them, goes to each; a range
   * only Terraform knows is taken to be of the gateway's family (IPv4 unless IPV6).
   * @default - none: IP resources must be in the VPC's CIDR blocks
   */
  readonly reachableCidrs?: readonly string[];
  /** Tags of the gateway and of its security group and rules. @default - none beyond the provider's default tags */
  readonly tags?: { readonly [key: string]: string };
}

const RESOURCE_GATEWAY_PROPS: Record<keyof ResourceGatewayProps, true> = {
  name: true,
  vpc: true,
  subnets: true,
  ipAddressType: true,
  securityGroups: true,
  reachableCidrs: true,
  tags: true,
  provider: true,
};

const RESOURCE_GATEWAY_ATTRIBUTES: Record<keyof ResourceGatewayAttributes, true> = {
  resourceGatewayArn: true,
  resourceGatewayId: true,
  ipAddressType: true,
  securityGroups: true,
  subnets: true,
  vpc: true,
  reachableCidrs: true,
  provider: true,
};

const NAME_PATTERN = /^(?!rgw-)(?!-)(?!.*-$)(?!.*--)[a-z0-9-]+$/;
/** The subnet IP families each gateway IP address type can use. */
const SUBNET_TYPES: Record<ResourceIpAddressType, readonly IpAddressType[]> = {
  IPV4: ["ipv4", "dualstack"],
  IPV6: ["ipv6"],
  DUALSTACK: ["dualstack"],
};
/** Key of the rules that admit the gateway's own group into resources' groups: part of their Terraform addresses. */
const DEFAULT_GROUP_PEER = "resource-gateway";

/**
 * A VPC Lattice resource gateway: the point of ingress into the VPC that owns
 * shared resources (databases, IP addresses, DNS names). Resource
 * configurations are bound to it; consumers in other VPCs and accounts reach
 * them through Resource endpoints or service networks.
 *
 * By default the gateway gets its own security group with no rule until a
 * configuration opens egress to its resource's ports (through the gateway's
 * `connections`, which also take rules of your own).
 *
 * Creates: aws_vpclattice_resource_gateway, and unless `securityGroups` is
 * given, aws_security_group with aws_vpc_security_group_egress_rule.
 */
export class ResourceGateway extends Construct implements IResourceGateway {
  /**
   * A resource gateway made elsewhere (another stack, a platform team's
   * landing zone), by ARN: checked to be a resource gateway ARN in the
   * stack's region whose ID matches `resourceGatewayId` when given. Its ID
   * alone will do with a provider pinned to one account in a literal
   * region: the ARN is then the provider's account's and region's.
   */
  public static fromResourceGatewayAttributes(scope: Construct, id: string, attrs: ResourceGatewayAttributes): IResourceGateway {
    return new ImportedResourceGateway(scope, id, attrs);
  }

  /**
   * Describes a resource gateway made elsewhere.
   * @deprecated Use {@link ResourceGateway.fromResourceGatewayAttributes} (the same attributes, checked the same way).
   */
  public static fromAttributes(scope: Construct, id: string, attrs: ResourceGatewayAttributes): IResourceGateway {
    return ResourceGateway.fromResourceGatewayAttributes(scope, id, attrs);
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
  public readonly vpc: IVpc;
  public readonly reachableCidrs: readonly string[];
  /** The gateway's security groups, and the rules to add to them, such as `allowTo(Peer.cidr(...), Port.tcp(...), why)` for a resource no configuration describes. */
  public readonly connections: Connections;
  private readonly name: string;
  /** The groups configurations add their egress rules to: the default one, or the given groups this library manages. */
  private readonly resourceEgress?: Connections;
  /** Egress rules already added, so that configurations sharing a port add it once. */
  private readonly allowedRules = new Set<string>();

  constructor(scope: Construct, id: string, props: ResourceGatewayProps) {
    super(scope, id);
    requireProps(this, props, ["name", "vpc"]);
    checkKnownProps(this, props, RESOURCE_GATEWAY_PROPS);
    requireValue(this, "name", props.name, "a resource gateway name");
    checkString(this, "name", props.name);
    checkLength(this, "name", props.name, 3, 40);
    checkPattern(
      this,
      "name",
      props.name,
      NAME_PATTERN,
      "lowercase letters, digits and single hyphens, not starting with rgw- nor starting or ending with a hyphen",
    );
    requireValue(this, "vpc", props.vpc, "the VPC that owns the resources");
    checkIsVpc(this, "vpc", props.vpc);
    // Checked before the default: null is no address type, and must not become IPV4 unseen.
    checkOneOf(this, "ipAddressType", props.ipAddressType, RESOURCE_IP_ADDRESS_TYPES);
    this.ipAddressType = props.ipAddressType ?? "IPV4";
    // Subnet ID strings (or a list only Terraform knows) would render as no subnet at all.
    const subnets =
      props.subnets === undefined
        ? defaultSubnetsOf(this, "subnets", props.vpc)
        : checkSubnetObjects(this, "subnets", props.subnets, "subnetId", "vpc.selectSubnets()", "resource gateways are placed in");
    this.checkSubnets(subnets);
    checkInVpc(this, "subnets", subnets, props.vpc);
    checkList(this, "securityGroups", props.securityGroups);
    checkItemCount(this, "securityGroups", props.securityGroups, 1, AWS_LIMITS.securityGroupsPerResourceGateway);
    props.securityGroups?.forEach((group, index) => checkIsSecurityGroup(this, `securityGroups[${index}]`, group));
    checkUnique(this, "securityGroups", props.securityGroups, (g) => g.securityGroupId);
    props.securityGroups?.forEach((group, index) => checkGroupVpc(this, `securityGroups[${index}]`, group, props.vpc));
    if (this.ipAddressType === "IPV6" && props.vpc.ipv6CidrBlock === undefined) {
      throw new ValidationError(this, "vpc.ipv6CidrBlock", undefined, "a VPC with an IPv6 CIDR block for an IPV6 resource gateway");
    }
    this.reachableCidrs = checkReachableCidrs(this, "reachableCidrs", props.reachableCidrs) ?? [];
    const tags = checkTags(this, "tags", props.tags);

    this.name = props.name;
    this.vpc = props.vpc;
    this.subnets = subnets;
    checkProvider(this, "provider", props.provider, "the account that owns the gateway");
    // A participant of a shared VPC cannot place a gateway in the owner's subnets: AWS creates none in shared subnets.
    this.provider = vpcOwnerProviderOf(this, props, props.vpc, "a resource gateway (none is created in shared subnets)");
    claimName(this, "name", "resource gateway", props.name, this.provider);
    if (props.securityGroups === undefined) {
      this.securityGroup = new SecurityGroup(this, "SecurityGroup", {
        provider: this.provider,
        vpc: props.vpc,
        description: `Resource gateway ${props.name}: egress only to the ports of the resources behind it`,
      });
    }
    const securityGroups = props.securityGroups ?? (this.securityGroup === undefined ? [] : [this.securityGroup]);
    this.connections = new Connections(this, { securityGroups });
    const managed = securityGroups.filter(SecurityGroupBase.isSecurityGroupBase);
    this.resourceEgress = managed.length === 0 ? undefined : new Connections(this, { securityGroups: managed });
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
    for (const [key, value] of Object.entries(tags ?? {})) Tags.of(this).add(key, value);
  }

  /**
   * Lets the gateway reach resources behind it on these TCP ports.
   * @deprecated Configurations open their own ports; for rules of your own use
   * `gateway.connections.allowTo(Peer.cidr(...), Port.tcp(...), description)`.
   */
  public allowResourcePorts(ports: readonly PortRange[], destination?: string): void {
    this.openResourcePorts(ports, destination);
  }

  /**
   * The egress a configuration needs: its ports, to its resource's address,
   * or for a DNS or ARN resource (`destination` undefined) to every network
   * the resource may resolve into: the VPC and each of `reachableCidrs`, in
   * the IP families the gateway reaches the resource over. On the default
   * group or the given groups this library manages; each rule once however
   * many configurations share it.
   * @param resourceIpAddressType the family a DNS resource resolves to; undefined for an ARN resource, reached over IPv4 unless the gateway is IPV6
   * @internal
   */
  public openResourcePorts(ports: readonly PortRange[], destination?: string, resourceIpAddressType?: DnsResourceIpAddressType): void {
    const egress = this.resourceEgress;
    if (egress === undefined) return; // Groups given by ID are managed by their owner.
    const peers =
      destination !== undefined ? [Peer.cidr(destination)] : this.egressFamilies(resourceIpAddressType).flatMap((f) => this.networksOf(f));
    for (const peer of peers) {
      for (const port of ports) {
        const range = formatPortRange(port);
        const key = `${range} ${peer.key}`;
        if (this.allowedRules.has(key)) continue;
        this.allowedRules.add(key);
        egress.allowTo(peer, port, `Resource gateway ${this.name} to the resources behind it on tcp ${range}`);
      }
    }
  }

  /**
   * Fails at synth when the gateway's own group lets nothing out: an ARN
   * resource given no `securityGroupPorts` opens no egress (AWS knows its
   * ports, this library does not), and the default group starts without
   * rules, so unless a rule of the caller's own (`connections.allowTo`)
   * is added the gateway never reaches the resource. Groups given as
   * `securityGroups` may hold rules made elsewhere: not judged.
   * @internal
   */
  public requireEgressAtSynth(configuration: IConstruct, prop: string): void {
    const group = this.securityGroup;
    if (group === undefined) return;
    checkAtSynth(configuration, () => {
      if (group.egressPortRanges().length > 0) return;
      throw new ValidationError(
        configuration,
        prop,
        undefined,
        `the ports the resource listens on, such as ResourceDefinition.arn(arn, { securityGroupPorts: [Port.tcp(5432)] }): resource gateway ${this.node.path}'s security group has no egress rule, so it would never reach the resource (or add one with gateway.connections.allowTo)`,
      );
    });
  }

  /** The family a DNS or ARN resource is reached over: the gateway's own, on a DUALSTACK gateway the DNS resource's (an ARN resource, RDS, over IPv4). */
  private egressFamilies(resourceIpAddressType: DnsResourceIpAddressType | undefined): readonly AddressFamily[] {
    return gatewayTrafficFamilies(this.ipAddressType, resourceIpAddressType);
  }

  /** The networks of one family a DNS or ARN resource may resolve into: the VPC's block and the reachable ranges of that family. */
  private networksOf(family: AddressFamily): Peer[] {
    const vpcBlock = family === "ipv6" ? this.vpc.ipv6CidrBlock : this.vpc.cidrBlock;
    if (vpcBlock === undefined) {
      throw new ValidationError(
        this,
        "vpc.ipv6CidrBlock",
        undefined,
        "a VPC with an IPv6 CIDR block: the gateway reaches a resource over IPv6 (give the DNS resource ipAddressType IPV4, or the gateway securityGroups of your own)",
      );
    }
    // A range only Terraform knows (a variable, remote state) is taken to be of the gateway's own family (IPv4 unless IPV6), keyed by its place in the list.
    const referenceFamily: AddressFamily = this.ipAddressType === "IPV6" ? "ipv6" : "ipv4";
    // The VPC's secondary IPv4 blocks (an EKS cluster's pods) are where its resources may be too.
    const secondary = family === "ipv4" ? vpcIpv4CidrBlocks(this.vpc).slice(1) : [];
    const reachable = this.reachableCidrs.flatMap((cidr, index) => {
      if (isUnresolved(cidr)) return family === referenceFamily ? [Peer.cidr(cidr, { family, name: `reachable-${index}` })] : [];
      // A range declared reachable that is one of the VPC's blocks has its rule already.
      return familyOf(cidr) === family && !secondary.includes(cidr) ? [Peer.cidr(cidr)] : [];
    });
    return [Peer.cidr(vpcBlock, { family }), ...secondary.map((block) => Peer.cidr(block)), ...reachable];
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

/**
 * The gateway's security groups as the peers of the rules that admit it into
 * resources' groups, keyed by stable names: its default group as
 * `resource-gateway` (the key those rules always had), given groups by
 * their construct path or ID. Empty when no group is known.
 * @internal
 */
export function gatewayPeers(gateway: IResourceGateway): Peer[] {
  return gateway.connections.securityGroups.map((group) => {
    if (group === gateway.securityGroup) return Peer.securityGroup(group, DEFAULT_GROUP_PEER);
    const name = group instanceof Construct ? nameFromPath(group) : group.securityGroupId;
    return Peer.securityGroup(group, `${DEFAULT_GROUP_PEER}-${stableId(name)}`);
  });
}

/**
 * A group of another VPC cannot be attached to the gateway's network
 * interfaces: AWS refuses the gateway at apply. Judged when synth can tell
 * (both IDs literal, or VPCs of this configuration: a `SecurityGroup` made
 * in another `Vpc` of the stack).
 */
function checkGroupVpc(scope: Construct, prop: string, group: ISecurityGroup, vpc: IVpc): void {
  if (sameVpc(scope, group.vpcId, vpc.vpcId) !== false) return;
  throw new ValidationError(
    scope,
    `${prop}.vpcId`,
    describeVpcOf(group, group.vpcId),
    `a security group of the gateway's VPC (${describeVpcOf(vpc, vpc.vpcId)}): AWS attaches only groups of the gateway's own VPC to its network interfaces`,
  );
}

/** A VPC ID in errors: the literal ID, else (a reference) the VPC's path or that of the group made in it. */
function describeVpcOf(owner: object, vpcId: string | undefined): string | undefined {
  if (vpcId === undefined || !isUnresolved(vpcId) || !Construct.isConstruct(owner)) return vpcId;
  return owner instanceof SecurityGroupBase ? `the VPC of ${owner.node.path}` : owner.node.path;
}

/** Ranges a gateway reaches besides its VPC: private, and never the whole internet, alone or together. */
function checkReachableCidrs(scope: Construct, prop: string, cidrs: readonly string[] | undefined): readonly string[] | undefined {
  checkList(scope, prop, cidrs);
  if (cidrs === undefined || isUnresolved(cidrs)) return cidrs;
  cidrs.forEach((cidr, index) => {
    checkString(scope, `${prop}[${index}]`, cidr);
    checkRestrictedCidr(scope, `${prop}[${index}]`, cidr);
    if (isUnresolved(cidr) || familyOf(cidr) !== "ipv4") return;
    const first = cidr.slice(0, cidr.indexOf("/"));
    if (addressRange(first) === "public")
      throw new ValidationError(
        scope,
        `${prop}[${index}]`,
        cidr,
        "a private IPv4 range (peered VPCs and on-premises networks use private addresses; a resource gateway never reaches public ones)",
      );
  });
  const literal = cidrs.filter((c) => !isUnresolved(c));
  literal.forEach((cidr, index) => {
    const earlier = literal.findIndex((other, j) => j < index && cidrsOverlap(other, cidr));
    if (earlier >= 0)
      throw new ValidationError(
        scope,
        `${prop}[${cidrs.indexOf(cidr)}]`,
        cidr,
        `ranges that do not overlap (${literal[earlier]} is listed before): list each network once`,
      );
  });
  if (cidrsCoverAddressSpace(literal, "ipv6"))
    throw new ValidationError(scope, prop, cidrs, "ranges that together do not cover the whole IPv6 internet");
  return cidrs;
}

class ImportedResourceGateway extends Construct implements IResourceGateway {
  public readonly resourceGatewayId: string;
  public readonly resourceGatewayArn: string;
  public readonly ipAddressType?: ResourceIpAddressType;
  public readonly provider?: TerraformProvider;
  public readonly subnets?: readonly ISubnet[];
  public readonly vpc?: IVpc;
  public readonly reachableCidrs: readonly string[];
  public readonly connections: Connections;

  constructor(scope: Construct, id: string, attrs: ResourceGatewayAttributes) {
    super(scope, id);
    requireProps(this, attrs, []);
    checkKnownProps(this, attrs, RESOURCE_GATEWAY_ATTRIBUTES);
    checkProvider(this, "provider", attrs.provider, "the account that owns the gateway");
    const arn = attrs.resourceGatewayArn ?? this.arnOfId(attrs.resourceGatewayId, attrs.provider);
    const importedId = checkImportedIdentity(this, "resourceGateway", arn, attrs.resourceGatewayId, attrs.provider);
    checkOneOf(this, "ipAddressType", attrs.ipAddressType, RESOURCE_IP_ADDRESS_TYPES);
    checkList(this, "securityGroups", attrs.securityGroups);
    checkItemCount(this, "securityGroups", attrs.securityGroups, 1, AWS_LIMITS.securityGroupsPerResourceGateway);
    checkList(this, "subnets", attrs.subnets);
    attrs.subnets?.forEach((subnet, index) => {
      if (subnet.availabilityZoneId !== undefined)
        checkImportedZoneId(this, `subnets[${index}].availabilityZoneId`, subnet.availabilityZoneId, attrs.provider);
    });
    checkUnique(this, "subnets", attrs.subnets, (s) => s.subnetId);
    attrs.securityGroups?.forEach((group, index) => checkIsSecurityGroup(this, `securityGroups[${index}]`, group));
    checkUnique(this, "securityGroups", attrs.securityGroups, (g) => g.securityGroupId);
    checkIsVpc(this, "vpc", attrs.vpc);
    const vpc = attrs.vpc;
    if (vpc !== undefined) checkInVpc(this, "subnets", attrs.subnets, vpc);
    if (vpc !== undefined) attrs.securityGroups?.forEach((group, index) => checkGroupVpc(this, `securityGroups[${index}]`, group, vpc));
    this.resourceGatewayId = importedId;
    this.resourceGatewayArn = arn;
    this.ipAddressType = attrs.ipAddressType;
    this.provider = attrs.provider;
    this.subnets = attrs.subnets;
    this.vpc = attrs.vpc;
    this.reachableCidrs = checkReachableCidrs(this, "reachableCidrs", attrs.reachableCidrs) ?? [];
    this.connections = new Connections(this, { securityGroups: attrs.securityGroups ?? [] });
  }

  /**
   * The ARN of a gateway given by ID alone: of the provider's account and
   * region, where configurations using it are made (a configuration is of
   * its gateway's account). Both must be literal, else the ARN is needed.
   */
  private arnOfId(id: string | undefined, provider: TerraformProvider | undefined): string {
    const given = requireValue(this, "resourceGatewayArn", id, "the gateway's ARN, or its resourceGatewayId (rgw-…)");
    checkResourceId(this, "resourceGatewayId", given, "resourceGateway");
    const region = literalRegionOf(this, provider);
    const account = literalAccountOf(this, provider);
    if (region === undefined || account === undefined) {
      throw new ValidationError(
        this,
        "resourceGatewayArn",
        undefined,
        `the gateway's ARN: its resourceGatewayId alone names it only with a provider pinned to one account (allowed_account_ids) in a literal region, and provider ${provider?.alias ?? "default"} gives no ${region === undefined ? "literal region" : "single literal account"}`,
      );
    }
    return `arn:${partitionOfRegion(region)}:vpc-lattice:${region}:${account}:resourcegateway/${given}`;
  }

  /** @deprecated The gateway's security groups belong to the stack that made it: add rules through `connections`. */
  public allowResourcePorts(): void {
    // Nothing: configurations add no rules to an imported gateway.
  }
}

/** True for a resource gateway: a `ResourceGateway`, or what `fromResourceGatewayAttributes` returns (a JavaScript caller may pass its ID). @internal */
export function isResourceGateway(value: unknown): value is IResourceGateway {
  const candidate = value as Partial<IResourceGateway> | null;
  return typeof candidate === "object" && candidate !== null && typeof candidate.resourceGatewayId === "string";
}
