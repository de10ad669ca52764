import { isUnknown, StackModel, TfBlock } from "../../model";

/** Terraform's default when `vpc_endpoint_type` is absent. */
const DEFAULT_ENDPOINT_TYPE = "Gateway";

export function endpointType(endpoint: TfBlock): unknown {
  return endpoint.config.vpc_endpoint_type ?? DEFAULT_ENDPOINT_TYPE;
}

/** True for a literal service name of a service AWS operates (not a `vpce-svc` endpoint service). */
export function isAwsServiceName(serviceName: unknown): serviceName is string {
  return typeof serviceName === "string" && !isUnknown(serviceName) && /^(cn\.)?com\.amazonaws\.(?!vpce\.)[a-z0-9-]+\.[a-z0-9.-]+$/.test(serviceName);
}

/** The endpoint's policy documents: inline, and from `aws_vpc_endpoint_policy` resources that target it. */
export function endpointPolicies(endpoint: TfBlock, stack: StackModel): unknown[] {
  const separate = stack
    .resources("aws_vpc_endpoint_policy")
    .filter((p) => stack.refersTo(p.config.vpc_endpoint_id, endpoint))
    .map((p) => p.config.policy);
  return endpoint.config.policy === undefined ? separate : [endpoint.config.policy, ...separate];
}
