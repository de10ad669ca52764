import { PortRange } from "../../core/ports";
import { TerraformBlock } from "../terraform/document";

/**
 * The network model: what decides whether a connection succeeds, read from
 * one synthesized stack. Entities refer to each other by the values
 * Terraform would compare (IDs and ARNs, synthetic where AWS assigns them),
 * so that a rule naming a security group, an endpoint naming a resource
 * configuration and a share naming a network all resolve the same way.
 */

/** Every entity points back at the block it was read from (`external` ones at the value that named them). */
export interface ModelEntity {
  /** Terraform address (`aws_vpc.main`), or `external:<value>` for something only named by this stack. */
  readonly address: string;
  /** The construct path (cdktf metadata), or the address for external entities. */
  readonly path: string;
  /** Key of the AWS provider configuration (`aws`, `aws.partner`) that owns it. */
  readonly provider: string;
  /** The block itself. @default - none for external entities */
  readonly block?: TerraformBlock;
}

/** A VPC of the stack, or one it only names (imported by ID). */
export interface VpcEntity extends ModelEntity {
  /** The VPC ID as Terraform compares it (synthetic for VPCs created here). */
  readonly id: string;
  /** Literal IPv4 CIDRs (primary and secondary). Empty when unknown. */
  readonly ipv4Cidrs: readonly string[];
  /** IPv6 CIDRs (Amazon-provided blocks get a synthetic one). */
  readonly ipv6Cidrs: readonly string[];
  /**
   * The IPv6 block is Amazon-provided: ipv6Cidrs holds a synthetic stand-in, consistent across the
   * model (subnets, routes) but never comparable with an address written literally. @default false
   */
  readonly ipv6Synthetic?: boolean;
  /** Name tag. @default - none */
  readonly name?: string;
  /**
   * True for VPCs this stack only refers to (made elsewhere): their subnets, routes and CIDRs are not in
   * the JSON, and the model holds of them only what a flow question carries from their importer.
   */
  readonly external: boolean;
  /**
   * `enable_dns_support`: the Amazon DNS server answers in the VPC (Terraform's default true).
   * @default - unknown (a VPC only named by this stack)
   */
  readonly dnsSupport?: boolean;
  /**
   * `enable_dns_hostnames`: needed, with dnsSupport, for the private DNS of interface endpoints (Terraform's default false).
   * @default - unknown (a VPC only named by this stack)
   */
  readonly dnsHostnames?: boolean;
}

/** A subnet: where network interfaces of endpoints, gateways and load balancers live. */
export interface SubnetEntity extends ModelEntity {
  /** Subnet ID. */
  readonly id: string;
  /** ID of the VPC. */
  readonly vpcId: string;
  /** AZ name (`us-east-1a`); AZ names map to different AZ IDs in each account. @default - unknown */
  readonly availabilityZone?: string;
  /** AZ ID (`use1-az1`), the same in every account. @default - unknown */
  readonly availabilityZoneId?: string;
  /** Literal IPv4 CIDR. @default - unknown */
  readonly ipv4Cidr?: string;
  /** IPv6 CIDR. @default - none or unknown */
  readonly ipv6Cidr?: string;
  /** ID of the route table the subnet uses (explicit association, else the VPC's main table). @default - unknown */
  readonly routeTableId?: string;
}

/** Where a route sends traffic. */
export type RouteTargetKind =
  | "local"
  | "internetGateway"
  | "egressOnlyInternetGateway"
  | "natGateway"
  | "transitGateway"
  | "peering"
  | "gatewayEndpoint"
  | "vpcEndpoint"
  | "networkInterface"
  | "other";

/** One route of a route table. */
export interface RouteEntry {
  /** Destination CIDR, or the prefix list of a gateway endpoint's service (`pl:<service name>`). */
  readonly destination: string;
  /** What kind of next hop. */
  readonly kind: RouteTargetKind;
  /** ID of the next hop (`tgw-…`, `pcx-…`, `vpce-…`). @default - none for local routes */
  readonly target?: string;
  /** The block that creates the route (a route, a route table, a gateway endpoint). */
  readonly source: string;
}

