/**
 * node --import tsx tools/refresh-endpoint-catalog.ts [--cdk-version <v>] [--describe <file.json> ...] [--check]
 *
 * Rebuilds modules/endpoints/data/services.json, the catalog of AWS services
 * with VPC endpoints that `AwsService.of()` knows by short name, from what
 * AWS publishes:
 *
 * - aws-cdk-lib's `InterfaceVpcEndpointAwsService` and
 *   `GatewayVpcEndpointAwsService` (read from the package the npm registry
 *   serves, `npm pack aws-cdk-lib@<version>`): every short name, its port,
 *   its name prefix (`aws.sagemaker`, global names), and the China regions
 *   where it is named `cn.com.amazonaws.<region>.<name>`. Works offline
 *   except for the npm registry.
 * - with AWS credentials, the output of
 *   `aws ec2 describe-vpc-endpoint-services --region <region> --output json > <region>.json`
 *   (one file per region, `--describe` once per file): gateway support,
 *   private DNS names (and their wildcards), whether endpoint policies apply.
 *   Those facts override aws-cdk-lib's.
 *
 * Fields this script does not own (`dnsName`, `wildcardDns`,
 * `additionalDnsNames`, `privateDnsNeedsGatewayOrResolverChoice` where no describe output says
 * otherwise) are kept from the current file, so facts a reviewer added by
 * hand survive a refresh. With --check, writes nothing and exits non-zero
 * when the file would change.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** What the catalog says about one service; every field optional, absent means the documented default. */
export interface CatalogEntry {
  /** TCP ports clients use. @default [443] */
  ports?: number[];
  /** Name prefix other than `com.amazonaws` (`aws.sagemaker`, `aws.api`). @default "com.amazonaws" */
  prefix?: string;
  /** The name has no region (`com.amazonaws.iam`). @default false */
  global?: boolean;
  /** Regions where the interface endpoint is named `cn.com.amazonaws.<region>.<name>`. @default none */
  chinaPrefixRegions?: string[];
  /** Regions where the name ends in `.cn` (Amazon Transcribe). @default none */
  chinaSuffixRegions?: string[];
  /** Offers a Gateway endpoint. @default false */
  gateway?: boolean;
  /** Offers an Interface endpoint. @default true */
  interface?: boolean;
  /** Host name clients resolve, `{region}` and `{suffix}` replaced. @default - unknown */
  dnsName?: string;
  /** Private DNS also answers sub-domains (a wildcard name). @default false */
  wildcardDns?: boolean;
  /** Other host names private DNS answers, each with its sub-domains (S3: access points, S3 Control). @default none */
  additionalDnsNames?: string[];
  /** S3: private DNS needs a gateway endpoint or inbound-resolver-only off. @default false */
  privateDnsNeedsGatewayOrResolverChoice?: boolean;
  /** Offers private DNS. @default true */
  privateDns?: boolean;
  /** AWS applies endpoint policies to it. @default true */
  policySupported?: boolean;
}

/** The catalog file. */
export interface Catalog {
  /** Where the facts come from, for reviewers. */
  source: { awsCdkLib?: string; describeVpcEndpointServices?: string[] };
  services: Record<string, CatalogEntry>;
}

export const CATALOG_FILE = join(resolve(__dirname, ".."), "modules", "endpoints", "data", "services.json");

/** The partitions this library supports; aws-cdk-lib also lists ISO regions, which are left out. */
const CHINA_REGION = /^cn-/;

/** Services, ports, prefixes and China exceptions, as aws-cdk-lib's compiled vpc-endpoint.js declares them. */
export function parseCdkVpcEndpoints(source: string): Record<string, CatalogEntry> {
  const entries: Record<string, CatalogEntry> = {};
  const constructor = /static [A-Z0-9_]+=new InterfaceVpcEndpointAwsService\(("[^"]*")(?:,("[^"]*"|void 0))?(?:,(\d+|void 0))?(?:,\{([^}]*)\})?\)/g;
  for (const match of source.matchAll(constructor)) {
    const name = JSON.parse(match[1]) as string;
    const prefix = match[2] === undefined || match[2] === "void 0" ? "" : (JSON.parse(match[2]) as string);
    const port = match[3] === undefined || match[3] === "void 0" ? 443 : Number(match[3]);
    const entry: CatalogEntry = {};
    if (port !== 443) entry.ports = [port];
    if (prefix !== "" && prefix !== "com.amazonaws") entry.prefix = prefix;
    if (match[4]?.includes("global:!0")) entry.global = true;
    entries[name] = entry;
  }
  const gateway = /static [A-Z0-9_]+=new GatewayVpcEndpointAwsService\("([^"]+)"\)/g;
  for (const match of source.matchAll(gateway)) {
    entries[match[1]] = { ...(entries[match[1]] ?? { interface: false }), gateway: true };
  }
  for (const [kind, fn] of [
    ["chinaPrefixRegions", "getDefaultEndpointPrefix"],
    ["chinaSuffixRegions", "getDefaultEndpointSuffix"],
  ] as const) {
    const table = new RegExp(`${fn}\\(name,region\\)\\{(?:if\\()?(?:return)?(\\{[^}]*\\})`).exec(source)?.[1];
    if (table === undefined) throw new Error(`aws-cdk-lib's ${fn} table not found: its compiled form changed, update this parser`);
    const byRegion = JSON.parse(table) as Record<string, string[]>;
    for (const [region, names] of Object.entries(byRegion).filter(([r]) => CHINA_REGION.test(r))) {
      for (const name of names) {
        const entry = (entries[name] ??= {});
        entry[kind] = [...(entry[kind] ?? []), region].sort();
      }
    }
  }
  if (Object.keys(entries).length < 100)
    throw new Error(`only ${Object.keys(entries).length} services parsed from aws-cdk-lib: its compiled form changed, update this parser`);
  return entries;
}

