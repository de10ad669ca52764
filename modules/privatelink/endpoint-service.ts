import { Annotations, Fn, TerraformIterator, TerraformProvider, Token } from "../core/cdktf";
import { Construct, IConstruct } from "constructs";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { VpcEndpointConnectionAccepter } from "@cdktf/provider-aws/lib/vpc-endpoint-connection-accepter";
import { VpcEndpointConnectionNotification } from "@cdktf/provider-aws/lib/vpc-endpoint-connection-notification";
import { VpcEndpointService } from "@cdktf/provider-aws/lib/vpc-endpoint-service";
import { VpcEndpointServicePrivateDnsVerification } from "@cdktf/provider-aws/lib/vpc-endpoint-service-private-dns-verification";
import {
  AppRegistry,
  AwsResourceProps,
  checkArn,
  checkBoolean,
  checkEndpointServiceName,
  checkExactlyOne,
  checkInstance,
  checkItemCount,
  checkKnownProps,
  checkLength,
  checkList,
  checkObject,
  checkOneOf,
  checkPort,
  checkPredicate,
  checkRegion,
  checkResourceId,
  checkServiceRegionOfName,
  checkUnique,
  isDnsName,
  isInDnsZone,
  isUnresolved,
  isWildcardDnsName,
  literalAccountOf,
  literalRegionOf,
  nameFromPath,
  OptOut,
  optOutReason,
  Partition,
  parseArn,
  partitionOfRegion,
  providerOf,
  RECORDED_OPT_OUTS,
  recordOptOut,
  regionOfEndpointServiceName,
  requireProps,
  requireValue,
  resolveRegion,
  stableId,
  ValidationError,
} from "../core";
import { EndpointConsumer, EndpointServiceContract, IInterfaceEndpointService } from "../endpoints";
import { IHostedZone, IVpc, PrivateHostedZone } from "../vpc";
import { checkNoDuplicate } from "./checks";
import { claimAcceptance } from "./connection-accepter";
import { ServiceConsumers } from "./endpoint-service-consumers";
import { GatewayLoadBalancer, IGatewayLoadBalancer } from "./gateway-load-balancer";
import { INetworkLoadBalancer, NetworkLoadBalancer, NetworkLoadBalancerProps } from "./network-load-balancer";
import { ANY_PRINCIPAL_OPT_IN, ANY_PRINCIPAL_OPT_OUT, EndpointServicePrincipal } from "./principals";
import { checkZoneIds } from "./zones";

/** What consumers create to reach an endpoint service: Interface endpoints (Network Load Balancer), or GatewayLoadBalancer endpoints. */
export type EndpointServiceType = "Interface" | "GatewayLoadBalancer";

/** A PrivateLink endpoint service as its consumers see it: created here or imported by name. */
export interface IEndpointService extends IInterfaceEndpointService {
  /** Endpoint service ID, `vpce-svc-…` (named after the type, as aws-cdk-lib does: a Lattice service's ID is `svc-…`). */
  readonly endpointServiceId: string;
  /** The private DNS name consumers can turn on, when the provider verified one. @default - none */
  readonly privateDnsName?: string;
  /**
   * Interface endpoints reach a service in front of Network Load Balancers;
   * a Gateway Load Balancer's service takes GatewayLoadBalancer endpoints only.
   * @default "Interface"
   */
  readonly serviceType?: EndpointServiceType;
}

/**
 * What a consumer must know about a service another configuration (or
 * account) owns: the provider's published terms. Beyond the ports, they are
 * recorded on the consumer's endpoint so that the flow analysis of the
 * consumer's configuration proves its flows against them: a creator outside
 * the allowed principals, a port the service does not listen on, a subnet in
 * a zone it is not offered in, a `vpce-…` name dialed on a TLS port.
 */
export interface ImportedEndpointServiceOptions {
  /** The service's listener ports, as the provider publishes them (none for a Gateway Load Balancer's service). */
  readonly ports: readonly number[];
  /** Only give it once the provider's verification succeeded. @default - no private DNS */
  readonly privateDnsName?: string;
  /** Region of the service, when consumers sit in another one (cross-region PrivateLink). @default - same region */
  readonly serviceRegion?: string;
  /** Who the provider allows to create endpoints; the consumer's endpoint must be created as one of them. @default - unknown */
  readonly allowedPrincipals?: readonly EndpointServicePrincipal[];
  /** Whether the provider reviews and accepts each connection. @default - unknown */
  readonly acceptanceRequired?: boolean;
  /** AZ IDs (`use1-az1`) the service is offered in; the consumer's endpoint subnets must be in them. @default - unknown */
  readonly availabilityZoneIds?: readonly string[];
  /** Ports on which the service terminates TLS (on its load balancer, or behind it): clients dial a name its certificate carries. @default - none */
  readonly tlsPorts?: readonly number[];
}

/** Describes an endpoint service another configuration or account owns, for {@link EndpointService.fromEndpointServiceAttributes}. */
export interface EndpointServiceAttributes extends Omit<ImportedEndpointServiceOptions, "ports"> {
  /** `com.amazonaws.vpce.<region>.vpce-svc-…`; its ID and region are read from it. */
  readonly serviceName: string;
  /** The kind of endpoints it takes. @default "Interface" */
  readonly serviceType?: EndpointServiceType;
  /** The service's listener ports, as the provider publishes them: at least one for an Interface service, none for a Gateway Load Balancer's. @default - none */
  readonly ports?: readonly number[];
}

/** Connection events an endpoint service can notify about. */
export type ConnectionEvent = "Accept" | "Connect" | "Delete" | "Reject";
const CONNECTION_EVENTS: readonly ConnectionEvent[] = ["Accept", "Connect", "Delete", "Reject"];

/** An SNS notification about connection requests to the service (`aws_vpc_endpoint_connection_notification`). */
export interface ConnectionNotification {
  /** Stable name, part of the Terraform address. */
  readonly name: string;
  /** The topic, in the service's region; its policy must let `vpce.amazonaws.com` publish. */
  readonly snsTopicArn: string;
  /** @default - all four: Accept, Connect, Delete, Reject */
  readonly events?: readonly ConnectionEvent[];
}

