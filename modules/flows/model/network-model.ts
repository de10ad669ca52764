import { canonicalDnsName, isInDnsZone } from "../../core/formats";
import { PortRange } from "../../core/ports";
import { ImportedVpcSpec } from "../spec";
import { Json, ProviderConfiguration, TerraformBlock, TerraformDocument } from "../terraform/document";
import { TfValue, Unknown } from "../terraform/expressions";
import { awsSyntheticAttributes, syntheticArn, syntheticId } from "../terraform/synthetic";
import {
  DnsRecordEntity,
  EndpointEntity,
  EndpointServiceEntity,
  HostedZoneEntity,
  LambdaPermissionEntity,
  LatticeActionEntry,
  LatticeListenerEntry,
  LatticeRuleEntry,
  LatticeServiceEntity,
  LatticeTargetGroupEntity,
  LoadBalancerEntity,
  LoadBalancerTargetGroupEntity,
  ManagedPrefixListEntity,
  ModelEntity,
  PeeringConnectionEntity,
  ResourceConfigurationEntity,
  ResourceDefinitionEntity,
  ResourceGatewayEntity,
  ResourceShareEntity,
  RouteEntry,
  RouteTableEntity,
  RulePeer,
  SecurityGroupEntity,
  SecurityGroupRuleEntry,
  ServiceNetworkEntity,
  ServiceNetworkMemberEntity,
  ServiceNetworkVpcAssociationEntity,
  SubnetEntity,
  TransitGatewayAttachmentEntity,
  TransitGatewayEntity,
  TransitGatewayRouteEntity,
  VpcEntity,
} from "./entities";

const ALL_PORTS: PortRange = { from: 0, to: 65535 };

/** Who reaches what in one stack: its accounts, networks and the services between them, read from the synthesized JSON. */
export class NetworkModel {
  /** Reads a synthesized stack (`cdk.tf.json` as an object). */
  public static fromJson(stackName: string, json: Json): NetworkModel {
    return new NetworkModel(TerraformDocument.fromJson(stackName, json, awsSyntheticAttributes));
  }

  /** AWS provider configurations: the accounts and regions. */
  public readonly accounts: readonly ProviderConfiguration[];
  /** VPCs (`aws_vpc`). */
  public readonly vpcs: VpcEntity[] = [];
  /** Subnets (`aws_subnet`). */
  public readonly subnets: SubnetEntity[] = [];
  /** Route tables with their routes and subnet associations. */
  public readonly routeTables: RouteTableEntity[] = [];
  /** Security groups with their rules, inline and standalone. */
  public readonly securityGroups: SecurityGroupEntity[] = [];
  /** VPC endpoints of every type. */
  public readonly endpoints: EndpointEntity[] = [];
  /** PrivateLink endpoint services. */
  public readonly endpointServices: EndpointServiceEntity[] = [];
  /** Load balancers with their listeners. */
  public readonly loadBalancers: LoadBalancerEntity[] = [];
  /** Load balancer target groups with their targets. */
  public readonly loadBalancerTargetGroups: LoadBalancerTargetGroupEntity[] = [];
  /** Route 53 hosted zones, private and public. */
  public readonly hostedZones: HostedZoneEntity[] = [];
  /** Route 53 records. */
  public readonly records: DnsRecordEntity[] = [];
  /** VPC Lattice service networks. */
  public readonly serviceNetworks: ServiceNetworkEntity[] = [];
  /** Service network VPC associations. */
  public readonly vpcAssociations: ServiceNetworkVpcAssociationEntity[] = [];
  /** Service network service associations. */
  public readonly serviceAssociations: ServiceNetworkMemberEntity[] = [];
  /** Service network resource configuration associations. */
  public readonly resourceAssociations: ServiceNetworkMemberEntity[] = [];
  /** VPC Lattice services with their listeners and rules. */
  public readonly latticeServices: LatticeServiceEntity[] = [];
  /** VPC Lattice target groups with their targets. */
  public readonly latticeTargetGroups: LatticeTargetGroupEntity[] = [];
  /** Lambda permissions (who may invoke a Lambda target). */
  public readonly lambdaPermissions: LambdaPermissionEntity[] = [];
  /** VPC Lattice resource gateways. */
  public readonly resourceGateways: ResourceGatewayEntity[] = [];
  /** VPC Lattice resource configurations. */
  public readonly resourceConfigurations: ResourceConfigurationEntity[] = [];
  /** RAM resource shares with their principals, resources and accepters. */
  public readonly shares: ResourceShareEntity[] = [];
  /** Transit gateways. */
  public readonly transitGateways: TransitGatewayEntity[] = [];
  /** Transit gateway VPC attachments. */
  public readonly transitGatewayAttachments: TransitGatewayAttachmentEntity[] = [];
  /** Customer-managed prefix lists, which rules and routes name by ID. */
  public readonly managedPrefixLists: ManagedPrefixListEntity[] = [];
  /** Static routes of transit gateway route tables. */
  public readonly transitGatewayRoutes: TransitGatewayRouteEntity[] = [];
  /** VPC peering connections. */
  public readonly peeringConnections: PeeringConnectionEntity[] = [];
  /** S3 bucket policies by bucket name. */
  public readonly bucketPolicies = new Map<
    string,
    {
      /** Address of the `aws_s3_bucket_policy`. */
      readonly address: string;
      /** The policy document (JSON). */
      readonly policy: string;
    }
  >();
  /** DynamoDB resource-based policies by table name (a table's, which covers its indexes). */
  public readonly tablePolicies = new Map<
    string,
    {
      /** Address of the `aws_dynamodb_resource_policy`. */
      readonly address: string;
      /** The policy document (JSON). */
      readonly policy: string;
    }
  >();
  /** Routes this stack adds to route tables made elsewhere (an imported subnet's), by table ID: the tables themselves are not in the JSON. */
  private readonly routesAddedElsewhere = new Map<string, RouteEntry[]>();

  constructor(
    /** The configuration the model was read from. */
    public readonly document: TerraformDocument,
  ) {
    this.accounts = document.providers;
    this.readPrefixLists();
    this.readNetworks();
    this.readSecurityGroups();
    this.expandPrefixLists();
    this.readEndpoints();
    this.readLoadBalancers();
    this.readDns();
    this.readLattice();
    this.readResources();
    this.readShares();
    this.readTransit();
    for (const block of document.resources("aws_s3_bucket_policy")) {
      const bucket = this.text(block, "bucket");
      const policy = this.text(block, "policy");
      if (bucket !== undefined && policy !== undefined) this.bucketPolicies.set(bucket, { address: block.address, policy });
    }
    for (const block of document.resources("aws_dynamodb_resource_policy")) {
      const policy = this.text(block, "policy");
      const table = this.tableNameOf(block);
      if (table !== undefined && policy !== undefined) this.tablePolicies.set(table, { address: block.address, policy });
    }
  }

  /** The table a DynamoDB resource policy is attached to, by name: from a literal table ARN, or the name of the stack's table it references. */
  private tableNameOf(block: TerraformBlock): string | undefined {
    const arn = this.document.value(block, "resource_arn");
    if (typeof arn === "string") return /^arn:aws[a-z-]*:dynamodb:[^:]*:\d{12}:table\/([^/]+)$/.exec(arn)?.[1];
    const [table] = this.document.referencedBlocks(block.config.resource_arn).filter((b) => b.type === "aws_dynamodb_table");
    return table === undefined ? undefined : this.text(table, "name");
  }

  /** Name of the stack. */
  public get stackName(): string {
    return this.document.stackName;
  }

  /** The entity at a Terraform address, of any kind. */
  public entity(address: string):
    | {
        /** The collection it is in (`vpc`, `endpoint`, ...). */
        readonly kind: string;
        /** The entity. */
        readonly entity: ModelEntity;
      }
    | undefined {
    return this.findEntity((e) => e.address === address);
  }

  /** The entity an ID (`subnet-…`, `sg-…`, a synthetic one) stands for, of any kind; undefined when none has it. */
  public entityWithId(id: string):
    | {
        /** The collection it is in. */
        readonly kind: string;
        /** The entity. */
        readonly entity: ModelEntity;
      }
    | undefined {
    return this.findEntity((e) => (e as ModelEntity & { readonly id?: unknown }).id === id);
  }

