import { TerraformOutput, TerraformVariable } from "cdktf";
import { InterfaceEndpoint } from "../../modules/endpoints";
import { Flows } from "../../modules/flows";
import { EndpointService, EndpointServicePrincipal, ListenerTargets } from "../../modules/privatelink";
import { Peer } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { EXAMPLE_AZ_IDS } from "../example-values";
import { CONSUMER_ACCOUNT_B, PROVIDER_ACCOUNT, privateLinkVpc } from "./shared";

/**
 * The contract between the two halves, which the provider publishes (its
 * outputs) and the partner's stack imports: the service's ports, the one
 * role that may create endpoints, acceptance, the zones it is offered in,
 * and the name the partner-facing ALB's certificate carries (it terminates
 * TLS on 443).
 */
const PARTNER_API = {
  ports: [443],
  roleName: "partner-integration",
  roleArn: `arn:aws:iam::${CONSUMER_ACCOUNT_B}:role/partner-integration`,
  availabilityZoneIds: EXAMPLE_AZ_IDS,
  dnsName: "partner-api.example.com",
} as const;
const PARTNER_VPC_CIDR = "172.16.0.0/16";

/**
 * ES-3 / DEP-2, provider half of a split deployment: only the partner's
 * integration role (not its whole account) may request a connection, every
 * request waits for approval, and each one notifies the provider's operations
 * topic. Only the partner-facing ALB is exposed, not the rest of the VPC, and
 * the NLB admits PrivateLink traffic from the partner's VPC CIDR only; the
 * ALB gets the load balancer's targets security group. The VPC is placed by
 * AZ ID, which the partner's endpoint is checked against. Hand the outputs to
 * the partner (stack es3-partner-consumer); accept the endpoint ID they
 * return after reviewing the notification.
 */
export const es3PartnerProvider = exampleStack("es3-partner-provider", ["ES-3", "DEP-2"], (stack) => {
  const vpc = privateLinkVpc(stack, "Vpc", "es3-provider", "10.60.0.0/16");
  const service = new EndpointService(stack, "PartnerApi", {
    name: "es3-partner-api",
    networkLoadBalancer: {
      vpc,
      listeners: [
        {
          port: PARTNER_API.ports[0],
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
    allowedPrincipals: [EndpointServicePrincipal.iamRole(PARTNER_API.roleArn)],
    connectionNotifications: [{ name: "partner-requests", snsTopicArn: `arn:aws:sns:us-east-1:${PROVIDER_ACCOUNT}:privatelink-partner-requests`, events: ["Connect"] }],
  });
  const loadBalancer = service.loadBalancer!;
  new TerraformOutput(stack, "service_name", { value: service.serviceName, description: "Input service_name of es3-partner-consumer" });
  new TerraformOutput(stack, "service_ports", { value: service.ports, description: "The ports the partner's endpoint must open" });
  new TerraformOutput(stack, "service_availability_zone_ids", { value: service.availabilityZoneIds, description: "The zones the partner's endpoint subnets must be in (by AZ ID)" });
  new TerraformOutput(stack, "partner_dns_name", { value: PARTNER_API.dnsName, description: "The name the partner's clients call on 443 (the ALB's certificate carries it), pointed at their endpoint" });
  new TerraformOutput(stack, "alb_security_group_id", { value: loadBalancer.targetsSecurityGroup.securityGroupId, description: "Attach to the partner-facing ALB: admits the load balancer on 443" });

  Flows.of(stack)
    .allow("load-balancer-reaches-partner-alb", {
      from: { securityGroup: loadBalancer.securityGroup },
      to: { target: loadBalancer.targetsSecurityGroup, port: 443 },
      description: "The NLB forwards (and health-checks) to the ALB, which carries the targets group",
    })
    .deny("provider-workloads-refused-by-partner-listener", {
      from: vpc,
      to: { target: loadBalancer, port: 443 },
      reason: "has no ingress from 10.60.0.0/24, 10.60.1.0/24",
      description: "The listener admits the partner's addresses only",
    })
    .deny("load-balancer-reaches-alb-on-443-only", { from: { securityGroup: loadBalancer.securityGroup }, to: { target: loadBalancer.targetsSecurityGroup, port: 8443 }, reason: "no egress" });
});

/**
 * ES-3 / DEP-2, partner half: the partner reaches the provider's service
 * through an endpoint in its VPC, knowing the service only by name (an input
 * from the provider's outputs) and by the published contract. The endpoint is
 * created as role partner-integration, the only principal the provider
 * allows (the stack's other resources use the deployment's own credentials),
 * in subnets of the zones the service is offered in. The partner's clients
 * call partner-api.example.com, which a private hosted zone of the partner's
 * account points at the endpoint: the ALB's certificate carries that name,
 * not the endpoint's generated ones. The endpoint waits in pendingAcceptance
 * until the provider approves it; no endpoint policy, as AWS ignores policies
 * on endpoint services.
 */
export const es3PartnerConsumer = exampleStack("es3-partner-consumer", ["ES-3", "DEP-2"], (stack) => {
  const serviceName = new TerraformVariable(stack, "service_name", {
    type: "string",
    description: "Output service_name of the provider's stack (es3-partner-provider)",
    default: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
    validation: [{ condition: '${can(regex("^com\\\\.amazonaws\\\\.vpce\\\\.[a-z0-9-]+\\\\.vpce-svc-[0-9a-f]+$", var.service_name))}', errorMessage: "service_name must be an endpoint service name such as com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0." }],
  });
  const integration = stack.accountProvider("partner-integration", CONSUMER_ACCOUNT_B, { roleName: PARTNER_API.roleName });
  const vpc = privateLinkVpc(stack, "Vpc", "es3-partner", PARTNER_VPC_CIDR);
  const service = EndpointService.fromServiceName(stack, "ProviderApi", serviceName.stringValue, {
    ports: PARTNER_API.ports,
    allowedPrincipals: [EndpointServicePrincipal.iamRole(PARTNER_API.roleArn)],
    acceptanceRequired: true,
    availabilityZoneIds: PARTNER_API.availabilityZoneIds,
    tlsPorts: PARTNER_API.ports,
  });
  const endpoint = new InterfaceEndpoint(stack, "ProviderApiEndpoint", { vpc, service, provider: integration, customDnsName: PARTNER_API.dnsName });
  new TerraformOutput(stack, "endpoint_id", { value: endpoint.vpcEndpointId, description: "Send to the provider, who accepts this connection" });
  new TerraformOutput(stack, "api_dns_name", { value: PARTNER_API.dnsName, description: "What the partner's clients call on 443: resolves to the endpoint inside the VPC" });

  Flows.of(stack)
    .allow("partner-calls-provider-api", { from: vpc, to: { dnsName: PARTNER_API.dnsName, port: 443 }, description: "The partner's clients call the certificate's name through their endpoint" })
    .deny("partner-generated-endpoint-name-fails-tls", { from: vpc, to: { target: endpoint, port: 443 }, reason: "fail certificate validation" })
    .deny("partner-api-answers-on-443-only", { from: vpc, to: { dnsName: PARTNER_API.dnsName, port: 8443 }, reason: "on tcp 8443" })
    .deny("internet-cannot-reach-partner-api", { from: { internet: true }, to: { dnsName: PARTNER_API.dnsName, port: 443 }, reason: "reachable from the internet" });
}, { accountId: CONSUMER_ACCOUNT_B });
