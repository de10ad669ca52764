import { Construct } from "constructs";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import {
  AppRegistry,
  AwsResourceProps,
  checkInstance,
  checkKnownProps,
  checkList,
  checkObject,
  checkResourceId,
  checkTags,
  isUnresolved,
  nameFromPath,
  Port,
  RECORDED_OPT_OUTS,
  recordOptOut,
  requireProps,
  ValidationError,
} from "../core";
import { checkInVpc, Connections, defaultSubnetsOf, IConnectable, ISubnet, IVpc, Peer, vpcOwnerProviderOf } from "../vpc";
import { AwsService } from "./aws-service";
import { endpointRegion, IVpcEndpoint } from "./endpoint-base";
import { checkDistinct, EndpointPolicy } from "./endpoint-policy";

/** A gateway endpoint, created here or imported. */
export interface IGatewayEndpoint extends IVpcEndpoint {
  /** The service the gateway routes to (S3 or DynamoDB). */
  readonly service: AwsService;
  /** ID of the endpoint's VPC, so that an interface endpoint ordered after it can refuse one of another VPC. @default - unknown, the check is skipped */
  readonly vpcId?: string;
}

/** Attributes of a gateway endpoint made elsewhere, for {@link GatewayEndpoint.fromGatewayEndpointAttributes}. */
export interface GatewayEndpointAttributes {
  /** `vpce-…` */
  readonly vpcEndpointId: string;
  /** The service it routes to: S3 or DynamoDB. */
  readonly service: AwsService;
  /** Its VPC's ID. @default - unknown: VPC checks are skipped */
  readonly vpcId?: string;
}

export interface GatewayEndpointProps extends AwsResourceProps {
  /** The VPC whose route tables get the route. */
  readonly vpc: IVpc;
  /** S3 or DynamoDB: the only services with gateway endpoints. */
  readonly service: AwsService;
  /**
   * What may be done through the endpoint. Required: AWS's default allows
   * everything; ask for it with `EndpointPolicy.allowAll(OptOut.because("<why>"))` if you mean it.
   */
  readonly policy: EndpointPolicy;
  /**
   * Route tables that get the service's prefix-list route.
   * @default - the route tables of `subnets`
   */
  readonly routeTableIds?: readonly string[];
  /**
   * Subnets whose route tables get the route; not with `routeTableIds`.
   * @default - the VPC's private subnets, unless `routeTableIds` are given
   */
  readonly subnets?: readonly ISubnet[];
  /**
   * Region of the endpoint, for the service name.
   * @default - the literal region of the provider
   */
  readonly region?: string;
  /**
   * Tags of the endpoint (its `Name` tag is its construct path unless given here).
   * @default - the Name tag only
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A gateway VPC endpoint for S3 or DynamoDB: a route to the service's prefix
 * list in the given route tables, free of charge, with an endpoint policy.
 * Clients whose security groups restrict egress open it to the prefix list
 * with `client.connections.allowDefaultPortTo(endpoint, "why")` (HTTPS) or
 * `allowTo(endpoint, Port.tcp(80), "why")`: the endpoint has no groups, so
 * the rule goes on the client's only.
 *
 * Creates: aws_vpc_endpoint (type Gateway).
 */
export class GatewayEndpoint extends Construct implements IGatewayEndpoint, IConnectable {
  /** Describes a gateway endpoint made elsewhere, e.g. to order an S3 interface endpoint after it: its ID and service, checked. */
  public static fromGatewayEndpointAttributes(scope: Construct, id: string, attrs: GatewayEndpointAttributes): IGatewayEndpoint {
    return new ImportedGatewayEndpoint(scope, id, attrs);
  }

  /** @deprecated Use {@link GatewayEndpoint.fromGatewayEndpointAttributes}: the same attributes, and optionally `vpcId`. */
  public static fromAttributes(scope: Construct, id: string, attrs: GatewayEndpointAttributes): IGatewayEndpoint {
    return GatewayEndpoint.fromGatewayEndpointAttributes(scope, id, attrs);
  }

  /** The `aws_vpc_endpoint`, for escape hatches. */
  public readonly resource: VpcEndpoint;
  /** `vpce-…` */
  public readonly vpcEndpointId: string;
  /** S3 or DynamoDB. */
  public readonly service: AwsService;
  /** ID of the endpoint's VPC. */
  public readonly vpcId: string;
  /** `pl-…`: the managed prefix list of the service in the endpoint's region, the destination of its routes (the endpoint's `prefix_list_id`). */
  public readonly prefixListId: string;
  /**
   * The service's prefix list as a peer of client rules, default port 443:
   * `client.connections.allowDefaultPortTo(endpoint, "why")` adds the
   * client's egress rule to the prefix list (the endpoint has no security groups).
   */
  public readonly connections: Connections;

