import { Annotations } from "../../core/cdktf";
import { Construct, IConstruct } from "constructs";
import {
  PortRange,
  checkInstance,
  checkItemCount,
  checkKnownProps,
  checkList,
  checkObject,
  checkOneOf,
  closestMatch,
  isUnresolved,
  Port,
  providerOf,
  requireProps,
  resolveRegion,
  stableId,
  ValidationError,
  propsFor,
} from "../../core";
import {
  checkInVpc,
  checkSubnetObjects,
  ConnectionRuleOptions,
  Connections,
  ConnectionsProps,
  IConnectable,
  IpAddressType,
  ISecurityGroup,
  ISubnet,
  IVpc,
  Peer,
  SecurityGroup,
  SecurityGroupBase,
  vpcClientPeers,
} from "../../vpc";
import { AwsService } from "../aws-service";
import {
  addEndpointIngressRules,
  checkPeers,
  DnsRecordIpType,
  EndpointTimeouts,
  hasIpv6Addresses,
  NETWORK_ENDPOINT_PROPS,
  NetworkEndpointProps,
} from "../endpoint-base";
import { EndpointPolicy, EndpointPolicyPrincipals, S3BucketsOptions } from "../endpoint-policy";
import { GatewayEndpoint } from "../gateway-endpoint";
import { EndpointSubnetAddress, InterfaceEndpoint } from "../interface-endpoint";
import { EndpointOutputValue, gatewayOutputValues, IEndpointOutputs, interfaceOutputValues } from "../outputs";

/** One AWS service a VPC reaches privately, and how; each optional field overrides the pattern's own for this service's endpoint. */
export interface ServiceAccess {
  /** The service, e.g. `AwsService.LOGS`. */
  readonly service: AwsService;
  /** What may be done through the endpoint. */
  readonly policy: EndpointPolicy;
  /**
   * Gateway (S3 and DynamoDB: free, route-table based) or Interface.
   * @default "Interface"
   */
  readonly endpointType?: "Gateway" | "Interface";
  /** @default - the InterfaceEndpoint default */
  readonly privateDnsEnabled?: boolean;
  /** Interface: subnets of this endpoint (for a service offered in fewer AZs); Gateway: the subnets whose route tables get the route. @default - the pattern's `subnets` */
  readonly subnets?: readonly ISubnet[];
  /** Interface only: groups of this endpoint instead of the shared one. @default - the pattern's `securityGroups`, else the shared group */
  readonly securityGroups?: readonly ISecurityGroup[];
  /** Interface only. @default - the pattern's `ipAddressType` */
  readonly ipAddressType?: IpAddressType;
  /** Interface only. @default - the pattern's `dnsRecordIpType` */
  readonly dnsRecordIpType?: DnsRecordIpType;
  /** Interface only: fixed addresses of this endpoint's network interfaces. @default - AWS picks the addresses */
  readonly subnetAddresses?: readonly EndpointSubnetAddress[];
  /** Tags of this endpoint, over the pattern's `tags`. @default - the pattern's `tags` */
  readonly tags?: Readonly<Record<string, string>>;
  /** Interface only. @default - the pattern's `timeouts` */
  readonly timeouts?: EndpointTimeouts;
}

/** Fields of a ServiceAccess that only an interface endpoint has. */
const INTERFACE_ONLY: readonly (keyof ServiceAccess)[] = [
  "privateDnsEnabled",
  "securityGroups",
  "ipAddressType",
  "dnsRecordIpType",
  "subnetAddresses",
  "timeouts",
];

