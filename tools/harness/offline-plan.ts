/**
 * How the harness plans a synthesized stack without an AWS account.
 *
 * - "plan": a real `terraform plan` on the real provider, configured by an
 *   override file with fake keys and the provider's skip flags. Possible when
 *   the stack reads no data source (those call the API at plan time) and
 *   assumes no role (the provider would call STS while configuring).
 * - "mock": `terraform test` with `mock_provider "aws"` for every provider
 *   configuration, planning and applying with mocked values. The provider's
 *   schema validators still run; data sources and computed attributes the
 *   stacks compute with get realistic defaults below.
 */

import { OFFLINE_PLAN_PROVIDER_SETTINGS } from "../../modules/app/offline-plan";

export type PlanStrategy = "plan" | "mock";

export interface ProviderBlock {
  readonly alias?: string;
  readonly assume_role?: unknown[];
  readonly [argument: string]: unknown;
}

/** The parts of a synthesized stack (cdk.tf.json) the harness reads. */
export interface StackJson {
  readonly provider?: { readonly aws?: readonly ProviderBlock[] };
  readonly data?: Record<string, unknown>;
  readonly resource?: Record<string, unknown>;
  readonly variable?: Record<string, unknown>;
  readonly output?: Record<string, unknown>;
  readonly import?: Record<string, unknown>;
  readonly terraform?: {
    readonly backend?: unknown;
    readonly cloud?: unknown;
    readonly required_providers?: Record<string, unknown>;
    readonly [setting: string]: unknown;
  };
  readonly [block: string]: unknown;
}

export function planStrategy(stack: StackJson): PlanStrategy {
  const assumesRole = (stack.provider?.aws ?? []).some((p) => (p.assume_role ?? []).length > 0);
  const readsData = Object.keys(stack.data ?? {}).length > 0;
  return assumesRole || readsData ? "mock" : "plan";
}

/** The aliases of the stack's AWS provider configurations (undefined: the default one), at least the default. */
export function providerAliases(stack: StackJson): (string | undefined)[] {
  const blocks = stack.provider?.aws ?? [];
  return blocks.length === 0 ? [undefined] : blocks.map((p) => p.alias);
}

/** `<name>_override.tf.json` content for the "plan" strategy. */
export function planOverride(stack: StackJson): string {
  const offline = OFFLINE_PLAN_PROVIDER_SETTINGS;
  const aws = providerAliases(stack).map((alias) => (alias === undefined ? offline : { alias, ...offline }));
  return JSON.stringify({ provider: { aws } }, null, 2);
}

const ACCOUNT = "111111111111";
const REGION = "us-east-1";

