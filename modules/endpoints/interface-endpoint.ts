import { Annotations, Fn, TerraformStack } from "../core/cdktf";
import { Construct } from "constructs";
import { DataAwsVpcEndpointService } from "@cdktf/provider-aws/lib/data-aws-vpc-endpoint-service";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { Route53ZoneAssociation } from "@cdktf/provider-aws/lib/route53-zone-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { VpcEndpoint, VpcEndpointSubnetConfiguration } from "@cdktf/provider-aws/lib/vpc-endpoint";
import {
  annotateForFlows,
  AppRegistry,
  canonicalDnsName,
  checkAtSynth,
  checkBoolean,
  checkDnsName,
  checkEndpointServiceName,
  checkInstance,
  checkIpAddress,
  checkKnownProps,
  checkList,
  checkObject,
  checkOneOf,
  checkPort,
  checkRegion,
  checkServiceRegionOfName,
  checkString,
  checkUnique,
  closestMatch,
  cidrContains,
  familyOf,
  hostCidr,
  isUnresolved,
  isUnresolvedList,
  literalRegionOf,
  nameFromPath,
  awsReservedAddressRole,
  Port,
  RECORDED_OPT_OUTS,
  recordOptOut,
  regionOfEndpointServiceName,
  requireProps,
  requireValue,
  resolvedValue,
  ValidationError,
} from "../core";
import { checkInVpc, checkVpcDns, Connections, ISubnet, IVpc, literalZoneIds, Peer, SecurityGroup, vpcIpv4CidrBlocks } from "../vpc";
import { AwsService } from "./aws-service";
import {
  aliasRecordTypes,
  endpointRegion,
  ImportedNetworkEndpoint,
  literalCidrOfSubnet,
  INetworkEndpoint,
  NETWORK_ENDPOINT_PROPS,
  NetworkEndpointAttributes,
  NetworkEndpointBase,
  NetworkEndpointProps,
} from "./endpoint-base";
import { EndpointPolicy } from "./endpoint-policy";
import { GatewayEndpoint, IGatewayEndpoint } from "./gateway-endpoint";
import { IInterfaceEndpointService } from "./targets";

export interface InterfaceEndpointProps extends NetworkEndpointProps {
  /** An AWS service (`AwsService.LOGS`, `AwsService.custom(...)`) or a PrivateLink endpoint service. */
  readonly service: AwsService | IInterfaceEndpointService;
  /**
   * What may be done through the endpoint. Required for AWS services, whose
   * default policy allows everything: pick a preset, or
   * `EndpointPolicy.allowAll()` by name. Endpoint services ignore policies.
   * @default - none (an error for AWS services)
   */
  readonly policy?: EndpointPolicy;
  /**
   * Resolve the service's public DNS name to the endpoint inside the VPC.
   * @default - true when the service supports it; for S3, true only with
   * `gatewayEndpoint` or `privateDnsOnlyForInboundResolverEndpoint: false`
   */
  readonly privateDnsEnabled?: boolean;
  /**
   * S3 only: private DNS answers only queries from Route 53 inbound resolver
   * endpoints (on-premises clients), while the VPC keeps using the gateway
   * endpoint. AWS requires a gateway endpoint for `true`.
   * @default - AWS's default (true) when private DNS is on for S3
   */
  readonly privateDnsOnlyForInboundResolverEndpoint?: boolean;
  /**
   * S3's gateway endpoint in the same VPC. AWS requires it to exist before an
   * S3 interface endpoint with inbound-resolver-only private DNS, so the
   * interface endpoint depends on it.
   * @default - none
   */
  readonly gatewayEndpoint?: IGatewayEndpoint;
  /**
   * Region of the endpoint, for AWS service names.
   * @default - the literal region of the provider
   */
  readonly region?: string;
  /**
   * Region of the service when it is another one (cross-region PrivateLink).
   * @default - the service's own `serviceRegion`, else the endpoint's region
   */
  readonly serviceRegion?: string;
  /**
   * Use only the subnets in availability zones the service supports, read at
   * plan time from the `aws_vpc_endpoint_service` data source. AWS rejects
   * an endpoint with a subnet in an unsupported AZ, the most common failure
   * with services that are not in every AZ. Needs every subnet's AZ.
   * @default false
   */
  readonly onlySupportedAvailabilityZones?: boolean;
  /**
   * A name of the consumer's (`api.internal.example.com`) that resolves to
   * the endpoint inside its VPC: a private hosted zone of exactly that name,
   * associated with the VPC, with alias records at its apex to the
   * endpoint's regional DNS name, of the types that name answers (the
   * `dnsRecordIpType`'s, else the `ipAddressType`'s: A for IPv4, A and
   * AAAA for dual-stack, AAAA for IPv6-only endpoints). For
   * endpoint services that terminate TLS under a name they do not offer as a
   * verified private DNS name: no certificate covers the endpoint's generated
   * `vpce-…` names, so clients must dial a name of their own. A zone of its
   * own (not a record in a wider zone) keeps every other name of the domain
   * resolving as before.
   * @default - none: clients dial the service's private DNS name or the endpoint's generated names
   */
  readonly customDnsName?: string;
  /**
   * Fixed private addresses of the endpoint's network interfaces, per
   * subnet (`subnet_configuration`), for firewalls and on-premises DNS that
   * name the endpoint by IP. Each subnet is one of the endpoint's, at most
   * once; each address inside the VPC's CIDR and of a family the endpoint's
   * `ipAddressType` uses.
   * @default - AWS picks the addresses
   */
  readonly subnetAddresses?: readonly EndpointSubnetAddress[];
}

