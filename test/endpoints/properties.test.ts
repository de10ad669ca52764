import fc from "fast-check";
import { ValidationError } from "../../modules/core";
import { AwsService, EndpointPolicy, InterfaceEndpoint } from "../../modules/endpoints";
import { stackWithProvider } from "../helpers";
import { COMMON_SERVICE_NAMES, ORG, testVpc } from "./helpers";

const NAMES = COMMON_SERVICE_NAMES;
const AZS = ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d"];

describe("endpoint properties", () => {
  test("a service name is always <prefix>.<region>.<short name>, the prefix set by the partition", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NAMES),
        fc.constantFrom("us-east-1", "eu-central-1", "ap-southeast-2", "cn-north-1", "cn-northwest-1", "us-gov-west-1"),
        (name, region) => {
          const serviceName = AwsService.of(name).serviceName(stackWithProvider(), "service", region);
          expect(serviceName).toMatch(new RegExp(`^(cn\\.)?com\\.amazonaws\\.${region}\\.${name.replace(".", "\\.")}$`));
          if (!region.startsWith("cn-")) expect(serviceName.startsWith("com.amazonaws.")).toBe(true);
        },
      ),
    );
  });

  test("subnets are accepted exactly when no AZ repeats and at least two AZs are covered", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...AZS), { maxLength: 5 }), (azs) => {
        const stack = stackWithProvider();
        const subnets = azs.map((az, i) => ({ subnetId: `subnet-0${i}aaaaaaaaaaaaaaa`, availabilityZone: az }));
        const build = () =>
          new InterfaceEndpoint(stack, "Logs", {
            vpc: testVpc(stack),
            subnets,
            service: AwsService.LOGS,
            policy: EndpointPolicy.organizationOnly(ORG),
          });
        const valid = new Set(azs).size === azs.length && azs.length >= 2;
        if (valid) expect(build).not.toThrow();
        else expect(build).toThrow(ValidationError);
      }),
      { numRuns: 60 },
    );
  });
});
