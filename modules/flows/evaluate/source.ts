import { isIpv4Cidr, isIpv6Cidr, isNetworkCidr } from "../../core/addresses";
import { ValidationError } from "../../core/errors";
import { parseArn } from "../../core/arns";
import { closestMatch, isDnsName } from "../../core/formats";
import { checkResourceId } from "../../core/identifiers";
import { SecurityGroupEntity, VpcEntity } from "../model/entities";
import { NetworkModel } from "../model/network-model";
import { FlowPrincipal, FlowSourceSpec, ImportedSubnetSpec, ImportedVpcSpec } from "../spec";
import { ResolvedPrincipal, ResolvedSource, vpcLabel } from "./context";

/** Bad input to a flow question: the project's one error type, naming the stack, the part of the question, the value and what was expected. */
export function questionError(model: NetworkModel, part: string, received: unknown, expected: string): ValidationError {
  return new ValidationError(model.stackName, part, received, expected);
}

/**
 * A client's security group this stack never names (an existing group, by
 * its `sg-` ID): judged as one made elsewhere, whose own rules are an
 * assumption of the verdict rather than a denial.
 */
function groupMadeElsewhere(model: NetworkModel, reference: string): SecurityGroupEntity | undefined {
  if (typeof reference !== "string" || !/^sg-[0-9a-f]{8}([0-9a-f]{9})?$/.test(reference)) return undefined;
  if (model.securityGroups.some((g) => g.id === reference || g.address === reference)) return undefined;
  return {
    address: `external:${reference}`,
    path: reference,
    provider: "aws",
    id: reference,
    label: reference,
    ingress: [],
    egress: [],
    external: true,
  };
}

/** Looks the source of a flow up in the model. */
export function resolveSource(model: NetworkModel, spec: FlowSourceSpec): ResolvedSource {
  const family = spec.family ?? "ipv4";
  if (family !== "ipv4" && family !== "ipv6") throw questionError(model, "from.family", String(family), "ipv4 or ipv6");
  const principal = resolvePrincipal(model, spec.principal);
  if (spec.internet === true) {
    if (spec.vpc !== undefined || spec.subnet !== undefined || spec.cidr !== undefined) {
      throw questionError(model, "from", "internet together with a VPC, subnet or CIDR", "either the internet or a network of the stack");
    }
    return { kind: "internet", label: "the internet", subnets: [], cidrs: [], principal, family };
  }
  const subnet =
    spec.subnet === undefined
      ? undefined
      : lookup(
          model,
          "from.subnet",
          spec.subnet,
          model.subnets,
          "a subnet of the stack (aws_subnet address or subnet ID), or a subnet of a VPC the stack imports (Vpc.fromVpcAttributes)",
        );
  const securityGroup =
    spec.securityGroup === undefined
      ? undefined
      : (groupMadeElsewhere(model, spec.securityGroup) ??
        lookup(model, "from.securityGroup", spec.securityGroup, model.securityGroups, "a security group of the stack (address or sg- ID)"));
  const outside = spec.vpc === undefined ? undefined : vpcMadeElsewhere(model, spec.vpc);
  const vpcId =
    outside?.id ??
    (spec.vpc !== undefined
      ? lookup(model, "from.vpc", spec.vpc, model.vpcs, "a VPC of the stack (aws_vpc address or vpc- ID)").id
      : (subnet?.vpcId ?? securityGroup?.vpcId));
  // A group made elsewhere, known by its ID alone, says nothing of where its members are.
  if (vpcId === undefined && securityGroup !== undefined)
    throw questionError(
      model,
      "from.securityGroup",
      spec.securityGroup,
      `a security group whose VPC the analysis knows: ${securityGroup.label} is made elsewhere and its VPC is not named (give from.vpc too, or import the group with its vpcId)`,
    );
  if (vpcId === undefined) throw questionError(model, "from", spec, "a vpc, subnet or securityGroup the flow starts in, or internet: true");
  const vpc = outside ?? model.vpc(vpcId);
  // A VPC made elsewhere is taken to be the caller's account's: the analysis says so where it matters.
  if (outside !== undefined && spec.cidr !== undefined)
    throw questionError(model, "from.cidr", spec.cidr, "no CIDR for a VPC made elsewhere (name a VPC of the stack that the network enters)");
  // Nothing of a VPC the stack only names is known: a subnet or group beside it would go unjudged, never silently.
  if (outside !== undefined && subnet !== undefined)
    throw questionError(
      model,
      "from.subnet",
      spec.subnet,
      `a subnet of VPC ${vpcId} (the VPC named; this subnet is of ${vpcLabel(model.vpc(subnet.vpcId), model)})`,
    );
  if (outside !== undefined && securityGroup?.vpcId !== undefined)
    throw questionError(
      model,
      "from.securityGroup",
      spec.securityGroup,
      `a security group of VPC ${vpcId} (the VPC named; this group is of ${vpcLabel(model.vpc(securityGroup.vpcId), model)})`,
    );
  if (outside !== undefined && securityGroup !== undefined)
    throw questionError(
      model,
      "from.securityGroup",
      spec.securityGroup,
      `a security group of a VPC the stack creates or imports: VPC ${vpcId} is neither (this stack never names it), so where the group's members are and what its rules let out is unknown (import the VPC with Vpc.fromVpcAttributes and the group with its vpcId, or leave from.securityGroup out)`,
    );
  if (outside !== undefined)
    return {
      kind: "vpc",
      label: `VPC ${vpcId} (made elsewhere${principal?.account === undefined ? "" : `, account ${principal.account}`})`,
      vpc: outside,
      subnets: [],
      cidrs: [],
      account: principal?.account,
      principal,
      family,
    };
  if (subnet !== undefined && subnet.vpcId !== vpcId)
    throw questionError(model, "from.subnet", spec.subnet ?? "", `a subnet of ${vpcLabel(vpc, model)}`);
  if (securityGroup?.vpcId !== undefined && securityGroup.vpcId !== vpcId)
    throw questionError(model, "from.securityGroup", spec.securityGroup ?? "", `a security group of ${vpcLabel(vpc, model)}`);
  const account = vpc === undefined ? undefined : model.accountOf(vpc.provider);
  if (spec.cidr !== undefined) {
    if (typeof spec.cidr !== "string" || !isNetworkCidr(spec.cidr))
      throw questionError(model, "from.cidr", spec.cidr, "a CIDR block such as 192.168.0.0/16 (a prefix length the family has, no host bits set)");
    return {
      kind: "onPremises",
      label: `${spec.cidr} (outside AWS, entering ${vpcLabel(vpc, model)})`,
      vpc,
      subnets: [],
      cidrs: [spec.cidr],
      securityGroup,
      account,
      provider: vpc?.provider,
      principal,
      family,
    };
  }
  const subnets = subnet !== undefined ? [subnet] : model.subnetsOf(vpcId);
  const subnetCidrs = subnets.map((s) => (family === "ipv4" ? s.ipv4Cidr : s.ipv6Cidr));
  const cidrs =
    subnetCidrs.length > 0 && subnetCidrs.every((c) => c !== undefined)
      ? (subnetCidrs as string[])
      : family === "ipv4"
        ? (vpc?.ipv4Cidrs ?? [])
        : (vpc?.ipv6Cidrs ?? []);
  const label = subnet === undefined ? vpcLabel(vpc, model) : `subnet ${subnet.availabilityZone ?? subnet.id} of ${vpcLabel(vpc, model)}`;
  return { kind: "vpc", label, vpc, subnets, cidrs, securityGroup, account, provider: vpc?.provider, principal, family };
}

