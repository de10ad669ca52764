import { Annotations, TerraformProvider } from "../core/cdktf";
import { Construct } from "constructs";
import { VpclatticeResourceConfiguration } from "@cdktf/provider-aws/lib/vpclattice-resource-configuration";
import {
  AWS_DEFAULT_QUOTAS,
  AwsResourceProps,
  checkExactlyOne,
  checkInstance,
  checkKnownProps,
  checkLength,
  checkList,
  checkObject,
  checkOneOf,
  checkPattern,
  checkPortRanges,
  checkString,
  checkTags,
  checkUnique,
  formatPortRange,
  IResourceConfiguration,
  isUnresolved,
  nameFromPath,
  OptOut,
  optOutReason,
  parsePortRangeStrings,
  PortRange,
  portRangeStrings,
  providerOf,
  RECORDED_OPT_OUTS,
  recordInStack,
  recordOptOut,
  requireProps,
  requireValue,
  ResourceConfigurationType,
  stableId,
  stackOf,
  Tags,
  ValidationError,
  ZonePlacement,
  checkProvider,
} from "../core";
import { claimName } from "../lattice/placement";
import { gateShareTarget } from "../lattice/share-gate";
import { checkImportedIdentity, checkImportedZoneId } from "./imported-identity";
import { checkSameAccount, Connections, IConnectable, Peer, SecurityGroupBase, vpcIpv4CidrBlocks } from "../vpc";
import { DnsResourceIpAddressType, gatewayTrafficFamilies } from "./ip-families";
import { CheckedDefinition, DefinitionProps, definitionProps, ResourceDefinition } from "./resource-definition";
import { gatewayPeers, IResourceGateway, isResourceGateway, ResourceGateway } from "./resource-gateway";

// The type moved to core's contracts with IResourceConfiguration; this area's entry point keeps exporting it.
export { ResourceConfigurationType } from "../core";

const TYPES: readonly ResourceConfigurationType[] = ["SINGLE", "GROUP", "CHILD", "ARN"];

/**
 * A resource reached by DNS name.
 * @deprecated Use `resource: ResourceDefinition.dns(domainName, { ipAddressType })`.
 */
export interface DnsResource {
  /** The resource's fully qualified, publicly resolvable name, such as an RDS endpoint or orders.apps.example.com in a public zone. */
  readonly domainName: string;
  /**
   * Address family the name resolves to: IPV4 or IPV6 (AWS does not support DUALSTACK for DNS resources).
   * @default - IPV6 behind an IPV6 gateway, else IPV4 (behind a DUALSTACK gateway too)
   */
  readonly ipAddressType?: DnsResourceIpAddressType;
}

/**
 * A resource reached on one IPv4 or IPv6 address.
 * @deprecated Use `resource: ResourceDefinition.ipAddress(ipAddress)`.
 */
export interface IpResource {
  /** An IPv4 or IPv6 address the gateway can reach. */
  readonly ipAddress: string;
}

/**
 * An AWS resource reached by ARN, such as an RDS DB instance or cluster.
 * @deprecated Use `resource: ResourceDefinition.arn(arn, { securityGroupPorts: [Port.tcp(5432)] })`.
 */
export interface ArnResource {
  /** The resource's ARN, such as arn:aws:rds:us-east-1:111111111111:db:orders. */
  readonly arn: string;
  /**
   * Ports the resource listens on (`"5432"`), for security groups only.
   * @default - none: add the ports to the security groups yourself
   */
  readonly securityGroupPortRanges?: readonly string[];
}

/**
 * What {@link ResourceConfiguration.fromResourceConfigurationAttributes}
 * needs to know of a configuration made elsewhere, typically shared with
 * this account: the terms its owner publishes. The flow analysis proves the
 * consumer's flows against them.
 */
