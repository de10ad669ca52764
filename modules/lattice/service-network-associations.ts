import { Annotations, ITerraformDependable, TerraformProvider, TerraformResource } from "../core/cdktf";
import { Construct } from "constructs";
import { VpclatticeServiceNetworkResourceAssociation } from "@cdktf/provider-aws/lib/vpclattice-service-network-resource-association";
import { VpclatticeServiceNetworkServiceAssociation } from "@cdktf/provider-aws/lib/vpclattice-service-network-service-association";
import { VpclatticeServiceNetworkVpcAssociation } from "@cdktf/provider-aws/lib/vpclattice-service-network-vpc-association";
import { IConstruct } from "constructs";
import {
  AppCounter,
  AppRegistry,
  AWS_DEFAULT_QUOTAS,
  AWS_LIMITS,
  canonicalDnsName,
  checkArn,
  checkAtSynth,
  checkBoolean,
  checkItemCount,
  checkKnownProps,
  checkList,
  checkNotChildConfiguration,
  checkObject,
  checkPort,
  checkTags,
  firstUnopenedPort,
  formatPortRange,
  isUnresolved,
  literalAccountOf,
  literalRegionOf,
  parseArn,
  Port,
  PortRange,
  providerOf,
  requireProps,
  requireValue,
  ValidationError,
} from "../core";
import {
  checkIsSecurityGroup,
  Connections,
  describeVpc,
  IConnectable,
  ISecurityGroup,
  IVpc,
  Peer,
  SecurityGroup,
  vpcClientPeers,
  vpcOwnerProviderOf,
} from "../vpc";
import { AllowedCallers, ANONYMOUS_GRANT, describeCallers, disjointCallers } from "./auth-policy";
import { ILatticeService, IResourceConfiguration, IServiceNetwork } from "./interfaces";
import { listenersOf } from "./listener";
import { checkInVpc } from "./placement";
import { shareDependenciesOf, waitForShare } from "../endpoints/targets";

/** How a VPC joins a service network, as ServiceNetworkBase.associateVpc takes it. */
export interface ServiceNetworkVpcAssociationOptions {
  /** The VPC whose clients reach the network. */
  readonly vpc: IVpc;
  /**
   * Security groups that decide which clients of the VPC reach the network
   * (1 to 5, of this VPC): groups made here, or existing ones imported with
   * `SecurityGroup.fromSecurityGroupAttributes` (which then take the rules
   * added through `connections`).
   * @default - a new group admitting the VPC's clients on `ports` (see `open`)
   */
  readonly securityGroups?: readonly ISecurityGroup[];
  /**
   * Admit every client of the VPC (its IPv4 CIDR, and its IPv6 CIDR if any)
   * in the group created for the association. Set false to admit only whom
   * you name: `association.connections.allowDefaultPortFrom(peer, "why")`.
   * Only used when `securityGroups` is not given.
   * @default true
   */
  readonly open?: boolean;
  /**
   * @deprecated Use `open: false` and `association.connections.allowDefaultPortFrom(peer, description)`
   * for each peer; the rules keep their addresses.
   * @default - the VPC's IPv4 CIDR (and its IPv6 CIDR, if any)
   */
  readonly allowedPeers?: readonly Peer[];
  /**
   * Listener ports of the network's services and the ports of its resource
   * configurations: what the association's clients connect to, and the
   * ports `connections.allowDefaultPortFrom` opens. With the group the
   * association creates, the synth fails when a listener of a service of
   * the network, or a port of one of its resource configurations (made or
   * associated in this app), is outside them.
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
  /** Tags of the association. @default - none */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Props for ServiceNetworkVpcAssociation. */
export interface ServiceNetworkVpcAssociationProps extends ServiceNetworkVpcAssociationOptions {
  /** The network to join, named by ARN so that a network shared from another account works. */
  readonly serviceNetwork: IServiceNetwork;
}

/** What associateVpc takes. @internal */
export const VPC_ASSOCIATION_OPTIONS: Record<keyof ServiceNetworkVpcAssociationOptions, true> = {
  vpc: true,
  securityGroups: true,
  open: true,
  allowedPeers: true,
  ports: true,
  provider: true,
  dependsOn: true,
  tags: true,
};

const VPC_ASSOCIATION_PROPS: Record<keyof ServiceNetworkVpcAssociationProps, true> = { ...VPC_ASSOCIATION_OPTIONS, serviceNetwork: true };

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

/** The services associated with each network, per app: what the VPC associations' ports must cover. */
const networkServices = new AppRegistry<IServiceNetwork, ILatticeService[]>();
/** The resource configurations associated with each network, per app: their ports are what the VPC associations' ports must cover too. */
const networkResourceConfigurations = new AppRegistry<IServiceNetwork, IResourceConfiguration[]>();

/** Association paths by VPC ID, per app: AWS allows one service network association per VPC. */
const vpcAssociations = new AppRegistry<string, string>();

/**
 * The association's security groups: `allowDefaultPortFrom(peer)` lets a
 * peer in on every port of the association (its listener and resource
 * ports), not only the first. A client's mirror egress rule goes to VPC
 * Lattice's link-local range (and its IPv6 range in a dual-stack VPC): a
 * rule that named the association's groups would match nothing (they are
 * on no interface the client sends to).
 */
class AssociationConnections extends Connections {
  constructor(
    owner: IConstruct,
    securityGroups: readonly ISecurityGroup[],
    private readonly ports: readonly PortRange[],
    dualStack: boolean,
  ) {
    // Clients send to VPC Lattice's ranges, not to an interface in these groups: their egress rules name the ranges.
    super(owner, {
      securityGroups,
      defaultPort: ports[0],
      peer: dualStack ? [Peer.vpcLattice("ipv4"), Peer.vpcLattice("ipv6")] : Peer.vpcLattice(),
    });
  }

