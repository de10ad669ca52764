import { Testing } from "cdktf";
import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { expectFlow } from "../../modules/flows";
import { EndpointService, EndpointServicePrincipal, ListenerTargets, NetworkLoadBalancer, PrivateLinkSaasOffering } from "../../modules/privatelink";
import { Peer, Vpc } from "../../modules/vpc";
import { expectValidationError, Json, resourcesOfType, stackWithoutProvider, stackWithProvider, synthJson } from "../helpers";
import { nlbOptions } from "./helpers";

/**
 * Network Load Balancers in a VPC with a secondary IPv4 block (an EKS
 * cluster's pods in 100.64.0.0/16): targets and consumers
 * there are in the VPC, and the defaults that name "the VPC" name that
 * block too.
 */

const ZONES = ["us-east-1a", "us-east-1b"];
const vpcWithPods = (scope: Construct, id = "Vpc") =>
  new Vpc(scope, id, { name: id.toLowerCase(), cidrBlock: "10.0.0.0/16", availabilityZones: ZONES, secondaryCidrBlocks: ["100.64.0.0/16"] });

type Rule = Json & { cidr_ipv4?: string; from_port?: number; security_group_id?: string };
const rulesOf = (json: Json, type: string, group: string) =>
  (Object.values(resourcesOfType(json, type)) as Rule[]).filter((r) => String(r.security_group_id).includes(group));

describe("NetworkLoadBalancer in a VPC with a secondary block", () => {
  it("reaches instance targets in every IPv4 block of the VPC", () => {
    const stack = stackWithProvider();
    new NetworkLoadBalancer(stack, "Nlb", nlbOptions(vpcWithPods(stack)));
    const egress = rulesOf(synthJson(stack), "aws_vpc_security_group_egress_rule", "Nlb_SecurityGroup");
    expect(egress.map((r) => [r.from_port, r.cidr_ipv4])).toEqual([
      [8443, "10.0.0.0/16"],
      [8443, "100.64.0.0/16"],
    ]);
  });

  it("takes an IP target in a secondary block as in the VPC: no availability_zone all, even beside outsideVpcRanges", () => {
    const stack = stackWithProvider();
    new NetworkLoadBalancer(
      stack,
      "Nlb",
      nlbOptions(vpcWithPods(stack), {
        listeners: [
          {
            port: 443,
            targets: ListenerTargets.ipAddresses({
              port: 8443,
              addresses: { pod: "100.64.1.10", onPrem: "192.168.1.10" },
              outsideVpcRanges: ["192.168.0.0/16"],
            }),
          },
        ],
      }),
    );
    const attachments = Object.values(resourcesOfType(synthJson(stack), "aws_lb_target_group_attachment")) as Json[];
    expect(attachments.map((a) => [a.target_id, a.availability_zone]).sort()).toEqual([
      ["100.64.1.10", undefined],
      ["192.168.1.10", "all"],
    ]);
  });

  it("fails when an IP target is in none of the VPC's blocks, naming them all", () => {
    const stack = stackWithProvider();
    const build = () =>
      new NetworkLoadBalancer(
        stack,
        "Nlb",
        nlbOptions(vpcWithPods(stack), {
          listeners: [{ port: 443, targets: ListenerTargets.ipAddresses({ port: 8443, addresses: { pod: "100.66.1.10" } }) }],
        }),
      );
    const error = expectValidationError(build, "listeners[0].targets.addresses.pod", "100.66.1.10");
    expect(error.constructPath).toBe("test/Nlb");
    expect(error.expected).toContain("an address inside the VPC (10.0.0.0/16, 100.64.0.0/16)");
  });

  it("fails when the load balancer admits its own VPC only with no consumer known, naming every block it admits", () => {
    const stack = stackWithProvider();
    new EndpointService(stack, "Service", {
      networkLoadBalancer: nlbOptions(vpcWithPods(stack)),
      allowedPrincipals: [EndpointServicePrincipal.account("222222222222")],
    });
    const error = expectValidationError(() => Testing.synth(stack, true), "clients", "undefined");
    expect(error.constructPath).toBe("test/Service/LoadBalancer");
    expect(error.expected).toContain("the default admits only this VPC (10.0.0.0/16, 100.64.0.0/16)");
  });
});