export interface ResourceConfigurationAttributes {
  /** The configuration's ARN (`arn:aws:vpc-lattice:<region>:<owner>:resourceconfiguration/rcfg-…`), in the stack's region: what RAM shares and endpoints reference. */
  readonly resourceConfigurationArn: string;
  /** `rcfg-` followed by 17 characters; must be the ID the ARN names. @default - the ID in the ARN */
  readonly resourceConfigurationId?: string;
  /** @default - unknown */
  readonly type?: ResourceConfigurationType;
  /** The TCP ports consumers may use, as the owner publishes them: Resource endpoints open them. @default - none known: endpoints need ports of their own */
  readonly ports?: readonly PortRange[];
  /**
   * Port ranges as strings.
   * @deprecated Use `ports` (`Port.tcp(5432)`, `Port.range(8000, 8100)`).
   * @default - none known
   */
  readonly portRanges?: readonly string[];
  /**
   * The AZ IDs of the owner's resource gateway (`use1-az1`), as the owner
   * publishes them: a Resource endpoint must have a subnet in one of them.
   * @default - unknown: the overlap is not checked
   */
  readonly gatewayAvailabilityZoneIds?: readonly string[];
  /** @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** What every resource configuration made here takes. */
interface ConfigurationBaseProps extends AwsResourceProps {
  /** 3 to 40 lowercase letters, digits and single hyphens, unique in the account. */
  readonly name: string;
  /** Tags of the configuration. @default - none beyond the provider's default tags */
  readonly tags?: { readonly [key: string]: string };
}

/** What a configuration with a resource of its own (SINGLE, ARN, CHILD) takes besides its definition. */
interface ConfigurationResourceProps {
  /**
   * Security groups of the resource behind the configuration (the
   * database's, the host's), made here or imported with
   * `SecurityGroup.fromSecurityGroupAttributes`: each admits the gateway on
   * the configuration's ports, and `connections` adds rules of your own.
   * @default - none: let the gateway in yourself
   */
  readonly resourceSecurityGroups?: readonly SecurityGroupBase[];
}

/** A SINGLE or ARN configuration: one resource behind a resource gateway (a GROUP is made with {@link ResourceConfiguration.group}). */
export interface ResourceConfigurationProps extends ConfigurationBaseProps, ConfigurationResourceProps {
  /**
   * The gateway in the VPC that owns the resource: every configuration is
   * reached through one.
   * @default - none; required (a CHILD of the deprecated `resourceConfigurationGroup` uses its group's)
   */
  readonly resourceGateway?: IResourceGateway;
  /**
   * The resource: `ResourceDefinition.dns(...)`, `.ipAddress(...)` or
   * `.arn(...)` (type ARN). A GROUP is made with
   * {@link ResourceConfiguration.group}, its children with `group.addChild`.
   * @default - none; required unless the deprecated dnsResource, ipResource or arnResource is given
   */
  readonly resource?: ResourceDefinition;
  /**
   * TCP ports consumers may use (`Port.tcp(5432)`, `Port.range(8000, 8100)`;
   * 1 to 65535, none overlapping another). Required for DNS and IP
   * resources; not allowed for ARN (AWS knows the resource's ports: give
   * `securityGroupPorts` to the definition).
   * @default - none
   */
  readonly ports?: readonly PortRange[];
  /**
   * Only TCP exists. Not allowed for ARN (AWS knows the resource's protocol)
   * nor CHILD (it inherits its group's).
   * @default "TCP" for SINGLE and GROUP
   */
  readonly protocol?: "TCP";
  /**
   * Let the configuration join service networks that are shared with other
   * accounts, which then reach the resource. Off so that sharing stays an
   * explicit choice: turn it on with `OptOut.because("<why>")` (the reason
   * is recorded on the configuration; `true` still works, deprecated). Not for CHILD.
   * @default - only service networks that are not shared
   */
  readonly allowAssociationToShareableServiceNetwork?: OptOut | boolean;
  /**
   * @deprecated The type follows from the definition (ARN for
   * `ResourceDefinition.arn`, else SINGLE); make a GROUP with
   * {@link ResourceConfiguration.group} and its children with `addChild`.
   * @default - "CHILD" with a resourceConfigurationGroup, "ARN" with an ARN resource, otherwise "SINGLE"
   */
  readonly type?: ResourceConfigurationType;
  /**
   * The GROUP a CHILD belongs to.
   * @deprecated Use `group.addChild(id, props)`.
   * @default - none
   */
  readonly resourceConfigurationGroup?: IResourceConfiguration;
  /** @deprecated Use `resource: ResourceDefinition.dns(...)`. @default - none */
  readonly dnsResource?: DnsResource;
  /** @deprecated Use `resource: ResourceDefinition.ipAddress(...)`. @default - none */
  readonly ipResource?: IpResource;
  /** @deprecated Use `resource: ResourceDefinition.arn(...)`. @default - none */
  readonly arnResource?: ArnResource;
  /** @deprecated Use `ports` (`Port.tcp(5432)`, `Port.range(8000, 8100)`). @default - none */
  readonly portRanges?: readonly string[];
}

/** A GROUP configuration: the parent of CHILD configurations, shared and reached as one. */
export interface ResourceConfigurationGroupProps extends ConfigurationBaseProps {
  /** The gateway in the VPC that owns the group's resources. */
  readonly resourceGateway: IResourceGateway;
  /** Only TCP exists. @default "TCP" */
  readonly protocol?: "TCP";
  /** See {@link ResourceConfigurationProps.allowAssociationToShareableServiceNetwork}. @default - only service networks that are not shared */
  readonly allowAssociationToShareableServiceNetwork?: OptOut | boolean;
}

/** A CHILD of a GROUP ({@link ResourceConfiguration.addChild}): one DNS name or IP address, reached through the group's gateway. */
export interface ResourceConfigurationChildProps extends ConfigurationBaseProps, ConfigurationResourceProps {
  /** `ResourceDefinition.dns(...)` or `.ipAddress(...)`: a group holds no ARN resources. */
  readonly resource: ResourceDefinition;
  /** TCP ports consumers may use, 1 to 65535, none overlapping another. */
  readonly ports: readonly PortRange[];
}

/**
 * Every prop of a configuration, a GROUP's and a CHILD's: `group` and
 * `addChild` pass theirs to the constructor, whose other checks refuse a
 * prop of another kind (a resource on a GROUP, a gateway on a CHILD).
 */
const RESOURCE_CONFIGURATION_PROPS: Record<
  keyof ResourceConfigurationProps | keyof ResourceConfigurationGroupProps | keyof ResourceConfigurationChildProps,
  true
> = {
  name: true,
  tags: true,
  provider: true,
  resourceSecurityGroups: true,
  resourceGateway: true,
  resource: true,
  ports: true,
  protocol: true,
  allowAssociationToShareableServiceNetwork: true,
  type: true,
  resourceConfigurationGroup: true,
  dnsResource: true,
  ipResource: true,
  arnResource: true,
  portRanges: true,
};

// The deprecated definitions are rebuilt key by key: a key they do not have would be dropped without a word.
const DNS_RESOURCE_PROPS: Record<keyof DnsResource, true> = { domainName: true, ipAddressType: true };
const IP_RESOURCE_PROPS: Record<keyof IpResource, true> = { ipAddress: true };
const ARN_RESOURCE_PROPS: Record<keyof ArnResource, true> = { arn: true, securityGroupPortRanges: true };

const RESOURCE_CONFIGURATION_ATTRIBUTES: Record<keyof ResourceConfigurationAttributes, true> = {
  resourceConfigurationArn: true,
  resourceConfigurationId: true,
  type: true,
  ports: true,
  portRanges: true,
  gatewayAvailabilityZoneIds: true,
  provider: true,
};

const NAME_PATTERN = /^(?!rcfg-)(?!-)(?!.*-$)(?!.*--)[a-z0-9-]+$/;
/** Ingress rules that admit a gateway into a resource's group, per group: configurations sharing a group and a port add each rule once. */
const admissions = new WeakMap<SecurityGroupBase, Set<string>>();

/** A CHILD as its group knows it, to tell the same resource given twice. */
interface ChildEntry {
  readonly path: string;
  readonly key: string;
}

/**
 * A VPC Lattice resource configuration: one resource (a DNS name, an IP
 * address, an AWS resource by ARN) or a group of them, bound to a resource
 * gateway and shareable through AWS RAM. Consumers reach it through a
 * Resource-type VPC endpoint (it implements the endpoint target) or through
 * a service network it is associated with.
 *
 * Its ports are registered with the gateway, whose security group then lets
 * traffic out to them only; the resource's own security groups
 * (`resourceSecurityGroups`) admit the gateway on them.
 *
 * Creates: aws_vpclattice_resource_configuration, and with
 * `resourceSecurityGroups` aws_vpc_security_group_ingress_rule.
 */
export class ResourceConfiguration extends Construct implements IResourceConfiguration, IConnectable {
  /**
   * A configuration made elsewhere (shared with this account through RAM,
   * or another stack's), by ARN with the terms its owner publishes: checked
   * to be a resource configuration ARN (a service network ARN would share a
   * whole network) in the stack's region, whose ID matches
   * `resourceConfigurationId` when given. The terms are recorded for the
   * flow analysis, which proves the consumer's flows against them.
   */
  public static fromResourceConfigurationAttributes(scope: Construct, id: string, attrs: ResourceConfigurationAttributes): IResourceConfiguration {
    return new ImportedResourceConfiguration(scope, id, attrs);
  }