  public override allowDefaultPortFrom(other: Peer | IConnectable, description: string): void {
    for (const port of this.ports) this.allowFrom(other, port, description);
  }
}

/**
 * Fails when a listener of a service of the network, or a port of one of
 * its resource configurations, is outside what a client-side security group
 * opens (a VPC association's, a ServiceNetwork endpoint's): the group
 * applies to both, so their clients would be dropped.
 * @internal
 */
export function checkMemberPorts(
  scope: IConstruct,
  serviceNetwork: IServiceNetwork,
  ports: readonly PortRange[],
  defaulted: boolean,
  what: "association" | "endpoint",
): void {
  const fail = (port: number, member: string): never => {
    throw new ValidationError(
      scope,
      "ports",
      `${ports.map(formatPortRange).join(", ")}${defaulted ? " (the default)" : ""}`,
      `ports that include ${port}: ${member}, and the ${what}'s security group would drop its clients`,
    );
  };
  for (const service of networkServices.of(scope).get(serviceNetwork) ?? []) {
    const missed = listenersOf(scope, service).find(
      (l) => !isUnresolved(l.port) && firstUnopenedPort({ from: l.port, to: l.port }, ports) !== undefined,
    );
    if (missed !== undefined)
      fail(missed.port, `listener "${missed.name}" of service ${describeMember(service, service.serviceArn)} in the network listens on it`);
  }
  for (const configuration of networkResourceConfigurations.of(scope).get(serviceNetwork) ?? []) {
    for (const range of configuration.ports ?? []) {
      const missed = firstUnopenedPort(range, ports);
      if (missed !== undefined)
        fail(
          missed,
          `resource configuration ${describeMember(configuration, configuration.resourceConfigurationArn)} in the network takes connections on ${formatPortRange(range)}`,
        );
    }
  }
}

/**
 * Associates a VPC with a service network, so that its clients reach the
 * network's services and resource configurations. A VPC has at most one
 * service network association (a second one fails at synth); reach more
 * networks with a `ServiceNetworkEndpoint`. Who in the VPC gets in is
 * decided by the association's security groups: `connections`.
 *
 * Creates: aws_vpclattice_service_network_vpc_association, and
 * aws_security_group with aws_vpc_security_group_ingress_rule unless
 * security groups are given.
 */
export class ServiceNetworkVpcAssociation extends Construct implements IConnectable {
  /** The underlying `aws_vpclattice_service_network_vpc_association`, as an escape hatch. */
  public readonly resource: VpclatticeServiceNetworkVpcAssociation;
  /** The security group created for the association, if any. */
  public readonly securityGroup?: SecurityGroup;
  /** Association ID (`snva-...`), known at apply. */
  public readonly associationId: string;
  /**
   * The association's security groups: `connections.allowDefaultPortFrom(peer, "why")`
   * admits more clients of the VPC on the association's ports.
   */
  public readonly connections: Connections;

