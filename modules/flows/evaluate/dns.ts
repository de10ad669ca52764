import { isIpAddress } from "../../core/addresses";
import { canonicalDnsName, isInDnsZone } from "../../core/formats";
import {
  DnsRecordEntity,
  EndpointEntity,
  HostedZoneEntity,
  LatticeServiceEntity,
  LoadBalancerEntity,
  ServiceNetworkMemberEntity,
} from "../model/entities";
import { NetworkModel } from "../model/network-model";
import { labelOf } from "./context";

/** What a DNS name resolves to, as far as the flow is concerned. */
export type DnsAnswer =
  | { readonly kind: "endpoint"; readonly endpoint: EndpointEntity }
  | { readonly kind: "latticeService"; readonly service: LatticeServiceEntity }
  | { readonly kind: "resourceAssociation"; readonly association: ServiceNetworkMemberEntity }
  | { readonly kind: "loadBalancer"; readonly loadBalancer: LoadBalancerEntity }
  | { readonly kind: "addresses"; readonly addresses: readonly string[] }
  | { readonly kind: "awsService"; readonly serviceName: string }
  | { readonly kind: "zoneMadeElsewhere"; readonly zone: HostedZoneEntity }
  | { readonly kind: "internet" }
  | { readonly kind: "none" };

/** An answer and how it was reached, for the flow's DNS hop. */
export interface DnsResolution {
  /** What the name resolves to. */
  readonly answer: DnsAnswer;
  /** The DNS hop in words. */
  readonly text: string;
  /** The block that decides it (a record, a zone, an endpoint). @default - none (public DNS) */
  readonly address?: string;
  /** True when the answer comes from a private hosted zone (or a private DNS zone of an endpoint). */
  readonly private: boolean;
  /** How the answer was found: an endpoint's private DNS, a record of a zone, or the name itself. @default "name" */
  readonly via?: "privateDns" | "record" | "name";
  /** What the answer takes as given (the DNS attributes of a VPC made elsewhere). @default - none */
  readonly assumptions?: readonly string[];
}

/** Where a query is asked from. */
export interface DnsVantage {
  /** The VPC whose resolver answers. @default - none: public DNS only */
  readonly vpcId?: string;
  /** For messages. */
  readonly label: string;
  /** A Route 53 inbound resolver endpoint of the VPC asks on behalf of on-premises clients. @default false */
  readonly inboundResolver?: boolean;
  /** The client's address family: it asks for A records (ipv4) or AAAA records (ipv6). @default - either answers */
  readonly family?: "ipv4" | "ipv6";
}

/** The record types that answer a client of the family (CNAMEs and aliases of CNAMEs for both). */
const ANSWERING_TYPES = { ipv4: ["A", "CNAME"], ipv6: ["AAAA", "CNAME"], either: ["A", "AAAA", "CNAME"] } as const;

const MAX_CHAIN = 8;

/**
 * The DNS names AWS publishes for a service endpoint name, e.g.
 * `com.amazonaws.us-east-1.logs` -> `logs.us-east-1.amazonaws.com`; the
 * names private DNS of an interface endpoint answers. Empty for
 * names this function does not know (endpoint services).
 */
export function awsServiceDnsNames(serviceName: string): string[] {
  const match = /^(cn\.)?com\.amazonaws\.([a-z0-9-]+)\.(.+)$/.exec(serviceName);
  if (match === null || match[2] === "vpce") return [];
  const region = match[2];
  const service = match[3];
  const suffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
  const special: Record<string, string[]> = {
    "ecr.api": [`api.ecr.${region}.${suffix}`],
    "ecr.dkr": [`dkr.ecr.${region}.${suffix}`, `*.dkr.ecr.${region}.${suffix}`],
    s3: [`s3.${region}.${suffix}`, `*.s3.${region}.${suffix}`, `s3.dualstack.${region}.${suffix}`, `*.s3.dualstack.${region}.${suffix}`],
    "execute-api": [`*.execute-api.${region}.${suffix}`],
  };
  return special[service] ?? [`${service}.${region}.${suffix}`];
}

