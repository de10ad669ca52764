import { resourceStacks } from "../../../stacks/resources";
import { exampleStackJson } from "../synth-app";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const synthStack = (name: string): Json => exampleStackJson(name);

const all = (json: Json, type: string): Json[] => Object.values(json.resource[type] ?? {});
/** Ingress rules from clients (CIDRs), not those admitting the resource gateway into the resources' own groups. */
const clientIngress = (json: Json): Json[] =>
  all(json, "aws_vpc_security_group_ingress_rule").filter((r) => r.referenced_security_group_id === undefined);
/** Ingress rules of the groups made for the resources: each admits the gateway's group. */
const gatewayIngress = (json: Json): Json[] =>
  all(json, "aws_vpc_security_group_ingress_rule").filter((r) => String(r.referenced_security_group_id).includes("Gateway_SecurityGroup"));

describe("resource stacks", () => {
  test("cover RC-1..5, RG-1..5, DEP-5 and DEP-6, each name prefixed by its main use case", () => {
    const covered = new Set(resourceStacks.flatMap((s) => s.useCases));
    for (const id of ["RC-1", "RC-2", "RC-3", "RC-4", "RC-5", "RG-1", "RG-2", "RG-3", "RG-4", "RG-5", "DEP-3", "DEP-5", "DEP-6"])
      expect(covered).toContain(id);
    for (const stack of resourceStacks) expect(stack.name.startsWith(`${stack.useCases[0].toLowerCase().replace("-", "")}-`)).toBe(true);
  });

  test("every configuration is bound to a gateway (or a CHILD to its group), and no security group rule is open to the world", () => {
    for (const { name } of resourceStacks) {
      const json = synthStack(name);
      for (const config of all(json, "aws_vpclattice_resource_configuration")) {
        expect({ name, bound: config.resource_gateway_identifier ?? config.resource_configuration_group_id }).toEqual({
          name,
          bound: expect.stringContaining("aws_vpclattice_"),
        });
        expect(config.allow_association_to_shareable_service_network ?? false).toBe(false);
      }
      for (const rule of [...all(json, "aws_vpc_security_group_egress_rule"), ...all(json, "aws_vpc_security_group_ingress_rule")]) {
        expect(rule.cidr_ipv4).not.toBe("0.0.0.0/0");
        expect(rule.description).toBeTruthy();
      }
    }
  });

  test("rc1-shared-rds: owner shares the RDS configuration, the partner accepts and reaches it on 5432 only, resource access is logged", () => {
    const json = synthStack("rc1-shared-rds");
    const partnerProvider = json.provider.aws.find((p: Json) => p.alias === "partner");
    expect(partnerProvider).toMatchObject({
      allowed_account_ids: ["222222222222"],
      assume_role: [{ role_arn: "arn:aws:iam::222222222222:role/NetworkingDeployment" }],
    });
    expect(all(json, "aws_vpclattice_resource_configuration")).toEqual([
      expect.objectContaining({
        type: "ARN",
        resource_configuration_definition: [{ arn_resource: [{ arn: "arn:aws:rds:us-east-1:111111111111:db:orders" }] }],
      }),
    ]);
    expect(all(json, "aws_ram_resource_share")).toEqual([expect.objectContaining({ allow_external_principals: true })]);
    expect(all(json, "aws_ram_principal_association")).toEqual([expect.objectContaining({ principal: "222222222222" })]);
    expect(all(json, "aws_ram_resource_share_accepter")).toEqual([expect.objectContaining({ provider: "aws.partner" })]);
    const endpoint = all(json, "aws_vpc_endpoint")[0];
    expect(endpoint).toMatchObject({ provider: "aws.partner", vpc_endpoint_type: "Resource", vpc_id: expect.stringContaining("aws_vpc.PartnerVpc") });
    expect(endpoint.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^aws_ram_resource_share_accepter\./)]));
    const partnerIngress = all(json, "aws_vpc_security_group_ingress_rule").filter((r) => r.provider === "aws.partner");
    expect(partnerIngress.map((r) => [r.from_port, r.to_port])).toEqual([[5432, 5432]]);
    expect(all(json, "aws_vpc_security_group_egress_rule").map((r) => [r.from_port, r.to_port])).toEqual([[5432, 5432]]);
    expect(all(json, "aws_vpclattice_service_network_resource_association")).toHaveLength(1);
    expect(
      all(json, "aws_vpclattice_access_log_subscription")
        .map((s) => s.service_network_log_type)
        .sort(),
    ).toEqual(["RESOURCE", "SERVICE"]);
    expect(Object.keys(json.output)).toEqual(
      expect.arrayContaining(["partner_endpoint_dns_entries", "resource_configuration_arn", "resource_gateway_security_group_id"]),
    );
  });

  test("rc2-monitoring-ip: the gateway reaches only the monitored address, the monitoring endpoint opens only 9100", () => {
    const json = synthStack("rc2-monitoring-ip");
    expect(all(json, "aws_vpc_security_group_egress_rule")).toEqual([
      expect.objectContaining({ cidr_ipv4: "10.0.1.25/32", from_port: 9100, to_port: 9100 }),
    ]);
    expect(clientIngress(json)).toEqual([expect.objectContaining({ cidr_ipv4: "10.30.0.0/16", from_port: 9100, to_port: 9100 })]);
    expect(gatewayIngress(json)).toEqual([
      expect.objectContaining({ from_port: 9100, to_port: 9100, security_group_id: expect.stringContaining("HostAccess") }),
    ]);
    expect(all(json, "aws_vpc_endpoint")).toEqual([
      expect.objectContaining({ vpc_endpoint_type: "Resource", vpc_id: expect.stringContaining("MonitoringVpc") }),
    ]);
  });

  test("rc3-internal-domain: the DNS configuration (a public name holding private addresses) and two client VPCs join one logged network without auth policy", () => {
    const json = synthStack("rc3-internal-domain");
    expect(all(json, "aws_vpclattice_resource_configuration")[0].resource_configuration_definition).toEqual([
      { dns_resource: [{ domain_name: "portal.apps.example.com", ip_address_type: "IPV4" }] },
    ]);
    expect(all(json, "aws_route53_zone")).toEqual([expect.objectContaining({ name: "apps.example.com" })]);
    expect(all(json, "aws_route53_zone")[0].vpc).toBeUndefined();
    expect(all(json, "aws_route53_record")).toEqual([
      expect.objectContaining({ name: "portal.apps.example.com", type: "A", records: ["10.0.0.80", "10.0.1.80"] }),
    ]);
    expect(json.resource.aws_vpclattice_auth_policy).toBeUndefined();
    expect(all(json, "aws_vpclattice_service_network_resource_association")).toHaveLength(1);
    expect(all(json, "aws_vpclattice_service_network_vpc_association")).toHaveLength(2);
    expect(all(json, "aws_vpclattice_access_log_subscription").map((s) => s.service_network_log_type)).toContain("RESOURCE");
  });

  test("rc4-dns-group: one GROUP, three CHILD members, one endpoint to the group opening 443 and 9200", () => {
    const json = synthStack("rc4-dns-group");
    const types = all(json, "aws_vpclattice_resource_configuration")
      .map((c) => c.type)
      .sort();
    expect(types).toEqual(["CHILD", "CHILD", "CHILD", "GROUP"]);
    expect(all(json, "aws_vpc_endpoint")).toEqual([
      expect.objectContaining({ resource_configuration_arn: expect.stringMatching(/PlatformApis_Group_\w+\.arn/) }),
    ]);
    expect(
      clientIngress(json)
        .map((r) => r.from_port)
        .sort(),
    ).toEqual([443, 9200]);
    expect(
      gatewayIngress(json)
        .map((r) => r.from_port)
        .sort(),
    ).toEqual([443, 9200]);
  });

  test("rc5-ec2-port-range: the port range is shared inside the organization (no acceptance) with the trusted account's endpoint", () => {
    const json = synthStack("rc5-ec2-port-range");
    expect(all(json, "aws_ram_resource_share")).toEqual([expect.objectContaining({ allow_external_principals: false })]);
    expect(json.resource.aws_ram_resource_share_accepter).toBeUndefined();
    expect(all(json, "aws_vpc_endpoint")).toEqual([expect.objectContaining({ provider: "aws.trusted", vpc_endpoint_type: "Resource" })]);
    expect(all(json, "aws_vpc_security_group_egress_rule")).toEqual([
      expect.objectContaining({ cidr_ipv4: "10.0.0.50/32", from_port: 8000, to_port: 8100 }),
    ]);
    // Both sides are placed by AZ ID, the same zones in both accounts.
    expect(
      all(json, "aws_subnet")
        .map((s) => s.availability_zone_id)
        .sort(),
    ).toEqual(["use1-az1", "use1-az1", "use1-az2", "use1-az2"]);
    expect(all(json, "aws_vpc_endpoint")[0].depends_on).toEqual([
      expect.stringMatching(/^aws_ram_principal_association\./),
      expect.stringMatching(/^aws_ram_resource_association\./),
    ]);
  });

  test("rg5-vpc-ingress: one gateway fronts DNS, IP and ARN resources, all in one network reached through one endpoint", () => {
    const json = synthStack("rg5-vpc-ingress");
    expect(all(json, "aws_vpclattice_resource_gateway")).toHaveLength(1);
    expect(
      all(json, "aws_vpclattice_resource_configuration")
        .map((c) => c.type)
        .sort(),
    ).toEqual(["ARN", "SINGLE", "SINGLE"]);
    expect(all(json, "aws_vpclattice_service_network_resource_association")).toHaveLength(3);
    expect(
      all(json, "aws_vpc_security_group_egress_rule")
        .map((r) => r.from_port)
        .sort(),
    ).toEqual([1521, 443, 5432]);
    expect(all(json, "aws_vpc_endpoint")).toEqual([expect.objectContaining({ vpc_endpoint_type: "ServiceNetwork" })]);
  });

  test("dep6-access-paths: a Resource endpoint, a ServiceNetwork endpoint and a VPC association reach the same configuration", () => {
    const json = synthStack("dep6-access-paths");
    expect(
      all(json, "aws_vpc_endpoint")
        .map((e) => e.vpc_endpoint_type)
        .sort(),
    ).toEqual(["Resource", "ServiceNetwork"]);
    expect(all(json, "aws_vpclattice_service_network_vpc_association")).toHaveLength(1);
    expect(clientIngress(json).map((r) => r.from_port)).toEqual([5432, 5432, 5432]);
    expect(gatewayIngress(json).map((r) => r.from_port)).toEqual([5432]);
    expect(all(json, "aws_vpclattice_resource_configuration")[0].resource_configuration_definition[0].dns_resource[0].domain_name).toMatch(
      /\.rds\.amazonaws\.com$/,
    );
  });
});