  constructor(scope: Construct, id: string, props: ServiceNetworkVpcAssociationProps) {
    super(scope, id);
    requireProps(this, props, ["serviceNetwork", "vpc"]);
    checkKnownProps(this, props, VPC_ASSOCIATION_PROPS);
    checkObject(this, "vpc", props.vpc);
    requireValue(this, "vpc.vpcId", props.vpc.vpcId, "a VPC: a Vpc, or one imported with Vpc.fromVpcAttributes");
    // Before the VPC is registered as associated: a refused association must leave no trace.
    const provider = vpcOwnerProviderOf(this, props, props.vpc, "service network VPC associations");
    this.registerVpc(props.vpc);
    checkSameRegion(this, props.serviceNetwork, providerOf(props, props.vpc));
    const ports = this.checkPorts(props.ports);
    const given = checkList(this, "securityGroups", props.securityGroups);
    // A JavaScript caller's bare sg- ID has no securityGroupId: the association went out with no group at all, admitting every client of the VPC.
    given?.forEach((group, i) => checkIsSecurityGroup(this, `securityGroups[${i}]`, group));
    checkItemCount(
      this,
      "securityGroups",
      given?.map((g) => g.securityGroupId),
      1,
      AWS_LIMITS.securityGroupsPerServiceNetworkVpcAssociation,
    );
    given?.forEach((group, i) => checkInVpc(this, `securityGroups[${i}]`, group.vpcId, props.vpc, "a security group"));
    const open = checkBoolean(this, "open", props.open);
    if (given !== undefined && (open !== undefined || props.allowedPeers !== undefined)) {
      throw new ValidationError(
        this,
        open !== undefined ? "open" : "allowedPeers",
        open ?? props.allowedPeers,
        "nothing beside securityGroups: add rules to given groups through connections",
      );
    }
    if (given === undefined)
      this.securityGroup = new SecurityGroup(this, "SecurityGroup", {
        vpc: props.vpc,
        provider,
        description: "Clients of this VPC allowed into the VPC Lattice service network",
      });
    const groups = given ?? (this.securityGroup === undefined ? [] : [this.securityGroup]);
    this.connections = new AssociationConnections(this, groups, ports, props.vpc.ipv6CidrBlock !== undefined);
    const created = this.securityGroup;
    if (created !== undefined) {
      this.admitClients(props, ports, open);
      checkAtSynth(this, () => {
        // Not open: the caller's own rules on the group say which ports it opens (none yet: they are added elsewhere, unchecked).
        const opened = open === false ? created.ingressPortRanges() : ports;
        if (opened.length > 0) checkMemberPorts(this, props.serviceNetwork, opened, open !== false && props.ports === undefined, "association");
      });
    }

    const shared = [props.serviceNetwork];
    const dependsOn = dependsOnOf(this, shared, provider, props.dependsOn);
    this.resource = new VpclatticeServiceNetworkVpcAssociation(this, "Resource", {
      provider,
      // The ARN, not the ID: an account the network is shared with can only name it by ARN.
      serviceNetworkIdentifier: props.serviceNetwork.serviceNetworkArn,
      vpcIdentifier: props.vpc.vpcId,
      securityGroupIds: groups.map((g) => g.securityGroupId),
      dependsOn,
      tags: checkTags(this, "tags", props.tags),
    });
    waitForSharesAtSynth(this, this.resource, shared, provider, dependsOn);
    this.associationId = this.resource.id;
  }

