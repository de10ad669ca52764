import { TerraformOutput } from "cdktf";
import { ResourceConfiguration, ResourceGateway, SharedResourceAccess } from "../../modules/resources";
import { exampleStack } from "../example-stack";
import { endpointOutputs, TRUSTED_ACCOUNT } from "./shared";
import { exampleVpc } from "../example-values";

/** The EC2 instance's private address (first private subnet). */
const INSTANCE_IP = "10.0.0.50";

/**
 * RC-5: a trusted account of the organization gets a port range (8000-8100,
 * the instance's worker API) on one EC2 instance: an IP resource
 * configuration shared through AWS RAM inside the organization (no
 * acceptance), and a Resource endpoint in the trusted account's VPC that
 * opens only that range. The gateway's egress goes to the instance's /32.
 */
export const rc5Ec2PortRange = exampleStack("rc5-ec2-port-range", ["RC-5", "RG-3", "DEP-5", "DEP-6"], (stack) => {
  const trusted = stack.accountProvider("trusted", TRUSTED_ACCOUNT);
  const ownerVpc = exampleVpc(stack, "OwnerVpc", "rc5-workers", "10.0.0.0/16");
  const trustedVpc = exampleVpc(stack, "TrustedVpc", "rc5-trusted", "10.60.0.0/16", { provider: trusted });

  const gateway = new ResourceGateway(stack, "Gateway", { name: "rc5-workers-ingress", vpc: ownerVpc });
  const instance = new ResourceConfiguration(stack, "WorkerInstance", {
    name: "rc5-worker-api",
    resourceGateway: gateway,
    ipResource: { ipAddress: INSTANCE_IP },
    portRanges: ["8000-8100"],
  });
  const access = new SharedResourceAccess(stack, "TrustedAccess", {
    name: "rc5-worker-api",
    resourceConfiguration: instance,
    partnerAccountId: TRUSTED_ACCOUNT,
    partnerProvider: trusted,
    partnerVpc: trustedVpc,
  });

  new TerraformOutput(stack, "resource_share_arn", { value: access.share.resourceShareArn });
  endpointOutputs(stack, "trusted", access.endpoint);
});
