import { Annotations, ITerraformDependable, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { VpclatticeServiceNetwork } from "@cdktf/provider-aws/lib/vpclattice-service-network";
import { VpclatticeServiceNetworkResourceAssociation } from "@cdktf/provider-aws/lib/vpclattice-service-network-resource-association";
import { VpclatticeServiceNetworkServiceAssociation } from "@cdktf/provider-aws/lib/vpclattice-service-network-service-association";
import { VpclatticeServiceNetworkVpcAssociation } from "@cdktf/provider-aws/lib/vpclattice-service-network-vpc-association";
import {
  AppCounter,
  AppRegistry,
  AWS_DEFAULT_QUOTAS,
  AWS_LIMITS,
  AwsResourceProps,
  checkAccountId,
  checkItemCount,
  checkOneOf,
  checkPattern,
  checkRegion,
  isUnresolved,
  parseArn,
  partitionOfRegion,
  Port,
  PortRange,
  providerOf,
  requireProps,
  stableId,
  ValidationError,
} from "../core";
import { IServiceNetworkEndpointTarget } from "../endpoints/targets";
import { ResourceShare, SharePrincipal } from "../ram";
import { ISecurityGroup, IVpc, Peer, SecurityGroup, vpcClientPeers } from "../vpc";
import { AccessLogs, LatticeAccessLogs } from "./access-logs";
import { AuthPolicy, LatticeAuthPolicy } from "./auth-policy";
import { ILatticeService, IResourceConfiguration, IServiceNetwork } from "./interfaces";
import { checkLatticeName, idOfArn } from "./names";

/** How VPC Lattice authenticates requests: SigV4 plus an auth policy, or not at all. */
export type LatticeAuthType = "AWS_IAM" | "NONE";

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

/** A service network with the associations it can make, created here or imported (shared with this account). */
export abstract class ServiceNetworkBase extends Construct implements IServiceNetwork, IServiceNetworkEndpointTarget {
  public abstract readonly serviceNetworkId: string;
  public abstract readonly serviceNetworkArn: string;
  public abstract readonly provider?: TerraformProvider;

  /** Associates a VPC; `name` keys its Terraform address. */
  public associateVpc(name: string, options: ServiceNetworkVpcAssociationOptions): ServiceNetworkVpcAssociation {
    return new ServiceNetworkVpcAssociation(this, `Vpc-${stableId(name)}`, { ...options, serviceNetwork: this });
  }

  /** Adds a service; `name` keys its Terraform address. */
  public associateService(name: string, service: ILatticeService, options: Omit<ServiceNetworkServiceAssociationProps, "serviceNetwork" | "service"> = {}): ServiceNetworkServiceAssociation {
    return new ServiceNetworkServiceAssociation(this, `Service-${stableId(name)}`, { ...options, serviceNetwork: this, service });
  }

  /** Adds a resource configuration; `name` keys its Terraform address. */
  public associateResourceConfiguration(
    name: string,
    resourceConfiguration: IResourceConfiguration,
    options: Omit<ServiceNetworkResourceAssociationProps, "serviceNetwork" | "resourceConfiguration"> = {},
  ): ServiceNetworkResourceAssociation {
    return new ServiceNetworkResourceAssociation(this, `Resource-${stableId(name)}`, { ...options, serviceNetwork: this, resourceConfiguration });
  }
}

/** Options for ServiceNetwork.fromArn. */
export interface ServiceNetworkImportOptions {
  /**
   * The account that uses the imported network (its associations default to their own providers).
   * @default - the stack's default provider
   */
  readonly provider?: TerraformProvider;
}

/** Identifies a service network made elsewhere for ServiceNetwork.fromId. */
export interface ServiceNetworkIdAttributes extends ServiceNetworkImportOptions {
  /** `sn-` followed by 17 characters. */
  readonly serviceNetworkId: string;
  /** Account that owns the network, to build its ARN (other accounts can only name it by ARN). */
  readonly accountId: string;
  /** Region of the network, such as us-east-1; also decides the ARN's partition. */
  readonly region: string;
}

/** How a service network is shared through AWS RAM. */
export interface ServiceNetworkSharing {
  /** Accounts, OUs or the organization to share with. */
  readonly principals: readonly SharePrincipal[];
  /**
   * Allow principals outside your organization (they must accept the share).
   * @default false
   */
  readonly allowExternalPrincipals?: boolean;
  /** @default - the network's name */
  readonly shareName?: string;
}

export interface ServiceNetworkProps extends AwsResourceProps {
  /** 3-63 lowercase letters, digits and single hyphens; not starting with `servicenetwork-`. */
  readonly name: string;
  /**
   * `AWS_IAM` requires SigV4-signed requests allowed by the auth policy.
   * `NONE` needs `allowUnauthenticatedAccess: true`.
   * @default "AWS_IAM"
   */
  readonly authType?: LatticeAuthType;
  /**
   * Who may call the network's services.
   * @default - with `sharing`, the authenticated principals of the shared-with accounts,
   * OUs and organization; without it, required (AWS_IAM with no policy denies everything)
   */
  readonly authPolicy?: AuthPolicy;
  /**
   * The explicit opt-in to `authType: "NONE"`: every client of an associated VPC may call every service.
   * @default false
   */
  readonly allowUnauthenticatedAccess?: boolean;
  /** @default AccessLogs.toNewLogGroup(): a CloudWatch Logs group with one-year retention */
  readonly accessLogs?: AccessLogs;
  /** @default - not shared */
  readonly sharing?: ServiceNetworkSharing;
}

/**
 * A VPC Lattice service network: the logical boundary that services,
 * resource configurations and client VPCs join. AWS_IAM auth with an auth
 * policy and access logs (service and resource traffic) are on by default;
 * it can be shared with other accounts through AWS RAM.
 *
 * Creates: aws_vpclattice_service_network, aws_vpclattice_auth_policy,
 * aws_vpclattice_access_log_subscription and aws_cloudwatch_log_group (see
 * {@link LatticeAccessLogs}), aws_ram_resource_share with its associations
 * (with `sharing`), and the associations added with `associate*`.
 */
export class ServiceNetwork extends ServiceNetworkBase {
  /** A network made elsewhere (another stack, or another account that shares it), by ARN. */
  public static fromArn(scope: Construct, id: string, serviceNetworkArn: string, options: ServiceNetworkImportOptions = {}): ServiceNetworkBase {
    return new ImportedServiceNetwork(scope, id, options.provider, (self) => identifiersOfArn(self, serviceNetworkArn));
  }

  /** A network made elsewhere, by ID; the owner account and region make up its ARN. */
  public static fromId(scope: Construct, id: string, attrs: ServiceNetworkIdAttributes): ServiceNetworkBase {
    return new ImportedServiceNetwork(scope, id, attrs.provider, (self) => identifiersOfId(self, attrs));
  }

  /** The underlying `aws_vpclattice_service_network`, as an escape hatch. */
  public readonly resource: VpclatticeServiceNetwork;
  public readonly serviceNetworkId: string;
  public readonly serviceNetworkArn: string;
  public readonly provider?: TerraformProvider;
  /** The network's name. */
  public readonly name: string;
  /** The network's `auth_type`: AWS_IAM unless NONE was explicitly allowed. */
  public readonly authType: LatticeAuthType;
  /** The auth policy; undefined with authType NONE. */
  public readonly authPolicy?: LatticeAuthPolicy;
  /** The network's access log subscriptions (and the log group created by default). */
  public readonly accessLogs: LatticeAccessLogs;
  /** The RAM share, with `sharing`. */
  public readonly share?: ResourceShare;
  /**
   * What must exist before another account can use the network: the share's
   * principal and resource associations. Consumers' associations depend on these.
   */
  public readonly shareDependencies: readonly ITerraformDependable[];

  constructor(scope: Construct, id: string, props: ServiceNetworkProps) {
    super(scope, id);
    requireProps(this, props, ["name"]);
    checkLatticeName(this, "name", props.name, { min: 3, max: 63, reservedPrefix: "servicenetwork-" });
    this.authType = props.authType ?? "AWS_IAM";
    checkOneOf(this, "authType", this.authType, ["AWS_IAM", "NONE"]);
    const authPolicy = this.chooseAuthPolicy(props);

    this.name = props.name;
    this.provider = props.provider;
    this.resource = new VpclatticeServiceNetwork(this, "Resource", {
      provider: props.provider,
      name: props.name,
      authType: this.authType,
      tags: { Name: props.name },
    });
    this.serviceNetworkId = this.resource.id;
    this.serviceNetworkArn = this.resource.arn;

    if (authPolicy !== undefined) {
      this.authPolicy = new LatticeAuthPolicy(this, "AuthPolicy", { target: this, policy: authPolicy, provider: props.provider });
    }
    this.accessLogs = new LatticeAccessLogs(this, "AccessLogs", { source: this, name: props.name, accessLogs: props.accessLogs, provider: props.provider });

    if (props.sharing === undefined) {
      this.shareDependencies = [];
    } else {
      this.share = new ResourceShare(this, "Share", {
        provider: props.provider,
        name: props.sharing.shareName ?? props.name,
        principals: props.sharing.principals,
        allowExternalPrincipals: props.sharing.allowExternalPrincipals,
      });
      const association = this.share.addResource("service-network", this.serviceNetworkArn);
      this.shareDependencies = [...this.share.invitationDependencies, association];
    }
  }

  private chooseAuthPolicy(props: ServiceNetworkProps): AuthPolicy | undefined {
    if (this.authType === "NONE") {
      if (props.allowUnauthenticatedAccess !== true) {
        throw new ValidationError(this, "authType", "NONE", "AWS_IAM, or NONE together with allowUnauthenticatedAccess: true (every client of every associated VPC could call every service)");
      }
      if (props.authPolicy !== undefined) {
        throw new ValidationError(this, "authPolicy", "a policy with authType NONE", "no auth policy (VPC Lattice ignores it unless authType is AWS_IAM)");
      }
      return undefined;
    }
    if (props.authPolicy !== undefined) return props.authPolicy;
    if (props.sharing !== undefined && props.sharing.principals.length > 0) return AuthPolicy.fromSharePrincipals(props.sharing.principals);
    throw new ValidationError(
      this,
      "authPolicy",
      undefined,
      "an AuthPolicy (for example new AuthPolicy().allow({ accounts: [...] })) or sharing principals to derive one from: with AWS_IAM and no policy, VPC Lattice denies every request",
    );
  }
}

interface ServiceNetworkIdentifiers {
  readonly serviceNetworkId: string;
  readonly serviceNetworkArn: string;
}

class ImportedServiceNetwork extends ServiceNetworkBase {
  public readonly serviceNetworkId: string;
  public readonly serviceNetworkArn: string;
  public readonly provider?: TerraformProvider;

  /** `identify` validates the attributes against this construct, so errors name the import. */
  constructor(scope: Construct, id: string, provider: TerraformProvider | undefined, identify: (self: Construct) => ServiceNetworkIdentifiers) {
    super(scope, id);
    this.provider = provider;
    ({ serviceNetworkId: this.serviceNetworkId, serviceNetworkArn: this.serviceNetworkArn } = identify(this));
  }
}

function identifiersOfArn(scope: Construct, serviceNetworkArn: string): ServiceNetworkIdentifiers {
  if (isUnresolved(serviceNetworkArn)) return { serviceNetworkId: idOfArn(serviceNetworkArn), serviceNetworkArn };
  const arn = parseArn(serviceNetworkArn);
  const match = /^servicenetwork\/(sn-[0-9a-z]{17})$/.exec(arn?.resource ?? "");
  if (arn?.service !== "vpc-lattice" || match === null) {
    throw new ValidationError(scope, "serviceNetworkArn", serviceNetworkArn, "a service network ARN such as arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0");
  }
  return { serviceNetworkId: match[1], serviceNetworkArn };
}

function identifiersOfId(scope: Construct, attrs: ServiceNetworkIdAttributes): ServiceNetworkIdentifiers {
  checkPattern(scope, "serviceNetworkId", attrs.serviceNetworkId, /^sn-[0-9a-z]{17}$/, "a service network ID such as sn-0123456789abcdef0");
  checkAccountId(scope, "accountId", attrs.accountId);
  checkRegion(scope, "region", attrs.region);
  const partition = isUnresolved(attrs.region) ? "aws" : partitionOfRegion(attrs.region);
  return {
    serviceNetworkId: attrs.serviceNetworkId,
    serviceNetworkArn: `arn:${partition}:vpc-lattice:${attrs.region}:${attrs.accountId}:servicenetwork/${attrs.serviceNetworkId}`,
  };
}