/** NetworkLoadBalancerProps without `provider`: the load balancer is created with the endpoint service's provider. */
export type NetworkLoadBalancerOptions = Omit<NetworkLoadBalancerProps, "provider">;

/**
 * The load balancers an endpoint service fronts: one of three shapes, so
 * that a service can never name both kinds, or none.
 */
export class EndpointServiceLoadBalancer {
  /** A Network Load Balancer created for the service (with its provider), as `service.networkLoadBalancer`. */
  public static networkLoadBalancer(options: NetworkLoadBalancerOptions): EndpointServiceLoadBalancer {
    return new EndpointServiceLoadBalancer("network", options, []);
  }

  /** Network Load Balancers made elsewhere: `NetworkLoadBalancer` or `NetworkLoadBalancer.fromNetworkLoadBalancerAttributes`. */
  public static existing(loadBalancers: readonly INetworkLoadBalancer[]): EndpointServiceLoadBalancer {
    return new EndpointServiceLoadBalancer("network", undefined, loadBalancers);
  }

  /** Gateway Load Balancers in front of inspection appliances: consumers create GatewayLoadBalancer endpoints. */
  public static gatewayLoadBalancer(...loadBalancers: IGatewayLoadBalancer[]): EndpointServiceLoadBalancer {
    return new EndpointServiceLoadBalancer("gateway", undefined, loadBalancers);
  }

  /** True for values made by this class's factories (JavaScript callers can pass anything). */
  public static isEndpointServiceLoadBalancer(value: unknown): value is EndpointServiceLoadBalancer {
    return value instanceof EndpointServiceLoadBalancer;
  }

  private constructor(
    /** @internal Network or Gateway Load Balancers. */
    public readonly kind: "network" | "gateway",
    /** @internal The load balancer to create. */
    public readonly create: NetworkLoadBalancerOptions | undefined,
    /** @internal Load balancers made elsewhere. */
    public readonly given: readonly (INetworkLoadBalancer | IGatewayLoadBalancer)[],
  ) {}
}

export interface EndpointServiceProps extends AwsResourceProps {
  /**
   * What the service fronts: `EndpointServiceLoadBalancer.networkLoadBalancer(options)`
   * (created here), `.existing([nlb])` or `.gatewayLoadBalancer(gwlb)`.
   * @default - none: give this, or one of the deprecated props below
   */
  readonly loadBalancer?: EndpointServiceLoadBalancer;
  /** @deprecated Use loadBalancer: EndpointServiceLoadBalancer.networkLoadBalancer(options). @default - none */
  readonly networkLoadBalancer?: NetworkLoadBalancerOptions;
  /** @deprecated Use loadBalancer: EndpointServiceLoadBalancer.existing(networkLoadBalancers). @default - none */
  readonly networkLoadBalancers?: readonly INetworkLoadBalancer[];
  /** @deprecated Use loadBalancer: EndpointServiceLoadBalancer.gatewayLoadBalancer(GatewayLoadBalancer.fromGatewayLoadBalancerAttributes(...)). @default - none */
  readonly gatewayLoadBalancerArns?: readonly string[];
  /** Every connection request waits for the provider's approval. @default true */
  readonly acceptanceRequired?: boolean;
  /**
   * The provider accepts connections outside this configuration (in the
   * console, or through a reviewed request process): consumer endpoints of
   * this configuration need no EndpointConnectionAccepter. Until someone
   * accepts them they wait in pendingAcceptance and carry no traffic.
   * @default - every consumer endpoint of this configuration must be accepted here (an accepter, acceptEndpoints or ConnectionAcceptance.whenAccepted)
   */
  readonly acceptedOutsideTerraform?: OptOut;
  /** Accounts, roles and users that may request a connection, each once (an account's ID and its root ARN are one principal). @default - nobody until principals are added */
  readonly allowedPrincipals?: readonly EndpointServicePrincipal[];
  /**
   * Lets every AWS principal request a connection (`*`): the service becomes
   * public to anyone who learns its name. Keep acceptance required with it.
   * The reason is recorded on the endpoint service.
   * @default - only `allowedPrincipals`
   */
  readonly allowAnyPrincipal?: OptOut;
  /** @deprecated Use allowAnyPrincipal: OptOut.because("<why>"). @default false */
  readonly allowAnyPrincipal_I_UNDERSTAND_EVERY_AWS_ACCOUNT_CAN_REQUEST_A_CONNECTION?: boolean;
  /** `ipv6` needs dual-stack load balancers. @default - AWS's default, ipv4 */
  readonly supportedIpAddressTypes?: readonly ("ipv4" | "ipv6")[];
  /** Other regions whose consumers may connect (cross-region PrivateLink); never the home region. @default - home region only */
  readonly supportedRegions?: readonly string[];
  /**
   * The home region, which `supportedRegions` must not repeat, whose
   * partition account principals are rendered in, and in which SNS topics
   * and load balancers must be.
   * @default - the literal region of the provider (or of the stack's default AWS provider); required with `supportedRegions`
   */
  readonly region?: string;
  /** Name consumers resolve to their endpoint, e.g. `api.example.com` (or `*.example.com`); AWS checks ownership. Interface services only. @default - none */
  readonly privateDnsName?: string;
  /**
   * Public zone for the ownership TXT record and the verification; without it, verify the name yourself.
   * The record is written with the zone's provider, else the endpoint service's.
   * @default - no record, no verification
   */
  readonly privateDnsVerificationZone?: IHostedZone;
  /** Make apply wait until AWS has verified the name (fails if the zone is not publicly delegated). @default false */
  readonly waitForPrivateDnsVerification?: boolean;
  /**
   * The private DNS name is verified outside this configuration, without a
   * `privateDnsVerificationZone` (the TXT record in another DNS provider, or
   * added by another team), before any consumer of this configuration with
   * private DNS is created: AWS refuses private DNS for a name it has not
   * verified, so such a consumer fails at apply until then (always on the
   * apply that creates the service, whose TXT value is new). The reason is
   * recorded on the endpoint service.
   * @default - consumers of this configuration with private DNS need the name verified here (`privateDnsVerificationZone`)
   */
  readonly privateDnsVerifiedOutsideTerraform?: OptOut;
  /** SNS notifications about connection requests, with unique names. @default - none */
  readonly connectionNotifications?: readonly ConnectionNotification[];
  /** Name tag, up to 256 characters. @default - the construct path */
  readonly name?: string;
}

