import { TerraformStack } from "cdktf";
import {
  AuthPolicy,
  AuthPolicyGrant,
  HeaderMatch,
  ILatticeService,
  ILatticeTargetGroup,
  IResourceConfiguration,
  LatticeListener,
  LatticeListenerProps,
  LatticeListenerAction,
  LatticeListenerOptions,
  LatticeService,
  LatticeTarget,
  LatticeTargetGroup,
  LatticeTargetGroupConfig,
  LatticeTargetGroupHealthCheck,
  PathMatch,
  ServiceNetwork,
  TrafficSplit,
  WeightedTargetGroup,
} from "../../modules/lattice";
import { IHostedZone, Vpc } from "../../modules/vpc";
import { expectValidationError, stackWithProvider, synthJson } from "../helpers";
import { fakeService } from "./helpers";

/**
 * Wrong values a JavaScript caller (or `as any`) can hand the published API:
 * each gets a ValidationError naming the prop, never a TypeError or a value
 * Terraform or AWS refuses later.
 */

const ORG_ONLY = new AuthPolicy().allow({ organizationId: "o-abcdefghij" });

function group(n: number): ILatticeTargetGroup {
  const id = `tg-0123456789abcd${String(n).padStart(3, "0")}`;
  return { targetGroupId: id, targetGroupArn: `arn:aws:vpc-lattice:us-east-1:111111111111:targetgroup/${id}`, type: "IP", protocol: "HTTP" };
}
const network = (stack: TerraformStack) => new ServiceNetwork(stack, "Network", { name: "platform", authPolicy: ORG_ONLY });
const service = (stack: TerraformStack, props: Partial<ConstructorParameters<typeof LatticeService>[2]> = {}) =>
  new LatticeService(stack, "Service", { name: "orders", authPolicy: ORG_ONLY, ...props });
const vpc = (stack: TerraformStack) => Vpc.fromVpcAttributes(stack, "Vpc", { vpcId: "vpc-0123456789abcdef0", cidrBlock: "10.0.0.0/16" });
const ruleWith = (stack: TerraformStack, match: Parameters<LatticeListener["addRule"]>[0]["match"]) =>
  new LatticeListener(stack, "Listener", {
    service: fakeService(),
    protocol: "HTTP",
    defaultAction: LatticeListenerAction.fixedResponse(404),
  }).addRule({
    name: "orders",
    priority: 10,
    match,
    action: LatticeListenerAction.fixedResponse(200),
  });

