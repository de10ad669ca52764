import { Construct, IConstruct } from "constructs";
import { dependable, ITerraformDependable, TerraformProvider, TerraformResource } from "../core/cdktf";
import { AppRegistry, checkAtSynth, PortRange, stackOf } from "../core";
import type { ISubnet, IVpc } from "../vpc";

/**
 * What each kind of VPC endpoint connects to. Building blocks of every area
 * implement these so that one endpoint family serves them all: AWS services
 * and PrivateLink endpoint services (Interface), VPC Lattice resource
 * configurations (Resource) and service networks (ServiceNetwork).
 */

/** An AWS service or a PrivateLink endpoint service that an Interface endpoint can reach. */
export interface IInterfaceEndpointService {
  /** Full service name, e.g. `com.amazonaws.us-east-1.logs` or `com.amazonaws.vpce.us-east-1.vpce-svc-0123...`. */
  readonly serviceName: string;
  /** TCP ports the endpoint's security group must open towards the service. */
  readonly ports: readonly number[];
  /** True for services AWS operates (endpoint policies apply); false for endpoint services (AWS ignores policies). */
  readonly isAwsService: boolean;
  /**
   * The kind of endpoint the service takes: `Interface` endpoints reach AWS
   * services and services behind Network Load Balancers;
   * `GatewayLoadBalancer` endpoints reach services behind Gateway Load
   * Balancers (traffic inspection appliances), and an Interface endpoint to
   * one is refused by AWS.
   * @default "Interface"
   */
  readonly serviceType?: "Interface" | "GatewayLoadBalancer";
  /**
   * Whether consumers can turn private DNS on: AWS services that support it, and
   * endpoint services with a verified private DNS name.
   */
  readonly privateDnsSupported: boolean;
  /** Region the service lives in, when it is another one than the endpoint's (cross-region PrivateLink). @default - same region */
  readonly serviceRegion?: string;
  /** The endpoint service's verified private DNS name, which private DNS answers in the consumer's VPC. @default - none */
  readonly privateDnsName?: string;
  /**
   * AZ IDs (`use1-az1`) the service is offered in (those of its load
   * balancer): AWS refuses an endpoint subnet in any other zone. AZ IDs, not
   * names, because a name maps to another zone in each account.
   * @default - unknown: placement is not checked at synth
   */
  readonly availabilityZoneIds?: readonly string[];
  /**
   * What the provider of an endpoint service known only by name promises
   * (another configuration or account); interface endpoints record it, with
   * the service's ports and zones, for the flow analysis.
   * @default - nothing promised: a service of this configuration, which the analysis reads itself, or an AWS service
   */
  readonly contract?: EndpointServiceContract;
  /**
   * Called by each interface endpoint of this configuration to the service,
   * with the endpoint's VPC: an endpoint service whose load balancer judges
   * PrivateLink traffic by its security group admits the consumer there.
   * @default - nothing to do (an AWS service, or a service known only by name)
   * @internal
   */
  readonly addConsumer?: (endpoint: IConstruct, vpc: IVpc) => void;
  /**
   * Called by each endpoint of this configuration to the service before it
   * is created: a service of this configuration refuses what AWS would
   * refuse of the endpoint (a creating account its allowed principals leave
   * out, a subnet in a zone it is not offered in).
   * @default - nothing to check (an AWS service, or a service known only by name)
   * @internal
   */
  readonly checkConsumer?: (endpoint: IConstruct, consumer: EndpointConsumer) => void;
}

/**
 * An endpoint about to connect to an endpoint service of this
 * configuration, as the service judges it.
 * @internal
 */
export interface EndpointConsumer {
  /** The provider that creates the endpoint: its account requests the connection. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /** The endpoint's subnets. */
  readonly subnets: readonly ISubnet[];
  /** The prop the subnet at `index` was given as, for errors. */
  readonly subnetProp: (index: number) => string;
  /** The endpoint keeps only the subnets of zones the service supports (onlySupportedAvailabilityZones): its zones are not judged. @default false */
  readonly filtersZones?: boolean;
}

