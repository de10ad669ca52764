import { TerraformOutput } from "cdktf";
import { LatticeListenerAction, LatticeService, LatticeTarget, LatticeTargetGroup } from "../../modules/lattice";
import { SecurityGroup } from "../../modules/vpc";
import { Port } from "../../modules/core";
import { exampleStack } from "../example-stack";
import { clientVpcCallers, serveToClientVpc } from "./service-clients";
import { exampleVpc } from "../example-values";

/**
 * TG-5: specific pods of an EKS cluster as targets. With the Amazon VPC CNI
 * each pod has a VPC address, so VPC Lattice reaches the ledger StatefulSet's
 * pods (stable IPs) as IP targets on their container port. The created
 * security group, given to the pods through a SecurityGroupPolicy, admits
 * VPC Lattice only. Pods that come and go are registered by the AWS Gateway
 * API Controller instead of Terraform.
 */
export const tg5EksPods = exampleStack("tg5-eks-pods", ["TG-5", "DEP-4"], (stack) => {
  const clusterVpc = exampleVpc(stack, "ClusterVpc", "tg5-eks-cluster", "10.101.0.0/16");
  const clientVpc = exampleVpc(stack, "ClientVpc", "tg5-clients", "10.100.0.0/16");
  const pods = new SecurityGroup(stack, "PodsSecurityGroup", { vpc: clusterVpc, description: "Ledger pods reached through VPC Lattice" });

  const ledgerPods = new LatticeTargetGroup(stack, "LedgerPods", {
    name: "ledger-pods",
    type: "IP",
    vpc: clusterVpc,
    protocol: "HTTP",
    port: 8080,
    healthCheck: { path: "/healthz", intervalSeconds: 10 },
    targets: {
      "ledger-0": LatticeTarget.eksPod("10.101.0.100"),
      "ledger-1": LatticeTarget.eksPod("10.101.1.100"),
      "ledger-2": LatticeTarget.eksPod("10.101.0.101"),
    },
  });
  LatticeTargetGroup.allowLatticeTraffic(pods, ledgerPods);

  const ledger = new LatticeService(stack, "Ledger", { name: "ledger", authPolicy: clientVpcCallers(clientVpc) });
  ledger.addListener({ protocol: "HTTPS", defaultAction: LatticeListenerAction.forward(ledgerPods) });

  serveToClientVpc(stack, { name: "tg5-ledger", clientVpc, services: { ledger }, ports: [Port.tcp(443)] });
  new TerraformOutput(stack, "pods_security_group_id", { value: pods.securityGroupId, description: "Give to the ledger pods (SecurityGroupPolicy)" });
});
