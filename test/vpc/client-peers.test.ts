import { TerraformStack } from "cdktf";
import { Vpc, vpcClientPeers } from "../../modules/vpc";
import { testApp } from "../helpers";

const vpc = (dualStack: boolean) =>
  new Vpc(new TerraformStack(testApp(), "test"), "Vpc", {
    name: "clients",
    cidrBlock: "10.0.0.0/16",
    availabilityZones: ["us-east-1a"],
    dualStack,
  });

describe("vpcClientPeers", () => {
  it("is the VPC's IPv4 CIDR unless IPv6 is asked for", () => {
    expect(vpcClientPeers(vpc(true)).map((p) => p.key)).toEqual(["10-0-0-0-16"]);
  });

  it("adds the IPv6 CIDR with ipv6: true, when the VPC has one", () => {
    expect(vpcClientPeers(vpc(true), { ipv6: true }).map((p) => p.key)).toEqual(["10-0-0-0-16", "cidr-ipv6"]);
    expect(vpcClientPeers(vpc(false), { ipv6: true }).map((p) => p.key)).toEqual(["10-0-0-0-16"]);
  });
});
