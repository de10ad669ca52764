import { endpointStacks } from "../../../stacks/endpoints";
import { catalog } from "../../../stacks/catalog";
import { Json, resourcesOfType } from "../../helpers";
import { exampleStackJson } from "../synth-app";

const synth = (name: string): Json => exampleStackJson(name);

const endpoints = (json: Json): Json[] => Object.values(resourcesOfType(json, "aws_vpc_endpoint")) as Json[];
const services = (json: Json): string[] =>
  endpoints(json)
    .map((e) => `${e.vpc_endpoint_type}:${e.service_name}`)
    .sort();

describe("endpoint example stacks", () => {
  test("cover EP-1 to EP-5 and DEP-1 in the catalog, with names prefixed by their main use case", () => {
    const covered = catalog(endpointStacks).map((entry) => entry.id);
    expect(covered).toEqual(["EP-1", "EP-2", "EP-3", "EP-4", "EP-5", "DEP-1"]);
    for (const stack of endpointStacks) expect(stack.name.startsWith(stack.useCases[0].toLowerCase().replace("-", ""))).toBe(true);
  });

  test("each stack creates its own VPC and private subnets, or takes an existing VPC from variables", () => {
    for (const stack of endpointStacks) {
      const json = synth(stack.name);
      if (stack.name === "ep1-s3-hybrid-existing-vpc") {
        expect(Object.keys(json.variable)).toEqual(
          expect.arrayContaining(["vpc_id", "vpc_cidr_block", "private_subnet_a_id", "private_route_table_b_id"]),
        );
        expect(resourcesOfType(json, "aws_vpc")).toEqual({});
      } else {
        expect(Object.keys(resourcesOfType(json, "aws_vpc")).length).toBeGreaterThan(0);
        expect(Object.keys(resourcesOfType(json, "aws_subnet")).length).toBeGreaterThanOrEqual(2);
      }
      // Every endpoint to an AWS service has a least-privilege policy: none keeps the allow-all default.
      for (const endpoint of endpoints(json).filter((e) => String(e.service_name).startsWith("com.amazonaws.us-east-1."))) {
        expect(endpoint.policy).toBeDefined();
      }
    }
  });

  test("EP-1: an S3 gateway endpoint for the bucket, and the bucket policy that only admits it", () => {
    const json = synth("ep1-private-s3");
    expect(services(json)).toEqual(["Gateway:com.amazonaws.us-east-1.s3"]);
    expect(Object.values(resourcesOfType(json, "aws_s3_bucket_policy"))).toHaveLength(1);
    expect(Object.keys(json.output)).toEqual(expect.arrayContaining(["s3_gateway_endpoint_id"]));
  });

  test("EP-1 on an existing VPC: gateway then interface endpoint for on-premises clients", () => {
    const json = synth("ep1-s3-hybrid-existing-vpc");
    expect(services(json)).toEqual(["Gateway:com.amazonaws.us-east-1.s3", "Interface:com.amazonaws.us-east-1.s3"]);
    const gateway = endpoints(json).find((e) => e.vpc_endpoint_type === "Gateway")!;
    expect(gateway.route_table_ids).toEqual(["${var.private_route_table_a_id}", "${var.private_route_table_b_id}"]);
  });

  test("EP-2, EP-3, EP-5: the service's endpoint", () => {
    expect(services(synth("ep2-private-dynamodb"))).toEqual(["Gateway:com.amazonaws.us-east-1.dynamodb"]);
    const logs = synth("ep3-private-logs");
    expect(services(logs)).toEqual(["Interface:com.amazonaws.us-east-1.logs"]);
    expect(Object.keys(logs.data.aws_vpc_endpoint_service)).toHaveLength(1);
    expect(services(synth("ep5-private-kms"))).toEqual(["Interface:com.amazonaws.us-east-1.kms"]);
  });

  test("EP-4: everything an image pull needs", () => {
    expect(services(synth("ep4-private-ecr"))).toEqual([
      "Gateway:com.amazonaws.us-east-1.s3",
      "Interface:com.amazonaws.us-east-1.ecr.api",
      "Interface:com.amazonaws.us-east-1.ecr.dkr",
      "Interface:com.amazonaws.us-east-1.logs",
    ]);
  });

  test("DEP-1: one VPC, an endpoint to an AWS service and one to an endpoint service", () => {
    const json = synth("dep1-service-and-endpoint-service");
    expect(services(json)).toEqual(["Interface:com.amazonaws.us-east-1.sts", "Interface:com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0"]);
    const partner = endpoints(json).find((e) => String(e.service_name).includes("vpce-svc"))!;
    expect(partner.policy).toBeUndefined();
  });

  test("hub and spoke: hub endpoints, zones associated with both spokes, the cross-account one authorized; a gateway endpoint per VPC; a shared transit gateway", () => {
    const json = synth("ep3-centralized-endpoints");
    const interfaces = endpoints(json).filter((e) => e.vpc_endpoint_type === "Interface");
    expect(interfaces.map((e) => e.service_name).sort()).toEqual(["ecr.api", "ecr.dkr", "kms", "logs"].map((s) => `com.amazonaws.us-east-1.${s}`));
    expect(interfaces.every((e) => e.private_dns_enabled === false)).toBe(true);
    expect(endpoints(json).filter((e) => e.vpc_endpoint_type === "Gateway")).toHaveLength(3);
    expect(Object.values(resourcesOfType(json, "aws_route53_zone"))).toHaveLength(4);
    expect(Object.values(resourcesOfType(json, "aws_route53_zone_association"))).toHaveLength(8);
    expect(Object.values(resourcesOfType(json, "aws_route53_vpc_association_authorization"))).toHaveLength(4);
    expect(Object.values(resourcesOfType(json, "aws_ec2_transit_gateway_vpc_attachment"))).toHaveLength(3);
    expect(Object.values(resourcesOfType(json, "aws_ec2_transit_gateway_vpc_attachment_accepter"))).toHaveLength(1);
    // Hub to each spoke and each spoke to the hub, in both AZs' route tables; no spoke-to-spoke route.
    expect(Object.values(resourcesOfType(json, "aws_route"))).toHaveLength(8);
  });
});
