import { Construct } from "constructs";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { PrivateNetworkingStack } from "../../modules/app";
import { analyzeFlow, expectFlow, NetworkModel } from "../../modules/flows";
import {
  ApplianceTargets,
  EndpointService,
  EndpointServiceLoadBalancer,
  EndpointServicePrincipal,
  GatewayLoadBalancer,
  InspectedSubnetTier,
} from "../../modules/privatelink";
import { ISubnet, Vpc } from "../../modules/vpc";
import { expectValidationError, Json, resourcesOfType, stackWithProvider, synthJson, testApp } from "../helpers";

/**
 * A Gateway Load Balancer in a VPC with a secondary IPv4 block
 * (100.64.0.0/16): its nodes send from addresses of every block its
 * subnets can be in, and appliances there are in the VPC.
 */

type Rule = Json & { cidr_ipv4?: string; from_port?: number; ip_protocol?: string; security_group_id?: string };
const rulesOf = (json: Json, type: string, group: string) =>
  (Object.values(resourcesOfType(json, type)) as Rule[]).filter((r) => String(r.security_group_id).includes(group));

/** An imported inspection VPC whose load balancer subnets are in its secondary block. */
function importedInspectionVpc(scope: Construct, provider?: AwsProvider) {
  return Vpc.fromVpcAttributes(scope, "InspectionVpc", {
    provider,
    vpcId: "vpc-0ddd1234eeee56780",
    cidrBlock: "10.100.0.0/16",
    secondaryCidrBlocks: ["100.64.0.0/16"],
    privateSubnets: [
      { subnetId: "subnet-0fff1111aaaa22220", cidrBlock: "100.64.0.0/24", availabilityZoneId: "use1-az1", routeTableId: "rtb-0fff1111aaaa22220" },
      { subnetId: "subnet-0fff1111aaaa22221", cidrBlock: "100.64.1.0/24", availabilityZoneId: "use1-az2", routeTableId: "rtb-0fff1111aaaa22220" },
    ],
  });
}

describe("GatewayLoadBalancer in a VPC with a secondary block", () => {
  it("admits GENEVE and the health checks from every IPv4 block of the VPC, and takes appliances in a secondary block", () => {
    const stack = stackWithProvider();
    new GatewayLoadBalancer(stack, "Gwlb", {
      vpc: importedInspectionVpc(stack),
      appliances: ApplianceTargets.ipAddresses({ addresses: { a: "100.64.0.10", b: "10.100.0.10" } }),
      healthCheck: { port: 80 },
    });
    const json = synthJson(stack);
    const ingress = rulesOf(json, "aws_vpc_security_group_ingress_rule", "Gwlb_AppliancesSecurityGroup");
    expect(ingress.map((r) => [r.ip_protocol, r.from_port, r.cidr_ipv4]).sort()).toEqual([
      ["tcp", 80, "10.100.0.0/16"],
      ["tcp", 80, "100.64.0.0/16"],
      ["udp", 6081, "10.100.0.0/16"],
      ["udp", 6081, "100.64.0.0/16"],
    ]);
    const targets = Object.values(resourcesOfType(json, "aws_lb_target_group_attachment")) as Json[];
    expect(targets.map((t) => t.target_id).sort()).toEqual(["10.100.0.10", "100.64.0.10"]);
  });

  it("fails when an appliance is in none of the VPC's blocks, naming them all", () => {
    const stack = stackWithProvider();
    const build = () =>
      new GatewayLoadBalancer(stack, "Gwlb", {
        vpc: importedInspectionVpc(stack),
        appliances: ApplianceTargets.ipAddresses({ addresses: { fw: "100.66.0.10" } }),
        healthCheck: { port: 80 },
      });
    const error = expectValidationError(build, "appliances.addresses.fw", "100.66.0.10");
    expect(error.constructPath).toBe("test/Gwlb");
    expect(error.expected).toContain("an address inside the load balancer's VPC (10.100.0.0/16, 100.64.0.0/16)");
  });
});

