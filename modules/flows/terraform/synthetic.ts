import { createHash } from "node:crypto";
import { cidrSubnet } from "../../core/addresses";
import { partitionOfRegion } from "../../core/formats";
import { TerraformBlock, TerraformDocument } from "./document";
import { TfValue, TraversalStep, Unknown } from "./expressions";

/**
 * Stable stand-ins for what AWS assigns at apply: `aws_vpc.main.id` becomes
 * `vpc-` plus 17 hex digits derived from the address, an ARN gets the
 * block's account, region and resource type. The same reference always
 * gives the same value, so a security-group rule that names a group, a
 * policy condition on a VPC ID and the VPC itself agree, and IAM policies
 * can be evaluated against well-formed ARNs.
 */

/** Account used in synthetic ARNs when the provider does not say which account it deploys to. */
export const UNKNOWN_ACCOUNT = "000000000000";

const ID_PREFIXES: Record<string, string> = {
  aws_vpc: "vpc-",
  aws_subnet: "subnet-",
  aws_security_group: "sg-",
  aws_default_security_group: "sg-",
  aws_route_table: "rtb-",
  aws_internet_gateway: "igw-",
  aws_egress_only_internet_gateway: "eigw-",
  aws_nat_gateway: "nat-",
  aws_vpc_endpoint: "vpce-",
  aws_vpc_endpoint_service: "vpce-svc-",
  aws_vpc_peering_connection: "pcx-",
  aws_ec2_transit_gateway: "tgw-",
  aws_ec2_transit_gateway_vpc_attachment: "tgw-attach-",
  aws_ec2_transit_gateway_route_table: "tgw-rtb-",
  aws_ec2_managed_prefix_list: "pl-",
  aws_network_interface: "eni-",
  aws_instance: "i-",
  aws_vpclattice_service: "svc-",
  aws_vpclattice_service_network: "sn-",
  aws_vpclattice_target_group: "tg-",
  aws_vpclattice_resource_gateway: "rgw-",
  aws_vpclattice_resource_configuration: "rcfg-",
  aws_vpclattice_service_network_vpc_association: "snva-",
  aws_vpclattice_service_network_service_association: "snsa-",
  aws_vpclattice_service_network_resource_association: "snra-",
  aws_vpc_security_group_ingress_rule: "sgr-",
  aws_vpc_security_group_egress_rule: "sgr-",
  aws_flow_log: "fl-",
};

/** ARN resource parts by type (`{id}` and `{name}` replaced); ELB and RAM ARNs are built separately. */
const ARN_FORMATS: Record<string, { readonly service: string; readonly resource: string; readonly global?: boolean }> = {
  aws_vpc: { service: "ec2", resource: "vpc/{id}" },
  aws_subnet: { service: "ec2", resource: "subnet/{id}" },
  aws_security_group: { service: "ec2", resource: "security-group/{id}" },
  aws_vpc_endpoint: { service: "ec2", resource: "vpc-endpoint/{id}" },
  aws_vpc_endpoint_service: { service: "ec2", resource: "vpc-endpoint-service/{id}" },
  aws_ec2_transit_gateway: { service: "ec2", resource: "transit-gateway/{id}" },
  aws_ec2_managed_prefix_list: { service: "ec2", resource: "prefix-list/{id}" },
  aws_vpclattice_service: { service: "vpc-lattice", resource: "service/{id}" },
  aws_vpclattice_service_network: { service: "vpc-lattice", resource: "servicenetwork/{id}" },
  aws_vpclattice_target_group: { service: "vpc-lattice", resource: "targetgroup/{id}" },
  aws_vpclattice_resource_gateway: { service: "vpc-lattice", resource: "resourcegateway/{id}" },
  aws_vpclattice_resource_configuration: { service: "vpc-lattice", resource: "resourceconfiguration/{id}" },
  aws_vpclattice_service_network_vpc_association: { service: "vpc-lattice", resource: "servicenetworkvpcassociation/{id}" },
  aws_vpclattice_service_network_service_association: { service: "vpc-lattice", resource: "servicenetworkserviceassociation/{id}" },
  aws_vpclattice_service_network_resource_association: { service: "vpc-lattice", resource: "servicenetworkresourceassociation/{id}" },
  aws_cloudwatch_log_group: { service: "logs", resource: "log-group:{name}" },
  aws_s3_bucket: { service: "s3", resource: "{name}", global: true },
  aws_sns_topic: { service: "sns", resource: "{name}" },
  aws_kms_key: { service: "kms", resource: "key/{uuid}" },
  aws_lambda_function: { service: "lambda", resource: "function:{name}" },
  aws_iam_role: { service: "iam", resource: "role/{name}", global: true },
  aws_route53_zone: { service: "route53", resource: "hostedzone/{zone}", global: true },
  aws_acm_certificate: { service: "acm", resource: "certificate/{uuid}" },
};

