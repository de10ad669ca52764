import { TerraformOutput } from "cdktf";
import {
  AuthPolicy,
  Certificate,
  LatticeListenerAction,
  LatticeService,
  LatticeTarget,
  LatticeTargetGroup,
  LatticeTargetGroupConfig,
} from "../../modules/lattice";
import { PrivateHostedZone, SecurityGroup } from "../../modules/vpc";
import { Flows } from "../../modules/flows";
import { Port } from "../../modules/core";
import { exampleStack } from "../example-stack";
import { denyOutsiders, organizationRole, serveToClientVpc } from "./service-clients";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc, OWNER_ACCOUNT } from "../example-values";

/**
 * LS-4: an internal payments API that only named IAM roles may call, each
 * for what it needs. Every request must be SigV4-signed (AWS_IAM); the
 * reporting role may read (GET, HEAD) anything, the checkout role may
 * create and read payments only, and nobody outside the organization gets in
 * even with a matching role. Clients call the custom
 * domain `payments.internal.example.com` (ACM certificate, alias records in
 * the private hosted zone `internal.example.com`, associated with the
 * client VPC).
 */
export const ls4IamAuth = exampleStack("ls4-iam-auth", ["LS-4", "DEP-4"], (stack) => {
  const appVpc = exampleVpc(stack, "AppVpc", "ls4-payments", "10.41.0.0/16");
  const clientVpc = exampleVpc(stack, "ClientVpc", "ls4-clients", "10.40.0.0/16");
  const tasks = new SecurityGroup(stack, "TasksSecurityGroup", { vpc: appVpc, description: "Payments API tasks reached through VPC Lattice" });

  // The client VPC resolves the custom domain from this zone; a zone it is not associated with would leave the name to public DNS.
  const zone = new PrivateHostedZone(stack, "InternalZone", { zoneName: "internal.example.com", vpc: clientVpc });

  const api = new LatticeTargetGroup(stack, "PaymentsApi", {
    name: "payments-api",
    config: LatticeTargetGroupConfig.ipAddresses({ vpc: appVpc, protocol: "HTTPS", port: 8443, healthCheck: { protocol: "HTTPS", path: "/health" } }),
    securityGroups: [tasks],
    targets: { "api-1": LatticeTarget.ipAddress("10.41.0.50"), "api-2": LatticeTarget.ipAddress("10.41.1.50") },
  });

  const authPolicy = new AuthPolicy()
    .allow({
      sid: "ReportingReadsEverything",
      roles: [`arn:aws:iam::${OWNER_ACCOUNT}:role/payments-reporting`],
      organizationId: EXAMPLE_ORGANIZATION_ID,
      methods: ["GET", "HEAD"],
    })
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
    // The certificate issued for the custom domain: its names are checked against customDomainName at synth.
    certificate: Certificate.fromCertificateAttributes(stack, "PaymentsCertificate", {
      certificateArn: `arn:aws:acm:us-east-1:${OWNER_ACCOUNT}:certificate/4f1c2b3a-5d6e-4f70-8a9b-0c1d2e3f4a5b`,
      domainNames: ["payments.internal.example.com"],
    }),
    hostedZone: zone,
  });
  payments.addListener({ protocol: "HTTPS", defaultAction: LatticeListenerAction.forward(api) });

  // The network admits only signed requests of the organization; the service policy then decides per role.
  serveToClientVpc(stack, { name: "ls4-payments", clientVpc, services: { payments }, ports: [Port.tcp(443)] });
  new TerraformOutput(stack, "tasks_security_group_id", { value: tasks.securityGroupId, description: "Attach to the payments API tasks" });

  const domain = "payments.internal.example.com";
  const checkout = organizationRole("checkout");
  const reporting = organizationRole("payments-reporting");
  Flows.of(stack)
    .allow("checkout-creates-payments", {
      from: { vpc: clientVpc, principal: checkout },
      to: { dnsName: domain, request: { method: "POST", path: "/payments" } },
      description: "The checkout role creates payments by the custom domain, resolved in the client VPC's private zone",
    })
    .allow("checkout-reads-a-payment", {
      from: { vpc: clientVpc, principal: checkout },
      to: { dnsName: domain, request: { method: "GET", path: "/payments/pay-42" } },
    })
    .allow("reporting-reads-refunds", {
      from: { vpc: clientVpc, principal: reporting },
      to: { dnsName: domain, request: { method: "GET", path: "/refunds" } },
    })
    .deny("checkout-cannot-read-refunds", {
      from: { vpc: clientVpc, principal: checkout },
      to: { dnsName: domain, request: { method: "GET", path: "/refunds" } },
      reason: "vpc-lattice-svcs:RequestPath",
      description: "Checkout is granted its own paths only",
    })
    .deny("reporting-cannot-create-payments", {
      from: { vpc: clientVpc, principal: reporting },
      to: { dnsName: domain, request: { method: "POST", path: "/payments" } },
      reason: "vpc-lattice-svcs:RequestMethod",
      description: "Reporting reads only",
    })
    .deny("another-role-is-refused", {
      from: { vpc: clientVpc, principal: organizationRole("marketing") },
      to: { dnsName: domain, request: { method: "GET", path: "/payments" } },
      reason: "auth policy of service payments",
    })
    .deny("same-role-name-outside-the-organization-is-refused", {
      from: { vpc: clientVpc, principal: { arn: "arn:aws:iam::999999999999:role/checkout" } },
      to: { dnsName: domain, request: { method: "POST", path: "/payments" } },
      reason: "aws:PrincipalOrgID",
    })
    .deny("app-vpc-does-not-resolve-the-domain", {
      from: { vpc: appVpc, principal: checkout },
      to: { dnsName: domain, request: { method: "POST", path: "/payments" } },
      reason: "resolves in public DNS",
    });
  denyOutsiders(stack, { service: payments, clientVpc, request: { method: "GET", path: "/payments" }, unassociatedVpc: appVpc });
});
