import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { applyGuardrails, checkApp, checkStack, PRIVATE_NETWORKING_PACK, Rule, suppress } from "../modules/guardrails";
import { stackDiagram, toMermaid } from "../modules/diagram";
import type { BadInput } from "./bad-input-catalog";

/**
 * More bad inputs of the guardrails, their CLI, the diagrams and the app's HCL helpers: wrong values found by reviewing the published API
 * as users would (stop 24). Part of the bad-input catalog.
 */

const REASON = "accepted on purpose for this test";
const alwaysFails: Rule = {
  id: "MY-1",
  name: "Mine",
  severity: "LOW",
  explanation: "A custom rule of the catalog.",
  fix: "None.",
  resourceTypes: ["aws_vpc"],
  check: () => ["always"],
};
const withNetwork = (s: TerraformStack) => {
  new Construct(s, "Network");
  return s;
};

export const GUARDRAIL_BAD_INPUTS: readonly BadInput[] = [
  {
    module: "guardrails",
    api: "applyGuardrails",
    cause: 'A misspelt level ("errors"), which turned the gate into warnings',
    fix: 'Use "error" (synth fails on findings) or "warning".',
    scope: "app",
    path: "guardrails",
    prop: "props.level",
    received: '"errors"',
    build: (s) => applyGuardrails(s.node.root, { level: "errors" as never }),
  },
  {
    module: "guardrails",
    api: "applyGuardrails",
    cause: "A pack given by its name",
    fix: "Pass the pack object, such as PRIVATE_NETWORKING_PACK (the CLI's --pack takes the name).",
    scope: "app",
    path: "guardrails",
    prop: "props.pack",
    received: '"private-networking"',
    build: (s) => applyGuardrails(s, { pack: "private-networking" as never }),
  },
  {
    module: "guardrails",
    api: "suppress",
    cause: "A suppression declared on the App, which cdktf never writes into the JSON",
    fix: "Suppress on each stack (or a construct inside one).",
    scope: "app",
    path: "app",
    prop: "construct",
    received: '"construct app"',
    build: (s) => suppress(s.node.root, "PN-EP2", REASON),
  },
  {
    module: "guardrails",
    api: "suppress",
    cause: "A rule given as a number",
    fix: "Give a built-in rule's ID, such as PN-EP2, or the custom Rule object.",
    path: "Network",
    prop: "ruleId",
    received: "5",
    build: (s) => suppress(withNetwork(s).node.findChild("Network"), 5 as never, REASON),
  },
  {
    module: "guardrails",
    api: "suppress",
    cause: "A Terraform address instead of the construct",
    fix: "Pass the construct (or its stack) whose findings are accepted.",
    scope: "app",
    path: "guardrails",
    prop: "construct",
    received: '"aws_vpc.x"',
    build: () => suppress("aws_vpc.x" as never, "PN-EP2", REASON),
  },
  {
    module: "guardrails",
    api: "checkStack",
    cause: "A construct that is not a stack",
    fix: "Pass the stack (TerraformStack.of(construct)), or the App to checkApp.",
    scope: "app",
    path: "guardrails",
    prop: "stack",
    received: '"construct test/Network"',
    build: (s) => checkStack(withNetwork(s).node.findChild("Network") as never),
  },
  {
    module: "guardrails",
    api: "checkApp",
    cause: "No app",
    fix: "Pass the App, or a list of its stacks.",
    scope: "app",
    path: "guardrails",
    prop: "app",
    received: "undefined",
    build: () => checkApp(undefined as never),
  },
  {
    module: "guardrails",
    api: "checkStack",
    cause: "A custom rule whose resourceTypes is a single string",
    fix: 'List the Terraform resource types: resourceTypes: ["aws_vpc"].',
    scope: "app",
    path: "test",
    prop: "pack.rules[0].resourceTypes",
    received: '"aws_vpc"',
    build: (s) => checkStack(s, { ...PRIVATE_NETWORKING_PACK, rules: [{ ...alwaysFails, resourceTypes: "aws_vpc" as never }] }),
  },
  {
    module: "diagram",
    api: "stackDiagram",
    cause: "The cdk.tf.json file's text instead of its parsed JSON, which drew an empty diagram",
    fix: "JSON.parse the file's text first.",
    scope: "app",
    path: "diagram",
    prop: "stack",
    received: '"{\\"resource\\":{}}"',
    build: () => stackDiagram('{"resource":{}}' as never),
  },
  {
    module: "diagram",
    api: "stackDiagram",
    cause: "A resource block that is null",
    fix: "Give the synthesized JSON as cdktf writes it: every block an object of its arguments.",
    scope: "app",
    path: "diagram",
    prop: "stack.resource.aws_vpc.x",
    received: "null",
    build: () => stackDiagram({ resource: { aws_vpc: { x: null } } } as never),
  },
  {
    module: "diagram",
    api: "toMermaid",
    cause: "A direction Mermaid does not know",
    fix: 'Use "LR" or "TB".',
    scope: "app",
    path: "diagram",
    prop: "options.direction",
    received: '"sideways"',
    build: () => toMermaid(stackDiagram({}), { direction: "sideways" as never }),
  },
];