/** The hex digest of a block's address: the seed of every synthetic value of the block. */
function digest(block: TerraformBlock, salt = ""): string {
  return createHash("sha1").update(`${block.address}${salt}`).digest("hex");
}

function uuidOf(block: TerraformBlock): string {
  const h = digest(block, "uuid");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The synthetic `id` of a block (`vpc-0a1b...`), also used inside its ARN. */
export function syntheticId(block: TerraformBlock): string {
  const prefix = ID_PREFIXES[block.type];
  if (prefix === undefined) return `${block.type.replace(/^aws_/, "")}-${digest(block).slice(0, 17)}`;
  return `${prefix}${digest(block).slice(0, 17)}`;
}

/** The synthetic Route 53 zone ID of a hosted zone (`Z` and 20 upper-case letters and digits). */
function zoneId(block: TerraformBlock): string {
  return `Z${digest(block, "zone").slice(0, 20).toUpperCase()}`;
}

/** The account and region a block deploys to, as ARNs need them. */
export function placementOf(block: TerraformBlock, document: TerraformDocument): { account: string; region: string; partition: string } {
  const provider = document.providerOf(block);
  const region = provider.region ?? "us-east-1";
  return { account: provider.accountId ?? UNKNOWN_ACCOUNT, region, partition: partitionOfRegion(region) };
}

function nameOf(block: TerraformBlock, document: TerraformDocument): string {
  const name = document.value(block, "name");
  return typeof name === "string"
    ? name
    : block.name
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, "-")
        .slice(0, 32);
}

/** The synthetic ARN of a block; undefined for types whose ARN the analysis never needs. */
export function syntheticArn(block: TerraformBlock, document: TerraformDocument): string | undefined {
  const { account, region, partition } = placementOf(block, document);
  if (block.type === "aws_lb") {
    const kind = document.value(block, "load_balancer_type");
    const short = kind === "network" ? "net" : kind === "gateway" ? "gwy" : "app";
    return `arn:${partition}:elasticloadbalancing:${region}:${account}:loadbalancer/${short}/${nameOf(block, document).slice(0, 32)}/${digest(block).slice(0, 16)}`;
  }
  if (block.type === "aws_lb_target_group") {
    return `arn:${partition}:elasticloadbalancing:${region}:${account}:targetgroup/${nameOf(block, document).slice(0, 32)}/${digest(block).slice(0, 16)}`;
  }
  if (block.type === "aws_lb_listener")
    return `arn:${partition}:elasticloadbalancing:${region}:${account}:listener/net/${digest(block).slice(0, 16)}`;
  if (block.type === "aws_ram_resource_share") return `arn:${partition}:ram:${region}:${account}:resource-share/${uuidOf(block)}`;
  if (block.type === "aws_vpclattice_listener") {
    return `arn:${partition}:vpc-lattice:${region}:${account}:service/${syntheticId(block)}/listener/listener-${digest(block).slice(0, 17)}`;
  }
  const format = ARN_FORMATS[block.type];
  if (format === undefined) return undefined;
  const resource = format.resource
    .replace("{id}", syntheticId(block))
    .replace("{name}", nameOf(block, document))
    .replace("{uuid}", uuidOf(block))
    .replace("{zone}", zoneId(block));
  return format.global
    ? `arn:${partition}:${format.service}:::${resource}`.replace(":iam:::", `:iam::${account}:`)
    : `arn:${partition}:${format.service}:${region}:${account}:${resource}`;
}

/**
 * The {@link SyntheticAttributes} of the AWS provider's resources: IDs, ARNs,
 * service names, DNS entries and Amazon-provided IPv6 blocks.
 */
