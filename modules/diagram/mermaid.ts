import { ValidationError } from "../core/errors";
import { DIAGRAM_API, DiagramNode, DiagramNodeKind, StackDiagram } from "./model";

const DIRECTIONS: readonly NonNullable<MermaidOptions["direction"]>[] = ["LR", "TB"];

/** How {@link toMermaid} lays the chart out. */
export interface MermaidOptions {
  /** Flow direction of the chart. @default "LR" */
  readonly direction?: "LR" | "TB";
}

/** Title and Mermaid shape of each kind, so that a reader tells them apart without colours. */
const SHAPES: Record<Exclude<DiagramNodeKind, "vpc">, { readonly title: string; readonly open: string; readonly close: string }> = {
  endpoint: { title: "VPC endpoint", open: "([", close: "])" },
  endpointService: { title: "Endpoint service", open: "[[", close: "]]" },
  serviceNetwork: { title: "Service network", open: "{{", close: "}}" },
  service: { title: "Lattice service", open: "(", close: ")" },
  targetGroup: { title: "Target group", open: "[/", close: "/]" },
  resourceConfiguration: { title: "Resource configuration", open: "[(", close: ")]" },
  resourceGateway: { title: "Resource gateway", open: ">", close: "]" },
  resourceShare: { title: "RAM share", open: "((", close: "))" },
  loadBalancer: { title: "Load balancer", open: "[", close: "]" },
  workload: { title: "Workload", open: "[", close: "]" },
  awsService: { title: "AWS service", open: "[/", close: "\\]" },
  principal: { title: "Principal", open: "[", close: "]" },
};

const STYLES: Record<DiagramNodeKind, string> = {
  vpc: "fill:#f4f9ff,stroke:#1f6feb",
  endpoint: "fill:#e6f4ea,stroke:#1a7f37",
  endpointService: "fill:#fff4e5,stroke:#bc4c00",
  serviceNetwork: "fill:#f3e8ff,stroke:#8250df",
  service: "fill:#fbefff,stroke:#8250df",
  targetGroup: "fill:#fff8c5,stroke:#9a6700",
  resourceConfiguration: "fill:#ddf4ff,stroke:#0969da",
  resourceGateway: "fill:#ddf4ff,stroke:#0550ae",
  resourceShare: "fill:#ffebe9,stroke:#cf222e",
  loadBalancer: "fill:#f6f8fa,stroke:#57606a",
  workload: "fill:#f6f8fa,stroke:#57606a",
  awsService: "fill:#fff5e6,stroke:#ff9900",
  principal: "fill:#ffffff,stroke:#57606a,stroke-dasharray:4",
};

/**
 * Renders a stack diagram as a Mermaid flowchart: one subgraph per account,
 * VPCs nested in their account with what is placed in them, AWS services and
 * resources of unknown accounts outside, and edges that cross accounts drawn
 * thick.
 */
