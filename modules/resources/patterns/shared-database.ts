import { Construct } from "constructs";
import { checkExactlyOne, checkPort, requireValue } from "../../core";
import { ResourceEndpoint } from "../../endpoints";
import { IServiceNetwork } from "../../lattice/interfaces";
import { ServiceNetworkResourceAssociation } from "../../lattice/service-network-associations";
import { ResourceShare, ResourceShareAccepter } from "../../ram";
import { Peer, SecurityGroup } from "../../vpc";
import { IResourceGateway } from "../resource-gateway";
import { ResourceConfiguration } from "../resource-configuration";
import { patternGateway, PatternGatewayProps } from "./gateway";
import { PartnerAccessProps, SharedResourceAccess } from "./shared-resource-access";

export interface SharedDatabaseProps extends PatternGatewayProps, PartnerAccessProps {
  /** Names the configuration, the share and the gateway made here: 3 to 37 lowercase letters, digits and single hyphens. */
  readonly name: string;
  /** The database as an AWS resource (an RDS DB instance or cluster ARN). Exactly one of databaseArn, databaseDomainName. @default - none */
  readonly databaseArn?: string;
  /** The database's DNS name, which the gateway resolves in public DNS: its RDS endpoint, or a public record of its private address. @default - none */
  readonly databaseDomainName?: string;
  /** The port the database listens on. @default 5432 */
  readonly port?: number;
  /**
   * The database's security group; it gets an ingress rule from the gateway's
   * security group (or the owner VPC's CIDR for a gateway without one).
   * @default - none: let the gateway in yourself
   */
  readonly databaseSecurityGroup?: SecurityGroup;
  /**
   * A service network of the owner account to associate the configuration
   * with too, so that its VPCs reach the database through the network (and
   * its resource access logs record the connections).
   * @default - reached through the partner's Resource endpoint only
   */
  readonly serviceNetwork?: IServiceNetwork;
}

/**
 * An RDS database shared privately with a partner account: a
 * resource gateway in the owner VPC, a resource configuration for the
 * database (by ARN, or by DNS name and port), and through
 * {@link SharedResourceAccess} an AWS RAM share to the partner, its
 * acceptance and a Resource VPC endpoint in the partner VPC whose security
 * group opens only the database port.
 *
 * Creates: the resources of {@link ResourceGateway} (unless one is given),
 * {@link ResourceConfiguration} and {@link SharedResourceAccess}, and with a
 * service network, aws_vpclattice_service_network_resource_association.
 */
export class SharedDatabase extends Construct {
  /** The gateway in the owner VPC, given or made here. */
  public readonly resourceGateway: IResourceGateway;
  /** The database's configuration: ARN type, or SINGLE with a DNS resource. */
  public readonly resourceConfiguration: ResourceConfiguration;
  /** The RAM share of the configuration with the partner. */
  public readonly share: ResourceShare;
  /** The partner's acceptance, for external partners. */
  public readonly accepter?: ResourceShareAccepter;
  /** The partner's endpoint; its `resource.dnsEntry` holds the names clients connect to. */
  public readonly endpoint: ResourceEndpoint;
  /** The configuration's association with `serviceNetwork`, if given. */
  public readonly serviceNetworkAssociation?: ServiceNetworkResourceAssociation;

  constructor(scope: Construct, id: string, props: SharedDatabaseProps) {
    super(scope, id);
    const kind = checkExactlyOne(this, { databaseArn: props.databaseArn, databaseDomainName: props.databaseDomainName });
    const port = props.port ?? 5432;
    checkPort(this, "port", port);

    this.resourceGateway = patternGateway(this, props.name, props);
    const portRanges = [`${port}`];
    this.resourceConfiguration = new ResourceConfiguration(this, "Configuration", {
      name: props.name,
      resourceGateway: this.resourceGateway,
      ...(kind === "databaseArn"
        ? { arnResource: { arn: props.databaseArn!, securityGroupPortRanges: portRanges } }
        : { dnsResource: { domainName: props.databaseDomainName! }, portRanges }),
    });
    props.databaseSecurityGroup?.addIngressRule({
      peer: this.resourceGateway.securityGroup
        ? Peer.securityGroup(this.resourceGateway.securityGroup, "resource-gateway")
        : Peer.cidr(requireValue(this, "vpc", props.vpc, "the owner VPC, whose CIDR the database must admit").cidrBlock),
      port,
      description: `VPC Lattice resource gateway to the database shared as ${props.name}`,
    });

    ({ share: this.share, accepter: this.accepter, endpoint: this.endpoint } = new SharedResourceAccess(this, "Partner", {
      ...props,
      resourceConfiguration: this.resourceConfiguration,
    }));

    if (props.serviceNetwork !== undefined) {
      this.serviceNetworkAssociation = new ServiceNetworkResourceAssociation(this, "ServiceNetworkAssociation", {
        serviceNetwork: props.serviceNetwork,
        resourceConfiguration: this.resourceConfiguration,
      });
    }
  }
}
