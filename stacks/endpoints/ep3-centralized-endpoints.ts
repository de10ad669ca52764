import { TerraformOutput } from "cdktf";
import { AwsService, CentralizedEndpoints, EndpointPolicy } from "../../modules/endpoints";
import { Peer } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc, OWNER_ACCOUNT, SECOND_ACCOUNT } from "../example-values";

const CONSUMER_ACCOUNT = SECOND_ACCOUNT;

/**
 * Hub and spoke (EP-3, EP-5 for a landing zone): CloudWatch Logs, KMS and
 * the ECR registry endpoints live once in a shared-services hub VPC; private
 * hosted zones named like the services resolve them from two spokes, one in
 * another account (authorized by the hub, associated by the spoke). The
 * spokes reach the hub over the landing zone's Transit Gateway, which this
 * stack assumes exists; the endpoints' security group admits the spokes'
 * CIDRs.
 */
export const ep3CentralizedEndpoints = exampleStack("ep3-centralized-endpoints", ["EP-3", "EP-5", "DEP-1"], (stack) => {
  const hub = exampleVpc(stack, "HubVpc", "shared-services", "10.0.0.0/16");
  const orders = exampleVpc(stack, "OrdersVpc", "orders", "10.1.0.0/16");
  const analytics = exampleVpc(stack, "AnalyticsVpc", "analytics", "10.2.0.0/16", { provider: stack.accountProvider("analytics", CONSUMER_ACCOUNT) });
  const central = new CentralizedEndpoints(stack, "Central", {
    vpc: hub,
    spokes: [
      { name: "orders", vpc: orders },
      { name: "analytics", vpc: analytics },
    ],
    allowedPeers: [Peer.cidr("10.0.0.0/16"), Peer.cidr("10.1.0.0/16"), Peer.cidr("10.2.0.0/16")],
    services: [
      { service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(EXAMPLE_ORGANIZATION_ID) },
      {
        service: AwsService.KMS,
        policy: EndpointPolicy.kmsKeys([`arn:aws:kms:us-east-1:${OWNER_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`], {
          organizationId: EXAMPLE_ORGANIZATION_ID,
        }),
      },
      { service: AwsService.ECR_DKR, policy: EndpointPolicy.organizationOnly(EXAMPLE_ORGANIZATION_ID) },
    ],
  });
  new TerraformOutput(stack, "endpoint_security_group_id", { value: central.endpoints.securityGroup!.securityGroupId });
  new TerraformOutput(stack, "logs_zone_id", { value: central.hostedZones.logs.zoneId });
});
