import { TerraformOutput } from "cdktf";
import { ListenerTargets, PrivateLinkSaasOffering } from "../../modules/privatelink";
import { Peer } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { CERTIFICATES, CONSUMER_ACCOUNT_A, CONSUMER_ACCOUNT_B, NLB_ACCESS_LOG_BUCKET } from "./shared";
import { exampleVpc } from "../example-values";

/**
 * ES-1 / DEP-2, one configuration for both sides: the platform team offers
 * its internal API (TLS 443 on an internal NLB, two instances behind it) to
 * the payments and search teams' accounts of the same organization. Each team
 * gets an endpoint in its own VPC and account (provider aliases assuming a
 * role there), accepted by the platform account. The organization's CIDRs
 * are known and distinct, so the NLB's security group also judges PrivateLink
 * traffic: only the two team VPCs reach port 443. AZ names differ between
 * accounts, so each endpoint uses only the team subnets in AZs the service
 * offers.
 */
export const es1InternalApi = exampleStack("es1-internal-api", ["ES-1", "DEP-2"], (stack) => {
  const payments = stack.accountProvider("payments", CONSUMER_ACCOUNT_A);
  const search = stack.accountProvider("search", CONSUMER_ACCOUNT_B);
  const platformVpc = exampleVpc(stack, "PlatformVpc", "es1-platform", "10.10.0.0/16");
  const paymentsVpc = exampleVpc(stack, "PaymentsVpc", "es1-payments", "10.20.0.0/16", { provider: payments });
  const searchVpc = exampleVpc(stack, "SearchVpc", "es1-search", "10.30.0.0/16", { provider: search });

  const api = new PrivateLinkSaasOffering(stack, "InternalApi", {
    service: {
      name: "es1-internal-api",
      networkLoadBalancer: {
        vpc: platformVpc,
        listeners: [
          {
            port: 443,
            protocol: "TLS",
            certificateArn: CERTIFICATES.internalApi,
            targets: ListenerTargets.instances({ port: 8443, instances: { "api-a": "i-0a1b2c3d4e5f60001", "api-b": "i-0a1b2c3d4e5f60002" } }),
          },
        ],
        ingressPeers: [Peer.cidr("10.20.0.0/16"), Peer.cidr("10.30.0.0/16")],
        accessLogs: { bucket: NLB_ACCESS_LOG_BUCKET, prefix: "es1-internal-api" },
      },
    },
    consumers: [
      { name: "payments", accountId: CONSUMER_ACCOUNT_A, provider: payments, vpc: paymentsVpc, onlySupportedAvailabilityZones: true },
      { name: "search", accountId: CONSUMER_ACCOUNT_B, provider: search, vpc: searchVpc, onlySupportedAvailabilityZones: true },
    ],
  });

  new TerraformOutput(stack, "service_name", { value: api.service.serviceName });
  for (const [team, consumer] of Object.entries(api.consumers)) {
    new TerraformOutput(stack, `${team}_endpoint_dns_name`, { value: consumer.endpoint.dnsEntries.get(0).dnsName, description: `Where the ${team} team calls the API` });
  }
});
