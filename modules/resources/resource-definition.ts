import { IConstruct } from "constructs";
import { Fn, Op, Token } from "../core/cdktf";
import { VpclatticeResourceConfigurationResourceConfigurationDefinition } from "@cdktf/provider-aws/lib/vpclattice-resource-configuration";
import {
  addressRange,
  canonicalDnsName,
  checkArn,
  checkAtSynth,
  checkDnsName,
  checkIpAddress,
  checkKnownProps,
  checkLength,
  checkPortRanges,
  checkString,
  cidrContains,
  familyOf,
  hostCidr,
  isInDnsZone,
  isUnresolved,
  literalAccountOf,
  literalRegionOf,
  parseArn,
  parseCidr,
  PortRange,
  ValidationError,
} from "../core";
import { checkDnsResourceIpAddressType, DnsResourceIpAddressType, ipAddressTypeOf, ResourceIpAddressType, sharesIpFamily } from "./ip-families";
import { IResourceGateway } from "./resource-gateway";
import { awsReservedAddressIn, privateZoneAnswering, reservedAddressExpectation, vpcIpv4CidrBlocks } from "../vpc";

/** Options of a resource reached by DNS name ({@link ResourceDefinition.dns}). */
export interface DnsResourceOptions {
  /**
   * Address family the name resolves to: IPV4 or IPV6 (AWS does not support
   * DUALSTACK for DNS resources; a DUALSTACK gateway reaches the resource
   * over this family).
   * @default - IPV6 behind an IPV6 gateway, else IPV4 (behind a DUALSTACK gateway too)
   */
  readonly ipAddressType?: DnsResourceIpAddressType;
}

/** Options of an AWS resource reached by ARN ({@link ResourceDefinition.arn}). */
export interface ArnResourceOptions {
  /**
   * Ports the resource listens on (`Port.tcp(5432)`), for security groups
   * only: AWS takes an ARN resource's ports from the resource itself and
   * rejects port ranges, but the gateway's egress, the resource's own
   * security groups and consumers' endpoints still need to open them.
   * Without them, a gateway's own default group must get an egress rule of
   * yours (`gateway.connections.allowTo`), or the synth fails: it would let
   * nothing out to the database.
   * @default - none: add the ports to the security groups yourself
   */
  readonly securityGroupPorts?: readonly PortRange[];
}

const DNS_RESOURCE_OPTIONS: Record<keyof DnsResourceOptions, true> = { ipAddressType: true };
const ARN_RESOURCE_OPTIONS: Record<keyof ArnResourceOptions, true> = { securityGroupPorts: true };

type Shape =
  | { readonly kind: "dns"; readonly domainName: string; readonly options: DnsResourceOptions }
  | { readonly kind: "ip"; readonly ipAddress: string }
  | { readonly kind: "arn"; readonly arn: string; readonly options: ArnResourceOptions };

/**
 * The prop names a definition's errors use: `resource.domainName` for a
 * definition given as `resource`, `dnsResource.domainName` for the props of
 * earlier releases, `members.billing.domainName` in a pattern.
 * @internal
 */
export interface DefinitionProps {
  /** The definition itself, whose options' unknown keys are reported under it. */
  readonly definition: string;
  readonly domainName: string;
  readonly ipAddressType: string;
  readonly ipAddress: string;
  readonly arn: string;
  readonly securityGroupPorts: string;
}

/** The names a definition given as `prop` reports errors with. @internal */
export function definitionProps(prop: string): DefinitionProps {
  return {
    definition: prop,
    domainName: `${prop}.domainName`,
    ipAddressType: `${prop}.ipAddressType`,
    ipAddress: `${prop}.ipAddress`,
    arn: `${prop}.arn`,
    securityGroupPorts: `${prop}.securityGroupPorts`,
  };
}

/** A definition checked against the gateway it is reached through. @internal */
export interface CheckedDefinition {
  /** The provider's `resource_configuration_definition`. */
  readonly definition: VpclatticeResourceConfigurationResourceConfigurationDefinition;
  /** What the resource is, for duplicates by meaning: a lower-case DNS name, a canonical address, an ARN. */
  readonly key: string;
  /** The CIDR of a literal IP resource (`/32`, `/128`), where the gateway's egress goes. @default - anything else: somewhere in the gateway's VPC */
  readonly destinationCidr?: string;
  /** The family a DNS resource resolves to, which the gateway's egress covers. @default - not a DNS resource */
  readonly ipAddressType?: DnsResourceIpAddressType;
  /** An ARN resource's security-group ports. @default - none known */
  readonly securityGroupPorts?: readonly PortRange[];
}