/** A route table and its routes (local routes included). */
export interface RouteTableEntity extends ModelEntity {
  /** Route table ID. */
  readonly id: string;
  /** ID of the VPC. */
  readonly vpcId: string;
  /** Its routes, local ones first. */
  readonly routes: readonly RouteEntry[];
}

/** The other side of a security-group rule. */
export type RulePeer =
  | {
      /** An IPv4 or IPv6 range. */
      readonly kind: "cidr";
      /** The range, e.g. `10.0.0.0/16`. */
      readonly cidr: string;
    }
  | {
      /** A managed prefix list. */
      readonly kind: "prefixList";
      /** `pl-…` (synthetic for a list the stack reads), or `pl:<service name>` for a gateway endpoint's prefix list, known only at apply. */
      readonly prefixListId: string;
    }
  | {
      /** Another security group (or the rule's own). */
      readonly kind: "securityGroup";
      /** `sg-…`. */
      readonly securityGroupId: string;
    }
  | {
      /** A value only Terraform knows. */
      readonly kind: "unknown";
      /** The expression, as written. */
      readonly expression: string;
    };

/** One ingress or egress rule, however it was written (inline, `aws_security_group_rule`, `aws_vpc_security_group_*_rule`). */
export interface SecurityGroupRuleEntry {
  /** Lower-case IP protocol: `tcp`, `udp`, `icmp`, or `-1` for all. */
  readonly protocol: string;
  /** Port range; the whole range for protocol -1. */
  readonly ports: PortRange;
  /** Who the rule admits or lets out to. */
  readonly peer: RulePeer;
  /** The rule's description. @default - none */
  readonly description?: string;
  /** The block the rule comes from. */
  readonly source: string;
}

/** A security group and all of its rules. */
export interface SecurityGroupEntity extends ModelEntity {
  /** Group ID. */
  readonly id: string;
  /** ID of the VPC. @default - unknown (an imported group) */
  readonly vpcId?: string;
  /** Name or Name tag, for messages. */
  readonly label: string;
  /** Inbound rules. */
  readonly ingress: readonly SecurityGroupRuleEntry[];
  /** Outbound rules. */
  readonly egress: readonly SecurityGroupRuleEntry[];
  /** True for groups this stack only names (their other rules are not in the model). */
  readonly external: boolean;
}

/** A VPC endpoint of any type. */
export interface EndpointEntity extends ModelEntity {
  /** Endpoint ID. */
  readonly id: string;
  /** ID of its VPC. */
  readonly vpcId: string;
  /** Interface, Gateway, GatewayLoadBalancer, Resource or ServiceNetwork (the provider's default is Gateway). */
  readonly endpointType: string;
  /** Service name (Interface, Gateway, GatewayLoadBalancer). @default - none */
  readonly serviceName?: string;
  /** ARN of the resource configuration (Resource). @default - none */
  readonly resourceConfigurationArn?: string;
  /** ARN of the service network (ServiceNetwork). @default - none */
  readonly serviceNetworkArn?: string;
  /** IDs of its subnets. @default - unknown: Terraform computes the list (AZ filtering) */
  readonly subnetIds?: readonly string[];
  /** IDs of its security groups. */
  readonly securityGroupIds: readonly string[];
  /** Whether private DNS is on, after `aws_vpc_endpoint_private_dns` is applied. */
  readonly privateDnsEnabled: boolean;
  /** S3: private DNS answers inbound-resolver queries only. @default - unset */
  readonly privateDnsOnlyForInboundResolverEndpoint?: boolean;
  /** Interface endpoints to a service of another region (cross-region PrivateLink): that region. @default - the endpoint's own */
  readonly serviceRegion?: string;
  /** The endpoint policy JSON. @default - none: AWS's allow-all default (or not applicable) */
  readonly policy?: string;
  /** Route table IDs (Gateway endpoints). */
  readonly routeTableIds: readonly string[];
  /** `ipv4`, `dualstack` or `ipv6`. @default "ipv4" */
  readonly ipAddressType: string;
  /** Addresses the endpoint's creation waits for (`depends_on`). */
  readonly dependsOn: readonly string[];
  /** The DNS names AWS gives the endpoint (synthetic). */
  readonly dnsNames: readonly string[];
}