  private findEntity(matches: (entity: ModelEntity) => boolean): { readonly kind: string; readonly entity: ModelEntity } | undefined {
    for (const [kind, list] of Object.entries(this.collections())) {
      const found = list.find(matches);
      if (found !== undefined) return { kind, entity: found };
    }
    return undefined;
  }

  /** Every collection by entity kind, for lookups and listings. */
  public collections(): Record<string, readonly ModelEntity[]> {
    return {
      vpc: this.vpcs,
      subnet: this.subnets,
      routeTable: this.routeTables,
      securityGroup: this.securityGroups,
      endpoint: this.endpoints,
      endpointService: this.endpointServices,
      loadBalancer: this.loadBalancers,
      hostedZone: this.hostedZones,
      serviceNetwork: this.serviceNetworks,
      latticeService: this.latticeServices,
      latticeTargetGroup: this.latticeTargetGroups,
      resourceGateway: this.resourceGateways,
      resourceConfiguration: this.resourceConfigurations,
      resourceShare: this.shares,
      transitGateway: this.transitGateways,
    };
  }

  /** The VPC with an ID, created here or named here. */
  public vpc(id: string): VpcEntity | undefined {
    return this.vpcs.find((v) => v.id === id);
  }

  /** The security group with an ID. */
  public securityGroup(id: string): SecurityGroupEntity | undefined {
    return this.securityGroups.find((g) => g.id === id);
  }

  /** The subnet with an ID. */
  public subnet(id: string): SubnetEntity | undefined {
    return this.subnets.find((s) => s.id === id);
  }

  /** The route table with an ID. */
  public routeTable(id: string): RouteTableEntity | undefined {
    return this.routeTables.find((t) => t.id === id);
  }

  /** Subnets of a VPC. */
  public subnetsOf(vpcId: string): SubnetEntity[] {
    return this.subnets.filter((s) => s.vpcId === vpcId);
  }

  /** The service network an ARN or ID names. */
  public serviceNetwork(reference: string): ServiceNetworkEntity | undefined {
    return this.serviceNetworks.find((n) => n.arn === reference || n.id === reference);
  }

  /** The Lattice service an ARN or ID names. */
  public latticeService(reference: string): LatticeServiceEntity | undefined {
    return this.latticeServices.find((s) => s.arn === reference || s.id === reference);
  }

  /** The resource configuration an ARN or ID names. */
  public resourceConfiguration(reference: string): ResourceConfigurationEntity | undefined {
    return this.resourceConfigurations.find((c) => c.arn === reference || c.id === reference);
  }

  /** The account ID a provider configuration deploys to. @returns undefined when the configuration does not say */
  public accountOf(providerKey: string): string | undefined {
    return this.accounts.find((a) => a.key === providerKey)?.accountId;
  }

  /** The region a provider configuration deploys to. */
  public regionOf(providerKey: string): string | undefined {
    return this.accounts.find((a) => a.key === providerKey)?.region ?? this.accounts.find((a) => a.key === "aws")?.region;
  }

  /**
   * The model with what the stack knows of a VPC made elsewhere, which the
   * JSON does not hold (a flow question carries it from the VPC's importer,
   * `Vpc.fromVpcAttributes`): the VPC with its CIDRs and DNS attributes; its
   * subnets, with their blocks, AZs and route tables; those route tables, with
   * the VPC's local routes and the routes this stack adds to them (their own
   * routes are not known); and the private zones made elsewhere associated
   * with it, whose records are not known. Entities made elsewhere have
   * `external:` addresses. A VPC the stack creates is its own: the model is
   * returned as it is.
   */
  public withImportedVpc(imported: ImportedVpcSpec): NetworkModel {
    const known = this.vpc(imported.vpcId);
    if (known !== undefined && !known.external) return this;
    const provider = imported.provider ?? known?.provider ?? "aws";
    const vpc: VpcEntity = {
      address: `external:${imported.vpcId}`,
      path: imported.vpcId,
      provider,
      id: imported.vpcId,
      ipv4Cidrs: [...(imported.cidrBlock === undefined ? [] : [imported.cidrBlock]), ...(imported.secondaryCidrBlocks ?? [])],
      ipv6Cidrs: imported.ipv6CidrBlock === undefined ? [] : [imported.ipv6CidrBlock],
      external: true,
      dnsSupport: imported.dnsSupportEnabled,
      dnsHostnames: imported.dnsHostnamesEnabled,
    };
    const subnets = (imported.subnets ?? [])
      .filter((s) => this.subnet(s.subnetId) === undefined)
      .map((s): SubnetEntity => ({
        address: `external:${s.subnetId}`,
        path: s.subnetId,
        provider,
        id: s.subnetId,
        vpcId: imported.vpcId,
        availabilityZone: s.availabilityZone,
        availabilityZoneId: s.availabilityZoneId,
        ipv4Cidr: s.cidrBlock,
        routeTableId: s.routeTableId,
      }));
    const tableIds = [...new Set(subnets.map((s) => s.routeTableId).filter((t): t is string => t !== undefined))];
    const tables = tableIds
      .filter((id) => this.routeTable(id) === undefined)
      .map((id): RouteTableEntity => ({
        address: `external:${id}`,
        path: id,
        provider,
        id,
        vpcId: imported.vpcId,
        routes: [
          ...[...vpc.ipv4Cidrs, ...vpc.ipv6Cidrs].map((cidr): RouteEntry => ({ destination: cidr, kind: "local", source: `external:${id}` })),
          ...(this.routesAddedElsewhere.get(id) ?? []),
        ],
      }));
    // A zone of this stack of the same name, associated with the VPC, is known with its records.
    const zones = (imported.privateHostedZoneNames ?? [])
      .map((name) => canonicalDnsName(name))
      .filter((name) => !this.hostedZones.some((z) => z.private && z.name === name && z.vpcIds.includes(imported.vpcId)))
      .map((name): HostedZoneEntity => ({
        address: `external:${name}`,
        path: name,
        provider,
        id: `external:${name}`,
        name,
        private: true,
        vpcIds: [imported.vpcId],
        external: true,
        recordsElsewhere: true,
      }));
    // The same model, with the VPC made elsewhere filled in: its collections are copies, the document and the rest are shared.
    const model = Object.assign(Object.create(NetworkModel.prototype) as NetworkModel, this);
    const collections = model as unknown as {
      vpcs: VpcEntity[];
      subnets: SubnetEntity[];
      routeTables: RouteTableEntity[];
      hostedZones: HostedZoneEntity[];
    };
    collections.vpcs = known === undefined ? [...this.vpcs, vpc] : this.vpcs.map((v) => (v === known ? vpc : v));
    collections.subnets = [...this.subnets, ...subnets];
    collections.routeTables = [...this.routeTables, ...tables];
    collections.hostedZones = [...this.hostedZones, ...zones];
    return model;
  }

  // ---- reading -------------------------------------------------------------------------------------------------

  private text(block: TerraformBlock, ...path: (string | number)[]): string | undefined {
    return this.document.text(block, ...path);
  }

  /** A DNS name attribute in canonical form (names compare case-insensitively, without the final dot). */
  private dnsName(block: TerraformBlock, ...path: (string | number)[]): string | undefined {
    const name = this.text(block, ...path);
    return name === undefined ? undefined : canonicalDnsName(name);
  }

  private strings(block: TerraformBlock, ...path: (string | number)[]): string[] {
    return (this.document.list(block, ...path) ?? []).filter((v): v is string => typeof v === "string");
  }

  private bool(block: TerraformBlock, fallback: boolean, ...path: (string | number)[]): boolean {
    const value = this.document.value(block, ...path);
    return typeof value === "boolean" ? value : value === "true" ? true : value === "false" ? false : fallback;
  }

  /** A boolean argument: Terraform's default when absent, undefined when only known at apply. */
  private knownBool(block: TerraformBlock, fallback: boolean, ...path: (string | number)[]): boolean | undefined {
    const value = this.document.value(block, ...path);
    if (value === null) return fallback;
    return typeof value === "boolean" ? value : value === "true" ? true : value === "false" ? false : undefined;
  }

  private num(block: TerraformBlock, ...path: (string | number)[]): number | undefined {
    const value = this.document.value(block, ...path);
    return typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : undefined;
  }

  private base(block: TerraformBlock): { address: string; path: string; provider: string; block: TerraformBlock } {
    return { address: block.address, path: block.path, provider: block.provider, block };
  }

