import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { stackDiagram, SynthesizedStack, toMermaid } from "../../modules/diagram";
import { AwsService, EndpointPolicy, InterfaceEndpoint } from "../../modules/endpoints";
import { Flows } from "../../modules/flows";
import { PrivateVpc } from "../../modules/vpc";
import { testApp } from "../helpers";

describe("diagrams draw the declared flows and their verdicts", () => {
  const stack = new TerraformStack(testApp(), "drawn");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  const app = new PrivateVpc(stack, "AppVpc", { name: "app", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  const other = new PrivateVpc(stack, "OtherVpc", { name: "other", cidrBlock: "10.9.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  const logs = new InterfaceEndpoint(stack, "Logs", { vpc: app, service: AwsService.LOGS, policy: EndpointPolicy.allowAll() });
  Flows.of(stack)
    .allow("app-reaches-logs", { from: app, to: logs })
    .deny("other-reaches-logs", { from: other, to: logs, reason: "no route" })
    .allow("wrongly-declared", { from: other, to: logs })
    // By name: the app VPC's resolver answers with the endpoint (private DNS); the other VPC's with AWS's public
    // addresses, which the diagram has no node for.
    .allow("app-calls-logs-by-name", { from: app, to: { dnsName: "logs.us-east-1.amazonaws.com", port: 443 } })
    .deny("other-calls-logs-by-name", { from: other, to: { dnsName: "logs.us-east-1.amazonaws.com", port: 443 }, reason: "no route" });
  const diagram = stackDiagram(JSON.parse(JSON.stringify(stack.toTerraform())) as SynthesizedStack);

  test("each flow goes from its client's VPC to its target (a name: to what the VPC's resolver answers), with the verdict of the analysis", () => {
    const label = (id: string) => diagram.nodes.find((n) => n.id === id)?.label;
    expect(diagram.flows.map((f) => [f.name, label(f.from), label(f.to), f.expect, f.holds])).toEqual([
      ["app-reaches-logs", "AppVpc", "Logs", "allowed", true],
      ["other-reaches-logs", "OtherVpc", "Logs", "denied", true],
      ["wrongly-declared", "OtherVpc", "Logs", "allowed", false],
      ["app-calls-logs-by-name", "AppVpc", "Logs", "allowed", true],
    ]);
  });

  test("Mermaid: dotted arrows, crossed when denied, flagged when the declaration does not hold", () => {
    const lines = toMermaid(diagram)
      .split("\n")
      .map((l) => l.trim());
    const id = (label: string) => diagram.nodes.find((n) => n.label === label)!.id;
    expect(lines).toContain(`${id("AppVpc")} -.->|"✓ app-reaches-logs"| ${id("Logs")}`);
    expect(lines).toContain(`${id("OtherVpc")} -.-x|"✗ other-reaches-logs"| ${id("Logs")}`);
    expect(lines).toContain(`${id("OtherVpc")} -.-x|"⚠ wrongly-declared: declared allowed, is denied"| ${id("Logs")}`);
    expect(lines).toContain(`${id("AppVpc")} -.->|"✓ app-calls-logs-by-name"| ${id("Logs")}`);
    expect(lines.filter((l) => l.startsWith("linkStyle"))).toHaveLength(4);
  });
});
