import { TerraformStack, TerraformVariable } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { OptOut, PolicyPrincipal, PolicyStatement } from "../../modules/core";
import { AwsService, EndpointPolicy, GatewayEndpoint, IInterfaceEndpointService, InterfaceEndpoint } from "../../modules/endpoints";
import { EndpointService } from "../../modules/privatelink";
import { expectFlow } from "../../modules/flows";
import { Peer, PrivateHostedZone, Vpc, SecurityGroup } from "../../modules/vpc";
import { expectValidationError, Json, onlyResource, resourcesOfType, stackWithProvider, synthJson, testApp } from "../helpers";
import { NO_PRIVATE_TIER, ORG, testVpc, tieredVpc } from "./helpers";

const orgOnly = EndpointPolicy.organizationOnly(ORG);

function logsEndpoint(overrides: Partial<ConstructorParameters<typeof InterfaceEndpoint>[2]> = {}): {
  stack: TerraformStack;
  json: Json;
  endpoint: Json;
} {
  const stack = stackWithProvider();
  const vpc = testVpc(stack);
  new InterfaceEndpoint(stack, "Logs", { vpc, service: AwsService.LOGS, policy: orgOnly, ...overrides });
  const json = synthJson(stack);
  return { stack, json, endpoint: onlyResource(json, "aws_vpc_endpoint") };
}

const partnerService: IInterfaceEndpointService = {
  serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
  ports: [443, 8443],
  isAwsService: false,
  privateDnsSupported: false,
};

describe("InterfaceEndpoint defaults", () => {
  test("an explicit Interface type, the regional service name, one subnet per AZ", () => {
    const { endpoint } = logsEndpoint();
    expect(endpoint).toMatchObject({ vpc_endpoint_type: "Interface", service_name: "com.amazonaws.us-east-1.logs" });
    expect(endpoint.subnet_ids).toEqual(["${aws_subnet.Vpc_Private-us-east-1a_3B80A300.id}", "${aws_subnet.Vpc_Private-us-east-1b_05ADEB85.id}"]);
  });

  test("a new security group opening only the service port, from the VPC CIDR, with a description, and no egress", () => {
    const { json, endpoint } = logsEndpoint();
    const group = onlyResource(json, "aws_security_group");
    expect(group.description).toBe("VPC endpoint to logs");
    const rules = Object.values(resourcesOfType(json, "aws_vpc_security_group_ingress_rule")) as Json[];
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ipv4: "10.0.0.0/16" });
    expect(rules[0].description).toMatch(/^Clients to logs through the VPC endpoint, TCP 443$/);
    expect(JSON.stringify(json)).not.toContain("0.0.0.0/0");
    expect(resourcesOfType(json, "aws_vpc_security_group_egress_rule")).toEqual({});
    expect(endpoint.security_group_ids).toEqual(["${aws_security_group.Logs_SecurityGroup_CA97C047.id}"]);
  });

  test("private DNS on for AWS services", () => {
    expect(logsEndpoint().endpoint.private_dns_enabled).toBe(true);
    expect(logsEndpoint({ privateDnsEnabled: false }).endpoint.private_dns_enabled).toBe(false);
  });

  test("the chosen least-privilege policy, rendered as JSON", () => {
    const policy = JSON.parse(logsEndpoint().endpoint.policy);
    expect(policy.Statement).toEqual([
      {
        Sid: "OrganizationPrincipalsOnly",
        Effect: "Allow",
        Principal: "*",
        Action: "*",
        Resource: "*",
        Condition: { StringEquals: { "aws:PrincipalOrgID": ORG } },
      },
      {
        Sid: "AwsServicePrincipals",
        Effect: "Allow",
        Principal: "*",
        Action: "*",
        Resource: "*",
        Condition: { Bool: { "aws:PrincipalIsAWSService": "true" } },
      },
    ]);
  });

  test("allow-all only when asked by name: then the policy attribute is left to AWS's default", () => {
    expect(logsEndpoint({ policy: EndpointPolicy.allowAll() }).endpoint.policy).toBeUndefined();
  });

  test("no dns_options, ip_address_type or service_region unless asked", () => {
    const { endpoint } = logsEndpoint();
    expect(endpoint.dns_options).toBeUndefined();
    expect(endpoint.ip_address_type).toBeUndefined();
    expect(endpoint.service_region).toBeUndefined();
  });

  test("the endpoint's construct ids are stable: Resource for the endpoint, SecurityGroup for its group", () => {
    const stack = stackWithProvider();
    const endpoint = new InterfaceEndpoint(stack, "Logs", { vpc: testVpc(stack), service: AwsService.LOGS, policy: orgOnly });
    expect(endpoint.resource.node.id).toBe("Resource");
    expect(endpoint.securityGroup?.node.id).toBe("SecurityGroup");
    expect(endpoint.serviceName).toBe("com.amazonaws.us-east-1.logs");
  });
});