/**
 * A PrivateLink endpoint service (provider side): other VPCs and accounts
 * create interface endpoints to it (or GatewayLoadBalancer endpoints, in
 * front of a Gateway Load Balancer). Secure by default: acceptance
 * required, nobody allowed until named, `*` only behind an opt-out with its
 * reason.
 *
 * Creates: aws_vpc_endpoint_service, plus on request a Network Load Balancer
 * (see {@link NetworkLoadBalancer}), aws_route53_record (ownership TXT),
 * aws_vpc_endpoint_service_private_dns_verification,
 * aws_vpc_endpoint_connection_notification and
 * aws_vpc_endpoint_connection_accepter (`acceptEndpoints`).
 */
export class EndpointService extends Construct implements IEndpointService {
  /** A service owned by another configuration or account, for consumers: its ID and region are read from its name. */
  public static fromEndpointServiceAttributes(scope: Construct, id: string, attrs: EndpointServiceAttributes): IEndpointService {
    return new ImportedEndpointService(scope, id, attrs);
  }

  /** @deprecated Use fromEndpointServiceAttributes(scope, id, { serviceName, ...options }). */
  public static fromServiceName(scope: Construct, id: string, serviceName: string, options: ImportedEndpointServiceOptions): IEndpointService {
    return EndpointService.fromEndpointServiceAttributes(scope, id, { ...options, serviceName });
  }

  /** The underlying `aws_vpc_endpoint_service`, as an escape hatch. */
  public readonly resource: VpcEndpointService;
  public readonly endpointServiceId: string;
  public readonly serviceName: string;
  /** ARN of the endpoint service (`aws_vpc_endpoint_service.arn`), known at apply. */
  public readonly endpointServiceArn: string;
  public readonly ports: readonly number[];
  public readonly isAwsService = false;
  public readonly serviceType: EndpointServiceType;
  public readonly privateDnsSupported: boolean;
  public readonly privateDnsName?: string;
  /** Whether each connection request waits for approval (`acceptance_required`). */
  public readonly acceptanceRequired: boolean;
  /** The home region, when known at synth (given, or the provider's literal region). */
  public readonly region?: string;
  /** Regions besides the home region whose consumers may connect. */
  public readonly supportedRegions: readonly string[];
  /** The IP address types consumers' endpoints may have addresses of (`supported_ip_address_types`; AWS's default is ipv4). */
  public readonly supportedIpAddressTypes: readonly ("ipv4" | "ipv6")[];
  /** The provider of the owning account, for acceptances. */
  public readonly provider?: TerraformProvider;
  /** The load balancer created for the service, when `EndpointServiceLoadBalancer.networkLoadBalancer` was given. */
  public readonly loadBalancer?: NetworkLoadBalancer;
  /** The ownership verification, when a zone was given: what consumers' private DNS waits for. */
  public readonly privateDnsVerification?: VpcEndpointServicePrivateDnsVerification;
  public readonly availabilityZoneIds?: readonly string[];
  /** Who connects from this configuration, and whether AWS would let them. */
  private readonly consumers: ServiceConsumers;

