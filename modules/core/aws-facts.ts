import { hostCidr, parseCidr } from "./addresses";

/**
 * What AWS publishes about the services this library builds on: default
 * quotas, hard limits and fixed address ranges. One place, so that building
 * blocks (which warn or fail at synth) and guardrail rules (which judge
 * synthesized JSON) always agree.
 */

/**
 * Default values of the adjustable quotas the building blocks warn about
 * when a stack crosses them: the apply would fail unless the account's quota
 * was raised (Service Quotas) first.
 */
export const AWS_DEFAULT_QUOTAS = {
  /** Interface (and Resource, ServiceNetwork) VPC endpoints per VPC. */
  endpointsPerVpc: 50,
  /** Listeners per Network Load Balancer. */
  listenersPerNetworkLoadBalancer: 50,
  /** Listeners per VPC Lattice service. */
  listenersPerLatticeService: 2,
  /** Rules per VPC Lattice listener (priorities go up to 100 once it is raised). */
  rulesPerLatticeListener: 10,
  /** Service associations, and resource configuration associations, per service network. */
  associationsPerServiceNetwork: 500,
  /** VPC Lattice service networks per account and region. */
  serviceNetworksPerRegion: 50,
  /** VPC Lattice services per account and region. */
  latticeServicesPerRegion: 2000,
  /** VPC Lattice target groups per account and region. */
  latticeTargetGroupsPerRegion: 500,
  /** Targets per VPC Lattice target group. */
  targetsPerLatticeTargetGroup: 1000,
  /** CHILD resource configurations per GROUP (L-9BC96FEF). */
  childrenPerResourceConfigurationGroup: 60,
  /** Inbound, and outbound, rules per security group, counted per address family (L-0EA8095F). */
  rulesPerSecurityGroupDirection: 60,
} as const;

/** Hard limits: AWS rejects anything beyond them. */
export const AWS_LIMITS = {
  /** Security groups on one service network VPC association. */
  securityGroupsPerServiceNetworkVpcAssociation: 5,
  /** Security groups on one resource gateway. */
  securityGroupsPerResourceGateway: 5,
  /** Security groups on one network interface (an interface, Resource or ServiceNetwork endpoint's): the ceiling of the adjustable quota L-2AFB9258 (5 by default). */
  securityGroupsPerNetworkInterface: 16,
  /** Characters of a VPC endpoint policy. */
  endpointPolicyCharacters: 20480,
  /** Characters of an S3 bucket policy (20 KB). */
  bucketPolicyCharacters: 20480,
  /** Characters of a DynamoDB resource-based policy (20 KB). */
  dynamoDbResourcePolicyCharacters: 20480,
  /** Characters of a VPC Lattice auth policy. */
  latticeAuthPolicyCharacters: 10240,
} as const;

/**
 * Where VPC Lattice traffic to targets comes from: the link-local ranges of the
 * `com.amazonaws.<region>.vpc-lattice` managed prefix list, the same in every
 * region. Literal, so that stacks plan without looking the prefix list up.
 */
export const VPC_LATTICE_SOURCE_CIDRS = {
  /** IPv4 source range of VPC Lattice traffic to targets. */
  ipv4: "169.254.171.0/24",
  /** IPv6 source range of VPC Lattice traffic to targets (IPV6 target groups). */
  ipv6: "fd00:ec2:80::/64",
} as const;

/**
 * Global condition keys a VPC Lattice request never carries (by lower-case
 * name), each with the key to use instead: AWS adds `aws:SourceVpc`,
 * `aws:SourceVpce` and `aws:VpcSourceIp` only to requests made through a VPC
 * endpoint (IAM User Guide, "AWS global condition context keys"), and VPC
 * Lattice names the client's VPC with its own key (VPC Lattice User Guide,
 * "Condition keys that can be used in auth policies"). An auth policy
 * condition that needs one of them never matches.
 */
export const KEYS_ABSENT_FROM_LATTICE_REQUESTS: Readonly<Record<string, string>> = {
  "aws:sourcevpc": "vpc-lattice-svcs:SourceVpc",
  "aws:sourcevpce": "vpc-lattice-svcs:SourceVpc (the VPC of the association or endpoint)",
  "aws:vpcsourceip": "vpc-lattice-svcs:SourceVpc (a VPC Lattice request has no source IP key)",
};

/** The retention periods CloudWatch Logs accepts for a log group, in days (0 keeps entries forever). */
export const CLOUDWATCH_LOG_RETENTION_DAYS: readonly number[] = [
  0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/** What AWS keeps the first four addresses of every IPv4 subnet for, by offset from its base (VPC user guide, subnet sizing). */
const RESERVED_AT_SUBNET_START = ["the network address", "the VPC router", "the Amazon DNS resolver", "kept by AWS for future use"];

/**
 * Why AWS reserves `address` in the IPv4 block `subnetCidr` (its first four
 * addresses and its last: nothing can listen there), or undefined when it is
 * an address a resource can hold, or outside the block. A VPC's own block
 * answers for the addresses reserved whatever its subnets are: subnets are
 * aligned blocks of at least 16 addresses, so the one holding one of the
 * VPC's first four addresses begins with the VPC's block, and the one
 * holding its last ends with it.
 */
export function awsReservedAddressRole(subnetCidr: string, address: string): string | undefined {
  const block = parseCidr(subnetCidr);
  const host = parseCidr(hostCidr(address));
  if (block === undefined || host === undefined || block.family !== "ipv4" || host.family !== "ipv4") return undefined;
  if (host.first < block.first || host.first > block.last) return undefined;
  if (host.first === block.last) return "the broadcast address, the block's last";
  return RESERVED_AT_SUBNET_START[Number(host.first - block.first)];
}
