import { TerraformOutput } from "cdktf";
import { ResourceEndpoint } from "../../modules/endpoints";
import { Flows } from "../../modules/flows";
import { DnsResourceGroup } from "../../modules/resources";
import { Port } from "../../modules/core";
import { SecurityGroup } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { endpointOutputs, publicResourceZone } from "./shared";
import { exampleVpc } from "../example-values";

const PLATFORM_ZONE = "platform.example.com";

/**
 * RC-4 / RG-4: the related APIs of one platform (billing, catalog, search)
 * shared with another VPC as one GROUP resource configuration behind one
 * resource gateway: one Resource endpoint in the consumer VPC reaches every
 * member, and opens only the members' ports. The gateway resolves the
 * members' names in public DNS, so they are published in a public zone
 * holding the APIs' private addresses; the API servers admit only the
 * gateway (a security group made here, to attach to them).
 */
export const rc4DnsGroup = exampleStack("rc4-dns-group", ["RC-4", "RG-4", "DEP-5", "DEP-6"], (stack) => {
  const platformVpc = exampleVpc(stack, "PlatformVpc", "rc4-platform", "10.0.0.0/16");
  const consumerVpc = exampleVpc(stack, "ConsumerVpc", "rc4-consumer", "10.50.0.0/16");

  publicResourceZone(stack, "PlatformNames", PLATFORM_ZONE, {
    billing: ["10.0.0.21", "10.0.1.21"],
    catalog: ["10.0.0.22", "10.0.1.22"],
    search: ["10.0.0.23", "10.0.1.23"],
  });
  const apiServers = new SecurityGroup(stack, "ApiServers", {
    vpc: platformVpc,
    description: "Platform API servers: connections from the VPC Lattice resource gateway",
  });
  // The API servers' group admits the gateway on every member's ports (443 once for billing and catalog, 9200).
  const apis = new DnsResourceGroup(stack, "PlatformApis", {
    name: "rc4-platform",
    vpc: platformVpc,
    members: {
      billing: { domainName: `billing.${PLATFORM_ZONE}`, ports: [Port.tcp(443)] },
      catalog: { domainName: `catalog.${PLATFORM_ZONE}`, ports: [Port.tcp(443)] },
      search: { domainName: `search.${PLATFORM_ZONE}`, ports: [Port.tcp(9200)] },
    },
    resourceSecurityGroups: [apiServers],
  });
  const endpoint = new ResourceEndpoint(stack, "ConsumerEndpoint", { vpc: consumerVpc, resourceConfiguration: apis.group });

  new TerraformOutput(stack, "group_configuration_arn", { value: apis.group.resourceConfigurationArn });
  new TerraformOutput(stack, "api_servers_security_group_id", {
    value: apiServers.securityGroupId,
    description: "Attach this group to the billing, catalog and search servers",
  });
  endpointOutputs(stack, "consumer", endpoint);

  Flows.of(stack)
    .allow("consumer-reaches-billing", {
      from: consumerVpc,
      to: { target: apis.members.billing, port: 443 },
      description: "One Resource endpoint to the group reaches every member",
    })
    .allow("consumer-reaches-search", { from: consumerVpc, to: { target: apis.members.search, port: 9200 } })
    .deny("consumer-to-search-on-443", {
      from: consumerVpc,
      to: { target: apis.members.search, port: 443 },
      reason: "port 443 is not in the port ranges of resource configuration rc4-platform-search",
      description: "Each member admits its own ports only, though the endpoint opens every member's",
    })
    .deny("consumer-to-platform-ssh", { from: consumerVpc, to: { target: endpoint, port: 22 }, reason: "on tcp 22" })
    .deny("internet-to-platform-apis", { from: { internet: true }, to: { target: apis.members.catalog, port: 443 }, reason: "no public address" });
});
