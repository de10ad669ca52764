import { TerraformOutput, TerraformVariable } from "cdktf";
import { EndpointPolicy, S3HybridAccess } from "../../modules/endpoints";
import { ISubnet, Vpc } from "../../modules/vpc";
import { exampleStack } from "../example-stack";
import { EXAMPLE_AZS, EXAMPLE_ORGANIZATION_ID } from "../example-values";

/**
 * EP-1 on a VPC that already exists (a landing zone made it): its IDs come
 * in as Terraform variables. S3 is reachable from the VPC through the
 * gateway endpoint and from on-premises (through Route 53 inbound resolver
 * endpoints) through the interface endpoint, whose private DNS answers only
 * the resolver. The gateway endpoint is created first, as AWS requires.
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
  const s3 = new S3HybridAccess(stack, "S3Hybrid", {
    vpc,
    policy: EndpointPolicy.s3Buckets(["example-shared-datasets-111111111111"], { organizationId: EXAMPLE_ORGANIZATION_ID }),
  });
  new TerraformOutput(stack, "s3_gateway_endpoint_id", { value: s3.gatewayEndpoint.vpcEndpointId });
  new TerraformOutput(stack, "s3_interface_endpoint_dns_name", {
    value: s3.interfaceEndpoint.dnsEntries.get(0).dnsName,
    description: "Forward on-premises S3 queries to the inbound resolver; it answers with this endpoint's IPs",
  });
});
