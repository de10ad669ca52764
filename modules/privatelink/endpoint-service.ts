import { Annotations, Fn, TerraformProvider } from "../core/cdktf";
import { Construct, IConstruct } from "constructs";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { VpcEndpointConnectionNotification } from "@cdktf/provider-aws/lib/vpc-endpoint-connection-notification";
import { VpcEndpointService } from "@cdktf/provider-aws/lib/vpc-endpoint-service";
import { VpcEndpointServicePrivateDnsVerification } from "@cdktf/provider-aws/lib/vpc-endpoint-service-private-dns-verification";
import {
  AwsResourceProps,
  checkExactlyOne,
  checkItemCount,
  checkOneOf,
  checkPattern,
  checkPort,
  checkPredicate,
  checkRegion,
  checkUnique,
  isDnsName,
  isUnresolved,
  isWildcardDnsName,
  nameFromPath,
  providerOf,
  partitionOfRegion,
  requireValue,
  resolveRegion,
  stableId,
  ValidationError,
} from "../core";
import { EndpointServiceContract, IInterfaceEndpointService } from "../endpoints";
import { IHostedZone } from "../vpc";
import { INetworkLoadBalancer, NetworkLoadBalancer, NetworkLoadBalancerProps } from "./network-load-balancer";
import { ANY_PRINCIPAL_OPT_IN, EndpointServicePrincipal } from "./principals";
import { checkZoneIds } from "./zones";

/** A PrivateLink endpoint service as its consumers see it: created here or imported by name. */
export interface IEndpointService extends IInterfaceEndpointService {
  /** Endpoint service ID, `vpce-svc-…` (named after the type, as aws-cdk-lib does: a Lattice service's ID is `svc-…`). */
  readonly endpointServiceId: string;
  /** The private DNS name consumers can turn on, when the provider verified one. @default - none */
  readonly privateDnsName?: string;
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
  /** The service's listener ports, as the provider publishes them. */
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

/** Connection events an endpoint service can notify about. */
export type ConnectionEvent = "Accept" | "Connect" | "Delete" | "Reject";
const CONNECTION_EVENTS: readonly ConnectionEvent[] = ["Accept", "Connect", "Delete", "Reject"];

/** An SNS notification about connection requests to the service (`aws_vpc_endpoint_connection_notification`). */
export interface ConnectionNotification {
  /** Stable name, part of the Terraform address. */
  readonly name: string;
  /** The topic's policy must let `vpce.amazonaws.com` publish. */
  readonly snsTopicArn: string;
  /** @default - all four: Accept, Connect, Delete, Reject */
  readonly events?: readonly ConnectionEvent[];
}

/** NetworkLoadBalancerProps without `provider`: the load balancer is created with the endpoint service's provider. */
export type NetworkLoadBalancerOptions = Omit<NetworkLoadBalancerProps, "provider">;

export interface EndpointServiceProps extends AwsResourceProps {
  /** Creates a Network Load Balancer for the service (exactly one of the three load balancer props). @default - none */
  readonly networkLoadBalancer?: NetworkLoadBalancerOptions;
  /** Existing Network Load Balancers (`NetworkLoadBalancer` or `NetworkLoadBalancer.fromAttributes`). @default - none */
  readonly networkLoadBalancers?: readonly INetworkLoadBalancer[];
  /** Gateway Load Balancers, for a GWLB endpoint service (inspection appliances). @default - none */
  readonly gatewayLoadBalancerArns?: readonly string[];
  /** Every connection request waits for the provider's approval. @default true */
  readonly acceptanceRequired?: boolean;
  /** Accounts, roles and users that may request a connection. @default - nobody until principals are added */
  readonly allowedPrincipals?: readonly EndpointServicePrincipal[];
  /**
   * Lets every AWS principal request a connection (`*`): the service becomes
   * public to anyone who learns its name. Keep acceptance required with it.
   * @default false
   */
  readonly allowAnyPrincipal_I_UNDERSTAND_EVERY_AWS_ACCOUNT_CAN_REQUEST_A_CONNECTION?: boolean;
  /** `ipv6` needs dual-stack load balancers. @default - AWS's default, ipv4 */
  readonly supportedIpAddressTypes?: readonly ("ipv4" | "ipv6")[];
  /** Other regions whose consumers may connect (cross-region PrivateLink); never the home region. @default - home region only */
  readonly supportedRegions?: readonly string[];
  /**
   * The home region, which `supportedRegions` must not repeat and whose
   * partition account principals are rendered in.
   * @default - the literal region of the provider (or of the stack's default AWS provider) when `supportedRegions` is given; else partition aws
   */
  readonly region?: string;
  /** Name consumers resolve to their endpoint, e.g. `api.example.com` (or `*.example.com`); AWS checks ownership. @default - none */
  readonly privateDnsName?: string;
  /**
   * Public zone for the ownership TXT record and the verification; without it, verify the name yourself.
   * The record is written with the zone's provider, else the endpoint service's.
   * @default - no record, no verification
   */
  readonly privateDnsVerificationZone?: IHostedZone;
  /** Make apply wait until AWS has verified the name (fails if the zone is not publicly delegated). @default false */
  readonly waitForPrivateDnsVerification?: boolean;
  /** SNS notifications about connection requests. @default - none */
  readonly connectionNotifications?: readonly ConnectionNotification[];
  /** Name tag. @default - the construct path */
  readonly name?: string;
}

const GWLB_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/gwy\/[A-Za-z0-9-]{1,32}\/[0-9a-f]+$/;
const SERVICE_NAME = /^com\.amazonaws\.vpce\.[a-z0-9-]+\.vpce-svc-[0-9a-f]{8,17}$/;

/**
 * A PrivateLink endpoint service (provider side): other VPCs and accounts
 * create interface endpoints to it. Secure by default: acceptance required,
 * nobody allowed until named, `*` only behind a loud opt-in.
 *
 * Creates: aws_vpc_endpoint_service, plus on request a Network Load Balancer
 * (see {@link NetworkLoadBalancer}), aws_route53_record (ownership TXT),
 * aws_vpc_endpoint_service_private_dns_verification and
 * aws_vpc_endpoint_connection_notification.
 */
export class EndpointService extends Construct implements IEndpointService {
  /** A service owned by another configuration or account, for consumers. */
  public static fromServiceName(scope: Construct, id: string, serviceName: string, options: ImportedEndpointServiceOptions): IEndpointService {
    return new ImportedEndpointService(scope, id, serviceName, options);
  }