  private idOf(block: TerraformBlock): string {
    return syntheticId(block);
  }

  private arnOf(block: TerraformBlock): string {
    return syntheticArn(block, this.document) ?? block.address;
  }

  /** The VPC an ID names: the one created here, else an external one recorded on first sight. */
  private vpcFor(id: string | undefined, provider: string): string | undefined {
    if (id === undefined) return undefined;
    if (this.vpc(id) === undefined)
      this.vpcs.push({ address: `external:${id}`, path: id, provider, id, ipv4Cidrs: [], ipv6Cidrs: [], external: true });
    return id;
  }

  private readPrefixLists(): void {
    const doc = this.document;
    const entries = doc.resources("aws_ec2_managed_prefix_list_entry");
    for (const block of doc.resources("aws_ec2_managed_prefix_list")) {
      const id = this.idOf(block);
      const values = [
        ...doc.nested(block, "entry").map((_, i) => doc.value(block, "entry", i, "cidr")),
        ...entries.filter((e) => this.text(e, "prefix_list_id") === id).map((e) => doc.value(e, "cidr")),
      ];
      this.managedPrefixLists.push({ ...this.base(block), id, cidrs: values.every((v) => typeof v === "string") ? (values as string[]) : undefined });
    }
  }

  /** Rules and routes naming a managed prefix list of this stack with known entries: one per CIDR. */
  private expandPrefixLists(): void {
    const cidrsOf = (id: string): readonly string[] | undefined => this.managedPrefixLists.find((l) => l.id === id)?.cidrs;
    const rules = (list: readonly SecurityGroupRuleEntry[]): SecurityGroupRuleEntry[] =>
      list.flatMap((rule) => {
        const cidrs = rule.peer.kind === "prefixList" ? cidrsOf(rule.peer.prefixListId) : undefined;
        return cidrs === undefined ? [rule] : cidrs.map((cidr): SecurityGroupRuleEntry => ({ ...rule, peer: { kind: "cidr", cidr } }));
      });
    this.securityGroups.forEach((group, i) => {
      this.securityGroups[i] = { ...group, ingress: rules(group.ingress), egress: rules(group.egress) };
    });
    const routes = (list: readonly RouteEntry[]): RouteEntry[] =>
      list.flatMap((route) => cidrsOf(route.destination)?.map((cidr) => ({ ...route, destination: cidr })) ?? [route]);
    this.routeTables.forEach((table, i) => {
      this.routeTables[i] = { ...table, routes: routes(table.routes) };
    });
    for (const [tableId, list] of this.routesAddedElsewhere) this.routesAddedElsewhere.set(tableId, routes(list));
  }

  private readNetworks(): void {
    const doc = this.document;
    for (const block of doc.resources("aws_vpc")) {
      const secondary = doc
        .resources("aws_vpc_ipv4_cidr_block_association")
        .filter((a) => this.text(a, "vpc_id") === this.idOf(block))
        .map((a) => this.text(a, "cidr_block"))
        .filter((c): c is string => c !== undefined);
      const primary = this.text(block, "cidr_block");
      const generatedIpv6 = doc.value(block, "assign_generated_ipv6_cidr_block") === true;
      const ipv6 = generatedIpv6 ? awsSyntheticAttributes(block, ["ipv6_cidr_block"], doc) : this.document.value(block, "ipv6_cidr_block");
      this.vpcs.push({
        ...this.base(block),
        id: this.idOf(block),
        ipv4Cidrs: [...(primary === undefined ? [] : [primary]), ...secondary],
        ipv6Cidrs: typeof ipv6 === "string" ? [ipv6] : [],
        ipv6Synthetic: generatedIpv6,
        name: this.text(block, "tags", "Name"),
        external: false,
        dnsSupport: this.knownBool(block, true, "enable_dns_support"),
        dnsHostnames: this.knownBool(block, false, "enable_dns_hostnames"),
      });
    }
    const associations = new Map<string, string>();
    for (const block of doc.resources("aws_route_table_association")) {
      const subnet = this.text(block, "subnet_id");
      const table = this.text(block, "route_table_id");
      if (subnet !== undefined && table !== undefined) associations.set(subnet, table);
    }
    // The main route table of each VPC created here: the one an aws_main_route_table_association names, else the VPC's own
    // (managed by an aws_default_route_table, or only its local routes), which subnets without an association use.
    const vpcBlocks = doc.resources("aws_vpc");
    const ownMain = new Map<string, { id: string; block?: TerraformBlock }>();
    for (const block of vpcBlocks) ownMain.set(this.idOf(block), { id: `${block.address}.default_route_table_id` });
    const vpcOfDefaultTable = (value: TfValue): string | undefined => {
      const address = value instanceof Unknown ? /^\$?\{?(aws_vpc\.[\w-]+)\.default_route_table_id\}?$/.exec(value.expression)?.[1] : undefined;
      const vpc = address === undefined ? undefined : vpcBlocks.find((b) => b.address === address);
      return vpc === undefined ? undefined : this.idOf(vpc);
    };
    const defaultTables = doc.resources("aws_default_route_table").flatMap((block) => {
      const vpcId = vpcOfDefaultTable(doc.value(block, "default_route_table_id"));
      if (vpcId === undefined) return [];
      ownMain.set(vpcId, { id: this.idOf(block), block });
      return [{ block, vpcId }];
    });
    const mainTables = new Map<string, string>([...ownMain].map(([vpc, table]) => [vpc, table.id]));
    for (const block of doc.resources("aws_main_route_table_association")) {
      const vpc = this.text(block, "vpc_id");
      const table = this.text(block, "route_table_id");
      if (vpc !== undefined && table !== undefined) mainTables.set(vpc, table);
    }
    // A route table ID as a route names it: literal, or the main table of a VPC of this stack (`aws_vpc.X.default_route_table_id`).
    const tableIdOf = (block: TerraformBlock, key: string): string | undefined => {
      const text = this.text(block, key);
      if (text !== undefined) return text;
      const vpcId = vpcOfDefaultTable(doc.value(block, key));
      return vpcId === undefined ? undefined : ownMain.get(vpcId)?.id;
    };
    for (const block of doc.resources("aws_subnet")) {
      const id = this.idOf(block);
      const vpcId = this.vpcFor(this.text(block, "vpc_id"), block.provider) ?? "unknown";
      this.subnets.push({
        ...this.base(block),
        id,
        vpcId,
        availabilityZone: this.text(block, "availability_zone"),
        availabilityZoneId: this.text(block, "availability_zone_id"),
        ipv4Cidr: this.text(block, "cidr_block"),
        ipv6Cidr: this.text(block, "ipv6_cidr_block"),
        routeTableId: associations.get(id) ?? mainTables.get(vpcId),
      });
    }
    const extraRoutes = new Map<string, RouteEntry[]>();
    const addRoute = (tableId: string | undefined, route: RouteEntry): void => {
      if (tableId === undefined) return;
      extraRoutes.set(tableId, [...(extraRoutes.get(tableId) ?? []), route]);
    };
    for (const block of doc.resources("aws_route")) {
      const route = this.routeOf(block.address, (...path) => doc.value(block, ...path));
      if (route !== undefined) addRoute(tableIdOf(block, "route_table_id"), route);
    }
    for (const block of doc.resources("aws_vpc_endpoint_route_table_association")) {
      const endpoint = doc.resources("aws_vpc_endpoint").find((e) => this.idOf(e) === this.text(block, "vpc_endpoint_id"));
      const service = endpoint === undefined ? undefined : this.text(endpoint, "service_name");
      addRoute(this.text(block, "route_table_id"), {
        destination: `pl:${service ?? "unknown"}`,
        kind: "gatewayEndpoint",
        target: this.text(block, "vpc_endpoint_id"),
        source: block.address,
      });
    }
    for (const block of doc.resources("aws_vpc_endpoint")) {
      if ((this.text(block, "vpc_endpoint_type") ?? "Gateway") !== "Gateway") continue;
      const service = this.text(block, "service_name") ?? "unknown";
      for (const table of this.strings(block, "route_table_ids"))
        addRoute(table, { destination: `pl:${service}`, kind: "gatewayEndpoint", target: this.idOf(block), source: block.address });
    }
    // aws_route_table and aws_default_route_table alike: the VPC's local routes, inline routes, and aws_route blocks.
    const tables = [
      ...doc.resources("aws_route_table").map((block) => ({ block, vpcId: this.vpcFor(this.text(block, "vpc_id"), block.provider) ?? "unknown" })),
      ...defaultTables,
    ];
    for (const { block, vpcId } of tables) {
      const id = this.idOf(block);
      const vpc = this.vpc(vpcId);
      const local = [...(vpc?.ipv4Cidrs ?? []), ...(vpc?.ipv6Cidrs ?? [])].map((cidr): RouteEntry => ({
        destination: cidr,
        kind: "local",
        source: block.address,
      }));
      const inline = doc.nested(block, "route").flatMap((route, i) => {
        const entry = this.routeOf(`${block.address}.route[${i}]`, (...path) =>
          path.reduce<TfValue>((v, s) => (v as Record<string, TfValue>)?.[s as string] ?? null, route as TfValue),
        );
        return entry === undefined ? [] : [entry];
      });
      this.routeTables.push({ ...this.base(block), id, vpcId, routes: [...local, ...inline, ...(extraRoutes.get(id) ?? [])] });
    }
    // The main route table AWS makes with each VPC, when no aws_default_route_table manages it: its local routes, and any aws_route added to it.
    for (const block of vpcBlocks) {
      const vpcId = this.idOf(block);
      const main = ownMain.get(vpcId);
      if (main === undefined || main.block !== undefined) continue;
      const vpc = this.vpc(vpcId);
      const local = [...(vpc?.ipv4Cidrs ?? []), ...(vpc?.ipv6Cidrs ?? [])].map((cidr): RouteEntry => ({
        destination: cidr,
        kind: "local",
        source: block.address,
      }));
      this.routeTables.push({
        address: block.address,
        path: `${block.path.replace(/\/Resource$/, "")}/main route table`,
        provider: block.provider,
        id: main.id,
        vpcId,
        routes: [...local, ...(extraRoutes.get(main.id) ?? [])],
      });
    }
    for (const [tableId, routes] of extraRoutes) if (this.routeTable(tableId) === undefined) this.routesAddedElsewhere.set(tableId, routes);
  }

