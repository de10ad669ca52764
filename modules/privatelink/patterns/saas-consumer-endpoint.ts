import { Fn, IResolvable, ITerraformDependable, TerraformProvider, Token } from "../../core/cdktf";
import { Construct, IConstruct } from "constructs";
import { VpcEndpointPrivateDns } from "@cdktf/provider-aws/lib/vpc-endpoint-private-dns";
import {
  annotateForFlows,
  AwsResourceProps,
  checkBoolean,
  checkInstance,
  checkItemCount,
  checkKnownProps,
  checkList,
  checkObject,
  checkRegion,
  checkUnique,
  isUnresolved,
  literalRegionOf,
  providerOf,
  regionOfEndpointServiceName,
  requireProps,
  ValidationError,
} from "../../core";
import { InterfaceEndpoint } from "../../endpoints";
import { checkVpcDns, IpAddressType, ISubnet, IVpc, Peer, SecurityGroup } from "../../vpc";
import { EndpointConnectionAccepter, IOwnedEndpointService } from "../connection-accepter";
import { EndpointService, IEndpointService } from "../endpoint-service";

/**
 * How a consumer's configuration learns that the provider accepted its
 * endpoint: AWS refuses private DNS on an endpoint that is still pending
 * acceptance, so private DNS is switched on only after it.
 */
export class ConnectionAcceptance {
  /**
   * Both halves in one configuration: the provider's acceptance of exactly
   * this endpoint, created here with the service owner's provider
   * (`aws_vpc_endpoint_connection_accepter`); private DNS waits for it.
   */
  public static byAccepter(service: IOwnedEndpointService): ConnectionAcceptance {
    return new ConnectionAcceptance("accepter", service, undefined);
  }

  /**
   * The provider accepts in its own configuration: `accepted` is an input of
   * the consumer's (a boolean variable, false until the provider says the
   * endpoint is accepted). Private DNS is created only once it is true
   * (`count`), so the first apply never asks AWS for private DNS on a
   * pending endpoint.
   */
  public static whenAccepted(accepted: boolean | IResolvable): ConnectionAcceptance {
    return new ConnectionAcceptance("signal", undefined, accepted);
  }

  /** The service accepts every allowed principal's endpoint by itself (`acceptanceRequired: false`). */
  public static notRequired(): ConnectionAcceptance {
    return new ConnectionAcceptance("automatic", undefined, undefined);
  }

  /** True for values made by this class's factories (JavaScript callers can pass anything). */
  public static isConnectionAcceptance(value: unknown): value is ConnectionAcceptance {
    return value instanceof ConnectionAcceptance;
  }

  private constructor(
    /** @internal */
    public readonly kind: "accepter" | "signal" | "automatic",
    /** @internal */
    public readonly service: IOwnedEndpointService | undefined,
    /** @internal */
    public readonly accepted: boolean | IResolvable | undefined,
  ) {}
}

/** What a consumer needs besides the service: where its endpoint goes and who may use it. */
export interface SaasConsumerEndpointOptions extends AwsResourceProps {
  /** The consumer's VPC, where the endpoint's network interfaces go; its provider is used unless `provider` is given. */
  readonly vpc: IVpc;
  /** @default - the VPC's private subnets */
  readonly subnets?: readonly ISubnet[];
  /** Who may use the endpoint. @default - the consumer VPC's IPv4 CIDR, or only `clients` when given */
  readonly allowedPeers?: readonly Peer[];
  /**
   * The consumer's client security groups by stable name: the endpoint
   * admits each, and each gets egress to the endpoint on the service ports
   * (see `InterfaceEndpoint.allowClient`).
   * @default - none
   */
  readonly clients?: Readonly<Record<string, SecurityGroup>>;
  /**
   * A name in the consumer's account that resolves to its endpoint inside its
   * VPC (see `InterfaceEndpoint.customDnsName`): what its clients dial when
   * the service terminates TLS under a name it does not verify as private DNS name.
   * @default - none
   */
  readonly customDnsName?: string;
  /** The service ports this consumer needs; each must be one the service listens on. @default - every service port */
  readonly ports?: readonly number[];
  /** Resolve the service's private DNS name to this endpoint, once accepted. @default - true when the service has a private DNS name */
  readonly privateDnsEnabled?: boolean;
  /** @default - AWS's default, ipv4 */
  readonly ipAddressType?: IpAddressType;
  /**
   * Place the endpoint only in the consumer's subnets whose AZs the service
   * offers, read at apply time. AZ names differ between accounts (us-east-1a
   * here is not us-east-1a there), so a cross-account endpoint in every
   * subnet can land in an AZ the provider's NLB does not cover.
   * @default false
   */
  readonly onlySupportedAvailabilityZones?: boolean;
  /**
   * The consumer's region, when it is not the service's home region
   * (cross-region PrivateLink): one of the service's `supportedRegions`.
   * @default - the service's home region
   */
  readonly region?: string;
}

