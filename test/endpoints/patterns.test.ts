import { TerraformVariable } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import {
  AwsService,
  CentralizedEndpoints,
  EndpointOnlyBucketPolicy,
  EndpointPolicy,
  PrivateAwsServiceAccess,
  S3HybridAccess,
  ServiceAccessPresets,
} from "../../modules/endpoints";
import { Peer, PrivateVpc } from "../../modules/vpc";
import { expectValidationError, Json, onlyResource, ORG, resourcesOfType, synthJson, testStack, testVpc } from "./helpers";

const REPO = "arn:aws:ecr:us-east-1:111111111111:repository/api";
const LOG_GROUP = "arn:aws:logs:us-east-1:111111111111:log-group:/ecs/api";
const KEY = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";

const endpointsByService = (json: Json): Record<string, Json> =>
  Object.fromEntries((Object.values(resourcesOfType(json, "aws_vpc_endpoint")) as Json[]).map((e) => [`${e.vpc_endpoint_type}:${e.service_name}`, e]));

describe("PrivateAwsServiceAccess", () => {
  test("EP-4 preset: ecr.api, ecr.dkr and logs interface endpoints behind one shared group, plus the S3 gateway for image layers", () => {
    const stack = testStack();
    const access = new PrivateAwsServiceAccess(stack, "Ecr", { vpc: testVpc(stack), services: ServiceAccessPresets.ecrPull([REPO], [LOG_GROUP], { organizationId: ORG }) });
    const json = synthJson(stack);
    const endpoints = endpointsByService(json);
    expect(Object.keys(endpoints).sort()).toEqual([
      "Gateway:com.amazonaws.us-east-1.s3",
      "Interface:com.amazonaws.us-east-1.ecr.api",
      "Interface:com.amazonaws.us-east-1.ecr.dkr",
      "Interface:com.amazonaws.us-east-1.logs",
    ]);
    const group = onlyResource(json, "aws_security_group");
    expect(group.description).toBe("VPC endpoints to ecr.api, ecr.dkr, logs");
    const interfaces = Object.values(endpoints).filter((e) => e.vpc_endpoint_type === "Interface");
    expect(new Set(interfaces.map((e) => JSON.stringify(e.security_group_ids))).size).toBe(1);
    expect(interfaces.every((e) => e.private_dns_enabled === true && e.policy !== undefined)).toBe(true);
    const rules = Object.values(resourcesOfType(json, "aws_vpc_security_group_ingress_rule")) as Json[];
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ from_port: 443, to_port: 443, cidr_ipv4: "10.0.0.0/16" });
    expect(JSON.parse(endpoints["Gateway:com.amazonaws.us-east-1.s3"].policy).Statement[0].Resource).toBe("arn:aws:s3:::prod-us-east-1-starport-layer-bucket/*");
    expect(Object.keys(access.interfaceEndpoints).sort()).toEqual(["ecr.api", "ecr.dkr", "logs"]);
    expect(Object.keys(access.gatewayEndpoints)).toEqual(["s3"]);
  });

  test("endpoints are keyed by service name, so adding one never renames another", () => {
    const stack = testStack();
    new PrivateAwsServiceAccess(stack, "Access", { vpc: testVpc(stack), services: [...ServiceAccessPresets.kms([KEY]), ...ServiceAccessPresets.cloudWatchLogs([LOG_GROUP])] });
    const keys = Object.keys(resourcesOfType(synthJson(stack), "aws_vpc_endpoint"));
    expect(keys.map((k) => k.replace(/_[0-9A-F]+$/, "")).sort()).toEqual(["Access_kms", "Access_logs"]);
  });

  test("EP-1, EP-2, EP-3 and EP-5 presets", () => {
    const stack = testStack();
    new PrivateAwsServiceAccess(stack, "All", {
      vpc: testVpc(stack),
      services: [
        ...ServiceAccessPresets.privateS3(["a-bucket"]),
        ...ServiceAccessPresets.dynamoDb(["arn:aws:dynamodb:us-east-1:111111111111:table/orders"]),
        ...ServiceAccessPresets.cloudWatchLogs([LOG_GROUP]),
        ...ServiceAccessPresets.kms([KEY]),
      ],
    });
    expect(Object.keys(endpointsByService(synthJson(stack))).sort()).toEqual([
      "Gateway:com.amazonaws.us-east-1.dynamodb",
      "Gateway:com.amazonaws.us-east-1.s3",
      "Interface:com.amazonaws.us-east-1.kms",
      "Interface:com.amazonaws.us-east-1.logs",
    ]);
  });

  test("gateway-only sets create no security group", () => {
    const stack = testStack();
    const access = new PrivateAwsServiceAccess(stack, "S3", { vpc: testVpc(stack), services: ServiceAccessPresets.privateS3(["a-bucket"]) });
    expect(access.securityGroup).toBeUndefined();
    expect(resourcesOfType(synthJson(stack), "aws_security_group")).toEqual({});
  });

  test("fails when the same service appears twice in one VPC", () => {
    const stack = testStack();
    const error = expectValidationError(
      () => new PrivateAwsServiceAccess(stack, "Twice", { vpc: testVpc(stack), services: [...ServiceAccessPresets.ecrPull([REPO], [LOG_GROUP]), ...ServiceAccessPresets.privateS3(["a-bucket"])] }),
      "services",
      "s3",
    );
    expect(error.expected).toContain("S3HybridAccess");
  });

  test("fails when no service is given", () => {
    const stack = testStack();
    expectValidationError(() => new PrivateAwsServiceAccess(stack, "None", { vpc: testVpc(stack), services: [] }), "services", "[]");
  });

  test("fails when the shared group would open 0.0.0.0/0", () => {
    const stack = testStack();
    expectValidationError(
      () => new PrivateAwsServiceAccess(stack, "Open", { vpc: testVpc(stack), services: ServiceAccessPresets.kms([KEY]), allowedPeers: [Peer.cidr("0.0.0.0/0")] }),
      "ingressRules.peer",
      "0.0.0.0/0",
    );
  });
});