  constructor(scope: Construct, id: string, props: EndpointServiceProps) {
    super(scope, id);
    requireProps(this, props, []);
    checkKnownProps(this, props, ENDPOINT_SERVICE_PROPS);
    const frontedBy = loadBalancerOf(this, props);
    this.serviceType = frontedBy.kind === "gateway" ? "GatewayLoadBalancer" : "Interface";
    this.acceptanceRequired = checkBoolean(this, "acceptanceRequired", props.acceptanceRequired) ?? true;
    if (props.acceptedOutsideTerraform !== undefined && !OptOut.isOptOut(props.acceptedOutsideTerraform))
      throw new ValidationError(
        this,
        "acceptedOutsideTerraform",
        props.acceptedOutsideTerraform,
        'OptOut.because("<who accepts the connections, and where>"), or leave it unset',
      );
    const acceptedOutsideTerraform = optOutReason(this, "acceptedOutsideTerraform", props.acceptedOutsideTerraform);
    if (acceptedOutsideTerraform !== undefined && !this.acceptanceRequired)
      throw new ValidationError(
        this,
        "acceptedOutsideTerraform",
        acceptedOutsideTerraform,
        "unset with acceptanceRequired: false (nothing is accepted, anywhere)",
      );
    checkBoolean(this, "waitForPrivateDnsVerification", props.waitForPrivateDnsVerification);
    const verifiedOutsideTerraform = this.verifiedOutsideTerraformReason(props);
    if (props.waitForPrivateDnsVerification === true && props.privateDnsVerificationZone === undefined) {
      throw new ValidationError(
        this,
        "waitForPrivateDnsVerification",
        true,
        "unset without privateDnsVerificationZone: apply waits on the verification made in that zone, and without it nothing would wait",
      );
    }
    // The service lives in the account of the load balancer it creates, unless told otherwise.
    this.provider = providerOf(props, frontedBy.create?.vpc);
    checkRegion(this, "region", props.region);
    const homeRegion =
      props.supportedRegions === undefined
        ? props.region === undefined
          ? literalRegionOf(this, this.provider)
          : isUnresolved(props.region)
            ? undefined
            : props.region
        : resolveRegion(this, props.region, this.provider);
    this.region = homeRegion;
    const partition = homeRegion === undefined ? undefined : partitionOfRegion(homeRegion);
    const anyPrincipal = this.anyPrincipalReason(props);
    const principals = this.checkPrincipals(props.allowedPrincipals, partition);
    if (!this.acceptanceRequired && principals.length === 0 && anyPrincipal === undefined) {
      throw new ValidationError(
        this,
        "allowedPrincipals",
        [],
        "at least one principal when acceptanceRequired is false (acceptance off means every allowed principal connects unreviewed)",
      );
    }
    if (anyPrincipal !== undefined) {
      Annotations.of(this).addWarning(
        `${ANY_PRINCIPAL_OPT_OUT}: every AWS account can request a connection${this.acceptanceRequired ? "" : ", and acceptanceRequired is false, so every request is accepted"}`,
      );
    }
    this.validateRegions(checkList(this, "supportedRegions", props.supportedRegions), homeRegion);
    if (props.supportedRegions !== undefined && frontedBy.kind === "gateway") {
      throw new ValidationError(
        this,
        "supportedRegions",
        props.supportedRegions,
        "unset for a Gateway Load Balancer's service: cross-region PrivateLink serves interface endpoints only, and GatewayLoadBalancer endpoints reach services of their own region",
      );
    }
    this.supportedRegions = props.supportedRegions ?? [];
    this.validatePrivateDns(props);
    const notifications = this.checkNotifications(props.connectionNotifications, homeRegion);
    checkLength(this, "name", props.name, 1, 256);

    this.loadBalancer =
      frontedBy.create === undefined ? undefined : new NetworkLoadBalancer(this, "LoadBalancer", { ...frontedBy.create, provider: this.provider });
    const balancers = this.loadBalancer !== undefined ? [this.loadBalancer] : frontedBy.given;
    this.checkLoadBalancerRegions(frontedBy, homeRegion);
    this.checkIpAddressTypes(props, balancers);
    this.supportedIpAddressTypes = props.supportedIpAddressTypes ?? ["ipv4"];

    this.claimLoadBalancers(frontedBy, balancers);
    const principalArns = principals.map((p) => p.render(partition ?? "aws"));
    this.resource = new VpcEndpointService(this, "Resource", {
      provider: this.provider,
      acceptanceRequired: this.acceptanceRequired,
      networkLoadBalancerArns: frontedBy.kind === "network" ? balancers.map((n) => n.loadBalancerArn) : undefined,
      gatewayLoadBalancerArns: frontedBy.kind === "gateway" ? balancers.map((n) => n.loadBalancerArn) : undefined,
      allowedPrincipals: anyPrincipal !== undefined ? ["*"] : principalArns.length > 0 ? principalArns : undefined,
      supportedIpAddressTypes: props.supportedIpAddressTypes === undefined ? undefined : [...props.supportedIpAddressTypes],
      supportedRegions: props.supportedRegions === undefined ? undefined : [...props.supportedRegions],
      privateDnsName: props.privateDnsName,
      tags: { Name: props.name ?? nameFromPath(this) },
    });
    if (anyPrincipal !== undefined) recordOptOut(this.resource, ANY_PRINCIPAL_OPT_OUT, anyPrincipal);
    if (acceptedOutsideTerraform !== undefined) recordOptOut(this.resource, RECORDED_OPT_OUTS.acceptedOutsideTerraform, acceptedOutsideTerraform);
    if (verifiedOutsideTerraform !== undefined)
      recordOptOut(this.resource, RECORDED_OPT_OUTS.privateDnsVerifiedOutsideTerraform, verifiedOutsideTerraform);
    this.endpointServiceId = this.resource.id;
    this.serviceName = this.resource.serviceName;
    this.endpointServiceArn = this.resource.arn;
    this.ports = frontedBy.kind === "network" ? [...new Set((balancers as INetworkLoadBalancer[]).flatMap((n) => n.listenerPorts))] : [];
    // A zone is offered when one of the load balancers is in it; unknown as soon as one load balancer's zones are.
    const zones = balancers.map((n) => n.availabilityZoneIds);
    this.availabilityZoneIds = zones.every((z) => z !== undefined) ? [...new Set(zones.flat() as string[])] : undefined;
    this.privateDnsName = props.privateDnsName;
    this.privateDnsSupported = props.privateDnsName !== undefined;

    if (props.privateDnsName !== undefined && props.privateDnsVerificationZone !== undefined) {
      this.privateDnsVerification = this.verifyPrivateDns(props.privateDnsVerificationZone, props.waitForPrivateDnsVerification ?? false);
    }
    // After the verification, which endpoints with private DNS wait for; no endpoint can connect before the service is made.
    this.consumers = new ServiceConsumers(this, {
      acceptanceRequired: this.acceptanceRequired,
      acceptedOutsideTerraform,
      allowedPrincipals: principals,
      allowsAnyPrincipal: anyPrincipal !== undefined,
      provider: this.provider,
      loadBalancers: balancers,
      privateDnsVerification: this.privateDnsVerification,
      waitForVerificationGiven: props.waitForPrivateDnsVerification !== undefined,
      privateDnsName: props.privateDnsName,
      privateDnsVerifiedOutsideTerraform: verifiedOutsideTerraform,
    });
    for (const notification of notifications) {
      new VpcEndpointConnectionNotification(this, `Notification-${stableId(notification.name)}`, {
        provider: this.provider,
        vpcEndpointServiceId: this.endpointServiceId,
        connectionNotificationArn: notification.snsTopicArn,
        connectionEvents: [...(notification.events ?? CONNECTION_EVENTS)],
      });
    }
  }

  /** @internal An endpoint of this configuration in `vpc` connects: see `ServiceConsumers.add`. */
  public readonly addConsumer = (endpoint: IConstruct, vpc: IVpc): void => this.consumers.add(endpoint, vpc);

  /** @internal An acceptance of this configuration covers `endpoint`: see `ServiceConsumers.recordAcceptance`. */
  public readonly recordAcceptance = (endpoint: object): void => this.consumers.recordAcceptance(endpoint);