/** Address classes AWS never routes a resource gateway to. */
const UNROUTABLE: Readonly<Record<string, string>> = {
  loopback: "a loopback address",
  linkLocal: "a link-local address",
  unspecified: "the unspecified address",
  multicast: "a multicast address",
  reserved: "a reserved address",
};

/**
 * Domains public DNS never answers (RFC 6761, 6762, 7686, 8375, 9476, and
 * .internal, which ICANN keeps for private use and EC2 names its hosts in:
 * ip-10-0-1-5.ec2.internal). A gateway resolves a DNS resource in public DNS
 * (hashicorp/aws 5.100.0), so it would never resolve a name under them.
 */
const NEVER_PUBLIC_DOMAINS = ["internal", "local", "localhost", "test", "invalid", "example", "onion", "alt", "home.arpa"];

/**
 * What a resource configuration points at: a DNS name, an IP address, or an
 * AWS resource by ARN (`ResourceDefinition.dns("orders.example.com")`,
 * `.ipAddress("10.0.1.25")`, `.arn(rdsArn, { securityGroupPorts })`). The
 * configuration checks it against its gateway: IP family, region and
 * partition of the ARN, addresses inside the gateway's VPC.
 */
export class ResourceDefinition {
  /**
   * A resource reached by its fully qualified DNS name. With hashicorp/aws
   * 5.100.0 the gateway resolves it in public DNS, so the name must be
   * public even when its addresses are private (an RDS endpoint, a public
   * record holding a private address).
   */
  public static dns(domainName: string, options: DnsResourceOptions = {}): ResourceDefinition {
    return new ResourceDefinition({ kind: "dns", domainName, options });
  }

  /**
   * A resource reached on one IPv4 or IPv6 address: private (never public,
   * loopback or link-local), inside the gateway's VPC or a range its
   * `reachableCidrs` declare.
   */
  public static ipAddress(ipAddress: string): ResourceDefinition {
    return new ResourceDefinition({ kind: "ip", ipAddress });
  }

  /** An AWS resource by ARN: an RDS DB instance or cluster in the gateway's region and partition. */
  public static arn(arn: string, options: ArnResourceOptions = {}): ResourceDefinition {
    return new ResourceDefinition({ kind: "arn", arn, options });
  }

  /** True for a value made by one of the factories. */
  public static isResourceDefinition(value: unknown): value is ResourceDefinition {
    return value instanceof ResourceDefinition;
  }

  private constructor(private readonly shape: Shape) {}

  /** What kind of resource it is: reached by DNS name, by IP address, or by ARN. */
  public get kind(): "dns" | "ip" | "arn" {
    return this.shape.kind;
  }

  /**
   * Checks the definition where it is used (`scope`, reporting errors with
   * `props`) against the gateway it is reached through.
   * @internal
   */
  public check(scope: IConstruct, props: DefinitionProps, gateway: IResourceGateway): CheckedDefinition {
    const shape = this.shape;
    switch (shape.kind) {
      case "dns":
        return checkDns(scope, props, gateway, shape.domainName, shape.options);
      case "ip":
        return checkIp(scope, props, gateway, shape.ipAddress);
      case "arn":
        return checkArnResource(scope, props, gateway, shape.arn, shape.options);
    }
  }

  /** This ARN definition with `ports` as its security-group ports, when it has none of its own. @internal */
  public withSecurityGroupPorts(ports: readonly PortRange[]): ResourceDefinition {
    const shape = this.shape;
    if (shape.kind !== "arn" || shape.options.securityGroupPorts !== undefined) return this;
    return ResourceDefinition.arn(shape.arn, { ...shape.options, securityGroupPorts: ports });
  }

  /** The ARN of an ARN definition, for errors. @internal */
  public get arn(): string | undefined {
    return this.shape.kind === "arn" ? this.shape.arn : undefined;
  }

  /** The security-group ports an ARN definition was given. @internal */
  public get securityGroupPorts(): readonly PortRange[] | undefined {
    return this.shape.kind === "arn" ? this.shape.options.securityGroupPorts : undefined;
  }
}

/**
 * A gateway resolves a DNS resource in public DNS (hashicorp/aws 5.100.0
 * has no `resource_config_dns_resolution`): a name under a domain public
 * DNS never answers, or one only a private hosted zone of the app answers,
 * does not resolve. A private zone made after the resource is caught at synth.
 */
