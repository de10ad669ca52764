import { Annotations, App, Aspects, IAspect, TerraformStack } from "../core/cdktf";
import { IConstruct } from "constructs";
import { ValidationError } from "../core/errors";
import { synthesizedJson } from "../core/terraform";
import { checkConstruct, checkOptions, checkPack, GUARDRAILS_API, shown } from "./arguments";
import { StackModel, TfBlock } from "./model";
import { PRIVATE_NETWORKING_PACK, RulePack } from "./packs";
import { Rule, Severity } from "./rule";
import { describeSuppression, optOutSuppression, recordedSuppression, Suppression, suppressionFor } from "./suppressions";

/** One problem one rule found with one resource. */
export interface Finding {
  /** Name of the stack the resource is in. */
  readonly stack: string;
  /** e.g. PN-EP2. */
  readonly ruleId: string;
  /** e.g. VpcEndpointPolicyDefined. */
  readonly ruleName: string;
  /** The rule's severity. */
  readonly severity: Severity;
  /** Terraform address, e.g. `aws_vpc_endpoint.s3_Resource_1A2B3C4D` (`module.network.aws_vpc.this[0]` from a plan). */
  readonly address: string;
  /** Construct path of the resource; its address when the Terraform did not come from cdktf. */
  readonly path: string;
  /** What is wrong with this resource. */
  readonly message: string;
  /** Set when the finding is accepted on purpose (a suppression, or an opt-out the rule honours); it then does not fail the check. @default - not suppressed */
  readonly suppression?: Suppression;
}

/**
 * Runs a pack over one stack as it would be synthesized now. Suppressions
 * come from the construct tree, so they name the construct they were
 * declared on.
 */
export function checkStack(stack: TerraformStack, pack: RulePack = PRIVATE_NETWORKING_PACK): Finding[] {
  if (!TerraformStack.isStack(stack))
    throw new ValidationError(GUARDRAILS_API, "stack", shown(stack), "a TerraformStack (checkApp takes an App, checkModel a StackModel)");
  checkPack(stack, "pack", pack);
  const constructs = new Map(stack.node.findAll().map((c) => [c.node.path, c] as const));
  return findings(StackModel.fromJson(stack.node.id, synthesizedJson(stack)), pack, (block, ruleId) =>
    suppressionFor(constructs.get(block.path), ruleId),
  );
}

/**
 * Runs a pack over an already-read configuration: synthesized JSON files or
 * a plan. Suppressions are the ones recorded in the JSON (see {@link suppress}).
 */
export function checkModel(model: StackModel, pack: RulePack = PRIVATE_NETWORKING_PACK): Finding[] {
  if (!(model instanceof StackModel))
    throw new ValidationError(GUARDRAILS_API, "model", shown(model), "a StackModel: read Terraform JSON with StackModel.fromJson(stackName, json)");
  checkPack(GUARDRAILS_API, "pack", pack);
  return findings(model, pack, recordedSuppression);
}

function findings(model: StackModel, pack: RulePack, suppressionOf: (block: TfBlock, ruleId: string) => Suppression | undefined): Finding[] {
  return pack.rules.flatMap((rule) =>
    model.blocks
      .filter((block) => block.mode === "resource" && rule.resourceTypes.includes(block.type))
      .flatMap((block) =>
        messagesOf(rule, block, model).map((message) => ({
          stack: model.stackName,
          ruleId: rule.id,
          ruleName: rule.name,
          severity: rule.severity,
          address: block.address,
          path: block.path,
          message,
          // A declared suppression names its construct; the opt-out recorded on the resource is the fallback.
          suppression: suppressionOf(block, rule.id) ?? optOutSuppression(block, rule),
        })),
      ),
  );
}

/**
 * A rule's messages for one block. A custom rule that throws or returns
 * something else than a list of messages fails the check naming the rule,
 * instead of a TypeError that names none (or findings made of characters).
 */
function messagesOf(rule: Rule, block: TfBlock, model: StackModel): readonly string[] {
  let messages: unknown;
  try {
    messages = rule.check(block, model);
  } catch (error) {
    throw new Error(`guardrail rule ${rule.id} (${rule.name}) failed on ${block.address} in stack ${model.stackName}: ${String(error)}`, {
      cause: error,
    });
  }
  if (!Array.isArray(messages) || messages.some((m) => typeof m !== "string"))
    throw new ValidationError(
      block.path,
      `${rule.id}.check`,
      messages,
      `a list of messages (strings) from rule ${rule.id} (${rule.name}), empty when ${block.address} complies`,
    );
  return messages;
}