describe("InterfaceEndpoint options", () => {
  test("an endpoint with IPv6 addresses admits the VPC's IPv6 block too", () => {
    const stack = stackWithProvider();
    const vpc = new Vpc(stack, "Vpc", { name: "v", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], dualStack: true });
    new InterfaceEndpoint(stack, "Logs", { vpc, service: AwsService.LOGS, policy: orgOnly, ipAddressType: "dualstack" });
    const rules = Object.values(resourcesOfType(stack, "aws_vpc_security_group_ingress_rule"));
    expect(rules.map((r) => [r.cidr_ipv4, r.cidr_ipv6])).toEqual([
      ["10.0.0.0/16", undefined],
      [undefined, expect.stringContaining("ipv6_cidr_block")],
    ]);
  });

  test("dns options, IP address type and cross-region service region", () => {
    const stack = stackWithProvider();
    const vpc = new Vpc(stack, "Vpc", { name: "v", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], dualStack: true });
    new InterfaceEndpoint(stack, "Kms", {
      vpc,
      service: AwsService.KMS,
      policy: orgOnly,
      ipAddressType: "dualstack",
      dnsRecordIpType: "dualstack",
      serviceRegion: "us-west-2",
    });
    const endpoint = onlyResource(synthJson(stack), "aws_vpc_endpoint");
    expect(endpoint).toMatchObject({
      ip_address_type: "dualstack",
      dns_options: { dns_record_ip_type: "dualstack" },
      service_region: "us-west-2",
      service_name: "com.amazonaws.us-west-2.kms",
    });
  });

  test("the region prop names the service when the provider's region is only known at apply, and China services take the prefix AWS gives each", () => {
    const stack = stackWithProvider("cn-north-1");
    new InterfaceEndpoint(stack, "Logs", { vpc: testVpc(stack, ["cn-north-1a", "cn-north-1b"]), service: AwsService.LOGS, policy: orgOnly });
    // CloudWatch Logs keeps com.amazonaws in China; the catalog names the services that take cn.com.amazonaws.
    expect(onlyResource(synthJson(stack), "aws_vpc_endpoint").service_name).toBe("com.amazonaws.cn-north-1.logs");
    const other = new TerraformStack(testApp(), "other");
    new AwsProvider(other, "aws", { region: new TerraformVariable(other, "region", { type: "string" }).stringValue });
    new InterfaceEndpoint(other, "Logs", {
      vpc: testVpc(other, ["eu-west-1a", "eu-west-1b"]),
      service: AwsService.LOGS,
      policy: orgOnly,
      region: "eu-west-1",
    });
    expect(onlyResource(synthJson(other), "aws_vpc_endpoint").service_name).toBe("com.amazonaws.eu-west-1.logs");
  });

  test("fails when the region prop contradicts the provider's literal region (the endpoint is created in the provider's)", () => {
    const stack = stackWithProvider();
    expectValidationError(
      () => new InterfaceEndpoint(stack, "Logs", { vpc: testVpc(stack), service: AwsService.LOGS, policy: orgOnly, region: "eu-west-1" }),
      "region",
      "eu-west-1",
    );
  });

  test("given security groups replace the created one", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const group = new SecurityGroup(stack, "Mine", { vpc, description: "mine" });
    const endpoint = new InterfaceEndpoint(stack, "Logs", { vpc, service: AwsService.LOGS, policy: orgOnly, securityGroups: [group] });
    expect(endpoint.securityGroup).toBeUndefined();
    const json = synthJson(stack);
    expect(Object.keys(resourcesOfType(json, "aws_security_group"))).toHaveLength(1);
    expect(onlyResource(json, "aws_vpc_endpoint").security_group_ids).toEqual([
      expect.stringMatching(/^\$\{aws_security_group\.Mine_[0-9A-F]+\.id\}$/),
    ]);
  });

  test("allowedPeers replace the VPC CIDR in the created group", () => {
    const { json } = logsEndpoint({ allowedPeers: [Peer.cidr("10.50.0.0/16"), Peer.cidr("10.60.0.0/16")] });
    const cidrs = (Object.values(resourcesOfType(json, "aws_vpc_security_group_ingress_rule")) as Json[]).map((r) => r.cidr_ipv4);
    expect(cidrs).toEqual(["10.50.0.0/16", "10.60.0.0/16"]);
  });

  test("minAvailabilityZones: 1 accepts a single-AZ endpoint", () => {
    const stack = stackWithProvider();
    new InterfaceEndpoint(stack, "Logs", { vpc: testVpc(stack, ["us-east-1a"]), service: AwsService.LOGS, policy: orgOnly, minAvailabilityZones: 1 });
    expect(onlyResource(synthJson(stack), "aws_vpc_endpoint").subnet_ids).toHaveLength(1);
  });

  test("onlySupportedAvailabilityZones filters subnets at plan time by the AZs the service supports", () => {
    const { json, endpoint } = logsEndpoint({ onlySupportedAvailabilityZones: true });
    expect(Object.values(json.data.aws_vpc_endpoint_service)).toEqual([{ service_name: "com.amazonaws.us-east-1.logs", service_type: "Interface" }]);
    expect(endpoint.subnet_ids).toMatch(
      /^\$\{matchkeys\(\[aws_subnet\..*\], \["us-east-1a", "us-east-1b"\], tolist\(data\.aws_vpc_endpoint_service\.Logs_Service_[0-9A-F]+\.availability_zones\)\)\}$/,
    );
  });

  test("endpoint services: no policy needed, private DNS follows the service, every service port opened", () => {
    const stack = stackWithProvider();
    new InterfaceEndpoint(stack, "Partner", { vpc: testVpc(stack), service: partnerService });
    const json = synthJson(stack);
    const endpoint = onlyResource(json, "aws_vpc_endpoint");
    expect(endpoint).toMatchObject({ vpc_endpoint_type: "Interface", service_name: partnerService.serviceName, private_dns_enabled: false });
    expect(endpoint.policy).toBeUndefined();
    const ports = (Object.values(resourcesOfType(json, "aws_vpc_security_group_ingress_rule")) as Json[]).map((r) => r.from_port);
    expect(ports).toEqual([443, 8443]);
  });

  test("a policy on an endpoint service is dropped with a warning, as AWS ignores it", () => {
    const stack = stackWithProvider();
    const endpoint = new InterfaceEndpoint(stack, "Partner", { vpc: testVpc(stack), service: partnerService, policy: orgOnly });
    expect(onlyResource(synthJson(stack), "aws_vpc_endpoint").policy).toBeUndefined();
    const warnings = endpoint.node.metadata.filter((m) => m.type === "@cdktf/warn").map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringContaining("policy is ignored")]);
  });
});

