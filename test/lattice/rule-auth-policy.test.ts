import { TerraformStack } from "cdktf";
import {
  HeaderMatch,
  ILatticeTargetGroup,
  LatticeAuthPolicy,
  LatticeService,
  LatticeListener,
  LatticeListenerAction,
  PathMatch,
  RuleDerivedAuthPolicy,
} from "../../modules/lattice";
import { ValidationError } from "../../modules/core";
import { expectValidationError, stackWithProvider, synthJson } from "../helpers";
import { fakeService } from "./helpers";

const api: ILatticeTargetGroup = {
  targetGroupId: "tg-0123456789abcdef0",
  targetGroupArn: "arn:aws:vpc-lattice:us-east-1:111111111111:targetgroup/tg-0123456789abcdef0",
  type: "IP",
  protocol: "HTTPS",
  protocolVersion: "HTTP1",
};
const tcp: ILatticeTargetGroup = {
  ...api,
  targetGroupId: "tg-0123456789abcdef1",
  targetGroupArn: api.targetGroupArn.replace("ef0", "ef1"),
  protocol: "TCP",
  protocolVersion: undefined,
};
const ROLE = "arn:aws:iam::222222222222:role/orders-client";

function derivedService(stack: TerraformStack): LatticeService {
  return new LatticeService(stack, "Service", { name: "orders", authPolicyFromRules: { roles: [ROLE] } });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function policyOf(stack: TerraformStack): any {
  const policy = Object.values(synthJson(stack).resource.aws_vpclattice_auth_policy)[0] as { policy: string };
  return JSON.parse(policy.policy);
}

describe("RuleDerivedAuthPolicy (LatticeService authPolicyFromRules)", () => {
  test("allows exactly the methods and paths the forwarding rules route, for the given principals, including rules added after the service", () => {
    const stack = stackWithProvider();
    const service = derivedService(stack);
    const listener = service.addListener({ protocol: "HTTPS", defaultAction: LatticeListenerAction.fixedResponse(404) });
    listener.addRule({
      name: "list-orders",
      priority: 10,
      match: { path: PathMatch.prefix("/orders"), method: "GET" },
      action: LatticeListenerAction.forward(api),
    });
    listener.addRule({ name: "health", priority: 20, match: { path: PathMatch.exact("/health") }, action: LatticeListenerAction.forward(api) });
    listener.addRule({
      name: "beta",
      priority: 30,
      match: { headers: [HeaderMatch.exact("x-beta", "1")], method: "POST" },
      action: LatticeListenerAction.forward(api),
    });
    listener.addRule({ name: "admin", priority: 1, match: { path: PathMatch.prefix("/admin") }, action: LatticeListenerAction.fixedResponse(403) });

    const statements = policyOf(stack).Statement;
    expect(statements).toEqual([
      {
        Sid: "Https443ListOrders",
        Effect: "Allow",
        Principal: { AWS: ROLE },
        Action: "vpc-lattice-svcs:Invoke",
        Resource: "*",
        Condition: { StringEquals: { "vpc-lattice-svcs:RequestMethod": "GET" }, StringLike: { "vpc-lattice-svcs:RequestPath": "/orders*" } },
      },
      {
        Sid: "Https443Health",
        Effect: "Allow",
        Principal: { AWS: ROLE },
        Action: "vpc-lattice-svcs:Invoke",
        Resource: "*",
        Condition: { StringLike: { "vpc-lattice-svcs:RequestPath": "/health" } },
      },
      {
        Sid: "Https443Beta",
        Effect: "Allow",
        Principal: { AWS: ROLE },
        Action: "vpc-lattice-svcs:Invoke",
        Resource: "*",
        Condition: { StringEquals: { "vpc-lattice-svcs:RequestMethod": "POST" } },
      },
    ]);
    // The fixed-response rule and the 404 default reach no target, so they grant nothing.
    expect(JSON.stringify(statements)).not.toContain("/admin");
  });

  test("a forwarding default action opens every path of its listener", () => {
    const stack = stackWithProvider();
    const listener = derivedService(stack).addListener({ protocol: "HTTP", defaultAction: LatticeListenerAction.forward(api) });
    listener.addRule({ name: "orders", priority: 10, match: { path: PathMatch.prefix("/orders") }, action: LatticeListenerAction.forward(api) });
    const statements = policyOf(stack).Statement;
    expect(statements.map((s: { Sid: string }) => s.Sid)).toEqual(["Http80Orders", "Http80Default"]);
    expect(statements[1].Condition).toBeUndefined();
  });

  test("grants added with allow() or deny() follow the rule grants", () => {
    const stack = stackWithProvider();
    const listener = new LatticeListener(stack, "Listener", {
      service: fakeService(),
      protocol: "HTTPS",
      defaultAction: LatticeListenerAction.fixedResponse(404),
    });
    listener.addRule({ name: "orders", priority: 10, match: { path: PathMatch.prefix("/orders") }, action: LatticeListenerAction.forward(api) });
    const policy = new RuleDerivedAuthPolicy(() => [listener], { roles: [ROLE] }).deny({ sid: "NoDeletes", roles: [ROLE], methods: ["DELETE"] });
    expect(policy.grantCount).toBe(1);
    new LatticeAuthPolicy(stack, "Auth", { target: fakeService(), policy });
    const statements = policyOf(stack).Statement;
    expect(statements.map((s: { Sid: string; Effect: string }) => `${s.Sid}:${s.Effect}`)).toEqual(["Https443Orders:Allow", "NoDeletes:Deny"]);
  });

  describe("fails when", () => {
    test("there is nothing to derive from (no forwarding rule or default)", () => {
      const stack = stackWithProvider();
      derivedService(stack).addListener({ protocol: "HTTPS", defaultAction: LatticeListenerAction.fixedResponse(404) });
      expect(() => synthJson(stack)).toThrow(ValidationError);
      expect(() => synthJson(stack)).toThrow(/authPolicy.*an empty policy document/);
    });

    test("a Deny without conditions covers the principals every rule grant carries (every request would be denied)", () => {
      const stack = stackWithProvider();
      const listener = new LatticeListener(stack, "Listener", {
        service: fakeService(),
        protocol: "HTTPS",
        defaultAction: LatticeListenerAction.forward(api),
      });
      const policy = new RuleDerivedAuthPolicy(() => [listener], { roles: [ROLE] }).deny({ sid: "NoOne", roles: [ROLE] });
      new LatticeAuthPolicy(stack, "Auth", { target: fakeService(), policy });
      expectValidationError(() => synthJson(stack), "authPolicy", "authPolicy.statements[0] (Deny) covers authPolicyFromRules");
    });

    test("two rule names give one Sid (orders-1 and orders1, or a rule named default beside a forwarding default), naming both", () => {
      const clash = (names: string[], defaultAction: LatticeListenerAction) => {
        const stack = stackWithProvider();
        const listener = derivedService(stack).addListener({ protocol: "HTTPS", defaultAction });
        names.forEach((name, i) =>
          listener.addRule({ name, priority: i + 1, match: { path: PathMatch.prefix(`/${i}`) }, action: LatticeListenerAction.forward(api) }),
        );
        return expectValidationError(() => synthJson(stack), "authPolicy", names[0]);
      };
      expect(clash(["orders-1", "orders1"], LatticeListenerAction.fixedResponse(404)).message).toContain('rule \\"orders1\\"');
      expect(clash(["default"], LatticeListenerAction.forward(api)).message).toContain("the default action of listener");
    });

    test("the service has a TLS_PASSTHROUGH listener, which sees no method or path", () => {
      const stack = stackWithProvider();
      const service = new LatticeService(stack, "Service", {
        name: "db-proxy",
        customDomainName: "db.example.com",
        authPolicyFromRules: { roles: [ROLE] },
      });
      service.addListener({ protocol: "TLS_PASSTHROUGH", defaultAction: LatticeListenerAction.forward(tcp) });
      let caught: unknown;
      try {
        synthJson(stack);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ValidationError);
      expect((caught as ValidationError).prop).toBe("authPolicy");
      expect((caught as ValidationError).message).toContain('listener \\"tls-passthrough-443\\" (TLS_PASSTHROUGH)');
    });
  });
});