export interface SaasConsumerEndpointProps extends SaasConsumerEndpointOptions {
  /** The service: `EndpointService.fromEndpointServiceAttributes` (the provider's published terms), or an `EndpointService` of this configuration. */
  readonly service: IEndpointService;
  /**
   * How private DNS learns that the provider accepted the endpoint.
   * @default - the service's own acceptance when it is an EndpointService of this configuration (ConnectionAcceptance.byAccepter, or notRequired without acceptance); required for private DNS to a service known only by name
   */
  readonly acceptance?: ConnectionAcceptance;
}

/**
 * The consumer half of a PrivateLink offering, usable on its own (the
 * consumer's configuration, with the consumer's credentials only): an
 * interface endpoint opening only the service's ports, created with private
 * DNS off, and an `aws_vpc_endpoint_private_dns` that turns it on after the
 * provider's acceptance (and, in one configuration, the name's
 * verification): AWS refuses private DNS on an endpoint that is still
 * pending acceptance or whose name is not verified yet.
 *
 * Creates: the resources of `InterfaceEndpoint` (id `Endpoint`),
 * aws_vpc_endpoint_connection_accepter (`Acceptance`, with
 * ConnectionAcceptance.byAccepter), aws_vpc_endpoint_private_dns
 * (`PrivateDns`), and egress rules on the client security groups.
 */
export class SaasConsumerEndpoint extends Construct {
  /** The consumer's interface endpoint to the service. */
  public readonly endpoint: InterfaceEndpoint;
  /** The provider's approval of this endpoint, when both halves are in this configuration. @default - undefined: the provider accepts elsewhere, or the service does not require acceptance */
  public readonly acceptance?: EndpointConnectionAccepter;
  /**
   * Private DNS, turned on once the connection is accepted (and the name verified).
   * @default - undefined: private DNS is off for this consumer
   */
  public readonly privateDns?: VpcEndpointPrivateDns;