/** Fixed addresses of an endpoint's network interface in one subnet. */
export interface EndpointSubnetAddress {
  /** One of the endpoint's subnets. */
  readonly subnet: ISubnet;
  /** Its IPv4 address, inside the subnet (AWS reserves the first four and the last). @default - AWS picks one */
  readonly ipv4?: string;
  /** Its IPv6 address (dual-stack and IPv6 endpoints). @default - AWS picks one */
  readonly ipv6?: string;
}

/** Attributes of an Interface endpoint made elsewhere, for {@link InterfaceEndpoint.fromInterfaceEndpointAttributes}. */
export type InterfaceEndpointAttributes = NetworkEndpointAttributes;

/**
 * An Interface VPC endpoint to an AWS service or to a PrivateLink endpoint
 * service: network interfaces in one subnet per AZ, a security group that
 * opens only the service's ports to the VPC, private DNS, and (for AWS
 * services) a required endpoint policy.
 *
 * Creates: aws_vpc_endpoint (type Interface), aws_security_group and
 * aws_vpc_security_group_ingress_rule (unless security groups are given),
 * data.aws_vpc_endpoint_service (only with `onlySupportedAvailabilityZones`),
 * aws_route53_zone and aws_route53_record (only with `customDnsName`), and
 * aws_vpc_security_group_egress_rule on client groups (`allowClient`).
 */
export class InterfaceEndpoint extends NetworkEndpointBase {
  /**
   * An Interface endpoint made elsewhere (another configuration or account):
   * its ID, checked, and its security groups, to which `connections` adds rules.
   */
  public static fromInterfaceEndpointAttributes(scope: Construct, id: string, attrs: InterfaceEndpointAttributes): INetworkEndpoint {
    return new ImportedNetworkEndpoint(scope, id, attrs);
  }

  public readonly resource: VpcEndpoint;
  public readonly securityGroup?: SecurityGroup;
  public readonly securityGroupIds: readonly string[];
  public readonly connections: Connections;
  /** The full service name the endpoint connects to. */
  public readonly serviceName: string;
  /** The name clients of the VPC dial, when `customDnsName` was given. */
  public readonly customDnsName?: string;
  /** The private hosted zone of `customDnsName`, associated with the endpoint's VPC. */
  public readonly customDnsZone?: Route53Zone;
  /** The TCP ports of the service, which the endpoint's security group opens. */
  private readonly servicePorts: readonly number[];
  /** What private DNS turned on after creation claims: the VPC, the service's private DNS name, the zone name it answers. */
  private readonly laterPrivateDns: { readonly vpc: IVpc; readonly privateDnsName?: string; readonly zone?: string };