function checkPublicName(scope: IConstruct, prop: string, domainName: string): void {
  const fail = (why: string): never => {
    throw new ValidationError(
      scope,
      prop,
      domainName,
      `a name public DNS resolves (the resource gateway resolves it publicly; ${why}): a record in a public zone holding the resource's private address, an RDS or load balancer DNS name, or an IP or ARN resource`,
    );
  };
  if (isUnresolved(domainName)) return;
  const reserved = NEVER_PUBLIC_DOMAINS.find((domain) => isInDnsZone(domainName, domain));
  if (reserved !== undefined) fail(`public DNS never answers names under .${reserved}`);
  const privateZone = (): void => {
    const zone = privateZoneAnswering(scope, domainName);
    if (zone !== undefined) fail(`it is in private hosted zone ${zone.zoneName} of ${zone.path}`);
  };
  privateZone();
  checkAtSynth(scope, privateZone);
}

function checkDns(
  scope: IConstruct,
  props: DefinitionProps,
  gateway: IResourceGateway,
  domainName: string,
  options: DnsResourceOptions,
): CheckedDefinition {
  if (domainName === undefined || domainName === null)
    throw new ValidationError(scope, props.domainName, domainName, "a fully qualified DNS name such as orders.example.com");
  checkString(scope, props.domainName, domainName);
  checkLength(scope, props.domainName, domainName, 3, 255);
  checkDnsName(scope, props.domainName, domainName);
  // The options have no scope when given: the configuration using the definition checks them.
  checkKnownProps(scope, options, DNS_RESOURCE_OPTIONS, props.definition);
  checkPublicName(scope, props.domainName, domainName);
  // Checked before the default: null is no address type, and must not become the default unseen.
  checkDnsResourceIpAddressType(scope, props.ipAddressType, options?.ipAddressType);
  const ipAddressType = options?.ipAddressType ?? defaultDnsIpAddressType(gateway.ipAddressType);
  checkReachable(scope, props.ipAddressType, ipAddressType, ipAddressType, gateway);
  const key = isUnresolved(domainName) ? domainName : `dns:${canonicalDnsName(domainName)}`;
  return { definition: { dnsResource: [{ domainName, ipAddressType }] }, key, ipAddressType };
}

/**
 * A DNS resource's family when none is given: the gateway's, except behind
 * a DUALSTACK gateway, where it is IPV4 (AWS does not support DUALSTACK DNS
 * resources). A gateway family only Terraform knows gets the same choice there.
 */
function defaultDnsIpAddressType(gateway: ResourceIpAddressType | undefined): DnsResourceIpAddressType {
  if (gateway !== undefined && isUnresolved(gateway))
    return Token.asString(Fn.conditional(Op.eq(gateway, "IPV6"), "IPV6", "IPV4")) as DnsResourceIpAddressType;
  return gateway === "IPV6" ? "IPV6" : "IPV4";
}

function checkIp(scope: IConstruct, props: DefinitionProps, gateway: IResourceGateway, ipAddress: string): CheckedDefinition {
  if (ipAddress === undefined || ipAddress === null)
    throw new ValidationError(scope, props.ipAddress, ipAddress, "an IPv4 or IPv6 address such as 10.0.1.25");
  checkString(scope, props.ipAddress, ipAddress);
  checkIpAddress(scope, props.ipAddress, ipAddress);
  // Rules to several unresolved CIDRs would share a construct ID, so an address only Terraform knows sends the gateway's egress to its VPC.
  if (isUnresolved(ipAddress)) return { definition: { ipResource: [{ ipAddress }] }, key: ipAddress };
  checkReachable(scope, props.ipAddress, ipAddress, ipAddressTypeOf(ipAddress), gateway);
  const range = addressRange(ipAddress);
  const unroutable = range === undefined ? undefined : UNROUTABLE[range];
  if (unroutable !== undefined) {
    throw new ValidationError(
      scope,
      props.ipAddress,
      ipAddress,
      `the private address of a resource (${ipAddress} is ${unroutable}, which a resource gateway never reaches)`,
    );
  }
  if (range === "public" && familyOf(ipAddress) === "ipv4") {
    throw new ValidationError(
      scope,
      props.ipAddress,
      ipAddress,
      `a private IPv4 address (${ipAddress} is public): a resource gateway reaches private resources; share a public service by its DNS name`,
    );
  }
  checkInGatewayNetworks(scope, props.ipAddress, ipAddress, gateway);
  checkNotReservedInVpc(scope, props.ipAddress, ipAddress, gateway);
  const cidr = hostCidr(ipAddress);
  return { definition: { ipResource: [{ ipAddress }] }, key: `ip:${parseCidr(cidr)?.text ?? cidr}`, destinationCidr: cidr };
}

