import { TerraformOutput } from "cdktf";
import { AuthPolicy, ServiceNetwork } from "../../modules/lattice";
import { exampleStack } from "../example-stack";
import { demoService } from "./service-network-demo";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc } from "../example-values";


/**
 * SN-1: microservices of two EKS clusters, each in its own VPC (overlapping
 * CIDRs would not matter), call each other through one service network
 * instead of VPC peering or a transit gateway. Each cluster VPC is
 * associated, so its pods reach every service of the network; the auth
 * policy admits signed requests from the two cluster VPCs of the organization.
 */
export const sn1EksMicroservices = exampleStack("sn1-eks-microservices", ["SN-1"], (stack) => {
  const ordersVpc = exampleVpc(stack, "OrdersClusterVpc", "orders-cluster", "10.10.0.0/16");
  const paymentsVpc = exampleVpc(stack, "PaymentsClusterVpc", "payments-cluster", "10.20.0.0/16");
  const clusterCallers = new AuthPolicy().allow({ sid: "ClusterPods", organizationId: EXAMPLE_ORGANIZATION_ID, sourceVpcs: [ordersVpc, paymentsVpc] });

  const network = new ServiceNetwork(stack, "ServiceNetwork", { name: "eks-microservices", authPolicy: clusterCallers });
  network.associateVpc("orders-cluster", { vpc: ordersVpc });
  network.associateVpc("payments-cluster", { vpc: paymentsVpc });

  const orders = demoService(stack, "Orders", {
    name: "orders",
    vpc: ordersVpc,
    targets: { "orders-0": "10.10.0.21", "orders-1": "10.10.1.21" },
    authPolicy: new AuthPolicy().allow({ sid: "PaymentsPods", organizationId: EXAMPLE_ORGANIZATION_ID, sourceVpcs: [paymentsVpc] }),
  });
  const payments = demoService(stack, "Payments", {
    name: "payments",
    vpc: paymentsVpc,
    targets: { "payments-0": "10.20.0.31", "payments-1": "10.20.1.31" },
    authPolicy: new AuthPolicy().allow({ sid: "OrdersPods", organizationId: EXAMPLE_ORGANIZATION_ID, sourceVpcs: [ordersVpc], methods: ["POST"], paths: ["/payments", "/payments/*"] }),
  });
  network.associateService("orders", orders);
  network.associateService("payments", payments);

  new TerraformOutput(stack, "service_network_arn", { value: network.serviceNetworkArn });
  new TerraformOutput(stack, "orders_dns_name", { value: orders.dnsName, description: "What pods of the payments cluster call" });
  new TerraformOutput(stack, "payments_dns_name", { value: payments.dnsName, description: "What pods of the orders cluster call" });
});
