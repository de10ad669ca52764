import { ITerraformDependable } from "../core/cdktf";
import { Construct } from "constructs";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { checkArn, checkAtSynth, checkBoolean, checkKnownProps, checkObject, literalRegionOf, Port, PortRange, requireProps } from "../core";
import { Connections, SecurityGroup } from "../vpc";
import {
  ImportedNetworkEndpoint,
  INetworkEndpoint,
  LATTICE_ENDPOINT_DNS_PROPS,
  LatticeEndpointDnsProps,
  NETWORK_ENDPOINT_PROPS,
  NetworkEndpointAttributes,
  NetworkEndpointBase,
  NetworkEndpointProps,
} from "./endpoint-base";
import { IServiceNetworkEndpointTarget, waitForShare } from "./targets";

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
   * What must exist first: for a network shared from another account, the
   * acceptance of its share (outside the organization), or the endpoint's
   * creation races it. An endpoint made with another account's provider
   * than a ServiceNetwork's of this app (with `sharing`) waits for the
   * share's principal and resource associations (`ServiceNetwork.shareDependencies`)
   * by itself, and fails for an account the share leaves out.
   * @default - nothing beyond the references (and a share of this app, as above)
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/** Attributes of a ServiceNetwork endpoint made elsewhere, for {@link ServiceNetworkEndpoint.fromServiceNetworkEndpointAttributes}. */
export type ServiceNetworkEndpointAttributes = NetworkEndpointAttributes;

/**
 * A `ServiceNetwork` VPC endpoint: reaches every service and resource
 * configuration of a VPC Lattice service network from this VPC, without
 * associating the VPC itself with the network.
 *
 * Creates: aws_vpc_endpoint (type ServiceNetwork), aws_security_group and
 * aws_vpc_security_group_ingress_rule (unless security groups are given).
 */
export class ServiceNetworkEndpoint extends NetworkEndpointBase {
  /** A ServiceNetwork endpoint made elsewhere: its ID, checked, and its security groups, to which `connections` adds rules. */
  public static fromServiceNetworkEndpointAttributes(scope: Construct, id: string, attrs: ServiceNetworkEndpointAttributes): INetworkEndpoint {
    return new ImportedNetworkEndpoint(scope, id, attrs);
  }

  public readonly resource: VpcEndpoint;
  public readonly securityGroup?: SecurityGroup;
  public readonly securityGroupIds: readonly string[];
  public readonly connections: Connections;

  constructor(scope: Construct, id: string, props: ServiceNetworkEndpointProps) {
    super(scope, id, props);
    requireProps(this, props, ["serviceNetwork"]);
    checkKnownProps(this, props, SERVICE_NETWORK_ENDPOINT_PROPS);
    checkObject(this, "serviceNetwork", props.serviceNetwork);
    // A ServiceNetwork endpoint joins a network of its own region only (shared ones included).
    checkArn(this, "serviceNetwork.serviceNetworkArn", props.serviceNetwork.serviceNetworkArn, "serviceNetwork", {
      region: literalRegionOf(this, this.provider),
    });
    const ports = props.ports ?? [Port.tcp(443)];
    ({
      resource: this.resource,
      securityGroup: this.securityGroup,
      securityGroupIds: this.securityGroupIds,
      connections: this.connections,
    } = this.createInEverySubnet(props, ports, "a VPC Lattice service network", {
      vpcEndpointType: "ServiceNetwork",
      serviceNetworkArn: props.serviceNetwork.serviceNetworkArn,
      privateDnsEnabled: checkBoolean(this, "privateDnsEnabled", props.privateDnsEnabled) ?? false,
      dependsOn: props.dependsOn,
    }));
    // A network this app shares through RAM: made in another account, the endpoint waits for the share, which must name that account.
    waitForShare(this, this.resource, props.serviceNetwork, this.provider, props.dependsOn);
    // Its own group filters every member's traffic: the members (known at synth) must fit the ports it opens.
    const network = props.serviceNetwork;
    if (this.securityGroup !== undefined && network.checkClientPorts !== undefined)
      checkAtSynth(this, () => network.checkClientPorts?.(this, ports, props.ports === undefined));
  }
}

const SERVICE_NETWORK_ENDPOINT_PROPS: Record<keyof ServiceNetworkEndpointProps, true> = {
  ...NETWORK_ENDPOINT_PROPS,
  ...LATTICE_ENDPOINT_DNS_PROPS,
  serviceNetwork: true,
  ports: true,
  dependsOn: true,
};
