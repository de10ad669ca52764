import { TerraformStack } from "cdktf";
import { AuthPolicy, LatticeListener, LatticeListenerAction, LatticeService, LatticeTargetGroup } from "../modules/lattice";
import type { BadInput } from "./bad-input-catalog";

/**
 * More bad inputs of VPC Lattice service networks, services, listeners, target groups and auth policies: wrong values found by
 * reviewing the published API as users would (stop 24). Part of the
 * bad-input catalog.
 */

const ORG_ONLY = new AuthPolicy().allow({ organizationId: "o-abcdefghij" });
const TCP_GROUP_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:targetgroup/tg-0123456789abcdef0";

const service = (stack: TerraformStack, props: Partial<ConstructorParameters<typeof LatticeService>[2]> = {}) =>
  new LatticeService(stack, "Service", { name: "orders", authPolicy: ORG_ONLY, ...props });
const tcpGroup = (stack: TerraformStack) =>
  LatticeTargetGroup.fromLatticeTargetGroupAttributes(stack, "Tcp", { targetGroupArn: TCP_GROUP_ARN, type: "IP", protocol: "TCP" });
const tlsPassthrough = (stack: TerraformStack) => ({
  protocol: "TLS_PASSTHROUGH" as const,
  defaultAction: LatticeListenerAction.forward(tcpGroup(stack)),
});

export const LATTICE_BAD_INPUTS: readonly BadInput[] = [
  {
    module: "lattice",
    api: "LatticeListener",
    cause: "A TLS_PASSTHROUGH listener made with new LatticeListener on a service without a custom domain",
    fix: "Give the service a customDomainName: a TLS_PASSTHROUGH listener routes on it (SNI).",
    path: "Service",
    prop: "customDomainName",
    received: "undefined",
    build: (s) => new LatticeListener(s, "Listener", { service: service(s), ...tlsPassthrough(s) }),
  },
];
