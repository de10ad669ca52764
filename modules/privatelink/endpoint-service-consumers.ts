import { dependable, TerraformProvider, TerraformStack } from "../core/cdktf";
import { IConstruct } from "constructs";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcEndpointServicePrivateDnsVerification } from "@cdktf/provider-aws/lib/vpc-endpoint-service-private-dns-verification";
import { checkAtSynth, isUnresolved, literalAccountOf, literalRegionOf, ValidationError } from "../core";
import { EndpointConsumer } from "../endpoints";
import { IVpc } from "../vpc";
import { GatewayLoadBalancer, IGatewayLoadBalancer } from "./gateway-load-balancer";
import { INetworkLoadBalancer, NetworkLoadBalancer } from "./network-load-balancer";
import { EndpointServicePrincipal } from "./principals";

/**
 * The terms of an endpoint service its consumers are judged by, as the
 * service settled them: given once, when the service is made, so that the
 * judging never reads the service's half-built state.
 * @internal
 */
export interface ServiceConsumerTerms {
  /** Whether each connection request waits for approval. */
  readonly acceptanceRequired: boolean;
  /** Why connections are accepted outside this configuration (`acceptedOutsideTerraform`). */
  readonly acceptedOutsideTerraform: string | undefined;
  /** Who may create endpoints to the service, besides everyone (`allowsAnyPrincipal`). */
  readonly allowedPrincipals: readonly EndpointServicePrincipal[];
  /** Every AWS principal may create endpoints (`*`). */
  readonly allowsAnyPrincipal: boolean;
  /** The provider of the owning account. */
  readonly provider: TerraformProvider | undefined;
  /** The load balancers the service fronts (the one it created, or those given). */
  readonly loadBalancers: readonly (INetworkLoadBalancer | IGatewayLoadBalancer)[];
  /** The ownership verification of the private DNS name, when a zone was given. */
  readonly privateDnsVerification: VpcEndpointServicePrivateDnsVerification | undefined;
  /** Whether `waitForPrivateDnsVerification` was given: else an endpoint with private DNS makes the verification wait. */
  readonly waitForVerificationGiven: boolean;
  /** The private DNS name consumers' private DNS answers. */
  readonly privateDnsName: string | undefined;
  /** Why the name is verified outside this configuration (`privateDnsVerifiedOutsideTerraform`). */
  readonly privateDnsVerifiedOutsideTerraform: string | undefined;
}

/**
 * The consumers of an endpoint service made in this configuration: who
 * connects, and whether AWS would let them (allowed principals, offered
 * zones, private DNS before acceptance, an acceptance for each). Endpoints
 * are judged as they arrive; what needs all of them (admission by the load
 * balancers, acceptance) is judged at synth.
 * @internal
 */
export class ServiceConsumers {
  /** The interface endpoints (and GatewayLoadBalancer endpoints' aws_vpc_endpoints) of this configuration that connect to the service. */
  private readonly endpoints: IConstruct[] = [];
  /** The endpoints an acceptance of this configuration covers (by identity: an endpoint's ID is a new token at each read). */
  private readonly acceptedEndpoints = new Set<object>();
  /** Whether `acceptEndpoints` takes IDs the provider reviews (which may name this configuration's endpoints too). */
  private acceptsByList = false;

  constructor(
    private readonly service: IConstruct,
    private readonly terms: ServiceConsumerTerms,
  ) {
    // Consumers of this configuration are admitted as they arrive (add); once all are known, a load balancer left to admit its own VPC only is an error.
    checkAtSynth(service, () => {
      for (const balancer of this.ownLoadBalancers()) {
        const error = balancer.unknownConsumersError(service) ?? balancer.unadmittedConsumerError();
        if (error !== undefined) throw error;
      }
      const unaccepted = this.unacceptedConsumerError();
      if (unaccepted !== undefined) throw unaccepted;
    });
  }

  /**
   * An interface endpoint of this configuration in `vpc` connects: the
   * Network Load Balancers of this configuration admit its VPC on the
   * listener ports when they enforce their security group on PrivateLink
   * traffic and their clients were left to the library.
   */
  public add(endpoint: IConstruct, vpc: IVpc): void {
    this.endpoints.push(endpoint);
    for (const balancer of this.ownLoadBalancers()) balancer.admitConsumer(endpoint, vpc);
    this.refusePrivateDnsBeforeAcceptance(endpoint);
    const resource = (endpoint as { readonly resource?: unknown }).resource;
    if (resource instanceof VpcEndpoint && resource.privateDnsEnabledInput === true) this.refuseUnverifiedPrivateDns(endpoint);
    this.orderAfterVerification(endpoint);
  }

  /**
   * An endpoint of this configuration is about to connect: refused when AWS
   * would refuse it, for a creating account the allowed principals leave
   * out, or (in the service's own account and region, where an AZ name is
   * one zone) a subnet in a zone none of the load balancers is in.
   */
  public check(endpoint: IConstruct, consumer: EndpointConsumer): void {
    this.checkCreator(endpoint, consumer.provider);
    if (consumer.filtersZones !== true) this.checkZoneNames(endpoint, consumer);
  }