/** The AWS service endpoint name a public AWS DNS name belongs to (`s3.us-east-1.amazonaws.com` -> `com.amazonaws.us-east-1.s3`). */
export function awsServiceOfDnsName(name: string): string | undefined {
  // Dual-stack names (`<bucket>.s3.dualstack.<region>.amazonaws.com`) belong to the service before `dualstack`.
  const match = /^(?:.*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)?)\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com(\.cn)?$/.exec(
    name.replace(/\.dualstack\./, "."),
  );
  if (match === null) return undefined;
  const [, service, region, china] = match;
  const short = service === "api.ecr" ? "ecr.api" : service === "dkr.ecr" ? "ecr.dkr" : service.split(".").pop();
  const candidate = `${china === undefined ? "" : "cn."}com.amazonaws.${region}.${short}`;
  return awsServiceDnsNames(candidate).some((n) => matchesName(name, n)) ? candidate : undefined;
}

/** True when `name` matches a DNS name that may start with a wildcard label. */
export function matchesName(name: string, pattern: string): boolean {
  if (!pattern.startsWith("*.")) return name === pattern;
  const parent = pattern.slice(2);
  return name.endsWith(`.${parent}`) && !name.slice(0, -parent.length - 1).includes(".");
}

/** Resolves a name as the VPC's resolver (or public DNS) would, following aliases and CNAMEs through the stack's zones. */
export function resolveName(model: NetworkModel, rawName: string, vantage: DnsVantage, depth = 0): DnsResolution {
  const name = canonicalDnsName(rawName);
  if (depth > MAX_CHAIN) return { answer: { kind: "none" }, text: `${name}: alias chain longer than ${MAX_CHAIN}`, private: false };
  let skipped: { readonly note: string; readonly address: string } | undefined;
  if (vantage.vpcId !== undefined) {
    const vpc = model.vpc(vantage.vpcId);
    let endpoint = privateDnsEndpoint(model, name, vantage);
    const zone = mostSpecificZone(
      model.hostedZones.filter((z) => z.private && z.vpcIds.includes(vantage.vpcId ?? "")),
      name,
    );
    // The Amazon DNS server answers nothing in a VPC without DNS support: no private hosted zone, no endpoint's private DNS.
    if ((endpoint !== undefined || zone !== undefined) && vpc?.dnsSupport === false) {
      const from =
        endpoint !== undefined && (zone === undefined || (zone.name ?? "").length <= endpoint.zone.length)
          ? `the private DNS of VPC endpoint ${labelOf(endpoint.endpoint)}`
          : `private hosted zone ${zone?.name} (${labelOf(zone as HostedZoneEntity)})`;
      return {
        answer: { kind: "none" },
        text: `${name} is answered by ${from}, but ${vantage.label} has enable_dns_support false: the Amazon DNS server answers nothing there (turn enable_dns_support on)`,
        address: vpc.address,
        private: true,
      };
    }
    // An endpoint's private DNS applies only in a VPC with DNS hostnames on, too.
    if (endpoint !== undefined && vpc?.dnsHostnames === false) {
      skipped = {
        note: `the private DNS of VPC endpoint ${labelOf(endpoint.endpoint)} does not apply in ${vantage.label}, which has enable_dns_hostnames false (turn it on, with enable_dns_support)`,
        address: vpc.address,
      };
      endpoint = undefined;
    }
    const assumptions =
      (endpoint !== undefined || zone !== undefined) && vpc !== undefined
        ? [
            ...(vpc.dnsSupport === undefined ? [`${vantage.label} has enable_dns_support on (its DNS attributes are not in this stack)`] : []),
            ...(endpoint !== undefined && vpc.dnsHostnames === undefined
              ? [
                  `${vantage.label} has enable_dns_hostnames on, which the private DNS of an interface endpoint needs (its DNS attributes are not in this stack)`,
                ]
              : []),
          ]
        : [];
    const withAssumptions = (resolution: DnsResolution): DnsResolution =>
      assumptions.length === 0 ? resolution : { ...resolution, assumptions: [...assumptions, ...(resolution.assumptions ?? [])] };
    // Route 53 answers from the most specific private zone; an endpoint's private DNS is a private zone named after the service.
    if (endpoint !== undefined && (zone === undefined || (zone.name ?? "").length <= endpoint.zone.length)) {
      return withAssumptions({
        answer: { kind: "endpoint", endpoint: endpoint.endpoint },
        text: `${name} resolves in ${vantage.label} to VPC endpoint ${labelOf(endpoint.endpoint)} (private DNS)`,
        address: endpoint.endpoint.address,
        private: true,
        via: "privateDns",
      });
    }
    // A zone made elsewhere that the VPC's importer names: Route 53 answers from it, with records this stack does not hold.
    if (zone?.recordsElsewhere === true)
      return withAssumptions({
        answer: { kind: "zoneMadeElsewhere", zone },
        text: `${name} is in private hosted zone ${zone.name}, made elsewhere and associated with ${vantage.label}: Route 53 answers it from that zone`,
        private: true,
        via: "record",
      });
    if (zone !== undefined) return withAssumptions(answerFromZone(model, name, zone, vantage, depth, true));
  }
  if (skipped !== undefined) {
    const { note, address } = skipped;
    const resolution = resolveName(model, name, { label: vantage.label, family: vantage.family }, depth + 1);
    return { ...resolution, text: `${note}; ${resolution.text}`, address: resolution.address ?? address };
  }
  const lattice = model.latticeServices.find((s) => s.dnsName === name);
  if (lattice !== undefined)
    return {
      answer: { kind: "latticeService", service: lattice },
      text: `${name} is the generated name of Lattice service ${lattice.name}`,
      address: lattice.address,
      private: false,
    };
  const association = model.resourceAssociations.find((a) => a.dnsName === name);
  if (association !== undefined)
    return {
      answer: { kind: "resourceAssociation", association },
      text: `${name} is the name VPC Lattice generates for resource association ${labelOf(association)}`,
      address: association.address,
      private: false,
    };
  const endpoint = model.endpoints.find((e) => e.dnsNames.includes(name));
  if (endpoint !== undefined)
    return {
      answer: { kind: "endpoint", endpoint },
      text: `${name} is a DNS name of VPC endpoint ${labelOf(endpoint)}`,
      address: endpoint.address,
      private: false,
    };
  const balancer = model.loadBalancers.find((lb) => model.document.block(lb.address) !== undefined && lbDnsName(model, lb) === name);
  if (balancer !== undefined)
    return {
      answer: { kind: "loadBalancer", loadBalancer: balancer },
      text: `${name} is the DNS name of load balancer ${labelOf(balancer)}`,
      address: balancer.address,
      private: false,
    };
  const publicZone = mostSpecificZone(
    model.hostedZones.filter((z) => !z.private && !z.external),
    name,
  );
  if (publicZone !== undefined) return answerFromZone(model, name, publicZone, vantage, depth, false);
  const awsService = awsServiceOfDnsName(name);
  if (awsService !== undefined)
    return {
      answer: { kind: "awsService", serviceName: awsService },
      text: `${name} resolves in public DNS to public addresses of ${awsService}`,
      private: false,
    };
  if (isIpAddress(name)) return { answer: { kind: "addresses", addresses: [name] }, text: `${name} is an address`, private: false };
  return {
    answer: { kind: "internet" },
    text: `${name} is in no zone of this stack${vantage.vpcId === undefined ? "" : ` associated with ${vantage.label}`}: it resolves in public DNS`,
    private: false,
  };
}

