import { TerraformOutput } from "cdktf";
import { Flows } from "../../modules/flows";
import { Port } from "../../modules/core";
import { SharePrincipal } from "../../modules/ram";
import { ResourceConfiguration, ResourceDefinition, ResourceGateway, SharedResourceAccess } from "../../modules/resources";
import { SecurityGroup } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { endpointOutputs, requirePartnerEndpoint, TRUSTED_ACCOUNT } from "./shared";
import { EXAMPLE_AZ_IDS, EXAMPLE_ORGANIZATION_ID, exampleVpc } from "../example-values";

/** The EC2 instance's private address (first private subnet). */
const INSTANCE_IP = "10.0.0.50";

/**
 * RC-5: a trusted account of the organization gets a port range (8000-8100,
 * the instance's worker API) on one EC2 instance: an IP resource
 * configuration shared through AWS RAM inside the organization (no
 * acceptance), and a Resource endpoint in the trusted account's VPC that
 * opens only that range, created once the share names the account and holds
 * the configuration. Both VPCs are placed by AZ ID, so that the endpoint and
 * the gateway share zones in both accounts. The gateway's egress goes to the
 * instance's /32, and the instance admits only the gateway on the range (a
 * security group made here, to attach to it).
 */
export const rc5Ec2PortRange = exampleStack("rc5-ec2-port-range", ["RC-5", "RG-3", "DEP-5", "DEP-6"], (stack) => {
  const trusted = stack.accountProvider("trusted", TRUSTED_ACCOUNT);
  const ownerVpc = exampleVpc(stack, "OwnerVpc", "rc5-workers", "10.0.0.0/16", { availabilityZones: EXAMPLE_AZ_IDS });
  const trustedVpc = exampleVpc(stack, "TrustedVpc", "rc5-trusted", "10.60.0.0/16", { provider: trusted, availabilityZones: EXAMPLE_AZ_IDS });

  const gateway = new ResourceGateway(stack, "Gateway", { name: "rc5-workers-ingress", vpc: ownerVpc });
  const instanceAccess = new SecurityGroup(stack, "InstanceAccess", {
    vpc: ownerVpc,
    description: "Worker instance: its API ports from the VPC Lattice resource gateway",
  });
  const instance = new ResourceConfiguration(stack, "WorkerInstance", {
    name: "rc5-worker-api",
    resourceGateway: gateway,
    resource: ResourceDefinition.ipAddress(INSTANCE_IP),
    ports: [Port.range(8000, 8100)],
    resourceSecurityGroups: [instanceAccess],
  });
  // Inside the organization: no acceptance, and no external principals to opt into.
  const access = new SharedResourceAccess(stack, "TrustedAccess", {
    name: "rc5-worker-api",
    resourceConfiguration: instance,
    sharing: { principals: [SharePrincipal.account(TRUSTED_ACCOUNT)] },
    partner: { provider: trusted, vpc: trustedVpc },
  });
  const endpoint = requirePartnerEndpoint(access.endpoint);

  new TerraformOutput(stack, "resource_share_arn", { value: access.share.resourceShareArn });
  new TerraformOutput(stack, "instance_security_group_id", {
    value: instanceAccess.securityGroupId,
    description: `Attach this group to the instance at ${INSTANCE_IP}`,
  });
  endpointOutputs(stack, "trusted", endpoint);

  const trustedClient = {
    vpc: trustedVpc,
    principal: { arn: `arn:aws:iam::${TRUSTED_ACCOUNT}:role/worker-client`, organizationId: EXAMPLE_ORGANIZATION_ID },
  };
  Flows.of(stack)
    .allow("trusted-reaches-worker-api", {
      from: trustedClient,
      to: { target: endpoint, port: 8050 },
      description: "The trusted account's clients reach the worker API range through their Resource endpoint, created after the share",
    })
    .deny("trusted-past-the-range", {
      from: trustedClient,
      to: { target: endpoint, port: 8101 },
      reason: "on tcp 8101",
      description: "Only 8000-8100",
    })
    .deny("trusted-to-instance-ssh", { from: trustedClient, to: { target: endpoint, port: 22 }, reason: "on tcp 22" })
    .deny("internet-to-worker-api", { from: { internet: true }, to: { target: instance, port: 8050 }, reason: "no public address" });
});