  /**
   * An acceptance of this configuration covers `endpoint`
   * (`EndpointConnectionAccepter`, or a consumer that waits for the
   * provider's word: `ConnectionAcceptance.whenAccepted`).
   */
  public recordAcceptance(endpoint: object): void {
    this.acceptedEndpoints.add(endpoint);
    // A GatewayLoadBalancerEndpoint's endpointIn(zone) hands over the zone's aws_vpc_endpoint, the consumer this service was told of.
    const resource = (endpoint as { readonly resource?: unknown }).resource;
    if (resource instanceof VpcEndpoint) this.acceptedEndpoints.add(resource);
  }

  /**
   * A consumer that turns its private DNS on after its endpoint is created
   * (SaasConsumerEndpoint's aws_vpc_endpoint_private_dns) waits for the
   * verification of the private DNS name as an endpoint created with private
   * DNS does: unless `waitForPrivateDnsVerification` was given, the
   * verification then waits until AWS has verified the name, else the switch
   * ran as soon as the verification had started, and AWS refuses private DNS
   * for a name still pending verification. Returns the verification to wait
   * for; undefined when there is none (no verification zone), which is
   * refused unless the name is verified outside Terraform. `consumer` is
   * what an error names.
   */
  public verificationForLaterPrivateDns(consumer: IConstruct): VpcEndpointServicePrivateDnsVerification | undefined {
    this.refuseUnverifiedPrivateDns(consumer);
    const verification = this.terms.privateDnsVerification;
    if (verification !== undefined && !this.terms.waitForVerificationGiven) verification.waitForVerification = true;
    return verification;
  }

  /** `acceptEndpoints` accepts IDs the provider reviews: they may name this configuration's endpoints, so none is taken for unaccepted. */
  public acceptByList(): void {
    this.acceptsByList = true;
  }

  /**
   * AWS refuses private DNS on an endpoint still pending acceptance: a plain
   * InterfaceEndpoint created with it on, to a service of this configuration
   * that requires acceptance, fails at apply, whoever accepts it afterwards.
   * SaasConsumerEndpoint creates the endpoint with private DNS off and turns
   * it on once the endpoint is accepted.
   */
  private refusePrivateDnsBeforeAcceptance(endpoint: IConstruct): void {
    const resource = (endpoint as { readonly resource?: unknown }).resource;
    if (!this.terms.acceptanceRequired || !(resource instanceof VpcEndpoint) || resource.privateDnsEnabledInput !== true) return;
    throw new ValidationError(
      endpoint,
      "privateDnsEnabled",
      true,
      `false, or the endpoint made as a SaasConsumerEndpoint, which turns private DNS on once it is accepted: ${this.service.node.path} requires acceptance, and AWS refuses private DNS on an endpoint still pending acceptance`,
    );
  }

  /**
   * AWS refuses private DNS for a name it has not verified: a consumer of
   * this configuration with private DNS, to a service whose name this
   * configuration does not verify (no `privateDnsVerificationZone`), fails
   * at apply, always on the apply that creates the service (its TXT value
   * is new), unless the name is verified elsewhere first, which
   * `privateDnsVerifiedOutsideTerraform` says (with who does it).
   */
  private refuseUnverifiedPrivateDns(consumer: IConstruct): void {
    const name = this.terms.privateDnsName;
    if (name === undefined || this.terms.privateDnsVerification !== undefined || this.terms.privateDnsVerifiedOutsideTerraform !== undefined) return;
    throw new ValidationError(
      consumer,
      "privateDnsEnabled",
      true,
      `false, or a private DNS name AWS has verified: ${this.service.node.path} offers ${name}, which this configuration never verifies (no privateDnsVerificationZone), and AWS refuses private DNS for a name it has not verified, so this endpoint fails at apply; give the service privateDnsVerificationZone (the public hosted zone of the name), or, when the name is verified elsewhere (another DNS provider) before this endpoint is created, privateDnsVerifiedOutsideTerraform: OptOut.because("<who verifies the name, and where>") on the service`,
    );
  }

  /**
   * An endpoint created with private DNS on (a plain InterfaceEndpoint; a
   * SaasConsumerEndpoint turns it on later, after acceptance and
   * verification) waits for the verification of the private DNS name: AWS
   * refuses private DNS for a name it has not verified. Unless
   * `waitForPrivateDnsVerification` was given, the verification then waits
   * until AWS has verified the name, as PrivateLinkSaasOffering's does for
   * consumers with private DNS.
   */
  private orderAfterVerification(endpoint: IConstruct): void {
    const verification = this.terms.privateDnsVerification;
    const resource = (endpoint as { readonly resource?: unknown }).resource;
    if (verification === undefined || !(resource instanceof VpcEndpoint) || resource.privateDnsEnabledInput !== true) return;
    resource.dependsOn = [...(resource.dependsOn ?? []), dependable(verification)];
    if (!this.terms.waitForVerificationGiven) verification.waitForVerification = true;
  }

