import { Construct } from "constructs";
import {
  checkExactlyOne,
  checkInstance,
  checkKnownProps,
  checkLength,
  checkPort,
  checkString,
  isUnresolved,
  OptOut,
  Port,
  requireValue,
  ValidationError,
  recordOptOut,
  RECORDED_OPT_OUTS,
} from "../../core";
import { ResourceEndpoint } from "../../endpoints";
import { IServiceNetwork } from "../../lattice/interfaces";
import { ServiceNetworkResourceAssociation } from "../../lattice/service-network-associations";
import { ResourceShare, ResourceShareAccepter } from "../../ram";
import { SecurityGroupBase } from "../../vpc";
import { ResourceDefinition } from "../resource-definition";
import { gatewayPeers, IResourceGateway } from "../resource-gateway";
import { ResourceConfiguration } from "../resource-configuration";
import { PATTERN_GATEWAY_PROPS, patternGateway, PatternGatewayProps } from "./gateway";
import {
  contractOf,
  normalizePartnerAccess,
  PARTNER_ACCESS_PROPS,
  PartnerAccessProps,
  SharedResourceContract,
  shareWithPartner,
  tagPattern,
} from "./shared-resource-access";

export interface SharedDatabaseProps extends PatternGatewayProps, PartnerAccessProps {
  /** Names the configuration, the share and the gateway made here: 3 to 37 lowercase letters, digits and single hyphens. */
  readonly name: string;
  /**
   * The database: `ResourceDefinition.arn(rdsArn)` (an RDS DB instance or
   * cluster in the gateway's region), or `ResourceDefinition.dns(name)` (its
   * RDS endpoint, or a public record of its private address: the gateway
   * resolves it in public DNS).
   * @default - none; required unless the deprecated databaseArn or databaseDomainName is given
   */
  readonly database?: ResourceDefinition;
  /** @deprecated Use `database: ResourceDefinition.arn(arn)`. @default - none */
  readonly databaseArn?: string;
  /** @deprecated Use `database: ResourceDefinition.dns(name)`. @default - none */
  readonly databaseDomainName?: string;
  /**
   * The port the database listens on (5432 for PostgreSQL, 3306 for
   * MySQL), opened everywhere: the gateway's egress, the database's group,
   * the partner's endpoint. For an ARN database AWS takes the port from RDS,
   * and these security groups must open the same one; for a DNS or IP
   * database it is the only port the configuration offers.
   * @default - none; required (5432 was assumed before: a MySQL database's traffic was dropped)
   */
  readonly port?: number;
  /**
   * The database's security group, made here or an existing one imported
   * with `SecurityGroup.fromSecurityGroupAttributes`: it admits the
   * gateway's security groups on `port` (or the gateway's VPC CIDR for a
   * gateway whose groups are unknown). Required for an ARN database (an
   * RDS database always sits behind security groups, which admit nobody
   * unless told to) unless `databaseIngressManagedElsewhere` says who
   * admits the gateway.
   * @default - none: required for an ARN database without databaseIngressManagedElsewhere; a DNS or IP database is let in by you
   */
  readonly databaseSecurityGroup?: SecurityGroupBase;
  /**
   * Instead of `databaseSecurityGroup`: the database's security group
   * already admits the resource gateway on `port`, or something else adds
   * that rule (`OptOut.because("<who admits the gateway>")`). Without the
   * rule RDS drops every connection from the gateway.
   * @default - none: an ARN database needs databaseSecurityGroup
   */
  readonly databaseIngressManagedElsewhere?: OptOut;
  /**
   * A service network of the owner account to associate the configuration
   * with too, made here or imported (`ServiceNetwork.fromArn`), so that its
   * VPCs reach the database through the network (and its resource access
   * logs record the connections).
   * @default - reached through the partner's Resource endpoint only
   */
  readonly serviceNetwork?: IServiceNetwork;
  /**
   * Let the configuration join service networks shared through RAM with
   * other accounts (a platform team's network shared across the
   * organization): AWS refuses its association with such a network
   * otherwise. `OptOut.because("<why>")`, recorded on the configuration.
   * @default - only service networks that are not shared
   */
  readonly allowAssociationToShareableServiceNetwork?: OptOut | boolean;
  /** Tags of everything created here, in both accounts. @default - none beyond the providers' default tags */
  readonly tags?: { readonly [key: string]: string };
}

const NAME_EXPECTED = "a name of 3 to 37 lowercase letters, digits and single hyphens (40 with resourceGateway)";

