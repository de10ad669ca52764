import { ITerraformDependable, TerraformProvider } from "../../core/cdktf";
import { Construct } from "constructs";
import {
  AwsResourceProps,
  checkAccountId,
  checkKnownProps,
  checkList,
  checkPattern,
  checkUnique,
  isUnresolved,
  literalAccountOf,
  OptOut,
  PortRange,
  requireProps,
  requireValue,
  stableId,
  ValidationError,
} from "../../core";
import { IResourceShare, ResourceShare, ResourceShareAccepter, SharePrincipal } from "../../ram";
import { ISecurityGroup, IVpc } from "../../vpc";
import { AccessLogs } from "../access-logs";
import { AuthPolicy } from "../auth-policy";
import { ILatticeService, IServiceNetwork } from "../interfaces";
import { ServiceNetwork } from "../service-network";
import { ServiceNetworkServiceAssociation, ServiceNetworkVpcAssociation } from "../service-network-associations";

/** A service a member account puts in the mesh; `name` keys its Terraform address. */
export interface MeshService {
  /** Stable name of the service in the mesh; keys its association's Terraform address. */
  readonly name: string;
  /** The VPC Lattice service to associate with the mesh's service network. */
  readonly service: ILatticeService;
}

/** What one account brings to the mesh: a client VPC, services, or both. */
export interface LatticeMeshMemberOptions {
  /**
   * The member account's provider: its share acceptance and associations are made there.
   * @default - the stack's default provider (a member deployed on its own)
   */
  readonly provider?: TerraformProvider;
  /** The VPC whose clients call the mesh's services. @default - no VPC association (the member only offers services) */
  readonly vpc?: IVpc;
  /** Security groups of the VPC association (at most 5). @default - a group admitting the VPC's CIDR on `ports` */
  readonly securityGroups?: readonly ISecurityGroup[];
  /** Listener ports clients use, for the created security group. @default - HTTPS (443) only */
  readonly ports?: readonly PortRange[];
  /** Services the member registers in the network. @default - none */
  readonly services?: readonly MeshService[];
  /** Tags of the member's associations. @default - none */
  readonly tags?: Readonly<Record<string, string>>;
}

export interface LatticeMeshMemberProps extends LatticeMeshMemberOptions {
  /** The mesh's network, imported by ARN when the owner is deployed separately. */
  readonly serviceNetwork: IServiceNetwork;
  /**
   * The share to accept first. Needed when the network is shared outside the
   * organization, or the organization has not enabled sharing with AWS RAM.
   * @default - no acceptance: shares inside an organization with RAM sharing enabled need none
   */
  readonly acceptShare?: IResourceShare;
  /**
   * What must exist before the associations, such as the owner's share (one configuration for both sides).
   * @default - nothing beyond the acceptance
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

const LATTICE_MESH_MEMBER_OPTIONS: Record<keyof LatticeMeshMemberOptions, true> = {
  provider: true,
  vpc: true,
  securityGroups: true,
  ports: true,
  services: true,
  tags: true,
};

const LATTICE_MESH_MEMBER_PROPS: Record<keyof LatticeMeshMemberProps, true> = {
  ...LATTICE_MESH_MEMBER_OPTIONS,
  serviceNetwork: true,
  acceptShare: true,
  dependsOn: true,
};

const MESH_SERVICE: Record<keyof MeshService, true> = { name: true, service: true };

/**
 * One member account of a VPC Lattice mesh: accepts the share of the
 * network if asked to, associates its VPC and registers its services, all
 * with its own provider. Use it alone in the member's stack when the owner
 * is deployed separately, or through {@link LatticeMesh}.
 *
 * Creates: aws_ram_resource_share_accepter (with `acceptShare`),
 * aws_vpclattice_service_network_vpc_association with its security group
 * (with `vpc`), aws_vpclattice_service_network_service_association.
 */
export class LatticeMeshMember extends Construct {
  /** The acceptance of the network's RAM share; undefined without `acceptShare`. */
  public readonly accepter?: ResourceShareAccepter;
  /** The association of the member's client VPC with the network; undefined without `vpc`. */
  public readonly vpcAssociation?: ServiceNetworkVpcAssociation;
  /** One service network service association per entry of `services`, in the same order. */
  public readonly serviceAssociations: readonly ServiceNetworkServiceAssociation[];

