import { Annotations, ITerraformDependable, TerraformProvider } from "../core/cdktf";
import { Construct } from "constructs";
import { VpclatticeServiceNetworkResourceAssociation } from "@cdktf/provider-aws/lib/vpclattice-service-network-resource-association";
import { VpclatticeServiceNetworkServiceAssociation } from "@cdktf/provider-aws/lib/vpclattice-service-network-service-association";
import { VpclatticeServiceNetworkVpcAssociation } from "@cdktf/provider-aws/lib/vpclattice-service-network-vpc-association";
import {
  AppCounter,
  AppRegistry,
  AWS_DEFAULT_QUOTAS,
  AWS_LIMITS,
  checkItemCount,
  isUnresolved,
  Port,
  PortRange,
  providerOf,
  requireProps,
  ValidationError,
} from "../core";
import { ISecurityGroup, IVpc, Peer, SecurityGroup, vpcClientPeers } from "../vpc";
import { ILatticeService, IResourceConfiguration, IServiceNetwork } from "./interfaces";

/** How a VPC joins a service network, as ServiceNetworkBase.associateVpc takes it. */
export interface ServiceNetworkVpcAssociationOptions {
  /** The VPC whose clients reach the network. */
  readonly vpc: IVpc;
  /**
   * Security groups that decide which clients of the VPC reach the network (at most 5).
   * An empty list lets every client of the VPC in.
   * @default - a new group admitting `allowedPeers` on `ports`
   */
  readonly securityGroups?: readonly ISecurityGroup[];
  /**
   * Who may reach the network, in the security group created for the association.
   * Only used when `securityGroups` is not given.
   * @default - the VPC's IPv4 CIDR (and its IPv6 CIDR, if any)
   */
  readonly allowedPeers?: readonly Peer[];
  /**
   * Listener ports of the network's services, opened in the created security group.
   * Only used when `securityGroups` is not given.
   * @default - HTTPS (443) only
   */
  readonly ports?: readonly PortRange[];
  /**
   * The VPC owner's account: the association is made from the VPC's side.
   * @default - the VPC's provider
   */
  readonly provider?: TerraformProvider;
  /**
   * What must exist first, such as the acceptance of a RAM share of the network.
   * @default - nothing beyond the references
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/** Props for ServiceNetworkVpcAssociation. */
export interface ServiceNetworkVpcAssociationProps extends ServiceNetworkVpcAssociationOptions {
  /** The network to join, named by ARN so that a network shared from another account works. */
  readonly serviceNetwork: IServiceNetwork;
}

/** Association counts by kind and network ARN, per app, to warn before an adjustable quota fails the apply. */
const associationCounts = new AppCounter<string>();

function warnOverAssociationQuota(association: Construct, kind: "service" | "resource configuration", serviceNetwork: IServiceNetwork): void {
  const count = associationCounts.increment(association, `${kind} ${serviceNetwork.serviceNetworkArn}`);
  if (count === AWS_DEFAULT_QUOTAS.associationsPerServiceNetwork + 1) {
    Annotations.of(association).addWarning(
      `More than ${AWS_DEFAULT_QUOTAS.associationsPerServiceNetwork} ${kind} associations with one service network: raise the "${kind === "service" ? "Service associations" : "Resource configurations"} per service network" quota before applying`,
    );
  }
}

/** Association paths by VPC ID, per app: AWS allows one service network association per VPC. */
const vpcAssociations = new AppRegistry<string, string>();

/**
 * Associates a VPC with a service network, so that its clients reach the
 * network's services and resource configurations. A VPC has at most one
 * service network association (a second one fails at synth); reach more
 * networks with a `ServiceNetworkEndpoint`.
 *
 * Creates: aws_vpclattice_service_network_vpc_association, and
 * aws_security_group with aws_vpc_security_group_ingress_rule unless
 * security groups are given.
 */
export class ServiceNetworkVpcAssociation extends Construct {
  /** The underlying `aws_vpclattice_service_network_vpc_association`, as an escape hatch. */
  public readonly resource: VpclatticeServiceNetworkVpcAssociation;
  /** The security group created for the association, if any. */
  public readonly securityGroup?: SecurityGroup;
  /** Association ID (`snva-...`), known at apply. */
  public readonly associationId: string;

  constructor(scope: Construct, id: string, props: ServiceNetworkVpcAssociationProps) {
    super(scope, id);
    requireProps(this, props, ["serviceNetwork", "vpc"]);
    this.registerVpc(props.vpc);
    checkItemCount(this, "securityGroups", props.securityGroups?.map((g) => g.securityGroupId), 0, AWS_LIMITS.securityGroupsPerServiceNetworkVpcAssociation);
    const provider = providerOf(props, props.vpc);
    let securityGroupIds = props.securityGroups?.map((g) => g.securityGroupId);
    if (securityGroupIds === undefined) {
      this.securityGroup = this.createSecurityGroup(props, provider);
      securityGroupIds = [this.securityGroup.securityGroupId];
    }
    this.resource = new VpclatticeServiceNetworkVpcAssociation(this, "Resource", {
      provider,
      // The ARN, not the ID: an account the network is shared with can only name it by ARN.
      serviceNetworkIdentifier: props.serviceNetwork.serviceNetworkArn,
      vpcIdentifier: props.vpc.vpcId,
      securityGroupIds,
      dependsOn: props.dependsOn === undefined ? undefined : [...props.dependsOn],
    });
    this.associationId = this.resource.id;
  }

