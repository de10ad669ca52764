import { Construct } from "constructs";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { AwsResourceProps, isUnresolved, nameFromPath, providerOf, requireProps, resolveRegion, ValidationError } from "../core";
import { ISubnet, IVpc } from "../vpc";
import { AwsService } from "./aws-service";
import { IVpcEndpoint } from "./endpoint-base";
import { EndpointPolicy } from "./endpoint-policy";

/** A gateway endpoint, created here or imported. */
export interface IGatewayEndpoint extends IVpcEndpoint {
  /** The service the gateway routes to (S3 or DynamoDB). */
  readonly service: AwsService;
}

export interface GatewayEndpointProps extends AwsResourceProps {
  /** The VPC whose route tables get the route. */
  readonly vpc: IVpc;
  /** S3 or DynamoDB: the only services with gateway endpoints. */
  readonly service: AwsService;
  /**
   * What may be done through the endpoint. Required: AWS's default allows
   * everything; ask for it with `EndpointPolicy.allowAll()` if you mean it.
   */
  readonly policy: EndpointPolicy;
  /**
   * Route tables that get the service's prefix-list route.
   * @default - the route tables of `subnets`
   */
  readonly routeTableIds?: readonly string[];
  /**
   * Subnets whose route tables get the route, when `routeTableIds` is not given.
   * @default - the VPC's private subnets
   */
  readonly subnets?: readonly ISubnet[];
  /**
   * Region of the endpoint, for the service name.
   * @default - the literal region of the provider
   */
  readonly region?: string;
}

/**
 * A gateway VPC endpoint for S3 or DynamoDB: a route to the service's prefix
 * list in the given route tables, free of charge, with an endpoint policy.
 *
 * Creates: aws_vpc_endpoint (type Gateway).
 */
export class GatewayEndpoint extends Construct implements IGatewayEndpoint {
  /** Describes a gateway endpoint made elsewhere, e.g. to order an S3 interface endpoint after it. */
  public static fromAttributes(scope: Construct, id: string, attrs: { readonly vpcEndpointId: string; readonly service: AwsService }): IGatewayEndpoint {
    return new ImportedGatewayEndpoint(scope, id, attrs);
  }

  /** The `aws_vpc_endpoint`, for escape hatches. */
  public readonly resource: VpcEndpoint;
  /** `vpce-…` */
  public readonly vpcEndpointId: string;
  /** S3 or DynamoDB. */
  public readonly service: AwsService;

  constructor(scope: Construct, id: string, props: GatewayEndpointProps) {
    super(scope, id);
    requireProps(this, props, ["vpc", "service", "policy"]);
    if (!props.service.hasGatewayEndpoint) {
      throw new ValidationError(this, "service", props.service.shortName, "s3 or dynamodb: no other service has a gateway endpoint (use an InterfaceEndpoint)");
    }
    const provider = providerOf(props, props.vpc);
    const region = resolveRegion(this, props.region, provider);
    this.service = props.service;
    this.resource = new VpcEndpoint(this, "Resource", {
      provider,
      vpcId: props.vpc.vpcId,
      vpcEndpointType: "Gateway",
      serviceName: props.service.serviceName(this, "service", region),
      routeTableIds: this.routeTableIds(props),
      policy: props.policy.render(this, "policy", region, props.service.shortName),
      tags: { Name: nameFromPath(this) },
    });
    this.vpcEndpointId = this.resource.id;
  }

  private routeTableIds(props: GatewayEndpointProps): string[] {
    if (props.routeTableIds !== undefined) {
      if (!isUnresolved(props.routeTableIds) && props.routeTableIds.length === 0) {
        throw new ValidationError(this, "routeTableIds", [], "at least one route table: a gateway endpoint without routes carries no traffic");
      }
      return [...props.routeTableIds];
    }
    const subnets = props.subnets ?? props.vpc.privateSubnets;
    const prop = props.subnets === undefined ? "vpc.privateSubnets" : "subnets";
    if (subnets.length === 0) {
      throw new ValidationError(this, prop, [], "subnets whose route tables get the route, or routeTableIds");
    }
    const ids = subnets.map((subnet, i) => {
      if (subnet.routeTableId === undefined) {
        throw new ValidationError(this, `${prop}[${i}].routeTableId`, undefined, "a route table ID on every subnet, or routeTableIds");
      }
      return subnet.routeTableId;
    });
    // Subnets often share a route table; Terraform rejects a table listed twice.
    return [...new Set(ids)];
  }
}

class ImportedGatewayEndpoint extends Construct implements IGatewayEndpoint {
  public readonly vpcEndpointId: string;
  public readonly service: AwsService;

  constructor(scope: Construct, id: string, attrs: { readonly vpcEndpointId: string; readonly service: AwsService }) {
    super(scope, id);
    this.vpcEndpointId = attrs.vpcEndpointId;
    this.service = attrs.service;
  }
}