/** Options of {@link ServiceAccessPresets.sessionManager}. */
export interface SessionManagerAccessOptions extends EndpointPolicyPrincipals {
  /**
   * Also the `ec2messages` endpoint. SSM Agent 3.3.40.0 and later sends its
   * messages through `ssmmessages` whenever it reaches it, and needs no
   * `ec2messages` endpoint; older agents (AMIs whose agent is not updated)
   * take Run Command and their messages through `ec2messages`. Set false
   * when every managed node of the VPC runs 3.3.40.0 or later, and save
   * the endpoint.
   * @default true
   */
  readonly ec2Messages?: boolean;
  /**
   * Session logging to CloudWatch Logs (Session Manager preferences): the
   * log groups, whose `logs` endpoint is added with a policy that writes
   * to them only. Leave unset when the VPC's `logs` endpoint serves more
   * than sessions, and name these groups in that endpoint's policy.
   * @default - no logs endpoint
   */
  readonly logGroupArns?: readonly string[];
  /**
   * Session encryption with KMS (Session Manager preferences): the keys,
   * whose `kms` endpoint is added with a policy that uses them only. Leave
   * unset when the VPC's `kms` endpoint serves more than sessions, and name
   * these keys in that endpoint's policy.
   * @default - no kms endpoint
   */
  readonly encryptionKeyArns?: readonly string[];
}

const SESSION_MANAGER_ACCESS_OPTIONS: Record<keyof SessionManagerAccessOptions, true> = {
  organizationId: true,
  principals: true,
  ec2Messages: true,
  logGroupArns: true,
  encryptionKeyArns: true,
};

/**
 * The preset's own options, checked where it is called (no construct yet:
 * errors name the preset): an object, no unknown key (a misspelled
 * `encryptionKeyArn` would leave the sessions' key without an endpoint),
 * `ec2Messages` a boolean (a JavaScript caller's "no" would keep it).
 */
function checkSessionManagerOptions(options: SessionManagerAccessOptions): void {
  const where = "ServiceAccessPresets.sessionManager";
  if (options === null || typeof options !== "object" || Array.isArray(options))
    throw new ValidationError(where, "options", options, "an object with the documented fields");
  const known = Object.keys(SESSION_MANAGER_ACCESS_OPTIONS);
  for (const key of Object.keys(options)) {
    if (known.includes(key) || (options as Record<string, unknown>)[key] === undefined) continue;
    const suggestion = closestMatch(key, known);
    throw new ValidationError(
      where,
      `options.${key}`,
      (options as Record<string, unknown>)[key],
      `one of the options ${known.join(", ")}${suggestion === undefined ? "" : ` (did you mean ${suggestion}?)`}`,
    );
  }
  if (options.ec2Messages !== undefined && typeof options.ec2Messages !== "boolean")
    throw new ValidationError(where, "options.ec2Messages", options.ec2Messages, "true or false");
}

/** Presets of {@link PrivateAwsServiceAccess}: the endpoints each use case needs, with least-privilege policies. */
export class ServiceAccessPresets {
  /** S3 from private subnets, through the free gateway endpoint, to the listed buckets only. */
  public static privateS3(bucketNames: readonly string[], options: S3BucketsOptions = {}): ServiceAccess[] {
    return [{ service: AwsService.S3, endpointType: "Gateway", policy: EndpointPolicy.s3Buckets(bucketNames, options) }];
  }

  /** DynamoDB without internet access, through the gateway endpoint, to the listed tables only. */
  public static dynamoDb(tableArns: readonly string[], options: EndpointPolicyPrincipals & { readonly readOnly?: boolean } = {}): ServiceAccess[] {
    return [{ service: AwsService.DYNAMODB, endpointType: "Gateway", policy: EndpointPolicy.dynamoDbTables(tableArns, options) }];
  }

  /** Application logs to the listed CloudWatch Logs groups only. */
  public static cloudWatchLogs(logGroupArns: readonly string[], options: EndpointPolicyPrincipals = {}): ServiceAccess[] {
    return [{ service: AwsService.LOGS, policy: EndpointPolicy.logGroups(logGroupArns, options) }];
  }