  /**
   * Describes a resource configuration made elsewhere.
   * @deprecated Use {@link ResourceConfiguration.fromResourceConfigurationAttributes} (the same attributes, checked the same way).
   */
  public static fromAttributes(scope: Construct, id: string, attrs: ResourceConfigurationAttributes): IResourceConfiguration {
    return ResourceConfiguration.fromResourceConfigurationAttributes(scope, id, attrs);
  }

  /** A GROUP configuration, whose CHILD configurations `addChild` makes; consumers reach every child through the group. */
  public static group(scope: Construct, id: string, props: ResourceConfigurationGroupProps): ResourceConfiguration {
    return new ResourceConfiguration(scope, id, { ...props, type: "GROUP" });
  }

  /** The aws_vpclattice_resource_configuration, for escape hatches. */
  public readonly resource: VpclatticeResourceConfiguration;
  /** `rcfg-` followed by 17 characters. */
  public readonly resourceConfigurationId: string;
  public readonly resourceConfigurationArn: string;
  /** The configuration's name. */
  public readonly name: string;
  public readonly type: ResourceConfigurationType;
  /** The gateway the configuration is reached through (a CHILD's is its group's). */
  public readonly resourceGateway: IResourceGateway;
  public readonly provider?: TerraformProvider;
  public readonly gatewayZones?: readonly ZonePlacement[];
  /** A CHILD follows its group: undefined. */
  public readonly allowsShareableServiceNetworks?: boolean;
  /** The security groups of the resource behind the configuration (`resourceSecurityGroups`), and the rules to add to them. */
  public readonly connections: Connections;
  private readonly ownPorts: readonly PortRange[];
  /** Ports of the CHILD configurations of a GROUP, which endpoints to the group must open. */
  private readonly childPorts: PortRange[] = [];
  private readonly children: ChildEntry[] = [];