describe("InterfaceEndpoint to an endpoint service: names, clients and the provider's terms", () => {
  function partnerEndpoint(
    props: Partial<ConstructorParameters<typeof InterfaceEndpoint>[2]> = {},
    service: IInterfaceEndpointService = partnerService,
  ) {
    const stack = stackWithProvider();
    const vpc = testVpc(stack, ["use1-az1", "use1-az2"]);
    const endpoint = new InterfaceEndpoint(stack, "Partner", { vpc, service, ...props });
    return { stack, vpc, endpoint };
  }

  test("customDnsName: a private hosted zone of that name in the endpoint's VPC, whose apex aliases the endpoint's regional name", () => {
    const { stack, endpoint } = partnerEndpoint({ customDnsName: "api.partner.example.com" });
    const json = synthJson(stack);
    expect(onlyResource(json, "aws_route53_zone")).toMatchObject({
      name: "api.partner.example.com",
      vpc: [{ vpc_id: expect.stringMatching(/aws_vpc\.Vpc_\w+\.id/) }],
    });
    expect(onlyResource(json, "aws_route53_record")).toMatchObject({
      name: "api.partner.example.com",
      type: "A",
      zone_id: expect.stringMatching(/aws_route53_zone\.Partner_CustomDnsZone_\w+\.zone_id/),
      alias: {
        name: expect.stringMatching(/aws_vpc_endpoint\.Partner_\w+\.dns_entry\[0\]\.dns_name/),
        zone_id: expect.stringMatching(/dns_entry\[0\]\.hosted_zone_id/),
        evaluate_target_health: true,
      },
    });
    expect(endpoint.customDnsName).toBe("api.partner.example.com");
  });

  test("customDnsName on a dual-stack endpoint answers AAAA too", () => {
    const stack = stackWithProvider();
    const vpc = new Vpc(stack, "Vpc", { name: "v", cidrBlock: "10.0.0.0/16", availabilityZones: ["use1-az1", "use1-az2"], dualStack: true });
    new InterfaceEndpoint(stack, "Partner", { vpc, service: partnerService, ipAddressType: "dualstack", customDnsName: "api.partner.example.com" });
    expect((Object.values(resourcesOfType(stack, "aws_route53_record")) as Json[]).map((r) => r.type).sort()).toEqual(["A", "AAAA"]);
  });

  test("customDnsName's alias records are of the types the endpoint publishes: its DNS record IP type's, AAAA only for an IPv6-only endpoint", () => {
    const types = (dnsRecordIpType: "ipv4" | "ipv6" | undefined, ipAddressType: "dualstack" | "ipv6" = "dualstack") => {
      const stack = stackWithProvider();
      const vpc = new Vpc(stack, "Vpc", { name: "v", cidrBlock: "10.0.0.0/16", availabilityZones: ["use1-az1", "use1-az2"], dualStack: true });
      const ipv6Only = ["use1-az1", "use1-az2"].map((id, i) => ({
        subnetId: `subnet-0${i}aaaaaaaaaaaaaaa`,
        availabilityZoneId: id,
        ipAddressType: "ipv6" as const,
      }));
      new InterfaceEndpoint(stack, "Partner", {
        vpc,
        service: partnerService,
        ipAddressType,
        dnsRecordIpType,
        subnets: ipAddressType === "ipv6" ? ipv6Only : undefined,
        customDnsName: "api.partner.example.com",
      });
      return { stack, vpc, types: (Object.values(resourcesOfType(stack, "aws_route53_record")) as Json[]).map((r) => r.type).sort() };
    };
    const ipv4Records = types("ipv4");
    expect(ipv4Records.types).toEqual(["A"]);
    expectFlow(ipv4Records.stack, { vpc: ipv4Records.vpc, family: "ipv6" }, { dnsName: "api.partner.example.com", port: 443 }).toBeDenied(
      "which has only A records for it: an IPv6 client asks for AAAA records",
    );
    expect(types("ipv6").types).toEqual(["AAAA"]);
    expect(types(undefined, "ipv6").types).toEqual(["AAAA"]);
    expect(types(undefined).types).toEqual(["A", "AAAA"]);
  });

  test("allowClient admits a client group on every service port and gives it egress to the endpoint's group", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const clients = new SecurityGroup(stack, "Clients", { vpc, description: "Partner integration workers" });
    const endpoint = new InterfaceEndpoint(stack, "Partner", { vpc, service: partnerService, open: false });
    endpoint.allowClient(clients, "workers");
    const json = synthJson(stack);
    const ingress = Object.values(resourcesOfType(json, "aws_vpc_security_group_ingress_rule")) as Json[];
    expect(ingress.map((r) => [r.from_port, r.referenced_security_group_id])).toEqual([
      [443, expect.stringMatching(/aws_security_group\.Clients_\w+\.id/)],
      [8443, expect.stringMatching(/aws_security_group\.Clients_\w+\.id/)],
    ]);
    const egress = Object.values(resourcesOfType(json, "aws_vpc_security_group_egress_rule")) as Json[];
    expect(egress.map((r) => [r.security_group_id, r.from_port, r.referenced_security_group_id])).toEqual([
      [expect.stringMatching(/aws_security_group\.Clients_\w+\.id/), 443, expect.stringMatching(/aws_security_group\.Partner_SecurityGroup_\w+\.id/)],
      [
        expect.stringMatching(/aws_security_group\.Clients_\w+\.id/),
        8443,
        expect.stringMatching(/aws_security_group\.Partner_SecurityGroup_\w+\.id/),
      ],
    ]);
  });

  test("records the provider's terms of a service known only by name, with its ports and zones, for the flow analysis", () => {
    const contract = { allowedPrincipalArns: ["arn:aws:iam::222222222222:role/partner"], acceptanceRequired: false, tlsPorts: [443] };
    const { stack } = partnerEndpoint(
      { privateDnsEnabled: true },
      {
        ...partnerService,
        privateDnsSupported: true,
        privateDnsName: "api.partner.example.com",
        availabilityZoneIds: ["use1-az1", "use1-az2"],
        contract,
      },
    );
    const notes = onlyResource(JSON.parse(JSON.stringify(stack.toTerraform())) as Json, "aws_vpc_endpoint")["//"].flows;
    expect(notes).toEqual({
      endpointService: { ports: [443, 8443], availabilityZoneIds: ["use1-az1", "use1-az2"], ...contract },
      privateDnsName: "api.partner.example.com",
    });
  });

  test("records nothing for services without terms (AWS services, endpoint services of this configuration)", () => {
    const { stack } = partnerEndpoint();
    expect(onlyResource(JSON.parse(JSON.stringify(stack.toTerraform())) as Json, "aws_vpc_endpoint")["//"]?.flows).toBeUndefined();
  });

  describe("fails when", () => {
    test("private DNS is on (given or by default) to a service known only by name whose provider requires acceptance: AWS refuses it pending acceptance", () => {
      const partner = (stack: TerraformStack, acceptanceRequired?: boolean) =>
        EndpointService.fromEndpointServiceAttributes(stack, "PartnerService", {
          serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0",
          ports: [443],
          privateDnsName: "api.partner.example.com",
          acceptanceRequired,
        });
      const build = (props: Partial<ConstructorParameters<typeof InterfaceEndpoint>[2]>, acceptanceRequired?: boolean) => {
        const stack = stackWithProvider();
        return new InterfaceEndpoint(stack, "Partner", { vpc: testVpc(stack), service: partner(stack, acceptanceRequired), ...props });
      };
      const error = expectValidationError(() => build({}, true), "privateDnsEnabled", "true");
      expect(error.expected).toBe(
        "false, or the endpoint made as a SaasConsumerEndpoint, which turns private DNS on once it is accepted: com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0 requires acceptance, and AWS refuses private DNS on an endpoint still pending acceptance",
      );
      expectValidationError(() => build({ privateDnsEnabled: true }, true), "privateDnsEnabled", "true");
      // Private DNS off, no acceptance, or acceptance unknown: created as asked.
      expect(build({ privateDnsEnabled: false }, true).resource.privateDnsEnabledInput).toBe(false);
      expect(build({}, false).resource.privateDnsEnabledInput).toBe(true);
      expect(build({}).resource.privateDnsEnabledInput).toBe(true);
    });

    test("customDnsName is not a DNS name", () => {
      expectValidationError(() => partnerEndpoint({ customDnsName: "not a name" }), "customDnsName", '"not a name"');
    });

    test("customDnsName is given for an AWS service, whose certificates carry AWS's names only", () => {
      expectValidationError(() => logsEndpoint({ customDnsName: "logs.internal.example.com" }), "customDnsName", '"logs.internal.example.com"');
    });

    test("customDnsName is the service's private DNS name, which private DNS already answers", () => {
      const named = { ...partnerService, privateDnsSupported: true, privateDnsName: "api.partner.example.com" };
      expectValidationError(() => partnerEndpoint({ customDnsName: "API.partner.example.com" }, named), "customDnsName", '"API.partner.example.com"');
    });

    test("two endpoints in one VPC have one customDnsName (Route 53 refuses two private zones of one name in a VPC)", () => {
      const stack = stackWithProvider();
      const vpc = testVpc(stack);
      new InterfaceEndpoint(stack, "PartnerA", { vpc, service: partnerService, customDnsName: "api.partner.example.com" });
      const other = { ...partnerService, serviceName: "com.amazonaws.vpce.us-east-1.vpce-svc-0fedcba9876543210" };
      const error = expectValidationError(
        () => new InterfaceEndpoint(stack, "PartnerB", { vpc, service: other, customDnsName: "API.partner.example.com." }),
        "customDnsName",
        '"API.partner.example.com."',
      );
      expect(error.message).toContain("PartnerA");
      // Another VPC takes the name.
      new InterfaceEndpoint(stack, "PartnerC", { vpc: testVpc(stack, undefined, "Other"), service: other, customDnsName: "api.partner.example.com" });
    });

    test("customDnsName is another endpoint's private DNS name in the VPC, whose zone AWS made there", () => {
      const stack = stackWithProvider();
      const vpc = testVpc(stack);
      const named = { ...partnerService, privateDnsSupported: true, privateDnsName: "api.partner.example.com" };
      new InterfaceEndpoint(stack, "Named", { vpc, service: named });
      expectValidationError(
        () => new InterfaceEndpoint(stack, "Custom", { vpc, service: partnerService, customDnsName: "api.partner.example.com" }),
        "customDnsName",
        '"api.partner.example.com"',
      );
    });

    test("a private hosted zone of the VPC already holds the endpoint's customDnsName or private DNS name, made before or after it (ConflictingDomainExists)", () => {
      const zoneThenEndpoint = () => {
        const stack = stackWithProvider();
        const vpc = testVpc(stack);
        new PrivateHostedZone(stack, "Z", { zoneName: "api.partner.example.com", vpc });
        new InterfaceEndpoint(stack, "E", { vpc, service: partnerService, customDnsName: "api.partner.example.com" });
        return synthJson(stack);
      };
      const error = expectValidationError(zoneThenEndpoint, "customDnsName", '"api.partner.example.com"');
      expect(error.expected).toContain("a name no private hosted zone associated with this VPC already holds (test/Z is api.partner.example.com)");
      // The zone made after the endpoint, and associated by a later association.
      expectValidationError(
        () => {
          const stack = stackWithProvider();
          const vpc = testVpc(stack);
          const named = { ...partnerService, privateDnsSupported: true, privateDnsName: "api.partner.example.com" };
          new InterfaceEndpoint(stack, "E", { vpc, service: named });
          const other = testVpc(stack, undefined, "Other", "10.1.0.0/16");
          new PrivateHostedZone(stack, "Z", { zoneName: "API.partner.example.com", vpc: other }).associateVpc("endpoints", vpc);
          return synthJson(stack);
        },
        "privateDnsEnabled",
        "true",
      );
      // An AWS service's name: SQS's private DNS in a VPC with a zone sqs.us-east-1.amazonaws.com.
      expectValidationError(
        () => {
          const stack = stackWithProvider();
          const vpc = testVpc(stack);
          new InterfaceEndpoint(stack, "Sqs", { vpc, service: AwsService.SQS, policy: orgOnly });
          new PrivateHostedZone(stack, "SqsZone", { zoneName: "sqs.us-east-1.amazonaws.com", vpc });
          return synthJson(stack);
        },
        "privateDnsEnabled",
        "true",
      );
    });

    test("the imported VPC is associated with an existing private hosted zone of the endpoint's private DNS name or customDnsName (VpcAttributes.privateHostedZoneNames)", () => {
      const spoke = (stack: TerraformStack, privateHostedZoneNames?: string[]) =>
        Vpc.fromVpcAttributes(stack, "Spoke", {
          vpcId: "vpc-0bbb0000000000001",
          cidrBlock: "10.1.0.0/16",
          privateSubnetIds: ["subnet-0ccc1111bbbb22220", "subnet-0ccc1111bbbb22221"],
          availabilityZones: ["us-east-1a", "us-east-1b"],
          privateHostedZoneNames,
        });
      // A hub's ssm zone associated with the spoke: the spoke's own SSM endpoint with private DNS conflicts.
      const ssm = expectValidationError(
        () => {
          const stack = stackWithProvider();
          new InterfaceEndpoint(stack, "Ssm", { vpc: spoke(stack, ["SSM.us-east-1.amazonaws.com."]), service: AwsService.SSM, policy: orgOnly });
          return synthJson(stack);
        },
        "privateDnsEnabled",
        "true",
      );
      expect(ssm.expected).toContain(
        "the existing private hosted zone ssm.us-east-1.amazonaws.com the VPC is associated with (VpcAttributes.privateHostedZoneNames)",
      );
      expect(ssm.expected).toContain("set privateDnsEnabled: false");
      const custom = expectValidationError(
        () => {
          const stack = stackWithProvider();
          new InterfaceEndpoint(stack, "E", {
            vpc: spoke(stack, ["api.partner.example.com"]),
            service: partnerService,
            customDnsName: "API.partner.example.com",
          });
          return synthJson(stack);
        },
        "customDnsName",
        '"API.partner.example.com"',
      );
      expect(custom.expected).toContain("the existing private hosted zone api.partner.example.com the VPC is associated with");
      // Zones of other names (a wider one included), a VPC that names none, and private DNS off: no conflict.
      const stack = stackWithProvider();
      const other = spoke(stack, ["logs.us-east-1.amazonaws.com", "partner.example.com"]);
      new InterfaceEndpoint(stack, "Ssm", { vpc: other, service: AwsService.SSM, policy: orgOnly });
      new InterfaceEndpoint(stack, "E", { vpc: other, service: partnerService, customDnsName: "api.partner.example.com" });
      new InterfaceEndpoint(stack, "Logs", { vpc: other, service: AwsService.LOGS, policy: orgOnly, privateDnsEnabled: false });
      expect(() => synthJson(stack)).not.toThrow();
      const silent = stackWithProvider();
      new InterfaceEndpoint(silent, "Ssm", { vpc: spoke(silent), service: AwsService.SSM, policy: orgOnly });
      expect(() => synthJson(silent)).not.toThrow();
    });

    test("a private hosted zone of another name, of another VPC, or with private DNS off is no conflict", () => {
      const stack = stackWithProvider();
      const vpc = testVpc(stack);
      // A wider zone of the VPC (overlapping namespaces are fine), and a zone of the name in another VPC.
      new PrivateHostedZone(stack, "Wider", { zoneName: "partner.example.com", vpc });
      new PrivateHostedZone(stack, "Elsewhere", { zoneName: "api.partner.example.com", vpc: testVpc(stack, undefined, "Other", "10.1.0.0/16") });
      new InterfaceEndpoint(stack, "E", { vpc, service: partnerService, customDnsName: "api.partner.example.com" });
      new InterfaceEndpoint(stack, "Sqs", { vpc, service: AwsService.SQS, policy: orgOnly, privateDnsEnabled: false });
      new PrivateHostedZone(stack, "SqsZone", { zoneName: "sqs.us-east-1.amazonaws.com", vpc });
      expect(() => synthJson(stack)).not.toThrow();
    });

    test("a subnet is in a zone the service is not offered in (AZ IDs on both sides)", () => {
      const offered = { ...partnerService, availabilityZoneIds: ["use1-az1", "use1-az4"] };
      expectValidationError(() => partnerEndpoint({}, offered), "vpc.privateSubnets", '"use1-az2"');
    });

    test("allowClient is asked of an endpoint whose security groups were given", () => {
      const stack = stackWithProvider();
      const vpc = testVpc(stack);
      const given = new SecurityGroup(stack, "Given", { vpc, description: "Endpoint" });
      const endpoint = new InterfaceEndpoint(stack, "Partner", { vpc, service: partnerService, securityGroups: [given] });
      expectValidationError(
        () => endpoint.allowClient(new SecurityGroup(stack, "Clients", { vpc, description: "Workers" }), "workers"),
        "allowClient",
        '"workers"',
      );
    });

    test("allowClient is given no client or an empty name (JavaScript callers), never a TypeError", () => {
      const { stack, vpc, endpoint } = partnerEndpoint({ open: false });
      const clients = new SecurityGroup(stack, "Clients", { vpc, description: "Workers" });
      expectValidationError(() => endpoint.allowClient(undefined as unknown as SecurityGroup, "workers"), "allowClient", "undefined");
      expectValidationError(() => endpoint.allowClient(clients, ""), "allowClient", '""');
    });

    test("the service name is not an endpoint service's (its ID, or empty): AWS finds no such service at apply", () => {
      const error = expectValidationError(
        () => partnerEndpoint({}, { ...partnerService, serviceName: "vpce-svc-0123456789abcdef0" }),
        "service.serviceName",
        '"vpce-svc-0123456789abcdef0"',
      );
      expect(error.message).toContain("this is the service's ID");
      expectValidationError(() => partnerEndpoint({}, { ...partnerService, serviceName: "" }), "service.serviceName", '""');
    });
  });
});