  /**
   * Container image pulls from the listed ECR repositories: `ecr.api`
   * (tokens, manifests), `ecr.dkr` (the registry), the S3 gateway endpoint
   * the image layers come from, and CloudWatch Logs for the containers' logs.
   */
  public static ecrPull(repositoryArns: readonly string[], logGroupArns: readonly string[], options: EndpointPolicyPrincipals = {}): ServiceAccess[] {
    return [
      { service: AwsService.ECR_API, policy: EndpointPolicy.ecrPull(repositoryArns, options) },
      { service: AwsService.ECR_DKR, policy: EndpointPolicy.ecrPull(repositoryArns, options) },
      { service: AwsService.S3, endpointType: "Gateway", policy: EndpointPolicy.ecrImageLayers() },
      ...ServiceAccessPresets.cloudWatchLogs(logGroupArns, options),
    ];
  }

  /**
   * Session Manager to instances of private subnets, without internet
   * access: the `ssm` and `ssmmessages` endpoints, `ec2messages` for SSM
   * Agents older than 3.3.40.0 (unless `ec2Messages: false`), and, when
   * sessions are logged to CloudWatch Logs or encrypted with KMS, the `logs`
   * and `kms` endpoints, each with {@link EndpointPolicy.sessionManager}:
   * what Session Manager sends through it, for principals of
   * `organizationId` (or `principals`) only. AWS's guide lists the same
   * endpoints ("Improve the security of EC2 instances by using VPC
   * endpoints for Systems Manager"). Session logs to S3 need an S3 endpoint
   * too: add `ServiceAccessPresets.privateS3([bucket])`.
   */
  public static sessionManager(options: SessionManagerAccessOptions = {}): ServiceAccess[] {
    checkSessionManagerOptions(options);
    const { ec2Messages, logGroupArns, encryptionKeyArns, ...principals } = options;
    const policy = EndpointPolicy.sessionManager({ ...principals, logGroupArns, keyArns: encryptionKeyArns });
    return [
      { service: AwsService.SSM, policy },
      { service: AwsService.SSM_MESSAGES, policy },
      ...(ec2Messages === false ? [] : [{ service: AwsService.EC2_MESSAGES, policy }]),
      ...(logGroupArns === undefined ? [] : [{ service: AwsService.LOGS, policy }]),
      ...(encryptionKeyArns === undefined ? [] : [{ service: AwsService.KMS, policy }]),
    ];
  }

  /** Encryption and decryption with the listed KMS keys only. */
  public static kms(keyArns: readonly string[], options: EndpointPolicyPrincipals & { readonly readOnly?: boolean } = {}): ServiceAccess[] {
    return [{ service: AwsService.KMS, policy: EndpointPolicy.kmsKeys(keyArns, options) }];
  }
}

export interface PrivateAwsServiceAccessProps extends NetworkEndpointProps {
  /** The services, for example `[...ServiceAccessPresets.ecrPull(...), ...ServiceAccessPresets.kms(...)]`. Each at most once. */
  readonly services: readonly ServiceAccess[];
  /**
   * Region of the endpoints, for the service names.
   * @default - the literal region of the provider
   */
  readonly region?: string;
  /**
   * Place each interface endpoint only in the AZs its service supports.
   * @default false
   */
  readonly onlySupportedAvailabilityZones?: boolean;
  /**
   * Subnets whose route tables get the gateway endpoints' routes (S3,
   * DynamoDB), for every gateway service without `subnets` of its own.
   * Interface endpoints answer the whole VPC by private DNS, whichever
   * subnets hold them: an ecr.dkr pull from a tier whose route table has no
   * route to the S3 gateway gets its manifest but fails on the layers
   * (unless it reaches S3 another way). The gateway endpoint's policy then
   * applies to every S3 request from those tables.
   * @default - the route tables of `subnets` (the VPC's private subnets unless given); a warning names the VPC's other route tables when an ecr.dkr endpoint would send them to S3 for layers
   */
  readonly gatewaySubnets?: readonly ISubnet[];
}