  constructor(scope: Construct, id: string, props: ResourceConfigurationProps) {
    super(scope, id);
    requireProps(this, props, ["name"]);
    checkKnownProps(this, props, RESOURCE_CONFIGURATION_PROPS);
    requireValue(this, "name", props.name, "a resource configuration name");
    checkString(this, "name", props.name);
    checkLength(this, "name", props.name, 3, 40);
    checkPattern(
      this,
      "name",
      props.name,
      NAME_PATTERN,
      "lowercase letters, digits and single hyphens, not starting with rcfg- nor starting or ending with a hyphen",
    );
    this.name = props.name;
    this.type =
      props.type ??
      (props.resourceConfigurationGroup ? "CHILD" : props.arnResource !== undefined || props.resource?.kind === "arn" ? "ARN" : "SINGLE");
    checkOneOf(this, "type", this.type, TYPES);

    const group = this.checkGroup(props);
    this.resourceGateway = this.checkGateway(props, group);
    const { checked, prop: definitionProp, portsProp } = this.checkDefinition(props);
    this.ownPorts = this.checkPorts(props, checked);
    this.checkProtocol(props);
    if (this.type === "CHILD" && props.allowAssociationToShareableServiceNetwork !== undefined) {
      throw new ValidationError(
        this,
        "allowAssociationToShareableServiceNetwork",
        props.allowAssociationToShareableServiceNetwork,
        "unset for a CHILD: it follows its group",
      );
    }
    const shareable = optOutReason(this, "allowAssociationToShareableServiceNetwork", props.allowAssociationToShareableServiceNetwork);
    const tags = checkTags(this, "tags", props.tags);

    checkProvider(this, "provider", props.provider, "the account that owns the configuration: its gateway's");
    this.provider = providerOf(props, this.resourceGateway);
    checkSameAccount(this, this.provider, this.resourceGateway);
    claimName(this, "name", "resource configuration", this.name, this.provider);
    this.gatewayZones = this.resourceGateway.subnets;
    this.allowsShareableServiceNetworks = this.type === "CHILD" ? undefined : shareable !== undefined;
    this.resource = new VpclatticeResourceConfiguration(this, "Resource", {
      provider: this.provider,
      name: props.name,
      type: this.type,
      resourceGatewayIdentifier: group === undefined ? this.resourceGateway.resourceGatewayId : undefined,
      resourceConfigurationGroupId: group?.resourceConfigurationId,
      portRanges:
        this.type === "SINGLE" || this.type === "CHILD"
          ? props.portRanges !== undefined
            ? [...props.portRanges]
            : portRangeStrings(this.ownPorts)
          : undefined,
      protocol: this.type === "SINGLE" || this.type === "GROUP" ? (props.protocol ?? "TCP") : undefined,
      allowAssociationToShareableServiceNetwork: this.type === "CHILD" ? undefined : shareable !== undefined,
      resourceConfigurationDefinition: checked === undefined ? undefined : [checked.definition],
    });
    if (shareable !== undefined) recordOptOut(this.resource, RECORDED_OPT_OUTS.shareableServiceNetworks, shareable);
    this.resourceConfigurationId = this.resource.id;
    this.resourceConfigurationArn = this.resource.arn;
    // Resource endpoints and associations made in other accounts wait for every share of the configuration, a plain ResourceShare's too.
    gateShareTarget(this, `the resource configuration ${this.node.path}`, () => this.resourceConfigurationArn);
    for (const [key, value] of Object.entries(tags ?? {})) Tags.of(this).add(key, value);

    if (this.resourceGateway instanceof ResourceGateway) {
      this.resourceGateway.openResourcePorts(this.ownPorts, checked?.destinationCidr, checked?.ipAddressType);
      if (this.type === "ARN" && this.ownPorts.length === 0) this.resourceGateway.requireEgressAtSynth(this, portsProp);
    }
    if (group instanceof ResourceConfiguration && checked !== undefined) group.registerChild(this, definitionProp, checked.key, this.ownPorts);
    this.connections = new Connections(this, {
      securityGroups: this.admitGateway(props, group, checked?.ipAddressType),
      defaultPort: this.ownPorts[0],
    });
  }

