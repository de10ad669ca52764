import { Annotations, ITerraformDependable } from "../core/cdktf";
import { Construct } from "constructs";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import {
  checkArn,
  checkBoolean,
  checkKnownProps,
  checkNotChildConfiguration,
  checkObject,
  firstUnopenedPort,
  formatPortRange,
  IResourceConfiguration,
  isUnresolved,
  literalRegionOf,
  PortRange,
  requireProps,
  ValidationError,
  ZonePlacement,
} from "../core";
import { Connections, defaultSubnetsOf, SecurityGroup } from "../vpc";
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
import { waitForShare } from "./targets";

export interface ResourceEndpointProps extends NetworkEndpointProps, LatticeEndpointDnsProps {
  /** The resource configuration to reach. */
  readonly resourceConfiguration: IResourceConfiguration;
  /**
   * Ports the created security group opens.
   * @default - the configuration's port ranges (required when it has none, as with ARN resources)
   */
  readonly ports?: readonly PortRange[];
  /**
   * What must exist first, such as the RAM share of a configuration from
   * another account and its acceptance. An endpoint made with another
   * account's provider than the owner's, to a configuration this app shares
   * (DnsResourceGroup or SharedResourceAccess `sharing`), waits for the
   * share's principal and resource associations by itself, and fails for an
   * account the share leaves out.
   * @default - nothing beyond the references (and a share of this app, as above)
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/** Attributes of a Resource endpoint made elsewhere, for {@link ResourceEndpoint.fromResourceEndpointAttributes}. */
export type ResourceEndpointAttributes = NetworkEndpointAttributes;

/**
 * A `Resource` VPC endpoint: reaches one VPC Lattice resource configuration
 * (a database, an IP address, a domain name) directly, without a service
 * network. Its security group opens only the configuration's port ranges.
 * At least one of its AZs must be one of the resource gateway's: checked by
 * AZ ID, or by AZ name when both are in one account; across accounts, place
 * both VPCs by AZ ID (AZ names map to different zones in each account).
 *
 * Creates: aws_vpc_endpoint (type Resource), aws_security_group and
 * aws_vpc_security_group_ingress_rule (unless security groups are given).
 */
export class ResourceEndpoint extends NetworkEndpointBase {
  /** A Resource endpoint made elsewhere: its ID, checked, and its security groups, to which `connections` adds rules. */
  public static fromResourceEndpointAttributes(scope: Construct, id: string, attrs: ResourceEndpointAttributes): INetworkEndpoint {
    return new ImportedNetworkEndpoint(scope, id, attrs);
  }

  public readonly resource: VpcEndpoint;
  public readonly securityGroup?: SecurityGroup;
  public readonly securityGroupIds: readonly string[];
  public readonly connections: Connections;