function lbDnsName(model: NetworkModel, lb: LoadBalancerEntity): string | undefined {
  const block = model.document.block(lb.address);
  if (block === undefined) return undefined;
  const value = model.document.evaluate(`\${${lb.address}.dns_name}`);
  return typeof value === "string" ? value : undefined;
}

/** The interface endpoint of the VPC whose private DNS answers this name, and the zone it answers from. */
function privateDnsEndpoint(model: NetworkModel, name: string, vantage: DnsVantage): { endpoint: EndpointEntity; zone: string } | undefined {
  for (const endpoint of model.endpoints) {
    if (
      endpoint.vpcId !== vantage.vpcId ||
      endpoint.endpointType !== "Interface" ||
      !endpoint.privateDnsEnabled ||
      endpoint.serviceName === undefined
    )
      continue;
    // S3's inbound-resolver-only private DNS answers on-premises queries only; the VPC keeps using the gateway endpoint.
    if (endpoint.privateDnsOnlyForInboundResolverEndpoint !== false && endpoint.serviceName.endsWith(".s3") && vantage.inboundResolver !== true)
      continue;
    const service = model.endpointServices.find((s) => s.serviceName === endpoint.serviceName);
    const annotated = model.document.block(endpoint.address)?.annotations.privateDnsName;
    const names = [
      ...awsServiceDnsNames(endpoint.serviceName),
      ...(service?.privateDnsName === undefined ? [] : [service.privateDnsName]),
      ...(typeof annotated === "string" ? [canonicalDnsName(annotated)] : []),
    ];
    const match = names.find((n) => matchesName(name, n) || isInDnsZone(name, n.replace(/^\*\./, "")));
    if (match !== undefined && names.some((n) => matchesName(name, n))) return { endpoint, zone: match.replace(/^\*\./, "") };
  }
  return undefined;
}

