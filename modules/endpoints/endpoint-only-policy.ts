import { IConstruct } from "constructs";
import {
  AwsResourceProps,
  checkArn,
  checkItemCount,
  checkList,
  checkOneOf,
  checkResourceId,
  isUnresolved,
  literalRegionOf,
  partitionOfRegion,
  PolicyPrincipal,
  PolicyStatement,
  ValidationError,
} from "../core";
import { AwsService } from "./aws-service";
import { IVpcEndpoint } from "./endpoint-base";
import { checkDistinct } from "./endpoint-policy";
import { InterfaceEndpoint } from "./interface-endpoint";

/**
 * What a resource policy that admits requests through VPC endpoints only
 * takes (EndpointOnlyBucketPolicy, EndpointOnlyTablePolicy): the endpoints,
 * the roles that apply the configuration, and the exempt roles.
 */
export interface EndpointOnlyPolicyProps extends AwsResourceProps {
  /** The only endpoints requests may come through: endpoints (gateway or interface) of the resource's service. */
  readonly endpoints: readonly IVpcEndpoint[];
  /**
   * The roles that apply this configuration (the deployment pipeline).
   * Terraform reads and writes the resource and its policy from outside the
   * VPC on every plan and apply, so these roles keep the management
   * actions from anywhere; not access to the data.
   */
  readonly deploymentRoleArns: readonly string[];
  /**
   * Roles that keep all access from anywhere, data included (break-glass
   * administrators).
   * @default - none: only requests through the endpoints reach the data
   */
  readonly exemptRoleArns?: readonly string[];
  /**
   * Partition of the resource's ARN and the roles.
   * @default - the partition of the provider's literal region, else "aws"
   */
  readonly partition?: "aws" | "aws-cn" | "aws-us-gov";
}

/** The props of an endpoint-only policy, checked: the partition it is written in. */
export interface CheckedEndpointOnlyPolicy {
  readonly partition: string;
  /** The deployment roles, with the exempt ones: who keeps the management actions from outside the endpoints. */
  readonly managers: readonly string[];
  readonly exempt: readonly string[];
}

/**
 * Checks the shared props: the partition against the provider's region, at
 * least one endpoint, each once and each of the service (`serviceNames`,
 * AwsService short names such as s3, dynamodb), deployment roles (at least
 * one: the pipeline would lock itself out) and exempt roles as role ARNs.
 */
export function checkEndpointOnlyPolicy(
  scope: IConstruct,
  props: EndpointOnlyPolicyProps,
  serviceNames: readonly string[],
  resource: string,
): CheckedEndpointOnlyPolicy {
  checkOneOf(scope, "partition", props.partition, ["aws", "aws-cn", "aws-us-gov"]);
  const region = literalRegionOf(scope, props.provider);
  const regionPartition = region === undefined ? undefined : partitionOfRegion(region);
  if (props.partition !== undefined && regionPartition !== undefined && props.partition !== regionPartition) {
    throw new ValidationError(
      scope,
      "partition",
      props.partition,
      `${regionPartition}, the partition of the provider's region ${region} (or leave partition out): a ${resource} ARN of ${props.partition} names no ${resource} there, so its Denies would protect nothing`,
    );
  }
  const partition = props.partition ?? regionPartition ?? "aws";
  const endpoints = checkList(scope, "endpoints", props.endpoints) ?? [];
  checkItemCount(scope, "endpoints", endpoints, 1);
  endpoints.forEach((endpoint, i) => checkResourceId(scope, `endpoints[${i}].vpcEndpointId`, endpoint.vpcEndpointId, "vpcEndpoint"));
  endpoints.forEach((endpoint, i) => checkServiceEndpoint(scope, `endpoints[${i}]`, endpoint, serviceNames, resource));
  checkDistinct(scope, "endpoints", endpoints, (e) => e.vpcEndpointId, "endpoint");
  const deploymentRoleArns = checkList(scope, "deploymentRoleArns", props.deploymentRoleArns) ?? [];
  if (!isUnresolved(deploymentRoleArns) && deploymentRoleArns.length === 0) {
    throw new ValidationError(
      scope,
      "deploymentRoleArns",
      props.deploymentRoleArns,
      `the role(s) that apply this configuration: Terraform manages the ${resource}'s policy from outside the VPC and would lock itself out`,
    );
  }
  for (const prop of ["deploymentRoleArns", "exemptRoleArns"] as const) {
    const arns = checkList(scope, prop, props[prop]) ?? [];
    arns.forEach((arn, i) => checkArn(scope, `${prop}[${i}]`, arn, "iamPrincipal", { partition }));
    checkDistinct(scope, prop, arns, (arn) => arn, "role");
  }
  const exempt = props.exemptRoleArns ?? [];
  return { partition, exempt, managers: [...exempt, ...props.deploymentRoleArns] };
}

/** A Deny of `actions` on `resources` to every request that comes through none of the endpoints, but from the roles of `exceptFor`. */
export function onlyThroughEndpoints(
  sid: string,
  endpoints: readonly IVpcEndpoint[],
  actions: readonly string[],
  resources: readonly string[],
  exceptFor: readonly string[],
): PolicyStatement {
  return new PolicyStatement({
    sid,
    effect: "Deny",
    principals: [PolicyPrincipal.anyone()],
    actions: [...actions],
    resources: [...resources],
    conditions: {
      StringNotEquals: { "aws:SourceVpce": endpoints.map((e) => e.vpcEndpointId) },
      ...(exceptFor.length === 0 ? {} : { ArnNotLike: { "aws:PrincipalArn": [...exceptFor] } }),
    },
  });
}

/**
 * Fails when an endpoint is not one of the service's (a DynamoDB gateway
 * endpoint for a bucket, a logs interface endpoint): no request to the
 * resource comes through it, so the resource would be reachable through none.
 */
function checkServiceEndpoint(scope: IConstruct, prop: string, endpoint: IVpcEndpoint, serviceNames: readonly string[], resource: string): void {
  // Gateway endpoints, made here or imported, name their AwsService; an interface endpoint its service name.
  const aws = (endpoint as { readonly service?: unknown }).service;
  const service =
    aws instanceof AwsService
      ? aws.shortName
      : endpoint instanceof InterfaceEndpoint && !isUnresolved(endpoint.serviceName)
        ? /^(?:cn\.)?com\.amazonaws\.[a-z0-9-]+\.([a-z0-9.-]+)$/.exec(endpoint.serviceName)?.[1]
        : undefined;
  if (service === undefined || serviceNames.includes(service)) return;
  throw new ValidationError(
    scope,
    prop,
    endpoint instanceof InterfaceEndpoint ? endpoint.serviceName : service,
    `${serviceNames[0] === "s3" ? "an S3" : `a ${serviceNames[0]}`} endpoint (gateway or interface): requests to the ${resource} never come through an endpoint of another service, so the ${resource} would be reachable through none`,
  );
}