  constructor(scope: Construct, id: string, props: SaasConsumerEndpointProps) {
    super(scope, id);
    requireProps(this, props, ["service", "vpc"]);
    checkKnownProps(this, props, SAAS_CONSUMER_ENDPOINT_PROPS);
    const privateDnsEnabled = checkConsumerDns(this, "", props, props.service);
    const acceptance = acceptanceOf(this, props, privateDnsEnabled);
    checkEndpointIpAddressType(this, "ipAddressType", props.service, props.ipAddressType);
    const serviceRegion = remoteServiceRegion(this, "region", props.service, props.region, providerOf(props, props.vpc));
    const crossRegion = serviceRegion !== undefined && serviceRegion !== (props.region ?? literalRegionOf(this, providerOf(props, props.vpc)));
    checkBoolean(this, "onlySupportedAvailabilityZones", props.onlySupportedAvailabilityZones);
    if (crossRegion && props.onlySupportedAvailabilityZones === true)
      throw new ValidationError(
        this,
        "onlySupportedAvailabilityZones",
        true,
        `false or unset for a consumer in another region than the service's (${serviceRegion}): the zones the service is offered in are of its home region, while the endpoint goes in the zones of its own region`,
      );
    this.endpoint = new InterfaceEndpoint(this, "Endpoint", {
      provider: props.provider,
      vpc: props.vpc,
      subnets: props.subnets,
      // Client groups are admitted below, together with their egress; the VPC's CIDR is then no default.
      allowedPeers: props.allowedPeers,
      open: props.allowedPeers === undefined && props.clients !== undefined ? false : undefined,
      ipAddressType: props.ipAddressType,
      onlySupportedAvailabilityZones: props.onlySupportedAvailabilityZones,
      service: withPorts(this, "ports", props.service, props.ports, crossRegion),
      serviceRegion,
      // Turned on below by aws_vpc_endpoint_private_dns, after acceptance (and verification).
      privateDnsEnabled: false,
      customDnsName: props.customDnsName,
    });
    checkObject(this, "clients", props.clients);
    for (const [name, client] of Object.entries(props.clients ?? {})) this.endpoint.allowClient(client, name);
    this.acceptance =
      acceptance.kind === "accepter" && acceptance.service !== undefined
        ? new EndpointConnectionAccepter(this, "Acceptance", { service: acceptance.service, endpoint: this.endpoint })
        : undefined;
    // The provider accepts outside Terraform (after review), and says so through the signal: an acceptance path too.
    if (acceptance.kind === "signal" && props.service instanceof EndpointService) props.service.recordAcceptance(this.endpoint);
    if (!privateDnsEnabled) return;
    // Private DNS is turned on after acceptance, not on the endpoint: the VPC's DNS attributes are checked here.
    checkVpcDns(this, "privateDnsEnabled", true, props.vpc, "the endpoint's private DNS (or privateDnsEnabled: false)");
    // And the VPC's names are claimed as an endpoint created with private DNS claims them: AWS refuses the later switch for the same conflicts.
    this.endpoint.claimPrivateDnsTurnedOnLater();
    // aws_vpc_endpoint_private_dns owns the setting from now on; without this the endpoint would switch it back off.
    this.endpoint.resource.addOverride("lifecycle.ignore_changes", ["private_dns_enabled"]);
    const owned = props.service instanceof EndpointService;
    // Waits until AWS has verified the name (unless the service says otherwise): private DNS for a name pending verification is refused.
    const verification = owned ? props.service.verificationForLaterPrivateDns(this) : undefined;
    // A service known only by name: the flow analysis learns from the endpoint which name its private DNS answers.
    if (!owned && props.service.privateDnsName !== undefined)
      annotateForFlows(this.endpoint.resource, "privateDnsName", props.service.privateDnsName);
    const waitFor: ITerraformDependable[] = [
      ...(this.acceptance === undefined ? [] : [this.acceptance.resource]),
      ...(verification === undefined ? [] : [verification]),
    ];
    this.privateDns = new VpcEndpointPrivateDns(this, "PrivateDns", {
      provider: this.endpoint.provider,
      vpcEndpointId: this.endpoint.vpcEndpointId,
      privateDnsEnabled: true,
      count: acceptance.kind === "signal" ? Token.asNumber(Fn.conditional(acceptance.accepted, 1, 0)) : undefined,
      dependsOn: waitFor.length > 0 ? waitFor : undefined,
    });
  }
}

/**
 * A consumer's DNS settings against the service: private DNS only with a
 * name to answer, and a custom name other than the one private DNS already
 * answers. `prefix` is where the caller wrote them. Returns whether private
 * DNS is on.
 * @internal
 */
export function checkConsumerDns(
  scope: IConstruct,
  prefix: string,
  consumer: SaasConsumerEndpointOptions,
  service: { readonly privateDnsName?: string },
): boolean {
  const at = (prop: string): string => `${prefix}${prop}`;
  checkBoolean(scope, at("privateDnsEnabled"), consumer.privateDnsEnabled);
  const name = service.privateDnsName;
  if (consumer.privateDnsEnabled === true && name === undefined) {
    throw new ValidationError(scope, at("privateDnsEnabled"), true, "false: the service has no private DNS name");
  }
  const enabled = consumer.privateDnsEnabled ?? name !== undefined;
  if (consumer.customDnsName !== undefined && name !== undefined && enabled && consumer.customDnsName.toLowerCase() === name.toLowerCase()) {
    throw new ValidationError(
      scope,
      at("customDnsName"),
      consumer.customDnsName,
      "another name than the service's private DNS name, which the consumer's private DNS already answers (or privateDnsEnabled: false)",
    );
  }
  return enabled;
}

