import { TerraformResource, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Route53Zone } from "@cdktf/provider-aws/lib/route53-zone";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc as RawVpc } from "@cdktf/provider-aws/lib/vpc";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { AwsService, EndpointPolicy, InterfaceEndpoint } from "../../modules/endpoints";
import { analyzeStackFlow, expectFlow } from "../../modules/flows";
import { Peer, PrivateVpc, Vpc } from "../../modules/vpc";
import { testApp } from "../helpers";

/**
 * The VPC attributes the Amazon DNS server answers by: without
 * enable_dns_support it answers nothing (no private hosted zone, no
 * endpoint's private DNS); without enable_dns_hostnames an interface
 * endpoint's private DNS does not apply. Terraform's defaults for an aws_vpc
 * are true and false.
 */

function stack() {
  const s = new TerraformStack(testApp(), "flows");
  new AwsProvider(s, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
  return s;
}

function awsVpcOf(vpc: PrivateVpc): TerraformResource {
  return vpc.node.findAll().find((c) => (c as TerraformResource).terraformResourceType === "aws_vpc") as TerraformResource;
}

function logsEndpointIn(attribute?: "enable_dns_support" | "enable_dns_hostnames") {
  const s = stack();
  const vpc = new PrivateVpc(s, "Vpc", { name: "app", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  new InterfaceEndpoint(s, "Logs", { vpc, service: AwsService.LOGS, policy: EndpointPolicy.allowAll(), allowedPeers: [Peer.cidr("10.0.0.0/16")] });
  if (attribute !== undefined) awsVpcOf(vpc).addOverride(attribute, false);
  return { s, vpc };
}

describe("VPC DNS attributes", () => {
  test("an endpoint's private DNS answers in a VPC with both attributes on", () => {
    const { s, vpc } = logsEndpointIn();
    expectFlow(s, { vpc }, { dnsName: "logs.us-east-1.amazonaws.com" }).toBeAllowed();
  });

  test("fails when the VPC has enable_dns_support false: the Amazon DNS server answers no endpoint's private DNS", () => {
    const { s, vpc } = logsEndpointIn("enable_dns_support");
    expectFlow(s, { vpc }, { dnsName: "logs.us-east-1.amazonaws.com" }).toBeDenied(
      "is answered by the private DNS of VPC endpoint Logs, but VPC Vpc has enable_dns_support false",
    );
  });

  test("fails when the VPC has enable_dns_hostnames false: the endpoint's private DNS does not apply", () => {
    const { s, vpc } = logsEndpointIn("enable_dns_hostnames");
    expectFlow(s, { vpc }, { dnsName: "logs.us-east-1.amazonaws.com" }).toBeDenied(
      "the private DNS of interface endpoint Logs does not apply (the VPC has enable_dns_hostnames false",
    );
  });

  test("fails when a private hosted zone's VPC has enable_dns_support false", () => {
    const s = stack();
    const vpc = new PrivateVpc(s, "Vpc", { name: "app", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const zone = new Route53Zone(s, "Zone", { name: "internal.example.com", vpc: [{ vpcId: vpc.vpcId }] });
    new Route53Record(s, "Db", { zoneId: zone.zoneId, name: "db.internal.example.com", type: "A", ttl: 60, records: ["10.0.1.10"] });
    expectFlow(s, { vpc }, { dnsName: "db.internal.example.com", port: 5432 }).toBeAllowed();
    awsVpcOf(vpc).addOverride("enable_dns_support", false);
    expectFlow(s, { vpc }, { dnsName: "db.internal.example.com", port: 5432 }).toBeDenied(
      "is answered by private hosted zone internal.example.com (Zone), but VPC Vpc has enable_dns_support false",
    );
  });

  test("fails for an aws_vpc that leaves enable_dns_hostnames at Terraform's default (false)", () => {
    const s = stack();
    const vpc = new RawVpc(s, "Raw", { cidrBlock: "10.0.0.0/16", tags: { Name: "raw" } });
    const subnet = new Subnet(s, "RawSub", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", availabilityZone: "us-east-1a" });
    const endpoint = new VpcEndpoint(s, "Logs", {
      vpcId: vpc.id,
      serviceName: "com.amazonaws.us-east-1.logs",
      vpcEndpointType: "Interface",
      privateDnsEnabled: true,
      subnetIds: [subnet.id],
    });
    expectFlow(s, { subnet: subnet.id }, { dnsName: "logs.us-east-1.amazonaws.com" }).toBeDenied("enable_dns_hostnames false");
    vpc.enableDnsHostnames = true;
    expect(analyzeStackFlow(s, { subnet: subnet.id }, { dnsName: "logs.us-east-1.amazonaws.com" }).hops).toContainEqual(
      expect.objectContaining({ address: `aws_vpc_endpoint.${endpoint.friendlyUniqueId}`, kind: "dns", ok: true }),
    );
  });

  test("an imported VPC's DNS attributes are an assumption, not a denial", () => {
    const s = stack();
    const vpc = Vpc.fromVpcAttributes(s, "Existing", {
      vpcId: "vpc-0abc1234def567890",
      cidrBlock: "10.50.0.0/16",
      privateSubnetIds: ["subnet-0aaa1111bbbb22220", "subnet-0aaa1111bbbb22221"],
      availabilityZones: ["us-east-1a", "us-east-1b"],
    }) as Vpc;
    new InterfaceEndpoint(s, "Logs", { vpc, service: AwsService.LOGS, policy: EndpointPolicy.allowAll(), allowedPeers: [Peer.cidr("10.50.0.0/16")] });
    const verdict = analyzeStackFlow(s, { vpc }, { dnsName: "logs.us-east-1.amazonaws.com" });
    expect(verdict.allowed).toBe(true);
    expect(verdict.assumptions).toContainEqual(expect.stringContaining("has enable_dns_support on (its DNS attributes are not in this stack)"));
    expect(verdict.assumptions).toContainEqual(expect.stringContaining("has enable_dns_hostnames on"));
  });
});