  private routeOf(source: string, value: (...path: string[]) => TfValue): RouteEntry | undefined {
    const str = (key: string): string | undefined => {
      const v = value(key);
      return typeof v === "string" && v !== "" ? v : undefined;
    };
    const destination =
      str("destination_cidr_block") ??
      str("cidr_block") ??
      str("destination_ipv6_cidr_block") ??
      str("ipv6_cidr_block") ??
      str("destination_prefix_list_id");
    if (destination === undefined) return undefined;
    const targets: [string, RouteEntry["kind"]][] = [
      ["transit_gateway_id", "transitGateway"],
      ["vpc_peering_connection_id", "peering"],
      ["nat_gateway_id", "natGateway"],
      ["egress_only_gateway_id", "egressOnlyInternetGateway"],
      ["vpc_endpoint_id", "vpcEndpoint"],
      ["network_interface_id", "networkInterface"],
      ["gateway_id", "internetGateway"],
    ];
    for (const [key, kind] of targets) {
      const target = str(key);
      if (target === undefined) continue;
      const resolved: RouteEntry["kind"] =
        kind === "internetGateway" && target === "local" ? "local" : kind === "internetGateway" && target.startsWith("vgw-") ? "other" : kind;
      return { destination, kind: resolved, target, source };
    }
    return { destination, kind: "other", source };
  }

  private readSecurityGroups(): void {
    const doc = this.document;
    const rulesByGroup = new Map<string, { ingress: SecurityGroupRuleEntry[]; egress: SecurityGroupRuleEntry[] }>();
    const rulesOf = (groupId: string): { ingress: SecurityGroupRuleEntry[]; egress: SecurityGroupRuleEntry[] } => {
      const existing = rulesByGroup.get(groupId) ?? { ingress: [], egress: [] };
      rulesByGroup.set(groupId, existing);
      return existing;
    };
    for (const type of ["aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"]) {
      for (const block of doc.resources(type)) {
        const group = this.text(block, "security_group_id");
        if (group === undefined) continue;
        const protocol = String(doc.value(block, "ip_protocol") ?? "-1").toLowerCase();
        const from = this.num(block, "from_port");
        const to = this.num(block, "to_port");
        const rule: SecurityGroupRuleEntry = {
          protocol: protocol === "all" ? "-1" : protocol,
          ports: protocol === "-1" || protocol === "all" || from === undefined ? ALL_PORTS : { from, to: to ?? from },
          peer: this.peerOf((k) => doc.value(block, k), ["cidr_ipv4", "cidr_ipv6", "prefix_list_id", "referenced_security_group_id"]),
          description: this.text(block, "description"),
          source: block.address,
        };
        rulesOf(group)[type.endsWith("ingress_rule") ? "ingress" : "egress"].push(rule);
      }
    }
    for (const block of doc.resources("aws_security_group_rule")) {
      const group = this.text(block, "security_group_id");
      if (group === undefined) continue;
      const direction = this.text(block, "type") === "egress" ? "egress" : "ingress";
      for (const rule of this.legacyRules((k) => doc.value(block, k), block.address)) rulesOf(group)[direction].push(rule);
    }
    for (const block of doc.resources("aws_security_group", "aws_default_security_group")) {
      const id = this.idOf(block);
      const own = rulesOf(id);
      for (const direction of ["ingress", "egress"] as const) {
        doc.nested(block, direction).forEach((rule, i) => {
          own[direction].push(...this.legacyRules((k) => (rule as Record<string, TfValue>)[k] ?? null, `${block.address}.${direction}[${i}]`));
        });
      }
      this.securityGroups.push({
        ...this.base(block),
        id,
        vpcId: this.vpcFor(this.text(block, "vpc_id"), block.provider),
        label: this.text(block, "tags", "Name") ?? this.text(block, "name") ?? block.path.split("/").slice(1, -1).join("/"),
        ingress: own.ingress,
        egress: own.egress,
        external: false,
      });
    }
    // Rules added to groups this stack does not create (imported by ID).
    for (const [groupId, rules] of rulesByGroup) {
      if (this.securityGroup(groupId) !== undefined) continue;
      this.securityGroups.push({
        address: `external:${groupId}`,
        path: groupId,
        provider: "aws",
        id: groupId,
        label: groupId,
        ingress: rules.ingress,
        egress: rules.egress,
        external: true,
      });
    }
  }

  /** Rules in the `aws_security_group_rule` / inline shape: one per CIDR, prefix list or group. */
  private legacyRules(value: (key: string) => TfValue, source: string): SecurityGroupRuleEntry[] {
    const protocol = String(value("protocol") ?? "-1").toLowerCase();
    const from = typeof value("from_port") === "number" ? (value("from_port") as number) : undefined;
    const to = typeof value("to_port") === "number" ? (value("to_port") as number) : undefined;
    const ports = protocol === "-1" || protocol === "all" || from === undefined ? ALL_PORTS : { from, to: to ?? from };
    const list = (key: string): TfValue[] => {
      const v = value(key);
      return Array.isArray(v) ? (v as TfValue[]) : v === null ? [] : [v];
    };
    const peers: RulePeer[] = [
      ...list("cidr_blocks").map((c) => this.peerFromValue("cidr", c)),
      ...list("ipv6_cidr_blocks").map((c) => this.peerFromValue("cidr", c)),
      ...list("prefix_list_ids").map((c) => this.peerFromValue("prefixList", c)),
      ...list("security_groups").map((c) => this.peerFromValue("securityGroup", c)),
      ...(typeof value("source_security_group_id") === "string" ? [this.peerFromValue("securityGroup", value("source_security_group_id"))] : []),
    ];
    if (value("self") === true) peers.push({ kind: "securityGroup", securityGroupId: "self" });
    return peers.map((peer) => ({
      protocol: protocol === "all" ? "-1" : protocol,
      ports,
      peer,
      description: typeof value("description") === "string" ? (value("description") as string) : undefined,
      source,
    }));
  }

