import { TerraformProvider } from "../../core/cdktf";
import { Construct, IConstruct } from "constructs";
import { VpcEndpointPrivateDns } from "@cdktf/provider-aws/lib/vpc-endpoint-private-dns";
import { AwsResourceProps, checkItemCount, checkRegion, checkUnique, requireValue, stableId, ValidationError } from "../../core";
import { InterfaceEndpoint } from "../../endpoints";
import { IpAddressType, ISubnet, IVpc, Peer, SecurityGroup } from "../../vpc";
import { EndpointConnectionAccepter } from "../connection-accepter";
import { EndpointService, EndpointServiceProps, IEndpointService } from "../endpoint-service";
import { EndpointServicePrincipal } from "../principals";

/** One consumer account of the offering and the endpoint it gets. */
export interface SaasConsumer {
  /** Stable name of the consumer; keys its Terraform addresses. */
  readonly name: string;
  /** The consumer's account, added to the service's allowed principals. */
  readonly accountId: string;
  /** The consumer account's provider (typically an alias assuming a role there). @default - the provider of the consumer's VPC */
  readonly provider?: TerraformProvider;
  /** The consumer's VPC, where the endpoint's network interfaces go. */
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
  /** Resolve the service's private DNS name to this endpoint. @default - true when the service has a private DNS name */
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

export interface PrivateLinkSaasOfferingProps extends AwsResourceProps {
  /** The provider side; each consumer's account is added to its allowed principals. */
  readonly service: Omit<EndpointServiceProps, "provider">;
  /** The consumer accounts, at least one, with unique names; each gets an interface endpoint to the service. */
  readonly consumers: readonly SaasConsumer[];
}

/** What the pattern built for one consumer. */
export interface SaasConsumerEndpoint {
  /** The consumer's interface endpoint to the service, created with the consumer's provider. */
  readonly endpoint: InterfaceEndpoint;
  /** The provider's approval of this endpoint. @default - undefined: the service does not require acceptance */
  readonly acceptance?: EndpointConnectionAccepter;
  /**
   * Private DNS, turned on once the connection is accepted and the name verified.
   * @default - undefined: private DNS is off for this consumer
   */
  readonly privateDns?: VpcEndpointPrivateDns;
}

/**
 * A PrivateLink offering end to end, in one configuration: the endpoint
 * service (provider account) and, for each consumer account, an interface
 * endpoint opening only the service's ports, the provider's acceptance of
 * exactly that endpoint, and private DNS switched on afterwards (AWS refuses
 * private DNS on an endpoint that is still pending acceptance or whose name
 * is not verified yet).
 *
 * For consumers managed elsewhere, use {@link EndpointService} here and
 * `EndpointService.fromServiceName` plus `InterfaceEndpoint` on their side.
 *
 * Consumers and provider are placed by AZ ID where both sides' VPCs are: an
 * endpoint subnet in a zone the load balancer is not in fails at synth, as
 * AWS would refuse it at apply.
 *
 * Creates: the resources of {@link EndpointService}, and per consumer those of
 * `InterfaceEndpoint`, aws_vpc_endpoint_connection_accepter,
 * aws_vpc_endpoint_private_dns, and egress rules on the consumer's client
 * security groups.
 */
export class PrivateLinkSaasOffering extends Construct {
  /** The endpoint service, with every consumer account in its allowed principals. */
  public readonly service: EndpointService;
  /** By consumer name. */
  public readonly consumers: Readonly<Record<string, SaasConsumerEndpoint>>;

  constructor(scope: Construct, id: string, props: PrivateLinkSaasOfferingProps) {
    super(scope, id);
    checkItemCount(this, "consumers", props.consumers, 1);
    props.consumers.forEach((c, i) => requireValue(this, `consumers[${i}].name`, c.name || undefined, "a stable consumer name"));
    checkUnique(this, "consumers[].name", props.consumers, (c) => stableId(c.name));
    const hasName = props.service.privateDnsName !== undefined;
    props.consumers.forEach((c, i) => {
      if (c.privateDnsEnabled === true && !hasName) {
        throw new ValidationError(this, `consumers[${i}].privateDnsEnabled`, true, "false: the service has no private DNS name");
      }
      const name = props.service.privateDnsName;
      if (c.customDnsName !== undefined && name !== undefined && (c.privateDnsEnabled ?? true) && c.customDnsName.toLowerCase() === name.toLowerCase()) {
        throw new ValidationError(this, `consumers[${i}].customDnsName`, c.customDnsName, "another name than the service's private DNS name, which the consumer's private DNS already answers (or privateDnsEnabled: false)");
      }
    });
    const wantsPrivateDns = props.consumers.some((c) => c.privateDnsEnabled ?? hasName);
    if (wantsPrivateDns && props.service.privateDnsVerificationZone === undefined) {
      throw new ValidationError(this, "service.privateDnsVerificationZone", undefined, "a zone to verify the private DNS name in, which consumers' private DNS waits for (or privateDnsEnabled: false on every consumer)");
    }

    this.service = new EndpointService(this, "Service", {
      ...props.service,
      provider: props.provider,
      allowedPrincipals: [...(props.service.allowedPrincipals ?? []), ...props.consumers.map((c) => EndpointServicePrincipal.account(c.accountId))],
      // Consumers' private DNS can only be turned on once AWS has verified the name.
      waitForPrivateDnsVerification: props.service.waitForPrivateDnsVerification ?? wantsPrivateDns,
    });
    this.consumers = Object.fromEntries(props.consumers.map((consumer, i) => [consumer.name, this.addConsumer(consumer, `consumers[${i}]`)]));
  }

