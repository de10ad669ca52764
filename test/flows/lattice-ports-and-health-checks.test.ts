import { TerraformResource, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { analyzeStackFlow } from "../../modules/flows";
import { AuthPolicy, LatticeListenerAction, LatticeService, LatticeTarget, LatticeTargetGroup, ServiceNetwork } from "../../modules/lattice";
import { PrivateVpc, SecurityGroup } from "../../modules/vpc";
import { testApp } from "../helpers";

/**
 * What a VPC Lattice request carries and what its targets are sent: the
 * destination port is a condition key of every request (vpc-lattice-svcs:Port),
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
  const ask = () =>
    analyzeStackFlow(
      s,
      { vpc: clients, principal: { arn: "arn:aws:iam::111111111111:role/checkout", organizationId: ORG } },
      { target: api, port: 443 },
    );
  // The first of its type: the service's auth policy (the service is made before the network), the one target group.
  const only = (type: string) =>
    api.node.root.node.findAll().find((c) => (c as TerraformResource).terraformResourceType === type) as TerraformResource;
  return { ask, only };
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