  private peerOf(value: (key: string) => TfValue, keys: readonly string[]): RulePeer {
    const kinds: Record<string, "cidr" | "prefixList" | "securityGroup"> = {
      cidr_ipv4: "cidr",
      cidr_ipv6: "cidr",
      prefix_list_id: "prefixList",
      referenced_security_group_id: "securityGroup",
    };
    for (const key of keys) {
      const v = value(key);
      if (v !== null) return this.peerFromValue(kinds[key], v);
    }
    return { kind: "unknown", expression: "no peer" };
  }

  private peerFromValue(kind: "cidr" | "prefixList" | "securityGroup", value: TfValue): RulePeer {
    if (kind === "prefixList" && value instanceof Unknown) {
      // A gateway endpoint's prefix list is known only at apply: the rule names it by the endpoint's service, as its routes do.
      const endpoint = /^(aws_vpc_endpoint\.[\w-]+)\.prefix_list_id$/.exec(value.expression)?.[1];
      const block = endpoint === undefined ? undefined : this.document.block(endpoint);
      const service = block === undefined ? undefined : this.text(block, "service_name");
      if (service !== undefined) return { kind, prefixListId: `pl:${service}` };
    }
    if (typeof value !== "string") return { kind: "unknown", expression: value instanceof Unknown ? value.expression : JSON.stringify(value) };
    if (kind === "cidr") return { kind, cidr: value };
    if (kind === "prefixList") return { kind, prefixListId: value };
    return { kind, securityGroupId: value };
  }

  private readEndpoints(): void {
    const doc = this.document;
    const privateDns = new Map<string, boolean>();
    for (const block of doc.resources("aws_vpc_endpoint_private_dns")) {
      const endpoint = this.text(block, "vpc_endpoint_id");
      if (endpoint !== undefined) privateDns.set(endpoint, this.bool(block, false, "private_dns_enabled"));
    }
    const policies = new Map<string, string>();
    for (const block of doc.resources("aws_vpc_endpoint_policy")) {
      const endpoint = this.text(block, "vpc_endpoint_id");
      const policy = this.text(block, "policy");
      if (endpoint !== undefined && policy !== undefined) policies.set(endpoint, policy);
    }
    const extraSubnets = this.associations("aws_vpc_endpoint_subnet_association", "vpc_endpoint_id", "subnet_id");
    const extraGroups = this.associations("aws_vpc_endpoint_security_group_association", "vpc_endpoint_id", "security_group_id");
    for (const block of doc.resources("aws_vpc_endpoint")) {
      const id = this.idOf(block);
      const listed = doc.list(block, "subnet_ids");
      const dnsOptions = doc.nested(block, "dns_options")[0];
      const entries = awsSyntheticAttributes(block, ["dns_entry"], doc);
      this.endpoints.push({
        ...this.base(block),
        id,
        vpcId: this.vpcFor(this.text(block, "vpc_id"), block.provider) ?? "unknown",
        endpointType: this.text(block, "vpc_endpoint_type") ?? "Gateway",
        serviceName: this.text(block, "service_name"),
        resourceConfigurationArn: this.text(block, "resource_configuration_arn"),
        serviceNetworkArn: this.text(block, "service_network_arn"),
        subnetIds: listed === undefined ? undefined : [...listed.filter((s): s is string => typeof s === "string"), ...(extraSubnets.get(id) ?? [])],
        securityGroupIds: [...this.strings(block, "security_group_ids"), ...(extraGroups.get(id) ?? [])],
        privateDnsEnabled: privateDns.get(id) ?? this.bool(block, false, "private_dns_enabled"),
        privateDnsOnlyForInboundResolverEndpoint:
          typeof dnsOptions?.private_dns_only_for_inbound_resolver_endpoint === "boolean"
            ? dnsOptions.private_dns_only_for_inbound_resolver_endpoint
            : undefined,
        serviceRegion: this.text(block, "service_region"),
        policy: policies.get(id) ?? this.text(block, "policy"),
        routeTableIds: this.strings(block, "route_table_ids"),
        ipAddressType: this.text(block, "ip_address_type") ?? "ipv4",
        dependsOn: ((block.config.depends_on ?? []) as string[]).map((d) => d.replace(/^\$\{|\}$/g, "")),
        dnsNames: Array.isArray(entries) ? (entries as Record<string, TfValue>[]).map((e) => String(e.dns_name)) : [],
      });
    }
    const accepted = this.associations("aws_vpc_endpoint_connection_accepter", "vpc_endpoint_service_id", "vpc_endpoint_id");
    const extraPrincipals = this.associations("aws_vpc_endpoint_service_allowed_principal", "vpc_endpoint_service_id", "principal_arn");
    const verified = new Set(doc.resources("aws_vpc_endpoint_service_private_dns_verification").map((b) => this.text(b, "service_id")));
    for (const block of doc.resources("aws_vpc_endpoint_service")) {
      const id = this.idOf(block);
      const region = this.regionOf(block.provider) ?? "us-east-1";
      this.endpointServices.push({
        ...this.base(block),
        id,
        serviceName: `com.amazonaws.vpce.${region}.${id}`,
        acceptanceRequired: this.bool(block, true, "acceptance_required"),
        allowedPrincipals: [...this.strings(block, "allowed_principals"), ...(extraPrincipals.get(id) ?? [])],
        networkLoadBalancerArns: this.strings(block, "network_load_balancer_arns"),
        gatewayLoadBalancerArns: this.strings(block, "gateway_load_balancer_arns"),
        privateDnsName: this.dnsName(block, "private_dns_name"),
        privateDnsVerified: verified.has(id),
        acceptedEndpointIds: accepted.get(id) ?? [],
        supportedRegions: this.strings(block, "supported_regions"),
      });
    }
  }

  private readLoadBalancers(): void {
    const doc = this.document;
    const listenersByLb = new Map<string, LoadBalancerEntity["listeners"][number][]>();
    for (const block of doc.resources("aws_lb_listener")) {
      const lb = this.text(block, "load_balancer_arn");
      if (lb === undefined) continue;
      const targetGroupArns = doc.nested(block, "default_action").flatMap((action) => {
        const direct = typeof action.target_group_arn === "string" ? [action.target_group_arn] : [];
        const forward = ((action.forward as Record<string, TfValue>[] | undefined) ?? []).flatMap((f) =>
          ((f.target_group as Record<string, TfValue>[] | undefined) ?? []).map((t) => t.arn).filter((a): a is string => typeof a === "string"),
        );
        return [...direct, ...forward];
      });
      listenersByLb.set(lb, [
        ...(listenersByLb.get(lb) ?? []),
        { address: block.address, port: this.num(block, "port") ?? 0, protocol: this.text(block, "protocol") ?? "TCP", targetGroupArns },
      ]);
    }
    for (const block of doc.resources("aws_lb", "aws_alb")) {
      const arn = this.arnOf(block);
      this.loadBalancers.push({
        ...this.base(block),
        arn,
        loadBalancerType: this.text(block, "load_balancer_type") ?? "application",
        internal: this.bool(block, false, "internal"),
        subnetIds: [
          ...this.strings(block, "subnets"),
          ...doc
            .nested(block, "subnet_mapping")
            .map((m) => m.subnet_id)
            .filter((s): s is string => typeof s === "string"),
        ],
        securityGroupIds: this.strings(block, "security_groups"),
        enforceSecurityGroupInboundRulesOnPrivateLinkTraffic:
          this.text(block, "enforce_security_group_inbound_rules_on_private_link_traffic") !== "off",
        listeners: listenersByLb.get(arn) ?? [],
      });
    }
    const targetsByGroup = new Map<string, { id: string; port?: number }[]>();
    for (const block of doc.resources("aws_lb_target_group_attachment")) {
      const group = this.text(block, "target_group_arn");
      const target = this.text(block, "target_id");
      if (group !== undefined && target !== undefined)
        targetsByGroup.set(group, [...(targetsByGroup.get(group) ?? []), { id: target, port: this.num(block, "port") }]);
    }
    for (const block of doc.resources("aws_lb_target_group", "aws_alb_target_group")) {
      const arn = this.arnOf(block);
      this.loadBalancerTargetGroups.push({
        ...this.base(block),
        arn,
        port: this.num(block, "port"),
        targetType: this.text(block, "target_type") ?? "instance",
        protocol: this.text(block, "protocol"),
        healthCheckPort: healthCheckPortOf(doc.nested(block, "health_check")[0]?.port),
        vpcId: this.text(block, "vpc_id"),
        targets: targetsByGroup.get(arn) ?? [],
      });
    }
  }

