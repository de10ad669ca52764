import { TerraformStack, Token } from "cdktf";
import { AuthPolicy, HeaderMatch, ILatticeTargetGroup, LatticeService, LatticeListenerAction, PathMatch, TrafficSplit } from "../../modules/lattice";
import { expectValidationError, stackWithProvider, synthJson } from "../helpers";

function group(n: number, overrides: Partial<ILatticeTargetGroup> = {}): ILatticeTargetGroup {
  const id = `tg-0123456789abcd${String(n).padStart(3, "0")}`;
  return {
    targetGroupId: id,
    targetGroupArn: `arn:aws:vpc-lattice:us-east-1:111111111111:targetgroup/${id}`,
    type: "IP",
    protocol: "HTTPS",
    protocolVersion: "HTTP1",
    ...overrides,
  };
}
const blue = group(1);
const green = group(2);

/** Synthesizes a service whose HTTPS listener uses `defaultAction` and the given rules; returns listener and rules JSON. */
function synthRouting(
  defaultAction: LatticeListenerAction,
  rules: Parameters<ReturnType<LatticeService["addListener"]>["addRule"]>[0][] = [],
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): { listener: any; rules: any[] } {
  const stack: TerraformStack = stackWithProvider();
  const service = new LatticeService(stack, "Service", { name: "orders", authPolicy: new AuthPolicy().allow({ organizationId: "o-abcdefghij" }) });
  service.addListener({ protocol: "HTTPS", defaultAction, rules });
  const json = synthJson(stack);
  return {
    listener: Object.values(json.resource.aws_vpclattice_listener)[0],
    rules: Object.values(json.resource.aws_vpclattice_listener_rule ?? {}),
  };
}

describe("TrafficSplit", () => {
  test("blue/green shifts a percentage from blue to green", () => {
    const { listener } = synthRouting(TrafficSplit.blueGreen({ blue, green, percentToGreen: 20 }));
    expect(listener.default_action.forward[0].target_groups).toEqual([
      { target_group_identifier: "tg-0123456789abcd001", weight: 80 },
      { target_group_identifier: "tg-0123456789abcd002", weight: 20 },
    ]);
  });

  test("blue/green at 100% keeps blue attached with weight 0 for a fast rollback", () => {
    const { listener } = synthRouting(TrafficSplit.blueGreen({ blue, green, percentToGreen: 100 }));
    expect(listener.default_action.forward[0].target_groups.map((t: { weight: number }) => t.weight)).toEqual([0, 100]);
  });

  test("canary sends a percentage to the candidate", () => {
    const { listener } = synthRouting(TrafficSplit.canary({ stable: blue, candidate: green, percentToCandidate: 5 }));
    expect(listener.default_action.forward[0].target_groups).toEqual([
      { target_group_identifier: "tg-0123456789abcd001", weight: 95 },
      { target_group_identifier: "tg-0123456789abcd002", weight: 5 },
    ]);
  });

  test("header canary routes requests carrying the header to the candidate, the rest to stable", () => {
    const rule = TrafficSplit.headerCanary({
      name: "canary-header",
      priority: 1,
      header: HeaderMatch.exact("x-canary", "true"),
      stable: blue,
      candidate: green,
      path: PathMatch.prefix("/api"),
    });
    const { listener, rules } = synthRouting(LatticeListenerAction.forward(blue), [rule]);
    expect(listener.default_action.forward[0].target_groups).toEqual([{ target_group_identifier: "tg-0123456789abcd001", weight: 100 }]);
    expect(rules[0]).toMatchObject({
      name: "canary-header",
      priority: 1,
      match: { http_match: { header_matches: [{ name: "x-canary", match: { exact: "true" } }], path_match: { match: { prefix: "/api" } } } },
      action: { forward: { target_groups: [{ target_group_identifier: "tg-0123456789abcd002", weight: 100 }] } },
    });
  });

  test("Lambda groups can be split with each other", () => {
    const fnA = group(3, { type: "LAMBDA", protocol: undefined, protocolVersion: undefined });
    const fnB = group(4, { type: "LAMBDA", protocol: undefined, protocolVersion: undefined });
    expect(TrafficSplit.canary({ stable: fnA, candidate: fnB, percentToCandidate: 10 }).targetGroups).toHaveLength(2);
  });

  describe("fails when", () => {
    test("a percentage is out of range or fractional", () => {
      expectValidationError(() => TrafficSplit.blueGreen({ blue, green, percentToGreen: 101 }), "percentToGreen", "101");
      expectValidationError(() => TrafficSplit.blueGreen({ blue, green, percentToGreen: -5 }), "percentToGreen", "-5");
      expectValidationError(() => TrafficSplit.blueGreen({ blue, green, percentToGreen: 12.5 }), "percentToGreen", "12.5");
      expectValidationError(() => TrafficSplit.canary({ stable: blue, candidate: green, percentToCandidate: 0 }), "percentToCandidate", "0");
      expectValidationError(() => TrafficSplit.canary({ stable: blue, candidate: green, percentToCandidate: 100 }), "percentToCandidate", "100");
      expectValidationError(
        () => TrafficSplit.blueGreen({ blue, green, percentToGreen: Token.asNumber("${var.green_percent}") }),
        "percentToGreen",
        "a Terraform reference",
      );
    });

    test("the target groups use different protocols or protocol versions", () => {
      expectValidationError(
        () => TrafficSplit.blueGreen({ blue, green: group(2, { protocol: "HTTP" }), percentToGreen: 10 }),
        "green.protocol",
        '"HTTP"',
      );
      expectValidationError(
        () => TrafficSplit.canary({ stable: blue, candidate: group(2, { protocolVersion: "GRPC" }), percentToCandidate: 10 }),
        "candidate.protocolVersion",
        '"GRPC"',
      );
    });

    test("Lambda and network targets are mixed", () => {
      const fn = group(3, { type: "LAMBDA", protocol: undefined, protocolVersion: undefined });
      expectValidationError(() => TrafficSplit.blueGreen({ blue, green: fn, percentToGreen: 10 }), "green", "LAMBDA target group");
      expectValidationError(
        () => TrafficSplit.headerCanary({ name: "canary", priority: 1, header: HeaderMatch.exact("x-canary", "1"), stable: fn, candidate: blue }),
        "candidate",
        "IP target group",
      );
    });

    test("both sides are the same target group", () => {
      expectValidationError(() => TrafficSplit.blueGreen({ blue, green: blue, percentToGreen: 10 }), "green", blue.targetGroupArn);
    });

    test("both sides are the same target group made in the app (its ARN known only at apply)", () => {
      const made = group(3, { targetGroupArn: Token.asString({ ref: "tg" }) as string });
      expectValidationError(() => TrafficSplit.blueGreen({ blue: made, green: made, percentToGreen: 10 }), "green", "reference");
    });
  });
});
