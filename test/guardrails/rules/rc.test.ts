import { TerraformStack } from "cdktf";
import { VpclatticeResourceConfiguration } from "@cdktf/provider-aws/lib/vpclattice-resource-configuration";
import { VpclatticeResourceGateway } from "@cdktf/provider-aws/lib/vpclattice-resource-gateway";
import { ResourceConfigurationNotInShareableNetworks, ResourceGatewaySecurityGroups } from "../../../modules/guardrails";
import { ResourceConfiguration, ResourceGateway } from "../../../modules/resources";
import { Vpc } from "../../../modules/vpc";
import { ruleCases } from "../rule-cases";

const SUBNETS = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"];
const gateway = (stack: TerraformStack, securityGroupIds?: string[]) =>
  new VpclatticeResourceGateway(stack, "Gateway", { name: "owner-gateway", vpcId: "vpc-0123456789abcdef0", subnetIds: SUBNETS, securityGroupIds });
const configuration = (stack: TerraformStack, allowAssociationToShareableServiceNetwork?: boolean) =>
  new VpclatticeResourceConfiguration(stack, "Config", {
    name: "orders-db",
    resourceGatewayIdentifier: gateway(stack, ["sg-0123456789abcdef0"]).id,
    portRanges: ["5432"],
    resourceConfigurationDefinition: [{ dnsResource: [{ domainName: "orders.db.example.com", ipAddressType: "IPV4" }] }],
    allowAssociationToShareableServiceNetwork,
  });

/** The resources module's own building blocks, which should pass both rules. */
const moduleGatewayAndConfiguration = (stack: TerraformStack) => {
  const vpc = new Vpc(stack, "Vpc", { name: "owner", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  const resourceGateway = new ResourceGateway(stack, "ModuleGateway", { name: "owner-gateway", vpc });
  new ResourceConfiguration(stack, "ModuleConfig", { name: "orders-db", resourceGateway, dnsResource: { domainName: "orders.db.example.com" }, portRanges: ["5432"] });
};

ruleCases(ResourceConfigurationNotInShareableNetworks, {
  compliant: [
    { name: "unset (AWS defaults to false)", build: (s) => configuration(s) },
    { name: "explicit false", build: (s) => configuration(s, false) },
    { name: "the ResourceConfiguration construct", build: moduleGatewayAndConfiguration },
  ],
  nonCompliant: [{ name: "true", on: "aws_vpclattice_resource_configuration", message: "is true", build: (s) => configuration(s, true) }],
});

ruleCases(ResourceGatewaySecurityGroups, {
  compliant: [
    { name: "a dedicated group", build: (s) => gateway(s, ["sg-0123456789abcdef0"]) },
    { name: "the ResourceGateway construct", build: moduleGatewayAndConfiguration },
  ],
  nonCompliant: [
    { name: "no groups", on: "aws_vpclattice_resource_gateway", message: "VPC default security group", build: (s) => gateway(s) },
    { name: "an empty list", on: "aws_vpclattice_resource_gateway", message: "no security_group_ids", build: (s) => gateway(s, []) },
  ],
});