  /** TCP ports a Resource endpoint to this configuration must open; a GROUP's include its children's. */
  public get ports(): readonly PortRange[] {
    const all = [...this.ownPorts, ...this.childPorts];
    return all.filter((port, index) => all.findIndex((p) => p.from === port.from && p.to === port.to) === index);
  }

  /**
   * Adds a CHILD configuration to this GROUP: one DNS name or IP address,
   * reached through the group's gateway and shared with it. The child is
   * created beside the group (in the group's scope), keyed by `id`.
   */
  public addChild(id: string, props: ResourceConfigurationChildProps): ResourceConfiguration {
    if (this.type !== "GROUP")
      throw new ValidationError(this, "addChild", id, "a GROUP configuration (ResourceConfiguration.group): only a GROUP has CHILD configurations");
    const scope = this.node.scope;
    if (!(scope instanceof Construct)) throw new ValidationError(this, "addChild", id, "a group with a scope to create the child in");
    if (typeof id !== "string" || scope.node.tryFindChild(id) !== undefined) {
      throw new ValidationError(this, "addChild", id, `an id not yet used in ${scope.node.path} (the child is created beside the group)`);
    }
    requireProps(this, props, ["name", "resource", "ports"]);
    return new ResourceConfiguration(scope, id, { ...props, resourceConfigurationGroup: this });
  }

  /** A CHILD joins its GROUP: its ports become the group's, the same resource may not be in the group twice, and the quota is watched. */
  private registerChild(child: ResourceConfiguration, prop: string, key: string, ports: readonly PortRange[]): void {
    const same = this.children.find((c) => c.key === key && !isUnresolved(key));
    if (same !== undefined) {
      throw new ValidationError(
        child,
        prop,
        key.replace(/^(dns|ip|arn):/, ""),
        `a resource not yet in group ${this.node.path} (child ${same.path} is the same resource)`,
      );
    }
    this.children.push({ path: child.node.path, key });
    this.childPorts.push(...ports);
    if (this.children.length === AWS_DEFAULT_QUOTAS.childrenPerResourceConfigurationGroup + 1) {
      Annotations.of(this).addWarning(
        `More than ${AWS_DEFAULT_QUOTAS.childrenPerResourceConfigurationGroup} CHILD configurations in this GROUP: above the default VPC Lattice quota (L-9BC96FEF); request an increase before deploying`,
      );
    }
  }

  private checkGroup(props: ResourceConfigurationProps): IResourceConfiguration | undefined {
    const group = props.resourceConfigurationGroup;
    if (this.type !== "CHILD") {
      if (group !== undefined) {
        throw new ValidationError(
          this,
          "resourceConfigurationGroup",
          describeRef(group),
          `unset for type ${this.type} (only a CHILD belongs to a group)`,
        );
      }
      return undefined;
    }
    const checked = requireValue(this, "resourceConfigurationGroup", group, "the GROUP configuration this CHILD belongs to (group.addChild)");
    if (checked.type !== undefined && checked.type !== "GROUP") {
      throw new ValidationError(this, "resourceConfigurationGroup.type", checked.type, "a configuration of type GROUP");
    }
    return checked;
  }

