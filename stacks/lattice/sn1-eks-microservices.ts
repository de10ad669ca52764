import { TerraformOutput } from "cdktf";
import { Flows } from "../../modules/flows";
import { AuthPolicy, ServiceNetwork } from "../../modules/lattice";
import { Peer } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { serviceExportTargets } from "./eks-service-export";
import { DEMO_TARGET_PORT, demoService } from "./service-network-demo";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc, OWNER_ACCOUNT } from "../example-values";

/**
 * SN-1: microservices of two EKS clusters, each in its own VPC (overlapping
 * CIDRs would not matter), call each other through one service network
 * instead of VPC peering or a transit gateway. Each cluster VPC is
 * associated, so its pods reach every service of the network; the auth
 * policy admits signed requests from the two cluster VPCs of the organization.
 * Terraform owns the network, the services and their auth; each cluster's
 * AWS Gateway API Controller owns its pods' target group (a ServiceExport)
 * and keeps the pods registered as they come and go.
 */
export const sn1EksMicroservices = exampleStack("sn1-eks-microservices", ["SN-1"], (stack) => {
  const ordersVpc = exampleVpc(stack, "OrdersClusterVpc", "orders-cluster", "10.10.0.0/16");
  const paymentsVpc = exampleVpc(stack, "PaymentsClusterVpc", "payments-cluster", "10.20.0.0/16");
  const clusterCallers = new AuthPolicy().allow({
    sid: "ClusterPods",
    organizationId: EXAMPLE_ORGANIZATION_ID,
    sourceVpcs: [ordersVpc, paymentsVpc],
  });

  const network = new ServiceNetwork(stack, "ServiceNetwork", { name: "eks-microservices", authPolicy: clusterCallers });
  network.associateVpc("orders-cluster", { vpc: ordersVpc });
  network.associateVpc("payments-cluster", { vpc: paymentsVpc });

  const ordersPods = serviceExportTargets(stack, "OrdersPods", {
    service: "orders",
    vpc: ordersVpc,
    port: DEMO_TARGET_PORT,
    exampleTargetGroupArn: `arn:aws:vpc-lattice:us-east-1:${OWNER_ACCOUNT}:targetgroup/tg-0a1b2c3d4e5f60001`,
  });
  const paymentsPods = serviceExportTargets(stack, "PaymentsPods", {
    service: "payments",
    vpc: paymentsVpc,
    port: DEMO_TARGET_PORT,
    exampleTargetGroupArn: `arn:aws:vpc-lattice:us-east-1:${OWNER_ACCOUNT}:targetgroup/tg-0a1b2c3d4e5f60002`,
  });
  // A SecurityGroupPolicy puts only the pods' own group on their network interfaces, and the pods also call the
  // other cluster's service: the group must let them out to VPC Lattice on the listener port.
  for (const pods of [ordersPods, paymentsPods]) {
    pods.podsSecurityGroup.addEgressRule({
      peer: Peer.vpcLattice(),
      port: 443,
      description: "Pods to the services of the network through VPC Lattice (HTTPS)",
    });
  }
  const orders = demoService(stack, "Orders", {
    name: "orders",
    targetGroup: ordersPods.targetGroup,
    authPolicy: new AuthPolicy().allow({ sid: "PaymentsPods", organizationId: EXAMPLE_ORGANIZATION_ID, sourceVpcs: [paymentsVpc] }),
  });
  const payments = demoService(stack, "Payments", {
    name: "payments",
    targetGroup: paymentsPods.targetGroup,
    authPolicy: new AuthPolicy().allow({
      sid: "OrdersPods",
      organizationId: EXAMPLE_ORGANIZATION_ID,
      sourceVpcs: [ordersVpc],
      methods: ["POST"],
      paths: ["/payments", "/payments/*"],
    }),
  });
  network.associateService("orders", orders);
  network.associateService("payments", payments);

  new TerraformOutput(stack, "service_network_arn", { value: network.serviceNetworkArn });
  new TerraformOutput(stack, "orders_dns_name", { value: orders.dnsName, description: "What pods of the payments cluster call" });
  new TerraformOutput(stack, "payments_dns_name", { value: payments.dnsName, description: "What pods of the orders cluster call" });
  new TerraformOutput(stack, "orders_pods_security_group_id", {
    value: ordersPods.podsSecurityGroup.securityGroupId,
    description: "Give to the orders pods (SecurityGroupPolicy)",
  });
  new TerraformOutput(stack, "payments_pods_security_group_id", {
    value: paymentsPods.podsSecurityGroup.securityGroupId,
    description: "Give to the payments pods (SecurityGroupPolicy)",
  });

  const ordersPod = { arn: `arn:aws:iam::${OWNER_ACCOUNT}:role/orders-pods`, organizationId: EXAMPLE_ORGANIZATION_ID };
  const paymentsPod = { arn: `arn:aws:iam::${OWNER_ACCOUNT}:role/payments-pods`, organizationId: EXAMPLE_ORGANIZATION_ID };
  Flows.of(stack)
    .allow("orders-pods-create-payments", {
      from: { vpc: ordersVpc, securityGroup: ordersPods.podsSecurityGroup, principal: ordersPod },
      to: { target: payments, request: { method: "POST", path: "/payments" } },
      description: "Pods of the orders cluster (EKS Pod Identity role) create payments in the other cluster",
    })
    .allow("payments-pods-read-orders", {
      from: { vpc: paymentsVpc, securityGroup: paymentsPods.podsSecurityGroup, principal: paymentsPod },
      to: { target: orders, request: { method: "GET", path: "/orders/42" } },
      description: "Pods of the payments cluster read orders",
    })
    .deny("orders-pods-cannot-read-payments", {
      from: { vpc: ordersVpc, securityGroup: ordersPods.podsSecurityGroup, principal: ordersPod },
      to: { target: payments, request: { method: "GET", path: "/payments/17" } },
      reason: "vpc-lattice-svcs:RequestMethod",
      description: "The orders cluster may only create payments",
    })
    .deny("orders-pods-reach-only-payments-paths", {
      from: { vpc: ordersVpc, securityGroup: ordersPods.podsSecurityGroup, principal: ordersPod },
      to: { target: payments, request: { method: "POST", path: "/refunds" } },
      reason: "vpc-lattice-svcs:RequestPath",
    })
    .deny("caller-outside-the-organization-denied", {
      from: { vpc: ordersVpc, principal: { arn: "arn:aws:iam::444444444444:role/contractor" } },
      to: { target: payments, request: { method: "POST", path: "/payments" } },
      reason: "aws:PrincipalOrgID",
      description: "A signed request from an identity outside the organization, even from a cluster VPC",
    })
    .deny("unsigned-request-denied", {
      from: { vpc: ordersVpc, principal: { anonymous: true } },
      to: { target: payments, request: { method: "POST", path: "/payments" } },
      reason: "matches anonymous",
    })
    .deny("internet-cannot-reach-payments", { from: { internet: true }, to: { target: payments }, reason: "no public address" });
});
