import { TerraformOutput } from "cdktf";
import { Flows } from "../../modules/flows";
import { LatticeListenerAction, LatticeService } from "../../modules/lattice";
import { Port } from "../../modules/core";
import { exampleStack } from "../example-stack";
import { serviceExportTargets } from "./eks-service-export";
import { clientVpcCallers, serveToClientVpc } from "./service-clients";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc, OWNER_ACCOUNT } from "../example-values";

/** The ledger pods' container port. */
const LEDGER_PORT = 8080;

/**
 * TG-5: specific pods of an EKS cluster as targets: those the ledger
 * Service selects. With the Amazon VPC CNI each pod has a VPC address, and
 * it changes whenever the pod is rescheduled (a StatefulSet keeps its pods'
 * names, not their addresses), so Terraform does not register pod IPs. The
 * AWS Gateway API Controller does, in the target group it creates for the
 * Service's ServiceExport (health check /healthz through a
 * TargetGroupPolicy); the ledger service forwards to that group, whose ARN
 * comes in as a variable. The created security group, given to the pods
 * through a SecurityGroupPolicy, admits VPC Lattice only.
 */
export const tg5EksPods = exampleStack("tg5-eks-pods", ["TG-5", "DEP-4"], (stack) => {
  const clusterVpc = exampleVpc(stack, "ClusterVpc", "tg5-eks-cluster", "10.101.0.0/16");
  const clientVpc = exampleVpc(stack, "ClientVpc", "tg5-clients", "10.100.0.0/16");
  const ledgerPods = serviceExportTargets(stack, "Pods", {
    service: "ledger",
    vpc: clusterVpc,
    port: LEDGER_PORT,
    exampleTargetGroupArn: `arn:aws:vpc-lattice:us-east-1:${OWNER_ACCOUNT}:targetgroup/tg-0a1b2c3d4e5f60003`,
  });

  const ledger = new LatticeService(stack, "Ledger", { name: "ledger", authPolicy: clientVpcCallers(clientVpc) });
  ledger.addListener({ protocol: "HTTPS", defaultAction: LatticeListenerAction.forward(ledgerPods.targetGroup) });

  serveToClientVpc(stack, { name: "tg5-ledger", clientVpc, services: { ledger }, ports: [Port.tcp(443)] });
  new TerraformOutput(stack, "pods_security_group_id", {
    value: ledgerPods.podsSecurityGroup.securityGroupId,
    description: "Give to the ledger pods (SecurityGroupPolicy)",
  });

  const accountant = { arn: `arn:aws:iam::${OWNER_ACCOUNT}:role/accounting`, organizationId: EXAMPLE_ORGANIZATION_ID };
  Flows.of(stack)
    .allow("clients-reach-ledger-pods", {
      from: { vpc: clientVpc, principal: accountant },
      to: { target: ledger, request: { method: "GET", path: "/entries/2024" } },
      description: "Clients reach the ledger pods the controller keeps registered",
    })
    .deny("cluster-vpc-is-not-a-client", {
      from: { vpc: clusterVpc, principal: accountant },
      to: { target: ledger },
      reason: "neither associated with a service network",
      description: "Only the client VPC is associated with the network",
    })
    .deny("caller-outside-the-organization-denied", {
      from: { vpc: clientVpc, principal: { arn: "arn:aws:iam::444444444444:role/auditor" } },
      to: { target: ledger },
      reason: "aws:PrincipalOrgID",
    })
    .deny("unsigned-request-denied", {
      from: { vpc: clientVpc, principal: { anonymous: true } },
      to: { target: ledger },
      reason: "matches anonymous",
    })
    .deny("clients-on-another-port-denied", {
      from: { vpc: clientVpc, principal: accountant },
      to: { target: ledger, port: 8080 },
      reason: "has no ingress from 10.100.0.0/24, 10.100.1.0/24 on tcp 8080",
      description: "Clients reach the service on 443 only: the association's security group stops the pods' port",
    });
});