  private checkGateway(props: ResourceConfigurationProps, group: IResourceConfiguration | undefined): IResourceGateway {
    if (group === undefined) {
      const gateway = requireValue(
        this,
        "resourceGateway",
        props.resourceGateway,
        `the resource gateway in the VPC that owns the resource (every ${this.type} configuration is bound to one)`,
      );
      checkInstance(
        this,
        "resourceGateway",
        gateway,
        isResourceGateway,
        "new ResourceGateway(...) or ResourceGateway.fromResourceGatewayAttributes(...)",
      );
      return gateway;
    }
    if (props.resourceGateway !== undefined) {
      throw new ValidationError(
        this,
        "resourceGateway",
        describeRef(props.resourceGateway),
        "unset for a CHILD: it is reached through its group's gateway",
      );
    }
    const groupGateway = group instanceof ResourceConfiguration ? group.resourceGateway : undefined;
    return requireValue(
      this,
      "resourceConfigurationGroup.resourceGateway",
      groupGateway,
      "a group whose resource gateway is known (create the group with ResourceConfiguration.group)",
    );
  }

  /** The definition, given as `resource` or as the props of earlier releases, checked against the gateway, and the prop it was given as; none for a GROUP. */
  private checkDefinition(props: ResourceConfigurationProps): {
    readonly checked?: CheckedDefinition;
    readonly prop: string;
    /** Where an ARN resource's security-group ports are given, for errors. */
    readonly portsProp: string;
  } {
    const given = { resource: props.resource, dnsResource: props.dnsResource, ipResource: props.ipResource, arnResource: props.arnResource };
    if (this.type === "GROUP") {
      const extra = Object.entries(given).find(([, value]) => value !== undefined);
      if (extra !== undefined) throw new ValidationError(this, extra[0], extra[1], "no resource definition on a GROUP: each CHILD defines one");
      return { prop: "resource", portsProp: "resource.securityGroupPorts" };
    }
    const kind = checkExactlyOne(this, given);
    const [definition, names] = this.definitionOf(kind, props);
    if (definition.kind === "arn" && this.type === "CHILD") {
      throw new ValidationError(
        this,
        names.arn,
        definition.arn,
        "a DNS name or IP address: a group holds no ARN resources (give the database a configuration of its own, ResourceDefinition.arn outside the group)",
      );
    }
    if ((definition.kind === "arn") !== (this.type === "ARN")) {
      const expected =
        definition.kind === "arn"
          ? '"ARN" for an ARN resource (or leave type unset)'
          : `a DNS name or IP address for type ${this.type}, or type "ARN" for an ARN resource`;
      throw new ValidationError(this, "type", this.type, expected);
    }
    const checked = definition.check(this, names, this.resourceGateway);
    return { checked, prop: kind, portsProp: names.securityGroupPorts };
  }

  private definitionOf(kind: string, props: ResourceConfigurationProps): [ResourceDefinition, DefinitionProps] {
    switch (kind) {
      case "dnsResource": {
        const dns = requireValue(this, "dnsResource", checkObject(this, "dnsResource", props.dnsResource), "a DNS resource");
        checkKnownProps(this, dns, DNS_RESOURCE_PROPS, "dnsResource");
        return [ResourceDefinition.dns(dns.domainName, { ipAddressType: dns.ipAddressType }), definitionProps("dnsResource")];
      }
      case "ipResource": {
        const ip = requireValue(this, "ipResource", checkObject(this, "ipResource", props.ipResource), "an IP resource");
        checkKnownProps(this, ip, IP_RESOURCE_PROPS, "ipResource");
        return [ResourceDefinition.ipAddress(ip.ipAddress), definitionProps("ipResource")];
      }
      case "arnResource": {
        const arn = requireValue(this, "arnResource", checkObject(this, "arnResource", props.arnResource), "an ARN resource");
        checkKnownProps(this, arn, ARN_RESOURCE_PROPS, "arnResource");
        const prop = "arnResource.securityGroupPortRanges";
        checkList(this, prop, arn.securityGroupPortRanges);
        const ports =
          arn.securityGroupPortRanges === undefined || arn.securityGroupPortRanges.length === 0
            ? undefined
            : parsePortRangeStrings(this, prop, arn.securityGroupPortRanges);
        return [ResourceDefinition.arn(arn.arn, { securityGroupPorts: ports }), { ...definitionProps("arnResource"), securityGroupPorts: prop }];
      }
      default: {
        const resource = requireValue(
          this,
          "resource",
          checkInstance(this, "resource", props.resource, ResourceDefinition.isResourceDefinition, "ResourceDefinition.dns, .ipAddress or .arn"),
          "a resource definition",
        );
        return [resource, definitionProps("resource")];
      }
    }
  }