  /**
   * Only the allowed principals may create an endpoint to the service
   * (ModifyVpcEndpointServicePermissions): refused when the endpoint's
   * account is another one than the service's, both literal, and every
   * principal is of a literal account other than the endpoint's. A role or
   * user of the endpoint's account may be the one creating it: not refused.
   */
  private checkCreator(endpoint: IConstruct, provider: TerraformProvider | undefined): void {
    if (this.terms.allowsAnyPrincipal) return;
    const creator = literalAccountOf(endpoint, provider);
    const owner = literalAccountOf(this.service, this.terms.provider);
    // The owner's own endpoints are left to AWS: the permissions name the service's consumers.
    if (creator === undefined || owner === undefined || creator === owner) return;
    const principals = this.terms.allowedPrincipals;
    if (principals.some((p) => p.account === undefined || p.account === creator)) return;
    throw new ValidationError(
      endpoint,
      "service.allowedPrincipals",
      principals.map((p) => p.value),
      `principals that include the endpoint's account ${creator} (allowedPrincipals: [EndpointServicePrincipal.account("${creator}")] on ${this.service.node.path}): the endpoint is created by its provider's account, and AWS lets only the service's allowed principals create endpoints to it`,
    );
  }

  /**
   * Within one account and region an AZ name is one zone: an endpoint
   * subnet whose AZ name no load balancer subnet has is in a zone the
   * service is not offered in, which AWS refuses. Across accounts names map
   * to other zones, and only AZ IDs compare (the endpoints check those).
   */
  private checkZoneNames(endpoint: IConstruct, consumer: EndpointConsumer): void {
    if (!sameAccountAndRegion(this.service, this.terms.provider, endpoint, consumer.provider)) return;
    const offered: string[] = [];
    for (const balancer of this.terms.loadBalancers) {
      if (!(balancer instanceof NetworkLoadBalancer || balancer instanceof GatewayLoadBalancer)) return;
      for (const subnet of balancer.subnets) {
        const name = subnet.availabilityZone;
        if (name === undefined || isUnresolved(name)) return;
        if (!offered.includes(name)) offered.push(name);
      }
    }
    if (offered.length === 0) return;
    consumer.subnets.forEach((subnet, i) => {
      const name = subnet.availabilityZone;
      if (name === undefined || isUnresolved(name) || offered.includes(name)) return;
      throw new ValidationError(
        endpoint,
        consumer.subnetProp(i),
        name,
        `subnets in the zones ${this.service.node.path} is offered in (${offered.join(", ")}), those of its load balancers' subnets: AWS refuses an endpoint subnet in another zone`,
      );
    });
  }

  /** A consumer of this configuration that waits in pendingAcceptance for ever: acceptance required, and nothing here accepts it. */
  private unacceptedConsumerError(): ValidationError | undefined {
    if (!this.terms.acceptanceRequired || this.acceptsByList || this.terms.acceptedOutsideTerraform !== undefined) return undefined;
    const pending = this.endpoints.find((e) => !this.acceptedEndpoints.has(e));
    if (pending === undefined) return undefined;
    return new ValidationError(
      this.service,
      "acceptanceRequired",
      true,
      `an acceptance of ${pending.node.path}, which connects from this configuration: new EndpointConnectionAccepter(scope, id, { service, endpoint }) (SaasConsumerEndpoint and PrivateLinkSaasOffering create it), acceptEndpoints, acceptedOutsideTerraform: OptOut.because("<who accepts, where>"), or acceptanceRequired: false; without one the endpoint waits in pendingAcceptance and carries no traffic`,
    );
  }

  /** The load balancers whose security groups this library writes: the one the service created, or NetworkLoadBalancers given (load balancers made elsewhere are left alone). */
  private ownLoadBalancers(): NetworkLoadBalancer[] {
    return this.terms.loadBalancers.filter((b): b is NetworkLoadBalancer => b instanceof NetworkLoadBalancer);
  }
}

/**
 * Whether resources made with two providers are in one account and region,
 * as far as synth can tell: one provider (the same default provider of one
 * stack, when neither is given), or literal accounts and regions that are
 * equal. False when unknown.
 */
function sameAccountAndRegion(
  a: IConstruct,
  aProvider: TerraformProvider | undefined,
  b: IConstruct,
  bProvider: TerraformProvider | undefined,
): boolean {
  if (aProvider !== undefined && aProvider === bProvider) return true;
  if (aProvider === undefined && bProvider === undefined && TerraformStack.of(a) === TerraformStack.of(b)) return true;
  const account = literalAccountOf(a, aProvider);
  const region = literalRegionOf(a, aProvider);
  return account !== undefined && region !== undefined && account === literalAccountOf(b, bProvider) && region === literalRegionOf(b, bProvider);
}