describe("InterfaceEndpoint S3 private DNS", () => {
  test("is off by default without a gateway endpoint", () => {
    const stack = stackWithProvider();
    new InterfaceEndpoint(stack, "S3", { vpc: testVpc(stack), service: AwsService.S3, policy: orgOnly });
    const endpoint = onlyResource(synthJson(stack), "aws_vpc_endpoint");
    expect(endpoint.private_dns_enabled).toBe(false);
    expect(endpoint.dns_options).toBeUndefined();
  });

  test("with a gateway endpoint: on, inbound resolver only, and created after the gateway", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const gateway = new GatewayEndpoint(stack, "S3Gateway", { vpc, service: AwsService.S3, policy: orgOnly });
    new InterfaceEndpoint(stack, "S3", { vpc, service: AwsService.S3, policy: orgOnly, gatewayEndpoint: gateway });
    const endpoints = resourcesOfType(synthJson(stack), "aws_vpc_endpoint");
    const [gatewayKey] = Object.keys(endpoints).filter((k) => k.startsWith("S3Gateway_"));
    const [interfaceKey] = Object.keys(endpoints).filter((k) => k.startsWith("S3_"));
    expect(endpoints[interfaceKey]).toMatchObject({
      private_dns_enabled: true,
      dns_options: { private_dns_only_for_inbound_resolver_endpoint: true },
      depends_on: [`aws_vpc_endpoint.${gatewayKey}`],
    });
  });

  test("with inbound-resolver-only off: on for the whole VPC, no gateway needed", () => {
    const stack = stackWithProvider();
    new InterfaceEndpoint(stack, "S3", {
      vpc: testVpc(stack),
      service: AwsService.S3,
      policy: orgOnly,
      privateDnsOnlyForInboundResolverEndpoint: false,
    });
    expect(onlyResource(synthJson(stack), "aws_vpc_endpoint")).toMatchObject({
      private_dns_enabled: true,
      dns_options: { private_dns_only_for_inbound_resolver_endpoint: false },
    });
  });
});