  private registerVpc(vpc: IVpc): void {
    // An association made elsewhere that the imported VPC declares (VpcAttributes.serviceNetworkAssociation).
    const made = vpc.serviceNetworkAssociation;
    if (made !== undefined && !isUnresolved(made)) {
      throw new ValidationError(
        this,
        "vpc",
        isUnresolved(vpc.vpcId) ? describeVpc(vpc) : vpc.vpcId,
        `a VPC without a service network association (it has ${made} already, VpcAttributes.serviceNetworkAssociation): AWS allows one service network association per VPC; reach another network with a ServiceNetworkEndpoint`,
      );
    }
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

  /** The association's ports: at least one, each a valid range, each once. */
  private checkPorts(given: readonly PortRange[] | undefined): readonly PortRange[] {
    const ports = checkList(this, "ports", given) ?? [Port.tcp(443)];
    checkItemCount(this, "ports", ports, 1);
    ports.forEach((port, i) => {
      checkObject(this, `ports[${i}]`, port);
      checkPort(this, `ports[${i}].from`, port.from);
      checkPort(this, `ports[${i}].to`, port.to);
      const first = ports.findIndex((other) => other.from === port.from && other.to === port.to);
      if (first !== i)
        throw new ValidationError(this, `ports[${i}]`, formatPortRange(port), `each port once (ports[${first}] is ${formatPortRange(port)} already)`);
    });
    return ports;
  }

  /** The created group admits the VPC's clients, or the deprecated `allowedPeers`, unless `open: false`. */
  private admitClients(props: ServiceNetworkVpcAssociationProps, ports: readonly PortRange[], open: boolean | undefined): void {
    const allowedPeers = checkList(this, "allowedPeers", props.allowedPeers);
    if (allowedPeers !== undefined && open === false) {
      throw new ValidationError(
        this,
        "allowedPeers",
        allowedPeers,
        "nothing with open: false (admit peers through connections.allowDefaultPortFrom)",
      );
    }
    if (open === false) return;
    checkItemCount(this, "allowedPeers", allowedPeers, 1);
    const peers = allowedPeers ?? vpcClientPeers(props.vpc, { ipv6: true });
    for (const peer of peers) {
      for (const port of ports) this.connections.allowFrom(peer, port, "Clients to VPC Lattice service network");
    }
  }
}

/** A member of a network as errors show it: its construct path, else its ARN. */
function describeMember(member: object, arn: string): string {
  return Construct.isConstruct(member) ? member.node.path : arn;
}

/** The region a network lives in, when synth knows it: from its literal ARN, else its provider's. */
function regionOfNetwork(scope: IConstruct, serviceNetwork: IServiceNetwork): string | undefined {
  if (!isUnresolved(serviceNetwork.serviceNetworkArn)) return parseArn(serviceNetwork.serviceNetworkArn)?.region;
  return literalRegionOf(scope, serviceNetwork.provider);
}

/** VPC Lattice associates a network only with VPCs, services and resource configurations of its own region. */
function checkSameRegion(scope: IConstruct, serviceNetwork: IServiceNetwork, provider: TerraformProvider | undefined): void {
  const network = regionOfNetwork(scope, serviceNetwork);
  const here = literalRegionOf(scope, provider);
  if (network !== undefined && here !== undefined && network !== here) {
    const shown = Construct.isConstruct(serviceNetwork) ? serviceNetwork.node.path : serviceNetwork.serviceNetworkArn;
    throw new ValidationError(
      scope,
      "serviceNetwork",
      shown,
      `a service network of ${here}, the association's region (this one is in ${network}; VPC Lattice associates within one region)`,
    );
  }
}

/** Paths of the service and resource configuration associations of the app, by network and member: each member joins a network once. */
const memberAssociations = new AppRegistry<string, string>();

/** What identifies a network or member at synth: its literal ARN, else the construct (its path). */
function identityOf(value: { readonly provider?: TerraformProvider }, arn: string): string {
  return !isUnresolved(arn) ? arn : Construct.isConstruct(value) ? value.node.path : arn;
}

/** Fails when the member is already in the network (under another name): AWS associates it once. */
function claimMembership(
  association: Construct,
  prop: string,
  serviceNetwork: IServiceNetwork,
  member: { readonly provider?: TerraformProvider },
  memberArn: string,
): void {
  const key = `${identityOf(serviceNetwork, serviceNetwork.serviceNetworkArn)} ${identityOf(member, memberArn)}`;
  const registry = memberAssociations.of(association);
  const existing = registry.get(key);
  if (existing !== undefined) {
    throw new ValidationError(
      association,
      prop,
      identityOf(member, memberArn),
      `a ${prop === "service" ? "service" : "resource configuration"} not in the network yet (${existing} already associates it)`,
    );
  }
  registry.set(key, association.node.path);
}

/** Paths of the service associations of the app, by network and custom domain name: VPC Lattice holds each name once per network. */
const networkDomainNames = new AppRegistry<string, string>();

/**
 * Fails when another service of the network (associated in this app)
 * serves the same custom domain name: VPC Lattice requires custom domain
 * names to be unique within a service network, and refuses the second
 * association at apply (the name would not tell the services apart).
 */
function claimCustomDomainName(association: Construct, serviceNetwork: IServiceNetwork, service: ILatticeService): void {
  const domainName = (service as { readonly customDomainName?: unknown }).customDomainName;
  if (typeof domainName !== "string" || isUnresolved(domainName)) return;
  const key = `${identityOf(serviceNetwork, serviceNetwork.serviceNetworkArn)} ${canonicalDnsName(domainName)}`;
  const registry = networkDomainNames.of(association);
  const existing = registry.get(key);
  if (existing !== undefined) {
    throw new ValidationError(
      association,
      "service",
      describeMember(service, service.serviceArn),
      `a service whose custom domain name no other service of network ${describeNetwork(serviceNetwork)} has (${existing} associates a service with ${domainName} already): VPC Lattice requires custom domain names to be unique within a service network`,
    );
  }
  registry.set(key, association.node.path);
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
  /** Tags of the association. @default - none */
  readonly tags?: Readonly<Record<string, string>>;
}

/** What associateService takes beside the service. @internal */
export const SERVICE_ASSOCIATION_OPTIONS: Record<keyof Omit<ServiceNetworkServiceAssociationProps, "serviceNetwork" | "service">, true> = {
  provider: true,
  dependsOn: true,
  tags: true,
};

const SERVICE_ASSOCIATION_PROPS: Record<keyof ServiceNetworkServiceAssociationProps, true> = {
  ...SERVICE_ASSOCIATION_OPTIONS,
  serviceNetwork: true,
  service: true,
};

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
    requireProps(this, props, ["serviceNetwork", "service"]);
    checkKnownProps(this, props, SERVICE_ASSOCIATION_PROPS);
    checkMemberArn(this, "service", props.service, props.service.serviceArn, "latticeService");
    if (props.serviceNetwork.resourceConfigurationsOnly === true) {
      throw new ValidationError(
        this,
        "serviceNetwork",
        describeNetwork(props.serviceNetwork),
        "a service network for services: this one holds resource configurations only and has no auth policy (make it without resourceConfigurationsOnly, with an authPolicy)",
      );
    }
    // A network of another account that is not shared through RAM takes its members from its own account (the service shared with it).
    const provider = memberAssociationProvider(this, props.provider, props.serviceNetwork, props.service, "service");
    checkSameRegion(this, props.serviceNetwork, provider);
    claimMembership(this, "service", props.serviceNetwork, props.service, props.service.serviceArn);
    claimCustomDomainName(this, props.serviceNetwork, props.service);
    const services = networkServices.of(this);
    services.set(props.serviceNetwork, [...(services.get(props.serviceNetwork) ?? []), props.service]);
    warnOverAssociationQuota(this, "service", props.serviceNetwork);
    checkAtSynth(this, () => checkAnonymousCallers(this, props.serviceNetwork, props.service));
    checkAtSynth(this, () => checkCommonCallers(this, props.serviceNetwork, props.service));
    const shared = [props.serviceNetwork, props.service];
    const dependsOn = dependsOnOf(this, shared, provider, props.dependsOn);
    this.resource = new VpclatticeServiceNetworkServiceAssociation(this, "Resource", {
      provider,
      serviceNetworkIdentifier: props.serviceNetwork.serviceNetworkArn,
      serviceIdentifier: props.service.serviceArn,
      dependsOn,
      tags: checkTags(this, "tags", props.tags),
    });
    waitForSharesAtSynth(this, this.resource, shared, provider, dependsOn);
  }
}