  /** The underlying `aws_vpc_endpoint_service`, as an escape hatch. */
  public readonly resource: VpcEndpointService;
  public readonly endpointServiceId: string;
  public readonly serviceName: string;
  /** ARN of the endpoint service (`aws_vpc_endpoint_service.arn`), known at apply. */
  public readonly endpointServiceArn: string;
  public readonly ports: readonly number[];
  public readonly isAwsService = false;
  public readonly privateDnsSupported: boolean;
  public readonly privateDnsName?: string;
  /** Whether each connection request waits for approval (`acceptance_required`). */
  public readonly acceptanceRequired: boolean;
  /** The home region, when known at synth (given, or read from the provider for cross-region services). */
  public readonly region?: string;
  /** Regions besides the home region whose consumers may connect. */
  public readonly supportedRegions: readonly string[];
  /** The provider of the owning account, for acceptances. */
  public readonly provider?: TerraformProvider;
  /** The load balancer created for the service, when `networkLoadBalancer` was given. */
  public readonly loadBalancer?: NetworkLoadBalancer;
  /** The ownership verification, when a zone was given: what consumers' private DNS waits for. */
  public readonly privateDnsVerification?: VpcEndpointServicePrivateDnsVerification;
  public readonly availabilityZoneIds?: readonly string[];