  private readDns(): void {
    const doc = this.document;
    const associated = new Map<string, string[]>();
    const zoneAccounts = new Map(
      doc.resources("aws_route53_zone").map((b) => [awsSyntheticAttributes(b, ["zone_id"], doc) as string, this.accountOf(b.provider)]),
    );
    const authorized = new Set(
      doc.resources("aws_route53_vpc_association_authorization").map((b) => `${this.text(b, "zone_id")} ${this.text(b, "vpc_id")}`),
    );
    for (const block of doc.resources("aws_route53_zone_association")) {
      const zone = this.text(block, "zone_id");
      const vpc = this.text(block, "vpc_id");
      // Route 53 refuses a VPC of another account unless the zone's account authorized it first.
      const crossAccount = zone !== undefined && zoneAccounts.has(zone) && zoneAccounts.get(zone) !== this.accountOf(block.provider);
      if (crossAccount && !authorized.has(`${zone} ${vpc}`)) continue;
      if (zone !== undefined && vpc !== undefined) associated.set(zone, [...(associated.get(zone) ?? []), vpc]);
    }
    for (const block of doc.resources("aws_route53_zone")) {
      const id = awsSyntheticAttributes(block, ["zone_id"], doc) as string;
      const inline = doc
        .nested(block, "vpc")
        .map((v) => v.vpc_id)
        .filter((v): v is string => typeof v === "string");
      this.hostedZones.push({
        ...this.base(block),
        id,
        name: this.dnsName(block, "name"),
        private: inline.length > 0,
        vpcIds: [...inline, ...(associated.get(id) ?? [])],
        external: false,
      });
    }
    for (const block of doc.resources("aws_route53_record")) {
      const zoneId = this.text(block, "zone_id") ?? "unknown";
      let zone = this.hostedZones.find((z) => z.id === zoneId);
      if (zone === undefined) {
        zone = {
          address: `external:${zoneId}`,
          path: zoneId,
          provider: block.provider,
          id: zoneId,
          private: false,
          vpcIds: associated.get(zoneId) ?? [],
          external: true,
        };
        this.hostedZones.push(zone);
      }
      const raw = this.dnsName(block, "name") ?? "";
      const name = zone.name !== undefined && !isInDnsZone(raw, zone.name) ? (raw === "" ? zone.name : `${raw}.${zone.name}`) : raw;
      const alias = doc.nested(block, "alias")[0];
      this.records.push({
        ...this.base(block),
        zoneId,
        name,
        recordType: this.text(block, "type") ?? "A",
        aliasName: typeof alias?.name === "string" ? canonicalDnsName(alias.name) : undefined,
        values: this.strings(block, "records"),
      });
    }
  }

  private readLattice(): void {
    const doc = this.document;
    const policies = new Map<string, string>();
    for (const block of doc.resources("aws_vpclattice_auth_policy")) {
      const target = this.text(block, "resource_identifier");
      const policy = this.text(block, "policy");
      if (target !== undefined && policy !== undefined) policies.set(target, policy);
    }
    for (const block of doc.resources("aws_vpclattice_service_network")) {
      const id = this.idOf(block);
      const arn = this.arnOf(block);
      this.serviceNetworks.push({
        ...this.base(block),
        id,
        arn,
        name: this.text(block, "name") ?? id,
        authType: this.text(block, "auth_type") ?? "NONE",
        authPolicy: policies.get(arn) ?? policies.get(id),
        external: false,
      });
    }
    const networkRef = (block: TerraformBlock): string => {
      const reference = this.text(block, "service_network_identifier") ?? "unknown";
      if (this.serviceNetwork(reference) === undefined && reference.startsWith("arn:")) {
        this.serviceNetworks.push({
          address: `external:${reference}`,
          path: reference,
          provider: block.provider,
          id: reference.split("/").pop() ?? reference,
          arn: reference,
          name: reference,
          authType: "unknown",
          external: true,
        });
      }
      return reference;
    };
    const dependsOn = (block: TerraformBlock): string[] => ((block.config.depends_on ?? []) as string[]).map((d) => d.replace(/^\$\{|\}$/g, ""));
    for (const block of doc.resources("aws_vpclattice_service_network_vpc_association")) {
      this.vpcAssociations.push({
        ...this.base(block),
        serviceNetwork: networkRef(block),
        vpcId: this.vpcFor(this.text(block, "vpc_identifier"), block.provider) ?? "unknown",
        securityGroupIds: this.strings(block, "security_group_ids"),
        dependsOn: dependsOn(block),
      });
    }
    for (const block of doc.resources("aws_vpclattice_service_network_service_association")) {
      this.serviceAssociations.push({
        ...this.base(block),
        serviceNetwork: networkRef(block),
        member: this.text(block, "service_identifier") ?? "unknown",
        dependsOn: dependsOn(block),
      });
    }
    for (const block of doc.resources("aws_vpclattice_service_network_resource_association")) {
      const entry = firstOf(awsSyntheticAttributes(block, ["dns_entry"], doc) as TfValue);
      this.resourceAssociations.push({
        ...this.base(block),
        serviceNetwork: networkRef(block),
        member: this.text(block, "resource_configuration_identifier") ?? "unknown",
        dependsOn: dependsOn(block),
        dnsName: typeof entry?.domain_name === "string" ? entry.domain_name : undefined,
      });
    }
    const rulesByListener = new Map<string, LatticeRuleEntry[]>();
    for (const block of doc.resources("aws_vpclattice_listener_rule")) {
      const listener = this.text(block, "listener_identifier");
      if (listener === undefined) continue;
      const match = doc.nested(block, "match")[0]?.http_match as Record<string, TfValue>[] | Record<string, TfValue> | undefined;
      const http = (Array.isArray(match) ? match[0] : match) ?? {};
      const pathMatch = firstOf(http.path_match);
      const pathInner = firstOf(pathMatch?.match);
      const headers = (
        Array.isArray(http.header_matches)
          ? (http.header_matches as Record<string, TfValue>[])
          : http.header_matches
            ? [http.header_matches as Record<string, TfValue>]
            : []
      ).map((h) => {
        const inner = firstOf(h.match) ?? {};
        return {
          name: String(h.name).toLowerCase(),
          exact: typeof inner.exact === "string" ? inner.exact : undefined,
          prefix: typeof inner.prefix === "string" ? inner.prefix : undefined,
          contains: typeof inner.contains === "string" ? inner.contains : undefined,
          caseSensitive: h.case_sensitive === true,
        };
      });
      rulesByListener.set(listener, [
        ...(rulesByListener.get(listener) ?? []),
        {
          address: block.address,
          name: this.text(block, "name") ?? block.name,
          priority: this.num(block, "priority") ?? 100,
          match: {
            method: typeof http.method === "string" ? http.method : undefined,
            path:
              pathInner === undefined
                ? undefined
                : {
                    exact: typeof pathInner.exact === "string" ? pathInner.exact : undefined,
                    prefix: typeof pathInner.prefix === "string" ? pathInner.prefix : undefined,
                    caseSensitive: pathMatch?.case_sensitive === true,
                  },
            headers,
          },
          action: actionOf(firstOf(doc.value(block, "action"))),
        },
      ]);
    }
    const listenersByService = new Map<string, LatticeListenerEntry[]>();
    for (const block of doc.resources("aws_vpclattice_listener")) {
      const service = this.text(block, "service_identifier") ?? this.text(block, "service_arn");
      if (service === undefined) continue;
      const listenerId = awsSyntheticAttributes(block, ["listener_id"], doc) as string;
      const protocol = this.text(block, "protocol") ?? "HTTPS";
      listenersByService.set(service, [
        ...(listenersByService.get(service) ?? []),
        {
          address: block.address,
          name: this.text(block, "name") ?? block.name,
          port: this.num(block, "port") ?? (protocol === "HTTP" ? 80 : 443),
          protocol,
          defaultAction: actionOf(firstOf(doc.value(block, "default_action"))),
          rules: [...(rulesByListener.get(listenerId) ?? [])].sort((a, b) => a.priority - b.priority),
        },
      ]);
    }
    for (const block of doc.resources("aws_vpclattice_service")) {
      const id = this.idOf(block);
      const arn = this.arnOf(block);
      const dns = awsSyntheticAttributes(block, ["dns_entry", 0, "domain_name"], doc);
      this.latticeServices.push({
        ...this.base(block),
        id,
        arn,
        name: this.text(block, "name") ?? id,
        authType: this.text(block, "auth_type") ?? "NONE",
        authPolicy: policies.get(arn) ?? policies.get(id),
        customDomainName: this.dnsName(block, "custom_domain_name"),
        certificateArn: this.text(block, "certificate_arn"),
        dnsName: String(dns),
        listeners: [...(listenersByService.get(id) ?? []), ...(listenersByService.get(arn) ?? [])],
        external: false,
      });
    }
    const targets = new Map<string, LatticeTargetGroupEntity["targets"][number][]>();
    for (const block of doc.resources("aws_vpclattice_target_group_attachment")) {
      const group = this.text(block, "target_group_identifier");
      const target = doc.nested(block, "target")[0];
      // A target only Terraform computes (cidrhost of the VPC's Amazon-provided block) is still a target: named by its expression.
      const raw = block.config.target as Json | Json[] | undefined;
      const written = (Array.isArray(raw) ? raw[0] : raw)?.id;
      const id = typeof target?.id === "string" ? target.id : typeof written === "string" ? written : undefined;
      if (group === undefined || id === undefined) continue;
      targets.set(group, [
        ...(targets.get(group) ?? []),
        { id, port: typeof target?.port === "number" ? target.port : undefined, address: block.address },
      ]);
    }
    for (const block of doc.resources("aws_vpclattice_target_group")) {
      const id = this.idOf(block);
      const config = doc.nested(block, "config")[0] ?? {};
      const health = firstOf(config.health_check);
      const annotated = block.annotations.targetSecurityGroupIds;
      this.latticeTargetGroups.push({
        ...this.base(block),
        id,
        arn: this.arnOf(block),
        name: this.text(block, "name") ?? id,
        targetType: this.text(block, "type") ?? "IP",
        vpcId: typeof config.vpc_identifier === "string" ? config.vpc_identifier : undefined,
        port: typeof config.port === "number" ? config.port : undefined,
        protocol: typeof config.protocol === "string" ? config.protocol : undefined,
        ipAddressType: typeof config.ip_address_type === "string" ? config.ip_address_type : "IPV4",
        healthCheckPort: typeof health?.port === "number" ? health.port : undefined,
        healthChecked: latticeHealthChecked(config.protocol_version, health?.enabled),
        targets: [...(targets.get(id) ?? []), ...(targets.get(this.arnOf(block)) ?? [])],
        targetSecurityGroupIds: Array.isArray(annotated)
          ? (annotated as unknown[]).map((g) => doc.evaluate(g)).filter((g): g is string => typeof g === "string")
          : undefined,
        registeredBy: typeof block.annotations.registeredBy === "string" ? block.annotations.registeredBy : undefined,
      });
    }
    for (const block of doc.resources("aws_lambda_permission")) {
      this.lambdaPermissions.push({
        ...this.base(block),
        functionName: this.text(block, "function_name") ?? "unknown",
        qualifier: this.text(block, "qualifier"),
        principal: this.text(block, "principal") ?? "unknown",
        sourceArn: this.text(block, "source_arn"),
        action: this.text(block, "action") ?? "lambda:InvokeFunction",
      });
    }
  }