/**
 * The resources an association waits for: what it was given (a JavaScript
 * caller's single value, which would be spread into its characters, fails
 * here), then what the share gates of its network and of its member (a
 * resource configuration shared with `provider`'s account) add for that account.
 */
function dependsOnOf(
  scope: Construct,
  shared: readonly object[],
  provider: TerraformProvider | undefined,
  dependsOn: readonly ITerraformDependable[] | undefined,
): ITerraformDependable[] | undefined {
  const given = checkList(scope, "dependsOn", dependsOn) ?? [];
  given.forEach((dependable, i) => checkObject(scope, `dependsOn[${i}]`, dependable));
  const all = [...given];
  for (const target of shared)
    for (const dependable of shareDependenciesOf(scope, target, provider, "associate with")) if (!all.includes(dependable)) all.push(dependable);
  return all.length === 0 ? undefined : all;
}

/**
 * Asks the share gates of `shared` again at synth, once every share of the
 * app is known: a network or configuration shared after the association is
 * made (a `ResourceShare` of its ARN written further down) is waited for too.
 */
function waitForSharesAtSynth(
  scope: Construct,
  resource: TerraformResource,
  shared: readonly object[],
  provider: TerraformProvider | undefined,
  dependsOn: readonly ITerraformDependable[] | undefined,
): void {
  for (const target of shared) waitForShare(scope, resource, target, provider, dependsOn, "associate with");
}