/** A provider's offering and one consumer account whose VPC has pods in 100.64.0.0/16, imported. */
function offeringToPods(clients?: readonly Peer[]) {
  const stack = stackWithoutProvider();
  new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
  const customer = new AwsProvider(stack, "customer", { alias: "customer", region: "us-east-1", allowedAccountIds: ["222222222222"] });
  const provider = new Vpc(stack, "Vpc", { name: "provider", cidrBlock: "10.0.0.0/16", availabilityZones: ["use1-az1", "use1-az2"] });
  const customerVpc = Vpc.fromVpcAttributes(stack, "CustomerVpc", {
    provider: customer,
    vpcId: "vpc-0abc1234def567890",
    cidrBlock: "10.20.0.0/16",
    secondaryCidrBlocks: ["100.64.0.0/16"],
    privateSubnets: [
      { subnetId: "subnet-0aaa1111bbbb22220", cidrBlock: "10.20.0.0/24", availabilityZoneId: "use1-az1", routeTableId: "rtb-0aaa1111bbbb22220" },
      { subnetId: "subnet-0aaa1111bbbb22221", cidrBlock: "10.20.1.0/24", availabilityZoneId: "use1-az2", routeTableId: "rtb-0aaa1111bbbb22220" },
      { subnetId: POD_SUBNET, cidrBlock: "100.64.0.0/19", availabilityZoneId: "use1-az1", routeTableId: "rtb-0aaa1111bbbb22220" },
    ],
  });
  const offering = new PrivateLinkSaasOffering(stack, "Offering", {
    service: { networkLoadBalancer: nlbOptions(provider, { clients }) },
    consumers: [{ name: "acme", accountId: "222222222222", provider: customer, vpc: customerVpc, subnets: customerVpc.privateSubnets.slice(0, 2) }],
  });
  return { stack, offering, endpoint: offering.consumers.acme.endpoint };
}
const POD_SUBNET = "subnet-0ccc3333dddd44440";

describe("NetworkLoadBalancer consumers with a secondary block", () => {
  it("admits every IPv4 block of a consumer's VPC by default", () => {
    const { stack } = offeringToPods();
    const admitted = rulesOf(synthJson(stack), "aws_vpc_security_group_ingress_rule", "Offering_Service_LoadBalancer_SecurityGroup");
    expect(admitted.map((r) => r.cidr_ipv4).sort()).toEqual(["10.0.0.0/16", "10.20.0.0/16", "100.64.0.0/16"]);
  });

  it("named clients that admit only a consumer's secondary block let the consumer connect", () => {
    const { stack } = offeringToPods([Peer.cidr("100.64.0.0/16")]);
    const admitted = rulesOf(synthJson(stack), "aws_vpc_security_group_ingress_rule", "Offering_Service_LoadBalancer_SecurityGroup");
    expect(admitted.map((r) => r.cidr_ipv4)).toEqual(["100.64.0.0/16"]);
  });

  it("fails when named clients admit none of a consumer's blocks, naming them all", () => {
    const error = expectValidationError(() => synthJson(offeringToPods([Peer.cidr("100.66.0.0/16")]).stack), "clients", '["100.66.0.0/16"]');
    expect(error.expected).toContain("test/Offering/Consumer-acme/Endpoint (10.20.0.0/16, 100.64.0.0/16)");
  });

  it("flow: pods in the consumer's secondary block reach the service through its endpoint", () => {
    const { stack, endpoint } = offeringToPods();
    expectFlow(stack, { subnet: POD_SUBNET }, { target: endpoint, port: 443 }).toBeAllowed();
  });

  it("flow: fails when the load balancer admits the consumer's primary block only (the default before)", () => {
    const { stack, endpoint } = offeringToPods([Peer.cidr("10.20.0.0/16")]);
    expectFlow(stack, { subnet: POD_SUBNET }, { target: endpoint, port: 443 }).toBeDenied("LoadBalancer has no ingress from 100.64.0.0/19 on 443");
  });
});