/** A PrivateLink endpoint service (provider side). */
export interface EndpointServiceEntity extends ModelEntity {
  /** `vpce-svc-…`. */
  readonly id: string;
  /** `com.amazonaws.vpce.<region>.vpce-svc-…`. */
  readonly serviceName: string;
  /** Whether each connection waits for approval. */
  readonly acceptanceRequired: boolean;
  /** ARNs allowed to create endpoints (`*` for everyone). */
  readonly allowedPrincipals: readonly string[];
  /** ARNs of its Network Load Balancers. */
  readonly networkLoadBalancerArns: readonly string[];
  /** ARNs of its Gateway Load Balancers. */
  readonly gatewayLoadBalancerArns: readonly string[];
  /** The private DNS name consumers can use. @default - none */
  readonly privateDnsName?: string;
  /** Whether the stack verifies the private DNS name (`aws_vpc_endpoint_service_private_dns_verification`). */
  readonly privateDnsVerified: boolean;
  /** Endpoint IDs the provider accepts (`aws_vpc_endpoint_connection_accepter`). */
  readonly acceptedEndpointIds: readonly string[];
  /** Regions besides the home region whose consumers may connect. */
  readonly supportedRegions: readonly string[];
}

/** A listener of an Elastic Load Balancing load balancer. */
export interface LoadBalancerListenerEntry {
  /** The listener block. */
  readonly address: string;
  /** Port clients connect to. */
  readonly port: number;
  /** TCP, TLS, UDP, HTTP, HTTPS ... */
  readonly protocol: string;
  /** ARNs of the target groups its default action forwards to. */
  readonly targetGroupArns: readonly string[];
}

/** A load balancer (network, application or gateway). */
export interface LoadBalancerEntity extends ModelEntity {
  /** Load balancer ARN. */
  readonly arn: string;
  /** network, application or gateway. */
  readonly loadBalancerType: string;
  /** Internal (no public address). */
  readonly internal: boolean;
  /** Subnet IDs. */
  readonly subnetIds: readonly string[];
  /** Security group IDs. */
  readonly securityGroupIds: readonly string[];
  /** Whether the groups' inbound rules also judge PrivateLink traffic (by the clients' own addresses). */
  readonly enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: boolean;
  /** Listeners. */
  readonly listeners: readonly LoadBalancerListenerEntry[];
}

/** An Elastic Load Balancing target group and its registered targets. */
export interface LoadBalancerTargetGroupEntity extends ModelEntity {
  /** Target group ARN. */
  readonly arn: string;
  /** Port targets receive traffic on. @default - none (lambda) */
  readonly port?: number;
  /** instance, ip, alb or lambda. */
  readonly targetType: string;
  /** TCP, TLS, UDP, HTTP, GENEVE ... @default - none (lambda) */
  readonly protocol?: string;
  /** Port of the health check, when it is not the traffic port. @default - the traffic port */
  readonly healthCheckPort?: number;
  /** VPC ID. @default - none */
  readonly vpcId?: string;
  /** Registered targets: instance IDs, addresses or ALB ARNs, with their ports. */
  readonly targets: readonly {
    /** Instance ID, IP address or ALB ARN. */
    readonly id: string;
    /** Port of the target. @default - the target group's */
    readonly port?: number;
  }[];
}

