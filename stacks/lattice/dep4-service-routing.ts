import { TerraformOutput } from "cdktf";
import {
  AuthPolicy,
  Certificate,
  LatticeListenerAction,
  LatticeService,
  LatticeTarget,
  LatticeTargetGroup,
  LatticeTargetGroupConfig,
  PathMatch,
} from "../../modules/lattice";
import { PrivateHostedZone, SecurityGroup } from "../../modules/vpc";
import { Flows } from "../../modules/flows";
import { OptOut, Port } from "../../modules/core";
import { exampleStack } from "../example-stack";
import { clientVpcCallers, denyOutsiders, organizationRole, serveToClientVpc } from "./service-clients";
import { exampleVpc, OWNER_ACCOUNT } from "../example-values";

/**
 * DEP-4: VPC Lattice services route traffic to target groups, whatever runs
 * behind them. The storefront's HTTPS listener terminates TLS and routes by
 * path to EC2 instances (web pages), IP targets (API tasks) and a Lambda
 * function (webhooks), answering 404 itself for anything else. The card
 * vault keeps TLS end to end: its TLS_PASSTHROUGH listener forwards the
 * encrypted stream, chosen by SNI on its custom domain, to a TCP target
 * group. Requests through a TLS listener cannot be signed, so the vault and
 * the network admit anonymous callers only from the client VPC.
 */
/** Why the vault admits unsigned callers: recorded on both auth policies. */
const TLS_PASSTHROUGH_IS_UNSIGNED = OptOut.because(
  "a TLS_PASSTHROUGH listener forwards the encrypted stream, so no request can be SigV4-signed; only the client VPC is admitted",
);

