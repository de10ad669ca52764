import { TerraformOutput } from "cdktf";
import { PrivateAwsServiceAccess, ServiceAccessPresets } from "../../modules/endpoints";
import { exampleStack } from "../example-stack";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc, OWNER_ACCOUNT } from "../example-values";

/**
 * EP-3: applications ship logs to CloudWatch Logs through an interface
 * endpoint with private DNS (the SDKs' default endpoint resolves to it),
 * placed only in the AZs the service supports, and allowed to write to the
 * application's log group only.
 */
export const ep3PrivateLogs = exampleStack("ep3-private-logs", ["EP-3"], (stack) => {
  const vpc = exampleVpc(stack, "Vpc", "ep3-app", "10.0.0.0/16");
  const access = new PrivateAwsServiceAccess(stack, "LogsAccess", {
    vpc,
    services: ServiceAccessPresets.cloudWatchLogs([`arn:aws:logs:us-east-1:${OWNER_ACCOUNT}:log-group:/app/orders`], { organizationId: EXAMPLE_ORGANIZATION_ID }),
    onlySupportedAvailabilityZones: true,
  });
  new TerraformOutput(stack, "logs_endpoint_id", { value: access.interfaceEndpoints.logs.vpcEndpointId });
  new TerraformOutput(stack, "endpoint_security_group_id", { value: access.securityGroup!.securityGroupId });
});