/** A Route 53 hosted zone of the stack, or one it names by ID. */
export interface HostedZoneEntity extends ModelEntity {
  /** Zone ID. */
  readonly id: string;
  /** Domain name, lower case, without the final dot. @default - unknown (a zone only named by ID) */
  readonly name?: string;
  /** Private zones answer only the VPCs associated with them. */
  readonly private: boolean;
  /** IDs of the associated VPCs (inline, associations, and cross-account associations). */
  readonly vpcIds: readonly string[];
  /** True for zones this stack only names. */
  readonly external: boolean;
  /**
   * A private zone made elsewhere that a VPC's importer says is associated with it (`Vpc.fromVpcAttributes`
   * privateHostedZoneNames): it answers the names in it with records this stack does not hold.
   * @default false
   */
  readonly recordsElsewhere?: boolean;
}

/** A DNS record. */
export interface DnsRecordEntity extends ModelEntity {
  /** ID of its zone. */
  readonly zoneId: string;
  /** Full name, lower case, without the final dot (`*.` for wildcards). */
  readonly name: string;
  /** A, AAAA, CNAME, TXT ... */
  readonly recordType: string;
  /** Alias target's DNS name (lower case). @default - not an alias */
  readonly aliasName?: string;
  /** Literal values. */
  readonly values: readonly string[];
}

/** A VPC Lattice service network. */
export interface ServiceNetworkEntity extends ModelEntity {
  /** `sn-…`. */
  readonly id: string;
  /** ARN. */
  readonly arn: string;
  /** Name. */
  readonly name: string;
  /** AWS_IAM or NONE. */
  readonly authType: string;
  /** The auth policy JSON. @default - none (AWS_IAM without one denies everything) */
  readonly authPolicy?: string;
  /** True for networks this stack only names by ARN. */
  readonly external: boolean;
}

/** A VPC's association with a service network. */
export interface ServiceNetworkVpcAssociationEntity extends ModelEntity {
  /** The network's ARN or ID, as written. */
  readonly serviceNetwork: string;
  /** VPC ID. */
  readonly vpcId: string;
  /** Security groups of the association: who in the VPC may reach the network. */
  readonly securityGroupIds: readonly string[];
  /** Addresses the association waits for. */
  readonly dependsOn: readonly string[];
}

/** A service's or resource configuration's association with a service network. */
export interface ServiceNetworkMemberEntity extends ModelEntity {
  /** The network's ARN or ID, as written. */
  readonly serviceNetwork: string;
  /** ARN or ID of the service or resource configuration. */
  readonly member: string;
  /** Addresses the association waits for. */
  readonly dependsOn: readonly string[];
  /** A resource association's generated name (its `dns_entry`), which clients of the network's VPCs dial. @default - none (service associations) */
  readonly dnsName?: string;
}

/** What a Lattice listener or rule does. */
export type LatticeActionEntry =
  | {
      /** Forwards to target groups. */
      readonly kind: "forward";
      /** The target groups and their weights. */
      readonly targetGroups: readonly {
        /** Target group ID. */
        readonly id: string;
        /** Share of the traffic, relative to the other groups'. */
        readonly weight: number;
      }[];
    }
  | {
      /** Answers itself. */
      readonly kind: "fixedResponse";
      /** HTTP status of the answer. */
      readonly statusCode: number;
    };

/** The match of a listener rule. */
export interface LatticeRuleMatch {
  /** HTTP method. @default - any */
  readonly method?: string;
  /** Path match. @default - any */
  readonly path?: {
    /** The whole path. @default - not matched exactly */
    readonly exact?: string;
    /** The path's start. @default - not matched by prefix */
    readonly prefix?: string;
    /** Whether case counts. */
    readonly caseSensitive: boolean;
  };
  /** Header matches. */
  readonly headers: readonly {
    /** Header name. */
    readonly name: string;
    /** The whole value. @default - not matched exactly */
    readonly exact?: string;
    /** The value's start. @default - not matched by prefix */
    readonly prefix?: string;
    /** Part of the value. @default - not matched by substring */
    readonly contains?: string;
    /** Whether case counts. */
    readonly caseSensitive: boolean;
  }[];
}

