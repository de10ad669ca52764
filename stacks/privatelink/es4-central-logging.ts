import { TerraformOutput } from "cdktf";
import { ListenerTargets, PrivateLinkSaasOffering } from "../../modules/privatelink";
import { Peer } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { CERTIFICATES, CONSUMER_ACCOUNT_A, CONSUMER_ACCOUNT_B, EXAMPLE_ZONE, NLB_ACCESS_LOG_BUCKET } from "./shared";
import { exampleVpc } from "../example-values";

const COLLECTORS = { "collector-a": "10.70.0.20", "collector-b": "10.70.1.20" };

/**
 * ES-4: a central logging service in the logging account, reachable from
 * every workload account: syslog over TLS (6514) and HTTPS ingestion (443),
 * both terminated on the NLB with a TLS 1.3 policy, forwarded to the
 * collectors; NLB access logs on (they cover TLS listeners); consumers in
 * us-west-2 and eu-west-1 connect cross-region. Workload accounts use
 * 10.0.0.0/8, so the NLB admits PrivateLink traffic from there only. The
 * production account sends both protocols; development only syslog, so its
 * endpoint opens 6514 alone. Both resolve logs.example.com to their endpoint.
 */
export const es4CentralLogging = exampleStack("es4-central-logging", ["ES-4"], (stack) => {
  const production = stack.accountProvider("production", CONSUMER_ACCOUNT_A);
  const development = stack.accountProvider("development", CONSUMER_ACCOUNT_B);
  const loggingVpc = exampleVpc(stack, "LoggingVpc", "es4-logging", "10.70.0.0/16");

  const logging = new PrivateLinkSaasOffering(stack, "CentralLogging", {
    service: {
      name: "es4-central-logging",
      networkLoadBalancer: {
        vpc: loggingVpc,
        listeners: [
          { port: 6514, protocol: "TLS", certificateArn: CERTIFICATES.logging, targets: ListenerTargets.ipAddresses({ port: 514, addresses: COLLECTORS }) },
          { port: 443, protocol: "TLS", certificateArn: CERTIFICATES.logging, targets: ListenerTargets.ipAddresses({ port: 8080, addresses: COLLECTORS }) },
        ],
        ingressPeers: [Peer.cidr("10.0.0.0/8")],
        accessLogs: { bucket: NLB_ACCESS_LOG_BUCKET, prefix: "es4-central-logging" },
      },
      supportedRegions: ["us-west-2", "eu-west-1"],
      privateDnsName: "logs.example.com",
      privateDnsVerificationZone: EXAMPLE_ZONE,
    },
    consumers: [
      { name: "production", accountId: CONSUMER_ACCOUNT_A, provider: production, vpc: exampleVpc(stack, "ProductionVpc", "es4-production", "10.1.0.0/16", { provider: production }) },
      {
        name: "development",
        accountId: CONSUMER_ACCOUNT_B,
        provider: development,
        vpc: exampleVpc(stack, "DevelopmentVpc", "es4-development", "10.2.0.0/16", { provider: development }),
        ports: [6514],
      },
    ],
  });

  new TerraformOutput(stack, "service_name", { value: logging.service.serviceName, description: "For further workload accounts (EndpointService.fromServiceName)" });
  new TerraformOutput(stack, "service_ports", { value: logging.service.ports });
});
