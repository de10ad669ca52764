import { TerraformOutput } from "cdktf";
import { Flows } from "../../modules/flows";
import { EndpointServiceLoadBalancer, ListenerTargets, PrivateLinkSaasOffering } from "../../modules/privatelink";
import { exampleStack } from "../example-stack";
import { CERTIFICATES, CONSUMER_ACCOUNT_A, EXAMPLE_ZONE, NLB_ACCESS_LOG_BUCKET, PROVIDER_ACCOUNT, privateLinkVpc } from "./shared";

const SAAS_DNS_NAME = "api.saas.example.com";

/**
 * ES-2: a SaaS application in the provider's VPC, offered to a customer
 * account under a verified private DNS name (api.saas.example.com): the
 * ownership TXT record goes to the provider's public zone, AWS verifies it,
 * and the customer's endpoint answers that name inside the customer VPC once
 * the provider accepted the connection. The customer's VPC overlaps the
 * provider's (10.40.0.0/16 on both sides), which PrivateLink allows; since
 * customer CIDRs are unknown and may overlap, the NLB does not judge
 * PrivateLink traffic by source: allowed principals and acceptance do. Both
 * VPCs are placed by AZ ID, so the customer's endpoint is proven to be in
 * the load balancer's zones. The application's addresses get a targets
 * security group admitting the load balancer (an output to attach).
 */
export const es2SaasPrivateDns = exampleStack("es2-saas-private-dns", ["ES-2"], (stack) => {
  const customer = stack.accountProvider("customer", CONSUMER_ACCOUNT_A);
  const saasVpc = privateLinkVpc(stack, "SaasVpc", "es2-saas", "10.40.0.0/16");
  const customerVpc = privateLinkVpc(stack, "CustomerVpc", "es2-customer", "10.40.0.0/16", { provider: customer });

  const saas = new PrivateLinkSaasOffering(stack, "Saas", {
    service: {
      name: "es2-saas-api",
      loadBalancer: EndpointServiceLoadBalancer.networkLoadBalancer({
        vpc: saasVpc,
        listeners: [
          {
            port: 443,
            protocol: "TLS",
            certificateArn: CERTIFICATES.saas,
            targets: ListenerTargets.ipAddresses({ port: 8443, addresses: { "app-a": "10.40.0.10", "app-b": "10.40.1.10" } }),
          },
        ],
        enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: false,
        accessLogs: { bucket: NLB_ACCESS_LOG_BUCKET, prefix: "es2-saas-api" },
      }),
      privateDnsName: SAAS_DNS_NAME,
      privateDnsVerificationZone: EXAMPLE_ZONE,
      connectionNotifications: [{ name: "customer-onboarding", snsTopicArn: `arn:aws:sns:us-east-1:${PROVIDER_ACCOUNT}:saas-endpoint-connections` }],
    },
    consumers: [{ name: "acme", accountId: CONSUMER_ACCOUNT_A, provider: customer, vpc: customerVpc }],
  });

  new TerraformOutput(stack, "service_name", { value: saas.service.serviceName, description: "What customers create their endpoint to" });
  new TerraformOutput(stack, "private_dns_name", {
    value: saas.service.privateDnsName,
    description: "What customers call on 443: it resolves to the customer's endpoint inside the customer VPC",
  });
  new TerraformOutput(stack, "app_targets_security_group_id", {
    value: saas.service.networkLoadBalancer.targetsSecurityGroup.securityGroupId,
    description: "Attach to the application's network interfaces (10.40.0.10, 10.40.1.10): admits the load balancer on 8443",
  });

  const endpoint = saas.consumers.acme.endpoint;
  Flows.of(stack)
    .allow("acme-calls-saas-api", {
      from: customerVpc,
      to: { dnsName: SAAS_DNS_NAME, port: 443 },
      description: "The customer calls the verified private DNS name, answered by its own endpoint",
    })
    .deny("acme-generated-endpoint-name-fails-tls", { from: customerVpc, to: { target: endpoint, port: 443 }, reason: "fail certificate validation" })
    .deny("acme-saas-api-answers-on-443-only", { from: customerVpc, to: { dnsName: SAAS_DNS_NAME, port: 80 }, reason: "on tcp 80" })
    .deny("internet-cannot-reach-saas-api-privately", {
      from: { internet: true },
      to: { dnsName: SAAS_DNS_NAME, port: 443 },
      reason: "reachable from the internet",
      description: "The private DNS name answers inside the customer VPC only",
    });
});