  /** @internal A consumer turns its private DNS on after its endpoint is created: see `ServiceConsumers.verificationForLaterPrivateDns`. */
  public readonly verificationForLaterPrivateDns = (consumer: IConstruct): VpcEndpointServicePrivateDnsVerification | undefined =>
    this.consumers.verificationForLaterPrivateDns(consumer);

  /** @internal An endpoint of this configuration is about to connect, refused when AWS would refuse it: see `ServiceConsumers.check`. */
  public readonly checkConsumer = (endpoint: IConstruct, consumer: EndpointConsumer): void => this.consumers.check(endpoint, consumer);

  /** The Network Load Balancer the service created (`EndpointServiceLoadBalancer.networkLoadBalancer`); fails for a service in front of load balancers made elsewhere. */
  public get networkLoadBalancer(): NetworkLoadBalancer {
    if (this.loadBalancer === undefined) {
      throw new ValidationError(
        this,
        "loadBalancer",
        this.serviceType,
        "a service that created its Network Load Balancer (EndpointServiceLoadBalancer.networkLoadBalancer(options)); load balancers made elsewhere are yours already",
      );
    }
    return this.loadBalancer;
  }

  /** @deprecated Use endpointServiceId. */
  public get serviceId(): string {
    return this.endpointServiceId;
  }

  /** @deprecated Use endpointServiceArn. */
  public get serviceArn(): string {
    return this.endpointServiceArn;
  }

  /**
   * Accepts consumer endpoints that arrive later, by ID: a list input of
   * the provider's configuration (a variable the consumers' IDs are added
   * to after review), so the provider half deploys with its own account's
   * credentials only. One `aws_vpc_endpoint_connection_accepter` per ID
   * (for_each over the list); `name` keys its address.
   */
  public acceptEndpoints(name: string, endpointIds: readonly string[]): VpcEndpointConnectionAccepter {
    const prop = `acceptEndpoints(${JSON.stringify(name)})`;
    requireValue(this, "acceptEndpoints.name", typeof name === "string" && name !== "" ? name : undefined, "a stable name for these acceptances");
    if (!this.acceptanceRequired) {
      throw new ValidationError(
        this,
        prop,
        false,
        "a service with acceptanceRequired: true (the default): a service without acceptance connects endpoints by itself, and AWS refuses to accept them again",
      );
    }
    this.consumers.acceptByList();
    const id = `Acceptances-${stableId(name)}`;
    if (this.node.tryFindChild(id) !== undefined)
      throw new ValidationError(this, "acceptEndpoints.name", name, "a name not used by another acceptEndpoints call of this service");
    const ids = checkList(this, prop, endpointIds) ?? [];
    // A list only Terraform knows (a variable) is checked by Terraform: its items are no literals.
    if (!Token.isUnresolved(ids)) {
      ids.forEach((endpointId, i) => checkResourceId(this, `${prop}[${i}]`, endpointId, "vpcEndpoint"));
      checkNoDuplicate(
        this,
        ids,
        (i) => `${prop}[${i}]`,
        (endpointId) => (isUnresolved(endpointId) ? undefined : endpointId),
        "an endpoint ID",
      );
      ids.forEach((endpointId, i) => claimAcceptance(this, `${prop}[${i}]`, this.endpointServiceId, endpointId));
    }
    const each = TerraformIterator.fromList(ids as string[]);
    return new VpcEndpointConnectionAccepter(this, id, {
      provider: this.provider,
      forEach: each,
      vpcEndpointServiceId: this.endpointServiceId,
      vpcEndpointId: each.value,
    });
  }

  /** The reason every principal may connect, from the opt-out (or the deprecated loud boolean); undefined when only named principals may. */
  private anyPrincipalReason(props: EndpointServiceProps): string | undefined {
    const loud = checkBoolean(this, ANY_PRINCIPAL_OPT_IN, props.allowAnyPrincipal_I_UNDERSTAND_EVERY_AWS_ACCOUNT_CAN_REQUEST_A_CONNECTION);
    if (loud === true && props.allowAnyPrincipal !== undefined) {
      throw new ValidationError(
        this,
        ANY_PRINCIPAL_OPT_OUT,
        `${ANY_PRINCIPAL_OPT_OUT} and ${ANY_PRINCIPAL_OPT_IN}`,
        `${ANY_PRINCIPAL_OPT_OUT} alone (the other is its deprecated name)`,
      );
    }
    if (props.allowAnyPrincipal === undefined) return optOutReason(this, ANY_PRINCIPAL_OPT_IN, loud);
    if (!OptOut.isOptOut(props.allowAnyPrincipal)) {
      throw new ValidationError(
        this,
        ANY_PRINCIPAL_OPT_OUT,
        props.allowAnyPrincipal,
        'OptOut.because("<why every AWS account may request a connection>"), or leave it unset',
      );
    }
    return optOutReason(this, ANY_PRINCIPAL_OPT_OUT, props.allowAnyPrincipal);
  }

  /** Principals of the factory class, in the service's partition, each meaning one principal once. */
  private checkPrincipals(
    given: readonly EndpointServicePrincipal[] | undefined,
    partition: Partition | undefined,
  ): readonly EndpointServicePrincipal[] {
    const principals = checkList(this, "allowedPrincipals", given) ?? [];
    principals.forEach((p, i) => {
      checkInstance(
        this,
        `allowedPrincipals[${i}]`,
        p,
        EndpointServicePrincipal.isEndpointServicePrincipal,
        "EndpointServicePrincipal.account, .iamRole, .iamUser or .fromArn",
      );
      p.validate(this, `allowedPrincipals[${i}]`, partition);
    });
    checkNoDuplicate(
      this,
      principals,
      (i) => `allowedPrincipals[${i}]`,
      (p) => p.sameAs,
      "a principal",
      (p) => p.value,
    );
    return principals;
  }

