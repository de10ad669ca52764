import { Construct } from "constructs";
import { checkKnownProps, requireProps, ValidationError, propsFor } from "../../core";
import { Connections, IConnectable, Peer } from "../../vpc";
import { AwsService } from "../aws-service";
import { checkPeers, NETWORK_ENDPOINT_PROPS, NetworkEndpointProps } from "../endpoint-base";
import { EndpointPolicy } from "../endpoint-policy";
import { GatewayEndpoint } from "../gateway-endpoint";
import { InterfaceEndpoint } from "../interface-endpoint";

/** Props of {@link S3HybridAccess}: the endpoints' placement (of both), their policy and the on-premises clients. */
export interface S3HybridAccessProps extends Omit<NetworkEndpointProps, "allowedPeers" | "open"> {
  /** What may be done through both endpoints. */
  readonly policy: EndpointPolicy;
  /**
   * The on-premises networks whose S3 queries the Route 53 inbound resolver
   * answers with the interface endpoint's addresses: its only clients (the
   * VPC's own use the gateway endpoint), so the endpoint's security group
   * admits these ranges and nothing else. Required unless `securityGroups`
   * are given, whose rules are yours.
   * @default - none
   */
  readonly onPremisesPeers?: readonly Peer[];
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
 * IPs (private DNS only for the inbound resolver), which admits only the
 * on-premises ranges. AWS requires the gateway
 * endpoint to exist first, so the interface endpoint depends on it.
 *
 * Creates: aws_vpc_endpoint (Gateway and Interface), aws_security_group and
 * aws_vpc_security_group_ingress_rule (unless security groups are given).
 */
export class S3HybridAccess extends Construct implements IConnectable {
  /** What the VPC's own clients use (route-table based, free). */
  public readonly gatewayEndpoint: GatewayEndpoint;
  /** What on-premises clients reach through the inbound resolver. */
  public readonly interfaceEndpoint: InterfaceEndpoint;

  constructor(scope: Construct, id: string, props: S3HybridAccessProps) {
    super(scope, id);
    requireProps(this, props, ["vpc", "policy"]);
    checkKnownProps(this, props, S3_HYBRID_ACCESS_PROPS);
    if (props.securityGroups === undefined) {
      if (checkPeers(this, "onPremisesPeers", props.onPremisesPeers) === undefined) {
        throw new ValidationError(
          this,
          "onPremisesPeers",
          props.onPremisesPeers,
          "the on-premises ranges (Peer.cidr(...)) that reach S3 through the inbound resolver: the interface endpoint's only clients, the VPC's own use the gateway endpoint",
        );
      }
    } else if (props.onPremisesPeers !== undefined) {
      throw new ValidationError(
        this,
        "onPremisesPeers",
        "with securityGroups",
        "either onPremisesPeers (a group admitting them is created) or securityGroups (their rules are yours), not both",
      );
    }
    this.gatewayEndpoint = new GatewayEndpoint(this, "Gateway", {
      vpc: props.vpc,
      service: AwsService.S3,
      policy: props.policy,
      routeTableIds: props.routeTableIds,
      // `subnets` place the interface endpoint; they choose the gateway's route tables only when routeTableIds do not.
      subnets: props.routeTableIds === undefined ? props.subnets : undefined,
      region: props.region,
      provider: props.provider,
      tags: props.tags,
    });
    this.interfaceEndpoint = new InterfaceEndpoint(this, "Interface", {
      // Only what an endpoint takes: it refuses the gateway's routeTableIds.
      ...propsFor(props, NETWORK_ENDPOINT_PROPS),
      policy: props.policy,
      region: props.region,
      allowedPeers: props.onPremisesPeers,
      service: AwsService.S3,
      privateDnsEnabled: true,
      privateDnsOnlyForInboundResolverEndpoint: true,
      gatewayEndpoint: this.gatewayEndpoint,
    });
  }

  /** The interface endpoint's: admit another on-premises range or a resolver's group with `connections.allowFrom(peer, Port.tcp(443), "why")`. */
  public get connections(): Connections {
    return this.interfaceEndpoint.connections;
  }
}

const S3_HYBRID_ACCESS_PROPS: Record<keyof S3HybridAccessProps, true> = {
  vpc: true,
  subnets: true,
  minAvailabilityZones: true,
  securityGroups: true,
  ipAddressType: true,
  dnsRecordIpType: true,
  tags: true,
  timeouts: true,
  provider: true,
  policy: true,
  onPremisesPeers: true,
  routeTableIds: true,
  region: true,
};
