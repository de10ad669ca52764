import { IConstruct } from "constructs";
import { checkKnownProps, formatPortRange, isUnresolved, nameFromPath, PortRange, ValidationError } from "../core";
import { checkPortRangeKeys, egressPeersFor, ISecurityGroup, Peer, SecurityGroupBase } from "./security-group";

/** Something with a network presence: its security groups decide who reaches it and whom it reaches. */
export interface IConnectable {
  /** The security groups of the thing, and the rules to add to them. */
  readonly connections: Connections;
}

/** What {@link Connections} manages. */
export interface ConnectionsProps {
  /** The security groups of the thing (created here or imported with `SecurityGroup.fromSecurityGroupAttributes`). @default - none yet: add with addSecurityGroup() */
  readonly securityGroups?: readonly ISecurityGroup[];
  /** The port clients use, for `allowDefaultPortFrom`. @default - none: `allowDefaultPort*` fail */
  readonly defaultPort?: PortRange;
  /**
   * The only TCP ports the thing answers on (an interface endpoint's service
   * ports): a rule letting traffic in to it on another port or over UDP
   * fails, whichever side adds it (`allowFrom` here, another side's
   * `allowTo` it), since it would open a port that carries nothing while
   * the one the clients need stays closed.
   * @default - any port
   */
  readonly servedPorts?: readonly PortRange[];
  /**
   * What the other side's rules name instead of the groups, as aws-cdk-lib's
   * `ConnectionsProps.peer`: a gateway endpoint's prefix list (it has no
   * groups: rules then go on the other side's groups only, and
   * `client.connections.allowTo(gatewayEndpoint, ...)` adds the client's
   * egress to the prefix list), or the VPC Lattice range for a service
   * network association (its groups admit clients, but the clients send to
   * VPC Lattice, so their egress rules name its range, not the groups).
   * Several peers get a rule each: VPC Lattice's IPv4 and IPv6 ranges for a
   * dual-stack VPC's association.
   * @default - the security groups are the peer
   */
  readonly peer?: Peer | readonly Peer[];
}

/** Options of one rule added through connections. */
export interface ConnectionRuleOptions {
  /** @default "tcp" */
  readonly protocol?: "tcp" | "udp";
}

/**
 * Who may talk to a thing on which ports, in aws-cdk-lib's style: the one
 * way to open a port on an endpoint, a load balancer, a target group's
 * targets, a resource gateway or an imported group.
 * `a.connections.allowFrom(b, Port.tcp(443), "why")` adds the ingress rule on
 * `a`'s groups and, when `b` has groups this library manages, the matching
 * egress rule on `b`'s, so traffic leaves one and enters the other (an
 * egress rule to a group of another VPC that no VPC peering joins names that
 * VPC's CIDR instead: AWS takes group references over a transit gateway in
 * inbound rules only; a group imported with `allowAllOutbound: true` gets
 * no egress rule, its own let the traffic out). Rules
 * are keyed by direction, protocol, ports and peer: the same rule added
 * twice fails (also when the group's own rule names the peer otherwise,
 * which AWS would refuse at apply; a mirror rule the other side has already
 * is kept, not added again), and a rule keeps its Terraform address whoever
 * adds it.
 */
export class Connections implements IConnectable {
  /** The port clients use by default. @default - none */
  public readonly defaultPort?: PortRange;
  /** What the other side's rules name instead of this thing's groups. @default - the groups */
  public readonly peer?: Peer | readonly Peer[];
  /** The only TCP ports the thing answers on. @default - any port */
  public readonly servedPorts?: readonly PortRange[];
  /** `peer` as a list; empty when the groups are the peer. */
  private readonly ownPeers: readonly Peer[];
  private readonly groups: ISecurityGroup[];

  constructor(
    /** The construct whose groups these are: errors name it. */
    private readonly owner: IConstruct,
    props: ConnectionsProps = {},
  ) {
    checkKnownProps(owner, props, CONNECTIONS_PROPS);
    this.groups = [...(props.securityGroups ?? [])];
    this.defaultPort = props.defaultPort;
    this.peer = props.peer;
    this.servedPorts = props.servedPorts;
    this.ownPeers = peerList(props.peer);
  }

  /** Itself, so that a Connections is an IConnectable. */
  public get connections(): Connections {
    return this;
  }

  /** The security groups, in the order added. */
  public get securityGroups(): readonly ISecurityGroup[] {
    return this.groups;
  }

  /** A peer without groups (a gateway endpoint's prefix list): rules only ever go on the other side. */
  private get standsForPeer(): boolean {
    return this.ownPeers.length > 0 && this.groups.length === 0;
  }