  private checkNotifications(given: readonly ConnectionNotification[] | undefined, region: string | undefined): readonly ConnectionNotification[] {
    const notifications = checkList(this, "connectionNotifications", given) ?? [];
    notifications.forEach((n, i) => {
      const prop = `connectionNotifications[${i}]`;
      checkObject(this, prop, n);
      requireValue(this, `${prop}.name`, typeof n.name === "string" && n.name !== "" ? n.name : undefined, "a stable name for the notification");
      requireValue(this, `${prop}.snsTopicArn`, n.snsTopicArn, "the SNS topic to notify");
      checkArn(this, `${prop}.snsTopicArn`, n.snsTopicArn, "snsTopic", { region });
      checkList(this, `${prop}.events`, n.events);
      checkItemCount(this, `${prop}.events`, n.events, 1);
      checkUnique(this, `${prop}.events`, n.events);
      n.events?.forEach((e, j) => checkOneOf(this, `${prop}.events[${j}]`, e, CONNECTION_EVENTS));
    });
    checkNoDuplicate(
      this,
      notifications,
      (i) => `connectionNotifications[${i}].name`,
      (n) => stableId(n.name),
      "a notification name",
      (n) => n.name,
    );
    checkNoDuplicate(
      this,
      notifications,
      (i) => `connectionNotifications[${i}].snsTopicArn`,
      (n) => (isUnresolved(n.snsTopicArn) ? undefined : n.snsTopicArn),
      "a topic",
      (n) => n.snsTopicArn,
    );
    return notifications;
  }

  /** The TXT record AWS asks for, in the zone the user named, then the verification that reads it. */
  private verifyPrivateDns(zone: IHostedZone, waitForVerification: boolean): VpcEndpointServicePrivateDnsVerification {
    const configuration = this.resource.privateDnsNameConfiguration.get(0);
    const record = new Route53Record(this, "PrivateDnsOwnershipRecord", {
      provider: providerOf(zone, this),
      zoneId: zone.zoneId,
      // AWS returns the name relative to the domain; Terraform appends the zone name.
      name: configuration.name,
      type: configuration.type,
      ttl: 1800,
      records: [configuration.value],
    });
    return new VpcEndpointServicePrivateDnsVerification(this, "PrivateDnsVerification", {
      provider: this.provider,
      serviceId: this.endpointServiceId,
      waitForVerification,
      dependsOn: [record],
    });
  }

  private validateRegions(regions: readonly string[] | undefined, homeRegion: string | undefined): void {
    if (regions === undefined) return;
    checkItemCount(this, "supportedRegions", regions, 1);
    checkUnique(this, "supportedRegions", regions);
    regions.forEach((region, i) => {
      checkRegion(this, `supportedRegions[${i}]`, region);
      if (!isUnresolved(region) && homeRegion !== undefined && partitionOfRegion(region) !== partitionOfRegion(homeRegion)) {
        throw new ValidationError(
          this,
          `supportedRegions[${i}]`,
          region,
          `a region of the home region's partition (${partitionOfRegion(homeRegion)}): cross-region PrivateLink stays within one partition`,
        );
      }
      if (!isUnresolved(region) && region === homeRegion) {
        throw new ValidationError(
          this,
          `supportedRegions[${i}]`,
          region,
          `a region other than the home region ${homeRegion} (it is always supported)`,
        );
      }
    });
  }

  /** `privateDnsVerifiedOutsideTerraform`: an OptOut with its reason, for a private DNS name this configuration does not verify. */
  private verifiedOutsideTerraformReason(props: EndpointServiceProps): string | undefined {
    const given = props.privateDnsVerifiedOutsideTerraform;
    if (given === undefined) return undefined;
    if (!OptOut.isOptOut(given))
      throw new ValidationError(
        this,
        "privateDnsVerifiedOutsideTerraform",
        given,
        'OptOut.because("<who verifies the private DNS name, and where>"), or leave it unset',
      );
    const reason = optOutReason(this, "privateDnsVerifiedOutsideTerraform", given);
    if (props.privateDnsName === undefined)
      throw new ValidationError(this, "privateDnsVerifiedOutsideTerraform", reason, "unset without privateDnsName: there is no name to verify");
    if (props.privateDnsVerificationZone !== undefined)
      throw new ValidationError(
        this,
        "privateDnsVerifiedOutsideTerraform",
        reason,
        "unset with privateDnsVerificationZone: this configuration verifies the name there",
      );
    return reason;
  }

  private validatePrivateDns(props: EndpointServiceProps): void {
    const name = props.privateDnsName;
    if (name !== undefined && this.serviceType === "GatewayLoadBalancer") {
      throw new ValidationError(this, "privateDnsName", name, "no private DNS name: GatewayLoadBalancer endpoints carry routed traffic, not names");
    }
    checkPredicate(this, "privateDnsName", name, isWildcardDnsName, "a DNS name such as api.example.com or *.example.com");
    if (props.privateDnsVerificationZone !== undefined && name === undefined) {
      throw new ValidationError(this, "privateDnsName", undefined, "a private DNS name when privateDnsVerificationZone is given");
    }
    checkObject(this, "privateDnsVerificationZone", props.privateDnsVerificationZone);
    if (props.privateDnsVerificationZone instanceof PrivateHostedZone) {
      throw new ValidationError(
        this,
        "privateDnsVerificationZone",
        props.privateDnsVerificationZone.node.path,
        "a public hosted zone of the name (HostedZone.fromHostedZoneAttributes): AWS looks the ownership TXT record up in public DNS, which a private hosted zone never answers",
      );
    }
    const zone = props.privateDnsVerificationZone?.zoneName;
    checkResourceId(this, "privateDnsVerificationZone.zoneId", props.privateDnsVerificationZone?.zoneId, "hostedZone");
    checkPredicate(this, "privateDnsVerificationZone.zoneName", zone, isDnsName, "a zone name such as example.com");
    if (name === undefined || zone === undefined || isUnresolved(name) || isUnresolved(zone)) return;
    if (!isInDnsZone(name.replace(/^\*\./, ""), zone)) {
      throw new ValidationError(this, "privateDnsName", name, `a name inside the verification zone ${zone}`);
    }
  }

