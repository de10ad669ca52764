import { TerraformProvider } from "../../core/cdktf";
import { Construct } from "constructs";
import { checkInstance, requireValue, ValidationError, checkProvider } from "../../core";
import { checkSameAccount, ISubnet, IVpc, sameVpc } from "../../vpc";
import { IResourceGateway, isResourceGateway, ResourceGateway } from "../resource-gateway";

/** How a pattern finds its resource gateway: one given, or one it makes in the owner VPC. */
export interface PatternGatewayProps {
  /** The VPC that owns the resources; a gateway is created in it unless `resourceGateway` is given. @default - none; required without resourceGateway */
  readonly vpc?: IVpc;
  /** The subnets of the gateway made here; not with `resourceGateway`, whose subnets are its own. @default - the VPC's private subnets */
  readonly subnets?: readonly ISubnet[];
  /** An existing gateway in the owner VPC, for example one that fronts every shared resource of the VPC. @default - a new gateway named `<name>-gw` */
  readonly resourceGateway?: IResourceGateway;
  /** The owner account's provider; with `resourceGateway`, the gateway's own. @default - the VPC's provider */
  readonly provider?: TerraformProvider;
}

/** The keys of {@link PatternGatewayProps}, for the props constants of the patterns that take them. @internal */
export const PATTERN_GATEWAY_PROPS: Record<keyof PatternGatewayProps, true> = {
  vpc: true,
  subnets: true,
  resourceGateway: true,
  provider: true,
};

/** The given gateway, or a new one with id `Gateway`. */
export function patternGateway(scope: Construct, name: string, props: PatternGatewayProps): IResourceGateway {
  checkProvider(scope, "provider", props.provider, "the owner account's");
  checkInstance(
    scope,
    "resourceGateway",
    props.resourceGateway,
    isResourceGateway,
    "new ResourceGateway(...) or ResourceGateway.fromResourceGatewayAttributes(...)",
  );
  if (props.resourceGateway !== undefined) return checkGivenGateway(scope, props, props.resourceGateway);
  const vpc = requireValue(scope, "vpc", props.vpc, "the VPC that owns the resources, or a resourceGateway");
  return new ResourceGateway(scope, "Gateway", { name: `${name}-gw`, vpc, subnets: props.subnets, provider: props.provider });
}

/**
 * A given gateway is used as it is: props that would shape a new one
 * (`subnets`), or that contradict it (another VPC, another provider), were
 * ignored before, leaving a gateway that is not where the caller asked.
 */
function checkGivenGateway(scope: Construct, props: PatternGatewayProps, gateway: IResourceGateway): IResourceGateway {
  if (props.subnets !== undefined)
    throw new ValidationError(scope, "subnets", props.subnets, "unset with resourceGateway: the given gateway's subnets are its own");
  const [given, own] = [props.vpc?.vpcId, gateway.vpc?.vpcId];
  if (sameVpc(scope, given, own) === false)
    throw new ValidationError(scope, "vpc", given, `the VPC of resourceGateway (${own}), or unset: the gateway fronts the resources of its own VPC`);
  // The pattern's resources are made with the gateway's provider: another account's would name a gateway AWS cannot find there.
  if (props.provider !== undefined) checkSameAccount(scope, props.provider, gateway);
  return gateway;
}
