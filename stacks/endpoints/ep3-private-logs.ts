import { exportEndpointOutputs, PrivateAwsServiceAccess, ServiceAccessPresets } from "../../modules/endpoints";
import { Flows } from "../../modules/flows";
import { exampleStack } from "../example-stack";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc, OWNER_ACCOUNT } from "../example-values";

const APP = { arn: `arn:aws:iam::${OWNER_ACCOUNT}:role/orders-app`, organizationId: EXAMPLE_ORGANIZATION_ID };
/** Credentials of an account outside the organization, brought into the VPC. */
const FOREIGN = "arn:aws:iam::999999999999:role/collector";
const LOG_GROUP = `arn:aws:logs:us-east-1:${OWNER_ACCOUNT}:log-group:/app/orders`;

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
    services: ServiceAccessPresets.cloudWatchLogs([LOG_GROUP], { organizationId: EXAMPLE_ORGANIZATION_ID }),
    onlySupportedAvailabilityZones: true,
  });
  exportEndpointOutputs(stack, "endpoints", access);

  const logs = "logs.us-east-1.amazonaws.com";
  Flows.of(stack)
    .allow("app-ships-logs", {
      from: { vpc, principal: APP },
      to: { dnsName: logs, request: { action: "logs:PutLogEvents", resource: `${LOG_GROUP}:log-stream:task-1` } },
      description: "the SDK's default name resolves to the endpoint (private DNS)",
    })
    .deny("app-writes-another-log-group", {
      from: { vpc, principal: APP },
      to: {
        dnsName: logs,
        request: { action: "logs:PutLogEvents", resource: `arn:aws:logs:us-east-1:${OWNER_ACCOUNT}:log-group:/app/payments:log-stream:task-1` },
      },
      reason: "no Allow statement matches arn:aws:iam::111111111111:role/orders-app (Resource)",
    })
    .deny("foreign-credentials-ship-logs", {
      from: { vpc, principal: FOREIGN },
      to: { dnsName: logs, request: { action: "logs:PutLogEvents", resource: `${LOG_GROUP}:log-stream:task-1` } },
      reason: "aws:PrincipalOrgID",
      description: "credentials of another organization cannot carry data out through the endpoint",
    })
    .deny("logs-over-plain-http", {
      from: { vpc, principal: APP },
      to: { dnsName: logs, port: 80 },
      reason: "has no ingress from 10.0.0.0/24, 10.0.1.0/24 on tcp 80",
    });
});