/**
 * Private access from one VPC to a set of AWS services: gateway endpoints
 * for S3 and DynamoDB, interface endpoints for the rest, all interface
 * endpoints sharing one security group that opens only the services' ports
 * to the VPC (unless a service brings its own groups). Endpoints are keyed
 * by service name, so adding a service never replaces another one. Each
 * service may override the placement, groups, DNS, IP family, fixed
 * addresses, tags and timeouts of its endpoint.
 *
 * Creates: aws_vpc_endpoint (one per service), aws_security_group and
 * aws_vpc_security_group_ingress_rule (when there are interface endpoints
 * and no security groups are given).
 */
export class PrivateAwsServiceAccess extends Construct implements IConnectable, IEndpointOutputs {
  /** The shared group; undefined when `securityGroups` were given or every endpoint is a gateway. */
  public readonly securityGroup?: SecurityGroup;
  /** Interface endpoints by service short name (e.g. `ecr.dkr`). */
  public readonly interfaceEndpoints: Readonly<Record<string, InterfaceEndpoint>>;
  /** Gateway endpoints by service short name (`s3`, `dynamodb`). */
  public readonly gatewayEndpoints: Readonly<Record<string, GatewayEndpoint>>;
  /**
   * The shared group's (or the given groups'): `access.connections.allowFrom(client, Port.tcp(443), "why")`
   * admits a client to every endpoint that shares it, and a client with
   * security groups in this VPC also gets their egress on 443 to each
   * gateway endpoint's prefix list (S3's, for ECR's image layers): the
   * gateway endpoints have no groups, and a client group that lets nothing
   * out would reach the interface endpoints only. Rules added from the
   * client's side (`client.connections.allowTo(access, Port.tcp(443), "why")`)
   * open the same: the interface endpoints and the gateway endpoints of the
   * client's VPC (a rule the client already has to one of them is kept).
   */
  public readonly connections: Connections;
  /** `connections`, which also opens client groups' egress to the gateway endpoints. */
  private readonly accessConnections: ServiceAccessConnections;