const SHARED_DATABASE_PROPS: Record<keyof SharedDatabaseProps, true> = {
  ...PATTERN_GATEWAY_PROPS,
  ...PARTNER_ACCESS_PROPS,
  name: true,
  database: true,
  databaseArn: true,
  databaseDomainName: true,
  port: true,
  databaseSecurityGroup: true,
  databaseIngressManagedElsewhere: true,
  serviceNetwork: true,
  allowAssociationToShareableServiceNetwork: true,
  tags: true,
};

/**
 * An RDS database shared privately with a partner account: a
 * resource gateway in the owner VPC (or an existing one), a resource
 * configuration for the database (by ARN, or by DNS name), an AWS RAM share
 * to the partner and, when this configuration manages the partner's account
 * too (`partner`), its acceptance and a Resource VPC endpoint in the partner
 * VPC whose security group opens only the database port. Without `partner`
 * it is the owner's half, deployable with the owner's credentials alone:
 * output `contract` for the partner's {@link SharedResourceConsumer}.
 *
 * Creates: the resources of {@link ResourceGateway} (unless one is given),
 * {@link ResourceConfiguration} and {@link SharedResourceAccess}'s, and with a
 * service network, aws_vpclattice_service_network_resource_association.
 */
export class SharedDatabase extends Construct {
  /** The gateway in the owner VPC, given or made here. */
  public readonly resourceGateway: IResourceGateway;
  /** The database's configuration: ARN type, or SINGLE with a DNS resource. */
  public readonly resourceConfiguration: ResourceConfiguration;
  /** The RAM share of the configuration with the partner. */
  public readonly share: ResourceShare;
  /** The partner's acceptance, for external partners whose side is made here. */
  public readonly accepter?: ResourceShareAccepter;
  /** The partner's endpoint, when its side is made here; its `resource.dnsEntry` holds the names clients connect to. */
  public readonly endpoint?: ResourceEndpoint;
  /** The configuration's association with `serviceNetwork`, if given. */
  public readonly serviceNetworkAssociation?: ServiceNetworkResourceAssociation;
  /** What the partner needs for its half: output these. */
  public readonly contract: SharedResourceContract;

  constructor(scope: Construct, id: string, props: SharedDatabaseProps) {
    super(scope, id);
    checkKnownProps(this, props, SHARED_DATABASE_PROPS);
    requireValue(this, "name", props.name, NAME_EXPECTED);
    checkString(this, "name", props.name);
    // The gateway made here is named <name>-gw, and gateway names stop at 40 characters.
    checkLength(this, "name", props.name, 3, props.resourceGateway === undefined ? 37 : 40);
    const given = this.databaseOf(props);
    // No guess: a database on another port than the one opened here drops every connection, and only the caller knows it.
    const port = requireValue(
      this,
      "port",
      props.port,
      given.kind === "arn"
        ? "the port the database listens on: AWS takes it from RDS, and this library's security groups must open the same (5432 for PostgreSQL, 3306 for MySQL)"
        : "the port the database listens on: the configuration offers only it, and this library's security groups open it (5432 for PostgreSQL, 3306 for MySQL)",
    );
    checkPort(this, "port", port);
    // The port keys the security-group rules of the gateway, the database's group and the partner's endpoint, made at synth.
    if (isUnresolved(port))
      throw new ValidationError(
        this,
        "port",
        port,
        "a literal port (5432 for PostgreSQL, 3306 for MySQL): the security-group rules opened on it are keyed by it at synth",
      );
    const database = given.withSecurityGroupPorts([Port.tcp(port)]);
    const access = normalizePartnerAccess(this, props);
    this.resourceGateway = patternGateway(this, props.name, props);
    const databaseSecurityGroup = checkInstance(
      this,
      "databaseSecurityGroup",
      props.databaseSecurityGroup,
      SecurityGroupBase.isSecurityGroupBase,
      "new SecurityGroup(...) or SecurityGroup.fromSecurityGroupAttributes(...)",
    );
    if (databaseSecurityGroup !== undefined && gatewayPeers(this.resourceGateway).length === 0 && this.resourceGateway.vpc === undefined) {
      throw new ValidationError(
        this,
        "resourceGateway",
        this.resourceGateway.resourceGatewayId,
        "a gateway whose security groups or VPC are known, for the database's group to admit (import it with securityGroups or vpc)",
      );
    }
    const ingressElsewhere = this.checkDatabaseIngress(props, database, databaseSecurityGroup, port);

    this.resourceConfiguration = new ResourceConfiguration(this, "Configuration", {
      name: props.name,
      resourceGateway: this.resourceGateway,
      resource: database,
      ports: database.kind === "arn" ? undefined : [Port.tcp(port)],
      resourceSecurityGroups: databaseSecurityGroup === undefined ? undefined : [databaseSecurityGroup],
      allowAssociationToShareableServiceNetwork: props.allowAssociationToShareableServiceNetwork,
    });
    if (ingressElsewhere !== undefined)
      recordOptOut(this.resourceConfiguration.resource, RECORDED_OPT_OUTS.databaseIngressManagedElsewhere, ingressElsewhere);

    // The share and the partner's side keep the IDs they had under the former SharedResourceAccess child, `Partner`.
    const partnerScope = new Construct(this, "Partner");
    ({
      share: this.share,
      accepter: this.accepter,
      endpoint: this.endpoint,
    } = shareWithPartner(partnerScope, props.name, this.resourceConfiguration, access, this));
    this.contract = contractOf(this.resourceConfiguration, this.share);

    if (props.serviceNetwork !== undefined) {
      this.serviceNetworkAssociation = new ServiceNetworkResourceAssociation(this, "ServiceNetworkAssociation", {
        serviceNetwork: props.serviceNetwork,
        resourceConfiguration: this.resourceConfiguration,
      });
    }
    tagPattern(this, props.tags);
  }

