import { Construct } from "constructs";
import { EndpointService, EndpointServiceProps, ListenerTargets, NetworkLoadBalancerOptions } from "../../modules/privatelink";
import { stackWithoutProvider } from "../helpers";
import { Vpc, vpcClientPeers } from "../../modules/vpc";

/** Fixtures of the privatelink tests. */

export const CERTIFICATE_ARN = "arn:aws:acm:us-east-1:111111111111:certificate/0f6a3a4c-1111-2222-3333-444455556666";

export function providerVpc(scope: Construct, id = "Vpc", dualStack = false): Vpc {
  return new Vpc(scope, id, { name: id.toLowerCase(), cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], dualStack });
}

/** A one-listener NLB on TCP 443 to two instances: the simplest valid load balancer. */
export function nlbOptions(vpc: Vpc, overrides: Partial<NetworkLoadBalancerOptions> = {}): NetworkLoadBalancerOptions {
  return {
    vpc,
    listeners: [
      {
        port: 443,
        targets: ListenerTargets.instances({ port: 8443, instances: { "api-a": "i-0123456789abcdef0", "api-b": "i-0123456789abcdef1" } }),
      },
    ],
    ...overrides,
  };
}

/**
 * An endpoint service in a stack without provider, in front of the simplest NLB unless `useDefaultLoadBalancer` is false.
 * Its consumers are elsewhere, so the load balancer names its clients: the VPC's CIDR, the rules the default would make.
 */
export function serviceStack(props: Partial<EndpointServiceProps> = {}, useDefaultLoadBalancer = true) {
  const stack = stackWithoutProvider();
  const vpc = providerVpc(stack);
  const networkLoadBalancer = nlbOptions(vpc, { clients: vpcClientPeers(vpc) });
  const service = new EndpointService(stack, "Service", { ...(useDefaultLoadBalancer ? { networkLoadBalancer } : {}), ...props });
  return { stack, vpc, service };
}
