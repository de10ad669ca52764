import { TerraformStack } from "cdktf";
import { VpclatticeResourceConfiguration } from "@cdktf/provider-aws/lib/vpclattice-resource-configuration";
import { VpclatticeResourceGateway } from "@cdktf/provider-aws/lib/vpclattice-resource-gateway";
import { VpclatticeServiceNetworkServiceAssociation } from "@cdktf/provider-aws/lib/vpclattice-service-network-service-association";
import {
  ResourceConfigurationNotInShareableNetworks,
  ResourceGatewaySecurityGroups,
  ResourceNetworkWithoutAuthPolicy,
} from "../../../modules/guardrails";
import { AccessLogs, AuthPolicy, ServiceNetwork } from "../../../modules/lattice";
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
  new ResourceConfiguration(stack, "ModuleConfig", {
    name: "orders-db",
    resourceGateway,
    dnsResource: { domainName: "orders.db.example.com" },
    portRanges: ["5432"],
  });
};

ruleCases(ResourceConfigurationNotInShareableNetworks, {
  compliant: [
    { name: "unset (AWS defaults to false)", build: (s) => configuration(s) },
    { name: "explicit false", build: (s) => configuration(s, false) },
    { name: "the ResourceConfiguration construct", build: moduleGatewayAndConfiguration },
  ],
  nonCompliant: [
    { name: "true", on: "aws_vpclattice_resource_configuration", message: "is true", build: (s) => configuration(s, true) },
    {
      name: 'the string "true" (Terraform converts it)',
      on: "aws_vpclattice_resource_configuration",
      message: "is true",
      build: (s) => configuration(s).addOverride("allow_association_to_shareable_service_network", "true"),
    },
  ],
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

/** A network holding the module configuration; `policy` adds an auth policy, `service` a service association. */
const resourceNetwork = (stack: TerraformStack, options: { policy: boolean; service?: boolean }) => {
  const vpc = new Vpc(stack, "Vpc", { name: "owner", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  const resourceGateway = new ResourceGateway(stack, "ModuleGateway", { name: "owner-gateway", vpc });
  const database = new ResourceConfiguration(stack, "ModuleConfig", {
    name: "orders-db",
    resourceGateway,
    ipResource: { ipAddress: "10.0.0.5" },
    portRanges: ["5432"],
  });
  const network = new ServiceNetwork(stack, "Network", {
    name: "data",
    accessLogs: AccessLogs.toNewLogGroup(),
    ...(options.policy ? { authPolicy: new AuthPolicy().allow({ accounts: ["111111111111"] }) } : { resourceConfigurationsOnly: true }),
  });
  network.associateResourceConfiguration("orders-db", database);
  if (options.service === true) {
    new VpclatticeServiceNetworkServiceAssociation(stack, "Orders", {
      serviceNetworkIdentifier: network.serviceNetworkArn,
      serviceIdentifier: "arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-0123456789abcdef0",
    });
  }
};

ruleCases(ResourceNetworkWithoutAuthPolicy, {
  compliant: [
    {
      name: "a network of resource configurations only, made with resourceConfigurationsOnly (no policy)",
      build: (s) => resourceNetwork(s, { policy: false }),
    },
    { name: "a policy on a network that also holds a service", build: (s) => resourceNetwork(s, { policy: true, service: true }) },
  ],
  nonCompliant: [
    {
      name: "a policy on a network of resource configurations only",
      on: "aws_vpclattice_auth_policy",
      message: "applies to nothing",
      build: (s) => resourceNetwork(s, { policy: true }),
    },
  ],
});