/** A listener rule. */
export interface LatticeRuleEntry {
  /** The rule block. */
  readonly address: string;
  /** Name. */
  readonly name: string;
  /** Priority, lower first. */
  readonly priority: number;
  /** What it matches. */
  readonly match: LatticeRuleMatch;
  /** What it does. */
  readonly action: LatticeActionEntry;
}

/** A listener of a Lattice service. */
export interface LatticeListenerEntry {
  /** The listener block. */
  readonly address: string;
  /** Name. */
  readonly name: string;
  /** Port. */
  readonly port: number;
  /** HTTP, HTTPS or TLS_PASSTHROUGH. */
  readonly protocol: string;
  /** What requests no rule matches get. */
  readonly defaultAction: LatticeActionEntry;
  /** Rules, by priority. */
  readonly rules: readonly LatticeRuleEntry[];
}

/** A VPC Lattice service. */
export interface LatticeServiceEntity extends ModelEntity {
  /** `svc-…`. */
  readonly id: string;
  /** ARN. */
  readonly arn: string;
  /** Name. */
  readonly name: string;
  /** AWS_IAM or NONE. */
  readonly authType: string;
  /** Auth policy JSON. @default - none */
  readonly authPolicy?: string;
  /** Custom domain name (lower case). @default - none */
  readonly customDomainName?: string;
  /** Certificate of the custom domain. @default - none */
  readonly certificateArn?: string;
  /** The generated DNS name (synthetic). */
  readonly dnsName: string;
  /** Listeners. */
  readonly listeners: readonly LatticeListenerEntry[];
  /** True for services only named by ARN. */
  readonly external: boolean;
}

/** A VPC Lattice target group and its targets. */
export interface LatticeTargetGroupEntity extends ModelEntity {
  /** `tg-…`. */
  readonly id: string;
  /** ARN. */
  readonly arn: string;
  /** Name. */
  readonly name: string;
  /** INSTANCE, IP, LAMBDA or ALB. */
  readonly targetType: string;
  /** VPC ID. @default - none (LAMBDA) */
  readonly vpcId?: string;
  /** Port. @default - none (LAMBDA) */
  readonly port?: number;
  /** HTTP, HTTPS or TCP. @default - none (LAMBDA) */
  readonly protocol?: string;
  /** IPV4 or IPV6 (IP groups). @default "IPV4" */
  readonly ipAddressType: string;
  /** Health-check port when it differs. @default - the traffic port */
  readonly healthCheckPort?: number;
  /** False when VPC Lattice sends no health checks (enabled false; gRPC, or HTTP/2 unless enabled): only traffic reaches the targets. */
  readonly healthChecked: boolean;
  /** Registered targets. */
  readonly targets: readonly {
    /** Instance ID, IP address, ALB ARN or Lambda ARN. */
    readonly id: string;
    /** Port of the target. @default - the target group's */
    readonly port?: number;
    /** Address of the attachment that registers it. */
    readonly address: string;
  }[];
  /** IDs of the security groups attached to the targets, as the stack declared them. @default - not declared */
  readonly targetSecurityGroupIds?: readonly string[];
  /** Who registers targets when Terraform does not (the AWS Gateway API Controller for EKS pods). @default - Terraform */
  readonly registeredBy?: string;
}

/** A permission on a Lambda function. */
export interface LambdaPermissionEntity extends ModelEntity {
  /** Function name or ARN (without qualifier). */
  readonly functionName: string;
  /** Qualifier (alias or version). @default - none */
  readonly qualifier?: string;
  /** Principal, such as vpc-lattice.amazonaws.com. */
  readonly principal: string;
  /** Source ARN the permission is limited to. @default - any */
  readonly sourceArn?: string;
  /** Action. */
  readonly action: string;
}

/** A VPC Lattice resource gateway. */
export interface ResourceGatewayEntity extends ModelEntity {
  /** `rgw-…`. */
  readonly id: string;
  /** ARN. */
  readonly arn: string;
  /** Name. */
  readonly name: string;
  /** VPC ID. */
  readonly vpcId: string;
  /** Subnet IDs. */
  readonly subnetIds: readonly string[];
  /** Security group IDs. */
  readonly securityGroupIds: readonly string[];
  /** IPV4, IPV6 or DUALSTACK. */
  readonly ipAddressType: string;
  /** True for gateways only named by ID or ARN. */
  readonly external: boolean;
}