  constructor(scope: Construct, id: string, props: InterfaceEndpointProps) {
    super(scope, id, props);
    requireProps(this, props, ["service"]);
    checkKnownProps(this, props, INTERFACE_ENDPOINT_PROPS);
    checkRegion(this, "serviceRegion", props.serviceRegion);
    checkBoolean(this, "privateDnsEnabled", props.privateDnsEnabled);
    checkBoolean(this, "onlySupportedAvailabilityZones", props.onlySupportedAvailabilityZones);
    const aws = props.service instanceof AwsService ? props.service : undefined;
    const given = aws === undefined ? checkedEndpointService(this, props.service as IInterfaceEndpointService) : undefined;
    // AWS services are named after (and their policies refer to) the region that serves them.
    const isAwsService = aws !== undefined || given?.isAwsService === true;
    const region = isAwsService ? (props.serviceRegion ?? endpointRegion(this, props.region, this.provider)) : "";
    const target = aws?.inRegion(this, "service", region) ?? (given as IInterfaceEndpointService);
    if (aws !== undefined) checkServicePorts(this, target.ports);
    if (given !== undefined) checkEndpointServiceRegion(this, props, given);
    checkGatewayEndpoint(this, props, aws);
    const privateDnsEnabled = checkPrivateDns(this, props, target, aws);
    const policy = endpointPolicy(this, props, target, region, aws?.shortName);
    this.serviceName = target.serviceName;
    this.servicePorts = target.ports;
    checkCustomDnsName(this, props, target, privateDnsEnabled);

    const subnets = this.checkPlacement(props);
    checkOfferedZones(this, props, subnets, target);
    target.checkConsumer?.(this, {
      provider: this.provider,
      subnets,
      subnetProp: () => (props.subnets === undefined ? "vpc.privateSubnets" : "subnets"),
      filtersZones: props.onlySupportedAvailabilityZones === true,
    });
    const subnetConfiguration = checkSubnetAddresses(this, props, subnets);
    ({
      securityGroup: this.securityGroup,
      securityGroupIds: this.securityGroupIds,
      connections: this.connections,
    } = this.securityGroupsFor(props, target.ports.map(Port.tcp), aws?.shortName ?? target.serviceName, { servedOnly: !isUnresolved(target.ports) }));
    this.resource = this.createResource(props, this.securityGroupIds, {
      vpcEndpointType: "Interface",
      serviceName: target.serviceName,
      serviceRegion: props.serviceRegion ?? target.serviceRegion,
      subnetIds: props.onlySupportedAvailabilityZones === true ? this.supportedSubnetIds(subnets) : subnets.map((s) => s.subnetId),
      privateDnsEnabled,
      privateDnsOnlyForInboundResolverEndpoint:
        aws?.privateDnsNeedsGatewayOrResolverChoice === true && privateDnsEnabled
          ? (props.privateDnsOnlyForInboundResolverEndpoint ?? true)
          : undefined,
      policy,
      subnetConfiguration,
      dependsOn: props.gatewayEndpoint instanceof GatewayEndpoint ? [props.gatewayEndpoint.resource] : undefined,
    });
    // Claimed once every input is checked, so that a refused endpoint claims nothing.
    if (privateDnsEnabled) claimPrivateDns(this, props.vpc, target.serviceName);
    if (privateDnsEnabled && target.privateDnsName !== undefined)
      claimZoneName(this, props.vpc, "privateDnsEnabled", target.privateDnsName, "its private DNS name");
    if (props.customDnsName !== undefined) claimZoneName(this, props.vpc, "customDnsName", props.customDnsName, "its customDnsName");
    const allowAll = isAwsService ? props.policy?.allowAllReason(this, "policy") : undefined;
    if (allowAll !== undefined) recordOptOut(this.resource, RECORDED_OPT_OUTS.allowAllEndpointPolicy, allowAll);
    if (target.contract !== undefined) this.recordContract(target, privateDnsEnabled);
    target.addConsumer?.(this, props.vpc);
    if (props.customDnsName !== undefined) {
      checkVpcDns(this, "customDnsName", props.customDnsName, props.vpc, `the private hosted zone of ${props.customDnsName}`);
      this.customDnsName = props.customDnsName;
      this.customDnsZone = this.createCustomDns(props.customDnsName, props);
    }
    const privateDnsZone = privateDnsEnabled ? (aws?.privateDnsZoneName(region) ?? target.privateDnsName) : undefined;
    const names = [
      ...(privateDnsZone === undefined ? [] : [{ prop: "privateDnsEnabled", value: true as unknown, name: privateDnsZone, what: "private DNS" }]),
      ...(props.customDnsName === undefined
        ? []
        : [{ prop: "customDnsName", value: props.customDnsName as unknown, name: props.customDnsName, what: "customDnsName's zone" }]),
    ];
    // Zones of the VPC made before or after the endpoint: judged once all are known.
    if (names.length > 0) checkAtSynth(this, () => names.forEach((n) => checkNoZoneOfName(this, props.vpc, n.prop, n.value, n.name, n.what)));
    this.laterPrivateDns = { vpc: props.vpc, privateDnsName: target.privateDnsName, zone: aws?.privateDnsZoneName(region) ?? target.privateDnsName };
  }

  /**
   * Claims the VPC's names as private DNS does, for an endpoint created
   * with private DNS off whose private DNS an `aws_vpc_endpoint_private_dns`
   * turns on later (SaasConsumerEndpoint, once accepted): AWS refuses it
   * then for the same reasons as at creation, a second endpoint with private
   * DNS for the service in the VPC, or a private hosted zone of the VPC (of
   * this app, or one an imported VPC names) that holds the name.
   * @internal
   */
  public claimPrivateDnsTurnedOnLater(): void {
    if (this.resource.privateDnsEnabledInput === true) return;
    const { vpc, privateDnsName, zone } = this.laterPrivateDns;
    claimPrivateDns(this, vpc, this.serviceName);
    if (privateDnsName !== undefined) claimZoneName(this, vpc, "privateDnsEnabled", privateDnsName, "its private DNS name");
    if (zone !== undefined) checkAtSynth(this, () => checkNoZoneOfName(this, vpc, "privateDnsEnabled", true, zone, "private DNS"));
  }

  /**
   * Lets the members of a client security group use the endpoint: ingress on
   * the endpoint's security group from `client`, and egress on `client` to
   * the endpoint's group, on every service port. `name` keys the rules'
   * Terraform addresses.
   * @deprecated Use `endpoint.connections.allowDefaultPortFrom(client, "why")` with something that has connections, or `endpoint.connections.allowFrom(Peer.securityGroup(client, name), Port.tcp(443), "why")`; the egress rule on the client's group is keyed by the endpoint group's path there, so it moves once.
   */
  public allowClient(client: SecurityGroup, name: string): void {
    requireValue(this, "allowClient", client, "the client's security group");
    if (typeof name !== "string" || name.trim() === "") {
      throw new ValidationError(this, "allowClient", name, "a name for the client: it keys the rules' Terraform addresses");
    }
    const own = this.securityGroup;
    if (own === undefined) {
      throw new ValidationError(
        this,
        "allowClient",
        name,
        "an endpoint whose security group it created (with securityGroups given, the rules of those groups are yours)",
      );
    }
    for (const port of this.servicePorts) {
      own.addIngressRule({
        peer: Peer.securityGroup(client, name),
        port,
        description: `Clients to ${this.serviceName} through the VPC endpoint, TCP ${port}`.slice(0, 255),
      });
      client.addEgressRule({
        peer: Peer.securityGroup(own, nameFromPath(this)),
        port,
        description: `To ${this.serviceName} through VPC endpoint ${nameFromPath(this)}, TCP ${port}`.slice(0, 255),
      });
    }
  }

  /** Entries of the endpoint's DNS names (`dns_name`, `hosted_zone_id`), for alias records. */
  public get dnsEntries() {
    return this.resource.dnsEntry;
  }

