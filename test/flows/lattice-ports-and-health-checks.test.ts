import { TerraformResource, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { analyzeStackFlow, networkModelOf } from "../../modules/flows";
import { AuthPolicy, LatticeListenerAction, LatticeService, LatticeTarget, LatticeTargetGroup, ServiceNetwork } from "../../modules/lattice";
import { PrivateVpc, SecurityGroup } from "../../modules/vpc";
import { testApp } from "../helpers";

/**
 * What a VPC Lattice request carries and what its targets are sent: the
 * destination port is a condition key of every request (vpc-lattice-svcs:Port),
 * the request path is both a condition key (vpc-lattice-svcs:RequestPath) and
 * part of the resource (<service ARN>/<path>), the global network keys of
 * requests through VPC endpoints (aws:SourceVpc, aws:SourceVpce) are absent,
 * and a target group whose health checks are off sends nothing to the
 * health-check port.
 */

const ORG = "o-a1b2c3d4e5";

function service() {
  const s = new TerraformStack(testApp(), "lattice-ports");
  new AwsProvider(s, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
  const clients = new PrivateVpc(s, "ClientVpc", { name: "clients", cidrBlock: "10.10.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  const app = new PrivateVpc(s, "AppVpc", { name: "app", cidrBlock: "10.11.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
  const targets = new LatticeTargetGroup(s, "Orders", {
    name: "orders",
    type: "IP",
    vpc: app,
    protocol: "HTTP",
    port: 8080,
    targets: { a: LatticeTarget.ipAddress("10.11.0.10") },
  });
  LatticeTargetGroup.allowLatticeTraffic(new SecurityGroup(s, "Tasks", { vpc: app, description: "Order tasks" }), targets);
  const api = new LatticeService(s, "Api", { name: "orders-api", authPolicy: new AuthPolicy().allow({ sid: "Organization", organizationId: ORG }) });
  api.addListener({ protocol: "HTTPS", defaultAction: LatticeListenerAction.forward(targets) });
  const network = new ServiceNetwork(s, "Network", {
    name: "orders",
    authPolicy: new AuthPolicy().allow({ sid: "Organization", organizationId: ORG }),
  });
  network.associateService("orders", api);
  network.associateVpc("clients", { vpc: clients });
  const ask = (request?: { method?: string; path?: string }) =>
    analyzeStackFlow(
      s,
      { vpc: clients, principal: { arn: "arn:aws:iam::111111111111:role/checkout", organizationId: ORG } },
      { target: api, port: 443, ...(request === undefined ? {} : { request }) },
    );
  // The first of its type: the service's auth policy (the service is made before the network), the one target group.
  const only = (type: string) =>
    api.node.root.node.findAll().find((c) => (c as TerraformResource).terraformResourceType === type) as TerraformResource;
  // The service's ARN as the flow analysis knows it (a stable stand-in for the one AWS assigns at apply).
  const serviceArn = () => networkModelOf(s).latticeServices.find((l) => l.name === "orders-api")!.arn;
  return { ask, only, clients, serviceArn };
}

const onPort = (condition: Record<string, unknown>) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: "*", Action: "vpc-lattice-svcs:Invoke", Resource: "*", Condition: condition }],
  });

describe("the destination port of a VPC Lattice request (vpc-lattice-svcs:Port)", () => {
  test("an auth policy allowing the listener's port admits the request", () => {
    const { ask, only } = service();
    only("aws_vpclattice_auth_policy").addOverride("policy", onPort({ NumericEquals: { "vpc-lattice-svcs:Port": "443" } }));
    expect(ask().allowed).toBe(true);
  });

  test("fails when the policy allows another port only", () => {
    const { ask, only } = service();
    only("aws_vpclattice_auth_policy").addOverride("policy", onPort({ NumericEquals: { "vpc-lattice-svcs:Port": "8443" } }));
    const verdict = ask();
    expect(verdict.allowed).toBe(false);
    expect(verdict.reason).toContain("no Allow statement matches");
  });
});

/** One Allow statement for anyone signed in the organization, on `resource`, with `condition` besides. */
const organizationAllows = (resource: string, condition: Record<string, Record<string, string>> = {}) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: "*",
        Action: "vpc-lattice-svcs:Invoke",
        Resource: resource,
        Condition: { ...condition, StringEquals: { ...condition.StringEquals, "aws:PrincipalOrgID": ORG } },
      },
    ],
  });

