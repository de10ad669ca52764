import { isUnknown, literalList, StackModel, TfBlock } from "../../model";

/** Terraform's default when `vpc_endpoint_type` is absent. */
const DEFAULT_ENDPOINT_TYPE = "Gateway";

export function endpointType(endpoint: TfBlock): unknown {
  return endpoint.config.vpc_endpoint_type ?? DEFAULT_ENDPOINT_TYPE;
}

/** Whether an endpoint places network interfaces, guarded by security groups: a literal Interface, Resource or ServiceNetwork type. */
export function hasNetworkInterfaces(endpoint: TfBlock): boolean {
  const type = endpointType(endpoint);
  return !isUnknown(type) && ["Interface", "Resource", "ServiceNetwork"].includes(type as string);
}

/** The endpoint's security groups as written: its security_group_ids and those of aws_vpc_endpoint_security_group_association resources; undefined when only Terraform knows the list. */
export function endpointSecurityGroupIds(endpoint: TfBlock, stack: StackModel): unknown[] | undefined {
  const own = literalList(endpoint.config.security_group_ids);
  if (own === undefined) return undefined;
  const associated = stack
    .resources("aws_vpc_endpoint_security_group_association")
    .filter((a) => stack.refersTo(a.config.vpc_endpoint_id, endpoint))
    .map((a) => a.config.security_group_id);
  return [...own, ...associated];
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