  /** Adds groups (each once). */
  public addSecurityGroup(...groups: ISecurityGroup[]): void {
    if (this.standsForPeer)
      throw new ValidationError(
        this.owner,
        "connections.addSecurityGroup",
        groups.length,
        `no security groups: ${this.owner.node.path} has none (it stands for ${this.ownPeers.map((p) => p.key).join(", ")})`,
      );
    for (const group of groups) if (!this.groups.includes(group)) this.groups.push(group);
  }

  /** Lets `other` (a peer, or something with connections) in on `port`. */
  public allowFrom(other: Peer | IConnectable, port: PortRange, description: string, options: ConnectionRuleOptions = {}): void {
    this.connect("ingress", other, port, description, options);
  }

  /** Lets traffic out to `other` on `port`. */
  public allowTo(other: Peer | IConnectable, port: PortRange, description: string, options: ConnectionRuleOptions = {}): void {
    this.connect("egress", other, port, description, options);
  }

  /** Lets `other` in on the default port. */
  public allowDefaultPortFrom(other: Peer | IConnectable, description: string): void {
    this.allowFrom(other, this.requireDefaultPort("allowDefaultPortFrom"), description);
  }

  /** Lets traffic out to `other` on its default port. */
  public allowDefaultPortTo(other: IConnectable, description: string): void {
    const port = other.connections.defaultPort;
    if (port === undefined)
      throw new ValidationError(
        this.owner,
        "allowDefaultPortTo",
        describe(other),
        "something with a default port (its connections were made with defaultPort)",
      );
    this.allowTo(other, port, description);
  }

  private requireDefaultPort(method: string): PortRange {
    if (this.defaultPort === undefined)
      throw new ValidationError(this.owner, method, undefined, "connections with a defaultPort; use allowFrom(peer, port, description)");
    return this.defaultPort;
  }

  private connect(
    direction: "ingress" | "egress",
    other: Peer | IConnectable,
    port: PortRange,
    description: string,
    options: ConnectionRuleOptions,
  ): void {
    const prop = direction === "ingress" ? "connections.allowFrom" : "connections.allowTo";
    checkKnownProps(this.owner, options, CONNECTION_RULE_OPTIONS);
    if (other === undefined || other === null || !(other instanceof Peer || isConnectable(other))) {
      throw new ValidationError(this.owner, prop, other, "a Peer (Peer.cidr, Peer.securityGroup, Peer.prefixList) or something with connections");
    }
    if (port === undefined || port === null || typeof port !== "object")
      throw new ValidationError(this.owner, `${prop}.port`, port, "a port range such as Port.tcp(443)");
    checkPortRangeKeys(this.owner, `${prop}.port`, port);
    // Traffic goes in to this thing (allowFrom) or to the other (allowTo): the receiving side says which ports carry anything.
    const receiving = direction === "ingress" ? this : other instanceof Peer ? undefined : other.connections;
    if (receiving !== undefined) this.checkServed(`${prop}.port`, receiving, port, options.protocol ?? "tcp");
    // A thing standing for a peer has no groups of its own: the rule goes on the other side only.
    const own = this.standsForPeer ? [] : this.managedGroups(prop);
    const ownPeers = this.ownPeers.length === 0 ? own.map((g) => peerOf(g)) : this.ownPeers;
    const peers = other instanceof Peer ? [other] : peersOf(other.connections);
    // What else a client of `other` must reach it through (a pattern's gateway endpoints beside its interface endpoints).
    const alsoReached =
      direction === "egress" && !(other instanceof Peer) ? other.connections.clientEgressRules(own, port, options.protocol ?? "tcp") : [];
    if (peers.length === 0 && alsoReached.length > 0) {
      for (const { group, peer, ports } of alsoReached)
        group.addRuleFor(this.owner, prop, "Egress", { peer, ports, description }, { unlessPresent: true });
      return;
    }
    if (peers.length === 0) throw new ValidationError(this.owner, prop, describe(other), "something with at least one security group");
    const mirrored = other instanceof Peer ? [] : other.connections.securityGroups.filter(SecurityGroupBase.isSecurityGroupBase);
    if (this.standsForPeer && mirrored.length === 0)
      throw new ValidationError(
        this.owner,
        prop,
        describe(other),
        `something with security groups this library can add rules to: ${this.owner.node.path} has none (it stands for ${this.ownPeers.map((p) => p.key).join(", ")})`,
      );
    const [here, there] = direction === "ingress" ? (["Ingress", "Egress"] as const) : (["Egress", "Ingress"] as const);
    // A mirror rule that is there already (the client's own egress rule to VPC Lattice's range) lets the same traffic through:
    // only this side's rule, added first, says whether the call repeats one.
    const add = (group: SecurityGroupBase, way: "Ingress" | "Egress", peer: Peer, mirror: boolean) => {
      const rule = (to: Peer) => ({ peer: to, ports: port, protocol: options.protocol, description });
      if (way === "Ingress") return group.addRuleFor(this.owner, prop, way, rule(peer), { unlessPresent: mirror });
      // An imported group whose own rules let everything out takes no egress rule: its egress is the configuration's that manages it.
      if (group.allowsAllOutbound) return;
      // A group of another VPC, reached over a transit gateway, is named by its VPC's CIDR: AWS takes no outbound references there.
      const to = egressPeersFor(group, peer);
      for (const p of to) group.addRuleFor(this.owner, prop, way, rule(p), { unlessPresent: mirror || to[0] !== peer });
    };
    for (const group of own) {
      for (const peer of peers) add(group, here, peer, false);
    }
    // The other side's managed groups get the mirror rule: traffic must leave one group and enter the other.
    for (const group of mirrored) {
      for (const peer of ownPeers) add(group, there, peer, true);
    }
    // Each once: a rule the client already has (allowDefaultPortTo(gateway)) lets the same traffic through.
    for (const { group, peer, ports } of alsoReached)
      group.addRuleFor(this.owner, prop, "Egress", { peer, ports, description }, { unlessPresent: true });
  }