  /** The provider's terms, written where the flow analysis of this configuration reads them: it cannot see a service known only by name. */
  private recordContract(target: IInterfaceEndpointService, privateDnsEnabled: boolean): void {
    annotateForFlows(this.resource, "endpointService", { ports: target.ports, availabilityZoneIds: target.availabilityZoneIds, ...target.contract });
    if (privateDnsEnabled && target.privateDnsName !== undefined) annotateForFlows(this.resource, "privateDnsName", target.privateDnsName);
  }

  /** A private hosted zone named `name` in the endpoint's account and VPC, whose apex aliases the endpoint's regional name. */
  private createCustomDns(name: string, props: InterfaceEndpointProps): Route53Zone {
    const zone = new Route53Zone(this, "CustomDnsZone", {
      provider: this.provider,
      name,
      comment: `Resolves ${name} to VPC endpoint ${nameFromPath(this)} inside its VPC`,
      vpc: [{ vpcId: props.vpc.vpcId }],
    });
    // The first DNS entry is the endpoint's regional name, answered in every AZ it is in; aliased by the record types it publishes.
    const regional = this.dnsEntries.get(0);
    for (const type of aliasRecordTypes(props.ipAddressType, props.dnsRecordIpType)) {
      new Route53Record(this, `CustomDns${type}`, {
        provider: this.provider,
        zoneId: zone.zoneId,
        name,
        type,
        alias: { name: regional.dnsName, zoneId: regional.hostedZoneId, evaluateTargetHealth: true },
      });
    }
    return zone;
  }

  /** Subnet IDs whose AZ the service supports, filtered at plan time (`matchkeys` over the data source's AZs). */
  private supportedSubnetIds(subnets: readonly ISubnet[]): string[] {
    subnets.forEach((subnet, i) => {
      if (subnet.availabilityZone === undefined) {
        throw new ValidationError(
          this,
          `subnets[${i}].availabilityZone`,
          undefined,
          "the subnet's AZ name, to match it against the AZs the service supports (subnets placed by AZ ID are checked against the service's availabilityZoneIds at synth instead)",
        );
      }
    });
    const service = new DataAwsVpcEndpointService(this, "Service", {
      provider: this.provider,
      serviceName: this.serviceName,
      serviceType: "Interface",
    });
    return Fn.matchkeys(
      subnets.map((s) => s.subnetId),
      subnets.map((s) => s.availabilityZone),
      service.availabilityZones,
    );
  }
}

function endpointPolicy(
  endpoint: Construct,
  props: InterfaceEndpointProps,
  target: IInterfaceEndpointService,
  region: string,
  service: string | undefined,
): string | undefined {
  if (!target.isAwsService) {
    if (props.policy !== undefined) {
      Annotations.of(endpoint).addWarning(
        `policy is ignored: ${target.serviceName} is an endpoint service, and AWS applies endpoint policies to AWS services only. Control access on the service side (allowed principals, acceptance).`,
      );
    }
    return undefined;
  }
  if (props.policy === undefined) {
    throw new ValidationError(
      endpoint,
      "policy",
      undefined,
      'an EndpointPolicy: a least-privilege preset such as EndpointPolicy.organizationOnly("o-...") or EndpointPolicy.s3Buckets([...]), or EndpointPolicy.allowAll(OptOut.because("<why>")) to keep AWS\'s allow-all default by choice',
    );
  }
  checkInstance(
    endpoint,
    "policy",
    props.policy,
    (p): p is EndpointPolicy => p instanceof EndpointPolicy,
    "an EndpointPolicy preset (EndpointPolicy.organizationOnly(...), EndpointPolicy.s3Buckets(...), ...)",
  );
  return props.policy.render(endpoint, "policy", region, service);
}

/** The endpoint that answers each service's names by private DNS, by VPC and service name, in this app. */
const privateDnsOwners = new AppRegistry<string, string>();

/**
 * Records `owner` as what answers an AWS service's names in a VPC (an
 * endpoint's private DNS, or a hub's private hosted zone of the service's
 * name), unless another one does: then returns it and records nothing.
 * @internal
 */
export function claimServiceNamesInVpc(scope: Construct, vpc: IVpc, serviceName: string, owner: string): string | undefined {
  return privateDnsOwners.claim(scope, `${vpc.vpcId}|${serviceName}`, owner);
}

/**
 * One endpoint with private DNS per service and VPC: AWS refuses a second
 * one (its private hosted zone would conflict with the first's domain).
 */
function claimPrivateDns(endpoint: Construct, vpc: IVpc, serviceName: string): void {
  const first = claimServiceNamesInVpc(endpoint, vpc, serviceName, endpoint.node.path);
  if (first !== undefined)
    throw new ValidationError(
      endpoint,
      "privateDnsEnabled",
      true,
      `false, or one endpoint to the service in this VPC: ${first} already answers its names by private DNS here, and AWS refuses a second endpoint with private DNS for one service in a VPC (a conflicting DNS domain)`,
    );
}

/** Which endpoint's private hosted zone of each name is associated with each VPC, by VPC and name, in this app. */
const zoneNameOwners = new AppRegistry<string, string>();

/**
 * One private hosted zone of a name per VPC: Route 53 refuses to associate
 * a second zone of a name a VPC already has (ConflictingDomainExists), and
 * AWS refuses private DNS for a name a zone of the VPC already answers.
 */