  constructor(scope: Construct, id: string, props: PrivateAwsServiceAccessProps) {
    super(scope, id);
    requireProps(this, props, ["vpc", "services"]);
    checkKnownProps(this, props, PRIVATE_AWS_SERVICE_ACCESS_PROPS);
    const services = checkList(this, "services", props.services) ?? [];
    checkItemCount(this, "services", services, 1);
    if (props.securityGroups !== undefined && props.allowedPeers !== undefined) {
      throw new ValidationError(
        this,
        "allowedPeers",
        "allowedPeers with securityGroups",
        "either securityGroups (your rules) or allowedPeers (rules of the shared group created here), not both",
      );
    }
    const region = resolveRegion(this, props.region, providerOf(props, props.vpc));
    services.forEach((access, i) => checkServiceAccess(this, `services[${i}]`, access));
    checkServicesOnce(this, services, region);
    const seen = new Set(services.map((a) => a.service.shortName));
    if (seen.has("ecr.dkr") && !seen.has("ecr.api")) {
      throw new ValidationError(
        this,
        "services",
        "ecr.dkr without ecr.api",
        "ecr.api next to ecr.dkr: a pull takes its token and the image manifest from ecr.api (ServiceAccessPresets.ecrPull has both)",
      );
    }
    if (seen.has("ecr.dkr") && !services.some((a) => a.service.shortName === "s3" && a.endpointType === "Gateway")) {
      Annotations.of(this).addWarning(
        'ecr.dkr without an S3 gateway endpoint: ECR serves image layers from S3 (prod-<region>-starport-layer-bucket), so pulls fail unless the VPC has another way to S3. Add { service: AwsService.S3, endpointType: "Gateway", policy: EndpointPolicy.ecrImageLayers() }.',
      );
    }
    const interfaces = services.filter((a) => a.endpointType !== "Gateway");
    const sharing = interfaces.filter((a) => a.securityGroups === undefined);
    this.securityGroup = sharing.length > 0 && props.securityGroups === undefined ? this.sharedSecurityGroup(props, sharing) : undefined;
    const securityGroups = props.securityGroups ?? (this.securityGroup === undefined ? undefined : [this.securityGroup]);
    // The endpoints that share the groups serve their services' ports only: a rule on another opens nothing.
    const served = [...new Set(sharing.flatMap((a) => a.service.ports))].sort((a, b) => a - b).map((port) => Port.tcp(port));
    this.accessConnections = new ServiceAccessConnections(this, {
      securityGroups,
      defaultPort: Port.tcp(443),
      servedPorts: served.length > 0 ? served : undefined,
    });
    this.accessConnections.serveGatewaysOf(props.vpc, () => Object.values(this.gatewayEndpoints ?? {}));
    this.connections = this.accessConnections;

    // The shared group already admits the peers; the endpoints only attach it.
    // Only what an endpoint takes: the endpoints refuse the pattern's own props (services).
    const networkProps: NetworkEndpointProps = { ...propsFor(props, NETWORK_ENDPOINT_PROPS), allowedPeers: undefined, open: undefined };
    const gatewaySubnets = checkList(this, "gatewaySubnets", props.gatewaySubnets);
    if (gatewaySubnets !== undefined) checkGatewaySubnets(this, gatewaySubnets, props.vpc);
    if (gatewaySubnets !== undefined && !services.some((a) => a.endpointType === "Gateway")) {
      throw new ValidationError(
        this,
        "gatewaySubnets",
        gatewaySubnets.map((s) => s.subnetId),
        'unset: no service here has a Gateway endpoint (S3 or DynamoDB with endpointType: "Gateway"), whose routes these subnets\' route tables would get',
      );
    }
    const gateways: Record<string, GatewayEndpoint> = {};
    const endpoints: Record<string, InterfaceEndpoint> = {};
    for (const access of services) {
      const key = stableId(access.service.shortName);
      const tags = props.tags === undefined && access.tags === undefined ? undefined : { ...props.tags, ...access.tags };
      if (access.endpointType === "Gateway") {
        gateways[access.service.shortName] = new GatewayEndpoint(this, key, {
          vpc: props.vpc,
          service: access.service,
          policy: access.policy,
          subnets: access.subnets ?? gatewaySubnets ?? props.subnets,
          region,
          provider: props.provider,
          tags,
        });
      } else {
        endpoints[access.service.shortName] = new InterfaceEndpoint(this, key, {
          ...networkProps,
          subnets: access.subnets ?? props.subnets,
          securityGroups: access.securityGroups ?? securityGroups,
          ipAddressType: access.ipAddressType ?? props.ipAddressType,
          dnsRecordIpType: access.dnsRecordIpType ?? props.dnsRecordIpType,
          subnetAddresses: access.subnetAddresses,
          timeouts: access.timeouts ?? props.timeouts,
          tags,
          service: access.service,
          policy: access.policy,
          privateDnsEnabled: access.privateDnsEnabled,
          onlySupportedAvailabilityZones: props.onlySupportedAvailabilityZones,
          region,
        });
      }
    }
    this.gatewayEndpoints = gateways;
    this.interfaceEndpoints = endpoints;
    this.warnOfLayersWithoutRoute(props, services);
  }

  /**
   * Client groups of `vpc` let in through `connections` also get their
   * egress to these gateway endpoints (CentralizedEndpoints: a spoke's own).
   * @internal
   */
  public serveGatewayEndpointsOf(vpc: IVpc, gateways: readonly GatewayEndpoint[]): void {
    this.accessConnections.serveGatewaysOf(vpc, () => gateways);
  }