/**
 * The terms of an endpoint service, as its provider publishes them to
 * consumers who only know the service by name: who may create endpoints,
 * whether each waits for approval, and where it terminates TLS (its zones
 * and ports are the service's own `availabilityZoneIds` and `ports`). The
 * consumer's flows are proven against these terms as if the service were in
 * the consumer's configuration.
 */
export interface EndpointServiceContract {
  /** ARNs that may create endpoints (account roots, IAM roles, IAM users), as the provider's allowed principals list them. @default - unknown: the creator is assumed allowed */
  readonly allowedPrincipalArns?: readonly string[];
  /** Whether each connection waits for the provider's approval. @default - unknown */
  readonly acceptanceRequired?: boolean;
  /** Ports on which the service (or what it forwards to) terminates TLS: clients must dial a name its certificate carries, never the endpoint's generated names. @default - none */
  readonly tlsPorts?: readonly number[];
}

/** A VPC Lattice service network that a ServiceNetwork endpoint can reach. */
export interface IServiceNetworkEndpointTarget {
  /** ARN of the service network (`arn:aws:vpc-lattice:…:servicenetwork/sn-…`). */
  readonly serviceNetworkArn: string;
  /**
   * Fails when the ports an endpoint's own security group opens miss a
   * listener or resource port of the network's members (called at synth,
   * once the members are known). @default - not checked (a network made elsewhere)
   */
  checkClientPorts?(endpoint: IConstruct, ports: readonly PortRange[], defaulted: boolean): void;
}

/**
 * For a target this app shares through RAM (a service network, a resource
 * configuration): what a consumer made with `provider` must wait for before
 * AWS gives its account the target (in another account than the owner's,
 * the share's principal and resource associations), failing for an
 * account the share leaves out. `use` says what the consumer does with the
 * target, for that error ("associate with", "connect to").
 * @internal
 */
export type ShareGate = (consumer: IConstruct, provider: TerraformProvider | undefined, use: string) => readonly ITerraformDependable[];

/** The gates of the targets this app shares, per app: each endpoint and association asks its target's, however it is made. */
const shareGates = new AppRegistry<object, ShareGate>();

/**
 * Makes every consumer of `target` (endpoints, service network
 * associations) pass `gate`: what shares the target registers it, once.
 * @internal
 */
export function gateConsumersBehindShare(scope: IConstruct, target: object, gate: ShareGate): void {
  shareGates.of(scope).set(target, gate);
}

/**
 * What `consumer`, made with `provider`, waits for before it uses `target`:
 * the share gate's dependencies (none for a target this app does not
 * share). Only those of the consumer's stack: across stacks, the reference
 * to the target already orders the stacks, and a `depends_on` cannot name a
 * resource of another stack.
 * @internal
 */
export function shareDependenciesOf(
  consumer: IConstruct,
  target: object,
  provider: TerraformProvider | undefined,
  use: string,
): readonly ITerraformDependable[] {
  const dependencies = shareGates.of(consumer).get(target)?.(consumer, provider, use) ?? [];
  const stack = stackOf(consumer);
  return dependencies.filter((d) => !Construct.isConstruct(d) || stackOf(d) === stack);
}

/**
 * Makes a consumer's `resource` (an endpoint's, an association's) wait for
 * what the share gate of `target` (a service network, a resource
 * configuration) asks of a consumer made with `provider`, besides the
 * `given` dependencies: at synth, once every share of the app is known (a
 * configuration may be shared after the consumer of it is made). The gate
 * fails for an account the share leaves out; `use` says what for.
 * @internal
 */
export function waitForShare(
  consumer: IConstruct,
  resource: TerraformResource,
  target: object,
  provider: TerraformProvider | undefined,
  given: readonly ITerraformDependable[] | undefined,
  use = "connect to",
): void {
  const added = new Set<ITerraformDependable>(Array.isArray(given) ? given : []);
  checkAtSynth(consumer, () => {
    const missing = shareDependenciesOf(consumer, target, provider, use).filter((d) => !added.has(d));
    if (missing.length === 0) return;
    missing.forEach((d) => added.add(d));
    resource.dependsOn = [...(resource.dependsOn ?? []), ...missing.map((d) => dependable(d))];
  });
}
