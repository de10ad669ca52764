import fc from "fast-check";
import { Port, PortRange, ValidationError } from "../../modules/core";
import { DnsResourceGroup, ResourceConfiguration, ResourceDefinition, ResourceGateway } from "../../modules/resources";
import { catchValidationError, stackWithProvider } from "../helpers";
import { gatewayStack, ownerVpc } from "./helpers";

const NAME = /^(?!rcfg-)(?!-)(?!.*-$)(?!.*--)[a-z0-9-]{3,40}$/;

/** Disjoint ascending ranges from sorted cut points: each range ends before the next begins. */
const disjointRanges = fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: 2, maxLength: 12 }).map((points) => {
  const sorted = [...points].sort((a, b) => a - b);
  const ranges: PortRange[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push(Port.range(sorted[i], sorted[i + 1]));
  return ranges;
});

function singleOnFreshGateway(props: { ports?: readonly PortRange[]; ip?: string; name?: string }): () => ResourceConfiguration {
  const { stack, gateway } = gatewayStack();
  return () =>
    new ResourceConfiguration(stack, "Config", {
      name: props.name ?? "orders-db",
      resourceGateway: gateway,
      resource: ResourceDefinition.ipAddress(props.ip ?? "10.0.1.5"),
      ports: props.ports ?? [Port.tcp(5432)],
    });
}

describe("resource configuration properties", () => {
  test("disjoint port ranges (1 to 65535) are accepted and synthesized in order; any range overlapping one of them is refused, naming it", () => {
    fc.assert(
      fc.property(disjointRanges, fc.nat(), (ranges, pick) => {
        const config = singleOnFreshGateway({ ports: ranges })();
        expect(config.ports).toEqual(ranges);
        const target = ranges[pick % ranges.length];
        const overlapping = [...ranges, Port.tcp(target.to)];
        const error = catchValidationError(singleOnFreshGateway({ ports: overlapping }));
        expect(error.prop).toBe(`ports[${ranges.length}]`);
      }),
      { numRuns: 40 },
    );
  });

  test("an IPv4 resource is accepted exactly when it is inside the gateway's VPC (10.0.0.0/16): public, loopback, link-local and other private space are refused", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(10, 100, 127, 169, 172, 192, 8, 52, 224),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        (a, b, c, d) => {
          const ip = `${a}.${b}.${c}.${d}`;
          const build = singleOnFreshGateway({ ip });
          if (a === 10 && b === 0) expect(build).not.toThrow();
          else expect(catchValidationError(build).prop).toBe("resource.ipAddress");
        },
      ),
      { numRuns: 80 },
    );
  });

  test("names are accepted exactly when AWS's pattern and 3-40 characters accept them", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9-]{1,44}$/), (name) => {
        const build = singleOnFreshGateway({ name });
        if (NAME.test(name)) expect(build).not.toThrow();
        else expect(catchValidationError(build).prop).toBe("name");
      }),
      { numRuns: 80 },
    );
  });

  test("a DNS member written in any case, with or without the final dot, is the same member", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 19, maxLength: 19 }), fc.boolean(), (upper, dot) => {
        const base = "api.orders.example.com";
        const variant = [...base].map((ch, i) => (upper[i % upper.length] ? ch.toUpperCase() : ch)).join("") + (dot ? "." : "");
        const stack = stackWithProvider();
        const build = () =>
          new DnsResourceGroup(stack, "Apis", {
            name: "apis",
            vpc: ownerVpc(stack),
            members: { first: { domainName: base, ports: [Port.tcp(443)] }, second: { domainName: variant, ports: [Port.tcp(8443)] } },
          });
        expect(catchValidationError(build).prop).toBe("members.second.domainName");
      }),
      { numRuns: 30 },
    );
  });

  test("an imported configuration is accepted exactly when its ID is the one its ARN names", () => {
    const id17 = fc.stringMatching(/^[0-9a-z]{17}$/);
    fc.assert(
      fc.property(id17, id17, (arnId, givenId) => {
        const build = () =>
          ResourceConfiguration.fromResourceConfigurationAttributes(stackWithProvider(), "Shared", {
            resourceConfigurationArn: `arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-${arnId}`,
            resourceConfigurationId: `rcfg-${givenId}`,
          });
        if (arnId === givenId) expect(build().resourceConfigurationId).toBe(`rcfg-${arnId}`);
        else expect(build).toThrow(ValidationError);
      }),
      { numRuns: 40 },
    );
  });

  test("an imported gateway's ID is derived from its ARN", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-z]{17}$/), (id) => {
        const gateway = ResourceGateway.fromResourceGatewayAttributes(stackWithProvider(), "Gateway", {
          resourceGatewayArn: `arn:aws:vpc-lattice:us-east-1:111111111111:resourcegateway/rgw-${id}`,
        });
        expect(gateway.resourceGatewayId).toBe(`rgw-${id}`);
      }),
      { numRuns: 20 },
    );
  });
});