function claimZoneName(endpoint: Construct, vpc: IVpc, prop: string, name: string, what: string): void {
  if (isUnresolved(name)) return;
  const first = zoneNameOwners.claim(endpoint, `${vpc.vpcId}|${canonicalDnsName(name)}`, `${endpoint.node.path} (${what})`);
  if (first !== undefined)
    throw new ValidationError(
      endpoint,
      prop,
      prop === "customDnsName" ? name : true,
      `${prop === "customDnsName" ? "a name" : "false, or an endpoint in another VPC"} no other endpoint's private hosted zone has in this VPC: ${first} already has a zone of ${name} here, and Route 53 refuses two private zones of one name in a VPC (ConflictingDomainExists)`,
    );
}

/**
 * A private hosted zone of this stack (not an endpoint's own customDnsName
 * zone, which claimZoneName judges) named `name` and associated with `vpc`,
 * in its `vpc` blocks or by an `aws_route53_zone_association`: Route 53
 * refuses a second private zone of that name in the VPC
 * (ConflictingDomainExists), and AWS refuses private DNS for a name a zone
 * of the VPC already holds; so do the zones made elsewhere that an
 * imported VPC names (VpcAttributes.privateHostedZoneNames). Wildcard names
 * and names or VPCs only Terraform knows are skipped.
 */
function checkNoZoneOfName(endpoint: Construct, vpc: IVpc, prop: string, value: unknown, name: string, what: string): void {
  const rival = rivalPrivateZone(endpoint, vpc, name, (zone) => zone.node.scope instanceof InterfaceEndpoint);
  if (rival === undefined) return;
  const fix =
    prop === "customDnsName"
      ? "pick another customDnsName, or drop the customDnsName and add the endpoint's alias records to that zone"
      : "set privateDnsEnabled: false and add the endpoint's alias records to that zone, or remove the zone from this VPC";
  throw new ValidationError(
    endpoint,
    prop,
    value,
    `a name no private hosted zone associated with this VPC already holds (${rival}): Route 53 refuses two private zones of one name in a VPC (ConflictingDomainExists), and AWS refuses the endpoint's ${what} for a name a zone of the VPC holds; ${fix}`,
  );
}

/**
 * The private hosted zone named `name` that `vpc` is associated with
 * already, in words: one of this stack (in its `vpc` blocks or by an
 * `aws_route53_zone_association`) that `skip` does not leave out, or one
 * made elsewhere that an imported VPC names (VpcAttributes.privateHostedZoneNames).
 * Undefined when there is none, and for wildcard names and names or VPCs
 * only Terraform knows.
 * @internal
 */
export function rivalPrivateZone(scope: Construct, vpc: IVpc, name: string, skip: (zone: Route53Zone) => boolean): string | undefined {
  if (isUnresolved(name) || name.startsWith("*")) return undefined;
  const wanted = canonicalDnsName(name);
  // Zones made elsewhere that the imported VPC says it is associated with (VpcAttributes.privateHostedZoneNames).
  const existing = vpc.associatedPrivateZoneNames;
  if (existing !== undefined && !isUnresolvedList(existing) && existing.some((zone) => !isUnresolved(zone) && canonicalDnsName(zone) === wanted))
    return `it is the name of the existing private hosted zone ${wanted} the VPC is associated with (VpcAttributes.privateHostedZoneNames)`;
  const vpcId = resolvedValue(scope, vpc.vpcId);
  const constructs = TerraformStack.of(scope).node.findAll();
  const sameVpc = (id: unknown) => id !== undefined && resolvedValue(scope, id) === vpcId;
  const zones = constructs.filter(
    (c): c is Route53Zone =>
      c instanceof Route53Zone &&
      !skip(c) &&
      typeof c.nameInput === "string" &&
      !isUnresolved(c.nameInput) &&
      canonicalDnsName(c.nameInput) === wanted,
  );
  const associated = (zone: Route53Zone): boolean => {
    const blocks = zone.vpcInput;
    if (Array.isArray(blocks) && blocks.some((b: { vpcId?: unknown }) => sameVpc(b?.vpcId))) return true;
    const zoneId = resolvedValue(scope, zone.zoneId);
    return constructs.some((c) => c instanceof Route53ZoneAssociation && sameVpc(c.vpcIdInput) && resolvedValue(scope, c.zoneIdInput) === zoneId);
  };
  const rival = zones.find(associated);
  if (rival === undefined) return undefined;
  // A building block's zone (PrivateHostedZone) is named by the block.
  const owner = rival.node.id === "Resource" && rival.node.scope !== undefined ? rival.node.scope : rival;
  return `${owner.node.path} is ${wanted}`;
}

/** An endpoint service from a JavaScript caller (or a wrapper's own object): the fields the endpoint reads, of the documented types; never a Gateway Load Balancer's service, which takes its own endpoint type. */
function checkedEndpointService(endpoint: Construct, service: IInterfaceEndpointService): IInterfaceEndpointService {
  // A JavaScript caller's service name ("ssm") would read as an object without its fields: say what to pass instead.
  if (typeof service === "string") throw new ValidationError(endpoint, "service", service, serviceForName(service));
  checkObject(endpoint, "service", service);
  requireProps(endpoint, service, ["serviceName", "ports", "isAwsService", "privateDnsSupported"]);
  checkString(endpoint, "service.serviceName", service.serviceName);
  checkList(endpoint, "service.ports", service.ports);
  checkBoolean(endpoint, "service.isAwsService", service.isAwsService);
  // AWS services come named by AwsService; any other service is a PrivateLink endpoint service.
  if (service.isAwsService !== true) checkEndpointServiceName(endpoint, "service.serviceName", service.serviceName);
  checkBoolean(endpoint, "service.privateDnsSupported", service.privateDnsSupported);
  checkOneOf(endpoint, "service.serviceType", service.serviceType, ["Interface", "GatewayLoadBalancer"]);
  if (service.serviceType === "GatewayLoadBalancer") {
    throw new ValidationError(
      endpoint,
      "service",
      service.serviceName,
      "an endpoint service of Network Load Balancers: this one is a Gateway Load Balancer's, which AWS reaches only through a GatewayLoadBalancerEndpoint (traffic sent to it by route tables)",
    );
  }
  checkServicePorts(endpoint, service.ports);
  return service;
}