/** The given acceptance, else the one the service itself implies; a service known only by name needs one for private DNS. */
function acceptanceOf(scope: IConstruct, props: SaasConsumerEndpointProps, privateDnsEnabled: boolean): ConnectionAcceptance {
  const given = checkInstance(
    scope,
    "acceptance",
    props.acceptance,
    ConnectionAcceptance.isConnectionAcceptance,
    "ConnectionAcceptance.byAccepter, .whenAccepted or .notRequired",
  );
  if (given !== undefined) {
    if (given.kind === "accepter" && given.service?.acceptanceRequired !== true) {
      throw new ValidationError(
        scope,
        "acceptance",
        "ConnectionAcceptance.byAccepter",
        "ConnectionAcceptance.notRequired(): the service accepts endpoints by itself (acceptanceRequired is false)",
      );
    }
    if (given.kind === "signal" && !isUnresolved(given.accepted)) checkBoolean(scope, "acceptance.accepted", given.accepted as boolean);
    return given;
  }
  if (props.service instanceof EndpointService)
    return props.service.acceptanceRequired ? ConnectionAcceptance.byAccepter(props.service) : ConnectionAcceptance.notRequired();
  if (props.service.contract?.acceptanceRequired === false) return ConnectionAcceptance.notRequired();
  if (privateDnsEnabled) {
    throw new ValidationError(
      scope,
      "acceptance",
      undefined,
      "ConnectionAcceptance.whenAccepted(<boolean variable>): the provider accepts this endpoint in its own configuration, and AWS refuses private DNS until it has (or privateDnsEnabled: false)",
    );
  }
  return ConnectionAcceptance.notRequired();
}

/**
 * A consumer's endpoint has addresses of the families the service supports
 * only: AWS refuses an ipv4 endpoint to an IPv6-only service, and a
 * dualstack or ipv6 one to a service without ipv6 in its
 * supportedIpAddressTypes. Judged for services of this configuration, whose
 * types are known.
 * @internal
 */
export function checkEndpointIpAddressType(scope: IConstruct, prop: string, service: IEndpointService, type: IpAddressType | undefined): void {
  if (!(service instanceof EndpointService) || type === undefined) return;
  const needs: readonly ("ipv4" | "ipv6")[] = type === "dualstack" ? ["ipv4", "ipv6"] : type === "ipv6" ? ["ipv6"] : type === "ipv4" ? ["ipv4"] : [];
  const missing = needs.find((family) => !service.supportedIpAddressTypes.includes(family));
  if (missing !== undefined) {
    throw new ValidationError(
      scope,
      prop,
      type,
      `an IP address type of the service's supportedIpAddressTypes (${service.supportedIpAddressTypes.join(", ")}): AWS refuses a ${type} endpoint to a service without ${missing}; add ${missing} to the service's supportedIpAddressTypes, or change the endpoint's type`,
    );
  }
}

/**
 * The home region for a consumer in another region (its endpoint names it), after checking the service admits that region
 * and that `region`, when given, is the region of the consumer's provider (where its endpoint is made).
 * @internal
 */
export function remoteServiceRegion(
  scope: IConstruct,
  prop: string,
  service: IEndpointService,
  givenRegion: string | undefined,
  provider: TerraformProvider | undefined,
): string | undefined {
  checkRegion(scope, prop, givenRegion);
  const providerRegion = literalRegionOf(scope, provider);
  // Without `region`, the consumer is where its provider is: an endpoint there needs the home region named as much.
  const consumerRegion = givenRegion ?? providerRegion;
  if (!(service instanceof EndpointService)) {
    checkConsumerRegion(scope, prop, givenRegion, providerRegion);
    if (service.serviceRegion !== undefined) return service.serviceRegion;
    // A service known by name carries its home region there: a consumer elsewhere names it, as for a service of this configuration.
    const home = regionOfEndpointServiceName(service.serviceName);
    return home !== undefined && consumerRegion !== undefined && !isUnresolved(consumerRegion) && consumerRegion !== home ? home : undefined;
  }
  if (consumerRegion === undefined || consumerRegion === service.region) {
    checkConsumerRegion(scope, prop, givenRegion, providerRegion);
    return undefined;
  }
  if (!service.supportedRegions.includes(consumerRegion)) {
    throw new ValidationError(
      scope,
      prop,
      consumerRegion,
      `the service's home region (${service.region ?? "unknown: set the service's region"}) or one of its supportedRegions (${service.supportedRegions.join(", ") || "none"})`,
    );
  }
  checkConsumerRegion(scope, prop, givenRegion, providerRegion);
  return service.region;
}