  private readResources(): void {
    const doc = this.document;
    for (const block of doc.resources("aws_vpclattice_resource_gateway")) {
      this.resourceGateways.push({
        ...this.base(block),
        id: this.idOf(block),
        arn: this.arnOf(block),
        name: this.text(block, "name") ?? block.name,
        vpcId: this.vpcFor(this.text(block, "vpc_id"), block.provider) ?? "unknown",
        subnetIds: this.strings(block, "subnet_ids"),
        securityGroupIds: this.strings(block, "security_group_ids"),
        ipAddressType: this.text(block, "ip_address_type") ?? "IPV4",
        external: false,
      });
    }
    for (const block of doc.resources("aws_vpclattice_resource_configuration")) {
      const definition = doc.nested(block, "resource_configuration_definition")[0] ?? {};
      const dns = firstOf(definition.dns_resource);
      const ip = firstOf(definition.ip_resource);
      const arn = firstOf(definition.arn_resource);
      const resource: ResourceDefinitionEntity =
        typeof dns?.domain_name === "string"
          ? {
              kind: "dns",
              domainName: canonicalDnsName(dns.domain_name),
              ipAddressType: typeof dns.ip_address_type === "string" ? dns.ip_address_type : "IPV4",
            }
          : typeof ip?.ip_address === "string"
            ? { kind: "ip", ipAddress: ip.ip_address }
            : typeof arn?.arn === "string"
              ? { kind: "arn", arn: arn.arn }
              : { kind: "none" };
      this.resourceConfigurations.push({
        ...this.base(block),
        id: this.idOf(block),
        arn: this.arnOf(block),
        name: this.text(block, "name") ?? block.name,
        configurationType: this.text(block, "type") ?? "SINGLE",
        resourceGateway: this.text(block, "resource_gateway_identifier"),
        group: this.text(block, "resource_configuration_group_id"),
        definition: resource,
        portRanges: portRangesOf(this.strings(block, "port_ranges")),
        allowAssociationToShareableServiceNetwork: this.bool(block, false, "allow_association_to_shareable_service_network"),
        external: false,
      });
    }
    this.readImportedConfigurations();
  }

  /** What association resources of one type add to a resource: by the resource's ID (`key`), the values of `value` in order. */
  private associations(type: string, key: string, value: string): Map<string, string[]> {
    const grouped = new Map<string, string[]>();
    for (const block of this.document.resources(type)) {
      const [owner, added] = [this.text(block, key), this.text(block, value)];
      if (owner !== undefined && added !== undefined) grouped.set(owner, [...(grouped.get(owner) ?? []), added]);
    }
    return grouped;
  }

  /**
   * Configurations made elsewhere (another account's, shared with this one),
   * with the terms their owner publishes, as their importers record them
   * (`//.flows.importedResourceConfigurations`): the ports, the type and the
   * gateway's AZ IDs a consumer's flows are judged by.
   */
  private readImportedConfigurations(): void {
    const recorded = this.document.annotations.importedResourceConfigurations;
    if (recorded === null || typeof recorded !== "object") return;
    for (const raw of Object.values(recorded as Record<string, unknown>)) {
      const terms = this.document.evaluate(raw) as Record<string, unknown>;
      const arn = terms.arn;
      // An import of a configuration of this stack adds nothing to what its block says.
      if (typeof arn !== "string" || this.resourceConfiguration(arn) !== undefined) continue;
      const id = typeof terms.id === "string" ? terms.id : (arn.split("/").pop() ?? arn);
      const zones = Array.isArray(terms.gatewayAvailabilityZoneIds)
        ? terms.gatewayAvailabilityZoneIds.filter((z): z is string => typeof z === "string")
        : undefined;
      this.resourceConfigurations.push({
        address: `external:${arn}`,
        path: arn,
        provider: "",
        id,
        arn,
        name: id,
        configurationType: typeof terms.type === "string" ? terms.type : "unknown",
        definition: { kind: "none" },
        portRanges: portRangesOf(Array.isArray(terms.portRanges) ? terms.portRanges : []),
        allowAssociationToShareableServiceNetwork: false,
        external: true,
        gatewayAvailabilityZoneIds: zones,
      });
    }
  }

  private readShares(): void {
    const doc = this.document;
    const members = (type: string, key: string): Map<string, { address: string; value: string }[]> => {
      const map = new Map<string, { address: string; value: string }[]>();
      for (const block of doc.resources(type)) {
        const share = this.text(block, "resource_share_arn");
        const value = this.text(block, key);
        if (share !== undefined && value !== undefined) map.set(share, [...(map.get(share) ?? []), { address: block.address, value }]);
      }
      return map;
    };
    const principals = members("aws_ram_principal_association", "principal");
    const resources = members("aws_ram_resource_association", "resource_arn");
    const accepters = new Map<string, { address: string; provider: string }[]>();
    for (const block of doc.resources("aws_ram_resource_share_accepter")) {
      const share = this.text(block, "share_arn");
      if (share !== undefined) accepters.set(share, [...(accepters.get(share) ?? []), { address: block.address, provider: block.provider }]);
    }
    for (const block of doc.resources("aws_ram_resource_share")) {
      const arn = this.arnOf(block);
      this.shares.push({
        ...this.base(block),
        arn,
        name: this.text(block, "name") ?? block.name,
        allowExternalPrincipals: this.bool(block, false, "allow_external_principals"),
        principals: principals.get(arn) ?? [],
        resources: resources.get(arn) ?? [],
        accepters: accepters.get(arn) ?? [],
      });
    }
    // Shares made elsewhere that this stack accepts (a member deployed on its own).
    for (const [arn, list] of accepters) {
      if (this.shares.some((s) => s.arn === arn)) continue;
      this.shares.push({
        address: `external:${arn}`,
        path: arn,
        provider: list[0].provider,
        arn,
        name: arn,
        allowExternalPrincipals: true,
        principals: [],
        resources: [],
        accepters: list,
      });
    }
  }

