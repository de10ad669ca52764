import { isAnyAddressCidr } from "../../core/addresses";
import { ModelEntity, RouteEntry, RouteTableEntity, SecurityGroupEntity, SubnetEntity, VpcEntity } from "../model/entities";
import { NetworkModel } from "../model/network-model";
import { FlowDestinationSpec } from "../spec";

/** The caller as the policies see it. */
export interface ResolvedPrincipal {
  /** The ARN policies match `Principal` against, or `anonymous`. */
  readonly arn: string;
  /** The caller's account. @default - unknown */
  readonly account?: string;
  /** `aws:PrincipalOrgID`. @default - none */
  readonly organizationId?: string;
  /** `aws:PrincipalOrgPaths`. */
  readonly organizationPaths: readonly string[];
  /** Unsigned requests. */
  readonly anonymous: boolean;
}

/** Where the flow starts, looked up in the model. */
export interface ResolvedSource {
  /** vpc: a client in a VPC of the model; onPremises: a network entering `vpc`; internet: the public internet. */
  readonly kind: "vpc" | "onPremises" | "internet";
  /** For messages: `VPC ClientVpc`, `10.50.0.0/16 (on premises, through VPC X)`. */
  readonly label: string;
  /** The VPC the client is in, or the one on-premises traffic enters. @default - none (internet) */
  readonly vpc?: VpcEntity;
  /** The subnets judged (the given one, else all of the VPC's); empty when the model does not know them. */
  readonly subnets: readonly SubnetEntity[];
  /** The client's addresses in the flow's family; empty when unknown. */
  readonly cidrs: readonly string[];
  /** The client's security group. @default - none: egress assumed open */
  readonly securityGroup?: SecurityGroupEntity;
  /** Account that owns the VPC. @default - unknown */
  readonly account?: string;
  /** Provider configuration of the VPC. @default - none */
  readonly provider?: string;
  /** The caller. @default - unknown principal */
  readonly principal?: ResolvedPrincipal;
  /** ipv4 or ipv6. */
  readonly family: "ipv4" | "ipv6";
}

/** Everything one flow evaluation needs. */
export interface FlowContext {
  /** The model of the stack. */
  readonly model: NetworkModel;
  /** The resolved source. */
  readonly source: ResolvedSource;
  /** The destination as asked. */
  readonly destination: FlowDestinationSpec;
  /** The destination port (443 unless given). */
  readonly port: number;
  /** tcp or udp. */
  readonly protocol: "tcp" | "udp";
}

/** A subnet's route table, and its route for every address (`0.0.0.0/0`, `::/0`) when it goes to an internet or NAT gateway. */
export function internetRouteOf(
  model: NetworkModel,
  subnet: SubnetEntity,
  kinds: readonly RouteEntry["kind"][] = ["internetGateway", "natGateway"],
): { readonly table?: RouteTableEntity; readonly route?: RouteEntry } {
  const table = subnet.routeTableId === undefined ? undefined : model.routeTable(subnet.routeTableId);
  return { table, route: table?.routes.find((r) => kinds.includes(r.kind) && isAnyAddressCidr(r.destination)) };
}

/** The reason a resource records for one of the library's opt-outs (`//.opt_outs.<name>`), or undefined when it records none. */
export function recordedOptOut(entity: ModelEntity, name: string): string | undefined {
  const reason = (entity.block?.comment.opt_outs as Record<string, unknown> | undefined)?.[name];
  return typeof reason === "string" ? reason : undefined;
}

/** A construct path made readable: no stack name, no trailing `Resource`. */
export function labelOf(entity: ModelEntity): string {
  if (entity.address.startsWith("external:")) return entity.address.slice("external:".length);
  const segments = entity.path.split("/").slice(1);
  if (segments.length > 1 && segments[segments.length - 1] === "Resource") segments.pop();
  return segments.join("/") || entity.address;
}

/** `VPC ClientVpc`, with the account when the VPC is not the default provider's. */
export function vpcLabel(vpc: VpcEntity | undefined, model: NetworkModel): string {
  if (vpc === undefined) return "an unknown VPC";
  const account = model.accountOf(vpc.provider);
  const owner = vpc.provider === "aws" ? "" : ` (account ${account ?? vpc.provider.replace(/^aws\./, "")})`;
  return `VPC ${vpc.external ? vpc.id : labelOf(vpc)}${owner}`;
}
