// No runtime import: the harness (tools/harness/offline-plan.ts) plans with the same settings without loading cdktf.

/**
 * What an offline plan (`CDKTF_OFFLINE_PLAN=true`) sets on every AWS
 * provider of the stack: no call to STS, IAM or the instance metadata
 * service, so `cdktf diff` plans with any keys and no network. The provider
 * cannot learn the account then, so `allowed_account_ids` goes too: it
 * would refuse every plan.
 */
export const OFFLINE_PLAN_PROVIDER_SETTINGS = {
  /** No STS GetCallerIdentity for the keys. */
  skip_credentials_validation: true,
  /** No STS or IAM call for the account ID. */
  skip_requesting_account_id: true,
  /** No call to the EC2 instance metadata service. */
  skip_metadata_api_check: true,
  /** Regions the provider release does not know yet still plan. */
  skip_region_validation: true,
  /** Removed: without the account ID the provider would refuse every plan. */
  allowed_account_ids: null,
} as const;

/** The variable that switches a stack to offline plans. */
export const OFFLINE_PLAN_ENV = "CDKTF_OFFLINE_PLAN";
