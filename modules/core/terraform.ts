import { Lazy, resolveTokens, TerraformResource, TerraformStack } from "./cdktf";
import { IConstruct } from "constructs";
import { RecordedOptOut } from "./opt-out";

/**
 * The construct tree seen as the Terraform it synthesizes to: addresses of
 * constructs, the stack's JSON, and notes for the flow analysis written
 * into `//` comments, which Terraform ignores. The flow analysis and the
 * areas use these instead of calling cdktf themselves.
 */

/** The stack a construct belongs to. */
export function stackOf(construct: IConstruct): TerraformStack {
  return TerraformStack.of(construct);
}

/** True for a construct that is a Terraform stack. */
export function isStack(construct: unknown): construct is TerraformStack {
  return TerraformStack.isStack(construct);
}

/** The stack as Terraform receives it (`cdk.tf.json`), escape hatches and overrides included, `//` notes kept. */
export function synthesizedJson(stack: TerraformStack): Record<string, unknown> {
  return stack.toTerraform() as Record<string, unknown>;
}

/** Resolves tokens to what the synthesized JSON will hold (`${aws_vpc.main.id}`, `${var.x}`, literals). */
export function resolvedValue(scope: IConstruct, value: unknown): unknown {
  return resolveTokens(TerraformStack.of(scope), value);
}

/**
 * The Terraform address (`aws_vpc.Vpc_1A2B3C4D`) a construct synthesizes to:
 * its own for a resource or data source, else that of its `Resource` child
 * (the primary resource of a building block). Undefined for constructs that
 * create no resource themselves (imported ones).
 */
export function terraformAddressOf(construct: IConstruct): string | undefined {
  const element = TerraformResource.isTerraformResource(construct) ? construct : construct.node.tryFindChild("Resource");
  if (element === undefined || !TerraformResource.isTerraformResource(element)) return undefined;
  return `${element.terraformResourceType}.${element.friendlyUniqueId}`;
}

/** Writes a note for the flow analysis into a resource's `//` comment (`//.flows.<key>`), which Terraform ignores. */
export function annotateForFlows(resource: TerraformResource, key: string, value: unknown): void {
  resource.addOverride(`//.flows.${key}`, value);
}

/** Records a turned-off default and its reason in a resource's `//` comment (`//.opt_outs.<name>`), for reviewers and the guardrails. */
export function recordOptOut(resource: TerraformResource, name: RecordedOptOut, reason: string): void {
  resource.addOverride(`//.opt_outs.${name}`, reason);
}

/** Writes a note for the flow analysis into the stack's top-level `//` comment, computed at synth. */
export function recordInStack(stack: TerraformStack, key: string, produce: () => unknown): void {
  stack.addOverride(`//.flows.${key}`, Lazy.anyValue({ produce }));
}