const IMPORTED_VPC_FIELDS: Readonly<Record<keyof ImportedVpcSpec, true>> = {
  vpcId: true,
  cidrBlock: true,
  secondaryCidrBlocks: true,
  ipv6CidrBlock: true,
  provider: true,
  dnsSupportEnabled: true,
  dnsHostnamesEnabled: true,
  privateHostedZoneNames: true,
  subnets: true,
};
const IMPORTED_SUBNET_FIELDS: Readonly<Record<keyof ImportedSubnetSpec, true>> = {
  subnetId: true,
  cidrBlock: true,
  availabilityZone: true,
  availabilityZoneId: true,
  routeTableId: true,
};

/**
 * Fails unless `from.importedVpc` is shaped as the construct API writes it
 * (a hand-edited declaration): IDs of their kinds, CIDR blocks, booleans,
 * DNS names, known fields only. A misspelled field would be dropped, and the
 * flow judged without what it says.
 */
export function checkImportedVpc(model: NetworkModel, imported: unknown): asserts imported is ImportedVpcSpec {
  const at = "from.importedVpc";
  const object = (value: unknown, part: string, fields: Readonly<Record<string, true>>, expected: string): Record<string, unknown> => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) throw questionError(model, part, value, expected);
    const names = Object.keys(fields);
    for (const key of Object.keys(value)) {
      if (Object.hasOwn(fields, key)) continue;
      const suggestion = closestMatch(key, names);
      throw questionError(
        model,
        `${part}.${key}`,
        (value as Record<string, unknown>)[key],
        `a field ${part} has${suggestion === undefined ? "" : ` (did you mean ${suggestion}?)`}: ${names.join(", ")}`,
      );
    }
    return value as Record<string, unknown>;
  };
  const optional = (value: unknown, part: string, ok: (v: unknown) => boolean, expected: string): void => {
    if (value !== undefined && !ok(value)) throw questionError(model, part, value, expected);
  };
  const text = (v: unknown): v is string => typeof v === "string" && v !== "";
  const vpc = object(
    imported,
    at,
    IMPORTED_VPC_FIELDS,
    "a VPC made elsewhere, as Vpc.fromVpcAttributes describes it: { vpcId, cidrBlock, subnets, ... }",
  );
  if (!text(vpc.vpcId)) throw questionError(model, `${at}.vpcId`, vpc.vpcId, "the VPC's ID, such as vpc-0123456789abcdef0");
  checkResourceId(model.stackName, `${at}.vpcId`, vpc.vpcId, "vpc");
  optional(vpc.cidrBlock, `${at}.cidrBlock`, (v) => text(v) && isIpv4Cidr(v) && isNetworkCidr(v), "an IPv4 CIDR block such as 10.0.0.0/16");
  optional(
    vpc.secondaryCidrBlocks,
    `${at}.secondaryCidrBlocks`,
    (v) => Array.isArray(v) && v.every((block) => text(block) && isIpv4Cidr(block) && isNetworkCidr(block)),
    "a list of IPv4 CIDR blocks such as 100.64.0.0/16",
  );
  optional(vpc.ipv6CidrBlock, `${at}.ipv6CidrBlock`, (v) => text(v) && isIpv6Cidr(v), "an IPv6 CIDR block such as 2600:1f18:1234:5600::/56");
  optional(vpc.provider, `${at}.provider`, text, "a provider configuration as resources name it: aws, aws.<alias>");
  for (const field of ["dnsSupportEnabled", "dnsHostnamesEnabled"] as const)
    optional(vpc[field], `${at}.${field}`, (v) => typeof v === "boolean", "true or false");
  optional(
    vpc.privateHostedZoneNames,
    `${at}.privateHostedZoneNames`,
    (v) => Array.isArray(v) && v.every((name) => text(name) && isDnsName(name)),
    "a list of zone names such as internal.example.com",
  );
  if (vpc.subnets === undefined) return;
  if (!Array.isArray(vpc.subnets))
    throw questionError(model, `${at}.subnets`, vpc.subnets, "a list of subnets: { subnetId, cidrBlock, availabilityZone, routeTableId }");
  vpc.subnets.forEach((raw, i) => {
    const part = `${at}.subnets[${i}]`;
    const subnet = object(raw, part, IMPORTED_SUBNET_FIELDS, "a subnet: { subnetId, cidrBlock, availabilityZone, routeTableId }");
    if (!text(subnet.subnetId)) throw questionError(model, `${part}.subnetId`, subnet.subnetId, "the subnet's ID, such as subnet-0123456789abcdef0");
    checkResourceId(model.stackName, `${part}.subnetId`, subnet.subnetId, "subnet");
    optional(subnet.cidrBlock, `${part}.cidrBlock`, (v) => text(v) && isIpv4Cidr(v) && isNetworkCidr(v), "an IPv4 CIDR block such as 10.0.1.0/24");
    for (const field of ["availabilityZone", "availabilityZoneId"] as const) optional(subnet[field], `${part}.${field}`, text, "a string");
    optional(subnet.routeTableId, `${part}.routeTableId`, text, "a route table ID such as rtb-0123456789abcdef0");
    if (typeof subnet.routeTableId === "string") checkResourceId(model.stackName, `${part}.routeTableId`, subnet.routeTableId, "routeTable");
  });
}

