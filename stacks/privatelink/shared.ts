import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { PrivateVpc } from "../../modules/vpc";
import { EXAMPLE_AZS } from "../example-stack";

/** The account that offers the example endpoint services. */
export const PROVIDER_ACCOUNT = "111111111111";
/** Consumer accounts (teams, customers, partners, business units). */
export const CONSUMER_ACCOUNT_A = "222222222222";
export const CONSUMER_ACCOUNT_B = "333333333333";

/** ACM certificates of the provider account, for TLS listeners. */
export const CERTIFICATES = {
  internalApi: `arn:aws:acm:us-east-1:${PROVIDER_ACCOUNT}:certificate/11111111-2222-3333-4444-555555555555`,
  saas: `arn:aws:acm:us-east-1:${PROVIDER_ACCOUNT}:certificate/22222222-3333-4444-5555-666666666666`,
  logging: `arn:aws:acm:us-east-1:${PROVIDER_ACCOUNT}:certificate/33333333-4444-5555-6666-777777777777`,
} as const;

/** The provider account's bucket for load balancer access logs (its policy lets ELB log delivery write; NLBs log TLS listeners). */
export const NLB_ACCESS_LOG_BUCKET = `nlb-access-logs-${PROVIDER_ACCOUNT}`;

/** The provider account's public zone, where endpoint services prove they own their private DNS names. */
export const EXAMPLE_ZONE = { zoneId: "Z0123456789EXAMPLE0AB", zoneName: "example.com" } as const;

export interface ExampleVpcOptions {
  /** @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /** @default false */
  readonly dualStack?: boolean;
}

/** A private VPC in the example AZs: what every PrivateLink stack starts from, on both sides. */
export function exampleVpc(scope: Construct, id: string, name: string, cidrBlock: string, options: ExampleVpcOptions = {}): PrivateVpc {
  return new PrivateVpc(scope, id, { name, cidrBlock, availabilityZones: EXAMPLE_AZS, provider: options.provider, dualStack: options.dualStack });
}
