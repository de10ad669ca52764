import { Annotations, TerraformProvider } from "../core/cdktf";
import { Construct } from "constructs";
import {
  VpclatticeResourceConfiguration,
  VpclatticeResourceConfigurationResourceConfigurationDefinition,
} from "@cdktf/provider-aws/lib/vpclattice-resource-configuration";
import {
  AWS_DEFAULT_QUOTAS,
  AwsResourceProps,
  checkDnsName,
  checkExactlyOne,
  checkIpAddress,
  checkLength,
  checkOneOf,
  checkPattern,
  checkPortRange,
  checkPredicate,
  checkUnique,
  IResourceConfiguration,
  isUnresolved,
  parseArn,
  PortRange,
  providerOf,
  requireProps,
  requireValue,
  ResourceConfigurationType,
  ValidationError,
  ZonePlacement,
} from "../core";
import { ipAddressTypeOf, RESOURCE_IP_ADDRESS_TYPES, ResourceIpAddressType, sharesIpFamily } from "./ip-families";
import { privateZoneAnswering } from "../vpc";
import { IResourceGateway } from "./resource-gateway";

// The type moved to core's contracts with IResourceConfiguration; this area's entry point keeps exporting it.
export { ResourceConfigurationType } from "../core";

const TYPES: readonly ResourceConfigurationType[] = ["SINGLE", "GROUP", "CHILD", "ARN"];

/**
 * A resource reached by DNS name. The gateway resolves it in public DNS
 * (hashicorp/aws 5.100.0 cannot ask for resolution in the VPC), so the name
 * must be public even when its addresses are private.
 */
export interface DnsResource {
  /** The resource's fully qualified, publicly resolvable name, such as an RDS endpoint or orders.apps.example.com in a public zone. */
  readonly domainName: string;
  /**
   * Address family the name resolves to.
   * @default - the gateway's IP address type, IPV4 when unknown
   */
  readonly ipAddressType?: ResourceIpAddressType;
}

/** A resource reached on one IPv4 or IPv6 address. */
export interface IpResource {
  /** An IPv4 or IPv6 address the gateway can reach. */
  readonly ipAddress: string;
}

/** An AWS resource reached by ARN, such as an RDS DB instance or cluster. */
export interface ArnResource {
  /** The resource's ARN, such as arn:aws:rds:us-east-1:111111111111:db:orders. */
  readonly arn: string;
  /**
   * Ports the resource listens on (`"5432"`), for security groups only: AWS
   * takes an ARN resource's ports from the resource itself and rejects
   * `portRanges`, but the gateway's egress and consumers' endpoints still
   * need to open them.
   * @default - none: add the ports to the security groups yourself
   */
  readonly securityGroupPortRanges?: readonly string[];
}

/** What {@link ResourceConfiguration.fromAttributes} needs to know of a configuration made elsewhere. */
export interface ResourceConfigurationAttributes {
  /** `rcfg-` followed by 17 characters. */
  readonly resourceConfigurationId: string;
  /** The configuration's ARN: what RAM shares and endpoints reference. */
  readonly resourceConfigurationArn: string;
  /** @default - unknown */
  readonly type?: ResourceConfigurationType;
  /** Port ranges, so that Resource endpoints open them. @default - none known */
  readonly portRanges?: readonly string[];
  /** @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

export interface ResourceConfigurationProps extends AwsResourceProps {
  /** 3 to 40 lowercase letters, digits and single hyphens, unique in the account. */
  readonly name: string;
  /**
   * @default - "CHILD" with a resourceConfigurationGroup, "ARN" with an arnResource, otherwise "SINGLE"
   */
  readonly type?: ResourceConfigurationType;
  /**
   * The gateway in the VPC that owns the resource: every configuration is reached through one. Required for
   * SINGLE, GROUP and ARN; a CHILD uses its group's gateway.
   * @default - none; only valid for CHILD
   */
  readonly resourceGateway?: IResourceGateway;
  /** The GROUP a CHILD belongs to. @default - none; required for CHILD */
  readonly resourceConfigurationGroup?: IResourceConfiguration;
  /** Exactly one of dnsResource, ipResource (SINGLE, CHILD) or arnResource (ARN). @default - none */
  readonly dnsResource?: DnsResource;
  /** @default - none */
  readonly ipResource?: IpResource;
  /** @default - none */
  readonly arnResource?: ArnResource;
  /**
   * TCP ports consumers may use (`"5432"`, `"8000-8100"`). Required for DNS
   * and IP resources; not allowed for GROUP (its children carry them) nor ARN.
   * @default - none
   */
  readonly portRanges?: readonly string[];
  /**
   * Only TCP exists. Not allowed for ARN (AWS knows the resource's protocol)
   * nor CHILD (it inherits its group's).
   * @default "TCP" for SINGLE and GROUP
   */
  readonly protocol?: "TCP";
  /**
   * Let the configuration join service networks that are shared with other
   * accounts. Off so that sharing stays an explicit choice. Not for CHILD.
   * @default false
   */
  readonly allowAssociationToShareableServiceNetwork?: boolean;
}