  /** An endpoint service can only front load balancers of its own region (and so partition). */
  /** Fails when another endpoint service of the app fronts one of `balancers`: AWS associates a load balancer with one endpoint service only. */
  private claimLoadBalancers(frontedBy: EndpointServiceLoadBalancer, balancers: readonly { readonly loadBalancerArn: string }[]): void {
    const prop = frontedBy.kind === "gateway" ? "loadBalancer.gatewayLoadBalancers" : "loadBalancer.networkLoadBalancers";
    balancers.forEach((balancer, i) => {
      const first = frontingServices.claim(this, balancer.loadBalancerArn, this.node.path);
      if (first !== undefined) {
        throw new ValidationError(
          this,
          `${prop}[${i}]`,
          balancer.loadBalancerArn,
          `a load balancer no other endpoint service fronts: ${first} does, and AWS associates a load balancer with one endpoint service only`,
        );
      }
    });
  }

  private checkLoadBalancerRegions(frontedBy: EndpointServiceLoadBalancer, region: string | undefined): void {
    const prop = frontedBy.kind === "gateway" ? "loadBalancer.gatewayLoadBalancers" : "loadBalancer.networkLoadBalancers";
    const account = literalAccountOf(this, this.provider);
    frontedBy.given.forEach((balancer, i) => {
      checkObject(this, `${prop}[${i}]`, balancer);
      if (balancer instanceof NetworkLoadBalancer || balancer instanceof GatewayLoadBalancer) return;
      checkArn(
        this,
        `${prop}[${i}].loadBalancerArn`,
        balancer.loadBalancerArn,
        frontedBy.kind === "gateway" ? "gatewayLoadBalancer" : "networkLoadBalancer",
        { region },
      );
      // Load balancers are never shared across accounts: AWS refuses a service in front of another account's.
      const owner = isUnresolved(balancer.loadBalancerArn) ? undefined : parseArn(balancer.loadBalancerArn)?.account;
      if (account !== undefined && owner !== undefined && owner !== account)
        throw new ValidationError(
          this,
          `${prop}[${i}].loadBalancerArn`,
          balancer.loadBalancerArn,
          `a load balancer of account ${account}, where the endpoint service is created (not ${owner}): AWS creates an endpoint service only in front of its own account's load balancers; create the service with a provider of account ${owner}`,
        );
    });
    checkNoDuplicate(
      this,
      frontedBy.given,
      (i) => `${prop}[${i}]`,
      (b) => (isUnresolved(b.loadBalancerArn) ? undefined : b.loadBalancerArn),
      "a load balancer",
      (b) => b.loadBalancerArn,
    );
  }

  private checkIpAddressTypes(props: EndpointServiceProps, balancers: readonly (INetworkLoadBalancer | IGatewayLoadBalancer)[]): void {
    const types = checkList(this, "supportedIpAddressTypes", props.supportedIpAddressTypes);
    if (types === undefined) return;
    checkItemCount(this, "supportedIpAddressTypes", types, 1, 2);
    checkUnique(this, "supportedIpAddressTypes", types);
    types.forEach((t, i) => checkOneOf(this, `supportedIpAddressTypes[${i}]`, t, ["ipv4", "ipv6"]));
    if (!types.includes("ipv6")) return;
    const ipv4Only = balancers.find((n) => n.ipAddressType === "ipv4");
    if (ipv4Only !== undefined) {
      throw new ValidationError(
        this,
        "supportedIpAddressTypes",
        types,
        `ipv4 only, or dual-stack load balancers: ${ipv4Only.loadBalancerArn} is ipv4`,
      );
    }
  }
}

/** The endpoint service of each load balancer ARN (a literal, or the token of one made here), per app. */
const frontingServices = new AppRegistry<string, string>();

/** The load balancers of the service, from the factory value or (deprecated) one of the three props it replaces: exactly one. */
function loadBalancerOf(scope: IConstruct, props: EndpointServiceProps): EndpointServiceLoadBalancer {
  const given = checkExactlyOne(scope, {
    loadBalancer: props.loadBalancer,
    networkLoadBalancer: props.networkLoadBalancer,
    networkLoadBalancers: props.networkLoadBalancers,
    gatewayLoadBalancerArns: props.gatewayLoadBalancerArns,
  });
  if (given === "loadBalancer") {
    const value = checkInstance(
      scope,
      "loadBalancer",
      props.loadBalancer,
      EndpointServiceLoadBalancer.isEndpointServiceLoadBalancer,
      "EndpointServiceLoadBalancer.networkLoadBalancer, .existing or .gatewayLoadBalancer",
    ) as EndpointServiceLoadBalancer;
    if (value.create !== undefined) checkObject(scope, "loadBalancer.networkLoadBalancer", value.create);
    checkList(scope, "loadBalancer", value.given);
    if (value.create === undefined)
      checkItemCount(scope, value.kind === "gateway" ? "loadBalancer.gatewayLoadBalancers" : "loadBalancer.networkLoadBalancers", value.given, 1);
    return value;
  }
  if (given === "networkLoadBalancer") {
    checkObject(scope, "networkLoadBalancer", props.networkLoadBalancer);
    return EndpointServiceLoadBalancer.networkLoadBalancer(props.networkLoadBalancer as NetworkLoadBalancerOptions);
  }
  if (given === "networkLoadBalancers") {
    checkList(scope, "networkLoadBalancers", props.networkLoadBalancers);
    checkItemCount(scope, "networkLoadBalancers", props.networkLoadBalancers, 1);
    return EndpointServiceLoadBalancer.existing(props.networkLoadBalancers as readonly INetworkLoadBalancer[]);
  }
  const arns = checkList(scope, "gatewayLoadBalancerArns", props.gatewayLoadBalancerArns) as readonly string[];
  checkItemCount(scope, "gatewayLoadBalancerArns", arns, 1);
  arns.forEach((arn, i) => checkArn(scope, `gatewayLoadBalancerArns[${i}]`, arn, "gatewayLoadBalancer"));
  return EndpointServiceLoadBalancer.gatewayLoadBalancer(...arns.map((loadBalancerArn) => ({ loadBalancerArn })));
}

