import { TerraformOutput } from "cdktf";
import { AwsService, CentralizedEndpoints, EndpointPolicy, exportEndpointOutputs } from "../../modules/endpoints";
import { Flows } from "../../modules/flows";
import { TransitGateway } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc, OWNER_ACCOUNT, SECOND_ACCOUNT } from "../example-values";

const CONSUMER_ACCOUNT = SECOND_ACCOUNT;
const KEY = `arn:aws:kms:us-east-1:${OWNER_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const REPOSITORY = `arn:aws:ecr:us-east-1:${OWNER_ACCOUNT}:repository/orders-api`;
const ORDERS_APP = { arn: `arn:aws:iam::${OWNER_ACCOUNT}:role/orders-app`, organizationId: EXAMPLE_ORGANIZATION_ID };
const ANALYTICS_APP = { arn: `arn:aws:iam::${CONSUMER_ACCOUNT}:role/analytics-app`, organizationId: EXAMPLE_ORGANIZATION_ID };

/**
 * Hub and spoke (EP-3, EP-4, EP-5 for a landing zone): CloudWatch Logs,
 * KMS and the ECR endpoints (api and dkr) live once in a shared-services
 * hub VPC; private hosted zones named like the services resolve them from
 * two spokes, one in another account (authorized by the hub, associated by
 * the spoke). The spokes reach the hub over a transit gateway shared with
 * the other account through RAM, whose attachment the hub accepts; each
 * spoke routes to the hub only, and the gateway's route tables (isolateSpokes)
 * give the spokes no route to each other, so the spokes stay apart. Image layers come
 * from S3, which a gateway endpoint serves only in its own VPC: each spoke
 * gets its own (free) one.
 */
export const ep3CentralizedEndpoints = exampleStack("ep3-centralized-endpoints", ["EP-3", "EP-4", "EP-5", "DEP-1"], (stack) => {
  const hub = exampleVpc(stack, "HubVpc", "shared-services", "10.0.0.0/16");
  const orders = exampleVpc(stack, "OrdersVpc", "orders", "10.1.0.0/16");
  const analytics = exampleVpc(stack, "AnalyticsVpc", "analytics", "10.2.0.0/16", { provider: stack.accountProvider("analytics", CONSUMER_ACCOUNT) });
  // Spokes in a routing domain of their own: they reach the hub, and no other spoke even if their VPCs add routes.
  const network = new TransitGateway(stack, "Network", { name: "landing-zone", isolateSpokes: true });
  const hubAttachment = network.attach("hub", hub);
  network.attach("orders", orders, { routeTo: [hubAttachment] });
  network.attach("analytics", analytics, { routeTo: [hubAttachment], accountId: CONSUMER_ACCOUNT });
  const pull = EndpointPolicy.ecrPull([REPOSITORY], { organizationId: EXAMPLE_ORGANIZATION_ID });
  const central = new CentralizedEndpoints(stack, "Central", {
    vpc: hub,
    spokes: [
      { name: "orders", vpc: orders },
      { name: "analytics", vpc: analytics },
    ],
    services: [
      { service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(EXAMPLE_ORGANIZATION_ID) },
      { service: AwsService.KMS, policy: EndpointPolicy.kmsKeys([KEY], { organizationId: EXAMPLE_ORGANIZATION_ID }) },
      { service: AwsService.ECR_API, policy: pull },
      { service: AwsService.ECR_DKR, policy: pull },
      { service: AwsService.S3, endpointType: "Gateway", policy: EndpointPolicy.ecrImageLayers() },
    ],
  });
  exportEndpointOutputs(stack, "hub_endpoints", central.endpoints);
  new TerraformOutput(stack, "logs_zone_id", { value: central.hostedZones.logs.zoneId });
  new TerraformOutput(stack, "transit_gateway_id", { value: network.transitGatewayId });

  const logs = { action: "logs:PutLogEvents", resource: `arn:aws:logs:us-east-1:${OWNER_ACCOUNT}:log-group:/orders/api:log-stream:task-1` };
  const layer = { action: "s3:GetObject", resource: "arn:aws:s3:::prod-us-east-1-starport-layer-bucket/a1b2c3/layer.tar.gz" };
  Flows.of(stack)
    .allow("orders-ships-logs-to-hub", {
      from: { vpc: orders, principal: ORDERS_APP },
      to: { dnsName: "logs.us-east-1.amazonaws.com", request: logs },
      description: "the spoke resolves the service's name in the hub's private zone and crosses the transit gateway",
    })
    .allow("analytics-decrypts-through-hub", {
      from: { vpc: analytics, principal: ANALYTICS_APP },
      to: { dnsName: "kms.us-east-1.amazonaws.com", request: { action: "kms:Decrypt", resource: KEY } },
      description: "from the other account: the gateway is shared through RAM and the hub accepts the attachment",
    })
    .allow("orders-gets-ecr-token", {
      from: { vpc: orders, principal: ORDERS_APP },
      to: { dnsName: "api.ecr.us-east-1.amazonaws.com", request: { action: "ecr:GetAuthorizationToken", resource: "*" } },
    })
    .allow("orders-pulls-image-manifest", {
      from: { vpc: orders, principal: ORDERS_APP },
      to: { dnsName: `${OWNER_ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`, request: { action: "ecr:BatchGetImage", resource: REPOSITORY } },
    })
    .allow("orders-downloads-image-layers", {
      from: { vpc: orders, principal: ORDERS_APP },
      to: { dnsName: "prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com", request: layer },
      description: "through the spoke's own S3 gateway endpoint",
    })
    .allow("analytics-downloads-image-layers", {
      from: { vpc: analytics, principal: ANALYTICS_APP },
      to: { dnsName: "prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com", request: layer },
    })
    .deny("foreign-credentials-ship-logs", {
      from: { vpc: orders, principal: "arn:aws:iam::999999999999:role/collector" },
      to: { dnsName: "logs.us-east-1.amazonaws.com", request: logs },
      reason: "aws:PrincipalOrgID",
      description: "credentials of another organization cannot use the hub's endpoints",
    })
    .deny("analytics-uses-another-key", {
      from: { vpc: analytics, principal: ANALYTICS_APP },
      to: {
        dnsName: "kms.us-east-1.amazonaws.com",
        request: { action: "kms:Decrypt", resource: `arn:aws:kms:us-east-1:${CONSUMER_ACCOUNT}:key/00000000-0000-0000-0000-000000000000` },
      },
      reason: "endpoint policy of Central/Endpoints/kms: no Allow statement matches arn:aws:iam::222222222222:role/analytics-app (Resource)",
    })
    .deny("orders-reaches-analytics", {
      from: orders,
      to: { dnsName: "10.2.0.10", port: 443 },
      reason: "has no route to 10.2.0.0/24",
      description: "the spokes route to the hub only",
    });
});
