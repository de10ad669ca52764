import { TerraformOutput } from "cdktf";
import { ListenerTargets, PrivateLinkSaasOffering, SaasConsumer } from "../../modules/privatelink";
import { Peer, SecurityGroup } from "../../modules/vpc";
import { ExampleStack, exampleStack } from "../example-stack";
import { CONSUMER_ACCOUNT_A, CONSUMER_ACCOUNT_B, PROVIDER_ACCOUNT } from "./shared";
import { exampleVpc } from "../example-values";

/**
 * ES-5: the data platform account offers its analytics platform, dual-stack,
 * to the business units' accounts: the query API (an internal ALB behind TCP
 * 443) and the SQL warehouse (5439, IP targets). Business units reach it over
 * IPv4 or IPv6 from dual-stack endpoints, and only their analysts' security
 * group may use the endpoint (a group reference covers both IP families).
 * Business-unit CIDRs are allocated independently, so the NLB leaves
 * PrivateLink traffic to allowed principals and acceptance.
 */
export const es5AnalyticsPlatform = exampleStack("es5-analytics-platform", ["ES-5"], (stack) => {
  const platformVpc = exampleVpc(stack, "PlatformVpc", "es5-platform", "10.80.0.0/16", { dualStack: true });

  const platform = new PrivateLinkSaasOffering(stack, "Analytics", {
    service: {
      name: "es5-analytics-platform",
      networkLoadBalancer: {
        vpc: platformVpc,
        ipAddressType: "dualstack",
        listeners: [
          {
            port: 443,
            targets: ListenerTargets.applicationLoadBalancer({
              loadBalancerArn: `arn:aws:elasticloadbalancing:us-east-1:${PROVIDER_ACCOUNT}:loadbalancer/app/analytics-query/0123456789abcdef`,
              port: 443,
              healthCheckProtocol: "HTTPS",
              healthCheckPath: "/healthz",
            }),
          },
          { port: 5439, targets: ListenerTargets.ipAddresses({ port: 5439, addresses: { "warehouse-leader": "10.80.0.50" } }) },
        ],
        enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: false,
      },
      supportedIpAddressTypes: ["ipv4", "ipv6"],
    },
    consumers: [
      businessUnit(stack, "marketing", CONSUMER_ACCOUNT_A, "10.90.0.0/16"),
      businessUnit(stack, "finance", CONSUMER_ACCOUNT_B, "10.91.0.0/16"),
    ],
  });

  new TerraformOutput(stack, "service_name", { value: platform.service.serviceName });
  for (const [unit, consumer] of Object.entries(platform.consumers)) {
    new TerraformOutput(stack, `${unit}_endpoint_dns_name`, { value: consumer.endpoint.dnsEntries.get(0).dnsName });
  }
});

/** A business unit's account: a dual-stack VPC whose analysts' security group alone may use the endpoint. */
function businessUnit(stack: ExampleStack, name: string, accountId: string, cidrBlock: string): SaasConsumer {
  const provider = stack.accountProvider(name, accountId);
  const vpc = exampleVpc(stack, `${name}-vpc`, `es5-${name}`, cidrBlock, { provider, dualStack: true });
  const analysts = new SecurityGroup(stack, `${name}-analysts`, { provider, vpc, description: `${name} analysts allowed to query the analytics platform` });
  return { name, accountId, provider, vpc, ipAddressType: "dualstack", allowedPeers: [Peer.securityGroup(analysts, "analysts")] };
}