/** `us-east-1` of `com.amazonaws.vpce.us-east-1.vpce-svc-…`; undefined when the name is only known at apply. */
class ImportedEndpointService extends Construct implements IEndpointService {
  public readonly endpointServiceId: string;
  public readonly serviceName: string;
  public readonly ports: readonly number[];
  public readonly isAwsService = false;
  public readonly serviceType: EndpointServiceType;
  public readonly privateDnsSupported: boolean;
  public readonly privateDnsName?: string;
  public readonly serviceRegion?: string;
  public readonly availabilityZoneIds?: readonly string[];
  public readonly contract: EndpointServiceContract;

  constructor(scope: Construct, id: string, attrs: EndpointServiceAttributes) {
    super(scope, id);
    requireProps(this, attrs, ["serviceName"]);
    checkKnownProps(this, attrs, ENDPOINT_SERVICE_ATTRIBUTES);
    const { serviceName } = attrs;
    checkEndpointServiceName(this, "serviceName", serviceName);
    this.serviceType = attrs.serviceType ?? "Interface";
    checkOneOf(this, "serviceType", this.serviceType, ["Interface", "GatewayLoadBalancer"]);
    const ports = checkList(this, "ports", attrs.ports) ?? [];
    if (this.serviceType === "Interface") checkItemCount(this, "ports", ports, 1);
    else if (ports.length > 0)
      throw new ValidationError(this, "ports", ports, "no ports: a Gateway Load Balancer's service carries every packet routed to its endpoints");
    checkUnique(this, "ports", ports);
    ports.forEach((port, i) => checkPort(this, `ports[${i}]`, port));
    if (attrs.privateDnsName !== undefined && this.serviceType === "GatewayLoadBalancer") {
      throw new ValidationError(
        this,
        "privateDnsName",
        attrs.privateDnsName,
        "no private DNS name: GatewayLoadBalancer endpoints carry routed traffic, not names",
      );
    }
    checkPredicate(this, "privateDnsName", attrs.privateDnsName, isWildcardDnsName, "a DNS name such as api.example.com");
    checkRegion(this, "serviceRegion", attrs.serviceRegion);
    checkServiceRegionOfName(this, attrs.serviceRegion, serviceName);
    checkBoolean(this, "acceptanceRequired", attrs.acceptanceRequired);
    const region = attrs.serviceRegion ?? regionOfEndpointServiceName(serviceName);
    const partition = region === undefined ? undefined : partitionOfRegion(region);
    const principals = checkList(this, "allowedPrincipals", attrs.allowedPrincipals);
    principals?.forEach((p, i) => {
      checkInstance(
        this,
        `allowedPrincipals[${i}]`,
        p,
        EndpointServicePrincipal.isEndpointServicePrincipal,
        "EndpointServicePrincipal.account, .iamRole, .iamUser or .fromArn",
      );
      p.validate(this, `allowedPrincipals[${i}]`, partition);
    });
    checkNoDuplicate(
      this,
      principals ?? [],
      (i) => `allowedPrincipals[${i}]`,
      (p) => p.sameAs,
      "a principal",
      (p) => p.value,
    );
    checkList(this, "availabilityZoneIds", attrs.availabilityZoneIds);
    checkZoneIds(this, "availabilityZoneIds", attrs.availabilityZoneIds);
    const tlsPorts = checkList(this, "tlsPorts", attrs.tlsPorts);
    checkUnique(this, "tlsPorts", tlsPorts);
    tlsPorts?.forEach((port, i) => {
      if (!isUnresolved(port) && !ports.includes(port))
        throw new ValidationError(this, `tlsPorts[${i}]`, port, `one of the service's ports (${ports.join(", ")})`);
    });
    this.serviceName = serviceName;
    // The ID is the name's last dot-separated part: com.amazonaws.vpce.<region>.<id>.
    this.endpointServiceId = isUnresolved(serviceName) ? Fn.element(Fn.split(".", serviceName), 4) : serviceName.split(".")[4];
    this.ports = ports;
    this.privateDnsName = attrs.privateDnsName;
    this.privateDnsSupported = attrs.privateDnsName !== undefined;
    this.serviceRegion = attrs.serviceRegion;
    this.availabilityZoneIds = attrs.availabilityZoneIds;
    this.contract = {
      allowedPrincipalArns: principals?.map((p) => p.render(partition ?? "aws")),
      acceptanceRequired: attrs.acceptanceRequired,
      tlsPorts: attrs.tlsPorts,
    };
  }
}

const ENDPOINT_SERVICE_PROPS: Record<keyof EndpointServiceProps, true> = {
  loadBalancer: true,
  networkLoadBalancer: true,
  networkLoadBalancers: true,
  gatewayLoadBalancerArns: true,
  acceptanceRequired: true,
  acceptedOutsideTerraform: true,
  allowedPrincipals: true,
  allowAnyPrincipal: true,
  allowAnyPrincipal_I_UNDERSTAND_EVERY_AWS_ACCOUNT_CAN_REQUEST_A_CONNECTION: true,
  supportedIpAddressTypes: true,
  supportedRegions: true,
  region: true,
  privateDnsName: true,
  privateDnsVerificationZone: true,
  waitForPrivateDnsVerification: true,
  privateDnsVerifiedOutsideTerraform: true,
  connectionNotifications: true,
  name: true,
  provider: true,
};

const ENDPOINT_SERVICE_ATTRIBUTES: Record<keyof EndpointServiceAttributes, true> = {
  serviceName: true,
  serviceType: true,
  ports: true,
  privateDnsName: true,
  serviceRegion: true,
  allowedPrincipals: true,
  acceptanceRequired: true,
  availabilityZoneIds: true,
  tlsPorts: true,
};
