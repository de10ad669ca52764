import { ITerraformDependable } from "../../core/cdktf";
import { Construct } from "constructs";
import {
  canonicalDnsName,
  checkDnsName,
  checkItemCount,
  checkKnownProps,
  checkLength,
  checkObject,
  checkPattern,
  checkPortRanges,
  checkString,
  isUnresolved,
  OptOut,
  parsePortRangeStrings,
  PortRange,
  requireValue,
  stableId,
  ValidationError,
} from "../../core";
import { gateBehindShare } from "../../lattice/share-gate";
import { ResourceShare, ResourceSharing } from "../../ram";
import { SecurityGroupBase } from "../../vpc";
import { checkDnsResourceIpAddressType, DnsResourceIpAddressType } from "../ip-families";
import { ResourceDefinition } from "../resource-definition";
import { IResourceGateway } from "../resource-gateway";
import { ResourceConfiguration } from "../resource-configuration";
import { PATTERN_GATEWAY_PROPS, patternGateway, PatternGatewayProps } from "./gateway";
import { normalizePartnerAccess, tagPattern } from "./shared-resource-access";

/** One DNS endpoint of a {@link DnsResourceGroup}. */
export interface DnsGroupMember {
  /** The endpoint's fully qualified, publicly resolvable name (the gateway resolves it in public DNS). Names compare case-insensitively: each once in the group. */
  readonly domainName: string;
  /**
   * Address family the name resolves to: IPV4 or IPV6 (AWS does not support
   * DUALSTACK for DNS resources; a DUALSTACK gateway reaches the member over this family).
   * @default - IPV6 behind an IPV6 gateway, else IPV4 (behind a DUALSTACK gateway too)
   */
  readonly ipAddressType?: DnsResourceIpAddressType;
  /** TCP ports of the endpoint (`Port.tcp(443)`, `Port.range(8000, 8100)`). @default - none; required unless the deprecated portRanges is given */
  readonly ports?: readonly PortRange[];
  /** @deprecated Use `ports`. @default - none */
  readonly portRanges?: readonly string[];
}

/**
 * Who a {@link DnsResourceGroup} is shared with through AWS RAM.
 * @deprecated Use `ResourceSharing` (ram): the same fields, with `allowExternalPrincipals: OptOut.because("<why>")`.
 */
export type DnsResourceGroupSharing = ResourceSharing;

export interface DnsResourceGroupProps extends PatternGatewayProps {
  /** The GROUP configuration's name; each CHILD is named `<name>-<member>` (40 characters at most). */
  readonly name: string;
  /** The DNS endpoints, keyed by a short stable name (lowercase letters, digits, hyphens) that also keys their Terraform addresses. */
  readonly members: { readonly [member: string]: DnsGroupMember };
  /** @default - not shared: consumers in this account use the group directly */
  readonly sharing?: ResourceSharing;
  /**
   * Security groups of the members' servers (made here or imported with
   * `SecurityGroup.fromSecurityGroupAttributes`): each admits the gateway on
   * every member's ports.
   * @default - none: let the gateway in yourself
   */
  readonly resourceSecurityGroups?: readonly SecurityGroupBase[];
  /** See `ResourceConfigurationProps.allowAssociationToShareableServiceNetwork`. @default - only service networks that are not shared */
  readonly allowAssociationToShareableServiceNetwork?: OptOut | boolean;
  /** Tags of everything created here. @default - none beyond the provider's default tags */
  readonly tags?: { readonly [key: string]: string };
}

const DNS_RESOURCE_GROUP_PROPS: Record<keyof DnsResourceGroupProps, true> = {
  ...PATTERN_GATEWAY_PROPS,
  name: true,
  members: true,
  sharing: true,
  resourceSecurityGroups: true,
  allowAssociationToShareableServiceNetwork: true,
  tags: true,
};
const MEMBER_PROPS: Record<keyof DnsGroupMember, true> = { domainName: true, ipAddressType: true, ports: true, portRanges: true };