  constructor(scope: Construct, id: string, props: EndpointServiceProps) {
    super(scope, id);
    const kind = checkExactlyOneLoadBalancerKind(this, props);
    this.acceptanceRequired = props.acceptanceRequired ?? true;
    const anyPrincipal = props.allowAnyPrincipal_I_UNDERSTAND_EVERY_AWS_ACCOUNT_CAN_REQUEST_A_CONNECTION === true;
    const principals = props.allowedPrincipals ?? [];
    principals.forEach((p, i) => p.validate(this, `allowedPrincipals[${i}]`));
    checkUnique(this, "allowedPrincipals", principals, (p) => p.key);
    if (!this.acceptanceRequired && principals.length === 0 && !anyPrincipal) {
      throw new ValidationError(this, "allowedPrincipals", [], "at least one principal when acceptanceRequired is false (acceptance off means every allowed principal connects unreviewed)");
    }
    if (anyPrincipal) {
      Annotations.of(this).addWarning(
        `${ANY_PRINCIPAL_OPT_IN}: every AWS account can request a connection${this.acceptanceRequired ? "" : ", and acceptanceRequired is false, so every request is accepted"}`,
      );
    }
    // The service lives in the account of the load balancer it creates, unless told otherwise.
    this.provider = props.provider ?? props.networkLoadBalancer?.vpc.provider;
    checkRegion(this, "region", props.region);
    const homeRegion = props.supportedRegions === undefined ? props.region : resolveRegion(this, props.region, this.provider);
    this.validateRegions(props.supportedRegions, homeRegion);
    this.region = homeRegion;
    this.supportedRegions = props.supportedRegions ?? [];
    this.validatePrivateDns(props);
    props.connectionNotifications?.forEach((n, i) => validateNotification(this, `connectionNotifications[${i}]`, n));
    checkUnique(this, "connectionNotifications", props.connectionNotifications, (n) => stableId(n.name));

    this.loadBalancer =
      props.networkLoadBalancer === undefined ? undefined : new NetworkLoadBalancer(this, "LoadBalancer", { ...props.networkLoadBalancer, provider: this.provider });
    const nlbs = this.loadBalancer !== undefined ? [this.loadBalancer] : (props.networkLoadBalancers ?? []);
    this.checkIpAddressTypes(props, nlbs);

    const partition = partitionOfRegion(homeRegion ?? "us-east-1");
    const principalArns = principals.map((p) => p.render(partition));
    this.resource = new VpcEndpointService(this, "Resource", {
      provider: this.provider,
      acceptanceRequired: this.acceptanceRequired,
      networkLoadBalancerArns: kind === "gateway" ? undefined : nlbs.map((n) => n.loadBalancerArn),
      gatewayLoadBalancerArns: kind === "gateway" ? [...props.gatewayLoadBalancerArns!] : undefined,
      allowedPrincipals: anyPrincipal ? ["*"] : principalArns.length > 0 ? principalArns : undefined,
      supportedIpAddressTypes: props.supportedIpAddressTypes === undefined ? undefined : [...props.supportedIpAddressTypes],
      supportedRegions: props.supportedRegions === undefined ? undefined : [...props.supportedRegions],
      privateDnsName: props.privateDnsName,
      tags: { Name: props.name ?? nameFromPath(this) },
    });
    this.endpointServiceId = this.resource.id;
    this.serviceName = this.resource.serviceName;
    this.endpointServiceArn = this.resource.arn;
    this.ports = [...new Set(nlbs.flatMap((n) => n.listenerPorts))];
    // A zone is offered when one of the load balancers is in it; unknown as soon as one load balancer's zones are.
    const zones = nlbs.map((n) => n.availabilityZoneIds);
    this.availabilityZoneIds = kind === "network" && zones.every((z) => z !== undefined) ? [...new Set(zones.flat() as string[])] : undefined;
    this.privateDnsName = props.privateDnsName;
    this.privateDnsSupported = props.privateDnsName !== undefined;

    if (props.privateDnsName !== undefined && props.privateDnsVerificationZone !== undefined) {
      this.privateDnsVerification = this.verifyPrivateDns(props.privateDnsVerificationZone, props.waitForPrivateDnsVerification ?? false);
    }
    for (const notification of props.connectionNotifications ?? []) {
      new VpcEndpointConnectionNotification(this, `Notification-${stableId(notification.name)}`, {
        provider: this.provider,
        vpcEndpointServiceId: this.endpointServiceId,
        connectionNotificationArn: notification.snsTopicArn,
        connectionEvents: [...(notification.events ?? CONNECTION_EVENTS)],
      });
    }
  }

  /** @deprecated Use endpointServiceId. */
  public get serviceId(): string {
    return this.endpointServiceId;
  }

  /** @deprecated Use endpointServiceArn. */
  public get serviceArn(): string {
    return this.endpointServiceArn;
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
      if (!isUnresolved(region) && region === homeRegion) {
        throw new ValidationError(this, `supportedRegions[${i}]`, region, `a region other than the home region ${homeRegion} (it is always supported)`);
      }
    });
  }

  private validatePrivateDns(props: EndpointServiceProps): void {
    const name = props.privateDnsName;
    checkPredicate(this, "privateDnsName", name, isWildcardDnsName, "a DNS name such as api.example.com or *.example.com");
    if (props.privateDnsVerificationZone !== undefined && name === undefined) {
      throw new ValidationError(this, "privateDnsName", undefined, "a private DNS name when privateDnsVerificationZone is given");
    }
    const zone = props.privateDnsVerificationZone?.zoneName;
    checkPredicate(this, "privateDnsVerificationZone.zoneName", zone, isDnsName, "a zone name such as example.com");
    if (name === undefined || zone === undefined || isUnresolved(name) || isUnresolved(zone)) return;
    const bare = (v: string): string => v.toLowerCase().replace(/\.$/, "");
    const host = bare(name).replace(/^\*\./, "");
    if (host !== bare(zone) && !host.endsWith(`.${bare(zone)}`)) {
      throw new ValidationError(this, "privateDnsName", name, `a name inside the verification zone ${zone}`);
    }
  }

  private checkIpAddressTypes(props: EndpointServiceProps, nlbs: readonly INetworkLoadBalancer[]): void {
    const types = props.supportedIpAddressTypes;
    if (types === undefined) return;
    checkItemCount(this, "supportedIpAddressTypes", types, 1, 2);
    checkUnique(this, "supportedIpAddressTypes", types);
    types.forEach((t, i) => checkOneOf(this, `supportedIpAddressTypes[${i}]`, t, ["ipv4", "ipv6"]));
    if (!types.includes("ipv6")) return;
    const ipv4Only = nlbs.find((n) => n.ipAddressType === "ipv4");
    if (ipv4Only !== undefined) {
      throw new ValidationError(this, "supportedIpAddressTypes", types, `ipv4 only, or dual-stack load balancers: ${ipv4Only.loadBalancerArn} is ipv4`);
    }
  }
}

