import { TerraformProvider, TerraformStack } from "./cdktf";
import { IConstruct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { ValidationError } from "./errors";
import { resourceIdKindOf } from "./identifiers";
import { isUnresolved } from "./tokens";
import { checkRegion } from "./validation";

/**
 * The region endpoints are created in, known at synth so that AWS service
 * names are literals: the explicit prop, else the literal region of the
 * provider in use (the given one, else the stack's default AWS provider).
 * No `aws_region` data source: it would make every service name unknown
 * until plan.
 */
export function resolveRegion(scope: IConstruct, explicit: string | undefined, provider: TerraformProvider | undefined): string {
  checkRegion(scope, "region", explicit);
  const region = explicit ?? regionOfProvider(provider ?? defaultAwsProvider(scope));
  if (region === undefined) {
    throw new ValidationError(scope, "region", undefined, "a region: set the region prop, or give the AWS provider a literal region");
  }
  checkRegion(scope, "region", region);
  return region;
}

/**
 * The literal region of the AWS provider resources of `scope` are created
 * with (the given one, else the stack's default AWS provider), for checks
 * that compare literals with it (AZs, ARNs); undefined when the provider has
 * no literal region or there is none.
 */
export function literalRegionOf(scope: IConstruct, provider: TerraformProvider | undefined): string | undefined {
  const region = regionOfProvider(provider ?? defaultAwsProvider(scope));
  return region === undefined || isUnresolved(region) ? undefined : region;
}

/**
 * The account resources of `scope` are created in, when its AWS provider
 * (the given one, else the stack's default) allows exactly one literal
 * account (`allowed_account_ids`), for checks of ARNs that must be of that
 * account (a Lambda function registered in a target group); undefined otherwise.
 */
export function literalAccountOf(scope: IConstruct, provider: TerraformProvider | undefined): string | undefined {
  const aws = provider ?? defaultAwsProvider(scope);
  const accounts = aws instanceof AwsProvider ? aws.allowedAccountIds : undefined;
  if (accounts === undefined || isUnresolved(accounts) || accounts.length !== 1 || isUnresolved(accounts[0])) return undefined;
  return accounts[0];
}

function regionOfProvider(provider: TerraformProvider | undefined): string | undefined {
  return provider instanceof AwsProvider ? provider.region : undefined;
}

function defaultAwsProvider(scope: IConstruct): TerraformProvider | undefined {
  return TerraformStack.of(scope)
    .node.children.filter((child): child is AwsProvider => child instanceof AwsProvider)
    .find((provider) => provider.alias === undefined);
}

/** The home region an endpoint service's name carries (`com.amazonaws.vpce.<region>.vpce-svc-…`); undefined for a name only Terraform knows, or of another form. */
export function regionOfEndpointServiceName(serviceName: string): string | undefined {
  return isUnresolved(serviceName) ? undefined : /^com\.amazonaws\.vpce\.([a-z0-9-]+)\.vpce-svc-/.exec(serviceName)?.[1];
}

/**
 * Fails unless `serviceName` (a literal) is a PrivateLink endpoint service's
 * name, `com.amazonaws.vpce.<region>.vpce-svc-…`: AWS finds no service by
 * its ID or by another name, and refuses the endpoint at apply.
 */
export function checkEndpointServiceName(scope: IConstruct, prop: string, serviceName: string): void {
  if (isUnresolved(serviceName)) return;
  const id = typeof serviceName === "string" ? serviceName.split(".").pop() : undefined;
  if (regionOfEndpointServiceName(serviceName) !== undefined && id !== undefined && resourceIdKindOf(id) === "endpointService") return;
  const hint =
    typeof serviceName === "string" && resourceIdKindOf(serviceName) === "endpointService"
      ? " (this is the service's ID; its name starts with com.amazonaws.vpce.<region>.)"
      : "";
  throw new ValidationError(
    scope,
    prop,
    serviceName,
    `an endpoint service name such as com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0${hint}`,
  );
}

/**
 * Fails when `serviceRegion` (a literal) is not the home region the
 * service's name carries: AWS finds the service only in its home region.
 */
export function checkServiceRegionOfName(scope: IConstruct, serviceRegion: string | undefined, serviceName: string): void {
  const home = regionOfEndpointServiceName(serviceName);
  if (home === undefined || serviceRegion === undefined || isUnresolved(serviceRegion) || serviceRegion === home) return;
  throw new ValidationError(
    scope,
    "serviceRegion",
    serviceRegion,
    `the service's home region ${home}, which its name ${serviceName} carries (or unset)`,
  );
}