const MEMBER_PATTERN = /^(?!-)(?!.*-$)(?!.*--)[a-z0-9-]+$/;

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
    checkKnownProps(this, props, DNS_RESOURCE_GROUP_PROPS);
    requireValue(this, "name", props.name, "a name of 3 to 37 lowercase letters, digits and single hyphens (40 with resourceGateway)");
    checkString(this, "name", props.name);
    checkLength(this, "name", props.name, 3, props.resourceGateway === undefined ? 37 : 40);
    const members = requireValue(this, "members", checkObject(this, "members", props.members), "the DNS endpoints of the group, by member name");
    checkItemCount(this, "members", Object.keys(members), 1);
    const definitions = this.checkMembers(props.name, members);
    const sharing = props.sharing === undefined ? undefined : normalizePartnerAccess(this, { sharing: props.sharing }).sharing;
    this.resourceGateway = patternGateway(this, props.name, props);
    this.group = ResourceConfiguration.group(this, "Group", {
      name: props.name,
      resourceGateway: this.resourceGateway,
      allowAssociationToShareableServiceNetwork: props.allowAssociationToShareableServiceNetwork,
    });
    this.members = Object.fromEntries(
      Object.entries(definitions).map(([member, { resource, ports }]) => [
        member,
        this.group.addChild(`Member-${stableId(member)}`, {
          name: `${props.name}-${member}`,
          resource,
          ports,
          resourceSecurityGroups: props.resourceSecurityGroups,
        }),
      ]),
    );
    if (sharing === undefined) {
      this.shareDependencies = [];
    } else {
      this.share = new ResourceShare(this, "Share", { ...sharing, provider: this.group.provider, name: sharing.name ?? props.name });
      const association = this.share.addResource("group", this.group.resourceConfigurationArn);
      // Resource endpoints and associations made in other accounts wait for the share; an account it leaves out fails.
      this.shareDependencies = gateBehindShare(
        this.group,
        `the resource configuration ${this.group.node.path}`,
        this.share,
        association,
        `sharing.principals of ${this.node.path}`,
      );
    }
    tagPattern(this, props.tags);
  }

  /**
   * Each member as the caller wrote it (`members.<name>...` in errors): a
   * name that makes a valid child name (and so its own construct ID), a DNS
   * name not already in the group (case-insensitively), its ports.
   */
  private checkMembers(
    name: string,
    members: { readonly [member: string]: DnsGroupMember },
  ): Record<string, { resource: ResourceDefinition; ports: readonly PortRange[] }> {
    const names = new Map<string, string>();
    return Object.fromEntries(
      Object.entries(members).map(([member, raw]) => {
        const prop = `members.${member}`;
        checkPattern(
          this,
          prop,
          member,
          MEMBER_PATTERN,
          "a member name of lowercase letters, digits and single hyphens (it names the CHILD configuration)",
        );
        checkLength(this, prop, `${name}-${member}`, 3, 40);
        const definition = requireValue(this, prop, checkObject(this, prop, raw), "a DNS endpoint: { domainName, ports }");
        checkKnownProps(this, definition, MEMBER_PROPS, prop);
        checkDnsName(this, `${prop}.domainName`, definition.domainName);
        checkDnsResourceIpAddressType(this, `${prop}.ipAddressType`, definition.ipAddressType);
        if (typeof definition.domainName === "string" && !isUnresolved(definition.domainName)) {
          const normalized = canonicalDnsName(definition.domainName);
          const other = names.get(normalized);
          if (other !== undefined)
            throw new ValidationError(
              this,
              `${prop}.domainName`,
              definition.domainName,
              `a name not already in the group (members.${other} is ${normalized}; names compare case-insensitively)`,
            );
          names.set(normalized, member);
        }
        return [
          member,
          {
            resource: ResourceDefinition.dns(definition.domainName, { ipAddressType: definition.ipAddressType }),
            ports: this.memberPorts(prop, definition),
          },
        ];
      }),
    );
  }

  private memberPorts(prop: string, member: DnsGroupMember): readonly PortRange[] {
    if (member.ports !== undefined && member.portRanges !== undefined) {
      throw new ValidationError(
        this,
        `${prop}.ports, ${prop}.portRanges`,
        "ports and portRanges",
        "exactly one of ports, portRanges (portRanges is deprecated)",
      );
    }
    const literal = member.portRanges?.findIndex((range) => isUnresolved(range)) ?? -1;
    if (literal >= 0)
      throw new ValidationError(
        this,
        `${prop}.portRanges[${literal}]`,
        member.portRanges?.[literal],
        "a literal port: the gateway's security-group rules are keyed by their ports",
      );
    const ports =
      member.portRanges !== undefined
        ? parsePortRangeStrings(this, `${prop}.portRanges`, member.portRanges)
        : checkPortRanges(this, `${prop}.ports`, member.ports);
    if (ports === undefined || ports.length === 0) throw new ValidationError(this, `${prop}.ports`, ports, "at least one port such as Port.tcp(443)");
    return ports;
  }
}
