import { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { IResourceConfiguration, Port, PortRange, requireProps, ValidationError } from "../core";
import { SecurityGroup } from "../vpc";
import { NetworkEndpointBase, NetworkEndpointProps } from "./endpoint-base";
import { IServiceNetworkEndpointTarget } from "./targets";

/** Private DNS for VPC Lattice endpoints is opt-in: it adds private hosted zones that change name resolution in the whole VPC. */
interface LatticeEndpointDnsProps {
  /**
   * Resolve the custom domain names of the target inside the VPC.
   * @default false
   */
  readonly privateDnsEnabled?: boolean;
}

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

    const subnets = this.checkPlacement(props);
    ({ securityGroup: this.securityGroup, securityGroupIds: this.securityGroupIds } = this.securityGroupsFor(props, ports, "a VPC Lattice resource configuration"));
    this.resource = this.createResource(props, {
      vpcEndpointType: "Resource",
      resourceConfigurationArn,
      subnetIds: subnets.map((s) => s.subnetId),
      privateDnsEnabled: props.privateDnsEnabled ?? false,
      dependsOn: props.dependsOn,
    });
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

export interface ServiceNetworkEndpointProps extends NetworkEndpointProps, LatticeEndpointDnsProps {
  /** The service network to reach. */
  readonly serviceNetwork: IServiceNetworkEndpointTarget;
  /**
   * Ports the created security group opens: the listener ports of the
   * network's services and the port ranges of its resource configurations.
   * @default - HTTPS (443) only
   */
  readonly ports?: readonly PortRange[];
}

/**
 * A `ServiceNetwork` VPC endpoint: reaches every service and resource
 * configuration of a VPC Lattice service network from this VPC, without
 * associating the VPC itself with the network.
 *
 * Creates: aws_vpc_endpoint (type ServiceNetwork), aws_security_group and
 * aws_vpc_security_group_ingress_rule (unless security groups are given).
 */
export class ServiceNetworkEndpoint extends NetworkEndpointBase {
  public readonly resource: VpcEndpoint;
  public readonly securityGroup?: SecurityGroup;
  public readonly securityGroupIds: readonly string[];

  constructor(scope: Construct, id: string, props: ServiceNetworkEndpointProps) {
    super(scope, id, props);
    requireProps(this, props, ["serviceNetwork"]);

    const subnets = this.checkPlacement(props);
    ({ securityGroup: this.securityGroup, securityGroupIds: this.securityGroupIds } = this.securityGroupsFor(props, props.ports ?? [Port.tcp(443)], "a VPC Lattice service network"));
    this.resource = this.createResource(props, {
      vpcEndpointType: "ServiceNetwork",
      serviceNetworkArn: props.serviceNetwork.serviceNetworkArn,
      subnetIds: subnets.map((s) => s.subnetId),
      privateDnsEnabled: props.privateDnsEnabled ?? false,
    });
  }
}