/** One `ServiceDetails` item of `aws ec2 describe-vpc-endpoint-services`. */
interface ServiceDetail {
  readonly ServiceName: string;
  readonly Owner?: string;
  readonly ServiceType?: readonly { readonly ServiceType: string }[];
  readonly PrivateDnsName?: string;
  readonly VpcEndpointPolicySupported?: boolean;
}

/** Gateway support, private DNS names and policy support from describe-vpc-endpoint-services output, by short name. */
export function parseDescribeOutput(json: string): Record<string, CatalogEntry> {
  const { ServiceDetails = [] } = JSON.parse(json) as { ServiceDetails?: ServiceDetail[] };
  const entries: Record<string, CatalogEntry> = {};
  for (const detail of ServiceDetails.filter((d) => d.Owner === undefined || d.Owner === "amazon")) {
    const match = /^(?:cn\.)?com\.amazonaws\.([a-z]{2}(?:-[a-z]+)+-\d)\.(.+)$/.exec(detail.ServiceName);
    if (match === null) continue;
    const [, region, name] = match;
    const types = (detail.ServiceType ?? []).map((t) => t.ServiceType);
    const entry: CatalogEntry = (entries[name] ??= {});
    if (types.includes("Gateway")) entry.gateway = true;
    if (types.includes("Interface")) entry.interface = true;
    if (detail.VpcEndpointPolicySupported === false) entry.policySupported = false;
    if (types.includes("Interface") && detail.PrivateDnsName === undefined) entry.privateDns = false;
    if (detail.PrivateDnsName !== undefined) {
      const suffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
      const wildcard = detail.PrivateDnsName.startsWith("*.");
      entry.dnsName = detail.PrivateDnsName.replace(/^\*\./, "").replace(region, "{region}").replace(suffix, "{suffix}");
      if (wildcard) entry.wildcardDns = true;
    }
  }
  return entries;
}

const CURATED: readonly (keyof CatalogEntry)[] = ["dnsName", "wildcardDns", "additionalDnsNames", "privateDnsNeedsGatewayOrResolverChoice"];

/** aws-cdk-lib's facts, then the curated fields of the current file, then describe output (AWS's own word) over both. */
export function mergeCatalog(
  cdk: Record<string, CatalogEntry>,
  current: Record<string, CatalogEntry>,
  described: readonly Record<string, CatalogEntry>[],
): Record<string, CatalogEntry> {
  const merged: Record<string, CatalogEntry> = {};
  const names = new Set([...Object.keys(cdk), ...Object.keys(current), ...described.flatMap((d) => Object.keys(d))]);
  for (const name of [...names].sort()) {
    const curated = Object.fromEntries(CURATED.filter((k) => current[name]?.[k] !== undefined).map((k) => [k, current[name][k]]));
    const entry: CatalogEntry = { ...(cdk[name] ?? current[name] ?? {}), ...curated };
    for (const facts of described) Object.assign(entry, facts[name] ?? {});
    merged[name] = Object.fromEntries(Object.entries(entry).sort(([a], [b]) => a.localeCompare(b))) as CatalogEntry;
  }
  return merged;
}

/** aws-cdk-lib's vpc-endpoint.js, from the tarball the npm registry serves. */
function cdkSource(version: string): string {
  const dir = mkdtempSync(join(tmpdir(), "endpoint-catalog-"));
  try {
    const tarball =
      execFileSync("npm", ["pack", `aws-cdk-lib@${version}`, "--silent", "--pack-destination", dir], { encoding: "utf8" })
        .trim()
        .split("\n")
        .pop() ?? "";
    execFileSync("tar", ["-xzf", join(dir, tarball), "-C", dir, "package/aws-ec2/lib/vpc-endpoint.js"]);
    return readFileSync(join(dir, "package/aws-ec2/lib/vpc-endpoint.js"), "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(args: readonly string[]): void {
  const option = (name: string): string[] => args.flatMap((arg, i) => (arg === name && args[i + 1] !== undefined ? [args[i + 1]] : []));
  const current = JSON.parse(readFileSync(CATALOG_FILE, "utf8")) as Catalog;
  const version = option("--cdk-version")[0] ?? current.source.awsCdkLib ?? "latest";
  const describeFiles = option("--describe");
  const catalog: Catalog = {
    source: {
      awsCdkLib: version,
      ...(describeFiles.length === 0 ? {} : { describeVpcEndpointServices: describeFiles.map((f) => f.split("/").pop() ?? f) }),
    },
    services: mergeCatalog(
      parseCdkVpcEndpoints(cdkSource(version)),
      current.services,
      describeFiles.map((file) => parseDescribeOutput(readFileSync(file, "utf8"))),
    ),
  };
  const text = `${JSON.stringify(catalog, null, 2)}\n`;
  if (args.includes("--check")) {
    if (text !== readFileSync(CATALOG_FILE, "utf8")) {
      console.error(`${CATALOG_FILE} is stale: run node --import tsx tools/refresh-endpoint-catalog.ts`);
      process.exit(1);
    }
    return;
  }
  writeFileSync(CATALOG_FILE, text);
  console.log(`${Object.keys(catalog.services).length} services written to ${CATALOG_FILE}`);
}

if (require.main === module) main(process.argv.slice(2));
