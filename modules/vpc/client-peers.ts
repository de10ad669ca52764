import { IVpc, vpcIpv4CidrBlocks } from "./vpc";
import { Peer } from "./security-group";

/** Options for {@link vpcClientPeers}. */
export interface VpcClientPeersOptions {
  /**
   * Also admit the VPC's IPv6 block, when it has one. Opt-in because an IPv6
   * rule is only meaningful where the resource itself answers over IPv6 (a
   * dual-stack load balancer, a service network association).
   * @default false
   */
  readonly ipv6?: boolean;
}

/**
 * The clients of a VPC when nobody names them: its IPv4 CIDR and its
 * secondary IPv4 blocks (`secondaryCidrBlocks`: an EKS cluster's pods in
 * 100.64.0.0/16), plus its IPv6 CIDR with `ipv6: true` (when the VPC has
 * one), and nothing beyond the VPC.
 * The default `allowedPeers` of every security group this library creates
 * for clients of an endpoint, a service network association or a load balancer.
 */
export function vpcClientPeers(vpc: IVpc, options: VpcClientPeersOptions = {}): Peer[] {
  const ipv6 = options.ipv6 === true && vpc.ipv6CidrBlock !== undefined ? [Peer.cidr(vpc.ipv6CidrBlock, { family: "ipv6" })] : [];
  return [...vpcIpv4CidrBlocks(vpc).map((block) => Peer.cidr(block)), ...ipv6];
}