  constructor(scope: Construct, id: string, props: GatewayEndpointProps) {
    super(scope, id);
    requireProps(this, props, ["vpc", "service", "policy"]);
    checkKnownProps(this, props, GATEWAY_ENDPOINT_PROPS);
    checkGatewayService(this, "service", props.service);
    checkInstance(
      this,
      "policy",
      props.policy,
      (p): p is EndpointPolicy => p instanceof EndpointPolicy,
      "an EndpointPolicy preset (EndpointPolicy.s3Buckets(...), EndpointPolicy.dynamoDbTables(...), ...)",
    );
    const provider = vpcOwnerProviderOf(this, props, props.vpc, "VPC endpoints");
    const region = endpointRegion(this, props.region, provider);
    this.service = props.service;
    this.vpcId = props.vpc.vpcId;
    const serviceName = props.service.serviceName(this, "service", region, "Gateway");
    const routeTableIds = this.routeTableIds(props);
    this.resource = new VpcEndpoint(this, "Resource", {
      provider,
      vpcId: props.vpc.vpcId,
      vpcEndpointType: "Gateway",
      serviceName,
      routeTableIds,
      policy: props.policy.render(this, "policy", region, props.service.shortName, "Gateway"),
      tags: { Name: nameFromPath(this), ...checkTags(this, "tags", props.tags) },
    });
    // Claimed once every input is checked, so that a refused endpoint claims nothing.
    const routeTablesProp = props.routeTableIds !== undefined ? "routeTableIds" : props.subnets !== undefined ? "subnets" : "vpc.privateSubnets";
    claimRouteTables(this, routeTablesProp, routeTableIds, serviceName);
    const allowAll = props.policy.allowAllReason(this, "policy");
    if (allowAll !== undefined) recordOptOut(this.resource, RECORDED_OPT_OUTS.allowAllEndpointPolicy, allowAll);
    this.vpcEndpointId = this.resource.id;
    this.prefixListId = this.resource.prefixListId;
    this.connections = new Connections(this, { peer: Peer.prefixList(this.prefixListId, nameFromPath(this)), defaultPort: Port.tcp(443) });
  }

  private routeTableIds(props: GatewayEndpointProps): string[] {
    // Either one says where the route goes: with both, the subnets' tables would silently get no route.
    if (props.routeTableIds !== undefined && props.subnets !== undefined) {
      throw new ValidationError(
        this,
        "subnets",
        "subnets with routeTableIds",
        "either routeTableIds or subnets (whose route tables get the route), not both: add the subnets' route tables to routeTableIds",
      );
    }
    if (props.routeTableIds !== undefined) {
      const ids = checkList(this, "routeTableIds", props.routeTableIds) ?? [];
      if (!isUnresolved(ids) && ids.length === 0) {
        throw new ValidationError(this, "routeTableIds", [], "at least one route table: a gateway endpoint without routes carries no traffic");
      }
      ids.forEach((id, i) => checkResourceId(this, `routeTableIds[${i}]`, id, "routeTable"));
      checkDistinct(this, "routeTableIds", ids, (id) => id, "route table");
      return [...ids];
    }
    const prop = props.subnets === undefined ? "vpc.privateSubnets" : "subnets";
    const subnets = props.subnets === undefined ? defaultSubnetsOf(this, prop, props.vpc) : (checkList(this, prop, props.subnets) ?? []);
    checkInVpc(this, prop, subnets, props.vpc);
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
  public readonly vpcId?: string;

  constructor(scope: Construct, id: string, attrs: GatewayEndpointAttributes) {
    super(scope, id);
    checkObject(this, "attrs", attrs);
    requireProps(this, attrs, ["vpcEndpointId", "service"]);
    checkKnownProps(this, attrs, GATEWAY_ENDPOINT_ATTRIBUTES);
    checkResourceId(this, "vpcEndpointId", attrs.vpcEndpointId, "vpcEndpoint");
    checkResourceId(this, "vpcId", attrs.vpcId, "vpc");
    checkGatewayService(this, "service", attrs.service);
    this.vpcEndpointId = attrs.vpcEndpointId;
    this.service = attrs.service;
    this.vpcId = attrs.vpcId;
  }
}

/** The gateway endpoint that routes each route table to each service, in this app. */
const routeTableOwners = new AppRegistry<string, string>();

/** One gateway endpoint per service in a route table: AWS refuses a second route to the same prefix list. */
function claimRouteTables(endpoint: Construct, prop: string, routeTableIds: readonly string[], serviceName: string): void {
  for (const id of routeTableIds) {
    const first = routeTableOwners.claim(endpoint, `${id}|${serviceName}`, endpoint.node.path);
    if (first !== undefined)
      throw new ValidationError(
        endpoint,
        prop,
        isUnresolved(id) ? "a route table of the VPC" : id,
        `route tables no other gateway endpoint to ${serviceName} routes: ${first} already does, and AWS refuses a second route to the service's prefix list in one table`,
      );
  }
}

/** An AwsService that has gateway endpoints (JavaScript callers: not a short name string). */
function checkGatewayService(scope: Construct, prop: string, service: AwsService): void {
  checkInstance(scope, prop, service, (s): s is AwsService => s instanceof AwsService, "AwsService.S3 or AwsService.DYNAMODB");
  if (!service.hasGatewayEndpoint) {
    throw new ValidationError(
      scope,
      prop,
      service.shortName,
      "s3, dynamodb or s3express: no other service has a gateway endpoint (use an InterfaceEndpoint)",
    );
  }
}

const GATEWAY_ENDPOINT_PROPS: Record<keyof GatewayEndpointProps, true> = {
  vpc: true,
  service: true,
  policy: true,
  routeTableIds: true,
  subnets: true,
  region: true,
  tags: true,
  provider: true,
};

const GATEWAY_ENDPOINT_ATTRIBUTES: Record<keyof GatewayEndpointAttributes, true> = { vpcEndpointId: true, service: true, vpcId: true };
