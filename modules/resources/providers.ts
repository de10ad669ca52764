import { TerraformProvider } from "../core/cdktf";
import { IConstruct } from "constructs";
import { ValidationError } from "../core";

/**
 * Fails unless a `provider` given is a Terraform provider (an AwsProvider):
 * a string or a plain object (`provider: "partner"`, a JavaScript caller's
 * alias) is dropped by cdktf without a word, and the resources are then
 * made with the stack's default provider, in the wrong account. `whose`
 * says whose account it must be (`the partner account's`). Returns the provider.
 * @internal
 */
export function checkProvider(
  scope: IConstruct,
  prop: string,
  provider: TerraformProvider | undefined,
  whose: string,
): TerraformProvider | undefined {
  if (provider === undefined || TerraformProvider.isTerraformProvider(provider)) return provider;
  throw new ValidationError(scope, prop, provider, `an AwsProvider (${whose})`);
}
