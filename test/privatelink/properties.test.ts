import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import fc from "fast-check";
import { awsReservedAddressRole, cidrContains, ValidationError } from "../../modules/core";
import {
  checkTlsPolicy,
  ELB_TLS_POLICIES,
  EndpointService,
  EndpointServiceLoadBalancer,
  EndpointServicePrincipal,
  ListenerTargets,
  NetworkLoadBalancer,
  NetworkLoadBalancerListener,
} from "../../modules/privatelink";
import { IVpc, Vpc } from "../../modules/vpc";
import { stackWithProvider, stackWithoutProvider } from "../helpers";

const VPC_CIDR = "10.0.0.0/16";
const ON_PREMISES = "192.168.0.0/16";
const NLB_ARN = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/api/0123456789abcdef";
const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2", "cn-north-1", "us-gov-west-1"];

/** A VPC that creates nothing, so that a property runs hundreds of load balancers cheaply; its subnet is in a zone of `region` (the stack's). */
function importedVpc(stack: TerraformStack, region = "us-east-1"): IVpc {
  return Vpc.fromVpcAttributes(stack, "Vpc", {
    vpcId: "vpc-0123456789abcdef0",
    cidrBlock: VPC_CIDR,
    privateSubnets: [{ subnetId: "subnet-0aaaaaaaaaaaaaaaa", availabilityZone: `${region}a` }],
  });
}

function accepted(build: () => unknown): boolean {
  try {
    build();
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return false;
  }
}

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((octets) => octets.join("."));

describe("privatelink properties", () => {
  test("a TLS policy is accepted exactly when it is a known ELB policy whose lowest TLS version is 1.2 or later", () => {
    const known = Object.keys(ELB_TLS_POLICIES);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom(...known),
          fc.string(),
          fc.constantFrom(...known).map((n) => n.toLowerCase()),
        ),
        (policy) => {
          const scope = new Construct(stackWithoutProvider(), "Listener");
          const expected = Object.prototype.hasOwnProperty.call(ELB_TLS_POLICIES, policy) && ELB_TLS_POLICIES[policy] >= "1.2";
          expect(accepted(() => checkTlsPolicy(scope, "sslPolicy", policy))).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  test("an account is one principal however it is written: its ID, or its root ARN in any partition", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{12}$/),
        fc.stringMatching(/^\d{12}$/),
        fc.constantFrom("aws", "aws-cn", "aws-us-gov"),
        fc.boolean(),
        (first, second, partition, rootFirst) => {
          const id = EndpointServicePrincipal.account(first);
          const root = EndpointServicePrincipal.fromArn(`arn:${partition}:iam::${second}:root`);
          const stack = stackWithoutProvider();
          const nlb = NetworkLoadBalancer.fromNetworkLoadBalancerAttributes(stack, "Nlb", { loadBalancerArn: NLB_ARN, listenerPorts: [443] });
          const build = () =>
            new EndpointService(stack, "Service", {
              loadBalancer: EndpointServiceLoadBalancer.existing([nlb]),
              allowedPrincipals: rootFirst ? [root, id] : [id, root],
            });
          expect(accepted(build)).toBe(first !== second);
        },
      ),
      { numRuns: 100 },
    );
  });

  test("an IPv4 target is accepted exactly when it is in the VPC or in a declared range outside it, and never loopback, link-local or an address AWS reserves", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          ipv4,
          ipv4.map((a) => `10.0.${a.split(".").slice(2).join(".")}`),
          ipv4.map((a) => `192.168.${a.split(".").slice(2).join(".")}`),
        ),
        fc.boolean(),
        (address, declared) => {
          const stack = stackWithoutProvider();
          const listener: NetworkLoadBalancerListener = {
            port: 443,
            targets: ListenerTargets.ipAddresses({ port: 443, addresses: { app: address }, outsideVpcRanges: declared ? [ON_PREMISES] : undefined }),
          };
          const build = () => new NetworkLoadBalancer(stack, "Nlb", { vpc: importedVpc(stack), listeners: [listener] });
          const special =
            /^(127\.|169\.254\.|0\.|22[4-9]\.|2[3-5]\d\.)/.test(address) ||
            address === "255.255.255.255" ||
            // The VPC's network, router, DNS, reserved and broadcast addresses (its subnet's block is not given).
            awsReservedAddressRole(VPC_CIDR, address) !== undefined;
          const expected = !special && (cidrContains(VPC_CIDR, address) || (declared && cidrContains(ON_PREMISES, address)));
          expect(accepted(build)).toBe(expected);
        },
      ),
      {
        numRuns: 150,
        // The VPC's reserved addresses every run, not only when the generator happens on them; 10.0.0.4 is the first a target may use.
        examples: [
          ["10.0.0.0", false],
          ["10.0.0.2", true],
          ["10.0.255.255", false],
          ["10.0.0.4", false],
        ],
      },
    );
  });

  test("a health check is accepted exactly when every setting is in AWS's range and the timeout ends before the next check", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 150 }),
        fc.integer({ min: 0, max: 12 }),
        (interval, timeout, threshold) => {
          const stack = stackWithoutProvider();
          const healthCheck = { intervalSeconds: interval, timeoutSeconds: timeout, healthyThreshold: threshold, unhealthyThreshold: threshold };
          const listener: NetworkLoadBalancerListener = {
            port: 443,
            targets: ListenerTargets.instances({ port: 8443, instances: { api: "i-0123456789abcdef0" }, healthCheck }),
          };
          const build = () => new NetworkLoadBalancer(stack, "Nlb", { vpc: importedVpc(stack), listeners: [listener] });
          const expected =
            interval >= 5 && interval <= 300 && timeout >= 2 && timeout <= 120 && threshold >= 2 && threshold <= 10 && timeout < interval;
          expect(accepted(build)).toBe(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  test("a TLS listener's ACM certificate is accepted exactly when it is in the load balancer's region", () => {
    fc.assert(
      fc.property(fc.constantFrom(...REGIONS), fc.constantFrom(...REGIONS), (stackRegion, certificateRegion) => {
        const stack = stackWithProvider(stackRegion);
        const partition = certificateRegion.startsWith("cn-") ? "aws-cn" : certificateRegion.startsWith("us-gov-") ? "aws-us-gov" : "aws";
        const certificateArn = `arn:${partition}:acm:${certificateRegion}:111111111111:certificate/0f6a3a4c-1111-2222-3333-444455556666`;
        const listener: NetworkLoadBalancerListener = {
          port: 443,
          protocol: "TLS",
          certificateArn,
          targets: ListenerTargets.instances({ port: 8443, instances: { api: "i-0123456789abcdef0" } }),
        };
        expect(accepted(() => new NetworkLoadBalancer(stack, "Nlb", { vpc: importedVpc(stack, stackRegion), listeners: [listener] }))).toBe(
          stackRegion === certificateRegion,
        );
      }),
      { numRuns: 60 },
    );
  });
});
