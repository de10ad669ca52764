import { Construct } from "constructs";
import { Vpc } from "../../modules/vpc";
import { EXAMPLE_AZ_IDS, exampleVpc, ExampleVpcOptions, OWNER_ACCOUNT, SECOND_ACCOUNT, THIRD_ACCOUNT } from "../example-values";

/** The account that offers the example endpoint services. */
export const PROVIDER_ACCOUNT = OWNER_ACCOUNT;
/** Consumer accounts (teams, customers, partners, business units). */
export const CONSUMER_ACCOUNT_A = SECOND_ACCOUNT;
export const CONSUMER_ACCOUNT_B = THIRD_ACCOUNT;

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

/**
 * A VPC of these stacks: each meets another account's VPC across
 * PrivateLink, so it is placed by AZ ID (an AZ name maps to a different zone
 * in each account); the endpoints' zones can then be checked against the
 * load balancers' at synth and in the flows.
 */
export function privateLinkVpc(
  scope: Construct,
  id: string,
  name: string,
  cidrBlock: string,
  options: Omit<ExampleVpcOptions, "availabilityZones"> = {},
): Vpc {
  return exampleVpc(scope, id, name, cidrBlock, { ...options, availabilityZones: EXAMPLE_AZ_IDS });
}
