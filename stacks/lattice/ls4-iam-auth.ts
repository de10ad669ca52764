import { TerraformOutput } from "cdktf";
import { AuthPolicy, LatticeListenerAction, LatticeService, LatticeTarget, LatticeTargetGroup } from "../../modules/lattice";
import { SecurityGroup } from "../../modules/vpc";
import { Port } from "../../modules/core";
import { exampleStack } from "../example-stack";
import { serveToClientVpc } from "./service-clients";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc, OWNER_ACCOUNT } from "../example-values";

/**
 * LS-4: an internal payments API that only named IAM roles may call, each
 * for what it needs. Every request must be SigV4-signed (AWS_IAM); the
 * reporting role may read (GET, HEAD) anything, the checkout role may
 * create and read payments only, and nobody outside the organization gets in
 * even with a matching role. Clients call the custom
 * domain `payments.internal.example.com` (ACM certificate, alias records in
 * the existing private hosted zone).
 */
export const ls4IamAuth = exampleStack("ls4-iam-auth", ["LS-4", "DEP-4"], (stack) => {
  const appVpc = exampleVpc(stack, "AppVpc", "ls4-payments", "10.41.0.0/16");
  const clientVpc = exampleVpc(stack, "ClientVpc", "ls4-clients", "10.40.0.0/16");
  const tasks = new SecurityGroup(stack, "TasksSecurityGroup", { vpc: appVpc, description: "Payments API tasks reached through VPC Lattice" });

  const api = new LatticeTargetGroup(stack, "PaymentsApi", {
    name: "payments-api",
    type: "IP",
    vpc: appVpc,
    protocol: "HTTPS",
    port: 8443,
    healthCheck: { protocol: "HTTPS", path: "/health" },
    targets: { "api-1": LatticeTarget.ipAddress("10.41.0.50"), "api-2": LatticeTarget.ipAddress("10.41.1.50") },
  });
  LatticeTargetGroup.allowLatticeTraffic(tasks, api);

  const authPolicy = new AuthPolicy()
    .allow({ sid: "ReportingReadsEverything", roles: [`arn:aws:iam::${OWNER_ACCOUNT}:role/payments-reporting`], organizationId: EXAMPLE_ORGANIZATION_ID, methods: ["GET", "HEAD"] })
    .allow({
      sid: "CheckoutCreatesPayments",
      roles: [`arn:aws:iam::${OWNER_ACCOUNT}:role/checkout`],
      organizationId: EXAMPLE_ORGANIZATION_ID,
      methods: ["GET", "POST"],
      paths: ["/payments", "/payments/*"],
    });
  const payments = new LatticeService(stack, "Payments", {
    name: "payments",
    authPolicy,
    customDomainName: "payments.internal.example.com",
    certificateArn: `arn:aws:acm:us-east-1:${OWNER_ACCOUNT}:certificate/4f1c2b3a-5d6e-4f70-8a9b-0c1d2e3f4a5b`,
    hostedZone: { zoneId: "Z04517273MPLE0INTERNAL", zoneName: "internal.example.com" },
  });
  payments.addListener({ protocol: "HTTPS", defaultAction: LatticeListenerAction.forward(api) });

  // The network admits only signed requests of the organization; the service policy then decides per role.
  serveToClientVpc(stack, { name: "ls4-payments", clientVpc, services: { payments }, ports: [Port.tcp(443)] });
  new TerraformOutput(stack, "tasks_security_group_id", { value: tasks.securityGroupId, description: "Attach to the payments API tasks" });
});