function resolvePrincipal(model: NetworkModel, principal: FlowPrincipal | undefined): ResolvedPrincipal | undefined {
  if (principal === undefined) return undefined;
  if (principal === null || typeof principal !== "object")
    throw questionError(model, "from.principal", principal, "a caller: { arn }, { account }, { arn, organizationId } or { anonymous: true }");
  if (principal.anonymous === true) return { arn: "anonymous", organizationPaths: [], anonymous: true, account: principal.account };
  const account = principal.account ?? (principal.arn === undefined ? undefined : parseArn(principal.arn)?.account);
  const arn = principal.arn ?? (account === undefined ? undefined : `arn:aws:iam::${account}:root`);
  if (arn === undefined || parseArn(arn) === undefined) {
    throw questionError(
      model,
      "from.principal",
      principal,
      "an IAM role or user ARN (arn:aws:iam::111111111111:role/app), an account, or anonymous: true",
    );
  }
  return { arn, account, organizationId: principal.organizationId, organizationPaths: principal.organizationPaths ?? [], anonymous: false };
}

/** A client VPC the stack only knows by ID (another account's, associated in its own stack): an external VPC without subnets. */
function vpcMadeElsewhere(model: NetworkModel, reference: string): VpcEntity | undefined {
  if (typeof reference !== "string" || !/^vpc-[0-9a-f]{8,17}$/.test(reference) || model.vpc(reference) !== undefined) return undefined;
  return { address: `external:${reference}`, path: reference, provider: "", id: reference, ipv4Cidrs: [], ipv6Cidrs: [], external: true };
}

/** An entity by Terraform address or by ID, with a clear error naming the closest addresses when it is not there. */
export function lookup<T extends { readonly address: string; readonly id?: string }>(
  model: NetworkModel,
  part: string,
  reference: string,
  list: readonly T[],
  expected: string,
): T {
  if (typeof reference !== "string" || reference === "") throw questionError(model, part, reference, expected);
  const found = list.find((e) => e.address === reference || e.id === reference);
  if (found !== undefined) return found;
  const other = model.entity(reference);
  if (other !== undefined) throw questionError(model, part, `${reference} (a ${other.kind})`, expected);
  const suggestion = closestMatch(
    reference,
    list.map((e) => e.address),
  );
  throw questionError(
    model,
    part,
    reference,
    `${expected}; it is not in stack ${model.stackName}${suggestion === undefined ? "" : ` (did you mean ${suggestion}?)`}`,
  );
}