const NAME_PATTERN = /^(?!rcfg-)(?!-)(?!.*-$)(?!.*--)[a-z0-9-]+$/;

/**
 * A VPC Lattice resource configuration: one resource (a DNS name, an IP
 * address, an AWS resource by ARN) or a group of them, bound to a resource
 * gateway and shareable through AWS RAM. Consumers reach it through a
 * Resource-type VPC endpoint (it implements the endpoint target) or through
 * a service network it is associated with.
 *
 * Its ports are registered with the gateway, whose security group then lets
 * traffic out to them only.
 *
 * Creates: aws_vpclattice_resource_configuration.
 */
export class ResourceConfiguration extends Construct implements IResourceConfiguration {
  /** Describes a resource configuration made elsewhere, for example shared with this account. */
  public static fromAttributes(scope: Construct, id: string, attrs: ResourceConfigurationAttributes): IResourceConfiguration {
    return new ImportedResourceConfiguration(scope, id, attrs);
  }

  /** The aws_vpclattice_resource_configuration, for escape hatches. */
  public readonly resource: VpclatticeResourceConfiguration;
  /** `rcfg-` followed by 17 characters. */
  public readonly resourceConfigurationId: string;
  public readonly resourceConfigurationArn: string;
  public readonly type: ResourceConfigurationType;
  /** The gateway the configuration is reached through (a CHILD's is its group's). */
  public readonly resourceGateway: IResourceGateway;
  public readonly provider?: TerraformProvider;
  public readonly gatewayZones?: readonly ZonePlacement[];
  private readonly ownPorts: readonly PortRange[];
  /** Ports of the CHILD configurations of a GROUP, which endpoints to the group must open. */
  private readonly childPorts: PortRange[] = [];
  private childCount = 0;

  constructor(scope: Construct, id: string, props: ResourceConfigurationProps) {
    super(scope, id);
    requireProps(this, props, ["name"]);
    requireValue(this, "name", props.name, "a resource configuration name");
    checkLength(this, "name", props.name, 3, 40);
    checkPattern(this, "name", props.name, NAME_PATTERN, "lowercase letters, digits and single hyphens, not starting with rcfg- nor starting or ending with a hyphen");
    this.type = props.type ?? (props.resourceConfigurationGroup ? "CHILD" : props.arnResource ? "ARN" : "SINGLE");
    checkOneOf(this, "type", this.type, TYPES);

    const group = this.checkGroup(props);
    this.resourceGateway = this.checkGateway(props, group);
    const definition = this.checkDefinition(props);
    this.ownPorts = this.checkPorts(props);
    this.checkProtocol(props);
    if (this.type === "CHILD" && props.allowAssociationToShareableServiceNetwork !== undefined) {
      throw new ValidationError(this, "allowAssociationToShareableServiceNetwork", props.allowAssociationToShareableServiceNetwork, "unset for a CHILD: it follows its group");
    }

    this.provider = providerOf(props, this.resourceGateway);
    this.gatewayZones = this.resourceGateway.subnets;
    this.resource = new VpclatticeResourceConfiguration(this, "Resource", {
      provider: this.provider,
      name: props.name,
      type: this.type,
      resourceGatewayIdentifier: group === undefined ? this.resourceGateway.resourceGatewayId : undefined,
      resourceConfigurationGroupId: group?.resourceConfigurationId,
      portRanges: props.portRanges ? [...props.portRanges] : undefined,
      protocol: this.type === "SINGLE" || this.type === "GROUP" ? (props.protocol ?? "TCP") : undefined,
      allowAssociationToShareableServiceNetwork: this.type === "CHILD" ? undefined : (props.allowAssociationToShareableServiceNetwork ?? false),
      resourceConfigurationDefinition: definition === undefined ? undefined : [definition],
    });
    this.resourceConfigurationId = this.resource.id;
    this.resourceConfigurationArn = this.resource.arn;

    this.resourceGateway.allowResourcePorts(this.ownPorts, this.resourceCidr(props.ipResource));
    if (group instanceof ResourceConfiguration) group.addChild(this.ownPorts);
  }