  /** The configuration's own ports: `ports` (or the older `portRanges`) of a DNS or IP resource, an ARN resource's security-group ports, none for a GROUP. */
  private checkPorts(props: ResourceConfigurationProps, checked: CheckedDefinition | undefined): readonly PortRange[] {
    if (props.ports !== undefined && props.portRanges !== undefined) {
      throw new ValidationError(this, "ports, portRanges", "ports and portRanges", "exactly one of ports, portRanges (portRanges is deprecated)");
    }
    const prop = props.portRanges !== undefined ? "portRanges" : "ports";
    const given = props.portRanges ?? props.ports;
    checkList<unknown>(this, prop, given);
    if (this.type === "GROUP" || this.type === "ARN") {
      if (given !== undefined) {
        const why =
          this.type === "GROUP"
            ? "each CHILD carries its own"
            : "AWS takes an ARN resource's ports from the resource; give ResourceDefinition.arn(arn, { securityGroupPorts }) for security groups";
        throw new ValidationError(this, prop, given, `unset for type ${this.type}: ${why}`);
      }
      return checked?.securityGroupPorts ?? [];
    }
    if (given === undefined || given.length === 0) {
      throw new ValidationError(
        this,
        prop,
        given,
        "at least one port or range such as Port.tcp(5432) or Port.range(8000, 8100): DNS and IP resources need them",
      );
    }
    return props.portRanges !== undefined ? parsePortRangeStrings(this, prop, props.portRanges) : (checkPortRanges(this, prop, props.ports) ?? []);
  }

  private checkProtocol(props: ResourceConfigurationProps): void {
    if (props.protocol !== undefined && (this.type === "ARN" || this.type === "CHILD")) {
      const why = this.type === "ARN" ? "AWS takes it from the resource" : "a CHILD inherits its group's";
      throw new ValidationError(this, "protocol", props.protocol, `unset for type ${this.type}: ${why}`);
    }
    checkOneOf(this, "protocol", props.protocol, ["TCP"]);
  }