describe("InterfaceEndpoint fails", () => {
  const build = (overrides: Partial<ConstructorParameters<typeof InterfaceEndpoint>[2]> = {}, stack = stackWithProvider()) =>
    new InterfaceEndpoint(stack, "Logs", { vpc: testVpc(stack), service: AwsService.LOGS, policy: orgOnly, ...overrides });

  test("fails when an AWS service endpoint has no policy (no silent allow-all)", () => {
    const error = expectValidationError(() => build({ policy: undefined }), "policy", "undefined");
    expect(error.message).toContain('EndpointPolicy.allowAll(OptOut.because("<why>"))');
  });

  test("fails when the VPC is its ID (a JavaScript caller's string), said of the vpc rather than of subnets it lacks", () => {
    expectValidationError(() => build({ vpc: "vpc-0123456789abcdef0" as unknown as Vpc }), "vpc", '"vpc-0123456789abcdef0"');
  });

  test("fails when the region is malformed", () => {
    expectValidationError(() => build({ region: "us-east1" }), "region", "us-east1");
    expectValidationError(() => build({ serviceRegion: "west-2" }), "serviceRegion", "west-2");
  });

  test("fails when serviceRegion contradicts the home region a partner service's name carries (AWS finds it only there)", () => {
    const stack = stackWithProvider();
    const error = expectValidationError(
      () => new InterfaceEndpoint(stack, "Partner", { vpc: testVpc(stack), service: partnerService, serviceRegion: "eu-west-1" }),
      "serviceRegion",
      "eu-west-1",
    );
    expect(error.expected).toMatch(/^the service's home region us-east-1/);
  });

  test("fails when no region is known", () => {
    const stack = new TerraformStack(testApp(), "no-provider");
    expectValidationError(() => build({}, stack), "region", "undefined");
  });

  test("fails when there are no subnets", () => {
    const stack = stackWithProvider();
    const vpc = Vpc.fromVpcAttributes(stack, "Existing", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.9.0.0/16" });
    expectValidationError(() => new InterfaceEndpoint(stack, "Logs", { vpc, service: AwsService.LOGS, policy: orgOnly }), "vpc.privateSubnets", "[]");
    expectValidationError(() => build({ subnets: [] }), "subnets", "[]");
  });

  test("fails when the subnets default to the VPC's private tier and an imported VPC has app and data tiers only, naming its tiers", () => {
    const stack = stackWithProvider();
    const vpc = tieredVpc(stack);
    const error = expectValidationError(
      () => new InterfaceEndpoint(stack, "Logs", { vpc, service: AwsService.LOGS, policy: orgOnly }),
      "vpc.privateSubnets",
      "[]",
    );
    expect(error.expected).toBe(NO_PRIVATE_TIER);
    // The selection the error names places it.
    const endpoint = new InterfaceEndpoint(stack, "Logs2", {
      vpc,
      subnets: vpc.selectSubnets({ tier: "app" }),
      service: AwsService.LOGS,
      policy: orgOnly,
    });
    expect(endpoint.resource.subnetIdsInput).toEqual(["subnet-0bbbbbbbbbbbbbbb1", "subnet-0bbbbbbbbbbbbbbb2"]);
    // A tier named public comes first: another one is suggested.
    const withPublic = Vpc.fromVpcAttributes(stack, "WithPublic", {
      vpcId: "vpc-0123456789abcdef1",
      cidrBlock: "10.51.0.0/16",
      subnetGroups: [
        { tier: "public", subnetIds: ["subnet-0aaaaaaaaaaaaaaa1"] },
        { tier: "app", subnetIds: ["subnet-0aaaaaaaaaaaaaaa2"] },
      ],
    });
    const suggested = expectValidationError(
      () => new InterfaceEndpoint(stack, "Logs3", { vpc: withPublic, service: AwsService.LOGS, policy: orgOnly }),
      "vpc.privateSubnets",
      "[]",
    );
    expect(suggested.expected).toBe(
      'subnets: this VPC has no private tier (its tiers: public, app): pass subnets: vpc.selectSubnets({ tier: "app" })',
    );
  });

  test("fails when two subnets share an availability zone", () => {
    const subnets = [
      { subnetId: "subnet-0aaaaaaaaaaaaaaaa", availabilityZone: "us-east-1a" },
      { subnetId: "subnet-0bbbbbbbbbbbbbbbb", availabilityZone: "us-east-1b" },
      { subnetId: "subnet-0cccccccccccccccc", availabilityZone: "us-east-1a" },
    ];
    const error = expectValidationError(() => build({ subnets }), "subnets", "us-east-1a");
    expect(error.expected).toContain("one subnet per availability zone");
  });

  test("fails when the subnets cover fewer than two availability zones", () => {
    const error = expectValidationError(
      () => build({ subnets: [{ subnetId: "subnet-0aaaaaaaaaaaaaaaa", availabilityZone: "us-east-1a" }] }),
      "subnets",
      "1 availability zone",
    );
    expect(error.expected).toContain("minAvailabilityZones: 1");
  });

  test("fails when a security-group CIDR is 0.0.0.0/0", () => {
    expectValidationError(() => build({ allowedPeers: [Peer.cidr("0.0.0.0/0")] }), "allowedPeers[0]", "0.0.0.0/0");
  });

  test("fails when both security groups and allowed peers are given, or an empty list of groups", () => {
    const stack = stackWithProvider();
    const group = { securityGroupId: "sg-0123456789abcdef0" };
    expectValidationError(
      () => build({ securityGroups: [group], allowedPeers: [Peer.cidr("10.0.0.0/8")] }, stack),
      "allowedPeers",
      "allowedPeers with securityGroups",
    );
    expectValidationError(() => build({ securityGroups: [] }), "securityGroups", "[]");
  });

  test("fails when private DNS is on for S3 without a gateway endpoint or the inbound-resolver choice", () => {
    const error = expectValidationError(() => build({ service: AwsService.S3, privateDnsEnabled: true }), "privateDnsEnabled", "true");
    expect(error.expected).toContain("gateway endpoint");
    expectValidationError(
      () => build({ service: AwsService.S3, privateDnsEnabled: true, privateDnsOnlyForInboundResolverEndpoint: true }),
      "privateDnsEnabled",
      "true",
    );
  });

  test("fails when the inbound-resolver option is used on a service other than S3, or without private DNS", () => {
    expectValidationError(() => build({ privateDnsOnlyForInboundResolverEndpoint: true }), "privateDnsOnlyForInboundResolverEndpoint", "true");
    // DynamoDB has gateway and interface endpoints, but the provider writes the option for S3 service names only: it would be dropped.
    for (const inboundOnly of [true, false]) {
      const dynamoDb = expectValidationError(
        () => build({ service: AwsService.DYNAMODB, privateDnsOnlyForInboundResolverEndpoint: inboundOnly }),
        "privateDnsOnlyForInboundResolverEndpoint",
        String(inboundOnly),
      );
      expect(dynamoDb.expected).toContain("hashicorp/aws) sends it only for S3 interface endpoints");
    }
    // Without it, a DynamoDB interface endpoint takes private DNS, as AWS's default is, and writes no DNS options.
    const dynamoDb = build({ service: AwsService.DYNAMODB }).resource;
    expect([dynamoDb.privateDnsEnabledInput, dynamoDb.dnsOptionsInput]).toEqual([true, undefined]);
    expectValidationError(
      () => build({ service: AwsService.S3, privateDnsEnabled: false, privateDnsOnlyForInboundResolverEndpoint: true }),
      "privateDnsOnlyForInboundResolverEndpoint",
      "true",
    );
    // false refines private DNS too: with private DNS off it was silently left out of the endpoint.
    expectValidationError(
      () => build({ service: AwsService.S3, privateDnsEnabled: false, privateDnsOnlyForInboundResolverEndpoint: false }),
      "privateDnsOnlyForInboundResolverEndpoint",
      "false",
    );
    const everyQuery = build({ service: AwsService.S3, privateDnsOnlyForInboundResolverEndpoint: false }).resource;
    expect([everyQuery.privateDnsEnabledInput, everyQuery.dnsOptionsInput?.privateDnsOnlyForInboundResolverEndpoint]).toEqual([true, false]);
  });

  test("fails when private DNS is asked of an endpoint service without a verified name", () => {
    expectValidationError(() => build({ service: partnerService, policy: undefined, privateDnsEnabled: true }), "privateDnsEnabled", "true");
  });

  test("fails when the policy is over 20,480 characters", () => {
    const buckets = Array.from({ length: 400 }, (_, i) => `example-bucket-with-a-long-name-${i}`);
    const error = expectValidationError(
      () => build({ service: AwsService.S3, policy: EndpointPolicy.s3Buckets(buckets) }),
      "policy",
      /a policy of \d+ characters/,
    );
    expect(error.expected).toBe("at most 20480 characters");
  });

  test("fails when a policy statement has no principal", () => {
    const statement = new PolicyStatement({ actions: ["logs:PutLogEvents"], resources: ["*"] });
    expectValidationError(() => build({ policy: EndpointPolicy.fromStatements(statement) }), "policy.statements[0].principals", "undefined");
  });

  test("fails when the organization ID of a preset is malformed", () => {
    expectValidationError(() => build({ policy: EndpointPolicy.organizationOnly("org-123") }), "policy.organizationId", "org-123");
  });

  test("fails when a custom service's ports repeat or are no ports, naming service.ports", () => {
    const custom = (ports: number[]) => AwsService.custom("com.amazonaws.us-east-1.bedrock-runtime", ports);
    expectValidationError(() => build({ service: custom([443, 443]) }), "service.ports", "443");
    expectValidationError(() => build({ service: custom([0]) }), "service.ports[0]", "0");
  });

  test("fails when a second endpoint to the service with private DNS goes in one VPC (AWS: a conflicting DNS domain)", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    new InterfaceEndpoint(stack, "Logs", { vpc, service: AwsService.LOGS, policy: orgOnly });
    expectValidationError(
      () => new InterfaceEndpoint(stack, "MoreLogs", { vpc, service: AwsService.LOGS, policy: orgOnly }),
      "privateDnsEnabled",
      "true",
    );
    expect(
      () => new InterfaceEndpoint(stack, "PlainLogs", { vpc, service: AwsService.LOGS, policy: orgOnly, privateDnsEnabled: false }),
    ).not.toThrow();
    expect(
      () => new InterfaceEndpoint(stack, "OtherVpcLogs", { vpc: testVpc(stack, undefined, "Other"), service: AwsService.LOGS, policy: orgOnly }),
    ).not.toThrow();
  });

  test("fails when a fixed IPv4 address is one AWS reserves in its subnet, or outside the subnet's own CIDR", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const [a] = vpc.privateSubnets;
    const fixed = (ipv4: string) => () =>
      new InterfaceEndpoint(stack, `Logs-${ipv4}`, {
        vpc,
        service: AwsService.LOGS,
        policy: orgOnly,
        privateDnsEnabled: false,
        subnetAddresses: [{ subnet: a, ipv4 }],
      });
    for (const reserved of ["10.0.0.0", "10.0.0.1", "10.0.0.3", "10.0.0.255"])
      expectValidationError(fixed(reserved), "subnetAddresses[0].ipv4", reserved);
    const error = expectValidationError(fixed("10.0.1.10"), "subnetAddresses[0].ipv4", "10.0.1.10");
    expect(error.expected).toContain("10.0.0.0/24");
    expect(fixed("10.0.0.4")).not.toThrow();
  });

  test("fails when a fixed IPv4 address is one AWS reserves in an imported subnet's given block", () => {
    const stack = stackWithProvider();
    const vpc = Vpc.fromVpcAttributes(stack, "Legacy", {
      vpcId: "vpc-0aaa0000000000001",
      cidrBlock: "10.0.0.0/16",
      privateSubnets: [{ subnetId: "subnet-0aaa1111bbbb22220", availabilityZone: "us-east-1a", cidrBlock: "10.0.4.0/24" }],
    });
    const endpoint = (ipv4: string) => () =>
      new InterfaceEndpoint(stack, `Logs-${ipv4}`, {
        vpc,
        service: AwsService.LOGS,
        policy: orgOnly,
        privateDnsEnabled: false,
        minAvailabilityZones: 1,
        subnetAddresses: [{ subnet: vpc.privateSubnets[0], ipv4 }],
      });
    expect(expectValidationError(endpoint("10.0.4.2"), "subnetAddresses[0].ipv4", "10.0.4.2").expected).toContain("the Amazon DNS resolver");
    expect(endpoint("10.0.4.10")).not.toThrow();
  });

  test("fails when its provider is of another account than the VPC's owner: only a VPC's owner creates endpoints in it", () => {
    const stack = new TerraformStack(testApp(), "test");
    new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
    const other = new AwsProvider(stack, "other", { region: "us-east-1", alias: "other", allowedAccountIds: ["222222222222"] });
    const owner = new AwsProvider(stack, "owner", { region: "us-east-1", alias: "owner", allowedAccountIds: ["333333333333"] });
    const vpc = new Vpc(stack, "Owned", {
      name: "owned",
      cidrBlock: "10.3.0.0/16",
      availabilityZones: ["us-east-1a", "us-east-1b"],
      provider: owner,
    });
    const endpoint = (id: string, provider?: AwsProvider) => () =>
      new InterfaceEndpoint(stack, id, { vpc, service: AwsService.LOGS, policy: orgOnly, privateDnsEnabled: false, provider });
    const error = expectValidationError(endpoint("Foreign", other), "provider", "other (account 222222222222)");
    expect(error.expected).toContain("a provider of account 333333333333, the owner of VPC test/Owned");
    expectValidationError(
      () =>
        new GatewayEndpoint(stack, "S3", { vpc, service: AwsService.S3, policy: EndpointPolicy.allowAll(OptOut.because("test")), provider: other }),
      "provider",
      "other (account 222222222222)",
    );
    // The VPC's own provider, given or not, and an imported VPC whose owner is unknown pass.
    expect(endpoint("Given", owner)).not.toThrow();
    expect(endpoint("Defaulted")).not.toThrow();
    const legacy = Vpc.fromVpcAttributes(stack, "Legacy", {
      vpcId: "vpc-0aaa0000000000001",
      cidrBlock: "10.0.0.0/16",
      privateSubnetIds: ["subnet-0aaa1111bbbb22220", "subnet-0aaa1111bbbb22221"],
      availabilityZones: ["us-east-1a", "us-east-1b"],
    });
    expect(() => new InterfaceEndpoint(stack, "Imported", { vpc: legacy, service: AwsService.LOGS, policy: orgOnly, provider: other })).not.toThrow();
  });

  test("fails when the IP address type does not fit the subnets", () => {
    expectValidationError(() => build({ ipAddressType: "ipv6" }), "ipAddressType", "ipv6");
    expectValidationError(() => build({ ipAddressType: "ipv5" as never }), "ipAddressType", "ipv5");
  });

  test("fails when an IPv4 endpoint, the default type, is placed in IPv6-only subnets (AWS: subnets with IPv4 addresses only)", () => {
    const subnets = (last: "ipv6" | "dualstack") =>
      ["us-east-1a", "us-east-1b"].map((az, i) => ({
        subnetId: `subnet-0${i}aaaaaaaaaaaaaaa`,
        availabilityZone: az,
        ipAddressType: i === 0 ? ("ipv4" as const) : last,
      }));
    const error = expectValidationError(() => build({ subnets: subnets("ipv6") }), "ipAddressType", "undefined");
    expect(error.expected).toContain("subnet subnet-01aaaaaaaaaaaaaaa is IPv6-only");
    expectValidationError(() => build({ subnets: subnets("ipv6"), ipAddressType: "ipv4" }), "ipAddressType", "ipv4");
    // IPv4 and dual-stack subnets both give an IPv4 endpoint its addresses.
    expect(() => build({ subnets: subnets("dualstack") })).not.toThrow();
    expect(() => build({ subnets: subnets("dualstack"), ipAddressType: "ipv4" })).not.toThrow();
  });

  test("fails when an IPv6-only endpoint is placed in dual-stack subnets (AWS: IPv6-only subnets only)", () => {
    const stack = stackWithProvider();
    const vpc = new Vpc(stack, "Dual", { name: "dual", cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], dualStack: true });
    expectValidationError(() => build({ vpc, ipAddressType: "ipv6" }, stack), "ipAddressType", "ipv6");
  });

  test("fails when the DNS record type does not fit the endpoint's IP address type", () => {
    expectValidationError(() => build({ dnsRecordIpType: "ipv6" }), "dnsRecordIpType", "ipv6");
    expectValidationError(() => build({ dnsRecordIpType: "dualstack" }), "dnsRecordIpType", "dualstack");
    expectValidationError(() => build({ dnsRecordIpType: "service-defined" }), "dnsRecordIpType", "service-defined");
    const ipv6Only = ["us-east-1a", "us-east-1b"].map((az, i) => ({
      subnetId: `subnet-0${i}aaaaaaaaaaaaaaa`,
      availabilityZone: az,
      ipAddressType: "ipv6" as const,
    }));
    expectValidationError(() => build({ subnets: ipv6Only, ipAddressType: "ipv6", dnsRecordIpType: "ipv4" }), "dnsRecordIpType", "ipv4");
    expect(() => build({ subnets: ipv6Only, ipAddressType: "ipv6", dnsRecordIpType: "ipv6" })).not.toThrow();
  });

  test("fails when AZ filtering is asked but a subnet's AZ is unknown", () => {
    const subnets = [{ subnetId: "subnet-0aaaaaaaaaaaaaaaa" }, { subnetId: "subnet-0bbbbbbbbbbbbbbbb" }];
    expectValidationError(() => build({ subnets, onlySupportedAvailabilityZones: true }), "subnets[0].availabilityZone", "undefined");
  });

  test("accepts custom statements with principals", () => {
    const statement = new PolicyStatement({ actions: ["logs:PutLogEvents"], principals: [PolicyPrincipal.account("111111111111")] });
    expect(() => build({ policy: EndpointPolicy.fromStatements(statement) })).not.toThrow();
  });
});

