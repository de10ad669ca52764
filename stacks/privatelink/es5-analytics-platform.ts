import { TerraformOutput } from "cdktf";
import { Flows } from "../../modules/flows";
import { EndpointServiceLoadBalancer, ListenerTargets, PrivateLinkSaasOffering, SaasConsumer } from "../../modules/privatelink";
import { SecurityGroup, Vpc } from "../../modules/vpc";
import { ExampleStack, exampleStack } from "../example-stack";
import { CONSUMER_ACCOUNT_A, CONSUMER_ACCOUNT_B, PROVIDER_ACCOUNT, privateLinkVpc } from "./shared";

/** The name the query API's certificate (on its ALB) carries; each business unit points it at its own endpoint. */
const ANALYTICS_DNS_NAME = "analytics.internal.example.com";

/**
 * ES-5: the data platform account offers its analytics platform, dual-stack,
 * to the business units' accounts: the query API (an internal ALB behind TCP
 * 443, which terminates TLS) and the SQL warehouse (5439, IP targets).
 * Business units reach it over IPv4 or IPv6 from dual-stack endpoints, and
 * only their analysts' security group may use the endpoint: the endpoint
 * admits the group and the group may send to the endpoint (a group reference
 * covers both IP families). The ALB's certificate carries
 * analytics.internal.example.com, which each business unit resolves to its
 * endpoint in a private hosted zone of its account. Business-unit CIDRs are
 * allocated independently, so the NLB leaves PrivateLink traffic to allowed
 * principals and acceptance. Every VPC is placed by AZ ID.
 */
export const es5AnalyticsPlatform = exampleStack("es5-analytics-platform", ["ES-5"], (stack) => {
  const platformVpc = privateLinkVpc(stack, "PlatformVpc", "es5-platform", "10.80.0.0/16", { dualStack: true });
  const marketing = businessUnit(stack, "marketing", CONSUMER_ACCOUNT_A, "10.90.0.0/16");
  const finance = businessUnit(stack, "finance", CONSUMER_ACCOUNT_B, "10.91.0.0/16");

  const platform = new PrivateLinkSaasOffering(stack, "Analytics", {
    service: {
      name: "es5-analytics-platform",
      loadBalancer: EndpointServiceLoadBalancer.networkLoadBalancer({
        vpc: platformVpc,
        ipAddressType: "dualstack",
        listeners: [
          {
            port: 443,
            targets: ListenerTargets.applicationLoadBalancer({
              loadBalancerArn: `arn:aws:elasticloadbalancing:us-east-1:${PROVIDER_ACCOUNT}:loadbalancer/app/analytics-query/0123456789abcdef`,
              port: 443,
              healthCheck: { protocol: "HTTPS", path: "/healthz" },
            }),
          },
          { port: 5439, targets: ListenerTargets.ipAddresses({ port: 5439, addresses: { "warehouse-leader": "10.80.0.50" } }) },
        ],
        enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: false,
      }),
      supportedIpAddressTypes: ["ipv4", "ipv6"],
    },
    consumers: [marketing.consumer, finance.consumer],
  });

  new TerraformOutput(stack, "service_name", { value: platform.service.serviceName });
  new TerraformOutput(stack, "platform_targets_security_group_id", {
    value: platform.service.networkLoadBalancer.targetsSecurityGroup.securityGroupId,
    description: "Attach to the query ALB and the warehouse leader: admits the load balancer on 443 and 5439",
  });
  for (const unit of Object.keys(platform.consumers)) {
    new TerraformOutput(stack, `${unit}_analytics_dns_name`, {
      value: ANALYTICS_DNS_NAME,
      description: `What ${unit}'s analysts call (443 query API, 5439 warehouse): the ALB's certificate carries it, and ${unit}'s private hosted zone points it at its endpoint`,
    });
  }

  Flows.of(stack)
    .allow("marketing-analysts-query-api", {
      from: { securityGroup: marketing.analysts },
      to: { dnsName: ANALYTICS_DNS_NAME, port: 443 },
      description: "Analysts call the query API by the certificate's name",
    })
    .allow("marketing-analysts-query-warehouse", { from: { securityGroup: marketing.analysts }, to: { dnsName: ANALYTICS_DNS_NAME, port: 5439 } })
    .allow("finance-analysts-query-api-over-ipv6", {
      from: { securityGroup: finance.analysts, family: "ipv6" },
      to: { dnsName: ANALYTICS_DNS_NAME, port: 443 },
    })
    .deny("marketing-other-workloads-refused", {
      from: marketing.vpc,
      to: { dnsName: ANALYTICS_DNS_NAME, port: 443 },
      reason: "has no ingress from 10.90.0.0/24, 10.90.1.0/24",
      description: "A client outside the analysts' group is not admitted by the endpoint",
    })
    .deny("marketing-generated-endpoint-name-fails-tls", {
      from: { securityGroup: marketing.analysts },
      to: { target: platform.consumers.marketing.endpoint, port: 443 },
      reason: "fail certificate validation",
    })
    .deny("marketing-analysts-only-on-offered-ports", {
      from: { securityGroup: marketing.analysts },
      to: { dnsName: ANALYTICS_DNS_NAME, port: 8080 },
      reason: "no egress",
    })
    .deny("internet-cannot-query-analytics", {
      from: { internet: true },
      to: { dnsName: ANALYTICS_DNS_NAME, port: 443 },
      reason: "reachable from the internet",
    });
});

/** A business unit's account: a dual-stack VPC whose analysts' security group alone may use the endpoint, and reaches it. */
function businessUnit(
  stack: ExampleStack,
  name: string,
  accountId: string,
  cidrBlock: string,
): { consumer: SaasConsumer; vpc: Vpc; analysts: SecurityGroup } {
  const provider = stack.accountProvider(name, accountId);
  const vpc = privateLinkVpc(stack, `${name}-vpc`, `es5-${name}`, cidrBlock, { provider, dualStack: true });
  const analysts = new SecurityGroup(stack, `${name}-analysts`, {
    provider,
    vpc,
    description: `${name} analysts allowed to query the analytics platform`,
  });
  return {
    vpc,
    analysts,
    consumer: { name, accountId, provider, vpc, ipAddressType: "dualstack", clients: { analysts }, customDnsName: ANALYTICS_DNS_NAME },
  };
}