/**
 * Fails on a member that is not a service or configuration of this library
 * (a JavaScript caller's object literal): without a well-formed ARN the
 * association's identifier would be missing or refused at apply.
 */
function checkMemberArn(
  scope: Construct,
  prop: string,
  member: object,
  arn: string | undefined,
  kind: "latticeService" | "resourceConfiguration",
): void {
  checkObject(scope, prop, member);
  const [arnProp, made] =
    kind === "latticeService"
      ? ["serviceArn", "a LatticeService, or one imported with LatticeService.fromLatticeServiceAttributes"]
      : ["resourceConfigurationArn", "a ResourceConfiguration, or one imported with ResourceConfiguration.fromResourceConfigurationAttributes"];
  requireValue(scope, `${prop}.${arnProp}`, arn, `the ARN of ${made}`);
  checkArn(scope, `${prop}.${arnProp}`, arn, kind);
}

/** A network as errors show it: its construct path, else its ARN. */
function describeNetwork(serviceNetwork: IServiceNetwork): string {
  return describeMember(serviceNetwork, serviceNetwork.serviceNetworkArn);
}

/**
 * Fails when a TLS_PASSTHROUGH listener of the service joins a network whose
 * auth policy admits no anonymous caller: with TLS listeners AWS evaluates
 * only anonymous principals, so the network would deny every connection.
 */
function checkAnonymousCallers(association: Construct, serviceNetwork: IServiceNetwork, service: ILatticeService): void {
  const admits = (serviceNetwork as { admitsAnonymousCallers?: () => boolean | undefined }).admitsAnonymousCallers?.();
  if (admits !== false) return;
  const tls = listenersOf(association, service).find((l) => l.protocol === "TLS_PASSTHROUGH");
  if (tls === undefined) return;
  throw new ValidationError(
    association,
    "serviceNetwork",
    describeNetwork(serviceNetwork),
    `a network whose auth policy has ${ANONYMOUS_GRANT}: listener "${tls.name}" of the service is TLS_PASSTHROUGH, and with TLS listeners AWS evaluates only anonymous principals, so this network's policy would deny every connection`,
  );
}