  /**
   * An ARN database is an RDS database, always behind security groups that
   * admit nobody unless told to: without `databaseSecurityGroup` (which gets
   * the rule admitting the gateway) the caller says who admits it, else
   * every connection from the gateway is dropped. A DNS or IP database may
   * be reached without a security group (on premises, or behind a load
   * balancer without groups), so it is not refused.
   */
  private checkDatabaseIngress(
    props: SharedDatabaseProps,
    database: ResourceDefinition,
    databaseSecurityGroup: SecurityGroupBase | undefined,
    port: number,
  ): string | undefined {
    // An OptOut only: a JavaScript caller's `true` would say nobody knows who admits the gateway.
    const elsewhere = checkInstance(
      this,
      "databaseIngressManagedElsewhere",
      props.databaseIngressManagedElsewhere,
      OptOut.isOptOut,
      'OptOut.because("<who admits the gateway>")',
    )?.validate(this, "databaseIngressManagedElsewhere");
    if (elsewhere !== undefined && databaseSecurityGroup !== undefined) {
      throw new ValidationError(
        this,
        "databaseIngressManagedElsewhere",
        props.databaseIngressManagedElsewhere,
        "nothing beside databaseSecurityGroup: the rule admitting the gateway is added to that group here",
      );
    }
    if (database.kind !== "arn" || databaseSecurityGroup !== undefined || elsewhere !== undefined) return elsewhere;
    throw new ValidationError(
      this,
      "databaseSecurityGroup",
      undefined,
      `the database's security group (SecurityGroup.fromSecurityGroupAttributes(...)), which gets the rule admitting the resource gateway on ${port}, or databaseIngressManagedElsewhere: OptOut.because("<who admits the gateway>"): without the rule RDS drops every connection from the gateway`,
    );
  }

  /** The database as a definition without security-group ports (`port` becomes them): given as `database`, or by the deprecated ARN or DNS name. */
  private databaseOf(props: SharedDatabaseProps): ResourceDefinition {
    const kind = checkExactlyOne(this, { database: props.database, databaseArn: props.databaseArn, databaseDomainName: props.databaseDomainName });
    if (kind === "databaseArn") return ResourceDefinition.arn(requireValue(this, "databaseArn", props.databaseArn, "an RDS ARN"));
    if (kind === "databaseDomainName")
      return ResourceDefinition.dns(requireValue(this, "databaseDomainName", props.databaseDomainName, "a DNS name"));
    const database = requireValue(
      this,
      "database",
      checkInstance(this, "database", props.database, ResourceDefinition.isResourceDefinition, "ResourceDefinition.arn, .dns or .ipAddress"),
      "the database",
    );
    if (database.securityGroupPorts !== undefined) {
      throw new ValidationError(
        this,
        "database.securityGroupPorts",
        database.securityGroupPorts,
        "unset: SharedDatabase opens `port` everywhere (give it instead)",
      );
    }
    return database;
  }
}
