import { TerraformOutput } from "cdktf";
import { ResourceEndpoint } from "../../modules/endpoints";
import { DnsResourceGroup } from "../../modules/resources";
import { exampleStack } from "../example-stack";
import { endpointOutputs } from "./shared";
import { exampleVpc } from "../example-values";

/**
 * RC-4 / RG-4: the related APIs of one platform (billing, catalog, search)
 * shared with another VPC as one GROUP resource configuration behind one
 * resource gateway: one Resource endpoint in the consumer VPC reaches every
 * member, and opens only the members' ports.
 */
export const rc4DnsGroup = exampleStack("rc4-dns-group", ["RC-4", "RG-4", "DEP-5", "DEP-6"], (stack) => {
  const platformVpc = exampleVpc(stack, "PlatformVpc", "rc4-platform", "10.0.0.0/16");
  const consumerVpc = exampleVpc(stack, "ConsumerVpc", "rc4-consumer", "10.50.0.0/16");

  const apis = new DnsResourceGroup(stack, "PlatformApis", {
    name: "rc4-platform",
    vpc: platformVpc,
    members: {
      billing: { domainName: "billing.platform.example.com", portRanges: ["443"] },
      catalog: { domainName: "catalog.platform.example.com", portRanges: ["443"] },
      search: { domainName: "search.platform.example.com", portRanges: ["9200"] },
    },
  });
  const endpoint = new ResourceEndpoint(stack, "ConsumerEndpoint", { vpc: consumerVpc, resourceConfiguration: apis.group });

  new TerraformOutput(stack, "group_configuration_arn", { value: apis.group.resourceConfigurationArn });
  endpointOutputs(stack, "consumer", endpoint);
});
