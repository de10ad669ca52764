import { Construct } from "constructs";
import { AwsService } from "../aws-service";
import { NetworkEndpointProps } from "../endpoint-base";
import { EndpointPolicy } from "../endpoint-policy";
import { GatewayEndpoint } from "../gateway-endpoint";
import { InterfaceEndpoint } from "../interface-endpoint";

export interface S3HybridAccessProps extends NetworkEndpointProps {
  /** What may be done through both endpoints. */
  readonly policy: EndpointPolicy;
  /**
   * Route tables that get the gateway endpoint's route.
   * @default - the route tables of `subnets`
   */
  readonly routeTableIds?: readonly string[];
  /**
   * Region of the endpoints.
   * @default - the literal region of the provider
   */
  readonly region?: string;
}

/**
 * S3 for the VPC and for on-premises networks at once: the VPC's own clients
 * use the free gateway endpoint, while Route 53 inbound resolver endpoints
 * answer on-premises queries for S3 with the interface endpoint's private
 * IPs (private DNS only for the inbound resolver). AWS requires the gateway
 * endpoint to exist first, so the interface endpoint depends on it.
 *
 * Creates: aws_vpc_endpoint (Gateway and Interface), aws_security_group and
 * aws_vpc_security_group_ingress_rule (unless security groups are given).
 */
export class S3HybridAccess extends Construct {
  /** What the VPC's own clients use (route-table based, free). */
  public readonly gatewayEndpoint: GatewayEndpoint;
  /** What on-premises clients reach through the inbound resolver. */
  public readonly interfaceEndpoint: InterfaceEndpoint;

  constructor(scope: Construct, id: string, props: S3HybridAccessProps) {
    super(scope, id);
    this.gatewayEndpoint = new GatewayEndpoint(this, "Gateway", {
      vpc: props.vpc,
      service: AwsService.S3,
      policy: props.policy,
      routeTableIds: props.routeTableIds,
      subnets: props.subnets,
      region: props.region,
      provider: props.provider,
    });
    this.interfaceEndpoint = new InterfaceEndpoint(this, "Interface", {
      ...props,
      service: AwsService.S3,
      privateDnsEnabled: true,
      privateDnsOnlyForInboundResolverEndpoint: true,
      gatewayEndpoint: this.gatewayEndpoint,
    });
  }
}