  private readTransit(): void {
    const doc = this.document;
    for (const block of doc.resources("aws_ec2_transit_gateway")) {
      this.transitGateways.push({
        ...this.base(block),
        id: this.idOf(block),
        arn: this.arnOf(block),
        autoAcceptSharedAttachments: this.text(block, "auto_accept_shared_attachments") === "enable",
        defaultRouteTableAssociation: this.text(block, "default_route_table_association") !== "disable",
        defaultRouteTablePropagation: this.text(block, "default_route_table_propagation") !== "disable",
        securityGroupReferencing: this.text(block, "security_group_referencing_support") === "enable",
        defaultRouteTableRefs: [`${block.address}.association_default_route_table_id`, `${block.address}.propagation_default_route_table_id`],
      });
    }
    for (const block of doc.resources("aws_ec2_transit_gateway_route")) {
      const table = doc.value(block, "transit_gateway_route_table_id");
      const routeTable = typeof table === "string" ? table : table instanceof Unknown ? table.expression.replace(/^\$\{|\}$/g, "") : undefined;
      const destination = this.text(block, "destination_cidr_block");
      if (routeTable === undefined || destination === undefined) continue;
      this.transitGatewayRoutes.push({
        ...this.base(block),
        routeTable,
        destination,
        attachmentId: this.text(block, "transit_gateway_attachment_id"),
        blackhole: this.bool(block, false, "blackhole"),
      });
    }
    const attachmentAccepters = new Map(
      doc.resources("aws_ec2_transit_gateway_vpc_attachment_accepter").map((b) => [
        this.text(b, "transit_gateway_attachment_id"),
        {
          address: b.address,
          defaultAssociation: this.bool(b, true, "transit_gateway_default_route_table_association"),
          defaultPropagation: this.bool(b, true, "transit_gateway_default_route_table_propagation"),
        },
      ]),
    );
    const explicitTables = (type: string): [string, string][] =>
      doc
        .resources(type)
        .map((b) => [this.text(b, "transit_gateway_attachment_id"), this.text(b, "transit_gateway_route_table_id")] as const)
        .filter((pair): pair is [string, string] => pair[0] !== undefined && pair[1] !== undefined);
    const associatedTables = new Map(explicitTables("aws_ec2_transit_gateway_route_table_association"));
    const propagations = explicitTables("aws_ec2_transit_gateway_route_table_propagation");
    for (const block of doc.resources("aws_ec2_transit_gateway_vpc_attachment")) {
      const attachmentId = this.idOf(block);
      this.transitGatewayAttachments.push({
        ...this.base(block),
        id: this.idOf(block),
        transitGatewayId: this.text(block, "transit_gateway_id") ?? "unknown",
        vpcId: this.vpcFor(this.text(block, "vpc_id"), block.provider) ?? "unknown",
        subnetIds: this.strings(block, "subnet_ids"),
        defaultAssociation: this.bool(block, true, "transit_gateway_default_route_table_association"),
        defaultPropagation: this.bool(block, true, "transit_gateway_default_route_table_propagation"),
        ipv6Support: this.text(block, "ipv6_support") === "enable",
        securityGroupReferencing: this.text(block, "security_group_referencing_support") !== "disable",
        applianceMode: this.text(block, "appliance_mode_support") === "enable",
        associatedRouteTable: associatedTables.get(attachmentId),
        propagatesTo: propagations.filter(([attachment]) => attachment === attachmentId).map(([, table]) => table),
        accepter: attachmentAccepters.get(this.idOf(block)),
      });
    }
    const accepters = doc.resources("aws_vpc_peering_connection_accepter");
    for (const block of doc.resources("aws_vpc_peering_connection")) {
      const id = this.idOf(block);
      const accepter = accepters.find((b) => this.text(b, "vpc_peering_connection_id") === id);
      const region = this.regionOf(block.provider);
      const peerRegion = this.text(block, "peer_region") ?? (accepter === undefined ? undefined : this.regionOf(accepter.provider));
      const peerOwner = this.text(block, "peer_owner_id");
      const account = this.accountOf(block.provider);
      const autoAccept = this.bool(block, false, "auto_accept");
      const autoAcceptIgnored = !autoAccept
        ? undefined
        : this.text(block, "peer_region") !== undefined
          ? `auto_accept does not accept a peering with peer_region set (AWS auto-accepts only within one account and Region: accept it with an aws_vpc_peering_connection_accepter)`
          : peerOwner !== undefined && account !== undefined && peerOwner !== account
            ? `auto_accept does not accept a peering with a VPC of account ${peerOwner} (AWS auto-accepts only within one account and Region: accept it with an aws_vpc_peering_connection_accepter)`
            : undefined;
      this.peeringConnections.push({
        ...this.base(block),
        id,
        vpcId: this.text(block, "vpc_id") ?? "unknown",
        peerVpcId: this.text(block, "peer_vpc_id") ?? "unknown",
        accepted: (autoAccept && autoAcceptIgnored === undefined) || accepter !== undefined,
        autoAcceptIgnored,
        regions: region !== undefined && peerRegion !== undefined && region !== peerRegion ? [region, peerRegion] : undefined,
      });
    }
  }
}

function firstOf(value: TfValue | undefined): Record<string, TfValue> | undefined {
  const item = Array.isArray(value) ? (value as TfValue[])[0] : value;
  return item !== null && item !== undefined && typeof item === "object" && !(item instanceof Unknown) && !Array.isArray(item)
    ? (item as Record<string, TfValue>)
    : undefined;
}

function actionOf(action: Record<string, TfValue> | undefined): LatticeActionEntry {
  const fixed = firstOf(action?.fixed_response);
  if (fixed !== undefined) return { kind: "fixedResponse", statusCode: typeof fixed.status_code === "number" ? fixed.status_code : 404 };
  const forward = firstOf(action?.forward);
  const groups = (
    Array.isArray(forward?.target_groups)
      ? (forward.target_groups as Record<string, TfValue>[])
      : forward?.target_groups
        ? [forward.target_groups as Record<string, TfValue>]
        : []
  ).map((t) => ({
    id: String(t.target_group_identifier),
    weight: typeof t.weight === "number" ? t.weight : 100,
  }));
  return { kind: "forward", targetGroups: groups };
}

/** `port_ranges` strings (`"5432"`, `"8000-8100"`) as ranges; anything else is left out. */
function portRangesOf(values: readonly unknown[]): { from: number; to: number }[] {
  return values.flatMap((value) => {
    const match = typeof value === "string" ? /^(\d+)(?:-(\d+))?$/.exec(value) : null;
    return match === null ? [] : [{ from: Number(match[1]), to: Number(match[2] ?? match[1]) }];
  });
}

/**
 * Whether VPC Lattice health-checks a target group's targets: not when
 * `enabled` is false, never for gRPC, and for HTTP/2 only when enabled
 * (health checks are off by default there; target-group-health-checks in
 * the VPC Lattice guide). A value only known at apply counts as on.
 */
function latticeHealthChecked(protocolVersion: TfValue | undefined, enabled: TfValue | undefined): boolean {
  if (enabled === false) return false;
  if (protocolVersion === "GRPC") return false;
  if (protocolVersion === "HTTP2") return enabled === true;
  return true;
}

/** A health check's `port`: a number (as a string), or `traffic-port` (the target group's own). */
function healthCheckPortOf(value: TfValue | undefined): number | undefined {
  return typeof value === "number" ? value : typeof value === "string" && /^\d+$/.test(value) ? Number(value) : undefined;
}