/** What a resource configuration points at, as the synthesized JSON says (the construct API builds it with ResourceDefinition). */
export type ResourceDefinitionEntity =
  | {
      /** A domain name. */
      readonly kind: "dns";
      /** The name consumers resolve. */
      readonly domainName: string;
      /** IPV4, IPV6 or DUALSTACK. */
      readonly ipAddressType: string;
    }
  | {
      /** One IP address. */
      readonly kind: "ip";
      /** The address. */
      readonly ipAddress: string;
    }
  | {
      /** An AWS resource by ARN (an RDS database). */
      readonly kind: "arn";
      /** The resource's ARN. */
      readonly arn: string;
    }
  | {
      /** None: a GROUP configuration, whose children define the resources. */
      readonly kind: "none";
    };

/** A VPC Lattice resource configuration. */
export interface ResourceConfigurationEntity extends ModelEntity {
  /** `rcfg-…`. */
  readonly id: string;
  /** ARN. */
  readonly arn: string;
  /** Name. */
  readonly name: string;
  /** SINGLE, GROUP, CHILD or ARN. */
  readonly configurationType: string;
  /** Gateway ID or ARN, as written (GROUP, SINGLE, ARN). @default - none (CHILD) */
  readonly resourceGateway?: string;
  /** ID of the GROUP (CHILD). @default - none */
  readonly group?: string;
  /** The resource. */
  readonly definition: ResourceDefinitionEntity;
  /** Port ranges consumers may use; empty for GROUP and ARN. */
  readonly portRanges: readonly PortRange[];
  /** Whether it may join service networks shared with other accounts. */
  readonly allowAssociationToShareableServiceNetwork: boolean;
  /** True for configurations only named by ARN. */
  readonly external: boolean;
  /** The AZ IDs of the owner's gateway, as the owner publishes them (a configuration made elsewhere, imported with its terms). @default - unknown */
  readonly gatewayAvailabilityZoneIds?: readonly string[];
}

/** A principal or resource association of a RAM share. */
export interface ShareMemberEntry {
  /** The association block. */
  readonly address: string;
  /** The principal (account ID, OU or organization ARN) or the resource ARN. */
  readonly value: string;
}

/** An AWS RAM resource share. */
export interface ResourceShareEntity extends ModelEntity {
  /** Share ARN. */
  readonly arn: string;
  /** Name. */
  readonly name: string;
  /** Whether principals outside the organization may be given the share. */
  readonly allowExternalPrincipals: boolean;
  /** Principal associations. */
  readonly principals: readonly ShareMemberEntry[];
  /** Resource associations. */
  readonly resources: readonly ShareMemberEntry[];
  /** Acceptances, with the provider (account) that accepts. */
  readonly accepters: readonly {
    /** Address of the `aws_ram_resource_share_accepter`. */
    readonly address: string;
    /** Key of the provider configuration (account) that accepts. */
    readonly provider: string;
  }[];
}

/** A transit gateway. */
export interface TransitGatewayEntity extends ModelEntity {
  /** `tgw-…`. */
  readonly id: string;
  /** ARN (what a RAM share names). */
  readonly arn: string;
  /** Attachments of the accounts it is shared with need no acceptance. */
  readonly autoAcceptSharedAttachments: boolean;
  /** Attachments are associated with the default route table. */
  readonly defaultRouteTableAssociation: boolean;
  /** Attachments propagate their VPC's CIDRs into the default route table. */
  readonly defaultRouteTablePropagation: boolean;
  /** Security group references across its attachments (`security_group_referencing_support = "enable"`; AWS's default is disable). */
  readonly securityGroupReferencing: boolean;
  /** How this stack names its default route table (`<address>.association_default_route_table_id`, `…propagation_default_route_table_id`), known only at apply. */
  readonly defaultRouteTableRefs: readonly string[];
}

