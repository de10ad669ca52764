import { TerraformOutput } from "cdktf";
import { Flows } from "../../modules/flows";
import { EndpointServiceLoadBalancer, ListenerTargets, PrivateLinkSaasOffering } from "../../modules/privatelink";
import { Peer } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { CERTIFICATES, CONSUMER_ACCOUNT_A, CONSUMER_ACCOUNT_B, EXAMPLE_ZONE, NLB_ACCESS_LOG_BUCKET, privateLinkVpc } from "./shared";

const COLLECTORS = { "collector-a": "10.70.0.20", "collector-b": "10.70.1.20" };
const LOGS_DNS_NAME = "logs.example.com";

/**
 * ES-4: a central logging service in the logging account, reachable from
 * every workload account: syslog over TLS (6514) and HTTPS ingestion (443),
 * both terminated on the NLB with a TLS 1.3 policy, forwarded to the
 * collectors; NLB access logs on (they cover TLS listeners); consumers in
 * us-west-2 and eu-west-1 connect cross-region. Workload accounts use
 * 10.0.0.0/8, so the NLB admits PrivateLink traffic from there only. The
 * production account sends both protocols; development only syslog, so its
 * endpoint opens 6514 alone. Both resolve logs.example.com to their endpoint.
 * Every VPC is placed by AZ ID, so the endpoints are proven to be in the
 * load balancer's zones.
 */
export const es4CentralLogging = exampleStack("es4-central-logging", ["ES-4"], (stack) => {
  const production = stack.accountProvider("production", CONSUMER_ACCOUNT_A);
  const development = stack.accountProvider("development", CONSUMER_ACCOUNT_B);
  const loggingVpc = privateLinkVpc(stack, "LoggingVpc", "es4-logging", "10.70.0.0/16");
  const productionVpc = privateLinkVpc(stack, "ProductionVpc", "es4-production", "10.1.0.0/16", { provider: production });
  const developmentVpc = privateLinkVpc(stack, "DevelopmentVpc", "es4-development", "10.2.0.0/16", { provider: development });

  const logging = new PrivateLinkSaasOffering(stack, "CentralLogging", {
    service: {
      name: "es4-central-logging",
      loadBalancer: EndpointServiceLoadBalancer.networkLoadBalancer({
        vpc: loggingVpc,
        listeners: [
          {
            port: 6514,
            protocol: "TLS",
            certificateArn: CERTIFICATES.logging,
            targets: ListenerTargets.ipAddresses({ port: 514, addresses: COLLECTORS }),
          },
          {
            port: 443,
            protocol: "TLS",
            certificateArn: CERTIFICATES.logging,
            targets: ListenerTargets.ipAddresses({ port: 8080, addresses: COLLECTORS }),
          },
        ],
        clients: [Peer.cidr("10.0.0.0/8")],
        accessLogs: { bucket: NLB_ACCESS_LOG_BUCKET, prefix: "es4-central-logging" },
      }),
      supportedRegions: ["us-west-2", "eu-west-1"],
      privateDnsName: LOGS_DNS_NAME,
      privateDnsVerificationZone: EXAMPLE_ZONE,
    },
    consumers: [
      { name: "production", accountId: CONSUMER_ACCOUNT_A, provider: production, vpc: productionVpc },
      { name: "development", accountId: CONSUMER_ACCOUNT_B, provider: development, vpc: developmentVpc, ports: [6514] },
    ],
  });

  new TerraformOutput(stack, "service_name", {
    value: logging.service.serviceName,
    description: "For further workload accounts (EndpointService.fromServiceName)",
  });
  new TerraformOutput(stack, "service_ports", { value: logging.service.ports });
  new TerraformOutput(stack, "logs_dns_name", {
    value: LOGS_DNS_NAME,
    description: "What workloads send to (syslog over TLS on 6514, HTTPS on 443): private DNS answers it with their own endpoint",
  });
  new TerraformOutput(stack, "collectors_security_group_id", {
    value: logging.service.networkLoadBalancer.targetsSecurityGroup.securityGroupId,
    description: "Attach to the collectors (10.70.0.20, 10.70.1.20): admits the load balancer on 514 and 8080",
  });

  Flows.of(stack)
    .allow("production-ships-syslog", {
      from: productionVpc,
      to: { dnsName: LOGS_DNS_NAME, port: 6514 },
      description: "Syslog over TLS to the verified private DNS name",
    })
    .allow("production-posts-https-logs", { from: productionVpc, to: { dnsName: LOGS_DNS_NAME, port: 443 } })
    .allow("development-ships-syslog", { from: developmentVpc, to: { dnsName: LOGS_DNS_NAME, port: 6514 } })
    .deny("development-cannot-post-https-logs", {
      from: developmentVpc,
      to: { dnsName: LOGS_DNS_NAME, port: 443 },
      reason: "on tcp 443",
      description: "Development's endpoint opens syslog only",
    })
    .deny("production-generated-endpoint-name-fails-tls", {
      from: productionVpc,
      to: { target: logging.consumers.production.endpoint, port: 6514 },
      reason: "fail certificate validation",
    })
    .deny("production-plain-syslog-not-offered", {
      from: productionVpc,
      to: { dnsName: LOGS_DNS_NAME, port: 514 },
      reason: "on tcp 514",
      description: "Only TLS syslog (6514) is offered, not plain 514",
    })
    .deny("internet-cannot-send-logs", {
      from: { internet: true },
      to: { dnsName: LOGS_DNS_NAME, port: 6514 },
      reason: "reachable from the internet",
    });
});
