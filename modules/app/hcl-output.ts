import { Aspects, IAspect, TerraformStack, TerraformVariable } from "../core/cdktf";
import { IConstruct } from "constructs";

/**
 * The arguments of a variable that cdktf 0.21 leaves out of `synth --hcl`
 * when their value is falsy (its HCL writer keeps only `!!value`): a bool
 * variable's `default = false` vanished, which makes the variable required,
 * and `nullable = false` vanished, which lets `null` in. The JSON output
 * keeps them.
 */
const FALSY_DROPPED_ARGUMENTS = ["default", "sensitive", "nullable"] as const;

/**
 * Puts back what cdktf's HCL output drops from variables (a `false`, `0` or
 * `""` default, `sensitive = false`, `nullable = false`), as raw overrides
 * that both outputs write and the JSON output already holds, so the JSON is
 * unchanged. {@link PrivateNetworkingStack} applies it to itself; call it
 * for any other stack whose HCL you use.
 */
export function fixHclOutput(stack: TerraformStack): void {
  Aspects.of(stack).add(new FalsyVariableArguments());
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
