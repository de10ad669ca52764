import { Annotations, Fn } from "cdktf";
import { Construct } from "constructs";
import { DataAwsVpcEndpointService } from "@cdktf/provider-aws/lib/data-aws-vpc-endpoint-service";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { checkRegion, Port, requireProps, resolveRegion, ValidationError } from "../core";
import { ISubnet, SecurityGroup } from "../vpc";
import { AwsService } from "./aws-service";
import { NetworkEndpointBase, NetworkEndpointProps } from "./endpoint-base";
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
}

/**
 * An Interface VPC endpoint to an AWS service or to a PrivateLink endpoint
 * service: network interfaces in one subnet per AZ, a security group that
 * opens only the service's ports to the VPC, private DNS, and (for AWS
 * services) a required endpoint policy.
 *
 * Creates: aws_vpc_endpoint (type Interface), aws_security_group and
 * aws_vpc_security_group_ingress_rule (unless security groups are given),
 * data.aws_vpc_endpoint_service (only with `onlySupportedAvailabilityZones`).
 */
export class InterfaceEndpoint extends NetworkEndpointBase {
  public readonly resource: VpcEndpoint;
  public readonly securityGroup?: SecurityGroup;
  public readonly securityGroupIds: readonly string[];
  /** The full service name the endpoint connects to. */
  public readonly serviceName: string;

  constructor(scope: Construct, id: string, props: InterfaceEndpointProps) {
    super(scope, id, props);
    requireProps(this, props, ["service"]);
    checkRegion(this, "serviceRegion", props.serviceRegion);
    const aws = props.service instanceof AwsService ? props.service : undefined;
    // AWS services are named after (and their policies refer to) the region that serves them.
    const isAwsService = aws !== undefined || (props.service as IInterfaceEndpointService).isAwsService;
    const region = isAwsService ? (props.serviceRegion ?? resolveRegion(this, props.region, this.provider)) : "";
    const target = aws?.inRegion(this, "service", region) ?? (props.service as IInterfaceEndpointService);
    const privateDnsEnabled = checkPrivateDns(this, props, target, aws);
    const policy = endpointPolicy(this, props, target, region, aws?.shortName);
    this.serviceName = target.serviceName;

    const subnets = this.checkPlacement(props);
    ({ securityGroup: this.securityGroup, securityGroupIds: this.securityGroupIds } = this.securityGroupsFor(props, target.ports.map(Port.tcp), aws?.shortName ?? target.serviceName));
    this.resource = this.createResource(props, {
      vpcEndpointType: "Interface",
      serviceName: target.serviceName,
      serviceRegion: props.serviceRegion ?? target.serviceRegion,
      subnetIds: props.onlySupportedAvailabilityZones === true ? this.supportedSubnetIds(subnets) : subnets.map((s) => s.subnetId),
      securityGroupIds: this.securityGroupIds,
      privateDnsEnabled,
      privateDnsOnlyForInboundResolverEndpoint:
        aws?.privateDnsNeedsGatewayOrResolverChoice === true && privateDnsEnabled ? (props.privateDnsOnlyForInboundResolverEndpoint ?? true) : undefined,
      policy,
      dependsOn: props.gatewayEndpoint instanceof GatewayEndpoint ? [props.gatewayEndpoint.resource] : undefined,
    });
  }

  /** Entries of the endpoint's DNS names (`dns_name`, `hosted_zone_id`), for alias records. */
  public get dnsEntries() {
    return this.resource.dnsEntry;
  }

  /** Subnet IDs whose AZ the service supports, filtered at plan time (`matchkeys` over the data source's AZs). */
  private supportedSubnetIds(subnets: readonly ISubnet[]): string[] {
    subnets.forEach((subnet, i) => {
      if (subnet.availabilityZone === undefined) {
        throw new ValidationError(this, `subnets[${i}].availabilityZone`, undefined, "the subnet's AZ, to match it against the AZs the service supports");
      }
    });
    const service = new DataAwsVpcEndpointService(this, "Service", { provider: this.provider, serviceName: this.serviceName, serviceType: "Interface" });
    return Fn.matchkeys(
      subnets.map((s) => s.subnetId),
      subnets.map((s) => s.availabilityZone),
      service.availabilityZones,
    );
  }
}

function endpointPolicy(endpoint: Construct, props: InterfaceEndpointProps, target: IInterfaceEndpointService, region: string, service: string | undefined): string | undefined {
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
      'an EndpointPolicy: a least-privilege preset such as EndpointPolicy.organizationOnly("o-...") or EndpointPolicy.s3Buckets([...]), or EndpointPolicy.allowAll() to keep AWS\'s allow-all default by choice',
    );
  }
  return props.policy.render(endpoint, "policy", region, service);
}

/** Private DNS defaults and the S3 rules AWS enforces at create time. */
function checkPrivateDns(endpoint: Construct, props: InterfaceEndpointProps, target: IInterfaceEndpointService, aws: AwsService | undefined): boolean {
  const inboundOnly = props.privateDnsOnlyForInboundResolverEndpoint;
  const s3Like = aws?.privateDnsNeedsGatewayOrResolverChoice === true;
  if (inboundOnly !== undefined && !s3Like) {
    throw new ValidationError(endpoint, "privateDnsOnlyForInboundResolverEndpoint", inboundOnly, "unset: only S3 interface endpoints support it");
  }
  const enabled = props.privateDnsEnabled ?? (s3Like ? props.gatewayEndpoint !== undefined || inboundOnly === false : target.privateDnsSupported);
  if (enabled && !target.privateDnsSupported) {
    throw new ValidationError(endpoint, "privateDnsEnabled", true, `false: ${target.serviceName} has no verified private DNS name`);
  }
  if (s3Like && inboundOnly === true && !enabled) {
    throw new ValidationError(endpoint, "privateDnsOnlyForInboundResolverEndpoint", true, "unset, or privateDnsEnabled: true (the option refines private DNS)");
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
