import { TerraformOutput } from "cdktf";
import { Flows } from "../../modules/flows";
import { EndpointServiceLoadBalancer, ListenerTargets, PrivateLinkSaasOffering } from "../../modules/privatelink";
import { Peer } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { CERTIFICATES, CONSUMER_ACCOUNT_A, CONSUMER_ACCOUNT_B, NLB_ACCESS_LOG_BUCKET, privateLinkVpc } from "./shared";

/** The name the API's certificate carries, which each team resolves to its own endpoint. */
const API_DNS_NAME = "internal-api.example.com";

/**
 * ES-1 / DEP-2, one configuration for both sides: the platform team offers
 * its internal API (TLS 443 on an internal NLB, two instances behind it) to
 * the payments and search teams' accounts of the same organization. Each team
 * gets an endpoint in its own VPC and account (provider aliases assuming a
 * role there), accepted by the platform account. The organization's CIDRs
 * are known and distinct, so the NLB's security group also judges PrivateLink
 * traffic: only the two team VPCs reach port 443. The certificate carries
 * internal-api.example.com, which no endpoint's generated name matches: each
 * team resolves that name to its own endpoint in a private hosted zone of its
 * account. Every VPC is placed by AZ ID, so the endpoints are proven to be in
 * the load balancer's zones (AZ names differ between accounts).
 */
export const es1InternalApi = exampleStack("es1-internal-api", ["ES-1", "DEP-2"], (stack) => {
  const payments = stack.accountProvider("payments", CONSUMER_ACCOUNT_A);
  const search = stack.accountProvider("search", CONSUMER_ACCOUNT_B);
  const platformVpc = privateLinkVpc(stack, "PlatformVpc", "es1-platform", "10.10.0.0/16");
  const paymentsVpc = privateLinkVpc(stack, "PaymentsVpc", "es1-payments", "10.20.0.0/16", { provider: payments });
  const searchVpc = privateLinkVpc(stack, "SearchVpc", "es1-search", "10.30.0.0/16", { provider: search });

  const api = new PrivateLinkSaasOffering(stack, "InternalApi", {
    service: {
      name: "es1-internal-api",
      loadBalancer: EndpointServiceLoadBalancer.networkLoadBalancer({
        vpc: platformVpc,
        listeners: [
          {
            port: 443,
            protocol: "TLS",
            certificateArn: CERTIFICATES.internalApi,
            targets: ListenerTargets.instances({ port: 8443, instances: { "api-a": "i-0a1b2c3d4e5f60001", "api-b": "i-0a1b2c3d4e5f60002" } }),
          },
        ],
        clients: [Peer.cidr("10.20.0.0/16"), Peer.cidr("10.30.0.0/16")],
        accessLogs: { bucket: NLB_ACCESS_LOG_BUCKET, prefix: "es1-internal-api" },
      }),
    },
    consumers: [
      { name: "payments", accountId: CONSUMER_ACCOUNT_A, provider: payments, vpc: paymentsVpc, customDnsName: API_DNS_NAME },
      { name: "search", accountId: CONSUMER_ACCOUNT_B, provider: search, vpc: searchVpc, customDnsName: API_DNS_NAME },
    ],
  });

  new TerraformOutput(stack, "service_name", { value: api.service.serviceName });
  new TerraformOutput(stack, "api_targets_security_group_id", {
    value: api.service.networkLoadBalancer.targetsSecurityGroup.securityGroupId,
    description: "Attach to the API instances: admits the load balancer on 8443",
  });
  for (const team of Object.keys(api.consumers)) {
    new TerraformOutput(stack, `${team}_api_dns_name`, {
      value: API_DNS_NAME,
      description: `What the ${team} team calls on 443: the API's certificate carries it, and its private hosted zone points it at the team's endpoint`,
    });
  }

  const paymentsEndpoint = api.consumers.payments.endpoint;
  Flows.of(stack)
    .allow("payments-calls-internal-api", {
      from: paymentsVpc,
      to: { dnsName: API_DNS_NAME, port: 443 },
      description: "The payments team calls the API by the certificate's name, through its own endpoint",
    })
    .allow("search-calls-internal-api", {
      from: searchVpc,
      to: { dnsName: API_DNS_NAME, port: 443 },
      description: "The search team does the same from its account",
    })
    .deny("payments-generated-endpoint-name-fails-tls", {
      from: paymentsVpc,
      to: { target: paymentsEndpoint, port: 443 },
      reason: "fail certificate validation",
      description: "The endpoint's vpce-… name reaches the listener, but no certificate carries it",
    })
    .deny("payments-api-answers-on-443-only", {
      from: paymentsVpc,
      to: { dnsName: API_DNS_NAME, port: 8443 },
      reason: "on tcp 8443",
      description: "The endpoint opens the service's port only",
    })
    .deny("internet-cannot-reach-internal-api", {
      from: { internet: true },
      to: { dnsName: API_DNS_NAME, port: 443 },
      reason: "reachable from the internet",
    })
    .deny("platform-vpc-does-not-resolve-team-name", {
      from: platformVpc,
      to: { dnsName: API_DNS_NAME, port: 443 },
      reason: "no route to the internet",
      description: "The teams' private zones answer their own VPCs only",
    });
});