/**
 * Fails when the network's and the service's auth policies have no caller
 * in common: a request needs an Allow from both, so every request would be
 * denied. Only when both policies are known at synth and their Allow grants
 * name accounts, or organizations, that no grant of the other names (see
 * {@link disjointCallers}); grants of anyone, or an account beside an
 * organization, may share a caller and pass.
 */
function checkCommonCallers(association: Construct, serviceNetwork: IServiceNetwork, service: ILatticeService): void {
  const network = (serviceNetwork as { allowedCallers?: () => readonly AllowedCallers[] | undefined }).allowedCallers?.();
  const own = (service as { allowedCallers?: () => readonly AllowedCallers[] | undefined }).allowedCallers?.();
  if (network === undefined || own === undefined || network.length === 0 || own.length === 0) return;
  if (!network.every((n) => own.every((s) => disjointCallers(n, s)))) return;
  throw new ValidationError(
    association,
    "service",
    describeMember(service, service.serviceArn),
    `a service whose auth policy allows a caller the network's auth policy allows too (the network's allows only ${describeCallers(network)}, the service's only ${describeCallers(own)}): a request needs an Allow from both policies, so every request would be denied`,
  );
}

/**
 * Fails when a network this configuration shares through RAM gets a
 * configuration that does not allow shareable networks: AWS refuses that
 * association at apply.
 */
function checkShareableNetwork(association: Construct, serviceNetwork: IServiceNetwork, configuration: IResourceConfiguration): void {
  if (serviceNetwork.sharedThroughRam !== true || configuration.allowsShareableServiceNetworks !== false) return;
  throw new ValidationError(
    association,
    "resourceConfiguration",
    describeMember(configuration, configuration.resourceConfigurationArn),
    `a configuration made with allowAssociationToShareableServiceNetwork: OptOut.because("<why>"): service network ${describeNetwork(serviceNetwork)} is shared through RAM, and AWS refuses to associate a configuration that does not allow shareable networks (or share the configuration itself instead)`,
  );
}

/**
 * The account that makes a member's association: the one given, else the
 * member's (a service's or configuration's owner associates it with a
 * network of its own account, or with one shared with it). A network made here and not shared
 * through RAM is seen by its own account only: a member of another account
 * is associated from the network's account (the member shared with it, as
 * AWS lets consumers put shared configurations in their networks), and a
 * provider of another account than the network's fails, as AWS would
 * refuse the association at apply (the network is not found).
 */
function memberAssociationProvider(
  scope: IConstruct,
  given: TerraformProvider | undefined,
  serviceNetwork: IServiceNetwork,
  member: { readonly provider?: TerraformProvider },
  kind: string,
): TerraformProvider | undefined {
  const networkAccount = serviceNetwork.sharedThroughRam === false ? literalAccountOf(scope, serviceNetwork.provider) : undefined;
  if (networkAccount === undefined) return given ?? member.provider;
  if (given !== undefined) {
    const own = literalAccountOf(scope, given);
    if (own === undefined || own === networkAccount) return given;
    throw new ValidationError(
      scope,
      "provider",
      `${given.alias ?? "default"} (account ${own})`,
      `a provider of account ${networkAccount}, the owner of service network ${describeNetwork(serviceNetwork)}, or none: the network is not shared through RAM, so only its own account associates with it (share the ${kind} with that account, or the network with sharing)`,
    );
  }
  const memberAccount = literalAccountOf(scope, member.provider);
  return memberAccount !== undefined && memberAccount !== networkAccount ? serviceNetwork.provider : member.provider;
}

