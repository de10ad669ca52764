import { NetworkModel, verifyDeclaredFlows } from "../../../modules/flows";
import { ExampleStackDefinition } from "../../../stacks/example-stack";
import { dep4ServiceRouting } from "../../../stacks/lattice/dep4-service-routing";
import { ls1BlueGreen } from "../../../stacks/lattice/ls1-blue-green";
import { ls2AbTesting } from "../../../stacks/lattice/ls2-ab-testing";
import { ls3ContentRouting } from "../../../stacks/lattice/ls3-content-routing";
import { ls4IamAuth } from "../../../stacks/lattice/ls4-iam-auth";
import { ls5LambdaFunctions } from "../../../stacks/lattice/ls5-lambda-functions";
import { tg1Ec2Instances } from "../../../stacks/lattice/tg1-ec2-instances";
import { tg2IpAddresses } from "../../../stacks/lattice/tg2-ip-addresses";
import { tg3LambdaFunction } from "../../../stacks/lattice/tg3-lambda-function";
import { tg4InternalAlb } from "../../../stacks/lattice/tg4-internal-alb";
import { tg5EksPods } from "../../../stacks/lattice/tg5-eks-pods";
import { exampleStackJson } from "../synth-app";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Resources = Record<string, Record<string, any>>;

const STACKS = [
  ls1BlueGreen,
  ls2AbTesting,
  ls3ContentRouting,
  ls4IamAuth,
  ls5LambdaFunctions,
  tg1Ec2Instances,
  tg2IpAddresses,
  tg3LambdaFunction,
  tg4InternalAlb,
  tg5EksPods,
  dep4ServiceRouting,
];

type StackJson = { resource: Resources; output: Record<string, unknown> };
const synth = (definition: ExampleStackDefinition): StackJson => exampleStackJson(definition.name) as StackJson;

const values = (resources: Resources, type: string): any[] => Object.values(resources[type] ?? {});
const weightsOf = (forward: { target_groups: { weight: number }[] }): number[] => forward.target_groups.map((t) => t.weight);
/**
 * An auth policy as JSON: literal policies are JSON already; policies with references are
 * `${jsonencode({...})}` expressions, turned back into JSON with the references as "${...}" strings.
 */
