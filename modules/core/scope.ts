import { Aspects, TerraformProvider } from "./cdktf";
import { IConstruct } from "constructs";

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

/**
 * A Name tag that tells resources apart in the console: the construct path
 * below the stack, such as `Consumer-payments-Endpoint`.
 * @internal
 */
export function nameFromPath(construct: IConstruct): string {
  return construct.node.path.split("/").slice(1).join("-");
}

/**
 * The provider a construct creates its resources with: the one it was given,
 * else the one of the resource it belongs to (its VPC, service, gateway), so
 * that by default a resource lives in the account that owns what it attaches to.
 * @internal
 */
export function providerOf(given: AwsResourceProps, owner: { readonly provider?: TerraformProvider } | undefined): TerraformProvider | undefined {
  return given.provider ?? owner?.provider;
}

/**
 * Runs `check` when the stack is synthesized, once every construct the
 * check reads exists (listeners added after an association, a private zone
 * made after a configuration): a ValidationError it throws fails the synth
 * as it is, in every way of synthesizing (an aspect, where cdktf's
 * `node.addValidation` runs only in `app.synth()` and wraps the message).
 */
export function checkAtSynth(scope: IConstruct, check: () => void): void {
  Aspects.of(scope).add({ visit: (node) => (node === scope ? check() : undefined) });
}