function checkExactlyOneLoadBalancerKind(scope: IConstruct, props: EndpointServiceProps): "network" | "gateway" {
  const given = checkExactlyOne(scope, {
    networkLoadBalancer: props.networkLoadBalancer,
    networkLoadBalancers: props.networkLoadBalancers,
    gatewayLoadBalancerArns: props.gatewayLoadBalancerArns,
  });
  checkItemCount(scope, "networkLoadBalancers", props.networkLoadBalancers, 1);
  checkItemCount(scope, "gatewayLoadBalancerArns", props.gatewayLoadBalancerArns, 1);
  props.gatewayLoadBalancerArns?.forEach((arn, i) =>
    checkPattern(scope, `gatewayLoadBalancerArns[${i}]`, arn, GWLB_ARN, "a Gateway Load Balancer ARN (…:loadbalancer/gwy/<name>/<id>)"),
  );
  return given === "gatewayLoadBalancerArns" ? "gateway" : "network";
}

function validateNotification(scope: IConstruct, prop: string, notification: ConnectionNotification): void {
  requireValue(scope, `${prop}.name`, notification.name || undefined, "a stable name for the notification");
  checkPattern(scope, `${prop}.snsTopicArn`, notification.snsTopicArn, /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/, "an SNS topic ARN");
  checkItemCount(scope, `${prop}.events`, notification.events, 1);
  checkUnique(scope, `${prop}.events`, notification.events);
  notification.events?.forEach((e, i) => checkOneOf(scope, `${prop}.events[${i}]`, e, CONNECTION_EVENTS));
}

/** `us-east-1` of `com.amazonaws.vpce.us-east-1.vpce-svc-…`; undefined when the name is only known at apply. */
function regionOfServiceName(serviceName: string): string | undefined {
  return isUnresolved(serviceName) ? undefined : serviceName.split(".")[3];
}

class ImportedEndpointService extends Construct implements IEndpointService {
  public readonly endpointServiceId: string;
  public readonly serviceName: string;
  public readonly ports: readonly number[];
  public readonly isAwsService = false;
  public readonly privateDnsSupported: boolean;
  public readonly privateDnsName?: string;
  public readonly serviceRegion?: string;
  public readonly availabilityZoneIds?: readonly string[];
  public readonly contract: EndpointServiceContract;

  constructor(scope: Construct, id: string, serviceName: string, options: ImportedEndpointServiceOptions) {
    super(scope, id);
    checkPattern(this, "serviceName", serviceName, SERVICE_NAME, "an endpoint service name such as com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0");
    checkItemCount(this, "ports", options.ports, 1);
    checkUnique(this, "ports", options.ports);
    options.ports.forEach((port, i) => checkPort(this, `ports[${i}]`, port));
    checkPredicate(this, "privateDnsName", options.privateDnsName, isWildcardDnsName, "a DNS name such as api.example.com");
    checkRegion(this, "serviceRegion", options.serviceRegion);
    options.allowedPrincipals?.forEach((p, i) => p.validate(this, `allowedPrincipals[${i}]`));
    checkUnique(this, "allowedPrincipals", options.allowedPrincipals, (p) => p.key);
    checkZoneIds(this, "availabilityZoneIds", options.availabilityZoneIds);
    checkUnique(this, "tlsPorts", options.tlsPorts);
    options.tlsPorts?.forEach((port, i) => {
      if (!isUnresolved(port) && !options.ports.includes(port)) throw new ValidationError(this, `tlsPorts[${i}]`, port, `one of the service's ports (${options.ports.join(", ")})`);
    });
    this.serviceName = serviceName;
    // The ID is the name's last dot-separated part: com.amazonaws.vpce.<region>.<id>.
    this.endpointServiceId = isUnresolved(serviceName) ? Fn.element(Fn.split(".", serviceName), 4) : serviceName.split(".")[4];
    this.ports = options.ports;
    this.privateDnsName = options.privateDnsName;
    this.privateDnsSupported = options.privateDnsName !== undefined;
    this.serviceRegion = options.serviceRegion;
    this.availabilityZoneIds = options.availabilityZoneIds;
    const partition = partitionOfRegion(options.serviceRegion ?? regionOfServiceName(serviceName) ?? "us-east-1");
    this.contract = {
      allowedPrincipalArns: options.allowedPrincipals?.map((p) => p.render(partition)),
      acceptanceRequired: options.acceptanceRequired,
      tlsPorts: options.tlsPorts,
    };
  }
}
