import { TerraformVariable } from "cdktf";
import { EndpointPolicy, exportEndpointOutputs, S3HybridAccess } from "../../modules/endpoints";
import { Flows } from "../../modules/flows";
import { ISubnet, Peer, Vpc } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { EXAMPLE_AZS, EXAMPLE_ORGANIZATION_ID } from "../example-values";

/**
 * EP-1 on a VPC that already exists (a landing zone made it): its IDs come
 * in as Terraform variables. S3 is reachable from the VPC through the
 * gateway endpoint and from on-premises (through Route 53 inbound resolver
 * endpoints) through the interface endpoint, whose private DNS answers only
 * the resolver and whose security group admits only the on-premises range.
 * The gateway endpoint is created first, as AWS requires. It needs a Route 53
 * Resolver inbound endpoint the landing zone already runs in this VPC
 * (53/udp and 53/tcp open to the on-premises range), to which on-premises DNS
 * forwards the S3 names: the stack does not create it, and says so in the
 * `on_premises_cidr` variable a user sets.
 */
export const ep1S3HybridExistingVpc = exampleStack("ep1-s3-hybrid-existing-vpc", ["EP-1"], (stack) => {
  // Defaults are placeholders so the example plans offline; pass the real IDs with -var.
  const variable = (name: string, description: string, fallback: string): string =>
    new TerraformVariable(stack, name, { type: "string", description, default: fallback }).stringValue;
  const subnets: ISubnet[] = EXAMPLE_AZS.map((az) => {
    const suffix = az.slice(-1);
    return {
      availabilityZone: az,
      subnetId: variable(`private_subnet_${suffix}_id`, `The private subnet in ${az}`, `subnet-0${suffix}${"a".repeat(15)}`),
      routeTableId: variable(`private_route_table_${suffix}_id`, `The route table of the private subnet in ${az}`, `rtb-0${suffix}${"a".repeat(15)}`),
    };
  });
  const vpc = Vpc.fromVpcAttributes(stack, "ExistingVpc", {
    vpcId: variable("vpc_id", "The existing VPC", "vpc-0aaaaaaaaaaaaaaaa"),
    cidrBlock: variable("vpc_cidr_block", "Its IPv4 CIDR, the source of the endpoint's security-group rule", "10.20.0.0/16"),
    privateSubnets: subnets,
  });
  const onPremises = variable(
    "on_premises_cidr",
    "The on-premises range. Its DNS must forward the S3 names (s3.us-east-1.amazonaws.com) to a Route 53 Resolver inbound endpoint that already exists in this VPC and admits 53/udp and 53/tcp from this range: only queries arriving there get the interface endpoint's addresses",
    "192.168.0.0/16",
  );
  const s3 = new S3HybridAccess(stack, "S3Hybrid", {
    vpc,
    onPremisesPeers: [Peer.cidr(onPremises, { name: "on-premises" })],
    policy: EndpointPolicy.s3Buckets(["example-shared-datasets-111111111111"], { organizationId: EXAMPLE_ORGANIZATION_ID }),
  });
  exportEndpointOutputs(stack, "s3_gateway_endpoint", s3.gatewayEndpoint);
  // Forward on-premises S3 queries to the inbound resolver; it answers with the interface endpoint's IPs.
  exportEndpointOutputs(stack, "s3_interface_endpoint", s3.interfaceEndpoint);

  const dataset = "example-shared-datasets-111111111111";
  const read = { action: "s3:GetObject", resource: `arn:aws:s3:::${dataset}/2024/batch.parquet` };
  const principal = { arn: "arn:aws:iam::111111111111:role/on-premises-etl", organizationId: EXAMPLE_ORGANIZATION_ID };
  Flows.of(stack)
    .allow("on-premises-reads-datasets", {
      from: { vpc: vpc.vpcId, cidr: "192.168.0.0/16", principal },
      to: { dnsName: `${dataset}.s3.us-east-1.amazonaws.com`, request: read },
      description: "the inbound resolver answers with the interface endpoint, whose group admits the on-premises range",
    })
    .deny("other-network-reads-datasets", {
      from: { vpc: vpc.vpcId, cidr: "172.16.0.0/12", principal },
      to: { dnsName: `${dataset}.s3.us-east-1.amazonaws.com`, request: read },
      reason: "has no ingress from 172.16.0.0/12 on tcp 443",
      description: "a range entering the VPC that is not the on-premises one",
    })
    .allow("vpc-reads-datasets-through-gateway", {
      from: { vpc: vpc.vpcId, principal },
      to: { dnsName: `${dataset}.s3.us-east-1.amazonaws.com`, request: read },
      description: "the VPC's own clients keep the gateway endpoint",
    })
    .deny("on-premises-reads-another-bucket", {
      from: { vpc: vpc.vpcId, cidr: "192.168.0.0/16", principal },
      to: {
        dnsName: "exfiltration-target.s3.us-east-1.amazonaws.com",
        request: { action: "s3:PutObject", resource: "arn:aws:s3:::exfiltration-target/dump.tar" },
      },
      reason: "endpoint policy of S3Hybrid/Interface: no Allow statement matches",
    });
});