/**
 * What to pass for a service given by its name: the AwsService constant or
 * `AwsService.of` for a short name of the catalog, `AwsService.custom` for
 * another AWS service's full name, an imported endpoint service for a
 * PrivateLink one.
 */
function serviceForName(name: string): string {
  const fromName = 'AwsService.fromName(scope, "service", name) for a name from untyped input';
  if (/^com\.amazonaws\.vpce\./.test(name))
    return `an endpoint service, not its name: EndpointService.fromEndpointServiceAttributes(scope, id, { serviceName: "${name}", ports }), with the ports its provider publishes`;
  const short = /^(?:cn\.)?com\.amazonaws\.[a-z]{2}(?:-[a-z]+)+-\d\.(.+)$/.exec(name)?.[1] ?? name;
  if ((AwsService.knownNames as readonly string[]).includes(short)) {
    const constant = Object.entries(AwsService).find(([, value]) => value instanceof AwsService && value.shortName === short)?.[0];
    const of = `AwsService.of("${short}")`;
    return `an AwsService, not its name: ${constant === undefined ? of : `AwsService.${constant} (or ${of})`}, or ${fromName}`;
  }
  if (short !== name) return `an AwsService, not its name: AwsService.custom("${name}") for a service outside the catalog`;
  const suggestion = closestMatch(name, AwsService.knownNames);
  const hint = suggestion === undefined ? "" : ` (did you mean AwsService.of("${suggestion}")?)`;
  return `an AwsService (AwsService.LOGS, AwsService.of("<short name>"), or ${fromName}) or an endpoint service (EndpointService.fromEndpointServiceAttributes), not a name${hint}`;
}

/** The service's ports, which the endpoint's security group opens: at least one, each a port, each once (AwsService.custom's too). */
function checkServicePorts(endpoint: Construct, ports: readonly number[]): void {
  checkList(endpoint, "service.ports", ports);
  if (isUnresolved(ports)) return;
  if (ports.length === 0) {
    throw new ValidationError(endpoint, "service.ports", [], "at least one port the service listens on: the endpoint's security group opens these");
  }
  ports.forEach((port, i) => checkPort(endpoint, `service.ports[${i}]`, port));
  checkUnique(endpoint, "service.ports", ports);
}

/**
 * An endpoint service named with its home region (`com.amazonaws.vpce.<region>.vpce-svc-…`)
 * is reached in that region: from another region only with `serviceRegion`
 * naming it (cross-region PrivateLink), else AWS finds no such service.
 */
function checkEndpointServiceRegion(endpoint: NetworkEndpointBase, props: InterfaceEndpointProps, service: IInterfaceEndpointService): void {
  const home = regionOfEndpointServiceName(service.serviceName);
  if (home === undefined) return;
  const serviceRegion = props.serviceRegion ?? service.serviceRegion;
  checkServiceRegionOfName(endpoint, serviceRegion, service.serviceName);
  const own = literalRegionOf(endpoint, endpoint.provider);
  if (serviceRegion === undefined && own !== undefined && own !== home) {
    throw new ValidationError(
      endpoint,
      "serviceRegion",
      undefined,
      `${home}, the home region of ${service.serviceName}: the endpoint is in ${own}, and AWS reaches a service of another region only through cross-region PrivateLink (serviceRegion)`,
    );
  }
}

/** The gateway endpoint an S3 interface endpoint is ordered after: S3's, in the same VPC, and only for S3. */
function checkGatewayEndpoint(endpoint: Construct, props: InterfaceEndpointProps, aws: AwsService | undefined): void {
  const gateway = props.gatewayEndpoint;
  if (gateway === undefined) return;
  if (aws?.privateDnsNeedsGatewayOrResolverChoice !== true) {
    throw new ValidationError(
      endpoint,
      "gatewayEndpoint",
      gateway.vpcEndpointId,
      "unset: only S3 interface endpoints are ordered after a gateway endpoint",
    );
  }
  if (gateway.service?.shortName !== aws.shortName) {
    throw new ValidationError(
      endpoint,
      "gatewayEndpoint",
      gateway.service?.shortName,
      `the ${aws.shortName} gateway endpoint, whose private DNS choice AWS checks`,
    );
  }
  checkInVpc(endpoint, "gatewayEndpoint", [gateway], props.vpc);
}