export function awsSyntheticAttributes(block: TerraformBlock, steps: readonly TraversalStep[], document: TerraformDocument): TfValue {
  const [attribute, ...rest] = steps;
  const { region } = placementOf(block, document);
  const value = ((): TfValue | undefined => {
    switch (attribute) {
      case undefined:
        return undefined;
      case "id":
        if (block.type === "aws_route53_zone") return zoneId(block);
        if (["aws_lb", "aws_lb_target_group", "aws_lb_listener", "aws_ram_resource_share"].includes(block.type)) return syntheticArn(block, document);
        if (block.type === "aws_cloudwatch_log_group") return nameOf(block, document);
        return syntheticId(block);
      case "arn":
        return syntheticArn(block, document);
      case "zone_id":
        return block.type === "aws_route53_zone" ? zoneId(block) : `Z${digest(block, "lbzone").slice(0, 13).toUpperCase()}`;
      case "listener_id":
        return `listener-${digest(block).slice(0, 17)}`;
      case "service_name":
        return block.type === "aws_vpc_endpoint_service" ? `com.amazonaws.vpce.${region}.${syntheticId(block)}` : undefined;
      case "owner_id":
        return placementOf(block, document).account;
      case "ipv6_cidr_block":
        // Amazon-provided blocks are /56s from 2600:1f00::/24; the digest picks a stable one.
        return block.type === "aws_vpc" && document.value(block, "assign_generated_ipv6_cidr_block") === true
          ? (cidrSubnet("2600:1f00::/24", 32, parseInt(digest(block, "v6").slice(0, 8), 16)) ?? undefined)
          : undefined;
      case "dns_name":
        // Only internal load balancers' names start with internal- (internal defaults to false).
        return block.type === "aws_lb"
          ? `${document.value(block, "internal") === true ? "internal-" : ""}${nameOf(block, document)}-${digest(block).slice(0, 10)}.elb.${region}.amazonaws.com`
          : undefined;
      case "dns_entry":
        return dnsEntries(block, document, region);
      case "main_route_table_id":
        return `rtb-${digest(block, "main").slice(0, 17)}`;
      case "default_security_group_id":
        return `sg-${digest(block, "default").slice(0, 17)}`;
      default:
        return undefined;
    }
  })();
  if (value === undefined) return new Unknown(`${block.address}.${steps.join(".")}`);
  return rest.reduce<TfValue>((current, step) => {
    if (Array.isArray(current)) return typeof step === "number" ? ((current as TfValue[])[step] ?? null) : null;
    if (current !== null && typeof current === "object" && !(current instanceof Unknown))
      return (current as Record<string, TfValue>)[String(step)] ?? null;
    return current;
  }, value);
}

/** The DNS names AWS gives an endpoint or a Lattice service, in the provider's `dns_entry` shape. */
function dnsEntries(block: TerraformBlock, document: TerraformDocument, region: string): TfValue | undefined {
  const id = syntheticId(block);
  if (block.type === "aws_vpclattice_service") {
    return [
      {
        domain_name: `${nameOf(block, document)}-${id.slice(4, 13)}.${digest(block, "dns").slice(0, 7)}.vpc-lattice-svcs.${region}.on.aws`,
        hosted_zone_id: `Z${digest(block, "lz").slice(0, 13).toUpperCase()}`,
      },
    ];
  }
  if (block.type === "aws_vpclattice_service_network_resource_association") {
    // What clients of the network's VPCs dial for the configuration's resource: snra-….rcfg-….<hash>.vpc-lattice-rsc.<region>.on.aws
    const configuration = document.value(block, "resource_configuration_identifier");
    const rcfg = typeof configuration === "string" ? (/rcfg-[0-9a-z]+/.exec(configuration)?.[0] ?? "rcfg") : "rcfg";
    return [
      {
        domain_name: `${id}.${rcfg}.${digest(block, "dns").slice(0, 7)}.vpc-lattice-rsc.${region}.on.aws`,
        hosted_zone_id: `Z${digest(block, "rz").slice(0, 13).toUpperCase()}`,
      },
    ];
  }
  if (block.type !== "aws_vpc_endpoint") return undefined;
  const service = document.value(block, "service_name");
  // com.amazonaws.us-east-1.logs -> logs.us-east-1; com.amazonaws.vpce.us-east-1.vpce-svc-0a1b -> vpce-svc-0a1b.us-east-1
  const [serviceRegion, ...serviceParts] =
    typeof service === "string" ? service.replace(/^(cn\.)?com\.amazonaws\.(vpce\.)?/, "").split(".") : [region, "vpce-svc"];
  const tail = `${serviceParts.join(".")}.${serviceRegion}`;
  const suffix = `${digest(block, "dns").slice(0, 8)}`;
  const zone = `Z${digest(block, "ez").slice(0, 13).toUpperCase()}`;
  const regional = { dns_name: `${id}-${suffix}.${tail}.vpce.amazonaws.com`, hosted_zone_id: zone };
  return [regional];
}
