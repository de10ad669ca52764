import { LatticeListenerAction, LatticeService, LatticeTarget, LatticeTargetGroup, LatticeTargetGroupConfig, PathMatch } from "../../modules/lattice";
import { SecurityGroup } from "../../modules/vpc";
import { Port } from "../../modules/core";
import { exampleStack } from "../example-stack";
import { Flows } from "../../modules/flows";
import { clientVpcCallers, denyOutsiders, organizationRole, serveToClientVpc } from "./service-clients";
import { exampleVpc, OWNER_ACCOUNT } from "../example-values";

/**
 * TG-4: an existing internal Application Load Balancer keeps its own complex
 * routing (host rules, OIDC, sticky sessions) while VPC Lattice brings it to
 * other VPCs and accounts. The ALB target group forwards HTTPS on the ALB's
 * listener port; health checks stay on the ALB's own target groups. The
 * ALB's existing security group (made with the ALB, outside this stack) is
 * imported, and the target group adds the rule that admits VPC Lattice on
 * 443 to it: nobody has to attach a new group to the load balancer.
 */
/** The security group the legacy ALB was created with, by another team's stack. */
const LEGACY_ALB_SECURITY_GROUP = "sg-0f4e5a6b7c8d9e0f1";

export const tg4InternalAlb = exampleStack("tg4-internal-alb", ["TG-4", "DEP-4"], (stack) => {
  const appVpc = exampleVpc(stack, "AppVpc", "tg4-legacy", "10.91.0.0/16");
  const clientVpc = exampleVpc(stack, "ClientVpc", "tg4-clients", "10.90.0.0/16");
  const albSecurityGroup = SecurityGroup.fromSecurityGroupAttributes(stack, "AlbSecurityGroup", {
    securityGroupId: LEGACY_ALB_SECURITY_GROUP,
    vpcId: appVpc.vpcId,
  });

  const alb = new LatticeTargetGroup(stack, "LegacyAlb", {
    name: "legacy-portal-alb",
    config: LatticeTargetGroupConfig.applicationLoadBalancer({ vpc: appVpc, protocol: "HTTPS", port: 443 }),
    securityGroups: [albSecurityGroup],
    targets: {
      "legacy-portal": LatticeTarget.applicationLoadBalancer(
        `arn:aws:elasticloadbalancing:us-east-1:${OWNER_ACCOUNT}:loadbalancer/app/legacy-portal/4e5f6a7b8c9d0e1f`,
      ),
    },
  });

  const portal = new LatticeService(stack, "Portal", { name: "legacy-portal", authPolicy: clientVpcCallers(clientVpc) });
  portal.addListener({
    protocol: "HTTPS",
    defaultAction: LatticeListenerAction.fixedResponse(404),
    rules: [{ name: "portal", priority: 10, match: { path: PathMatch.prefix("/portal") }, action: LatticeListenerAction.forward(alb) }],
  });

  serveToClientVpc(stack, { name: "tg4-legacy-portal", clientVpc, services: { portal }, ports: [Port.tcp(443)] });

  const client = { vpc: clientVpc, principal: organizationRole("partner-portal-users") };
  Flows.of(stack)
    .allow("client-reaches-the-portal-through-the-alb", {
      from: client,
      to: { dnsName: portal.dnsName, request: { method: "GET", path: "/portal/home" } },
      description: "Rule portal forwards to the internal ALB on 443",
    })
    .deny("other-paths-get-404", {
      from: client,
      to: { dnsName: portal.dnsName, request: { method: "GET", path: "/admin" } },
      reason: "fixed 404 response",
    });
  denyOutsiders(stack, { service: portal, clientVpc, request: { method: "GET", path: "/portal/home" }, unassociatedVpc: appVpc });
});