  /**
   * The egress rules a client's groups need, beyond the rules naming this
   * thing's peers, to reach it on `port`: none here; PrivateAwsServiceAccess
   * names its gateway endpoints' prefix lists (S3's, where ECR's image
   * layers come from), which have no groups to name. Read by the client's
   * `allowTo` and by this side's `allowFrom`.
   * @internal
   */
  public clientEgressRules(
    _clientGroups: readonly SecurityGroupBase[],
    _port: PortRange,
    _protocol: "tcp" | "udp",
  ): readonly { readonly group: SecurityGroupBase; readonly peer: Peer; readonly ports: PortRange }[] {
    return [];
  }

  /**
   * Fails unless every port of `port` is one `receiving` answers on (when it
   * says, `servedPorts`), over TCP. Ports only Terraform knows are not judged.
   */
  private checkServed(prop: string, receiving: Connections, port: PortRange, protocol: string): void {
    const served = receiving.servedPorts;
    if (served === undefined || isUnresolved(served) || served.some((r) => isUnresolved(r.from) || isUnresolved(r.to))) return;
    if (isUnresolved(port.from) || isUnresolved(port.to) || typeof port.from !== "number" || typeof port.to !== "number") return;
    const answered = (p: number) => served.some((r) => r.from <= p && p <= r.to);
    let carried = protocol === "tcp";
    for (let p = port.from; carried && p <= port.to; p++) carried = answered(p);
    if (carried) return;
    const owner = receiving.owner.node.path;
    throw new ValidationError(
      this.owner,
      prop,
      `${protocol} ${formatPortRange(port)}`,
      `a port ${owner} serves: TCP ${served.map(formatPortRange).join(", ")} (a rule on another port, or over UDP, opens a port that carries nothing while the one its clients need stays closed)`,
    );
  }

  private managedGroups(prop: string): SecurityGroupBase[] {
    if (this.groups.length === 0)
      throw new ValidationError(this.owner, prop, [], `at least one security group on ${this.owner.node.path} to add the rule to`);
    const unmanaged = this.groups.find((g) => !SecurityGroupBase.isSecurityGroupBase(g));
    if (unmanaged !== undefined) {
      throw new ValidationError(
        this.owner,
        prop,
        unmanaged.securityGroupId,
        "security groups this library can add rules to: a SecurityGroup, or one imported with SecurityGroup.fromSecurityGroupAttributes",
      );
    }
    return this.groups as SecurityGroupBase[];
  }
}

/** True for values with connections. */
export function isConnectable(value: unknown): value is IConnectable {
  return value !== null && typeof value === "object" && "connections" in value && (value as IConnectable).connections instanceof Connections;
}

/** What rules about `connections` name: its peer, else its groups. */
function peersOf(connections: Connections): readonly Peer[] {
  const peers = peerList(connections.peer);
  return peers.length > 0 ? peers : connections.securityGroups.map((group) => peerOf(group));
}

/** A group as a rule's peer, keyed by its construct path (stable), else its ID. */
function peerOf(group: ISecurityGroup): Peer {
  const name = group instanceof SecurityGroupBase ? nameFromPath(group) : group.securityGroupId;
  return Peer.securityGroup(group, name);
}

function describe(other: unknown): string {
  if (other instanceof Peer) return other.cidr ?? other.key;
  return other !== null && typeof other === "object" && "node" in other ? (other as IConstruct).node.path : String(other);
}

const CONNECTIONS_PROPS: Record<keyof ConnectionsProps, true> = { securityGroups: true, defaultPort: true, servedPorts: true, peer: true };

const CONNECTION_RULE_OPTIONS: Record<keyof ConnectionRuleOptions, true> = { protocol: true };

/** `ConnectionsProps.peer` as a list (empty when unset). */
function peerList(peer: Peer | readonly Peer[] | undefined): readonly Peer[] {
  return peer === undefined ? [] : peer instanceof Peer ? [peer] : [...peer];
}
