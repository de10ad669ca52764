import { TerraformProvider } from "../core/cdktf";
import { Construct } from "constructs";
import { VpcEndpointConnectionAccepter } from "@cdktf/provider-aws/lib/vpc-endpoint-connection-accepter";
import { AppRegistry, checkKnownProps, checkObject, checkResourceId, isUnresolved, requireProps, resolvedValue, ValidationError } from "../core";
import { IVpcEndpoint } from "../endpoints";

/** An endpoint service this configuration owns, as an acceptance needs it. */
export interface IOwnedEndpointService {
  /** Endpoint service ID (`vpce-svc-...`), the accepter's `vpc_endpoint_service_id`. */
  readonly endpointServiceId: string;
  /**
   * Whether the service requires the owner to accept each connection (`acceptance_required`); the accepter refuses services without it.
   */
  readonly acceptanceRequired: boolean;
  /** The owning account's provider. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /**
   * Told of each endpoint an acceptance covers, so that the service can
   * refuse a consumer of its configuration that nothing accepts.
   * @default - nothing to tell (a service made elsewhere)
   * @internal
   */
  readonly recordAcceptance?: (endpoint: IVpcEndpoint) => void;
}

/** Props for EndpointConnectionAccepter. */
export interface EndpointConnectionAccepterProps {
  /** The endpoint service receiving the connection request; its provider (the owner account) creates the accepter. */
  readonly service: IOwnedEndpointService;
  /** The consumer's endpoint: an `InterfaceEndpoint`, or its ID handed over from the consumer's configuration. */
  readonly endpoint: IVpcEndpoint;
}

/**
 * The provider's approval of one known consumer endpoint, for services that
 * require acceptance when both sides live in one configuration (or the
 * consumer's endpoint ID is handed over). Runs with the service owner's
 * provider.
 *
 * Creates: aws_vpc_endpoint_connection_accepter.
 */
export class EndpointConnectionAccepter extends Construct {
  /** The underlying `aws_vpc_endpoint_connection_accepter`, as an escape hatch. */
  public readonly resource: VpcEndpointConnectionAccepter;

  constructor(scope: Construct, id: string, props: EndpointConnectionAccepterProps) {
    super(scope, id);
    requireProps(this, props, ["service", "endpoint"]);
    checkKnownProps(this, props, ENDPOINT_CONNECTION_ACCEPTER_PROPS);
    checkObject(this, "service", props.service);
    checkObject(this, "endpoint", props.endpoint);
    checkResourceId(this, "service.endpointServiceId", props.service.endpointServiceId, "endpointService");
    checkResourceId(this, "endpoint.vpcEndpointId", props.endpoint.vpcEndpointId, "vpcEndpoint");
    if (props.service.acceptanceRequired !== true) {
      throw new ValidationError(
        this,
        "service.acceptanceRequired",
        props.service.acceptanceRequired,
        "true: a service without acceptance connects endpoints by itself, and AWS refuses to accept them again",
      );
    }
    claimAcceptance(this, "endpoint.vpcEndpointId", props.service.endpointServiceId, props.endpoint.vpcEndpointId);
    this.resource = new VpcEndpointConnectionAccepter(this, "Resource", {
      provider: props.service.provider,
      vpcEndpointServiceId: props.service.endpointServiceId,
      vpcEndpointId: props.endpoint.vpcEndpointId,
    });
    props.endpoint.whenAccepted?.(this.resource);
    props.service.recordAcceptance?.(props.endpoint);
  }
}

const ENDPOINT_CONNECTION_ACCEPTER_PROPS: Record<keyof EndpointConnectionAccepterProps, true> = { service: true, endpoint: true };

/** The acceptance of each endpoint of each service, per app. */
const acceptances = new AppRegistry<string, string>();

/**
 * Fails when the endpoint's connection to the service is accepted already
 * (by another accepter, or another acceptEndpoints list): AWS accepts a
 * connection once, and destroying either acceptance rejects it.
 * @internal
 */
export function claimAcceptance(scope: Construct, prop: string, endpointServiceId: string, vpcEndpointId: string): void {
  // Each read of a resource's ID is a new token: compare what they resolve to (the same reference is the same endpoint).
  const key = [endpointServiceId, vpcEndpointId].map((id) => (isUnresolved(id) ? String(resolvedValue(scope, id)) : id)).join("|");
  const first = acceptances.claim(scope, key, scope.node.path);
  if (first !== undefined) {
    throw new ValidationError(scope, prop, vpcEndpointId, `an endpoint not accepted yet: ${first} accepts its connection to this service already`);
  }
}