  /**
   * ecr.dkr's private DNS answers every subnet of the VPC, but its image
   * layers come from S3: a route table the S3 gateway endpoint leaves out by
   * default (another tier, or subnets besides `subnets`) pulls manifests
   * and fails on layers, unless it reaches S3 another way (a NAT gateway).
   * The default is kept (the gateway's policy would apply to every S3
   * request of the tables it gets); the warning names the tables.
   */
  private warnOfLayersWithoutRoute(props: PrivateAwsServiceAccessProps, services: readonly ServiceAccess[]): void {
    const dkr = services.find((a) => a.service.shortName === "ecr.dkr" && a.endpointType !== "Gateway");
    const s3 = services.find((a) => a.service.shortName === "s3" && a.endpointType === "Gateway");
    const gateway = this.gatewayEndpoints.s3;
    if (dkr === undefined || dkr.privateDnsEnabled === false || s3 === undefined || gateway === undefined) return;
    if (s3.subnets !== undefined || props.gatewaySubnets !== undefined) return;
    const routed = new Set(gateway.resource.routeTableIdsInput ?? []);
    const all = Array.isArray(props.vpc.subnets) ? props.vpc.subnets : [];
    const missed = all.filter((subnet) => subnet.routeTableId !== undefined && !routed.has(subnet.routeTableId));
    if (missed.length === 0) return;
    const tables = [...new Set(missed.map((subnet) => subnet.routeTableId as string))];
    const literal = tables.filter((id) => !isUnresolved(id));
    const made = tables.length - literal.length;
    const named = [...literal, ...(made === 0 ? [] : [`${made} route table(s) of this configuration`])].join(", ");
    const tiers = [...new Set(missed.map((subnet) => subnet.tier).filter((t): t is string => t !== undefined))];
    Annotations.of(this).addWarning(
      `The S3 gateway endpoint routes only the route tables of ${props.subnets === undefined ? "the VPC's private subnets" : "subnets"}, but ecr.dkr's private DNS answers the whole VPC: ${named}${tiers.length === 0 ? "" : ` (tier ${tiers.join(", ")})`} get no route to S3, so image pulls there fail on the layers unless those subnets reach S3 another way. Give gatewaySubnets (e.g. vpc.subnets) to route them through the endpoint, whose policy then applies to all of their S3 requests.`,
    );
  }

  /** Every endpoint's ID, DNS name and service name, keyed `<service>_…` (`logs_id`, `ecr_dkr_dns_name`), and the shared group's ID. */
  public get outputValues(): Readonly<Record<string, EndpointOutputValue>> {
    const key = (shortName: string): string => shortName.replace(/[^A-Za-z0-9]/g, "_");
    return {
      ...Object.fromEntries(
        Object.entries(this.interfaceEndpoints).flatMap(([name, e]) =>
          Object.entries(interfaceOutputValues(e)).map(([k, v]) => [`${key(name)}_${k}`, v]),
        ),
      ),
      ...Object.fromEntries(
        Object.entries(this.gatewayEndpoints).flatMap(([name, e]) =>
          Object.entries(gatewayOutputValues(e)).map(([k, v]) => [`${key(name)}_gateway_${k}`, v]),
        ),
      ),
      ...(this.securityGroup === undefined
        ? {}
        : { security_group_id: { value: this.securityGroup.securityGroupId, description: "The security group the interface endpoints share" } }),
    };
  }

  private sharedSecurityGroup(props: PrivateAwsServiceAccessProps, interfaces: readonly ServiceAccess[]): SecurityGroup {
    // Not the list of services: AWS cannot change a group's description in place, so adding a service would replace the group.
    const group = new SecurityGroup(this, "SecurityGroup", {
      provider: providerOf(props, props.vpc),
      vpc: props.vpc,
      description: "Interface VPC endpoints to AWS services; each rule names its services",
    });
    // As on a lone endpoint: when one of the sharing endpoints has IPv6 addresses, the VPC's IPv6 clients are admitted too.
    const ipv6 = interfaces.some((a) => hasIpv6Addresses(a.ipAddressType ?? props.ipAddressType));
    const peers = checkPeers(this, "allowedPeers", props.allowedPeers) ?? (props.open === false ? [] : vpcClientPeers(props.vpc, { ipv6 }));
    const ports = [...new Set(interfaces.flatMap((a) => a.service.ports))].sort((a, b) => a - b);
    for (const port of ports) {
      // Rule descriptions change in place, so they can name the services.
      const services = interfaces.filter((a) => a.service.ports.includes(port)).map((a) => a.service.shortName);
      addEndpointIngressRules(group, peers, [Port.tcp(port)], `AWS services (${services.join(", ")})`);
    }
    return group;
  }
}