  private registerVpc(vpc: IVpc): void {
    const byVpc = vpcAssociations.of(this);
    const existing = byVpc.get(vpc.vpcId);
    if (existing !== undefined) {
      throw new ValidationError(
        this,
        "vpc",
        isUnresolved(vpc.vpcId) ? "a VPC that is already associated" : vpc.vpcId,
        `a VPC without a service network association (${existing} already associates it; use a ServiceNetworkEndpoint to reach a second network)`,
      );
    }
    byVpc.set(vpc.vpcId, this.node.path);
  }

  private createSecurityGroup(props: ServiceNetworkVpcAssociationProps, provider: TerraformProvider | undefined): SecurityGroup {
    const ports = props.ports ?? [Port.tcp(443)];
    checkItemCount(this, "ports", ports, 1);
    const peers = props.allowedPeers ?? vpcClientPeers(props.vpc, { ipv6: true });
    checkItemCount(this, "allowedPeers", peers, 1);
    const group = new SecurityGroup(this, "SecurityGroup", {
      vpc: props.vpc,
      provider,
      description: "Clients of this VPC allowed into the VPC Lattice service network",
    });
    for (const peer of peers) {
      for (const port of ports) {
        group.addIngressRule({ peer, port: port.from, toPort: port.to, description: "Clients to VPC Lattice service network" });
      }
    }
    return group;
  }
}

/** Props for ServiceNetworkServiceAssociation. */
export interface ServiceNetworkServiceAssociationProps {
  /** The network to put the service in, named by ARN so that a network shared from another account works. */
  readonly serviceNetwork: IServiceNetwork;
  /** The service to make reachable from the network's VPCs and endpoints. */
  readonly service: ILatticeService;
  /**
   * The account making the association: the service owner's, when a network shared with it is used.
   * @default - the service's provider
   */
  readonly provider?: TerraformProvider;
  /** @default - nothing beyond the references */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * Puts a VPC Lattice service in a service network.
 *
 * Creates: aws_vpclattice_service_network_service_association.
 */
export class ServiceNetworkServiceAssociation extends Construct {
  /** The underlying `aws_vpclattice_service_network_service_association`, as an escape hatch. */
  public readonly resource: VpclatticeServiceNetworkServiceAssociation;

  constructor(scope: Construct, id: string, props: ServiceNetworkServiceAssociationProps) {
    super(scope, id);
    if (props.serviceNetwork.resourceConfigurationsOnly === true) {
      throw new ValidationError(
        this,
        "serviceNetwork",
        Construct.isConstruct(props.serviceNetwork) ? props.serviceNetwork.node.path : props.serviceNetwork.serviceNetworkArn,
        "a service network for services: this one holds resource configurations only and has no auth policy (make it without resourceConfigurationsOnly, with an authPolicy)",
      );
    }
    warnOverAssociationQuota(this, "service", props.serviceNetwork);
    this.resource = new VpclatticeServiceNetworkServiceAssociation(this, "Resource", {
      provider: providerOf(props, props.service),
      serviceNetworkIdentifier: props.serviceNetwork.serviceNetworkArn,
      serviceIdentifier: props.service.serviceArn,
      dependsOn: props.dependsOn === undefined ? undefined : [...props.dependsOn],
    });
  }
}

/** Props for ServiceNetworkResourceAssociation. */
export interface ServiceNetworkResourceAssociationProps {
  /** The network to put the resource configuration in, named by ARN so that a shared network works. */
  readonly serviceNetwork: IServiceNetwork;
  /** The resource configuration (a database, a DNS name or an IP behind a resource gateway) to make reachable. */
  readonly resourceConfiguration: IResourceConfiguration;
  /** @default - the resource configuration's provider */
  readonly provider?: TerraformProvider;
  /** @default - nothing beyond the references */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * Puts a VPC Lattice resource configuration in a service network, so that
 * the network's VPCs and endpoints reach the resource.
 *
 * Creates: aws_vpclattice_service_network_resource_association.
 */
export class ServiceNetworkResourceAssociation extends Construct {
  /** The underlying `aws_vpclattice_service_network_resource_association`, as an escape hatch. */
  public readonly resource: VpclatticeServiceNetworkResourceAssociation;

  constructor(scope: Construct, id: string, props: ServiceNetworkResourceAssociationProps) {
    super(scope, id);
    warnOverAssociationQuota(this, "resource configuration", props.serviceNetwork);
    this.resource = new VpclatticeServiceNetworkResourceAssociation(this, "Resource", {
      provider: providerOf(props, props.resourceConfiguration),
      serviceNetworkIdentifier: props.serviceNetwork.serviceNetworkArn,
      resourceConfigurationIdentifier: props.resourceConfiguration.resourceConfigurationArn,
      dependsOn: props.dependsOn === undefined ? undefined : [...props.dependsOn],
    });
  }
}