  constructor(scope: Construct, id: string, props: LatticeMeshMemberProps) {
    super(scope, id);
    requireProps(this, props, ["serviceNetwork"]);
    checkKnownProps(this, props, LATTICE_MESH_MEMBER_PROPS);
    const services = checkList(this, "services", props.services) ?? [];
    services.forEach((s, i) => checkKnownProps(this, s, MESH_SERVICE, `services[${i}]`));
    checkUnique(this, "services", services, (s) => s.name);
    if (props.vpc === undefined && services.length === 0) {
      throw new ValidationError(this, "vpc, services", "neither", "a client VPC, services, or both: a member with neither adds nothing to the mesh");
    }
    const dependsOn = [...(props.dependsOn ?? [])];
    if (props.acceptShare !== undefined) {
      if (props.provider === undefined) {
        // The accepter must run in the member account; ResourceShareAccepter insists on an explicit provider.
        throw new ValidationError(this, "provider", undefined, "the member account's provider, to accept the share with");
      }
      this.accepter = new ResourceShareAccepter(this, "ShareAccepter", { share: props.acceptShare, provider: props.provider });
      dependsOn.push(this.accepter.resource);
    }
    const common = {
      serviceNetwork: props.serviceNetwork,
      provider: props.provider,
      dependsOn: dependsOn.length === 0 ? undefined : dependsOn,
      tags: props.tags,
    };
    if (props.vpc !== undefined) {
      this.vpcAssociation = new ServiceNetworkVpcAssociation(this, "VpcAssociation", {
        ...common,
        vpc: props.vpc,
        securityGroups: props.securityGroups,
        ports: props.ports,
      });
    }
    this.serviceAssociations = services.map(
      (s) => new ServiceNetworkServiceAssociation(this, `Service-${stableId(s.name)}`, { ...common, service: s.service }),
    );
  }
}

/** A member account whose side is deployed with the owner's, through a provider alias. */
export interface LatticeMeshMemberSpec extends LatticeMeshMemberOptions {
  /** Keys the member's Terraform addresses. */
  readonly name: string;
  /** The account the network is shared with. */
  readonly accountId: string;
  /** The member account's provider (required: the owner's provider cannot act in the member account). */
  readonly provider: TerraformProvider;
}

export interface LatticeMeshProps extends AwsResourceProps {
  /** Name of the service network (and of its RAM share). */
  readonly name: string;
  /** Member accounts deployed in this configuration. @default - none */
  readonly members?: readonly LatticeMeshMemberSpec[];
  /**
   * Accounts, OUs or the organization to share with whose side is deployed
   * elsewhere with {@link LatticeMeshMember} (the split variant).
   * @default - none
   */
  readonly sharedWith?: readonly SharePrincipal[];
  /**
   * Share outside the owner's organization: `OptOut.because("<why>")`, whose
   * reason is recorded on the share (`true` still works, deprecated).
   * Members then accept the share.
   * @default - principals of the organization only
   */
  readonly allowExternalPrincipals?: OptOut | boolean;
  /**
   * Members accept the share before associating. Needed outside the
   * organization, or when the organization has not enabled sharing with RAM.
   * @default - the value of allowExternalPrincipals
   */
  readonly acceptShareInvitations?: boolean;
  /** @default - the authenticated principals of every account, OU or organization the network is shared with */
  readonly authPolicy?: AuthPolicy;
  /** @default AccessLogs.toNewLogGroup() */
  readonly accessLogs?: AccessLogs;
  /** Tags of the network, its share and the members' associations. @default - Name only, on the network */
  readonly tags?: Readonly<Record<string, string>>;
}

const LATTICE_MESH_MEMBER_SPEC: Record<keyof LatticeMeshMemberSpec, true> = { ...LATTICE_MESH_MEMBER_OPTIONS, name: true, accountId: true };

const LATTICE_MESH_PROPS: Record<keyof LatticeMeshProps, true> = {
  name: true,
  provider: true,
  members: true,
  sharedWith: true,
  allowExternalPrincipals: true,
  acceptShareInvitations: true,
  authPolicy: true,
  accessLogs: true,
  tags: true,
};

/**
 * The cross-account VPC Lattice mesh: the owner account creates the service
 * network (AWS_IAM, access logs) and shares it through AWS RAM; each member
 * account accepts the share when needed, associates its VPC and registers
 * its services. Deploy both sides in one configuration with provider aliases
 * (`members`), or split it: the owner with `sharedWith` here, each member
 * with {@link LatticeMeshMember} in its own stack.
 *
 * Creates: a {@link ServiceNetwork} with its RAM share, and a
 * {@link LatticeMeshMember} per member.
 */
export class LatticeMesh extends Construct {
  /** The mesh's service network (AWS_IAM auth, access logs, RAM share), in the owner account. */
  public readonly serviceNetwork: ServiceNetwork;
  /** The RAM share of the network; members of a split deployment accept it by ARN. */
  public readonly share: ResourceShare;
  /** The members deployed in this configuration, by name. */
  public readonly members: { readonly [name: string]: LatticeMeshMember };