/**
 * Fails when the consumer's `region` is not its provider's (both literal):
 * the endpoint is made where the provider is, so a `region` naming another
 * one would be checked against the service's regions in its place.
 */
function checkConsumerRegion(scope: IConstruct, prop: string, givenRegion: string | undefined, providerRegion: string | undefined): void {
  if (givenRegion === undefined || providerRegion === undefined || isUnresolved(givenRegion) || isUnresolved(providerRegion)) return;
  if (givenRegion !== providerRegion)
    throw new ValidationError(
      scope,
      prop,
      givenRegion,
      `${providerRegion}, the region of the consumer's provider, where its endpoint is made (or leave ${prop} unset: it defaults to that region)`,
    );
}

/**
 * The service as one consumer sees it: only the ports it asked for, each one
 * the service listens on, so the endpoint's security group opens nothing else.
 * A consumer in another region (`crossRegion`) sees no AZ IDs: they name
 * zones of the service's home region, and a cross-region endpoint is placed
 * in its own region's zones.
 * @internal
 */
export function withPorts(
  scope: IConstruct,
  prop: string,
  service: IEndpointService,
  ports: readonly number[] | undefined,
  crossRegion = false,
): IEndpointService {
  if (service.serviceType === "GatewayLoadBalancer" || service.ports.length === 0) {
    throw new ValidationError(
      scope,
      prop,
      service.ports,
      "a service with listener ports (a Gateway Load Balancer service takes GatewayLoadBalancer endpoints, not Interface ones: GatewayLoadBalancerEndpoint)",
    );
  }
  checkList(scope, prop, ports);
  if (ports === undefined && !crossRegion) return service;
  checkItemCount(scope, prop, ports, 1);
  checkUnique(scope, prop, ports);
  const closed = ports?.find((port) => !service.ports.includes(port));
  if (closed !== undefined) {
    throw new ValidationError(
      scope,
      prop,
      closed,
      `a port the service listens on (${service.ports.join(", ")}): the endpoint would open a port nothing answers on`,
    );
  }
  return {
    endpointServiceId: service.endpointServiceId,
    serviceName: service.serviceName,
    serviceType: service.serviceType,
    ports: ports ?? service.ports,
    isAwsService: service.isAwsService,
    privateDnsSupported: service.privateDnsSupported,
    privateDnsName: service.privateDnsName,
    serviceRegion: service.serviceRegion,
    availabilityZoneIds: crossRegion ? undefined : service.availabilityZoneIds,
    contract: service.contract,
    // The service still admits the consumer's VPC on its load balancer (addConsumer), whichever ports this consumer opens.
    addConsumer: service.addConsumer,
    // And judges the endpoint as it would any other (its allowed principals, its zones).
    checkConsumer: service.checkConsumer,
  };
}

/** What a consumer's endpoint takes besides the service: the keys of {@link SaasConsumerEndpointOptions}. @internal */
export const SAAS_CONSUMER_ENDPOINT_OPTIONS: Record<keyof SaasConsumerEndpointOptions, true> = {
  vpc: true,
  subnets: true,
  allowedPeers: true,
  clients: true,
  customDnsName: true,
  ports: true,
  privateDnsEnabled: true,
  ipAddressType: true,
  onlySupportedAvailabilityZones: true,
  region: true,
  provider: true,
};

const SAAS_CONSUMER_ENDPOINT_PROPS: Record<keyof SaasConsumerEndpointProps, true> = {
  ...SAAS_CONSUMER_ENDPOINT_OPTIONS,
  service: true,
  acceptance: true,
};