  constructor(scope: Construct, id: string, props: ResourceEndpointProps) {
    super(scope, id, props);
    requireProps(this, props, ["resourceConfiguration"]);
    checkKnownProps(this, props, RESOURCE_ENDPOINT_PROPS);
    const resourceConfigurationArn = checkedResourceConfigurationArn(this, props);
    const ports = resourcePorts(this, props);
    checkZonesMeet(
      this,
      props.subnets === undefined ? "vpc.privateSubnets" : "subnets",
      props.subnets ?? defaultSubnetsOf(this, "vpc.privateSubnets", props.vpc),
      props.resourceConfiguration,
    );
    ({
      resource: this.resource,
      securityGroup: this.securityGroup,
      securityGroupIds: this.securityGroupIds,
      connections: this.connections,
    } = this.createInEverySubnet(props, ports, "a VPC Lattice resource configuration", {
      vpcEndpointType: "Resource",
      resourceConfigurationArn,
      privateDnsEnabled: checkBoolean(this, "privateDnsEnabled", props.privateDnsEnabled) ?? false,
      dependsOn: props.dependsOn,
    }));
    // A configuration this app shares through RAM: made in another account, the endpoint waits for the share, which must name that account.
    waitForShare(this, this.resource, props.resourceConfiguration, this.provider, props.dependsOn);
  }
}

/** The configuration is the endpoint's only target: a service name (JavaScript callers can pass one) would be silently dropped. */
function checkedResourceConfigurationArn(endpoint: ResourceEndpoint, props: ResourceEndpointProps): string {
  const serviceName = (props as { serviceName?: unknown }).serviceName;
  if (serviceName !== undefined) {
    throw new ValidationError(
      endpoint,
      "serviceName",
      serviceName,
      "unset: a Resource endpoint reaches its resourceConfiguration (use an InterfaceEndpoint for a service name)",
    );
  }
  checkObject(endpoint, "resourceConfiguration", props.resourceConfiguration);
  checkNotChildConfiguration(endpoint, "resourceConfiguration", props.resourceConfiguration, "reaches through a Resource endpoint");
  const arn = props.resourceConfiguration.resourceConfigurationArn;
  // A Resource endpoint reaches configurations of its own region only (shared ones included).
  const region = literalRegionOf(endpoint, endpoint.provider);
  checkArn(endpoint, "resourceConfiguration.resourceConfigurationArn", arn, "resourceConfiguration", { region });
  // A configuration of this configuration is known by a reference: its provider says its region.
  const configurationRegion = isUnresolved(arn) ? literalRegionOf(endpoint, props.resourceConfiguration.provider) : undefined;
  if (region !== undefined && configurationRegion !== undefined && configurationRegion !== region) {
    throw new ValidationError(
      endpoint,
      "resourceConfiguration",
      Construct.isConstruct(props.resourceConfiguration) ? props.resourceConfiguration.node.path : arn,
      `a resource configuration of ${region}, the endpoint's region (this one is in ${configurationRegion}): a Resource endpoint reaches configurations of its own region only`,
    );
  }
  return arn;
}

function resourcePorts(endpoint: Construct, props: ResourceEndpointProps): readonly PortRange[] {
  const offered = props.resourceConfiguration.ports ?? [];
  const ports = props.ports ?? offered;
  if (ports.length === 0 && props.securityGroups === undefined) {
    throw new ValidationError(endpoint, "ports", [], "the ports clients use (the resource configuration does not say), or securityGroups");
  }
  if (props.ports !== undefined) checkOffered(endpoint, props.ports, offered);
  return ports;
}

/**
 * The ports an endpoint's group opens are ports the configuration offers,
 * when it says (its port ranges; an ARN resource's security-group ports; a
 * GROUP's children's): VPC Lattice carries no other, so a port outside them
 * (a typo, 80 for 443) opened nothing that answers while the offered ports
 * stayed closed to every client. A subset is fine.
 */
function checkOffered(endpoint: Construct, ports: readonly PortRange[], offered: readonly PortRange[]): void {
  if (isUnresolved(ports) || offered.length === 0 || offered.some((o) => isUnresolved(o.from) || isUnresolved(o.to))) return;
  ports.forEach((port, index) => {
    // Ranges side by side cover a range across them (8000-8050 and 8051-8100 offer 8000-8100).
    if (port === undefined || port === null || firstUnopenedPort(port, offered) === undefined) return;
    throw new ValidationError(
      endpoint,
      `ports[${index}]`,
      formatPortRange(port),
      `a port the resource configuration offers (${offered.map(formatPortRange).join(", ")}): VPC Lattice carries no other to the resource, so the endpoint's group would open a port nothing answers on (leave ports unset to open the configuration's own)`,
    );
  });
}

/** The zones of both sides in one vocabulary: AZ IDs when every subnet has one, else AZ names within one account; undefined when they cannot be compared. */
function comparableZones(
  endpoint: readonly ZonePlacement[],
  gateway: readonly ZonePlacement[],
  sameAccount: boolean,
): { readonly ours: string[]; readonly theirs: string[] } | undefined {
  const literal = (value: string | undefined): value is string => value !== undefined && !isUnresolved(value);
  for (const key of sameAccount ? (["availabilityZoneId", "availabilityZone"] as const) : (["availabilityZoneId"] as const)) {
    const ours = endpoint.map((z) => z[key]);
    const theirs = gateway.map((z) => z[key]);
    if (ours.every(literal) && theirs.every(literal)) return { ours, theirs };
  }
  return undefined;
}

/** Fails when the endpoint shares no AZ with the configuration's resource gateway; warns when that cannot be told across accounts. */
function checkZonesMeet(endpoint: ResourceEndpoint, prop: string, subnets: readonly ZonePlacement[], configuration: IResourceConfiguration): void {
  const gateway = configuration.gatewayZones;
  if (gateway === undefined || gateway.length === 0 || isUnresolved(subnets) || subnets.length === 0) return;
  // Providers are the accounts as far as the constructs know; two providers may be one account, and then AZ names would do.
  const sameAccount = endpoint.provider === configuration.provider;
  const zones = comparableZones(subnets, gateway, sameAccount);
  if (zones === undefined) {
    if (!sameAccount) {
      Annotations.of(endpoint).addWarning(
        "The endpoint and the resource gateway may be in different accounts and are not both placed by AZ ID: AZ names map to different zones in each account, so they may share no zone (AWS needs one). Place both VPCs by AZ ID (Vpc availabilityZones such as use1-az1).",
      );
    }
    return;
  }
  if (!zones.ours.some((zone) => zones.theirs.includes(zone))) {
    throw new ValidationError(
      endpoint,
      prop,
      zones.ours,
      `subnets in at least one availability zone of the resource gateway (${zones.theirs.join(", ")}): AWS connects the endpoint to the gateway within a zone both have`,
    );
  }
}

const RESOURCE_ENDPOINT_PROPS: Record<keyof ResourceEndpointProps, true> = {
  ...NETWORK_ENDPOINT_PROPS,
  ...LATTICE_ENDPOINT_DNS_PROPS,
  resourceConfiguration: true,
  ports: true,
  dependsOn: true,
};