describe("flows through a Gateway Load Balancer in a secondary block", () => {
  /** The inspection account's load balancer in the imported VPC's 100.64.0.0/16, a workload tier behind it. */
  function inspectedTier() {
    const stack = new PrivateNetworkingStack(testApp(), "inspection", { region: "us-east-1", accountId: "111111111111" });
    const workloads = new AwsProvider(stack, "workloads", {
      alias: "workloads",
      region: "us-east-1",
      allowedAccountIds: ["222222222222"],
      assumeRole: [{ roleArn: "arn:aws:iam::222222222222:role/NetworkingDeployment" }],
    });
    // The inspection VPC's load balancer subnets are in its secondary block, made by the caller after the block's association.
    const inspectionVpc = new Vpc(stack, "InspectionVpc", {
      name: "inspection",
      cidrBlock: "10.100.0.0/16",
      availabilityZones: ["use1-az1", "use1-az2"],
      secondaryCidrBlocks: ["100.64.0.0/16"],
    });
    const balancerSubnets: ISubnet[] = [
      ["use1-az1", "100.64.0.0/24"],
      ["use1-az2", "100.64.1.0/24"],
    ].map(([zone, cidrBlock], i) => {
      const subnet = new Subnet(stack, `Balancer-${zone}`, {
        vpcId: inspectionVpc.vpcId,
        cidrBlock,
        availabilityZoneId: zone,
        dependsOn: [...inspectionVpc.cidrBlockAssociations],
      });
      const routeTableId = inspectionVpc.privateSubnets[i].routeTableId as string;
      new RouteTableAssociation(stack, `Balancer-${zone}-Routes`, { subnetId: subnet.id, routeTableId });
      return { subnetId: subnet.id, cidrBlock, availabilityZoneId: zone, routeTableId };
    });
    const firewalls = new GatewayLoadBalancer(stack, "Firewalls", {
      vpc: inspectionVpc,
      subnets: balancerSubnets,
      appliances: ApplianceTargets.instances({ instances: { a: "i-0123456789abcdef0", b: "i-0123456789abcdef1" } }),
      healthCheck: { protocol: "HTTP", port: 80, path: "/healthz" },
    });
    const service = new EndpointService(stack, "Inspection", {
      loadBalancer: EndpointServiceLoadBalancer.gatewayLoadBalancer(firewalls),
      allowedPrincipals: [EndpointServicePrincipal.account("222222222222")],
    });
    const vpc = new Vpc(stack, "WorkloadVpc", {
      provider: workloads,
      name: "workloads",
      cidrBlock: "10.110.0.0/16",
      availabilityZones: ["use1-az1", "use1-az2"],
    });
    const data = new InspectedSubnetTier(stack, "Data", {
      vpc,
      name: "data",
      service,
      subnetCidrs: { "use1-az1": "10.110.10.0/24", "use1-az2": "10.110.11.0/24" },
      endpointSubnetCidrs: { "use1-az1": "10.110.255.0/28", "use1-az2": "10.110.255.16/28" },
      clients: {
        "app-az1": { subnet: vpc.privateSubnets[0], cidrBlock: "10.110.0.0/24" },
        "app-az2": { subnet: vpc.privateSubnets[1], cidrBlock: "10.110.1.0/24" },
      },
    });
    return { stack, vpc, data, firewalls };
  }

  it("the appliances admit GENEVE from the load balancer's nodes in the secondary block", () => {
    const { stack, vpc, data } = inspectedTier();
    const flow = expectFlow(stack, { subnet: vpc.privateSubnets[0].subnetId }, { target: data.subnets[0].subnetId, port: 5432 });
    flow.toBeAllowed();
    expect(flow.verdict.hops.map((h) => `${h.kind}: ${h.text}`)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^target: appliances of Firewalls\/Appliances admit GENEVE \(UDP 6081\)/)]),
    );
  });

  it("fails when the appliances admit the primary block only (the rule before)", () => {
    const { stack } = inspectedTier();
    const json = JSON.parse(JSON.stringify(stack.toTerraform())) as Json;
    const rules = json.resource.aws_vpc_security_group_ingress_rule as Record<string, Rule>;
    for (const [key, rule] of Object.entries(rules))
      if (String(rule.security_group_id).includes("Firewalls_AppliancesSecurityGroup") && rule.cidr_ipv4 === "100.64.0.0/16") delete rules[key];
    const subnet = (part: string) => `aws_subnet.${Object.keys(json.resource.aws_subnet as Json).find((k) => k.includes(part))}`;
    const verdict = analyzeFlow(
      NetworkModel.fromJson("inspection", json),
      { subnet: subnet("WorkloadVpc_Private-use1-az1") },
      { target: subnet("Data_TierSubnet-use1-az1"), port: 5432 },
    );
    expect(verdict.allowed).toBe(false);
    expect(verdict.reason).toContain("no security group in the appliances' VPC admits GENEVE (UDP 6081) from Gateway Load Balancer Firewalls");
  });
});
