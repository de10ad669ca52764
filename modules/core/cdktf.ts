/**
 * The library's one door to the CDK runtime: every other file of modules/
 * imports cdktf's classes and functions from here (test/layers.test.ts
 * fails otherwise), so moving to another runtime under its own package name
 * changes the imports of this file only.
 *
 * Today cdktf 0.21.0 and CDK Terrain 0.24 (cdktn) are both reached through
 * the package name `cdktf`: cdktn users alias it (`"cdktf": "npm:cdktn@0.24.0"`),
 * because @cdktf/provider-aws 20.x, the only bindings of hashicorp/aws 5.x,
 * import `cdktf` themselves and would otherwise load a second runtime.
 * `npm run cdktn` proves the alias; docs/PROVIDER-6.md says what the move to
 * @cdktn/provider-aws (aws 6.x) changes here.
 */
export {
  Annotations,
  App,
  Aspects,
  CloudBackend,
  Fn,
  Lazy,
  LocalBackend,
  NamedCloudWorkspace,
  Op,
  S3Backend,
  TerraformBackend,
  TerraformIterator,
  TerraformOutput,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  TerraformVariable,
  Token,
} from "cdktf";
export type { IAspect, IResolvable, ITerraformDependable } from "cdktf";
// A resource's `depends_on` entry for a dependency added after the resource was made.
export { dependable } from "cdktf";
// Not in cdktf's index, but the function its stacks synthesize with; the package has no export map.
export { resolve as resolveTokens } from "cdktf/lib/_tokens";

/**
 * The runtime's module that records a stack trace per token
 * (core/synth-performance.ts switches it off), loaded on demand: only an
 * app's entry file asks for it.
 */
export function tokenStackTraceModule(): { captureStackTrace?: unknown; captureCreationStack?: unknown } {
  // require, not import: bundlers copy imported namespaces, and the patch must reach cdktf's own module object.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("cdktf/lib/tokens/private/stack-trace") as { captureStackTrace?: unknown; captureCreationStack?: unknown };
}