/**
 * The connections of {@link PrivateAwsServiceAccess}: rules on the groups
 * its interface endpoints share, and for a client let in on 443 with groups
 * this library manages, those groups' egress to every gateway endpoint of
 * their own VPC (the access's, or a spoke's of CentralizedEndpoints) on 443,
 * each once: a rule the client already has, from
 * `allowDefaultPortTo(gateway)`, is kept. A group is only given the gateway
 * endpoints of one VPC: those of one region share the service's prefix list,
 * and AWS refuses the same rule twice. With gateway endpoints only there are
 * no groups to admit the client on: the egress rules are all it takes.
 */
class ServiceAccessConnections extends Connections {
  /** The gateway endpoints clients of each VPC use. */
  private readonly gatewaysByVpc: { readonly vpc: IVpc; readonly gateways: () => readonly GatewayEndpoint[] }[] = [];

  constructor(
    private readonly access: Construct,
    props: ConnectionsProps,
  ) {
    super(access, props);
  }

  /** Clients in `vpc` reach these gateway endpoints (read when a rule is added). */
  public serveGatewaysOf(vpc: IVpc, gateways: () => readonly GatewayEndpoint[]): void {
    this.gatewaysByVpc.push({ vpc, gateways });
  }

  public override allowFrom(other: Peer | IConnectable, port: PortRange, description: string, options: ConnectionRuleOptions = {}): void {
    const clients =
      other instanceof Peer || other === null || typeof other !== "object" || !(other.connections instanceof Connections)
        ? []
        : other.connections.securityGroups.filter(SecurityGroupBase.isSecurityGroupBase);
    const egress = this.clientEgressRules(clients, port, options.protocol ?? "tcp");
    // Gateway endpoints alone have no groups to add the ingress to: the client's egress is the whole rule.
    if (this.securityGroups.length > 0 || egress.length === 0) super.allowFrom(other, port, description, options);
    for (const { group, peer, ports } of egress) {
      group.addRuleFor(this.access, "connections.allowFrom", "Egress", { peer, ports, description }, { unlessPresent: true });
    }
  }

  /** Each managed client group's egress on 443 to its VPC's gateway endpoints, when the rule lets the client in on 443 over TCP. */
  public override clientEgressRules(
    clientGroups: readonly SecurityGroupBase[],
    port: PortRange,
    protocol: "tcp" | "udp",
  ): { group: SecurityGroupBase; peer: Peer; ports: PortRange }[] {
    if (protocol !== "tcp" || port === null || typeof port !== "object") return [];
    if (typeof port.from !== "number" || typeof port.to !== "number" || !(port.from <= 443 && 443 <= port.to)) return [];
    return clientGroups
      .filter((group) => !group.allowsAllOutbound)
      .flatMap((group) =>
        this.gatewaysOfGroup(group).flatMap((gateway) =>
          gateway.connections.peer instanceof Peer ? [{ group, peer: gateway.connections.peer, ports: Port.tcp(443) }] : [],
        ),
      );
  }

  /**
   * The gateway endpoints of the group's VPC; for a group whose VPC is
   * unknown, or named otherwise (a literal ID beside a Terraform reference),
   * those of the one VPC served, when there is one.
   */
  private gatewaysOfGroup(group: SecurityGroupBase): readonly GatewayEndpoint[] {
    const own = this.gatewaysByVpc.filter((entry) => group.vpcId !== undefined && entry.vpc.vpcId === group.vpcId);
    if (own.length > 0) return own.flatMap((entry) => entry.gateways());
    const comparable = group.vpcId !== undefined && this.gatewaysByVpc.every((entry) => isUnresolved(entry.vpc.vpcId) === isUnresolved(group.vpcId));
    return comparable || this.gatewaysByVpc.length !== 1 ? [] : this.gatewaysByVpc[0].gateways();
  }
}

