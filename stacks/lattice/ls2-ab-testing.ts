import { TerraformOutput } from "cdktf";
import { HeaderMatch, LatticeService, LatticeTargetGroup, TrafficSplit } from "../../modules/lattice";
import { SecurityGroup } from "../../modules/vpc";
import { Port } from "../../modules/core";
import { exampleStack } from "../example-stack";
import { Flows } from "../../modules/flows";
import { clientVpcCallers, denyOutsiders, httpIpTargets, organizationRole, serveToClientVpc } from "./service-clients";
import { exampleVpc } from "../example-values";

/**
 * LS-2: A/B test of a new recommendations feature. Variant B runs next to
 * variant A (both IP targets, e.g. ECS tasks); a weighted canary sends 10% of
 * requests to B, and testers opt in to B with the `x-experiment: b` header,
 * which a rule evaluated first routes to B whatever the split says.
 */
export const ls2AbTesting = exampleStack("ls2-ab-testing", ["LS-2", "DEP-4"], (stack) => {
  const appVpc = exampleVpc(stack, "AppVpc", "ls2-recommendations", "10.21.0.0/16");
  const clientVpc = exampleVpc(stack, "ClientVpc", "ls2-clients", "10.20.0.0/16");
  const tasks = new SecurityGroup(stack, "TasksSecurityGroup", {
    vpc: appVpc,
    description: "Recommendation tasks (A and B) reached through VPC Lattice",
  });

  const variant = (id: string, name: string, ips: Record<string, string>): LatticeTargetGroup =>
    httpIpTargets(stack, id, { name, vpc: appVpc, healthCheckPath: "/ready", ips, securityGroup: tasks });
  const variantA = variant("VariantA", "recommendations-a", { "a-1": "10.21.0.10", "a-2": "10.21.1.10" });
  const variantB = variant("VariantB", "recommendations-b", { "b-1": "10.21.0.20", "b-2": "10.21.1.20" });

  const recommendations = new LatticeService(stack, "Recommendations", { name: "recommendations", authPolicy: clientVpcCallers(clientVpc) });
  recommendations.addListener({
    protocol: "HTTPS",
    defaultAction: TrafficSplit.canary({ stable: variantA, candidate: variantB, percentToCandidate: 10 }),
    rules: [
      TrafficSplit.headerCanary({
        name: "opt-in-variant-b",
        priority: 1,
        header: HeaderMatch.exact("x-experiment", "b"),
        stable: variantA,
        candidate: variantB,
      }),
    ],
  });

  serveToClientVpc(stack, { name: "ls2-recommendations", clientVpc, services: { recommendations }, ports: [Port.tcp(443)] });
  new TerraformOutput(stack, "tasks_security_group_id", { value: tasks.securityGroupId, description: "Attach to the tasks of both variants" });

  const shopper = { vpc: clientVpc, principal: organizationRole("storefront") };
  Flows.of(stack)
    .allow("tester-opts-in-to-variant-b", {
      from: shopper,
      to: { dnsName: recommendations.dnsName, request: { method: "GET", path: "/recommendations", headers: { "X-Experiment": "b" } } },
      description: "The opt-in header routes to B alone, whatever the split says",
    })
    .allow("shopper-gets-the-canary-split", {
      from: shopper,
      to: { dnsName: recommendations.dnsName, request: { method: "GET", path: "/recommendations" } },
      description: "Without the header the 90/10 split applies: both variants must serve",
    });
  denyOutsiders(stack, { service: recommendations, clientVpc, request: { method: "GET", path: "/recommendations" }, unassociatedVpc: appVpc });
});