/** Fixed addresses, checked against what AWS will refuse: a subnet not of the endpoint, a subnet twice, an address outside the VPC or of a family the endpoint does not use. */
function checkSubnetAddresses(
  endpoint: Construct,
  props: InterfaceEndpointProps,
  subnets: readonly ISubnet[],
): VpcEndpointSubnetConfiguration[] | undefined {
  const addresses = checkList(endpoint, "subnetAddresses", props.subnetAddresses);
  if (addresses === undefined) return undefined;
  if (!isUnresolved(addresses) && addresses.length === 0) {
    throw new ValidationError(
      endpoint,
      "subnetAddresses",
      [],
      "at least one subnet's addresses, or leave subnetAddresses unset for addresses AWS picks",
    );
  }
  const family = props.ipAddressType ?? "ipv4";
  const seen = new Map<string, number>();
  return addresses.map((address, i) => {
    const prop = `subnetAddresses[${i}]`;
    checkObject(endpoint, prop, address);
    requireProps(endpoint, address, ["subnet"]);
    const subnetId = address.subnet.subnetId;
    // A token is compared too when it is one of the VPC's own subnets (the same subnet, not selected); any other token only Terraform knows.
    const knownToken = isUnresolved(subnetId) && props.vpc.privateSubnets.some((s) => s.subnetId === subnetId);
    if ((!isUnresolved(subnetId) || knownToken) && !subnets.some((s) => s.subnetId === subnetId)) {
      throw new ValidationError(endpoint, `${prop}.subnet`, subnetId, "one of the endpoint's subnets");
    }
    const first = seen.get(subnetId);
    if (first !== undefined)
      throw new ValidationError(endpoint, `${prop}.subnet`, subnetId, `each subnet once (it is also subnetAddresses[${first}])`);
    seen.set(subnetId, i);
    if (address.ipv4 === undefined && address.ipv6 === undefined) {
      throw new ValidationError(endpoint, prop, address.subnet.subnetId, "an ipv4 or ipv6 address for the subnet");
    }
    // An IPv4 address of any of the VPC's blocks (a subnet in a secondary one) is the VPC's.
    for (const [key, wanted, vpcCidr, blocks] of [
      ["ipv4", family !== "ipv6", props.vpc.cidrBlock, vpcIpv4CidrBlocks(props.vpc)],
      ["ipv6", family !== "ipv4", props.vpc.ipv6CidrBlock, [props.vpc.ipv6CidrBlock]],
    ] as const) {
      const value = address[key];
      if (value === undefined || isUnresolved(value)) continue;
      checkIpAddress(endpoint, `${prop}.${key}`, value);
      if (familyOf(value) !== key) throw new ValidationError(endpoint, `${prop}.${key}`, value, `an ${key === "ipv4" ? "IPv4" : "IPv6"} address`);
      if (!wanted) throw new ValidationError(endpoint, `${prop}.${key}`, value, `unset: the endpoint's ipAddressType is ${family}`);
      if (vpcCidr !== undefined && !isUnresolved(vpcCidr) && !blocks.some((block) => block !== undefined && cidrContains(block, hostCidr(value)))) {
        throw new ValidationError(endpoint, `${prop}.${key}`, value, `an address inside the VPC's ${blocks.join(" or ")}`);
      }
    }
    if (address.ipv4 !== undefined && !isUnresolved(address.ipv4)) checkSubnetIpv4(endpoint, `${prop}.ipv4`, address.ipv4, props.vpc, address.subnet);
    return { subnetId, ipv4: address.ipv4, ipv6: address.ipv6 };
  });
}

/**
 * An IPv4 address of the subnet's own CIDR, when this configuration creates
 * the subnet with a CIDR known at synth, and none of the five AWS reserves
 * in every subnet (the network address, the next three, the last).
 */
function checkSubnetIpv4(endpoint: Construct, prop: string, ipv4: string, vpc: IVpc, subnet: ISubnet): void {
  const cidr = literalSubnetCidr(endpoint, vpc, subnet);
  if (cidr === undefined) return;
  if (!cidrContains(cidr, hostCidr(ipv4))) throw new ValidationError(endpoint, prop, ipv4, `an address of the subnet's own ${cidr}`);
  const reserved = awsReservedAddressRole(cidr, ipv4);
  if (reserved !== undefined)
    throw new ValidationError(
      endpoint,
      prop,
      ipv4,
      `an address AWS does not reserve: the first four and the last address of ${cidr} are AWS's (${ipv4} is ${reserved})`,
    );
}

/** The literal CIDR of a subnet: its `cidrBlock`, else that of the `aws_subnet` this configuration creates for it (a literal, or `cidrsubnet` of literals); undefined when unknown at synth. */
function literalSubnetCidr(endpoint: Construct, vpc: IVpc, subnet: ISubnet): string | undefined {
  if (subnet.cidrBlock !== undefined && !isUnresolved(subnet.cidrBlock)) return subnet.cidrBlock;
  if (!Construct.isConstruct(vpc) || !isUnresolved(subnet.subnetId)) return undefined;
  const id = resolvedValue(endpoint, subnet.subnetId);
  const resource = vpc.node.findAll().find((c): c is Subnet => c instanceof Subnet && resolvedValue(endpoint, c.id) === id);
  return resource === undefined ? undefined : literalCidrOfSubnet(endpoint, resource);
}