describe("JavaScript callers", () => {
  test("a string name, weights and literal zone still synthesize (the checks below refuse only wrong types)", () => {
    const stack = stackWithProvider();
    const svc = service(stack, {
      customDomainName: "orders.example.com",
      hostedZone: { zoneId: "Z0123456789ABCDEFGHIJ", zoneName: "example.com" } as IHostedZone,
    });
    svc.addListener({
      protocol: "HTTP",
      defaultAction: LatticeListenerAction.weightedForward([
        { targetGroup: group(1), weight: 90 },
        { targetGroup: group(2), weight: 10 },
      ]),
    });
    network(stack).associateService("orders", svc);
    expect(Object.keys(synthJson(stack).resource.aws_vpclattice_service_network_service_association)).toHaveLength(1);
  });

  describe("fails when", () => {
    test("a resource name is a number (it passed the length and pattern checks, then broke the tags made of it)", () => {
      expectValidationError(
        () => new ServiceNetwork(stackWithProvider(), "Network", { name: 42 as unknown as string, authPolicy: ORG_ONLY }),
        "name",
        "42",
      );
      expectValidationError(() => service(stackWithProvider(), { name: 123 as unknown as string }), "name", "123");
    });

    test("an association name is empty (it keys the Terraform address)", () => {
      const stack = stackWithProvider();
      expectValidationError(() => network(stack).associateVpc("", { vpc: vpc(stack) }), "associateVpc.name", '""');
    });

    test("associateService is given an object whose serviceArn names no service", () => {
      const stack = stackWithProvider();
      const notAService = { serviceArn: group(1).targetGroupArn, serviceId: "tg-0123456789abcd001" } as ILatticeService;
      expectValidationError(() => network(stack).associateService("orders", notAService), "service.serviceArn", "targetgroup");
    });

    test("associateResourceConfiguration is given an object without resourceConfigurationArn (the association would miss its identifier)", () => {
      const stack = stackWithProvider();
      const literal = {
        arn: "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0",
      } as unknown as IResourceConfiguration;
      expectValidationError(
        () => network(stack).associateResourceConfiguration("db", literal),
        "resourceConfiguration.resourceConfigurationArn",
        "undefined",
      );
    });

    test("a LatticeListener is made without its service", () => {
      const props = { protocol: "HTTP", defaultAction: LatticeListenerAction.fixedResponse(404) } as LatticeListenerProps;
      expectValidationError(() => new LatticeListener(stackWithProvider(), "Listener", props), "service", "undefined");
    });

    test("a forward is given an object literal without targetGroupId (the target group rendered without its identifier)", () => {
      const literal = { targetGroupArn: group(1).targetGroupArn, type: "IP" } as unknown as ILatticeTargetGroup;
      const listen = (defaultAction: LatticeListenerAction) => () =>
        new LatticeListener(stackWithProvider(), "Listener", { service: fakeService(), protocol: "HTTP", defaultAction });
      const error = expectValidationError(
        listen(LatticeListenerAction.forward(literal)),
        "defaultAction.targetGroups[0].targetGroup.targetGroupId",
        "undefined",
      );
      expect(error.expected).toContain("LatticeTargetGroup.fromLatticeTargetGroupAttributes(...)");
      expect(listen(LatticeListenerAction.forward(group(1)))).not.toThrow();
    });

    test("a LatticeListener is given a service object literal without serviceId (service_identifier rendered as null)", () => {
      const literal = { serviceArn: fakeService().serviceArn } as ILatticeService;
      const listen = (svc: ILatticeService) => () =>
        new LatticeListener(stackWithProvider(), "Listener", {
          service: svc,
          protocol: "HTTP",
          defaultAction: LatticeListenerAction.fixedResponse(404),
        });
      const error = expectValidationError(listen(literal), "service.serviceId", "undefined");
      expect(error.expected).toContain("LatticeService.fromLatticeServiceAttributes(...)");
      expect(listen(fakeService())).not.toThrow();
    });

    test("customDomainName is null (a TypeError came out of the length check)", () => {
      expectValidationError(() => service(stackWithProvider(), { customDomainName: null as unknown as string }), "customDomainName", "null");
    });

    test("provider is null or an alias string (a TypeError came out of the name check)", () => {
      expectValidationError(() => service(stackWithProvider(), { provider: null as never }), "provider", "null");
      expectValidationError(
        () => new ServiceNetwork(stackWithProvider(), "Network", { name: "platform", authPolicy: ORG_ONLY, provider: "partner" as never }),
        "provider",
        '"partner"',
      );
    });

    test("a weighted target group misspells weight (the group got the default 100 instead of its share)", () => {
      const action = LatticeListenerAction.weightedForward([
        { targetGroup: group(1), weigth: 10 } as WeightedTargetGroup,
        { targetGroup: group(2), weight: 90 },
      ]);
      const error = expectValidationError(
        () => new LatticeListener(stackWithProvider(), "Listener", { service: fakeService(), protocol: "HTTP", defaultAction: action }),
        "defaultAction.targetGroups[0].weigth",
        "10",
      );
      expect(error.expected).toContain("did you mean weight?");
    });

    test("a traffic split is missing one of its target groups", () => {
      expectValidationError(
        () => TrafficSplit.canary({ candidate: group(2), percentToCandidate: 10 } as Parameters<typeof TrafficSplit.canary>[0]),
        "stable",
        "undefined",
      );
      expectValidationError(
        () => TrafficSplit.blueGreen({ blue: group(1), percentToGreen: 10 } as Parameters<typeof TrafficSplit.blueGreen>[0]),
        "green",
        "undefined",
      );
    });

    test("caseSensitive of a path or header match is not a boolean (Terraform refuses it at plan)", () => {
      expectValidationError(
        () => ruleWith(stackWithProvider(), { path: PathMatch.prefix("/orders", { caseSensitive: "yes" as unknown as boolean }) }),
        "rules.orders.match.path.caseSensitive",
        '"yes"',
      );
      expectValidationError(
        () => ruleWith(stackWithProvider(), { headers: [HeaderMatch.exact("x-canary", "1", { caseSensitive: 1 as unknown as boolean })] }),
        "rules.orders.match.headers[0].caseSensitive",
        "1",
      );
    });

    test("a health-check matcher is a number (a TypeError before)", () => {
      const stack = stackWithProvider();
      expectValidationError(
        () =>
          new LatticeTargetGroup(stack, "Group", {
            name: "orders",
            config: LatticeTargetGroupConfig.ipAddresses({
              vpc: vpc(stack),
              protocol: "HTTP",
              healthCheck: { matcher: 200 } as unknown as LatticeTargetGroupHealthCheck,
            }),
          }),
        "healthCheck.matcher",
        "200",
      );
    });

    test("a literal hosted zone gives its name for its ID (Route 53 would refuse the records at apply)", () => {
      const zone = { zoneId: "example.com", zoneName: "example.com" } as IHostedZone;
      expectValidationError(
        () => service(stackWithProvider(), { customDomainName: "orders.example.com", hostedZone: zone }),
        "hostedZone.zoneId",
        '"example.com"',
      );
    });

    test("an organizationId is a list", () => {
      const policy = new AuthPolicy().allow({ organizationId: ["o-abcdefghij"] } as unknown as AuthPolicyGrant);
      expectValidationError(
        () => service(stackWithProvider(), { authPolicy: policy }),
        "authPolicy.statements[0].organizationId",
        '["o-abcdefghij"]',
      );
    });

    test("a listener's rules is one rule, not a list (a TypeError before)", () => {
      const rules = { name: "orders", priority: 10, match: { method: "GET" }, action: LatticeListenerAction.fixedResponse(200) };
      expectValidationError(
        () =>
          service(stackWithProvider()).addListener({
            protocol: "HTTP",
            defaultAction: LatticeListenerAction.fixedResponse(404),
            rules,
          } as unknown as LatticeListenerOptions),
        "rules",
        '"orders"',
      );
    });

    test("an association's dependsOn is a single value (a string was spread into its characters)", () => {
      const stack = stackWithProvider();
      expectValidationError(
        () => network(stack).associateVpc("clients", { vpc: vpc(stack), dependsOn: "aws_ram_resource_share_accepter.share" as unknown as [] }),
        "dependsOn",
        '"aws_ram_resource_share_accepter.share"',
      );
    });

    test("a target name is a number or empty (it keys the attachment's Terraform address)", () => {
      const stack = stackWithProvider();
      const group = new LatticeTargetGroup(stack, "Group", {
        name: "orders",
        config: LatticeTargetGroupConfig.ipAddresses({ vpc: vpc(stack), protocol: "HTTP" }),
      });
      expectValidationError(() => group.addTarget(5 as unknown as string, LatticeTarget.ipAddress("10.0.0.5")), "targets", "5");
      expectValidationError(() => group.addTarget("", LatticeTarget.ipAddress("10.0.0.5")), "targets", '""');
    });
  });
});
