import { TerraformOutput, TerraformVariable } from "cdktf";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Flows } from "../../modules/flows";
import {
  ConnectionAcceptance,
  EndpointService,
  EndpointServiceLoadBalancer,
  EndpointServicePrincipal,
  ListenerTargets,
  SaasConsumerEndpoint,
} from "../../modules/privatelink";
import { Peer } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { EXAMPLE_AZ_IDS } from "../example-values";
import { CONSUMER_ACCOUNT_B, EXAMPLE_ZONE, PROVIDER_ACCOUNT, privateLinkVpc } from "./shared";

/**
 * The contract between the two halves, which the provider publishes (its
 * outputs) and the partner's stack imports: the service's ports, the one
 * role that may create endpoints, acceptance, the zones it is offered in,
 * and the name the partner-facing ALB's certificate carries (it terminates
 * TLS on 443), which the provider verifies as the service's private DNS name.
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
 * ES-3 / DEP-2, provider half of a split deployment, with the provider's
 * credentials only: only the partner's integration role (not its whole
 * account) may request a connection, every request waits for approval, and
 * each one notifies the provider's operations topic. Only the
 * partner-facing ALB is exposed, not the rest of the VPC, and the NLB admits
 * PrivateLink traffic from the partner's VPC CIDR only; the ALB gets the
 * load balancer's targets security group. The name the ALB's certificate
 * carries is verified as the service's private DNS name in the provider's
 * public zone. The VPC is placed by AZ ID, which the partner's endpoint is
 * checked against. Hand the outputs to the partner (stack
 * es3-partner-consumer); after reviewing the notification, add the endpoint
 * ID they return to partner_endpoint_ids and apply: the connection is
 * accepted.
 */
export const es3PartnerProvider = exampleStack("es3-partner-provider", ["ES-3", "DEP-2"], (stack) => {
  const partnerEndpointIds = new TerraformVariable(stack, "partner_endpoint_ids", {
    type: "list(string)",
    description: "Endpoint IDs (vpce-…) the partner sent back (output endpoint_id of es3-partner-consumer), accepted after review",
    default: [],
    validation: [
      {
        condition: '${alltrue([for id in var.partner_endpoint_ids : can(regex("^vpce-[0-9a-f]{8,17}$", id))])}',
        errorMessage: "partner_endpoint_ids must be VPC endpoint IDs such as vpce-0123456789abcdef0.",
      },
    ],
  });
  const vpc = privateLinkVpc(stack, "Vpc", "es3-provider", "10.60.0.0/16");
  const service = new EndpointService(stack, "PartnerApi", {
    name: "es3-partner-api",
    loadBalancer: EndpointServiceLoadBalancer.networkLoadBalancer({
      vpc,
      listeners: [
        {
          port: PARTNER_API.ports[0],
          targets: ListenerTargets.applicationLoadBalancer({
            loadBalancerArn: `arn:aws:elasticloadbalancing:us-east-1:${PROVIDER_ACCOUNT}:loadbalancer/app/partner-api/0123456789abcdef`,
            port: 443,
            healthCheck: { protocol: "HTTPS", path: "/health" },
          }),
        },
      ],
      clients: [Peer.cidr(PARTNER_VPC_CIDR)],
    }),
    allowedPrincipals: [EndpointServicePrincipal.iamRole(PARTNER_API.roleArn)],
    privateDnsName: PARTNER_API.dnsName,
    privateDnsVerificationZone: EXAMPLE_ZONE,
    connectionNotifications: [
      { name: "partner-requests", snsTopicArn: `arn:aws:sns:us-east-1:${PROVIDER_ACCOUNT}:privatelink-partner-requests`, events: ["Connect"] },
    ],
  });
  service.acceptEndpoints("partner", partnerEndpointIds.listValue);
  const loadBalancer = service.networkLoadBalancer;
  new TerraformOutput(stack, "service_name", { value: service.serviceName, description: "Input service_name of es3-partner-consumer" });
  new TerraformOutput(stack, "service_ports", { value: service.ports, description: "The ports the partner's endpoint must open" });
  new TerraformOutput(stack, "service_availability_zone_ids", {
    value: service.availabilityZoneIds,
    description: "The zones the partner's endpoint subnets must be in (by AZ ID)",
  });
  new TerraformOutput(stack, "partner_dns_name", {
    value: PARTNER_API.dnsName,
    description:
      "The service's private DNS name, which the ALB's certificate carries: the partner's clients call it on 443 once the connection is accepted",
  });
  new TerraformOutput(stack, "alb_security_group_id", {
    value: loadBalancer.targetsSecurityGroup.securityGroupId,
    description: "Attach to the partner-facing ALB: admits the load balancer on 443",
  });

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
    .deny("load-balancer-reaches-alb-on-443-only", {
      from: { securityGroup: loadBalancer.securityGroup },
      to: { target: loadBalancer.targetsSecurityGroup, port: 8443 },
      reason: "no egress",
    });
});