/** Props for ServiceNetworkResourceAssociation. */
export interface ServiceNetworkResourceAssociationProps {
  /** The network to put the resource configuration in, named by ARN so that a shared network works. */
  readonly serviceNetwork: IServiceNetwork;
  /** The resource configuration (a database, a DNS name or an IP behind a resource gateway) to make reachable. */
  readonly resourceConfiguration: IResourceConfiguration;
  /**
   * The account that makes the association: it must have both the network
   * and the configuration (its own, or shared with it through RAM).
   * @default - the resource configuration's provider; for a network made here that is not shared, of another account than the configuration's, the network's provider (the configuration must be shared with that account)
   */
  readonly provider?: TerraformProvider;
  /** @default - nothing beyond the references */
  readonly dependsOn?: readonly ITerraformDependable[];
  /** Tags of the association. @default - none */
  readonly tags?: Readonly<Record<string, string>>;
}

/** What associateResourceConfiguration takes beside the configuration. @internal */
export const RESOURCE_ASSOCIATION_OPTIONS: Record<
  keyof Omit<ServiceNetworkResourceAssociationProps, "serviceNetwork" | "resourceConfiguration">,
  true
> = {
  provider: true,
  dependsOn: true,
  tags: true,
};

const RESOURCE_ASSOCIATION_PROPS: Record<keyof ServiceNetworkResourceAssociationProps, true> = {
  ...RESOURCE_ASSOCIATION_OPTIONS,
  serviceNetwork: true,
  resourceConfiguration: true,
};

/**
 * Puts a VPC Lattice resource configuration in a service network, so that
 * the network's VPCs and endpoints reach the resource.
 *
 * Creates: aws_vpclattice_service_network_resource_association.
 */
export class ServiceNetworkResourceAssociation extends Construct {
  /** The underlying `aws_vpclattice_service_network_resource_association`, as an escape hatch. */
  public readonly resource: VpclatticeServiceNetworkResourceAssociation;
  /** The name clients of the network's VPCs dial for the configuration's resource (the association's generated `dns_entry`), known at apply. */
  public readonly dnsName: string;

  constructor(scope: Construct, id: string, props: ServiceNetworkResourceAssociationProps) {
    super(scope, id);
    requireProps(this, props, ["serviceNetwork", "resourceConfiguration"]);
    checkKnownProps(this, props, RESOURCE_ASSOCIATION_PROPS);
    checkMemberArn(
      this,
      "resourceConfiguration",
      props.resourceConfiguration,
      props.resourceConfiguration.resourceConfigurationArn,
      "resourceConfiguration",
    );
    checkNotChildConfiguration(this, "resourceConfiguration", props.resourceConfiguration, "associates with a service network");
    checkShareableNetwork(this, props.serviceNetwork, props.resourceConfiguration);
    const provider = memberAssociationProvider(this, props.provider, props.serviceNetwork, props.resourceConfiguration, "resource configuration");
    checkSameRegion(this, props.serviceNetwork, provider);
    claimMembership(
      this,
      "resourceConfiguration",
      props.serviceNetwork,
      props.resourceConfiguration,
      props.resourceConfiguration.resourceConfigurationArn,
    );
    const configurations = networkResourceConfigurations.of(this);
    configurations.set(props.serviceNetwork, [...(configurations.get(props.serviceNetwork) ?? []), props.resourceConfiguration]);
    warnOverAssociationQuota(this, "resource configuration", props.serviceNetwork);
    const shared = [props.serviceNetwork, props.resourceConfiguration];
    const dependsOn = dependsOnOf(this, shared, provider, props.dependsOn);
    this.resource = new VpclatticeServiceNetworkResourceAssociation(this, "Resource", {
      provider,
      serviceNetworkIdentifier: props.serviceNetwork.serviceNetworkArn,
      resourceConfigurationIdentifier: props.resourceConfiguration.resourceConfigurationArn,
      dependsOn,
      tags: checkTags(this, "tags", props.tags),
    });
    waitForSharesAtSynth(this, this.resource, shared, provider, dependsOn);
    this.dnsName = this.resource.dnsEntry.get(0).domainName;
  }
}
