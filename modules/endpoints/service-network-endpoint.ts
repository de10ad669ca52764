import { ITerraformDependable } from "../core/cdktf";
import { Construct } from "constructs";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { Port, PortRange, requireProps } from "../core";
import { SecurityGroup } from "../vpc";
import { LatticeEndpointDnsProps, NetworkEndpointBase, NetworkEndpointProps } from "./endpoint-base";
import { IServiceNetworkEndpointTarget } from "./targets";

export interface ServiceNetworkEndpointProps extends NetworkEndpointProps, LatticeEndpointDnsProps {
  /** The service network to reach. */
  readonly serviceNetwork: IServiceNetworkEndpointTarget;
  /**
   * Ports the created security group opens: the listener ports of the
   * network's services and the port ranges of its resource configurations.
   * @default - HTTPS (443) only
   */
  readonly ports?: readonly PortRange[];
  /**
   * What must exist first: for a network shared from another account, its
   * share's principal and resource associations (`ServiceNetwork.shareDependencies`)
   * and the acceptance, or the endpoint's creation races the share.
   * @default - nothing beyond the references
   */
  readonly dependsOn?: readonly ITerraformDependable[];
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
    ({ resource: this.resource, securityGroup: this.securityGroup, securityGroupIds: this.securityGroupIds } = this.createInEverySubnet(props, props.ports ?? [Port.tcp(443)], "a VPC Lattice service network", {
      vpcEndpointType: "ServiceNetwork",
      serviceNetworkArn: props.serviceNetwork.serviceNetworkArn,
      privateDnsEnabled: props.privateDnsEnabled ?? false,
      dependsOn: props.dependsOn,
    }));
  }
}
