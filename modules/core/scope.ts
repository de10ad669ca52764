import { TerraformProvider } from "cdktf";

/** Props every construct that creates AWS resources accepts. */
export interface AwsResourceProps {
  /**
   * The AWS provider (account and region) to create the resources with. Cross-account
   * patterns pass one provider per account, typically aliases with assume-role.
   * @default - the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * Turns a user-facing name into a Terraform-safe construct ID segment. Used
 * for child IDs derived from literal values (service names, AZs), so the
 * resulting addresses stay stable when list order changes.
 */
export function stableId(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "default";
}
