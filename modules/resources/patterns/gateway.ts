import { TerraformProvider } from "../../core/cdktf";
import { Construct } from "constructs";
import { requireValue } from "../../core";
import { ISubnet, IVpc } from "../../vpc";
import { IResourceGateway, ResourceGateway } from "../resource-gateway";

/** How a pattern finds its resource gateway: one given, or one it makes in the owner VPC. */
export interface PatternGatewayProps {
  /** The VPC that owns the resources; a gateway is created in it unless `resourceGateway` is given. @default - none; required without resourceGateway */
  readonly vpc?: IVpc;
  /** @default - the VPC's private subnets */
  readonly subnets?: readonly ISubnet[];
  /** An existing gateway in the owner VPC, for example one that fronts every shared resource of the VPC. @default - a new gateway named `<name>-gw` */
  readonly resourceGateway?: IResourceGateway;
  /** @default - the VPC's provider */
  readonly provider?: TerraformProvider;
}

/** The given gateway, or a new one with id `Gateway`. */
export function patternGateway(scope: Construct, name: string, props: PatternGatewayProps): IResourceGateway {
  if (props.resourceGateway !== undefined) return props.resourceGateway;
  const vpc = requireValue(scope, "vpc", props.vpc, "the VPC that owns the resources, or a resourceGateway");
  return new ResourceGateway(scope, "Gateway", { name: `${name}-gw`, vpc, subnets: props.subnets, provider: props.provider });
}