/** Runs a pack over every stack of an app (or over the given stacks), without writing anything. */
export function checkApp(appOrStacks: App | readonly TerraformStack[], pack: RulePack = PRIVATE_NETWORKING_PACK): Finding[] {
  let stacks: readonly TerraformStack[];
  if (Array.isArray(appOrStacks)) {
    appOrStacks.forEach((stack: unknown, i) => {
      if (!TerraformStack.isStack(stack)) throw new ValidationError(GUARDRAILS_API, `stacks[${i}]`, shown(stack), "a TerraformStack");
    });
    stacks = appOrStacks;
  } else {
    checkConstruct(GUARDRAILS_API, "app", appOrStacks, "an App (or a list of its stacks)");
    stacks = (appOrStacks as App).node.findAll().filter(TerraformStack.isStack);
  }
  checkPack(GUARDRAILS_API, "pack", pack);
  return stacks.flatMap((stack) => checkStack(stack, pack));
}

/** True for findings that fail the check (no suppression applies). */
export function isUnsuppressed(finding: Finding): boolean {
  return finding.suppression === undefined;
}

const LEVELS: readonly ("error" | "warning")[] = ["error", "warning"];

/** Options of {@link GuardrailsAspect}. */
export interface GuardrailsAspectProps {
  /** @default PRIVATE_NETWORKING_PACK */
  readonly pack?: RulePack;
  /**
   * How unsuppressed findings are reported: `error` annotations fail
   * `cdktf synth`, `warning` annotations are printed only.
   * @default "error"
   */
  readonly level?: "error" | "warning";
}

/**
 * Runs a pack at synth time, the cdk-nag way. Findings become annotations on
 * the offending resources (suppressed ones as info, with their reason) and
 * are kept in {@link GuardrailsAspect.findings}. Added to a stack, it checks
 * the stack; added to a construct inside a stack, the findings below that
 * construct only.
 *
 * For a whole app use {@link applyGuardrails}: cdktf 0.21 (and cdktn) run
 * aspects per stack, starting at the stack, so an aspect added to the App
 * itself is never invoked and the check would be silently off.
 */
export class GuardrailsAspect implements IAspect {
  /** Every finding reported so far, suppressed ones included. */
  public readonly findings: Finding[] = [];
  private readonly pack: RulePack;
  private readonly level: "error" | "warning";
  private readonly checkedStacks = new Set<TerraformStack>();

  constructor(props: GuardrailsAspectProps = {}) {
    const options = checkOptions(GUARDRAILS_API, "props", props, ["pack", "level"]);
    this.pack = options.pack === undefined ? PRIVATE_NETWORKING_PACK : checkPack(GUARDRAILS_API, "props.pack", options.pack);
    // A typo such as "errors" must not turn the gate into warnings.
    if (options.level !== undefined && !LEVELS.includes(options.level))
      throw new ValidationError(GUARDRAILS_API, "props.level", options.level, `one of ${LEVELS.map((l) => `"${l}"`).join(", ")}`);
    this.level = options.level ?? "error";
  }

  public visit(node: IConstruct): void {
    if (App.isApp(node)) return;
    const stack = TerraformStack.of(node);
    if (this.checkedStacks.has(stack)) return;
    this.checkedStacks.add(stack);
    // Aspects visit top-down, so the first node seen in a stack is the one the aspect was added to (or the stack).
    const root = node.node.path;
    const below = checkStack(stack, this.pack).filter((f) => f.path === root || f.path.startsWith(`${root}/`));
    this.findings.push(...below);
    for (const finding of below) this.annotate(stack, finding);
  }

  private annotate(stack: TerraformStack, finding: Finding): void {
    const target = stack.node.findAll().find((c) => c.node.path === finding.path) ?? stack;
    const text = `[${finding.ruleId}] ${finding.ruleName}: ${finding.message}`;
    if (finding.suppression !== undefined) Annotations.of(target).addInfo(`${text} (${describeSuppression(finding.suppression)})`);
    else if (this.level === "error") Annotations.of(target).addError(text);
    else Annotations.of(target).addWarning(text);
  }
}

/**
 * Adds one {@link GuardrailsAspect} to every stack of an app (call it after
 * creating the stacks), or to the given stack or construct, and returns it:
 * `cdktf synth` then fails on unsuppressed findings (with `level: "error"`).
 * Fails when an app has no stack yet, since the check would cover nothing.
 */
export function applyGuardrails(scope: IConstruct, props: GuardrailsAspectProps = {}): GuardrailsAspect {
  checkConstruct(GUARDRAILS_API, "scope", scope, "an App, stack or construct to check");
  const aspect = new GuardrailsAspect(props);
  if (!App.isApp(scope)) {
    Aspects.of(scope).add(aspect);
    return aspect;
  }
  const stacks = scope.node.findAll().filter(TerraformStack.isStack);
  if (stacks.length === 0) {
    throw new ValidationError(
      scope,
      "stacks",
      [],
      "an app whose stacks exist already: call applyGuardrails(app) after creating them (aspects run per stack)",
    );
  }
  for (const stack of stacks) Aspects.of(stack).add(aspect);
  return aspect;
}