export function toMermaid(diagram: StackDiagram, options: MermaidOptions = {}): string {
  if (diagram === null || typeof diagram !== "object" || !Array.isArray(diagram.nodes) || !Array.isArray(diagram.edges))
    throw new ValidationError(DIAGRAM_API, "diagram", diagram, "a StackDiagram, as stackDiagram(json) returns");
  if (options === null || typeof options !== "object") throw new ValidationError(DIAGRAM_API, "options", options, "an object of options");
  // Anything else would be written into the chart's first line, which Mermaid then rejects.
  if (options.direction !== undefined && !DIRECTIONS.includes(options.direction))
    throw new ValidationError(DIAGRAM_API, "options.direction", options.direction, `one of ${DIRECTIONS.map((d) => `"${d}"`).join(", ")}`);
  const lines = [`flowchart ${options.direction ?? "LR"}`];
  const vpcs = diagram.nodes.filter((n) => n.kind === "vpc");
  const shapeLine = (node: DiagramNode, indent: string): string => {
    const shape = SHAPES[node.kind as Exclude<DiagramNodeKind, "vpc">];
    return `${indent}${node.id}${shape.open}"${text(shape.title, node)}"${shape.close}`;
  };
  const placed = (parent: string | undefined, account: string | undefined) =>
    diagram.nodes.filter((n) => n.kind !== "vpc" && n.vpc === parent && (parent !== undefined || n.account === account));

  // An account with nothing drawn in it and no arrow to or from it (a provider alias that only creates resources
  // placed in another account's VPC) would be an empty box.
  const linked = new Set([...diagram.edges, ...diagram.flows].flatMap((e) => [e.from, e.to]));
  const drawn = diagram.accounts.filter((a) => linked.has(a.id) || vpcs.some((v) => v.account === a.id) || placed(undefined, a.id).length > 0);
  for (const account of drawn) {
    lines.push(`  subgraph ${account.id}["${escape(account.label)}"]`);
    for (const vpc of vpcs.filter((v) => v.account === account.id)) {
      lines.push(`    subgraph ${vpc.id}["${text("VPC", vpc)}"]`);
      placed(vpc.id, undefined).forEach((node) => lines.push(shapeLine(node, "      ")));
      lines.push("    end");
    }
    placed(undefined, account.id).forEach((node) => lines.push(shapeLine(node, "    ")));
    lines.push("  end");
  }
  placed(undefined, undefined).forEach((node) => lines.push(shapeLine(node, "  ")));

  const accountOf = accountLookup(diagram);
  // AWS services belong to no customer account: reaching one crosses nothing.
  const awsServices = new Set(diagram.nodes.filter((n) => n.kind === "awsService").map((n) => n.id));
  for (const edge of diagram.edges) {
    const crosses = accountOf(edge.from) !== accountOf(edge.to) && !awsServices.has(edge.from) && !awsServices.has(edge.to);
    const arrow = crosses ? "==>" : "-->";
    lines.push(`  ${edge.from} ${arrow}${edge.label === undefined ? "" : `|"${escape(edge.label)}"|`} ${edge.to}`);
  }

  // Declared flows: dotted, green when allowed, red and crossed when denied, amber when the analysis disagrees with the declaration.
  diagram.flows.forEach((flow, i) => {
    const index = diagram.edges.length + i;
    const verdict = flow.holds ? flow.expect : flow.expect === "allowed" ? "denied" : "allowed";
    const mark = !flow.holds ? `⚠ ${flow.name}: declared ${flow.expect}, is ${verdict}` : `${verdict === "allowed" ? "✓" : "✗"} ${flow.name}`;
    lines.push(`  ${flow.from} ${verdict === "allowed" ? "-.->" : "-.-x"}|"${escape(mark)}"| ${flow.to}`);
    lines.push(`  linkStyle ${index} stroke:${!flow.holds ? "#bf8700" : verdict === "allowed" ? "#1a7f37" : "#cf222e"},stroke-dasharray:3`);
  });

  for (const kind of Object.keys(STYLES) as DiagramNodeKind[]) {
    const ids = diagram.nodes.filter((n) => n.kind === kind).map((n) => n.id);
    if (ids.length === 0) continue;
    // Subgraphs take styles through `style`, nodes through `class`.
    if (kind === "vpc") ids.forEach((id) => lines.push(`  style ${id} ${STYLES.vpc}`));
    else lines.push(`  classDef ${kind} ${STYLES[kind]}`, `  class ${ids.join(",")} ${kind}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Account subgraph of a node, VPC or account ID; undefined for principals outside the stack. */
function accountLookup(diagram: StackDiagram): (id: string) => string | undefined {
  const accounts = new Map<string, string | undefined>(diagram.accounts.map((a) => [a.id, a.id]));
  diagram.nodes.forEach((n) => accounts.set(n.id, n.account));
  return (id) => accounts.get(id);
}

function text(title: string, node: DiagramNode): string {
  return [`<b>${escape(title)}</b>`, escape(node.label), ...node.details.map(escape)].join("<br/>");
}

/** Mermaid entity codes for what would end a quoted label or open HTML. */
function escape(value: string): string {
  return value.replace(/"/g, "#quot;").replace(/</g, "#lt;").replace(/>/g, "#gt;");
}
