import {
  LatticeListenerAction,
  LatticeService,
  LatticeTarget,
  LatticeTargetGroup,
  LatticeTargetGroupConfig,
  PathMatch,
  TrafficSplit,
} from "../../modules/lattice";
import { Port } from "../../modules/core";
import { exampleStack } from "../example-stack";
import { Flows } from "../../modules/flows";
import { clientVpcCallers, denyOutsiders, organizationRole, serveToClientVpc } from "./service-clients";
import { exampleVpc, OWNER_ACCOUNT } from "../example-values";

/** An existing function alias of the owner account. */
const functionAlias = (name: string, alias: string): string => `arn:aws:lambda:us-east-1:${OWNER_ACCOUNT}:function:${name}:${alias}`;

/**
 * LS-5: the order-processing API is a group of Lambda functions behind one
 * service name. Each function has its own target group (VPC Lattice allows
 * one function per group) and a path; the orders function is being
 * upgraded, so its `next` alias takes 10% of `/orders` traffic while `live`
 * keeps the rest. VPC Lattice gets the right to invoke each alias, limited
 * to its target group; no VPC is needed on the function side.
 */
export const ls5LambdaFunctions = exampleStack("ls5-lambda-functions", ["LS-5", "TG-3", "DEP-4"], (stack) => {
  const clientVpc = exampleVpc(stack, "ClientVpc", "ls5-clients", "10.50.0.0/16");

  const lambdaGroup = (id: string, name: string, functionArn: string): LatticeTargetGroup =>
    new LatticeTargetGroup(stack, id, {
      name,
      config: LatticeTargetGroupConfig.lambda({ eventStructureVersion: "V2" }),
      targets: { function: LatticeTarget.lambdaFunction(functionArn) },
    });
  const ordersLive = lambdaGroup("OrdersLive", "orders-live", functionAlias("orders", "live"));
  const ordersNext = lambdaGroup("OrdersNext", "orders-next", functionAlias("orders", "next"));
  const payments = lambdaGroup("Payments", "payments-fn", functionAlias("payments", "live"));
  const notifications = lambdaGroup("Notifications", "notifications-fn", functionAlias("notifications", "live"));

  const orderApi = new LatticeService(stack, "OrderApi", { name: "order-processing", authPolicy: clientVpcCallers(clientVpc) });
  orderApi.addListener({
    protocol: "HTTPS",
    defaultAction: LatticeListenerAction.fixedResponse(404),
    rules: [
      {
        name: "orders",
        priority: 10,
        match: { path: PathMatch.prefix("/orders") },
        action: TrafficSplit.canary({ stable: ordersLive, candidate: ordersNext, percentToCandidate: 10 }),
      },
      { name: "payments", priority: 20, match: { path: PathMatch.prefix("/payments") }, action: LatticeListenerAction.forward(payments) },
      {
        name: "notifications",
        priority: 30,
        match: { path: PathMatch.prefix("/notifications"), method: "POST" },
        action: LatticeListenerAction.forward(notifications),
      },
    ],
  });

  serveToClientVpc(stack, { name: "ls5-order-processing", clientVpc, services: { orders: orderApi }, ports: [Port.tcp(443)] });

  const client = { vpc: clientVpc, principal: organizationRole("storefront") };
  const call = (method: string, path: string) => ({ dnsName: orderApi.dnsName, request: { method, path } });
  Flows.of(stack)
    .allow("client-creates-an-order", {
      from: client,
      to: call("POST", "/orders"),
      description: "The canary: VPC Lattice may invoke both aliases, live and next",
    })
    .allow("client-pays", { from: client, to: call("POST", "/payments/pay-1") })
    .allow("client-sends-a-notification", { from: client, to: call("POST", "/notifications") })
    .deny("reading-notifications-gets-404", {
      from: client,
      to: call("GET", "/notifications"),
      reason: "fixed 404 response",
      description: "Rule notifications routes POST only; the default action answers anything else",
    });
  denyOutsiders(stack, { service: orderApi, clientVpc, request: { method: "POST", path: "/orders" } });
});
