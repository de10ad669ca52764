import { TerraformOutput, TerraformVariable } from "cdktf";
import { InterfaceEndpoint } from "../../modules/endpoints";
import { EndpointService, EndpointServicePrincipal, ListenerTargets } from "../../modules/privatelink";
import { Peer } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { CONSUMER_ACCOUNT_B, PROVIDER_ACCOUNT } from "./shared";
import { exampleVpc } from "../example-values";

/** What the partner's stack needs from the provider's: the service name and its ports (the contract between the two). */
const PARTNER_API_PORTS = [443];
const PARTNER_ROLE_ARN = `arn:aws:iam::${CONSUMER_ACCOUNT_B}:role/partner-integration`;
const PARTNER_VPC_CIDR = "172.16.0.0/16";

/**
 * ES-3 / DEP-2, provider half of a split deployment: only the partner's
 * integration role (not its whole account) may request a connection, every
 * request waits for approval, and each one notifies the provider's operations
 * topic. Only the partner-facing ALB is exposed, not the rest of the VPC, and
 * the NLB admits PrivateLink traffic from the partner's VPC CIDR only.
 * Hand the outputs to the partner (stack es3-partner-consumer); accept the
 * endpoint ID they return after reviewing the notification.
 */
export const es3PartnerProvider = exampleStack("es3-partner-provider", ["ES-3", "DEP-2"], (stack) => {
  const vpc = exampleVpc(stack, "Vpc", "es3-provider", "10.60.0.0/16");
  const service = new EndpointService(stack, "PartnerApi", {
    name: "es3-partner-api",
    networkLoadBalancer: {
      vpc,
      listeners: [
        {
          port: PARTNER_API_PORTS[0],
          targets: ListenerTargets.applicationLoadBalancer({
            loadBalancerArn: `arn:aws:elasticloadbalancing:us-east-1:${PROVIDER_ACCOUNT}:loadbalancer/app/partner-api/0123456789abcdef`,
            port: 443,
            healthCheckProtocol: "HTTPS",
            healthCheckPath: "/health",
          }),
        },
      ],
      ingressPeers: [Peer.cidr(PARTNER_VPC_CIDR)],
    },
    allowedPrincipals: [EndpointServicePrincipal.iamRole(PARTNER_ROLE_ARN)],
    connectionNotifications: [{ name: "partner-requests", snsTopicArn: `arn:aws:sns:us-east-1:${PROVIDER_ACCOUNT}:privatelink-partner-requests`, events: ["Connect"] }],
  });
  new TerraformOutput(stack, "service_name", { value: service.serviceName, description: "Input service_name of es3-partner-consumer" });
  new TerraformOutput(stack, "service_ports", { value: service.ports, description: "The ports the partner's endpoint must open" });
});

/**
 * ES-3 / DEP-2, partner half: the partner (deploying with its own account's
 * credentials) reaches the provider's service through an endpoint in its VPC,
 * knowing only the service name (an input from the provider's outputs) and
 * the agreed ports. The endpoint waits in pendingAcceptance until the
 * provider approves it; no endpoint policy, as AWS ignores policies on
 * endpoint services.
 */
export const es3PartnerConsumer = exampleStack("es3-partner-consumer", ["ES-3", "DEP-2"], (stack) => {
  const serviceName = new TerraformVariable(stack, "service_name", {
    type: "string",
    description: "Output service_name of the provider's stack (es3-partner-provider)",
    default: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
    validation: [{ condition: '${can(regex("^com\\\\.amazonaws\\\\.vpce\\\\.[a-z0-9-]+\\\\.vpce-svc-[0-9a-f]+$", var.service_name))}', errorMessage: "service_name must be an endpoint service name such as com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0." }],
  });
  const vpc = exampleVpc(stack, "Vpc", "es3-partner", PARTNER_VPC_CIDR);
  const service = EndpointService.fromServiceName(stack, "ProviderApi", serviceName.stringValue, { ports: PARTNER_API_PORTS });
  const endpoint = new InterfaceEndpoint(stack, "ProviderApiEndpoint", { vpc, service });
  new TerraformOutput(stack, "endpoint_id", { value: endpoint.vpcEndpointId, description: "Send to the provider, who accepts this connection" });
  new TerraformOutput(stack, "endpoint_dns_name", { value: endpoint.dnsEntries.get(0).dnsName });
}, { accountId: CONSUMER_ACCOUNT_B });