function checkArnResource(
  scope: IConstruct,
  props: DefinitionProps,
  gateway: IResourceGateway,
  arn: string,
  options: ArnResourceOptions,
): CheckedDefinition {
  if (arn === undefined || arn === null)
    throw new ValidationError(scope, props.arn, arn, "an RDS DB instance or cluster ARN such as arn:aws:rds:us-east-1:111111111111:db:orders");
  checkString(scope, props.arn, arn);
  // The gateway and the database are in one region: the gateway's provider's.
  checkArn(scope, props.arn, arn, "rdsDatabase", { region: literalRegionOf(scope, gateway.provider) });
  // A configuration points at a database of its own account: VPC Lattice finds none of another account by ARN.
  const gatewayAccount = literalAccountOf(scope, gateway.provider);
  const databaseAccount = isUnresolved(arn) ? undefined : parseArn(arn)?.account;
  if (gatewayAccount !== undefined && databaseAccount !== undefined && !isUnresolved(databaseAccount) && databaseAccount !== gatewayAccount) {
    throw new ValidationError(
      scope,
      props.arn,
      arn,
      `a database of the gateway's account (${gatewayAccount}; this one is of ${databaseAccount}): a configuration reaches only its own account's databases (the database's owner shares it with its own gateway and configuration)`,
    );
  }
  checkKnownProps(scope, options, ARN_RESOURCE_OPTIONS, props.definition);
  const securityGroupPorts = checkPortRanges(scope, props.securityGroupPorts, options?.securityGroupPorts);
  if (securityGroupPorts !== undefined && securityGroupPorts.length === 0) {
    throw new ValidationError(
      scope,
      props.securityGroupPorts,
      [],
      "at least one port the resource listens on, or leave securityGroupPorts unset (then open the security groups yourself)",
    );
  }
  return { definition: { arnResource: [{ arn }] }, key: `arn:${arn}`, securityGroupPorts };
}

/**
 * AWS reserves the first four and the last address of every subnet: nothing
 * can listen there. Judged against the subnets of the gateway's VPC whose
 * blocks are known (`ISubnet.cidrBlock`: those of a `Vpc`, imported ones
 * given theirs), and against the VPC's own block, whose ends are reserved
 * whatever its subnets are (see awsReservedAddressRole). Ranges declared in
 * `reachableCidrs` (peered VPCs, on-premises) are not judged, nor is IPv6.
 */
function checkNotReservedInVpc(scope: IConstruct, prop: string, ipAddress: string, gateway: IResourceGateway): void {
  const reserved = gateway.vpc === undefined ? undefined : awsReservedAddressIn(gateway.vpc, ipAddress);
  if (reserved !== undefined) throw new ValidationError(scope, prop, ipAddress, reservedAddressExpectation(ipAddress, reserved));
}

/** Fails when the gateway has no IP family in common with the resource. */
function checkReachable(scope: IConstruct, prop: string, received: string, resourceType: ResourceIpAddressType, gateway: IResourceGateway): void {
  const gatewayType = gateway.ipAddressType;
  if (gatewayType === undefined || isUnresolved(gatewayType) || isUnresolved(resourceType) || sharesIpFamily(gatewayType, resourceType)) return;
  throw new ValidationError(scope, prop, received, `a resource reachable over the gateway's ipAddressType ${gatewayType}`);
}

/**
 * An IP resource is in the gateway's VPC, or in a range the gateway
 * declares reachable (peered VPCs, on-premises networks): the gateway sends
 * its traffic through the VPC's routes and nowhere else. Skipped when the
 * VPC block of the address's family is unknown at synth.
 */
function checkInGatewayNetworks(scope: IConstruct, prop: string, ipAddress: string, gateway: IResourceGateway): void {
  const vpc = gateway.vpc;
  if (vpc === undefined) return;
  const family = familyOf(ipAddress);
  const vpcBlock = family === "ipv6" ? vpc.ipv6CidrBlock : vpc.cidrBlock;
  if (vpcBlock !== undefined && isUnresolved(vpcBlock)) return;
  // The VPC's secondary IPv4 blocks (an EKS cluster's pods) are the VPC's as its primary one is.
  const vpcBlocks = family === "ipv6" ? (vpcBlock === undefined ? [] : [vpcBlock]) : vpcIpv4CidrBlocks(vpc);
  const networks = [...vpcBlocks, ...(gateway.reachableCidrs ?? []).filter((c) => !isUnresolved(c))];
  if (networks.some((network) => cidrContains(network, ipAddress))) return;
  throw new ValidationError(
    scope,
    prop,
    ipAddress,
    `an address in the gateway's VPC (${vpcBlocks.length === 0 ? `no ${family} block` : vpcBlocks.join(", ")}) or in a range its reachableCidrs declare (peered VPCs, on-premises networks${gateway.reachableCidrs?.length ? `: ${gateway.reachableCidrs.join(", ")}` : ""})`,
  );
}
