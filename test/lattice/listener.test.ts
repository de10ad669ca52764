import { TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import {
  AuthPolicy,
  HeaderMatch,
  ILatticeTargetGroup,
  LatticeListener,
  LatticeListenerAction,
  LatticeListenerRuleOptions,
  LatticeService,
  LatticeTargetGroup,
  LatticeTargetGroupConfig,
  PathMatch,
} from "../../modules/lattice";
import { Vpc } from "../../modules/vpc";
import { expectValidationError, stackWithProvider, synthJson } from "../helpers";
import { fakeService } from "./helpers";

/** A target group made elsewhere; the ARN's last digits tell groups apart. */
function group(n: number, overrides: Partial<ILatticeTargetGroup> = {}): ILatticeTargetGroup {
  const id = `tg-0123456789abcd${String(n).padStart(3, "0")}`;
  return {
    targetGroupId: id,
    targetGroupArn: `arn:aws:vpc-lattice:us-east-1:111111111111:targetgroup/${id}`,
    type: "IP",
    protocol: "HTTP",
    protocolVersion: "HTTP1",
    ...overrides,
  };
}

function httpListener(stack: TerraformStack = stackWithProvider(), defaultAction = LatticeListenerAction.fixedResponse(404)): LatticeListener {
  return new LatticeListener(stack, "Listener", { service: fakeService(), protocol: "HTTP", defaultAction });
}

function rule(overrides: Partial<LatticeListenerRuleOptions> = {}): LatticeListenerRuleOptions {
  return {
    name: "orders",
    priority: 10,
    match: { path: PathMatch.prefix("/orders") },
    action: LatticeListenerAction.forward(group(1)),
    ...overrides,
  };
}

describe("LatticeListener", () => {
  test("default weighted forward renders every target group with its weight", () => {
    const stack = stackWithProvider();
    httpListener(
      stack,
      LatticeListenerAction.weightedForward([
        { targetGroup: group(1), weight: 90 },
        { targetGroup: group(2), weight: 10 },
      ]),
    );
    const listener = Object.values(synthJson(stack).resource.aws_vpclattice_listener)[0] as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(listener).toMatchObject({ service_identifier: "svc-0123456789abcdef0", protocol: "HTTP", port: 80, name: "http-80" });
    expect(listener.default_action.forward).toEqual([
      {
        target_groups: [
          { target_group_identifier: "tg-0123456789abcd001", weight: 90 },
          { target_group_identifier: "tg-0123456789abcd002", weight: 10 },
        ],
      },
    ]);
  });

  test("rules match path (prefix or exact), up to 5 headers and a method, keyed by rule name", () => {
    const stack = stackWithProvider();
    const listener = httpListener(stack);
    listener.addRule(rule());
    listener.addRule({
      name: "beta-create",
      priority: 5,
      match: {
        path: PathMatch.exact("/orders", { caseSensitive: true }),
        headers: [HeaderMatch.exact("x-beta", "1"), HeaderMatch.prefix("user-agent", "mobile/"), HeaderMatch.contains("cookie", "beta=")],
        method: "POST",
      },
      action: LatticeListenerAction.weightedForward([
        { targetGroup: group(1), weight: 0 },
        { targetGroup: group(2), weight: 100 },
      ]),
    });
    listener.addRule({ name: "admin", priority: 1, match: { path: PathMatch.prefix("/admin") }, action: LatticeListenerAction.fixedResponse(403) });
    expect(listener.rules.map((r) => r.name)).toEqual(["orders", "beta-create", "admin"]);

    const rules = synthJson(stack).resource.aws_vpclattice_listener_rule as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const byName = (name: string) => Object.entries(rules).find(([address]) => address.includes(`Rule-${name}`))![1];
    expect(byName("orders")).toMatchObject({
      name: "orders",
      priority: 10,
      service_identifier: "svc-0123456789abcdef0",
      match: { http_match: { path_match: { case_sensitive: false, match: { prefix: "/orders" } } } },
      action: { forward: { target_groups: [{ target_group_identifier: "tg-0123456789abcd001", weight: 100 }] } },
    });
    expect(byName("orders").listener_identifier).toMatch(/aws_vpclattice_listener\.[A-Za-z0-9_]+\.listener_id/);
    expect(byName("beta-create").match.http_match).toEqual({
      method: "POST",
      path_match: { case_sensitive: true, match: { exact: "/orders" } },
      header_matches: [
        { name: "x-beta", case_sensitive: false, match: { exact: "1" } },
        { name: "user-agent", case_sensitive: false, match: { prefix: "mobile/" } },
        { name: "cookie", case_sensitive: false, match: { contains: "beta=" } },
      ],
    });
    expect(byName("admin").action).toEqual({ fixed_response: { status_code: 403 } });
  });

  test("a TLS_PASSTHROUGH listener forwards to TCP target groups", () => {
    const stack = stackWithProvider();
    new LatticeListener(stack, "Tls", {
      service: fakeService(),
      protocol: "TLS_PASSTHROUGH",
      defaultAction: LatticeListenerAction.forward(group(1, { protocol: "TCP", protocolVersion: undefined })),
    });
    expect(Object.values(synthJson(stack).resource.aws_vpclattice_listener)[0]).toMatchObject({
      name: "tls-passthrough-443",
      protocol: "TLS_PASSTHROUGH",
      port: 443,
    });
  });

  test("warns above the default quota of rules per listener", () => {
    const listener = httpListener();
    for (let i = 1; i <= 11; i++) listener.addRule(rule({ name: `path-${i}`, priority: i, match: { path: PathMatch.prefix(`/p${i}`) } }));
    const warnings = listener.node.metadata.filter((m) => m.type === "@cdktf/warn");
    expect(warnings.map((w) => String(w.data))).toEqual([expect.stringContaining("quota of rules per listener")]);
  });

  describe("fails when", () => {
    test("a rule priority is outside 1-100", () => {
      expectValidationError(() => httpListener().addRule(rule({ priority: 0 })), "rules.orders.priority", "0");
      expectValidationError(() => httpListener().addRule(rule({ priority: 101 })), "rules.orders.priority", "101");
    });

    test("two rules of a listener share a priority", () => {
      const listener = httpListener();
      listener.addRule(rule());
      expectValidationError(() => listener.addRule(rule({ name: "other" })), "rules.other.priority", "10");
    });

    describe("a rule evaluated first matches every request of another (which would never be reached)", () => {
      const fixed = LatticeListenerAction.fixedResponse(403);
      test.each([
        ["a prefix of its path", { path: PathMatch.prefix("/") }, { path: PathMatch.prefix("/api") }],
        ["a prefix ending at a / of its exact path", { path: PathMatch.prefix("/api") }, { path: PathMatch.exact("/api/orders") }],
        [
          "the same prefix, in another case (case-insensitive)",
          { path: PathMatch.prefix("/API") },
          { path: PathMatch.prefix("/api/v1"), method: "GET" },
        ],
        ["its method, on every path", { method: "GET" }, { path: PathMatch.prefix("/api"), method: "GET" }],
        [
          "its path, with any header of its own",
          { path: PathMatch.prefix("/api") },
          { path: PathMatch.prefix("/api"), headers: [HeaderMatch.exact("x-beta", "1")] },
        ],
        ["the same exact path, with a method of its own", { path: PathMatch.exact("/health") }, { path: PathMatch.exact("/health"), method: "GET" }],
      ] as const)("%s, whichever is added first (the error names the rule never reached)", (_, first, second) => {
        const earlier = { name: "earlier", priority: 1, match: first, action: fixed };
        const later = { name: "later", priority: 2, match: second, action: LatticeListenerAction.forward(group(1)) };
        const both = (order: LatticeListenerRuleOptions[]) => () => {
          const listener = httpListener();
          order.forEach((r) => listener.addRule(r));
        };
        const error = expectValidationError(both([earlier, later]), "rules.later.match", "a rule matching");
        expect(error.expected).toContain('rule "earlier" (priority 1');
        expectValidationError(both([later, earlier]), "rules.later.match", "a rule matching");
      });

      test.each([
        [
          "the first rule has a header condition",
          { path: PathMatch.prefix("/"), headers: [HeaderMatch.exact("x-beta", "1")] },
          { path: PathMatch.prefix("/api") },
        ],
        ["the first rule has another method", { path: PathMatch.prefix("/"), method: "POST" }, { path: PathMatch.prefix("/api"), method: "GET" }],
        ["the first rule has a method the other does not", { path: PathMatch.prefix("/"), method: "GET" }, { path: PathMatch.prefix("/api") }],
        ["the prefix ends inside a path segment (/api and /apis)", { path: PathMatch.prefix("/api") }, { path: PathMatch.prefix("/apis") }],
        [
          "the first rule is case-sensitive, the other not",
          { path: PathMatch.prefix("/api", { caseSensitive: true }) },
          { path: PathMatch.prefix("/api/v1") },
        ],
        ["the first rule is exact, the other a prefix", { path: PathMatch.exact("/api") }, { path: PathMatch.prefix("/api") }],
        ["the first rule matches a longer path", { path: PathMatch.prefix("/api/v1") }, { path: PathMatch.prefix("/api") }],
        ["the first rule has a path, the other none", { path: PathMatch.prefix("/"), method: "GET" }, { method: "GET" }],
      ] as const)("but not when %s", (_, first, second) => {
        const listener = httpListener();
        listener.addRule({ name: "earlier", priority: 1, match: first, action: fixed });
        listener.addRule({ name: "later", priority: 2, match: second, action: LatticeListenerAction.forward(group(1)) });
      });
    });

    test("a rule name breaks the AWS pattern or length", () => {
      expectValidationError(() => httpListener().addRule(rule({ name: "ab" })), "rules.ab.name", '"ab"');
      expectValidationError(() => httpListener().addRule(rule({ name: "r".repeat(64) })), `rules.${"r".repeat(64)}.name`, "r".repeat(64));
      expectValidationError(() => httpListener().addRule(rule({ name: "rule-orders" })), "rules.rule-orders.name", '"rule-orders"');
      expectValidationError(() => httpListener().addRule(rule({ name: "Orders" })), "rules.Orders.name", '"Orders"');
    });

    test("a weight is outside 0-999 or every weight is 0", () => {
      const split = (a: number, b: number) =>
        LatticeListenerAction.weightedForward([
          { targetGroup: group(1), weight: a },
          { targetGroup: group(2), weight: b },
        ]);
      expectValidationError(() => httpListener(stackWithProvider(), split(1000, 1)), "defaultAction.targetGroups[0].weight", "1000");
      expectValidationError(() => httpListener(stackWithProvider(), split(-1, 1)), "defaultAction.targetGroups[0].weight", "-1");
      expectValidationError(() => httpListener().addRule(rule({ action: split(0, 0) })), "rules.orders.action.targetGroups", "[0,0]");
    });

    test("a forward has more than 10 target groups, or none", () => {
      const eleven = Array.from({ length: 11 }, (_, i) => ({ targetGroup: group(i), weight: 1 }));
      expect(
        expectValidationError(
          () => httpListener(stackWithProvider(), LatticeListenerAction.weightedForward(eleven)),
          "defaultAction.targetGroups",
          /^\[/,
        ).expected,
      ).toContain("got 11");
      expect(
        expectValidationError(() => httpListener(stackWithProvider(), LatticeListenerAction.weightedForward([])), "defaultAction.targetGroups", "[]")
          .expected,
      ).toContain("got 0");
    });

    test("a forward lists one target group twice", () => {
      const twice = LatticeListenerAction.weightedForward([{ targetGroup: group(1) }, { targetGroup: group(1) }]);
      expectValidationError(() => httpListener(stackWithProvider(), twice), "defaultAction.targetGroups", "tg-0123456789abcd001");
    });

    test("a forward lists one target group made in the app twice (its ARN known only at apply)", () => {
      const stack = stackWithProvider();
      const vpc = Vpc.fromVpcAttributes(stack, "Vpc", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16" });
      const made = new LatticeTargetGroup(stack, "Made", { name: "made", config: LatticeTargetGroupConfig.ipAddresses({ vpc, protocol: "HTTP" }) });
      const twice = LatticeListenerAction.weightedForward([
        { targetGroup: made, weight: 50 },
        { targetGroup: made, weight: 50 },
      ]);
      expectValidationError(() => httpListener(stack, twice), "defaultAction.targetGroups", "test/Made");
    });

    test("a forward, path or header match is given undefined (JavaScript callers)", () => {
      const forward = (action: LatticeListenerAction, prop: string) =>
        expectValidationError(() => httpListener(stackWithProvider(), action), prop, "undefined");
      forward(LatticeListenerAction.forward(undefined as never), "defaultAction.targetGroups[0].targetGroup");
      forward(LatticeListenerAction.weightedForward(undefined as never), "defaultAction.targetGroups");
      forward(LatticeListenerAction.weightedForward([undefined as never]), "defaultAction.targetGroups[0]");
      forward(LatticeListenerAction.weightedForward([{ targetGroup: undefined as never }]), "defaultAction.targetGroups[0].targetGroup");
      expectValidationError(
        () => httpListener().addRule(rule({ match: { headers: [HeaderMatch.exact(undefined as never, "x")] } })),
        "rules.orders.match.headers[0].name",
        "undefined",
      );
      expectValidationError(
        () => httpListener().addRule(rule({ match: { path: PathMatch.prefix(undefined as never) } })),
        "rules.orders.match.path",
        "undefined",
      );
    });

    test("a rule has more than 5 header matches", () => {
      const headers = Array.from({ length: 6 }, (_, i) => HeaderMatch.exact(`x-h${i}`, "1"));
      expect(
        expectValidationError(() => httpListener().addRule(rule({ match: { headers } })), "rules.orders.match.headers", /^\[/).expected,
      ).toContain("got 6");
    });

    test("a path does not start with /", () => {
      expectValidationError(
        () => httpListener().addRule(rule({ match: { path: PathMatch.prefix("orders") } })),
        "rules.orders.match.path",
        '"orders"',
      );
      expectValidationError(() => httpListener().addRule(rule({ match: { path: PathMatch.exact("/a b") } })), "rules.orders.match.path", '"/a b"');
    });

    test("a header match is malformed", () => {
      expectValidationError(
        () => httpListener().addRule(rule({ match: { headers: [HeaderMatch.exact("x beta", "1")] } })),
        "rules.orders.match.headers[0].name",
        '"x beta"',
      );
      expectValidationError(
        () => httpListener().addRule(rule({ match: { headers: [HeaderMatch.exact("x-beta", "")] } })),
        "rules.orders.match.headers[0].value",
        '""',
      );
    });

    test("a rule has no condition or an unknown method", () => {
      expectValidationError(() => httpListener().addRule(rule({ match: {} })), "rules.orders.match", "{}");
      expectValidationError(() => httpListener().addRule(rule({ match: { method: "FETCH" as never } })), "rules.orders.match.method", '"FETCH"');
    });

    test("a TLS_PASSTHROUGH listener gets path or header rules", () => {
      const tcp = group(1, { protocol: "TCP", protocolVersion: undefined });
      const listener = new LatticeListener(stackWithProvider(), "Tls", {
        service: fakeService(),
        protocol: "TLS_PASSTHROUGH",
        defaultAction: LatticeListenerAction.forward(tcp),
      });
      expectValidationError(() => listener.addRule(rule()), "rules.orders", "path prefix /orders");
      expectValidationError(
        () => listener.addRule(rule({ match: { headers: [HeaderMatch.exact("x-beta", "1")] } })),
        "rules.orders",
        "header x-beta",
      );
    });

    test("a TLS_PASSTHROUGH listener answers with a fixed response or forwards to a non-TCP group", () => {
      const tls = (defaultAction: LatticeListenerAction) =>
        new LatticeListener(stackWithProvider(), "Tls", { service: fakeService(), protocol: "TLS_PASSTHROUGH", defaultAction });
      expectValidationError(() => tls(LatticeListenerAction.fixedResponse(404)), "defaultAction", "fixed 404 response");
      expectValidationError(() => tls(LatticeListenerAction.forward(group(1))), "defaultAction.targetGroups[0]", "HTTP target group");
    });

    test("an HTTP listener forwards to a TCP group", () => {
      expectValidationError(
        () => httpListener(stackWithProvider(), LatticeListenerAction.forward(group(1, { protocol: "TCP" }))),
        "defaultAction.targetGroups[0]",
        "TCP target group",
      );
    });

    test("a target group is routed to by a second service", () => {
      const stack = stackWithProvider();
      const shared = group(1);
      new LatticeListener(stack, "First", { service: fakeService(), protocol: "HTTP", defaultAction: LatticeListenerAction.forward(shared) });
      const other = fakeService("arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-0123456789abcdef9");
      const second = new LatticeListener(stack, "Second", {
        service: other,
        protocol: "HTTP",
        defaultAction: LatticeListenerAction.fixedResponse(404),
      });
      expectValidationError(
        () => second.addRule(rule({ action: LatticeListenerAction.forward(shared) })),
        "rules.orders.action.targetGroups[0]",
        "tg-0123456789abcd001",
      );
      // The same service may use it on several listeners.
      expect(
        () =>
          new LatticeListener(stack, "Third", { service: fakeService(), protocol: "HTTPS", defaultAction: LatticeListenerAction.forward(shared) }),
      ).not.toThrow();
    });

    test("two imports of one target group ARN are routed to by two services", () => {
      const stack = stackWithProvider();
      const imported = (id: string) =>
        LatticeTargetGroup.fromLatticeTargetGroupAttributes(stack, id, { targetGroupArn: group(1).targetGroupArn, type: "IP", protocol: "HTTP" });
      new LatticeListener(stack, "First", { service: fakeService(), protocol: "HTTP", defaultAction: LatticeListenerAction.forward(imported("A")) });
      const other = fakeService("arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-0123456789abcdef9");
      expectValidationError(
        () => new LatticeListener(stack, "Second", { service: other, protocol: "HTTP", defaultAction: LatticeListenerAction.forward(imported("B")) }),
        "defaultAction.targetGroups[0]",
        "tg-0123456789abcd001",
      );
    });

    test("two rules of a listener share a name", () => {
      const listener = httpListener();
      listener.addRule(rule());
      expectValidationError(() => listener.addRule(rule({ priority: 11 })), "rules.orders.name", '"orders"');
    });

    test("the protocol is unknown or a path is longer than 200 characters", () => {
      expectValidationError(
        () =>
          new LatticeListener(stackWithProvider(), "L", {
            service: fakeService(),
            protocol: "TCP" as never,
            defaultAction: LatticeListenerAction.fixedResponse(404),
          }),
        "protocol",
        '"TCP"',
      );
      const long = `/${"a".repeat(200)}`;
      expect(
        expectValidationError(() => httpListener().addRule(rule({ match: { path: PathMatch.prefix(long) } })), "rules.orders.match.path", "/aaa")
          .expected,
      ).toContain("(got 201)");
    });

    test("a fixed response status code is not an HTTP status", () => {
      expectValidationError(() => httpListener(stackWithProvider(), LatticeListenerAction.fixedResponse(99)), "defaultAction.statusCode", "99");
    });

    test("a fixed response has no status code (JavaScript callers)", () => {
      const error = expectValidationError(
        () => httpListener(stackWithProvider(), LatticeListenerAction.fixedResponse(undefined as never)),
        "defaultAction.statusCode",
        "undefined",
      );
      expect(error.expected).toContain("HTTP status code");
    });

    test("the listener name or port is invalid", () => {
      const build = (name?: string, port?: number) =>
        new LatticeListener(stackWithProvider(), "L", {
          service: fakeService(),
          protocol: "HTTP",
          name,
          port,
          defaultAction: LatticeListenerAction.fixedResponse(404),
        });
      expectValidationError(() => build("listener-one"), "name", '"listener-one"');
      expectValidationError(() => build(undefined, 70000), "port", "70000");
    });
  });
});

describe("target groups of the listener's region", () => {
  test("fails when a target group is of another region than the service (by its ARN, or by its provider's region): VPC Lattice forwards within one region", () => {
    const stack = stackWithProvider();
    const error = expectValidationError(
      () =>
        httpListener(
          stack,
          LatticeListenerAction.forward(group(1, { targetGroupArn: "arn:aws:vpc-lattice:us-west-2:111111111111:targetgroup/tg-0123456789abcd001" })),
        ),
      "defaultAction.targetGroups[0]",
      "tg-0123456789abcd001",
    );
    expect(error.expected).toContain("a target group of us-east-1, the service's region");
    expect(error.expected).toContain("this one is in us-west-2");
    const west = new AwsProvider(stack, "west", { region: "us-west-2", alias: "west" });
    const vpc = new Vpc(stack, "West", { name: "west", cidrBlock: "10.2.0.0/16", availabilityZones: ["us-west-2a", "us-west-2b"], provider: west });
    const made = new LatticeTargetGroup(stack, "Made", {
      name: "west-orders",
      config: LatticeTargetGroupConfig.ipAddresses({ vpc, protocol: "HTTP", port: 8080 }),
    });
    const service = new LatticeService(stack, "Orders", { name: "orders", authPolicy: new AuthPolicy().allow({ accounts: ["111111111111"] }) });
    expectValidationError(
      () => service.addListener({ protocol: "HTTP", defaultAction: LatticeListenerAction.forward(made) }),
      "defaultAction.targetGroups[0]",
      "test/Made",
    );
  });

  test("a target group of the service's region is forwarded to, whether its region comes from its ARN or its provider", () => {
    const stack = stackWithProvider();
    const vpc = new Vpc(stack, "East", { name: "east", cidrBlock: "10.1.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"] });
    const made = new LatticeTargetGroup(stack, "Made", {
      name: "east-orders",
      config: LatticeTargetGroupConfig.ipAddresses({ vpc, protocol: "HTTP", port: 8080 }),
    });
    const service = new LatticeService(stack, "Orders", { name: "orders", authPolicy: new AuthPolicy().allow({ accounts: ["111111111111"] }) });
    service.addListener({
      protocol: "HTTP",
      defaultAction: LatticeListenerAction.weightedForward([
        { targetGroup: made, weight: 90 },
        { targetGroup: group(1), weight: 10 },
      ]),
    });
    const [listener] = Object.values(synthJson(stack).resource.aws_vpclattice_listener) as { default_action: unknown }[];
    expect(listener.default_action).toEqual({
      forward: [
        {
          target_groups: [
            { target_group_identifier: expect.stringMatching(/^\$\{aws_vpclattice_target_group\.Made_[A-F0-9]+\.id\}$/), weight: 90 },
            { target_group_identifier: "tg-0123456789abcd001", weight: 10 },
          ],
        },
      ],
    });
  });
});

describe("misspelled props", () => {
  test("fails when a prop of LatticeListener is misspelled: a listener without its rules would send every request to the default action", () => {
    const props = { service: fakeService(), protocol: "HTTP", defaultAction: LatticeListenerAction.fixedResponse(404), rule: [rule()] };
    const error = expectValidationError(
      () => new LatticeListener(stackWithProvider(), "Listener", props as unknown as ConstructorParameters<typeof LatticeListener>[2]),
      "rule",
      "orders",
    );
    expect(error.message).toContain("did you mean rules?");
  });

  test("fails when a condition of a rule's match is misspelled: the rule would match every method on the path", () => {
    const match = { path: PathMatch.prefix("/orders"), methd: "DELETE" } as LatticeListenerRuleOptions["match"];
    const error = expectValidationError(() => httpListener().addRule(rule({ match })), "rules.orders.match.methd", "DELETE");
    expect(error.message).toContain("did you mean method?");
  });

  test("fails when a field of a rule is misspelled, given to addRule or in rules", () => {
    const misspelled = { ...rule(), prority: 20 } as LatticeListenerRuleOptions;
    const error = expectValidationError(() => httpListener().addRule(misspelled), "rules.orders.prority", "20");
    expect(error.message).toContain("did you mean priority?");
    expectValidationError(
      () =>
        new LatticeListener(stackWithProvider(), "Listener", {
          service: fakeService(),
          protocol: "HTTP",
          defaultAction: LatticeListenerAction.fixedResponse(404),
          rules: [misspelled],
        }),
      "rules.orders.prority",
      "20",
    );
  });
});