/**
 * ES-3 / DEP-2, partner half, with the partner's credentials only: the
 * partner reaches the provider's service through an endpoint in its VPC,
 * knowing the service only by name (an input from the provider's outputs)
 * and by the published contract. The endpoint is created as role
 * partner-integration, the only principal the provider allows (the stack's
 * other resources use the deployment's own credentials), in subnets of the
 * zones the service is offered in, with private DNS off: it waits in
 * pendingAcceptance until the provider approves it. Once the provider says
 * so, the partner sets connection_accepted and applies again: private DNS
 * turns on, and partner-api.example.com (the service's verified private DNS
 * name, which the ALB's certificate carries) resolves to the endpoint
 * inside the VPC. No endpoint policy, as AWS ignores policies on endpoint
 * services.
 */
export const es3PartnerConsumer = exampleStack(
  "es3-partner-consumer",
  ["ES-3", "DEP-2"],
  (stack) => {
    const serviceName = new TerraformVariable(stack, "service_name", {
      type: "string",
      description: "Output service_name of the provider's stack (es3-partner-provider)",
      default: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
      validation: [
        {
          condition: '${can(regex("^com\\\\.amazonaws\\\\.vpce\\\\.[a-z0-9-]+\\\\.vpce-svc-[0-9a-f]+$", var.service_name))}',
          errorMessage: "service_name must be an endpoint service name such as com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0.",
        },
      ],
    });
    const accepted = new TerraformVariable(stack, "connection_accepted", {
      type: "bool",
      description: "Set to true once the provider has accepted the endpoint (output endpoint_id): private DNS is then turned on",
      default: false,
    });
    const integration = stack.accountProvider("partner-integration", CONSUMER_ACCOUNT_B, { roleName: PARTNER_API.roleName });
    const vpc = privateLinkVpc(stack, "Vpc", "es3-partner", PARTNER_VPC_CIDR);
    const service = EndpointService.fromEndpointServiceAttributes(stack, "ProviderApi", {
      serviceName: serviceName.stringValue,
      ports: PARTNER_API.ports,
      allowedPrincipals: [EndpointServicePrincipal.iamRole(PARTNER_API.roleArn)],
      acceptanceRequired: true,
      availabilityZoneIds: PARTNER_API.availabilityZoneIds,
      tlsPorts: PARTNER_API.ports,
      privateDnsName: PARTNER_API.dnsName,
    });
    const access = new SaasConsumerEndpoint(stack, "ProviderApiAccess", {
      vpc,
      service,
      provider: integration,
      acceptance: ConnectionAcceptance.whenAccepted(accepted.booleanValue),
    });
    // Deployments of the earlier InterfaceEndpoint "ProviderApiEndpoint" keep their endpoint (and its ID, which the provider accepted).
    const endpointGroup = access.endpoint.securityGroup;
    access.endpoint.resource.moveFromId("aws_vpc_endpoint.ProviderApiEndpoint_35AE9629");
    endpointGroup?.resource.moveFromId("aws_security_group.ProviderApiEndpoint_SecurityGroup_0421CD68");
    (endpointGroup?.node.findChild("Ingress-tcp-443-172-16-0-0-16") as VpcSecurityGroupIngressRule | undefined)?.moveFromId(
      "aws_vpc_security_group_ingress_rule.ProviderApiEndpoint_SecurityGroup_Ingress-tcp-443-172-16-0-0-16_32277AFF",
    );
    new TerraformOutput(stack, "endpoint_id", {
      value: access.endpoint.vpcEndpointId,
      description: "Send to the provider, who accepts this connection (its input partner_endpoint_ids)",
    });
    new TerraformOutput(stack, "api_dns_name", {
      value: PARTNER_API.dnsName,
      description: "What the partner's clients call on 443: private DNS resolves it to the endpoint inside the VPC once connection_accepted is set",
    });

    Flows.of(stack)
      .allow("partner-calls-provider-api", {
        from: vpc,
        to: { dnsName: PARTNER_API.dnsName, port: 443 },
        description: "The partner's clients call the service's private DNS name (the certificate's) through their endpoint, once accepted",
      })
      .deny("partner-generated-endpoint-name-fails-tls", {
        from: vpc,
        to: { target: access.endpoint, port: 443 },
        reason: "fail certificate validation",
      })
      .deny("partner-api-answers-on-443-only", { from: vpc, to: { dnsName: PARTNER_API.dnsName, port: 8443 }, reason: "on tcp 8443" })
      .deny("internet-cannot-reach-partner-api", {
        from: { internet: true },
        to: { dnsName: PARTNER_API.dnsName, port: 443 },
        reason: "reachable from the internet",
      });
  },
  { accountId: CONSUMER_ACCOUNT_B },
);