/** A consumer's own name needs a certificate that carries it: never an AWS service's, and never the name private DNS already answers. */
function checkCustomDnsName(endpoint: Construct, props: InterfaceEndpointProps, target: IInterfaceEndpointService, privateDnsEnabled: boolean): void {
  const name = props.customDnsName;
  if (name === undefined) return;
  checkDnsName(endpoint, "customDnsName", name);
  if (target.isAwsService) {
    throw new ValidationError(
      endpoint,
      "customDnsName",
      name,
      `unset: the certificates of ${target.serviceName} carry AWS's names only; clients dial the service's own name (private DNS)`,
    );
  }
  if (privateDnsEnabled && target.privateDnsName !== undefined && canonicalDnsName(target.privateDnsName) === canonicalDnsName(name)) {
    throw new ValidationError(
      endpoint,
      "customDnsName",
      name,
      `another name than the service's private DNS name, which private DNS already answers in the VPC (or privateDnsEnabled: false)`,
    );
  }
}

/** With AZ IDs on both sides, AWS's refusal of an endpoint subnet in a zone the service is not offered in is caught at synth. */
function checkOfferedZones(endpoint: Construct, props: InterfaceEndpointProps, subnets: readonly ISubnet[], target: IInterfaceEndpointService): void {
  const offered = target.availabilityZoneIds;
  const placed = literalZoneIds(subnets);
  if (offered === undefined || placed === undefined || props.onlySupportedAvailabilityZones === true) return;
  // A zone of another region (use1-az1 against usw2-az1) is a cross-region endpoint's (serviceRegion): placed in its own region's zones, whichever the service is offered in.
  const regionOf = (id: string) => id.replace(/-az\d+$/, "");
  const outside = placed.find((id) => !offered.includes(id) && offered.some((o) => regionOf(o) === regionOf(id)));
  if (outside !== undefined) {
    throw new ValidationError(
      endpoint,
      props.subnets === undefined ? "vpc.privateSubnets" : "subnets",
      outside,
      `subnets in the zones ${serviceLabel(target)} is offered in (${offered.join(", ")}): AWS refuses an endpoint subnet in another zone`,
    );
  }
}

/** How an error names the service: its name, else (a name only Terraform knows) its construct path when it is one of this configuration. */
function serviceLabel(target: IInterfaceEndpointService): string {
  if (!isUnresolved(target.serviceName)) return target.serviceName;
  return Construct.isConstruct(target) ? target.node.path : "the service";
}

/** Private DNS defaults and the S3 rules AWS enforces at create time. */
function checkPrivateDns(
  endpoint: Construct,
  props: InterfaceEndpointProps,
  target: IInterfaceEndpointService,
  aws: AwsService | undefined,
): boolean {
  const inboundOnly = props.privateDnsOnlyForInboundResolverEndpoint;
  const s3Like = aws?.privateDnsNeedsGatewayOrResolverChoice === true;
  if (inboundOnly !== undefined && !s3Like) {
    // AWS offers the option for services with gateway and interface endpoints (DynamoDB too), but the provider sends it for S3 names only.
    const expected =
      aws?.hasGatewayEndpoint === true
        ? `unset: the AWS provider (hashicorp/aws) sends it only for S3 interface endpoints (com.amazonaws.<region>.s3) and leaves it out of a ${aws.shortName} interface endpoint, so it would never reach the endpoint`
        : "unset: only S3 interface endpoints support it";
    throw new ValidationError(endpoint, "privateDnsOnlyForInboundResolverEndpoint", inboundOnly, expected);
  }
  const enabled = props.privateDnsEnabled ?? (s3Like ? props.gatewayEndpoint !== undefined || inboundOnly === false : target.privateDnsSupported);
  if (enabled && !target.privateDnsSupported) {
    throw new ValidationError(endpoint, "privateDnsEnabled", true, `false: ${target.serviceName} has no verified private DNS name`);
  }
  // A service known only by name whose provider reviews each connection: the endpoint is created pending acceptance (a service of this configuration judges its own consumers).
  if (enabled === true && target.contract?.acceptanceRequired === true) {
    throw new ValidationError(
      endpoint,
      "privateDnsEnabled",
      true,
      `false, or the endpoint made as a SaasConsumerEndpoint, which turns private DNS on once it is accepted: ${serviceLabel(target)} requires acceptance, and AWS refuses private DNS on an endpoint still pending acceptance`,
    );
  }
  // Either value refines private DNS: without it the option was dropped (false) or meaningless (true), never written.
  if (s3Like && inboundOnly !== undefined && !enabled) {
    throw new ValidationError(
      endpoint,
      "privateDnsOnlyForInboundResolverEndpoint",
      inboundOnly,
      "unset, or privateDnsEnabled: true (the option refines private DNS)",
    );
  }
  if (s3Like && enabled && (inboundOnly ?? true) && props.gatewayEndpoint === undefined) {
    throw new ValidationError(
      endpoint,
      "privateDnsEnabled",
      true,
      "an S3 gateway endpoint in the VPC (gatewayEndpoint, or the S3HybridAccess pattern) for inbound-resolver-only private DNS, which AWS requires; or privateDnsOnlyForInboundResolverEndpoint: false to send all of the VPC's S3 traffic through this endpoint; or privateDnsEnabled: false",
    );
  }
  return enabled;
}

const INTERFACE_ENDPOINT_PROPS: Record<keyof InterfaceEndpointProps, true> = {
  ...NETWORK_ENDPOINT_PROPS,
  service: true,
  policy: true,
  privateDnsEnabled: true,
  privateDnsOnlyForInboundResolverEndpoint: true,
  gatewayEndpoint: true,
  region: true,
  serviceRegion: true,
  onlySupportedAvailabilityZones: true,
  customDnsName: true,
  subnetAddresses: true,
};
