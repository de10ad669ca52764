import { TerraformProvider } from "../core/cdktf";
import { IConstruct } from "constructs";
import { AppRegistry, stackOf, ValidationError } from "../core";

/** What AWS wants named once per account in this area. */
type NamedKind = "resource gateway" | "resource configuration";

/** The names claimed per kind, stack and provider (account), with the path of the construct that has each. */
const namesInUse = new AppRegistry<string, string>();

/**
 * AWS wants resource gateway and resource configuration names unique in
 * the account: the same name twice for one provider of a stack fails at
 * apply, after the first of the two exists. Fails for the second at synth,
 * naming the first.
 */
export function claimAccountName(scope: IConstruct, kind: NamedKind, name: string, provider: TerraformProvider | undefined): void {
  const account = provider === undefined ? "default" : provider.node.path;
  const other = namesInUse.claim(scope, `${kind}|${stackOf(scope).node.path}|${account}|${name}`, scope.node.path);
  if (other !== undefined) throw new ValidationError(scope, "name", name, `a name not used by another ${kind} of the account (${other} has it)`);
}