  /** TCP ports a Resource endpoint to this configuration must open; a GROUP's include its children's. */
  public get ports(): readonly PortRange[] {
    const all = [...this.ownPorts, ...this.childPorts];
    return all.filter((port, index) => all.findIndex((p) => p.from === port.from && p.to === port.to) === index);
  }

  private addChild(ports: readonly PortRange[]): void {
    this.childPorts.push(...ports);
    this.childCount += 1;
    if (this.childCount === AWS_DEFAULT_QUOTAS.childrenPerResourceConfigurationGroup + 1) {
      Annotations.of(this).addWarning(`More than ${AWS_DEFAULT_QUOTAS.childrenPerResourceConfigurationGroup} CHILD configurations in this GROUP: above the default VPC Lattice quota (L-9BC96FEF); request an increase before deploying`);
    }
  }

  private checkGroup(props: ResourceConfigurationProps): IResourceConfiguration | undefined {
    const group = props.resourceConfigurationGroup;
    if (this.type !== "CHILD") {
      if (group !== undefined) {
        throw new ValidationError(this, "resourceConfigurationGroup", describeRef(group), `unset for type ${this.type} (only a CHILD belongs to a group)`);
      }
      return undefined;
    }
    requireValue(this, "resourceConfigurationGroup", group, "the GROUP configuration this CHILD belongs to");
    if (group!.type !== undefined && group!.type !== "GROUP") {
      throw new ValidationError(this, "resourceConfigurationGroup.type", group!.type, "a configuration of type GROUP");
    }
    return group;
  }

  private checkGateway(props: ResourceConfigurationProps, group: IResourceConfiguration | undefined): IResourceGateway {
    if (group === undefined) {
      return requireValue(this, "resourceGateway", props.resourceGateway, `the resource gateway in the VPC that owns the resource (every ${this.type} configuration is bound to one)`);
    }
    if (props.resourceGateway !== undefined) {
      throw new ValidationError(this, "resourceGateway", describeRef(props.resourceGateway), "unset for a CHILD: it is reached through its group's gateway");
    }
    const groupGateway = group instanceof ResourceConfiguration ? group.resourceGateway : undefined;
    return requireValue(this, "resourceConfigurationGroup.resourceGateway", groupGateway, "a group whose resource gateway is known (create the group with ResourceConfiguration)");
  }

  private checkDefinition(props: ResourceConfigurationProps): VpclatticeResourceConfigurationResourceConfigurationDefinition | undefined {
    const resources = { dnsResource: props.dnsResource, ipResource: props.ipResource, arnResource: props.arnResource };
    if (this.type === "GROUP") {
      const given = Object.entries(resources).find(([, value]) => value !== undefined);
      if (given !== undefined) throw new ValidationError(this, given[0], given[1], "no resource definition on a GROUP: each CHILD defines one");
      return undefined;
    }
    const kind = checkExactlyOne(this, resources);
    if ((kind === "arnResource") !== (this.type === "ARN")) {
      throw new ValidationError(this, "type", this.type, kind === "arnResource" ? '"ARN" for an arnResource (or leave type unset)' : `a dnsResource or ipResource for type ${this.type}, or type "ARN" for an arnResource`);
    }
    const gatewayType = this.resourceGateway.ipAddressType;
    if (props.dnsResource !== undefined) {
      const { domainName } = props.dnsResource;
      checkLength(this, "dnsResource.domainName", domainName, 3, 255);
      checkDnsName(this, "dnsResource.domainName", domainName);
      const privateName = this.privateNameError(domainName);
      if (privateName !== undefined) throw privateName;
      // A private zone made after this configuration is caught at synth.
      this.node.addValidation({
        validate: () => {
          const error = this.privateNameError(domainName);
          return error === undefined ? [] : [error.message];
        },
      });
      const ipAddressType = props.dnsResource.ipAddressType ?? gatewayType ?? "IPV4";
      checkOneOf(this, "dnsResource.ipAddressType", ipAddressType, RESOURCE_IP_ADDRESS_TYPES);
      this.checkReachable("dnsResource.ipAddressType", ipAddressType, ipAddressType);
      return { dnsResource: [{ domainName, ipAddressType }] };
    }
    if (props.ipResource !== undefined) {
      const { ipAddress } = props.ipResource;
      checkIpAddress(this, "ipResource.ipAddress", ipAddress);
      if (!isUnresolved(ipAddress)) this.checkReachable("ipResource.ipAddress", ipAddress, ipAddressTypeOf(ipAddress));
      return { ipResource: [{ ipAddress }] };
    }
    const { arn } = props.arnResource!;
    checkPredicate(this, "arnResource.arn", arn, (v) => parseArn(v) !== undefined, "an AWS resource ARN such as arn:aws:rds:us-east-1:111111111111:db:orders");
    return { arnResource: [{ arn }] };
  }