/** One entry of `services`, as a JavaScript caller may get it wrong: the service and policy made by their factories, a known endpoint type, no interface-only field on a gateway. */
function checkServiceAccess(scope: Construct, prop: string, access: ServiceAccess): void {
  checkObject(scope, prop, access);
  requireProps(scope, access, ["service", "policy"]);
  checkInstance(
    scope,
    `${prop}.service`,
    access.service,
    (s): s is AwsService => s instanceof AwsService,
    "AwsService.LOGS, AwsService.of(...) or AwsService.custom(...)",
  );
  checkInstance(scope, `${prop}.policy`, access.policy, (p): p is EndpointPolicy => p instanceof EndpointPolicy, "an EndpointPolicy preset");
  checkOneOf(scope, `${prop}.endpointType`, access.endpointType, ["Gateway", "Interface"]);
  if (access.endpointType === "Gateway") {
    const misplaced = INTERFACE_ONLY.find((field) => access[field] !== undefined);
    if (misplaced !== undefined)
      throw new ValidationError(
        scope,
        `${prop}.${misplaced}`,
        access[misplaced],
        `unset: a Gateway endpoint has no ${misplaced} (only interface endpoints do)`,
      );
  }
}

/** Each service once per VPC, by what AWS sees (its endpoint type and full name), so that a short name and a custom full name of one service collide too. */
function checkServicesOnce(scope: Construct, services: readonly ServiceAccess[], region: string): void {
  const seen = new Map<string, number>();
  services.forEach((access, i) => {
    const type = access.endpointType ?? "Interface";
    const key = access.service.serviceName(scope, `services[${i}].service`, region, type);
    // The short name keys the endpoint's construct ID: two that map to one ID would collide as constructs.
    const constructId = `id:${stableId(access.service.shortName)}`;
    const first = seen.get(key) ?? seen.get(access.service.shortName) ?? seen.get(constructId);
    if (first !== undefined) {
      throw new ValidationError(
        scope,
        `services[${i}]`,
        access.service.shortName,
        `each service once per VPC (it is also services[${first}]: a second endpoint for one service competes for its DNS name or routes; for an S3 gateway plus interface endpoint use S3HybridAccess; to let ECR's layer bucket through your own S3 endpoint policy, add EndpointPolicy.ecrImageLayers({ bucketNames }) to it instead of a second S3 service)`,
      );
    }
    seen.set(key, i);
    seen.set(access.service.shortName, i);
    seen.set(constructId, i);
  });
}

/** @internal */
export const PRIVATE_AWS_SERVICE_ACCESS_PROPS: Record<keyof PrivateAwsServiceAccessProps, true> = {
  ...NETWORK_ENDPOINT_PROPS,
  services: true,
  region: true,
  onlySupportedAvailabilityZones: true,
  gatewaySubnets: true,
};

/**
 * gatewaySubnets are subnet objects whose route tables are known, of the
 * endpoints' VPC: the gateway endpoints route those tables, which a subnet
 * ID string, a list only Terraform knows, an empty list or a subnet
 * without routeTableId does not name (and each would fail inside the
 * endpoint, at a prop the caller did not write).
 */
function checkGatewaySubnets(scope: IConstruct, subnets: readonly ISubnet[], vpc: IVpc): void {
  const prop = "gatewaySubnets";
  const use = "the gateway endpoints route their tables";
  checkSubnetObjects(scope, prop, subnets, "routeTableId", 'vpc.selectSubnets({ tier: "app" })', use);
  if (subnets.length === 0)
    throw new ValidationError(
      scope,
      prop,
      subnets,
      "at least one subnet whose route tables get the gateway endpoints' routes, or gatewaySubnets left out for the default (the route tables of subnets)",
    );
  checkInVpc(scope, prop, subnets, vpc);
}