describe("the request path of a VPC Lattice request", () => {
  test("a grant's paths admit a request on an allowed path (vpc-lattice-svcs:RequestPath)", () => {
    const { ask, only } = service();
    const policy = new AuthPolicy().allow({ sid: "Orders", organizationId: ORG, paths: ["/orders/*"] });
    only("aws_vpclattice_auth_policy").addOverride("policy", policy.render(only("aws_vpclattice_auth_policy"), "authPolicy"));
    expect(ask({ method: "GET", path: "/orders/42" }).allowed).toBe(true);
  });

  test("fails when the request is on another path than the grant's", () => {
    const { ask, only } = service();
    const policy = new AuthPolicy().allow({ sid: "Orders", organizationId: ORG, paths: ["/orders/*"] });
    only("aws_vpclattice_auth_policy").addOverride("policy", policy.render(only("aws_vpclattice_auth_policy"), "authPolicy"));
    const verdict = ask({ method: "GET", path: "/admin/users" });
    expect(verdict.allowed).toBe(false);
    expect(verdict.reason).toContain("no Allow statement matches arn:aws:iam::111111111111:role/checkout (vpc-lattice-svcs:RequestPath)");
  });

  // The resource of a request is the service ARN followed by its path, one slash between: /rates is service/svc-.../rates
  // (VPC Lattice User Guide, auth-policies, "Resource format for auth policies").
  test("a policy that narrows the Resource to <service ARN>/<path> admits a request on that path", () => {
    const { ask, only, serviceArn } = service();
    only("aws_vpclattice_auth_policy").addOverride("policy", organizationAllows(`${serviceArn()}/orders/*`));
    expect(ask({ method: "GET", path: "/orders/42" }).allowed).toBe(true);
  });

  test("fails when the Resource names another path than the request's", () => {
    const { ask, only, serviceArn } = service();
    only("aws_vpclattice_auth_policy").addOverride("policy", organizationAllows(`${serviceArn()}/orders/*`));
    const verdict = ask({ method: "GET", path: "/admin/users" });
    expect(verdict.allowed).toBe(false);
    expect(verdict.reason).toContain("(Resource)");
  });
});

describe("global keys a VPC Lattice request does not carry (AWS adds them only through a VPC endpoint)", () => {
  test.each([
    ["aws:SourceVpc", "vpc-lattice-svcs:SourceVpc"],
    ["aws:SourceVpce", "vpc-lattice-svcs:SourceVpc (the VPC of the association or endpoint)"],
  ])("fails when an Allow needs %s: it lets no one in, and the reason names %s", (key, instead) => {
    const { ask, only, clients } = service();
    only("aws_vpclattice_auth_policy").addOverride("policy", organizationAllows("*", { StringEquals: { [key]: clients.vpcId } }));
    const verdict = ask({ path: "/orders" });
    expect(verdict.allowed).toBe(false);
    expect(verdict.reason).toContain(`${key} is not in a VPC Lattice request (AWS adds it only through a VPC endpoint): use ${instead}`);
  });

  test("the Lattice key of the client VPC admits the request", () => {
    const { ask, only, clients } = service();
    only("aws_vpclattice_auth_policy").addOverride(
      "policy",
      organizationAllows("*", { StringEquals: { "vpc-lattice-svcs:SourceVpc": clients.vpcId } }),
    );
    expect(ask({ path: "/orders" }).allowed).toBe(true);
  });
});

describe("health checks that are off", () => {
  test("a group with health checks disabled is reached on its traffic port alone, whatever health-check port it names", () => {
    const { ask, only } = service();
    only("aws_vpclattice_target_group").addOverride("config.health_check", { enabled: false, port: 9090 });
    expect(ask().allowed).toBe(true);
  });

  test("fails when health checks are on and their port is not open to VPC Lattice", () => {
    const { ask, only } = service();
    only("aws_vpclattice_target_group").addOverride("config.health_check", { enabled: true, port: 9090 });
    const verdict = ask();
    expect(verdict.allowed).toBe(false);
    expect(verdict.reason).toContain("on 9090: health checks and traffic");
  });
});
