import { IConstruct } from "constructs";
import { ValidationError } from "./errors";
import { isUnresolved } from "./tokens";

/**
 * Resource IDs by kind (`vpc-`, `subnet-`, `sg-`, `vpce-svc-` ...): one
 * table, so that every importer and ID prop checks the format and the
 * resource type the same way, and a subnet ID given for a VPC, or a
 * Lattice service ID for an endpoint service, fails at synth.
 */
/** What one kind of resource ID looks like. */
export interface ResourceIdSpec {
  /** For errors: "a VPC ID". */
  readonly name: string;
  /** The format AWS gives IDs of this kind. */
  readonly pattern: RegExp;
  /** A well-formed example. */
  readonly example: string;
}

/** A kind of resource ID. */
export type ResourceIdKind =
  | "vpc"
  | "subnet"
  | "securityGroup"
  | "routeTable"
  | "prefixList"
  | "vpcEndpoint"
  | "endpointService"
  | "transitGateway"
  | "transitGatewayRouteTable"
  | "instance"
  | "hostedZone"
  | "serviceNetwork"
  | "serviceNetworkVpcAssociation"
  | "latticeService"
  | "latticeTargetGroup"
  | "resourceGateway"
  | "resourceConfiguration";

/** The formats of resource IDs by kind. */
export const RESOURCE_ID_KINDS: Readonly<Record<ResourceIdKind, ResourceIdSpec>> = {
  vpc: { name: "a VPC ID", pattern: /^vpc-[0-9a-f]{8}([0-9a-f]{9})?$/, example: "vpc-0123456789abcdef0" },
  subnet: { name: "a subnet ID", pattern: /^subnet-[0-9a-f]{8}([0-9a-f]{9})?$/, example: "subnet-0123456789abcdef0" },
  securityGroup: { name: "a security group ID", pattern: /^sg-[0-9a-f]{8}([0-9a-f]{9})?$/, example: "sg-0123456789abcdef0" },
  routeTable: { name: "a route table ID", pattern: /^rtb-[0-9a-f]{8}([0-9a-f]{9})?$/, example: "rtb-0123456789abcdef0" },
  prefixList: { name: "a managed prefix list ID", pattern: /^pl-[0-9a-f]{8}([0-9a-f]{9})?$/, example: "pl-0123456789abcdef0" },
  vpcEndpoint: { name: "a VPC endpoint ID", pattern: /^vpce-[0-9a-f]{8}([0-9a-f]{9})?$/, example: "vpce-0123456789abcdef0" },
  endpointService: { name: "an endpoint service ID", pattern: /^vpce-svc-[0-9a-f]{8}([0-9a-f]{9})?$/, example: "vpce-svc-0123456789abcdef0" },
  transitGateway: { name: "a transit gateway ID", pattern: /^tgw-[0-9a-f]{8}([0-9a-f]{9})?$/, example: "tgw-0123456789abcdef0" },
  transitGatewayRouteTable: {
    name: "a transit gateway route table ID",
    pattern: /^tgw-rtb-[0-9a-f]{8}([0-9a-f]{9})?$/,
    example: "tgw-rtb-0123456789abcdef0",
  },
  instance: { name: "an EC2 instance ID", pattern: /^i-[0-9a-f]{8}([0-9a-f]{9})?$/, example: "i-0123456789abcdef0" },
  hostedZone: { name: "a Route 53 hosted zone ID", pattern: /^Z[0-9A-Z]{1,31}$/, example: "Z0123456789ABCDEFGHIJ" },
  serviceNetwork: { name: "a VPC Lattice service network ID", pattern: /^sn-[0-9a-z]{17}$/, example: "sn-0123456789abcdef0" },
  serviceNetworkVpcAssociation: {
    name: "a service network VPC association ID",
    pattern: /^snva-[0-9a-z]{17}$/,
    example: "snva-0123456789abcdef0",
  },
  latticeService: { name: "a VPC Lattice service ID", pattern: /^svc-[0-9a-z]{17}$/, example: "svc-0123456789abcdef0" },
  latticeTargetGroup: { name: "a VPC Lattice target group ID", pattern: /^tg-[0-9a-z]{17}$/, example: "tg-0123456789abcdef0" },
  resourceGateway: { name: "a VPC Lattice resource gateway ID", pattern: /^rgw-[0-9a-z]{17}$/, example: "rgw-0123456789abcdef0" },
  resourceConfiguration: { name: "a VPC Lattice resource configuration ID", pattern: /^rcfg-[0-9a-z]{17}$/, example: "rcfg-0123456789abcdef0" },
};

/** The kind of a literal ID, when it is one of the table's. */
export function resourceIdKindOf(value: string): ResourceIdKind | undefined {
  return (Object.keys(RESOURCE_ID_KINDS) as ResourceIdKind[]).find((kind) => RESOURCE_ID_KINDS[kind].pattern.test(value));
}

/**
 * Fails unless `value` is an ID of `kind`; when it is an ID of another kind,
 * the error says which (a subnet ID where a VPC ID belongs). Unresolved
 * tokens are skipped: only Terraform knows them.
 */
export function checkResourceId(scope: IConstruct | string, prop: string, value: string | undefined, kind: ResourceIdKind): void {
  if (value === undefined || isUnresolved(value)) return;
  const spec = RESOURCE_ID_KINDS[kind];
  if (typeof value === "string" && spec.pattern.test(value)) return;
  const other = typeof value === "string" ? resourceIdKindOf(value) : undefined;
  const hint = other === undefined ? "" : ` (this is ${RESOURCE_ID_KINDS[other].name})`;
  throw new ValidationError(scope, prop, value, `${spec.name} such as ${spec.example}${hint}`);
}
