import { analyzeFlow, NetworkModel } from "../../../modules/flows";
import { catalog } from "../../../stacks/catalog";
import { privateLinkStacks } from "../../../stacks/privatelink";
import { Json } from "../../helpers";
import { exampleStackJson } from "../synth-app";

const synth = (name: string): Json => exampleStackJson(name);

/** The stack's JSON with the `//` notes Testing.synth leaves out, where the flow analysis reads what the library recorded. */
const withNotes = (name: string): Json => exampleStackJson(name, "as written");

const all = (json: Json, type: string): Json[] => Object.values(json.resource?.[type] ?? {});
const only = (json: Json, type: string): Json => {
  const found = all(json, type);
  expect(found).toHaveLength(1);
  return found[0];
};
const ingressFrom = (json: Json, groupAddressPart: string): Json[] =>
  all(json, "aws_vpc_security_group_ingress_rule").filter((r) => String(r.security_group_id).includes(groupAddressPart));

describe("PrivateLink example stacks", () => {
  test("cover ES-1 to ES-5, DEP-1 and DEP-2 in the catalog, with lowercase kebab names prefixed by their main use case", () => {
    const entries = catalog(privateLinkStacks);
    expect(entries.map((e) => e.id)).toEqual(["ES-1", "ES-2", "ES-3", "ES-4", "ES-5", "DEP-1", "DEP-2"]);
    for (const stack of privateLinkStacks) {
      expect(stack.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(stack.name.startsWith(stack.useCases[0].toLowerCase().replace("-", ""))).toBe(true);
    }
    expect(entries.find((e) => e.id === "DEP-2")!.stacks).toEqual([
      "es1-internal-api",
      "es3-partner-provider",
      "es3-partner-consumer",
      "dep2-gwlb-inspection",
    ]);
    expect(entries.find((e) => e.id === "DEP-1")!.stacks).toEqual(["dep2-gwlb-inspection"]);
  });

  test("es1-internal-api: both teams' endpoints in their own accounts, each accepted, each resolving the certificate's name; the NLB admits only the team VPCs on 443", () => {
    const json = synth("es1-internal-api");
    expect(json.provider.aws.map((p: Json) => p.alias).sort()).toEqual([undefined, "payments", "search"].sort());
    expect(only(json, "aws_vpc_endpoint_service")).toMatchObject({
      acceptance_required: true,
      allowed_principals: ["arn:aws:iam::222222222222:root", "arn:aws:iam::333333333333:root"],
    });
    expect(
      all(json, "aws_vpc_endpoint")
        .map((e) => e.provider)
        .sort(),
    ).toEqual(["aws.payments", "aws.search"]);
    expect(all(json, "aws_vpc_endpoint_connection_accepter")).toHaveLength(2);
    // AZ names differ between accounts: every VPC is placed by AZ ID, the same zones on both sides.
    expect(all(json, "aws_subnet").map((s) => [s.availability_zone, s.availability_zone_id])).toEqual(
      Array(6)
        .fill(0)
        .map((_, i) => [undefined, `use1-az${(i % 2) + 1}`]),
    );
    expect(json.data).toBeUndefined();
    // The certificate carries internal-api.example.com: each team's zone in its own account points it at its endpoint.
    expect(
      all(json, "aws_route53_zone")
        .map((z) => [z.name, z.provider])
        .sort(),
    ).toEqual([
      ["internal-api.example.com", "aws.payments"],
      ["internal-api.example.com", "aws.search"],
    ]);
    expect(
      all(json, "aws_route53_record")
        .map((r) => [r.type, r.alias.name])
        .sort(),
    ).toEqual([
      ["A", expect.stringMatching(/aws_vpc_endpoint\.InternalApi_Consumer-payments_Endpoint_\w+\.dns_entry\[0\]\.dns_name/)],
      ["A", expect.stringMatching(/aws_vpc_endpoint\.InternalApi_Consumer-search_Endpoint_\w+\.dns_entry\[0\]\.dns_name/)],
    ]);
    expect(only(json, "aws_lb_listener")).toMatchObject({ port: 443, protocol: "TLS", ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06" });
    expect(
      ingressFrom(json, "LoadBalancer_SecurityGroup")
        .map((r) => r.cidr_ipv4)
        .sort(),
    ).toEqual(["10.20.0.0/16", "10.30.0.0/16"]);
    expect(only(json, "aws_lb")).toMatchObject({ internal: true, enforce_security_group_inbound_rules_on_private_link_traffic: "on" });
    expect(json.output).toMatchObject({
      payments_api_dns_name: { value: "internal-api.example.com" },
      search_api_dns_name: { value: "internal-api.example.com" },
    });
    expect(json.output.api_targets_security_group_id.value).toMatch(
      /aws_security_group\.InternalApi_Service_LoadBalancer_TargetsSecurityGroup_\w+\.id/,
    );
  });

  test("es2-saas-private-dns: verified name, ownership record in the provider's zone, private DNS after acceptance; overlapping CIDRs", () => {
    const json = synth("es2-saas-private-dns");
    expect(only(json, "aws_vpc_endpoint_service").private_dns_name).toBe("api.saas.example.com");
    expect(only(json, "aws_route53_record")).toMatchObject({ zone_id: "Z0123456789EXAMPLE0AB", ttl: 1800 });
    expect(only(json, "aws_vpc_endpoint_service_private_dns_verification").wait_for_verification).toBe(true);
    expect(only(json, "aws_vpc_endpoint_private_dns")).toMatchObject({ provider: "aws.customer", private_dns_enabled: true });
    expect(only(json, "aws_lb").enforce_security_group_inbound_rules_on_private_link_traffic).toBe("off");
    expect(all(json, "aws_vpc").map((v) => v.cidr_block)).toEqual(["10.40.0.0/16", "10.40.0.0/16"]);
    expect(only(json, "aws_vpc_endpoint_connection_notification").connection_notification_arn).toBe(
      "arn:aws:sns:us-east-1:111111111111:saas-endpoint-connections",
    );
  });

  test("es3: each half deploys with its own account's credentials; the provider accepts endpoint IDs given later, the partner turns private DNS on once told", () => {
    const provider = synth("es3-partner-provider");
    expect(only(provider, "aws_vpc_endpoint_service")).toMatchObject({
      acceptance_required: true,
      allowed_principals: ["arn:aws:iam::333333333333:role/partner-integration"],
      private_dns_name: "partner-api.example.com",
    });
    expect(only(provider, "aws_lb_target_group")).toMatchObject({
      target_type: "alb",
      protocol: "TCP",
      health_check: { protocol: "HTTPS", path: "/health" },
    });
    expect(only(provider, "aws_vpc_endpoint_connection_notification").connection_events).toEqual(["Connect"]);
    expect(Object.keys(provider.output).sort()).toEqual([
      "alb_security_group_id",
      "partner_dns_name",
      "service_availability_zone_ids",
      "service_name",
      "service_ports",
    ]);
    expect(provider.output.service_availability_zone_ids.value).toEqual(["use1-az1", "use1-az2"]);
    expect(provider.provider.aws).toHaveLength(1);
    // Endpoint IDs arrive after review, as an input of the provider's own configuration.
    expect(provider.variable.partner_endpoint_ids).toMatchObject({ type: "list(string)", default: [] });
    expect(only(provider, "aws_vpc_endpoint_connection_accepter")).toMatchObject({
      for_each: "${toset(var.partner_endpoint_ids)}",
      vpc_endpoint_id: "${each.value}",
    });
    expect(only(provider, "aws_vpc_endpoint_service_private_dns_verification").wait_for_verification).toBe(false);

    const consumer = synth("es3-partner-consumer");
    expect(consumer.variable.service_name).toMatchObject({ type: "string", default: "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0" });
    expect(consumer.variable.connection_accepted).toMatchObject({ type: "bool", default: false });
    // The endpoint is created as the one role the provider allows; the rest of the stack with the deployment's credentials.
    expect(consumer.provider.aws.find((p: Json) => p.alias === "partner-integration")).toMatchObject({
      allowed_account_ids: ["333333333333"],
      assume_role: [{ role_arn: "arn:aws:iam::333333333333:role/partner-integration" }],
    });
    expect(consumer.provider.aws.map((p: Json) => p.allowed_account_ids)).toEqual([["333333333333"], ["333333333333"]]);
    expect(only(consumer, "aws_vpc_endpoint")).toMatchObject({
      provider: "aws.partner-integration",
      service_name: "${var.service_name}",
      vpc_endpoint_type: "Interface",
      private_dns_enabled: false,
    });
    // Private DNS only once the provider has accepted: AWS refuses it on a pending endpoint.
    expect(only(consumer, "aws_vpc_endpoint_private_dns")).toMatchObject({
      provider: "aws.partner-integration",
      private_dns_enabled: true,
      count: "${var.connection_accepted ? 1 : 0}",
    });
    // The provider's terms travel with the endpoint, for the flow analysis of this stack.
    const notes = only(withNotes("es3-partner-consumer"), "aws_vpc_endpoint")["//"].flows;
    expect(notes.endpointService).toEqual({
      ports: [443],
      availabilityZoneIds: ["use1-az1", "use1-az2"],
      allowedPrincipalArns: ["arn:aws:iam::333333333333:role/partner-integration"],
      acceptanceRequired: true,
      tlsPorts: [443],
    });
    expect(notes.privateDnsName).toBe("partner-api.example.com");
    expect(all(consumer, "aws_route53_zone")).toEqual([]);
    // Deployments from before SaasConsumerEndpoint keep their endpoint, its group and its rule.
    expect(consumer.moved.map((m: Json) => m.from)).toEqual([
      "aws_security_group.ProviderApiEndpoint_SecurityGroup_0421CD68",
      "aws_vpc_security_group_ingress_rule.ProviderApiEndpoint_SecurityGroup_Ingress-tcp-443-172-16-0-0-16_32277AFF",
      "aws_vpc_endpoint.ProviderApiEndpoint_35AE9629",
    ]);
    expect(only(consumer, "aws_vpc_endpoint").policy).toBeUndefined();
    expect(all(consumer, "aws_vpc_security_group_ingress_rule").map((r) => r.from_port)).toEqual([443]);
  });

  test("es3-partner-consumer: its own analysis denies the partner's flow when the endpoint is created with the deployment's credentials instead of the role", () => {
    const json = withNotes("es3-partner-consumer");
    const flow = (json["//"].flows.declared as Json[]).find((f) => f.name === "partner-calls-provider-api")!;
    expect(analyzeFlow(NetworkModel.fromJson("es3-partner-consumer", json), flow.from, flow.to).allowed).toBe(true);
    for (const endpoint of Object.values(json.resource.aws_vpc_endpoint) as Json[]) delete endpoint.provider;
    expect(analyzeFlow(NetworkModel.fromJson("es3-partner-consumer", json), flow.from, flow.to).reason).toMatch(
      /allows arn:aws:iam::333333333333:role\/partner-integration, but ProviderApiAccess\/Endpoint is created by the ambient credentials of account 333333333333/,
    );
  });

  test("es4-central-logging: TLS 6514 and 443, cross-region, access logs; development's endpoint opens 6514 only", () => {
    const json = synth("es4-central-logging");
    expect(
      all(json, "aws_lb_listener")
        .map((l) => [l.port, l.protocol])
        .sort(),
    ).toEqual([
      [443, "TLS"],
      [6514, "TLS"],
    ]);
    expect(only(json, "aws_vpc_endpoint_service").supported_regions).toEqual(["us-west-2", "eu-west-1"]);
    expect(only(json, "aws_lb").access_logs).toMatchObject({ enabled: true, bucket: "nlb-access-logs-111111111111", prefix: "es4-central-logging" });
    expect(ingressFrom(json, "Consumer-development").map((r) => r.from_port)).toEqual([6514]);
    expect(
      ingressFrom(json, "Consumer-production")
        .map((r) => r.from_port)
        .sort(),
    ).toEqual([443, 6514]);
  });

  test("es5-analytics-platform: dual-stack service and endpoints; only the analysts' security groups reach the endpoints, and may send to them", () => {
    const json = synth("es5-analytics-platform");
    expect(only(json, "aws_lb").ip_address_type).toBe("dualstack");
    expect(only(json, "aws_vpc_endpoint_service").supported_ip_address_types).toEqual(["ipv4", "ipv6"]);
    expect(all(json, "aws_vpc_endpoint").map((e) => e.ip_address_type)).toEqual(["dualstack", "dualstack"]);
    const consumerRules = all(json, "aws_vpc_security_group_ingress_rule").filter((r) => String(r.security_group_id).includes("Consumer-"));
    expect(consumerRules).toHaveLength(4);
    for (const rule of consumerRules) expect(rule.referenced_security_group_id).toMatch(/aws_security_group\.(marketing|finance)-analysts_/);
    const analystsEgress = all(json, "aws_vpc_security_group_egress_rule").filter((r) => /-analysts_/.test(String(r.security_group_id)));
    expect(analystsEgress.map((r) => r.from_port).sort()).toEqual([443, 443, 5439, 5439]);
    for (const rule of analystsEgress)
      expect(rule.referenced_security_group_id).toMatch(/aws_security_group\.Analytics_Consumer-(marketing|finance)_Endpoint_SecurityGroup_/);
    expect(
      all(json, "aws_route53_record")
        .map((r) => r.type)
        .sort(),
    ).toEqual(["A", "A", "AAAA", "AAAA"]);
  });

  test("dep2-gwlb-inspection: a Gateway Load Balancer service allowing the workload account only; the tier and the application subnets route to each other through the endpoint of the tier subnet's zone", () => {
    const json = synth("dep2-gwlb-inspection");
    expect(only(json, "aws_lb")).toMatchObject({ load_balancer_type: "gateway", enable_deletion_protection: true });
    expect(only(json, "aws_lb_target_group")).toMatchObject({
      protocol: "GENEVE",
      port: 6081,
      target_type: "ip",
      health_check: { protocol: "HTTP", port: "80", path: "/healthz" },
    });
    expect(
      all(json, "aws_lb_target_group_attachment")
        .map((a) => a.target_id)
        .sort(),
    ).toEqual(["10.100.0.10", "10.100.1.10"]);
    expect(only(json, "aws_vpc_endpoint_service")).toMatchObject({
      acceptance_required: true,
      allowed_principals: ["arn:aws:iam::222222222222:root"],
    });
    const endpoints = all(json, "aws_vpc_endpoint");
    expect(endpoints.map((e) => [e.vpc_endpoint_type, e.provider])).toEqual([
      ["GatewayLoadBalancer", "aws.workloads"],
      ["GatewayLoadBalancer", "aws.workloads"],
    ]);
    // Exactly the two endpoints are accepted, by the service owner's credentials.
    const accepters = all(json, "aws_vpc_endpoint_connection_accepter");
    expect(accepters.map((a) => a.provider)).toEqual([undefined, undefined]);
    expect(accepters.map((a) => String(a.vpc_endpoint_id).match(/Endpoint-use1-az\d/)![0]).sort()).toEqual([
      "Endpoint-use1-az1",
      "Endpoint-use1-az2",
    ]);
    // Both directions of every pair take the endpoint of the tier subnet's zone.
    const routes = all(json, "aws_route").map((r) => [
      r.destination_cidr_block,
      String(r.route_table_id).match(/(PrivateRoutes|TierRoutes)-use1-az\d/)![0],
      String(r.vpc_endpoint_id).match(/Endpoint-use1-az\d/)![0],
    ]);
    expect(routes).toEqual(
      expect.arrayContaining([
        ["10.110.10.0/24", "PrivateRoutes-use1-az2", "Endpoint-use1-az1"],
        ["10.110.1.0/24", "TierRoutes-use1-az1", "Endpoint-use1-az1"],
        ["10.110.11.0/24", "PrivateRoutes-use1-az1", "Endpoint-use1-az2"],
        ["10.110.0.0/24", "TierRoutes-use1-az2", "Endpoint-use1-az2"],
      ]),
    );
    expect(routes).toHaveLength(8);
  });

  test.each(privateLinkStacks.map((s) => s.name))("%s keeps its Terraform addresses", (name) => {
    const json = synth(name);
    const addresses = Object.entries(json.resource as Json).flatMap(([type, byName]) => Object.keys(byName as Json).map((n) => `${type}.${n}`));
    expect(addresses.sort()).toMatchSnapshot();
  });
});