/** A customer-managed prefix list of the stack (`aws_ec2_managed_prefix_list`, its `entry` blocks and `aws_ec2_managed_prefix_list_entry`). */
export interface ManagedPrefixListEntity extends ModelEntity {
  /** `pl-…` (synthetic). */
  readonly id: string;
  /** Its CIDRs. @default - unknown: an entry is known only at apply */
  readonly cidrs?: readonly string[];
}

/** A static route of a transit gateway route table (`aws_ec2_transit_gateway_route`). */
export interface TransitGatewayRouteEntity extends ModelEntity {
  /** The gateway route table: its ID, or the expression naming a gateway's default table. */
  readonly routeTable: string;
  /** Destination CIDR. */
  readonly destination: string;
  /** The attachment it sends to. @default - none (a blackhole route) */
  readonly attachmentId?: string;
  /** Drops the traffic (`blackhole = true`). */
  readonly blackhole: boolean;
}

/** A VPC attachment to a transit gateway. */
export interface TransitGatewayAttachmentEntity extends ModelEntity {
  /** `tgw-attach-…`. */
  readonly id: string;
  /** The transit gateway's ID. */
  readonly transitGatewayId: string;
  /** VPC ID. */
  readonly vpcId: string;
  /** Subnet IDs. */
  readonly subnetIds: readonly string[];
  /** Whether the attachment is in the default route table (and propagates to it). */
  readonly defaultAssociation: boolean;
  /** Whether it propagates its VPC's CIDRs to the default route table. */
  readonly defaultPropagation: boolean;
  /** Whether it carries IPv6 (`ipv6_support = "enable"`). */
  readonly ipv6Support: boolean;
  /** Whether it supports security group references (`security_group_referencing_support`; AWS's default for an attachment is enable, the gateway must enable it too). */
  readonly securityGroupReferencing: boolean;
  /**
   * Whether `appliance_mode_support` is enable: the gateway then sends both
   * directions of a flow into the VPC through one of the attachment's
   * subnets, chosen by a flow hash, for the flow's life. Off (AWS's default),
   * it keeps the Availability Zone the traffic entered the gateway in, where
   * the attachment has a subnet.
   */
  readonly applianceMode: boolean;
  /** The gateway route table it is associated with explicitly (`aws_ec2_transit_gateway_route_table_association`). @default - none: the default table, by the settings */
  readonly associatedRouteTable?: string;
  /** The gateway route tables it propagates its VPC's CIDRs into explicitly (`aws_ec2_transit_gateway_route_table_propagation`). */
  readonly propagatesTo: readonly string[];
  /** The owner's acceptance of an attachment made by another account. @default - none */
  readonly accepter?: TransitGatewayAttachmentAccepterEntry;
}

/** An `aws_ec2_transit_gateway_vpc_attachment_accepter`: the owner's default route table settings of a shared gateway's attachment. */
export interface TransitGatewayAttachmentAccepterEntry {
  /** The accepter block. */
  readonly address: string;
  /** Whether the attachment is associated with the default route table. */
  readonly defaultAssociation: boolean;
  /** Whether it propagates its VPC's CIDRs to the default route table. */
  readonly defaultPropagation: boolean;
}

/** A peering connection between two VPCs. */
export interface PeeringConnectionEntity extends ModelEntity {
  /** `pcx-…`. */
  readonly id: string;
  /** Requester VPC ID. */
  readonly vpcId: string;
  /** Accepter VPC ID. */
  readonly peerVpcId: string;
  /** Accepted (auto_accept or an accepter resource). */
  readonly accepted: boolean;
  /** Why auto_accept does not accept it (AWS auto-accepts only within one account and Region). @default - it does, or is not set */
  readonly autoAcceptIgnored?: string;
  /** The two Regions, when they differ (peer_region, or the accepter's provider): AWS matches no security group reference across them. @default - one Region */
  readonly regions?: readonly [string, string];
}