function mostSpecificZone(zones: readonly HostedZoneEntity[], name: string): HostedZoneEntity | undefined {
  return zones.filter((z) => z.name !== undefined && isInDnsZone(name, z.name)).sort((a, b) => (b.name ?? "").length - (a.name ?? "").length)[0];
}

function answerFromZone(
  model: NetworkModel,
  name: string,
  zone: HostedZoneEntity,
  vantage: DnsVantage,
  depth: number,
  isPrivate: boolean,
): DnsResolution {
  const named = (types: readonly string[]): DnsRecordEntity | undefined => {
    const records = model.records.filter((r) => r.zoneId === zone.id && types.includes(r.recordType));
    return records.find((r) => r.name === name) ?? records.find((r) => matchesName(name, r.name));
  };
  const record = named(ANSWERING_TYPES[vantage.family ?? "either"]);
  const where = isPrivate
    ? `private hosted zone ${zone.name} (${labelOf(zone)}), associated with ${vantage.label},`
    : `public hosted zone ${zone.name}`;
  if (record === undefined) {
    const other = vantage.family === undefined ? undefined : named(ANSWERING_TYPES.either);
    const text =
      other === undefined
        ? `${name} is in ${where} which has no record for it`
        : `${name} is in ${where} which has only ${other.recordType} records for it: an ${vantage.family === "ipv6" ? "IPv6 client asks for AAAA" : "IPv4 client asks for A"} records`;
    return { answer: { kind: "none" }, text, address: zone.address, private: isPrivate };
  }
  return followRecord(model, name, record, where, vantage, depth, isPrivate);
}

function followRecord(
  model: NetworkModel,
  name: string,
  record: DnsRecordEntity,
  where: string,
  vantage: DnsVantage,
  depth: number,
  isPrivate: boolean,
): DnsResolution {
  const target = record.aliasName ?? (record.recordType === "CNAME" ? record.values[0] : undefined);
  if (target === undefined) {
    return {
      answer: { kind: "addresses", addresses: record.values },
      text: `${name} resolves in ${where} to ${record.values.join(", ")}`,
      address: record.address,
      private: isPrivate,
    };
  }
  const next = resolveName(model, target, vantage, depth + 1);
  return {
    ...next,
    text: `${name} is an alias in ${where} to ${target}; ${next.text}`,
    address: record.address,
    private: isPrivate || next.private,
    via: "record",
  };
}
