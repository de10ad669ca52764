import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { IResourceConfiguration, PortRange, requireProps, ValidationError } from "../core";
import { SecurityGroup } from "../vpc";
import { LatticeEndpointDnsProps, NetworkEndpointBase, NetworkEndpointProps } from "./endpoint-base";

export interface ResourceEndpointProps extends NetworkEndpointProps, LatticeEndpointDnsProps {
  /** The resource configuration to reach. */
  readonly resourceConfiguration: IResourceConfiguration;
  /**
   * Ports the created security group opens.
   * @default - the configuration's port ranges (required when it has none, as with ARN resources)
   */
  readonly ports?: readonly PortRange[];
  /**
   * What must exist first, such as the RAM share of a configuration from another account and its acceptance.
   * @default - nothing beyond the references
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * A `Resource` VPC endpoint: reaches one VPC Lattice resource configuration
 * (a database, an IP address, a domain name) directly, without a service
 * network. Its security group opens only the configuration's port ranges.
 *
 * Creates: aws_vpc_endpoint (type Resource), aws_security_group and
 * aws_vpc_security_group_ingress_rule (unless security groups are given).
 */
export class ResourceEndpoint extends NetworkEndpointBase {
  public readonly resource: VpcEndpoint;
  public readonly securityGroup?: SecurityGroup;
  public readonly securityGroupIds: readonly string[];

  constructor(scope: Construct, id: string, props: ResourceEndpointProps) {
    super(scope, id, props);
    requireProps(this, props, ["resourceConfiguration"]);
    const resourceConfigurationArn = checkedResourceConfigurationArn(this, props);
    const ports = resourcePorts(this, props);
    ({ resource: this.resource, securityGroup: this.securityGroup, securityGroupIds: this.securityGroupIds } = this.createInEverySubnet(props, ports, "a VPC Lattice resource configuration", {
      vpcEndpointType: "Resource",
      resourceConfigurationArn,
      privateDnsEnabled: props.privateDnsEnabled ?? false,
      dependsOn: props.dependsOn,
    }));
  }
}

/** The configuration is the endpoint's only target: a service name (JavaScript callers can pass one) would be silently dropped. */
function checkedResourceConfigurationArn(endpoint: Construct, props: ResourceEndpointProps): string {
  const serviceName = (props as { serviceName?: unknown }).serviceName;
  if (serviceName !== undefined) {
    throw new ValidationError(endpoint, "serviceName", serviceName, "unset: a Resource endpoint reaches its resourceConfiguration (use an InterfaceEndpoint for a service name)");
  }
  return props.resourceConfiguration.resourceConfigurationArn;
}

function resourcePorts(endpoint: Construct, props: ResourceEndpointProps): readonly PortRange[] {
  const ports = props.ports ?? props.resourceConfiguration.ports ?? [];
  if (ports.length === 0 && props.securityGroups === undefined) {
    throw new ValidationError(endpoint, "ports", [], "the ports clients use (the resource configuration does not say), or securityGroups");
  }
  return ports;
}