export const dep4ServiceRouting = exampleStack("dep4-service-routing", ["DEP-4", "LS-3"], (stack) => {
  const appVpc = exampleVpc(stack, "AppVpc", "dep4-storefront", "10.111.0.0/16");
  const clientVpc = exampleVpc(stack, "ClientVpc", "dep4-clients", "10.110.0.0/16");
  // Clients resolve both custom domains from this zone; without an association with their VPC the names would be left to public DNS.
  const zone = new PrivateHostedZone(stack, "InternalZone", { zoneName: "internal.example.com", vpc: clientVpc });
  const workloads = new SecurityGroup(stack, "WorkloadsSecurityGroup", {
    vpc: appVpc,
    description: "Storefront and vault workloads reached through VPC Lattice",
  });

  // One target group per kind of target; each opens the workloads' group to VPC Lattice on its own ports.
  const web = new LatticeTargetGroup(stack, "Web", {
    name: "storefront-web",
    config: LatticeTargetGroupConfig.instances({ vpc: appVpc, protocol: "HTTP", port: 8080, healthCheck: { path: "/health" } }),
    securityGroups: [workloads],
    targets: { "web-1": LatticeTarget.instance("i-0d4e5f6a7b8c90101"), "web-2": LatticeTarget.instance("i-0d4e5f6a7b8c90202") },
  });
  const api = new LatticeTargetGroup(stack, "Api", {
    name: "storefront-api",
    config: LatticeTargetGroupConfig.ipAddresses({ vpc: appVpc, protocol: "HTTP", port: 9000, healthCheck: { path: "/ready" } }),
    securityGroups: [workloads],
    targets: { "api-1": LatticeTarget.ipAddress("10.111.0.30"), "api-2": LatticeTarget.ipAddress("10.111.1.30") },
  });
  const webhooks = new LatticeTargetGroup(stack, "Webhooks", {
    name: "storefront-webhooks",
    config: LatticeTargetGroupConfig.lambda(),
    targets: { webhooks: LatticeTarget.lambdaFunction(`arn:aws:lambda:us-east-1:${OWNER_ACCOUNT}:function:storefront-webhooks:live`) },
  });
  const vault = new LatticeTargetGroup(stack, "Vault", {
    name: "card-vault-tls",
    config: LatticeTargetGroupConfig.ipAddresses({
      vpc: appVpc,
      protocol: "TCP",
      port: 8443,
      healthCheck: { protocol: "HTTPS", protocolVersion: "HTTP1", path: "/health" },
    }),
    securityGroups: [workloads],
    targets: { "vault-1": LatticeTarget.ipAddress("10.111.0.60"), "vault-2": LatticeTarget.ipAddress("10.111.1.60") },
  });

  const storefront = new LatticeService(stack, "Storefront", {
    name: "storefront",
    authPolicy: clientVpcCallers(clientVpc),
    customDomainName: "shop.internal.example.com",
    // A wildcard certificate of the internal domain carries shop.internal.example.com.
    certificate: Certificate.fromCertificateAttributes(stack, "InternalCertificate", {
      certificateArn: `arn:aws:acm:us-east-1:${OWNER_ACCOUNT}:certificate/7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d`,
      domainNames: ["*.internal.example.com"],
    }),
    hostedZone: zone,
  });
  storefront.addListener({
    protocol: "HTTPS",
    defaultAction: LatticeListenerAction.fixedResponse(404),
    rules: [
      { name: "api", priority: 10, match: { path: PathMatch.prefix("/api/") }, action: LatticeListenerAction.forward(api) },
      {
        name: "webhooks",
        priority: 20,
        match: { path: PathMatch.prefix("/webhooks/"), method: "POST" },
        action: LatticeListenerAction.forward(webhooks),
      },
      { name: "web", priority: 30, match: { path: PathMatch.prefix("/") }, action: LatticeListenerAction.forward(web) },
    ],
  });

  const cardVault = new LatticeService(stack, "CardVault", {
    name: "card-vault",
    authPolicy: new AuthPolicy().allow({ sid: "TlsPassthroughFromClientVpc", sourceVpcs: [clientVpc], allowAnonymous: TLS_PASSTHROUGH_IS_UNSIGNED }),
    customDomainName: "vault.internal.example.com",
    hostedZone: zone,
  });
  cardVault.addListener({ protocol: "TLS_PASSTHROUGH", defaultAction: LatticeListenerAction.forward(vault) });

  serveToClientVpc(stack, {
    name: "dep4-storefront",
    clientVpc,
    services: { storefront, vault: cardVault },
    ports: [Port.tcp(443)],
    authPolicy: clientVpcCallers(clientVpc).allow({
      sid: "TlsPassthroughToVault",
      services: [cardVault],
      sourceVpcs: [clientVpc],
      allowAnonymous: TLS_PASSTHROUGH_IS_UNSIGNED,
    }),
  });
  new TerraformOutput(stack, "workloads_security_group_id", {
    value: workloads.securityGroupId,
    description: "Attach to the web instances, API tasks and vault hosts",
  });

  const shopper = { vpc: clientVpc, principal: organizationRole("storefront-frontend") };
  Flows.of(stack)
    .allow("frontend-reaches-the-api", {
      from: shopper,
      to: { dnsName: "shop.internal.example.com", request: { method: "GET", path: "/api/products" } },
      description: "Path /api/ goes to the IP targets",
    })
    .allow("frontend-posts-a-webhook", {
      from: shopper,
      to: { dnsName: "shop.internal.example.com", request: { method: "POST", path: "/webhooks/payment" } },
      description: "POST /webhooks/ invokes the function",
    })
    .allow("frontend-loads-a-page", {
      from: shopper,
      to: { dnsName: "shop.internal.example.com", request: { method: "GET", path: "/cart" } },
      description: "Everything else goes to the web instances",
    })
    .allow("client-reaches-the-vault-by-its-domain", {
      from: { vpc: clientVpc, principal: { anonymous: true } },
      to: { dnsName: "vault.internal.example.com" },
      description:
        "The TLS stream reaches the vault hosts, routed on the SNI of the custom domain; nothing is signed through a TLS_PASSTHROUGH listener",
    })
    .deny("vault-by-its-generated-name-has-no-sni-route", {
      from: { vpc: clientVpc, principal: { anonymous: true } },
      to: { dnsName: cardVault.dnsName },
      reason: "routes on the SNI of its custom domain",
      description: "The passthrough listener picks the service by SNI: the generated name matches none",
    })
    .deny("app-vpc-does-not-resolve-the-vault", {
      from: { vpc: appVpc, principal: { anonymous: true } },
      to: "vault.internal.example.com",
      reason: "resolves in public DNS",
    });
  denyOutsiders(stack, { service: storefront, clientVpc, request: { method: "GET", path: "/cart" }, unassociatedVpc: appVpc });
});