  /**
   * With hashicorp/aws 5.100.0 a resource gateway resolves a DNS resource in
   * public DNS (the provider has no `resource_config_dns_resolution`): a name
   * that only a private hosted zone of the app answers does not resolve.
   */
  private privateNameError(domainName: string): ValidationError | undefined {
    const zone = privateZoneAnswering(this, domainName);
    if (zone === undefined) return undefined;
    return new ValidationError(
      this,
      "dnsResource.domainName",
      domainName,
      `a name public DNS resolves (the resource gateway resolves it publicly; it is in private hosted zone ${zone.zoneName} of ${zone.path}): a record in a public zone holding the resource's private address, an RDS or load balancer DNS name, or an ipResource or arnResource`,
    );
  }

  /** Fails when the gateway has no IP family in common with the resource. */
  private checkReachable(prop: string, received: string, resourceType: ResourceIpAddressType): void {
    const gatewayType = this.resourceGateway.ipAddressType;
    if (gatewayType === undefined || isUnresolved(gatewayType) || sharesIpFamily(gatewayType, resourceType)) return;
    throw new ValidationError(this, prop, received, `a resource reachable over the gateway's ipAddressType ${gatewayType}`);
  }

  private checkPorts(props: ResourceConfigurationProps): readonly PortRange[] {
    if (this.type === "GROUP" || this.type === "ARN") {
      if (props.portRanges !== undefined) {
        const why = this.type === "GROUP" ? "each CHILD carries its own" : "AWS takes an ARN resource's ports from the resource; use arnResource.securityGroupPortRanges for security groups";
        throw new ValidationError(this, "portRanges", props.portRanges, `unset for type ${this.type}: ${why}`);
      }
      return parsePortRanges(this, "arnResource.securityGroupPortRanges", props.arnResource?.securityGroupPortRanges ?? []);
    }
    if (props.portRanges === undefined || props.portRanges.length === 0) {
      throw new ValidationError(this, "portRanges", props.portRanges, 'at least one port or range such as "5432" or "8000-8100": DNS and IP resources need them');
    }
    return parsePortRanges(this, "portRanges", props.portRanges);
  }

  private checkProtocol(props: ResourceConfigurationProps): void {
    if (props.protocol !== undefined && (this.type === "ARN" || this.type === "CHILD")) {
      const why = this.type === "ARN" ? "AWS takes it from the resource" : "a CHILD inherits its group's";
      throw new ValidationError(this, "protocol", props.protocol, `unset for type ${this.type}: ${why}`);
    }
    checkOneOf(this, "protocol", props.protocol, ["TCP"]);
  }

  /** A literal IP resource gets a /32 (or /128) egress rule; anything else is somewhere in the gateway's VPC. */
  private resourceCidr(ipResource: IpResource | undefined): string | undefined {
    // Rules to several unresolved CIDRs would share a construct ID, so an address only Terraform knows falls back to the VPC.
    if (ipResource === undefined || isUnresolved(ipResource.ipAddress)) return undefined;
    return ipAddressTypeOf(ipResource.ipAddress) === "IPV6" ? `${ipResource.ipAddress}/128` : `${ipResource.ipAddress}/32`;
  }
}

/** Names a referenced construct in an error: its path, since its identifiers are Terraform references. */
function describeRef(value: object): string {
  return Construct.isConstruct(value) ? value.node.path : JSON.stringify(value);
}

/** Parses port range strings, failing on duplicates; unresolved ones are left to Terraform. */
function parsePortRanges(scope: Construct, prop: string, ranges: readonly string[]): readonly PortRange[] {
  checkUnique(scope, prop, ranges);
  return ranges.flatMap((range, index) => {
    const parsed = checkPortRange(scope, `${prop}[${index}]`, range);
    return parsed === undefined ? [] : [parsed];
  });
}

class ImportedResourceConfiguration extends Construct implements IResourceConfiguration {
  public readonly resourceConfigurationId: string;
  public readonly resourceConfigurationArn: string;
  public readonly type?: ResourceConfigurationType;
  public readonly ports: readonly PortRange[];
  public readonly provider?: TerraformProvider;

  constructor(scope: Construct, id: string, attrs: ResourceConfigurationAttributes) {
    super(scope, id);
    checkOneOf(this, "type", attrs.type, TYPES);
    this.resourceConfigurationId = attrs.resourceConfigurationId;
    this.resourceConfigurationArn = attrs.resourceConfigurationArn;
    this.type = attrs.type;
    this.ports = parsePortRanges(this, "portRanges", attrs.portRanges ?? []);
    this.provider = attrs.provider;
  }
}