describe("InterfaceEndpoint quota", () => {
  test("warns once when a VPC gets more endpoints than the default quota of 50", () => {
    const stack = stackWithProvider();
    const vpc = testVpc(stack);
    const endpoints = Array.from(
      { length: 52 },
      (_, i) => new InterfaceEndpoint(stack, `Svc${i}`, { vpc, service: AwsService.custom(`com.amazonaws.us-east-1.svc${i}`), policy: orgOnly }),
    );
    const warned = endpoints.filter((e) => e.node.metadata.some((m) => m.type === "@cdktf/warn" && String(m.data).includes("quota is 50")));
    expect(warned.map((e) => e.node.id)).toEqual(["Svc50"]);
  });
});

describe("InterfaceEndpoint.fromVpcEndpointId", () => {
  test("imports an endpoint made elsewhere", () => {
    expect(InterfaceEndpoint.fromVpcEndpointId(stackWithProvider(), "Existing", "vpce-0123456789abcdef0").vpcEndpointId).toBe(
      "vpce-0123456789abcdef0",
    );
  });

  test("fails when the ID is malformed", () => {
    expectValidationError(
      () => InterfaceEndpoint.fromVpcEndpointId(stackWithProvider(), "Existing", "vpc-0123456789abcdef0"),
      "vpcEndpointId",
      "vpc-0123456789abcdef0",
    );
  });
});