function decodePolicy(policy: string): any {
  const expression = /^\$\{jsonencode\((.*)\)\}$/s.exec(policy);
  if (expression === null) return JSON.parse(policy);
  return JSON.parse(expression[1].replace(/" = /g, '": ').replace(/([:[,]\s*)([a-z][a-z0-9_]*\.[\w-]+\.[\w.[\]]+)/g, '$1"${$2}"'));
}
const policies = (resources: Resources): any[] => values(resources, "aws_vpclattice_auth_policy").map((p) => decodePolicy(p.policy));

describe("LS, TG and DEP-4 example stacks", () => {
  test.each(STACKS.map((s) => [s.name, s]))(
    "%s: a reachable, authenticated, logged service in a service network with the client VPC",
    (_, definition) => {
      const { resource, output } = synth(definition);
      expect(definition.name).toMatch(/^(ls[1-5]|tg[1-5]|dep4)-[a-z0-9-]+$/);
      expect(values(resource, "aws_vpclattice_service").every((s) => s.auth_type === "AWS_IAM")).toBe(true);
      const services = values(resource, "aws_vpclattice_service").length;
      // One auth policy per service plus the network's.
      expect(values(resource, "aws_vpclattice_auth_policy")).toHaveLength(services + 1);
      expect(values(resource, "aws_vpclattice_service_network_service_association")).toHaveLength(services);
      expect(values(resource, "aws_vpclattice_service_network_vpc_association")).toHaveLength(1);
      expect(values(resource, "aws_vpclattice_access_log_subscription").length).toBeGreaterThanOrEqual(services + 2);
      expect(values(resource, "aws_vpclattice_listener").length).toBeGreaterThanOrEqual(services);
      expect(output.service_network_arn).toBeDefined();
      // Targets admit VPC Lattice's link-local range only, never a client CIDR.
      const targetRules = values(resource, "aws_vpc_security_group_ingress_rule").filter((r) =>
        String(r.description).startsWith("VPC Lattice to the targets"),
      );
      targetRules.forEach((r) => expect(r.cidr_ipv4).toBe("169.254.171.0/24"));
      const networkTargets = values(resource, "aws_vpclattice_target_group").filter((g) => g.type !== "LAMBDA");
      if (networkTargets.length > 0) expect(targetRules.length).toBeGreaterThan(0);
    },
  );

  test("LS-1 sends 10% to green and keeps blue serving the rest", () => {
    const { resource } = synth(ls1BlueGreen);
    const listener = values(resource, "aws_vpclattice_listener")[0];
    expect(weightsOf(listener.default_action.forward[0])).toEqual([90, 10]);
    expect(values(resource, "aws_vpclattice_target_group").map((g) => g.name)).toEqual(["checkout-blue", "checkout-green"]);
  });

  test("LS-2 splits 90/10 and routes the opt-in header to variant B first", () => {
    const { resource } = synth(ls2AbTesting);
    expect(weightsOf(values(resource, "aws_vpclattice_listener")[0].default_action.forward[0])).toEqual([90, 10]);
    const rule = values(resource, "aws_vpclattice_listener_rule")[0];
    expect(rule).toMatchObject({ priority: 1, match: { http_match: { header_matches: [{ name: "x-experiment", match: { exact: "b" } }] } } });
    expect(rule.action.forward.target_groups[0].target_group_identifier).toContain("VariantB");
  });

  test("LS-3 routes by path, header and method, answers 404 otherwise, and derives its auth policy from the rules", () => {
    const { resource } = synth(ls3ContentRouting);
    expect(values(resource, "aws_vpclattice_listener")[0].default_action).toEqual({ fixed_response: { status_code: 404 } });
    const rules = values(resource, "aws_vpclattice_listener_rule");
    expect(rules.map((r) => [r.name, r.priority]).sort((a, b) => a[1] - b[1])).toEqual([
      ["orders", 10],
      ["inventory", 20],
      ["catalog-v2", 30],
      ["catalog", 40],
    ]);
    const shopPolicy = policies(resource).find((p) => p.Statement[0].Sid.startsWith("Https443"));
    expect(
      shopPolicy.Statement.map((s: any) => [
        s.Sid,
        s.Condition.StringLike["vpc-lattice-svcs:RequestPath"],
        s.Condition.StringEquals["vpc-lattice-svcs:RequestMethod"],
      ]),
    ).toEqual([
      ["Https443Orders", "/orders*", undefined],
      ["Https443Inventory", "/inventory*", undefined],
      ["Https443CatalogV2", "/catalog*", "GET"],
      ["Https443Catalog", "/catalog*", "GET"],
    ]);
  });

  test("LS-4 grants named roles per method and path on a custom domain with alias records", () => {
    const { resource, output } = synth(ls4IamAuth);
    expect(values(resource, "aws_vpclattice_service")[0]).toMatchObject({
      custom_domain_name: "payments.internal.example.com",
      certificate_arn: expect.stringMatching(/^arn:aws:acm:/),
    });
    expect(
      values(resource, "aws_route53_record")
        .map((r) => r.type)
        .sort(),
    ).toEqual(["A", "AAAA"]);
    const payments = policies(resource).find((p) => p.Statement.some((s: any) => s.Sid === "CheckoutCreatesPayments"));
    const checkout = payments.Statement.find((s: any) => s.Sid === "CheckoutCreatesPayments");
    expect(checkout.Principal).toEqual({ AWS: "arn:aws:iam::111111111111:role/checkout" });
    expect(checkout.Condition.StringEquals["vpc-lattice-svcs:RequestMethod"]).toEqual(["GET", "POST"]);
    expect(output.payments_dns_name).toMatchObject({ value: "payments.internal.example.com" });
  });

  test("LS-5 and TG-3: one Lambda function per target group, V2 events, invoke permission per group, a 90/10 canary between aliases", () => {
    const { resource } = synth(ls5LambdaFunctions);
    const groups = values(resource, "aws_vpclattice_target_group");
    expect(groups.every((g) => g.type === "LAMBDA" && g.config.lambda_event_structure_version === "V2")).toBe(true);
    expect(values(resource, "aws_lambda_permission")).toHaveLength(groups.length);
    const orders = values(resource, "aws_vpclattice_listener_rule").find((r) => r.name === "orders");
    expect(weightsOf(orders.action.forward)).toEqual([90, 10]);
    const tg3 = synth(tg3LambdaFunction).resource;
    expect(values(tg3, "aws_lambda_permission")[0]).toMatchObject({ principal: "vpc-lattice.amazonaws.com", qualifier: "live" });
  });

  test("TG-1 balances instances with tuned health checks and a per-target port", () => {
    const { resource } = synth(tg1Ec2Instances);
    expect(values(resource, "aws_vpclattice_target_group")[0].config.health_check).toMatchObject({
      health_check_interval_seconds: 10,
      matcher: { value: "200-299" },
    });
    expect(values(resource, "aws_vpclattice_target_group_attachment").map((a) => a.target.port)).toEqual([undefined, undefined, 8081]);
  });

  test("TG-2 reaches IP targets with HTTP/2 and checks health on its own port", () => {
    const { resource } = synth(tg2IpAddresses);
    expect(values(resource, "aws_vpclattice_target_group")[0]).toMatchObject({
      type: "IP",
      config: { protocol_version: "HTTP2", health_check: { port: 9443, protocol_version: "HTTP1" } },
    });
    expect(
      values(resource, "aws_vpc_security_group_ingress_rule")
        .map((r) => r.from_port)
        .sort(),
    ).toEqual([443, 8443, 9443]);
  });

  test("TG-4 forwards /portal to the internal ALB without health checks", () => {
    const { resource } = synth(tg4InternalAlb);
    const alb = values(resource, "aws_vpclattice_target_group")[0];
    expect(alb).toMatchObject({ type: "ALB", config: { protocol: "HTTPS", port: 443 } });
    expect(alb.config.health_check).toBeUndefined();
    // The ALB is known by ARN only: that it wears the group its target group declares is the verdict's assumption, not a proven hop.
    const [portal] = verifyDeclaredFlows(NetworkModel.fromJson(tg4InternalAlb.name, exampleStackJson(tg4InternalAlb.name, "as written"))).filter(
      (r) => r.flow.expect === "allowed",
    );
    expect(portal.verdict.assumptions).toContainEqual(
      expect.stringMatching(/^security group .* is attached to Application Load Balancer arn:aws:elasticloadbalancing/),
    );
  });

  test("TG-5 forwards to the pods' target group of the AWS Gateway API Controller (a variable) and registers no pod IP itself", () => {
    const { resource } = synth(tg5EksPods);
    expect(resource.aws_vpclattice_target_group).toBeUndefined();
    expect(resource.aws_vpclattice_target_group_attachment).toBeUndefined();
    const [listener] = values(resource, "aws_vpclattice_listener");
    expect(listener.default_action.forward[0].target_groups[0].target_group_identifier).toContain("var.ledger_target_group_arn");
    const rules = values(resource, "aws_vpc_security_group_ingress_rule").filter((r) => r.cidr_ipv4 === "169.254.171.0/24");
    expect(rules.map((r) => r.from_port)).toEqual([8080]);
  });

  test("DEP-4 routes to instance, IP and Lambda groups over HTTPS and passes TLS through to a TCP group", () => {
    const { resource } = synth(dep4ServiceRouting);
    expect(
      values(resource, "aws_vpclattice_target_group")
        .map((g) => g.type)
        .sort(),
    ).toEqual(["INSTANCE", "IP", "IP", "LAMBDA"]);
    const listeners = values(resource, "aws_vpclattice_listener");
    expect(listeners.map((l) => l.protocol).sort()).toEqual(["HTTPS", "TLS_PASSTHROUGH"]);
    const vault = values(resource, "aws_vpclattice_service").find((s) => s.name === "card-vault");
    expect(vault.custom_domain_name).toBe("vault.internal.example.com");
    expect(vault.certificate_arn).toBeUndefined();
    // TLS requests cannot be signed: the vault admits anonymous callers from the client VPC only.
    const anonymous = policies(resource)
      .flatMap((p) => p.Statement)
      .filter((s: any) => s.Sid.startsWith("TlsPassthrough"));
    expect(anonymous).toHaveLength(2);
    anonymous.forEach((s: any) => expect(s.Condition.StringEquals["vpc-lattice-svcs:SourceVpc"]).toMatch(/aws_vpc\.ClientVpc/));
  });
});