describe("S3HybridAccess", () => {
  test("a gateway endpoint, then an interface endpoint with private DNS for the inbound resolver only, both with the policy", () => {
    const stack = testStack();
    const hybrid = new S3HybridAccess(stack, "S3", { vpc: testVpc(stack), policy: EndpointPolicy.s3Buckets(["a-bucket"], { organizationId: ORG }) });
    const endpoints = resourcesOfType(synthJson(stack), "aws_vpc_endpoint");
    const [gatewayKey] = Object.keys(endpoints).filter((k) => k.startsWith("S3_Gateway_"));
    const [interfaceKey] = Object.keys(endpoints).filter((k) => k.startsWith("S3_Interface_"));
    expect(endpoints[gatewayKey]).toMatchObject({ vpc_endpoint_type: "Gateway", service_name: "com.amazonaws.us-east-1.s3" });
    expect(endpoints[interfaceKey]).toMatchObject({
      vpc_endpoint_type: "Interface",
      private_dns_enabled: true,
      dns_options: { private_dns_only_for_inbound_resolver_endpoint: true },
      depends_on: [`aws_vpc_endpoint.${gatewayKey}`],
    });
    expect(endpoints[interfaceKey].policy).toBe(endpoints[gatewayKey].policy);
    expect(hybrid.interfaceEndpoint.securityGroup).toBeDefined();
  });
});