  /** The resource's groups admit the gateway on the configuration's ports: from each of the gateway's groups, else its VPC's CIDR. */
  private admitGateway(
    props: ResourceConfigurationProps,
    group: IResourceConfiguration | undefined,
    resourceIpAddressType: DnsResourceIpAddressType | undefined,
  ): SecurityGroupBase[] {
    const prop = "resourceSecurityGroups";
    const groups = checkList(this, prop, props.resourceSecurityGroups) ?? [];
    if (groups.length === 0) return [];
    groups.forEach((g, index) =>
      checkInstance(
        this,
        `${prop}[${index}]`,
        g,
        SecurityGroupBase.isSecurityGroupBase,
        "new SecurityGroup(...) or SecurityGroup.fromSecurityGroupAttributes(...)",
      ),
    );
    checkUnique(this, prop, groups, (g) => g.securityGroupId);
    const gateway = this.resourceGateway;
    groups.forEach((g, index) => {
      const vpcId = gateway.vpc?.vpcId;
      if (g.vpcId === undefined || vpcId === undefined || isUnresolved(g.vpcId) || isUnresolved(vpcId) || g.vpcId === vpcId) return;
      throw new ValidationError(
        this,
        `${prop}[${index}].vpcId`,
        g.vpcId,
        `a security group of the gateway's VPC (${vpcId}): the resource is behind the gateway`,
      );
    });
    if (this.ownPorts.length === 0) {
      const why =
        this.type === "GROUP"
          ? "a GROUP has no ports of its own: give them to each CHILD"
          : "give ResourceDefinition.arn(arn, { securityGroupPorts }) the ports the resource listens on";
      throw new ValidationError(
        this,
        prop,
        groups.map((g) => g.node.path),
        `a configuration whose ports are known (${why})`,
      );
    }
    const peers = gatewayPeers(gateway);
    if (peers.length === 0) {
      const vpc = requireValue(
        this,
        `${prop}`,
        gateway.vpc,
        "a gateway whose security groups or VPC are known, for the resource's groups to admit (import it with securityGroups or vpc)",
      );
      // The gateway's source addresses are of the family its traffic to this resource travels in (as its egress is).
      const type = gateway.ipAddressType;
      const families = gatewayTrafficFamilies(type ?? "IPV4", resourceIpAddressType);
      // The gateway's interfaces may be in any of the VPC's IPv4 blocks (its subnets in a secondary one).
      if (families.includes("ipv4"))
        peers.push(
          Peer.cidr(vpc.cidrBlock),
          ...vpcIpv4CidrBlocks(vpc)
            .slice(1)
            .map((block) => Peer.cidr(block)),
        );
      if (families.includes("ipv6")) {
        const ipv6 = requireValue(
          this,
          "resourceGateway.vpc.ipv6CidrBlock",
          vpc.ipv6CidrBlock,
          `the VPC's IPv6 block, which the ${type} gateway's addresses come from (import the VPC with ipv6CidrBlock, or the gateway with securityGroups)`,
        );
        peers.push(Peer.cidr(ipv6, { family: "ipv6" }));
      }
    }
    const owner = group instanceof ResourceConfiguration ? group.name : this.name;
    for (const resourceGroup of groups) {
      const done = admissions.get(resourceGroup) ?? new Set<string>();
      admissions.set(resourceGroup, done);
      for (const port of this.ownPorts) {
        for (const peer of peers) {
          const key = `${formatPortRange(port)} ${peer.key}`;
          if (done.has(key)) continue;
          done.add(key);
          new Connections(resourceGroup, { securityGroups: [resourceGroup] }).allowFrom(
            peer,
            port,
            `VPC Lattice resource gateway to ${owner} on tcp ${formatPortRange(port)}`,
          );
        }
      }
    }
    return [...groups];
  }
}

/** Names a referenced construct in an error: its path, since its identifiers are Terraform references. */
function describeRef(value: object): string {
  return Construct.isConstruct(value) ? value.node.path : JSON.stringify(value);
}

class ImportedResourceConfiguration extends Construct implements IResourceConfiguration {
  public readonly resourceConfigurationId: string;
  public readonly resourceConfigurationArn: string;
  public readonly type?: ResourceConfigurationType;
  public readonly ports: readonly PortRange[];
  public readonly provider?: TerraformProvider;
  public readonly gatewayZones?: readonly ZonePlacement[];

  constructor(scope: Construct, id: string, attrs: ResourceConfigurationAttributes) {
    super(scope, id);
    requireProps(this, attrs, ["resourceConfigurationArn"]);
    checkKnownProps(this, attrs, RESOURCE_CONFIGURATION_ATTRIBUTES);
    checkProvider(this, "provider", attrs.provider, "the account the configuration is used from");
    const importedId = checkImportedIdentity(
      this,
      "resourceConfiguration",
      attrs.resourceConfigurationArn,
      attrs.resourceConfigurationId,
      attrs.provider,
    );
    checkOneOf(this, "type", attrs.type, TYPES);
    if (attrs.ports !== undefined && attrs.portRanges !== undefined) {
      throw new ValidationError(this, "ports, portRanges", "ports and portRanges", "exactly one of ports, portRanges (portRanges is deprecated)");
    }
    this.ports =
      attrs.portRanges !== undefined
        ? parsePortRangeStrings(this, "portRanges", attrs.portRanges)
        : (checkPortRanges(this, "ports", attrs.ports) ?? []);
    const zoneIds = checkList(this, "gatewayAvailabilityZoneIds", attrs.gatewayAvailabilityZoneIds);
    zoneIds?.forEach((zoneId, index) => checkImportedZoneId(this, `gatewayAvailabilityZoneIds[${index}]`, zoneId, attrs.provider));
    checkUnique(this, "gatewayAvailabilityZoneIds", zoneIds);
    this.resourceConfigurationId = importedId;
    this.resourceConfigurationArn = attrs.resourceConfigurationArn;
    gateShareTarget(this, `the resource configuration ${this.node.path}`, () => this.resourceConfigurationArn);
    this.type = attrs.type;
    this.provider = attrs.provider;
    this.gatewayZones = zoneIds?.map((availabilityZoneId) => ({ availabilityZoneId }));
    // The owner's terms, for the flow analysis of this stack: it proves the consumer's flows against them.
    recordInStack(stackOf(this), `importedResourceConfigurations.${stableId(nameFromPath(this))}`, () => ({
      arn: this.resourceConfigurationArn,
      id: this.resourceConfigurationId,
      type: this.type,
      portRanges: portRangeStrings(this.ports),
      gatewayAvailabilityZoneIds: zoneIds,
    }));
  }
}