/** Mocked values of data sources the library may read, by type. */
const MOCK_DATA: Record<string, Record<string, unknown>> = {
  aws_vpc_endpoint_service: { availability_zones: [`${REGION}a`, `${REGION}b`, `${REGION}c`], private_dns_name: "", acceptance_required: false },
  aws_caller_identity: { account_id: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:role/deployer` },
  aws_region: { name: REGION, id: REGION },
  aws_partition: { partition: "aws", dns_suffix: "amazonaws.com" },
  aws_availability_zones: { names: [`${REGION}a`, `${REGION}b`, `${REGION}c`], zone_ids: ["use1-az1", "use1-az2", "use1-az4"] },
  aws_ec2_managed_prefix_list: { id: "pl-0123456789abcdef0", arn: `arn:aws:ec2:${REGION}:aws:prefix-list/pl-0123456789abcdef0` },
  aws_organizations_organization: { id: "o-a1b2c3d4e5", arn: `arn:aws:organizations::${ACCOUNT}:organization/o-a1b2c3d4e5` },
};

/**
 * Computed attributes that stacks compute with (CIDR math, DNS aliases) or that
 * other resources' validators parse (ARNs): mocked with well-formed values
 * instead of the random strings mock providers make up.
 */
const MOCK_RESOURCES: Record<string, Record<string, unknown>> = {
  aws_vpc: { ipv6_cidr_block: "2600:1f18:1234:5600::/56", arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc/vpc-0123456789abcdef0` },
  aws_vpc_endpoint: {
    dns_entry: [{ dns_name: `vpce-0123456789abcdef0-abcdefgh.example.${REGION}.vpce.amazonaws.com`, hosted_zone_id: "Z7HUB22UULQXV" }],
  },
  aws_vpc_endpoint_service: {
    service_name: `com.amazonaws.vpce.${REGION}.vpce-svc-0123456789abcdef0`,
    private_dns_name_configuration: [{ name: "_abcdefgh1234", type: "TXT", value: "vpce:abcdefghijklmnop", state: "pendingVerification" }],
    arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:vpc-endpoint-service/vpce-svc-0123456789abcdef0`,
  },
  aws_lb: {
    arn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/net/example/0123456789abcdef`,
    dns_name: `example-0123456789abcdef.elb.${REGION}.amazonaws.com`,
    zone_id: "Z26RNL4JYFTOTI",
  },
  aws_vpclattice_service: {
    arn: `arn:aws:vpc-lattice:${REGION}:${ACCOUNT}:service/svc-0123456789abcdef0`,
    dns_entry: [{ domain_name: `example-0123456789abcdef0.7d67968.vpc-lattice-svcs.${REGION}.on.aws`, hosted_zone_id: "Z09127221KTH2CFUOHIZH" }],
  },
  aws_vpclattice_service_network: { arn: `arn:aws:vpc-lattice:${REGION}:${ACCOUNT}:servicenetwork/sn-0123456789abcdef0` },
  aws_vpclattice_resource_configuration: { arn: `arn:aws:vpc-lattice:${REGION}:${ACCOUNT}:resourceconfiguration/rcfg-0123456789abcdef0` },
  aws_vpclattice_target_group: { arn: `arn:aws:vpc-lattice:${REGION}:${ACCOUNT}:targetgroup/tg-0123456789abcdef0` },
  aws_cloudwatch_log_group: { arn: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/vendedlogs/vpclattice/mock` },
  aws_s3_bucket: { arn: "arn:aws:s3:::mock-bucket" },
  aws_kinesis_firehose_delivery_stream: { arn: `arn:aws:firehose:${REGION}:${ACCOUNT}:deliverystream/mock` },
  aws_sns_topic: { arn: `arn:aws:sns:${REGION}:${ACCOUNT}:mock` },
  aws_lambda_function: { arn: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:mock` },
  aws_kms_key: { arn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/0123abcd-0123-4567-89ab-0123456789ab` },
  aws_acm_certificate: { arn: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/0123abcd-0123-4567-89ab-0123456789ab` },
  aws_lb_target_group: { arn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/mock/0123456789abcdef` },
  aws_iam_role: { arn: `arn:aws:iam::${ACCOUNT}:role/mock` },
  aws_db_instance: { arn: `arn:aws:rds:${REGION}:${ACCOUNT}:db:mock`, address: `mock.abcdefghijkl.${REGION}.rds.amazonaws.com`, port: 5432 },
  aws_ram_resource_share: { arn: `arn:aws:ram:${REGION}:${ACCOUNT}:resource-share/0123abcd-0123-4567-89ab-0123456789ab` },
  aws_ec2_transit_gateway: { arn: `arn:aws:ec2:${REGION}:${ACCOUNT}:transit-gateway/tgw-0123456789abcdef0` },
};

function hclValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(hclValue).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k} = ${hclValue(v)}`)
      .join(", ")} }`;
  }
  return JSON.stringify(value);
}

function defaultsFor(kind: "mock_data" | "mock_resource", defaults: Record<string, Record<string, unknown>>, present: Set<string>): string[] {
  return Object.entries(defaults)
    .filter(([type]) => present.has(type))
    .map(([type, values]) => `  ${kind} "${type}" {\n    defaults = ${hclValue(values)}\n  }`);
}

/** The body of a stack's `mock_provider "aws"` blocks: defaults for the data sources and resources it uses. */
export function mockBlocks(stack: StackJson): string[] {
  const dataTypes = new Set(Object.keys(stack.data ?? {}));
  const resourceTypes = new Set(Object.keys(stack.resource ?? {}));
  return [...defaultsFor("mock_data", MOCK_DATA, dataTypes), ...defaultsFor("mock_resource", MOCK_RESOURCES, resourceTypes)];
}

/** `harness.tftest.hcl` content for the "mock" strategy: a mocked plan and apply. */
export function mockTest(stack: StackJson): string {
  const body = mockBlocks(stack);
  const providers = providerAliases(stack).map((alias) =>
    [`mock_provider "aws" {`, ...(alias === undefined ? [] : [`  alias = "${alias}"`]), ...body, "}"].join("\n"),
  );
  // One apply run: Terraform plans, then applies the plan with the mocked provider.
  return [...providers, 'run "apply" {\n  command = apply\n}', ""].join("\n\n");
}