describe("CentralizedEndpoints", () => {
  function hubAndSpokes() {
    const stack = testStack();
    const hub = testVpc(stack, ["us-east-1a", "us-east-1b"], "Hub");
    const orders = testVpc(stack, ["us-east-1a", "us-east-1b"], "Orders");
    const partner = new AwsProvider(stack, "partner", { region: "us-east-1", alias: "partner" });
    const analytics = new PrivateVpc(stack, "Analytics", { name: "analytics", cidrBlock: "10.2.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], provider: partner });
    const central = new CentralizedEndpoints(stack, "Central", {
      vpc: hub,
      spokes: [
        { name: "orders", vpc: orders },
        { name: "analytics", vpc: analytics },
      ],
      allowedPeers: [Peer.cidr("10.0.0.0/8")],
      services: [
        { service: AwsService.LOGS, policy: EndpointPolicy.organizationOnly(ORG) },
        { service: AwsService.ECR_DKR, policy: EndpointPolicy.organizationOnly(ORG) },
      ],
    });
    return { stack, central, json: synthJson(stack) };
  }

  test("hub endpoints with private DNS off, behind one group open to the given peers", () => {
    const { json } = hubAndSpokes();
    const endpoints = Object.values(resourcesOfType(json, "aws_vpc_endpoint")) as Json[];
    expect(endpoints).toHaveLength(2);
    expect(endpoints.every((e) => e.private_dns_enabled === false && String(e.vpc_id).includes("aws_vpc.Hub_"))).toBe(true);
    const rules = Object.values(resourcesOfType(json, "aws_vpc_security_group_ingress_rule")) as Json[];
    expect(rules.map((r) => r.cidr_ipv4)).toEqual(["10.0.0.0/8"]);
  });

  test("one private hosted zone per service, named like the service, with alias records to the endpoint's regional DNS entry", () => {
    const { json, central } = hubAndSpokes();
    const zones = Object.values(resourcesOfType(json, "aws_route53_zone")) as Json[];
    expect(zones.map((z) => z.name).sort()).toEqual(["dkr.ecr.us-east-1.amazonaws.com", "logs.us-east-1.amazonaws.com"]);
    expect(zones.every((z) => String(z.vpc[0].vpc_id).includes("aws_vpc.Hub_") && z.lifecycle.ignore_changes.includes("vpc"))).toBe(true);
    const records = Object.values(resourcesOfType(json, "aws_route53_record")) as Json[];
    expect(records.map((r) => r.name).sort()).toEqual(["*.dkr.ecr.us-east-1.amazonaws.com", "dkr.ecr.us-east-1.amazonaws.com", "logs.us-east-1.amazonaws.com"]);
    for (const record of records) {
      expect(record.type).toBe("A");
      expect(record.alias.name).toMatch(/^\$\{aws_vpc_endpoint\.Central_Endpoints_.*\.dns_entry\[0\]\.dns_name\}$/);
      expect(record.alias.zone_id).toMatch(/\.dns_entry\[0\]\.hosted_zone_id\}$/);
      expect(record.alias.evaluate_target_health).toBe(true);
    }
    expect(Object.keys(central.hostedZones).sort()).toEqual(["ecr.dkr", "logs"]);
  });

  test("every zone is associated with every spoke; spokes of other accounts after the hub's authorization, with their provider", () => {
    const { json } = hubAndSpokes();
    const associations = Object.entries(resourcesOfType(json, "aws_route53_zone_association")) as [string, Json][];
    expect(associations).toHaveLength(4);
    const authorizations = Object.values(resourcesOfType(json, "aws_route53_vpc_association_authorization")) as Json[];
    expect(authorizations).toHaveLength(2);
    expect(authorizations.every((a) => a.provider === undefined && String(a.vpc_id).includes("aws_vpc.Analytics_"))).toBe(true);
    const analytics = associations.filter(([key]) => key.includes("Association-analytics"));
    expect(analytics.every(([, a]) => a.provider === "aws.partner" && String(a.zone_id).includes("aws_route53_vpc_association_authorization."))).toBe(true);
    const orders = associations.filter(([key]) => key.includes("Association-orders"));
    expect(orders.every(([, a]) => a.provider === undefined && String(a.zone_id).includes("aws_route53_zone."))).toBe(true);
  });

  test("by default admits the hub's and spokes' literal CIDRs", () => {
    const stack = testStack();
    const literal = (id: string, cidr: string) => PrivateVpc.fromAttributes(stack, id, { vpcId: `vpc-0${id.toLowerCase()}`, cidrBlock: cidr, privateSubnets: testVpc(stack, ["us-east-1a", "us-east-1b"], `${id}Subnets`).privateSubnets });
    new CentralizedEndpoints(stack, "Central", {
      vpc: literal("Hub", "10.0.0.0/16"),
      spokes: [{ name: "a", vpc: literal("A", "10.1.0.0/16") }],
      services: [{ service: AwsService.KMS, policy: EndpointPolicy.kmsKeys([KEY]) }],
    });
    const rules = Object.values(resourcesOfType(synthJson(stack), "aws_vpc_security_group_ingress_rule")) as Json[];
    expect(rules.map((r) => r.cidr_ipv4).sort()).toEqual(["10.0.0.0/16", "10.1.0.0/16"]);
  });

  test("fails when a service asks for a gateway endpoint", () => {
    const stack = testStack();
    expectValidationError(
      () =>
        new CentralizedEndpoints(stack, "Central", {
          vpc: testVpc(stack, ["us-east-1a", "us-east-1b"], "Hub"),
          spokes: [{ name: "a", vpc: testVpc(stack, ["us-east-1a", "us-east-1b"], "A") }],
          allowedPeers: [Peer.cidr("10.0.0.0/8")],
          services: ServiceAccessPresets.privateS3(["a-bucket"]),
        }),
      "services[0].endpointType",
      "Gateway",
    );
  });

  test("spokes whose CIDRs are only known at apply get one rule each, keyed by spoke name", () => {
    const stack = testStack();
    const imported = (id: string) =>
      PrivateVpc.fromAttributes(stack, id, { vpcId: new TerraformVariable(stack, `${id}Id`, { type: "string" }).stringValue, cidrBlock: new TerraformVariable(stack, `${id}Cidr`, { type: "string" }).stringValue });
    new CentralizedEndpoints(stack, "Central", {
      vpc: testVpc(stack, ["us-east-1a", "us-east-1b"], "Hub"),
      spokes: [
        { name: "a", vpc: imported("A") },
        { name: "b", vpc: imported("B") },
      ],
      services: ServiceAccessPresets.kms([KEY]),
    });
    const rules = Object.entries(resourcesOfType(synthJson(stack), "aws_vpc_security_group_ingress_rule"));
    expect(rules.map(([, r]) => r.cidr_ipv4)).toEqual(["10.0.0.0/16", "${var.ACidr}", "${var.BCidr}"]);
    expect(rules.map(([name]) => name).filter((n) => /spoke-a|spoke-b/.test(n))).toHaveLength(2);
  });

  test("fails when there is no spoke, or two spokes share a name", () => {
    const stack = testStack();
    const hub = testVpc(stack, ["us-east-1a", "us-east-1b"], "Hub");
    const services = ServiceAccessPresets.kms([KEY]);
    expectValidationError(() => new CentralizedEndpoints(stack, "None", { vpc: hub, spokes: [], services }), "spokes", "[]");
    expectValidationError(() => new CentralizedEndpoints(stack, "Twice", { vpc: hub, spokes: [{ name: "a", vpc: hub }, { name: "a", vpc: hub }], services }), "spokes", "a");
  });
});

describe("EndpointOnlyBucketPolicy", () => {
  test("denies every request that does not come through the endpoints, except the exempt roles", () => {
    const stack = testStack();
    const access = new PrivateAwsServiceAccess(stack, "S3", { vpc: testVpc(stack), services: ServiceAccessPresets.privateS3(["a-bucket"]) });
    new EndpointOnlyBucketPolicy(stack, "Policy", { bucketName: "a-bucket", endpoints: [access.gatewayEndpoints.s3], exemptRoleArns: ["arn:aws:iam::111111111111:role/admin"] });
    const policy = onlyResource(synthJson(stack), "aws_s3_bucket_policy");
    expect(policy.bucket).toBe("a-bucket");
    // References inside the document go through jsonencode, which HCL output needs.
    expect(policy.policy).toMatch(/^\$\{jsonencode\(/);
    expect(policy.policy).toContain('"aws:SourceVpce" = [aws_vpc_endpoint.S3_s3_');
    expect(policy.policy).toContain('"Effect" = "Deny"');
    expect(policy.policy).toContain('"ArnNotLike" = {"aws:PrincipalArn" = ["arn:aws:iam::111111111111:role/admin"]}');
  });

  test("fails on a malformed bucket name, no endpoint, or an exempt principal that is not a role ARN", () => {
    const stack = testStack();
    const endpoint = { vpcEndpointId: "vpce-0123456789abcdef0" };
    expectValidationError(() => new EndpointOnlyBucketPolicy(stack, "A", { bucketName: "Bad_Bucket", endpoints: [endpoint] }), "bucketName", "Bad_Bucket");
    expectValidationError(() => new EndpointOnlyBucketPolicy(stack, "B", { bucketName: "a-bucket", endpoints: [] }), "endpoints", "[]");
    expectValidationError(() => new EndpointOnlyBucketPolicy(stack, "C", { bucketName: "a-bucket", endpoints: [endpoint], exemptRoleArns: ["admin"] }), "exemptRoleArns[0]", "admin");
  });
});
