import { Aspects, IAspect, TerraformStack, TerraformVariable } from "../core/cdktf";
import { Construct, IConstruct } from "constructs";
import { ValidationError } from "../core/errors";

/**
 * The arguments of a variable that cdktf 0.21 leaves out of `synth --hcl`
 * when their value is falsy (its HCL writer keeps only `!!value`): a bool
 * variable's `default = false` vanished, which makes the variable required,
 * and `nullable = false` vanished, which lets `null` in. The JSON output
 * keeps them.
 */
const FALSY_DROPPED_ARGUMENTS = ["default", "sensitive", "nullable"] as const;

/**
 * Fixes what cdktf's HCL output gets wrong, leaving the JSON output unchanged:
 * - it puts back what cdktf drops from variables (a `false`, `0` or `""`
 *   default, `sensitive = false`, `nullable = false`), as raw overrides that
 *   both outputs write and the JSON output already holds;
 * - it writes references as references, not as the quoted strings cdktf
 *   writes, which Terraform 0.12 deprecated: `depends_on` entries
 *   (`[aws_kms_key_policy.x]`), `lifecycle` attribute lists
 *   (`ignore_changes = [vpc]`, and `ignore_changes = all`, which `terraform
 *   validate` rejects quoted) and `provider = aws.consumer`. `terraform
 *   validate` warned once per quoted reference and module (1,016 warnings
 *   over the example app's HCL), which also slowed init and validate.
 * {@link PrivateNetworkingStack} applies it to itself; call it for any other
 * stack whose HCL you use.
 */
export function fixHclOutput(stack: TerraformStack): void {
  if (!TerraformStack.isStack(stack)) throw new ValidationError("fixHclOutput", "stack", shownScope(stack), "a TerraformStack");
  Aspects.of(stack).add(new FalsyVariableArguments());
  const render = stack.toHclTerraform.bind(stack);
  stack.toHclTerraform = () => {
    const rendered = render();
    return typeof rendered.hcl === "string" ? { ...rendered, hcl: referencesUnquoted(rendered.hcl) } : rendered;
  };
}

/**
 * A list of references as cdktf writes it: one quoted entry per line, with a
 * comma after each (resources, data sources, modules, lifecycle), or with
 * commas between them and each as an interpolation (`"${aws_vpc.x}"`, outputs).
 */
const REFERENCE_LIST = /^([ \t]*(?:depends_on|ignore_changes|replace_triggered_by) = \[\n)((?:[ \t]*"[^"\n]*",?\n)*)([ \t]*\])/gm;
const QUOTED_ENTRY = /^([ \t]*)"(?:\$\{([^"{}\n]*)\}|([^"{}\n]*))"(,?)$/gm;
/** A reference Terraform reads literally: a resource, data source or module (`data.aws_region.x`), or an attribute (`tags.Name`). */
const REFERENCE = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*$/;
/** A resource's, data source's or module's provider, quoted by cdktf: `provider = "aws"`, `provider = "aws.consumer"`. */
const QUOTED_PROVIDER = /^([ \t]*provider = )"([a-z][a-z0-9_-]*(?:\.[A-Za-z_][\w-]*)?)"$/gm;

/** `ignore_changes = "all"`, which terraform validate rejects: Terraform reads `all` as a keyword, never as a string. */
const QUOTED_IGNORE_ALL = /^([ \t]*ignore_changes = )"all"$/gm;

/** The HCL with the provider references, the entries of reference lists and `ignore_changes = all` unquoted. */
function referencesUnquoted(hcl: string): string {
  const lists = hcl.replace(REFERENCE_LIST, (_list, opening: string, entries: string, closing: string) => {
    const unquoted = entries.replace(QUOTED_ENTRY, (entry, indent: string, interpolated?: string, plain?: string, comma?: string) => {
      const reference = interpolated ?? plain ?? "";
      return REFERENCE.test(reference) ? `${indent}${reference}${comma ?? ""}` : entry;
    });
    return `${opening}${unquoted}${closing}`;
  });
  return lists.replace(QUOTED_PROVIDER, "$1$2").replace(QUOTED_IGNORE_ALL, "$1all");
}

/** A construct by its path (its JSON would be its whole tree), anything else as it is. */
function shownScope(value: unknown): unknown {
  return Construct.isConstruct(value) ? `construct ${value.node.path || "app"}` : value;
}

class FalsyVariableArguments implements IAspect {
  public visit(node: IConstruct): void {
    if (!(node instanceof TerraformVariable)) return;
    const written = node.toTerraform() as { variable: Record<string, Record<string, unknown>> };
    const variable = written.variable[node.friendlyUniqueId] ?? {};
    for (const argument of FALSY_DROPPED_ARGUMENTS) {
      const value = variable[argument];
      if (value === false || value === 0 || value === "") node.addOverride(argument, value);
    }
  }
}