  constructor(scope: Construct, id: string, props: LatticeMeshProps) {
    super(scope, id);
    requireProps(this, props, ["name"]);
    checkKnownProps(this, props, LATTICE_MESH_PROPS);
    const members = checkList(this, "members", props.members) ?? [];
    checkUnique(this, "members", members, (m) => m.name);
    members.forEach((m, i) => {
      checkKnownProps(this, m, LATTICE_MESH_MEMBER_SPEC, `members[${i}]`);
      checkPattern(this, `members[${i}].name`, m.name, /^[A-Za-z0-9-]+$/, "letters, digits and hyphens (it keys Terraform addresses)");
      checkAccountId(this, `members[${i}].accountId`, m.accountId);
      // The network is shared with accountId and the policy admits it; associations made with another account's provider would not find the network.
      const providerAccount = literalAccountOf(this, m.provider);
      if (providerAccount !== undefined && !isUnresolved(m.accountId) && providerAccount !== m.accountId) {
        throw new ValidationError(
          this,
          `members[${i}].provider`,
          `a provider of account ${providerAccount}`,
          `the provider of account ${m.accountId}, the member's accountId: the network is shared with that account, and the member's associations are made with this provider`,
        );
      }
    });
    const principals = [...members.map((m) => SharePrincipal.account(m.accountId)), ...(checkList(this, "sharedWith", props.sharedWith) ?? [])];
    members.forEach((m, i) => {
      const first = members.findIndex((other) => other.accountId === m.accountId);
      if (first !== i)
        throw new ValidationError(
          this,
          `members[${i}].accountId`,
          m.accountId,
          `a member account once (members[${first}] is account ${m.accountId}; give it both a VPC and services)`,
        );
    });
    const shared = props.sharedWith ?? [];
    shared.forEach((p, i) => {
      const member = members.findIndex((m) => m.accountId === p.value);
      if (member >= 0)
        throw new ValidationError(
          this,
          `sharedWith[${i}]`,
          p.value,
          `a principal that is not a member (members[${member}] is account ${p.value}, which the network is shared with already)`,
        );
    });
    if (principals.length === 0) {
      throw new ValidationError(this, "members, sharedWith", [], "at least one member or principal to share the network with");
    }
    this.serviceNetwork = new ServiceNetwork(this, "ServiceNetwork", {
      provider: props.provider,
      name: props.name,
      authPolicy: props.authPolicy,
      accessLogs: props.accessLogs,
      sharing: { principals, allowExternalPrincipals: props.allowExternalPrincipals },
      tags: props.tags,
    });
    // Always set: the network is given principals to share with.
    this.share = requireValue(this, "sharedWith", this.serviceNetwork.share, "principals to share the network with");
    const accept = props.acceptShareInvitations ?? this.share.allowExternalPrincipals;
    this.members = Object.fromEntries(
      members.map((m) => [
        m.name,
        new LatticeMeshMember(this, `Member-${m.name}`, {
          // The member's own options: a spec's name and accountId are the mesh's, not the member's props.
          provider: m.provider,
          vpc: m.vpc,
          securityGroups: m.securityGroups,
          ports: m.ports,
          services: m.services,
          serviceNetwork: this.serviceNetwork,
          // The member's associations wait for the share by themselves (the network's share gate).
          acceptShare: accept ? this.share : undefined,
          tags: m.tags ?? props.tags,
        }),
      ]),
    );
  }
}
