/**
 * Flow questions in their serializable form: every construct already turned
 * into the Terraform address (or the literal ID) it synthesizes to, so that a
 * question can be stored in the synthesized JSON and asked again over
 * `cdktf.out` by the flows command (`cdktf-pn-flows`).
 */

/** Who calls, for auth policies and endpoint policies. */
export interface FlowPrincipal {
  /** Role or user ARN (or an account root ARN). @default - the account's root, when `account` is given */
  readonly arn?: string;
  /** The caller's account. @default - the account in `arn` */
  readonly account?: string;
  /** The caller's organization (`aws:PrincipalOrgID`). @default - not in an organization */
  readonly organizationId?: string;
  /** The caller's organization paths (`aws:PrincipalOrgPaths`), such as `o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/`. @default - none */
  readonly organizationPaths?: readonly string[];
  /** Unsigned requests (no SigV4): what a TLS_PASSTHROUGH listener or a client without credentials sends. @default false */
  readonly anonymous?: boolean;
}

/** Where a flow starts, by Terraform address or literal ID. */
export interface FlowSourceSpec {
  /**
   * The VPC the client is in: `aws_vpc.<name>`, the ID of a VPC the stack only names, or the ID of a client VPC
   * made elsewhere (another account's, associated in its own stack), taken to be the principal's account's.
   * @default - the VPC of `subnet` or `securityGroup`
   */
  readonly vpc?: string;
  /** The client's subnet (`aws_subnet.<name>` or an ID). @default - every subnet of the VPC (each must work) */
  readonly subnet?: string;
  /** The client's security group, whose egress rules are evaluated and which ingress rules may reference. @default - the client's egress is assumed open */
  readonly securityGroup?: string;
  /** A network outside the stack's VPCs (on premises, a partner) whose traffic enters `vpc` over Direct Connect or VPN. @default - none */
  readonly cidr?: string;
  /** The public internet. @default false */
  readonly internet?: boolean;
  /** The caller, for auth and endpoint policies. @default - an unknown principal: policy checks fail unless they allow anyone */
  readonly principal?: FlowPrincipal;
  /** Address family of the connection. @default "ipv4" */
  readonly family?: "ipv4" | "ipv6";
  /**
   * What the stack knows of the VPC made elsewhere that the flow starts in,
   * as its importer (`Vpc.fromVpcAttributes`) describes it: Terraform holds
   * none of it. The construct API fills it in for an imported VPC, one of its
   * subnets or a security group of it, so that the verdict uses the VPC's
   * CIDRs, DNS attributes and private zones, and its subnets' blocks, AZs and
   * route tables.
   * @default - none: a VPC the stack only names is known by its ID alone
   */
  readonly importedVpc?: ImportedVpcSpec;
}

/** A VPC made elsewhere, as `Vpc.fromVpcAttributes` describes it (literal values; what only Terraform knows is left out). */
export interface ImportedVpcSpec {
  /** The VPC's ID (`vpc-…`). */
  readonly vpcId: string;
  /** Its primary IPv4 CIDR. @default - unknown */
  readonly cidrBlock?: string;
  /** Its secondary IPv4 CIDRs (an EKS cluster's pod range): in the VPC, routed locally, as the primary. @default - none */
  readonly secondaryCidrBlocks?: readonly string[];
  /** Its IPv6 CIDR. @default - none */
  readonly ipv6CidrBlock?: string;
  /** The provider configuration (account) that owns it, as resources name it (`aws`, `aws.partner`). @default "aws" */
  readonly provider?: string;
  /** `enableDnsSupport`. @default - unknown: taken to be on, as an assumption of the verdict */
  readonly dnsSupportEnabled?: boolean;
  /** `enableDnsHostnames`. @default - unknown: taken to be on, as an assumption of the verdict */
  readonly dnsHostnamesEnabled?: boolean;
  /** Names of the private hosted zones made elsewhere that are associated with it: they answer names in them, with records this stack does not hold. @default - none */
  readonly privateHostedZoneNames?: readonly string[];
  /** Its subnets the importer describes. @default - none known */
  readonly subnets?: readonly ImportedSubnetSpec[];
}

/** A subnet of a VPC made elsewhere, as `Vpc.fromVpcAttributes` describes it. */
export interface ImportedSubnetSpec {
  /** The subnet's ID (`subnet-…`). */
  readonly subnetId: string;
  /** Its IPv4 CIDR. @default - unknown: the VPC's blocks stand for it */
  readonly cidrBlock?: string;
  /** Its AZ name. @default - unknown */
  readonly availabilityZone?: string;
  /** Its AZ ID. @default - unknown */
  readonly availabilityZoneId?: string;
  /** The route table it uses: the routes this stack adds to that table are known, its others are not. @default - unknown: no route out of the VPC can be proven */
  readonly routeTableId?: string;
}

/** An application request, for listener rules and policies. */
export interface FlowRequest {
  /** HTTP method. @default "GET" */
  readonly method?: string;
  /** Request path. @default "/" */
  readonly path?: string;
  /** Request headers (names in any case). @default - none */
  readonly headers?: Readonly<Record<string, string>>;
  /** IAM action of an AWS service request, for endpoint and bucket policies (`s3:GetObject`). @default - the policy is not evaluated */
  readonly action?: string;
  /** The resource ARN of an AWS service request. @default "*" */
  readonly resource?: string;
  /** The organization of the account that owns `resource` (`aws:ResourceOrgID`). @default - the caller's organization when the resource is in the caller's account, else none */
  readonly resourceOrganizationId?: string;
}

/** Where a flow goes: a name to dial, or a Terraform address. */
export interface FlowDestinationSpec {
  /** The DNS name the client dials, resolved from the source VPC. @default - the target's own DNS name */
  readonly dnsName?: string;
  /** An address: an endpoint, Lattice service, resource configuration, endpoint service, load balancer or subnet. @default - what `dnsName` resolves to */
  readonly target?: string;
  /** Destination port. @default - 443 */
  readonly port?: number;
  /** @default "tcp" */
  readonly protocol?: "tcp" | "udp";
  /** The request, for listener rules and policies. @default - GET / without headers, policies of AWS services not evaluated */
  readonly request?: FlowRequest;
}

/** A flow a stack declares, with the verdict it expects. */
export interface DeclaredFlow {
  /** Short unique name, e.g. `payments-calls-orders`. */
  readonly name: string;
  /** Where it starts. */
  readonly from: FlowSourceSpec;
  /** Where it goes. */
  readonly to: FlowDestinationSpec;
  /** allowed, or denied. */
  readonly expect: "allowed" | "denied";
  /** For denied flows: a fragment the reason must contain. @default - any reason */
  readonly reason?: string;
  /** Why the flow matters (shown by the flows command and in diagrams). @default - none */
  readonly description?: string;
}