  private addConsumer(consumer: SaasConsumer, prop: string): SaasConsumerEndpoint {
    const scope = new Construct(this, `Consumer-${stableId(consumer.name)}`);
    const endpoint = new InterfaceEndpoint(scope, "Endpoint", {
      provider: consumer.provider,
      vpc: consumer.vpc,
      subnets: consumer.subnets,
      // Client groups are admitted below, together with their egress; the VPC's CIDR is then no default.
      allowedPeers: consumer.allowedPeers,
      open: consumer.allowedPeers === undefined && consumer.clients !== undefined ? false : undefined,
      ipAddressType: consumer.ipAddressType,
      onlySupportedAvailabilityZones: consumer.onlySupportedAvailabilityZones,
      service: withPorts(this, `${prop}.ports`, this.service, consumer.ports),
      serviceRegion: this.remoteServiceRegion(consumer.region, `${prop}.region`),
      // Turned on below by aws_vpc_endpoint_private_dns, after acceptance and verification.
      privateDnsEnabled: false,
      customDnsName: consumer.customDnsName,
    });
    for (const [name, client] of Object.entries(consumer.clients ?? {})) endpoint.allowClient(client, name);
    const acceptance = this.service.acceptanceRequired ? new EndpointConnectionAccepter(scope, "Acceptance", { service: this.service, endpoint }) : undefined;
    if (!(consumer.privateDnsEnabled ?? this.service.privateDnsSupported)) return { endpoint, acceptance };
    // aws_vpc_endpoint_private_dns owns the setting from now on; without this the endpoint would switch it back off.
    endpoint.resource.addOverride("lifecycle.ignore_changes", ["private_dns_enabled"]);
    const privateDns = new VpcEndpointPrivateDns(scope, "PrivateDns", {
      provider: endpoint.provider,
      vpcEndpointId: endpoint.vpcEndpointId,
      privateDnsEnabled: true,
      dependsOn: [...(acceptance === undefined ? [] : [acceptance.resource]), this.service.privateDnsVerification!],
    });
    return { endpoint, acceptance, privateDns };
  }

  /** The home region for a consumer in another region (its endpoint names it), after checking the service admits that region. */
  private remoteServiceRegion(consumerRegion: string | undefined, prop: string): string | undefined {
    checkRegion(this, prop, consumerRegion);
    if (consumerRegion === undefined || consumerRegion === this.service.region) return undefined;
    if (!this.service.supportedRegions.includes(consumerRegion)) {
      throw new ValidationError(this, prop, consumerRegion, `the service's home region (${this.service.region ?? "unknown: set the service's region"}) or one of its supportedRegions (${this.service.supportedRegions.join(", ") || "none"})`);
    }
    return this.service.region;
  }
}

/**
 * The service as one consumer sees it: only the ports it asked for, each one
 * the service listens on, so the endpoint's security group opens nothing else.
 */
function withPorts(scope: IConstruct, prop: string, service: IEndpointService, ports: readonly number[] | undefined): IEndpointService {
  if (service.ports.length === 0) {
    throw new ValidationError(scope, prop, service.ports, "a service with listener ports (a Gateway Load Balancer service takes GatewayLoadBalancer endpoints, not Interface ones)");
  }
  if (ports === undefined) return service;
  checkItemCount(scope, prop, ports, 1);
  checkUnique(scope, prop, ports);
  const closed = ports.find((port) => !service.ports.includes(port));
  if (closed !== undefined) {
    throw new ValidationError(scope, prop, closed, `a port the service listens on (${service.ports.join(", ")}): the endpoint would open a port nothing answers on`);
  }
  return {
    endpointServiceId: service.endpointServiceId,
    serviceName: service.serviceName,
    ports,
    isAwsService: service.isAwsService,
    privateDnsSupported: service.privateDnsSupported,
    privateDnsName: service.privateDnsName,
    serviceRegion: service.serviceRegion,
    availabilityZoneIds: service.availabilityZoneIds,
  };
}
