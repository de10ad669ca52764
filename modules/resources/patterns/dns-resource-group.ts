import { ITerraformDependable } from "../../core/cdktf";
import { Construct } from "constructs";
import { checkItemCount, stableId } from "../../core";
import { ResourceShare, SharePrincipal } from "../../ram";
import { IResourceGateway } from "../resource-gateway";
import { DnsResource, ResourceConfiguration } from "../resource-configuration";
import { patternGateway, PatternGatewayProps } from "./gateway";

/** One DNS endpoint of a {@link DnsResourceGroup}. */
export interface DnsGroupMember extends DnsResource {
  /** TCP ports of the endpoint (`"443"`, `"8000-8100"`). */
  readonly portRanges: readonly string[];
}

/** Who a {@link DnsResourceGroup} is shared with through AWS RAM. */
export interface DnsResourceGroupSharing {
  /** Accounts, OUs or the organization to share with. */
  readonly principals: readonly SharePrincipal[];
  /** @default false */
  readonly allowExternalPrincipals?: boolean;
}

export interface DnsResourceGroupProps extends PatternGatewayProps {
  /** The GROUP configuration's name; each CHILD is named `<name>-<member>`. */
  readonly name: string;
  /** The DNS endpoints, keyed by a short stable name that also keys their Terraform addresses. */
  readonly members: { readonly [member: string]: DnsGroupMember };
  /** @default - not shared: consumers in this account use the group directly */
  readonly sharing?: DnsResourceGroupSharing;
  /** @default false */
  readonly allowAssociationToShareableServiceNetwork?: boolean;
}

/**
 * Several related DNS endpoints (the APIs of one application, say) shared
 * and reached as one GROUP resource configuration behind one gateway: one
 * Resource endpoint or service network association gives consumers every
 * member, and one RAM share carries them all.
 *
 * Creates: the resources of {@link ResourceGateway} (unless one is given),
 * one GROUP and one CHILD {@link ResourceConfiguration} per member, and a
 * {@link ResourceShare} with `sharing`.
 */
export class DnsResourceGroup extends Construct {
  /** The gateway in the owner VPC, given or made here. */
  public readonly resourceGateway: IResourceGateway;
  /** The GROUP: the endpoint target and the shared resource. */
  public readonly group: ResourceConfiguration;
  /** The CHILD configurations, by member name. */
  public readonly members: { readonly [member: string]: ResourceConfiguration };
  /** The RAM share of the group, with `sharing`. */
  public readonly share?: ResourceShare;
  /**
   * What a consumer's Resource endpoint (or association) to the group must
   * wait for: the share's principal and resource associations. Empty without `sharing`.
   */
  public readonly shareDependencies: readonly ITerraformDependable[];

  constructor(scope: Construct, id: string, props: DnsResourceGroupProps) {
    super(scope, id);
    checkItemCount(this, "members", Object.keys(props.members), 1);
    this.resourceGateway = patternGateway(this, props.name, props);
    this.group = new ResourceConfiguration(this, "Group", {
      name: props.name,
      type: "GROUP",
      resourceGateway: this.resourceGateway,
      allowAssociationToShareableServiceNetwork: props.allowAssociationToShareableServiceNetwork,
    });
    this.members = Object.fromEntries(
      Object.entries(props.members).map(([member, { portRanges, ...dnsResource }]) => [
        member,
        new ResourceConfiguration(this, `Member-${stableId(member)}`, {
          name: `${props.name}-${member}`,
          resourceConfigurationGroup: this.group,
          dnsResource,
          portRanges,
        }),
      ]),
    );
    if (props.sharing === undefined) {
      this.shareDependencies = [];
    } else {
      this.share = new ResourceShare(this, "Share", {
        provider: this.group.provider,
        name: props.name,
        principals: props.sharing.principals,
        allowExternalPrincipals: props.sharing.allowExternalPrincipals,
      });
      const association = this.share.addResource("group", this.group.resourceConfigurationArn);
      this.shareDependencies = this.share.consumerDependencies(association);
    }
  }
}
