import { LatticeTarget, LatticeTargetGroup } from "../../modules/lattice";
import { Vpc } from "../../modules/vpc";
import { expectValidationError, Json, resourcesOfType, stackWithProvider, synthJson } from "../helpers";

/**
 * IP targets of a VPC Lattice target group in a VPC with a secondary IPv4
 * block (an EKS cluster with custom networking puts its pods in
 * 100.64.0.0/16): the block is the VPC's own, not a peered range.
 */

function podsGroup(targets: Record<string, LatticeTarget>) {
  const stack = stackWithProvider();
  const vpc = Vpc.fromVpcAttributes(stack, "Vpc", {
    vpcId: "vpc-0123456789abcdef0",
    cidrBlock: "10.0.0.0/16",
    secondaryCidrBlocks: ["100.64.0.0/16"],
  });
  new LatticeTargetGroup(stack, "Group", { name: "orders", type: "IP", vpc, protocol: "HTTP", targets });
  return stack;
}

describe("LatticeTargetGroup in a VPC with a secondary block", () => {
  it("takes a pod in the secondary block without peeredCidrs", () => {
    const stack = podsGroup({ "pod-a": LatticeTarget.eksPod("100.64.1.17", 8080) });
    const [attachment] = Object.values(resourcesOfType(synthJson(stack), "aws_vpclattice_target_group_attachment")) as Json[];
    expect(attachment).toMatchObject({ target: { id: "100.64.1.17", port: 8080 } });
  });

  it("fails when a target is in none of the VPC's blocks, naming them all", () => {
    const error = expectValidationError(() => podsGroup({ "pod-a": LatticeTarget.eksPod("100.66.1.17", 8080) }), "targets.pod-a.id", "100.66.1.17");
    expect(error.constructPath).toBe("test/Group");
    expect(error.expected).toContain("an address inside 10.0.0.0/16, 100.64.0.0/16");
  });

  it("fails when a target in the secondary block is an address AWS reserves", () => {
    expectValidationError(() => podsGroup({ "pod-a": LatticeTarget.eksPod("100.64.0.0", 8080) }), "targets.pod-a.id", "100.64.0.0");
  });
});
