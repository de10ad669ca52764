import { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { AuthPolicy, LatticeListenerAction, LatticeService, LatticeTarget, LatticeTargetGroup } from "../../modules/lattice";
import { IVpc } from "../../modules/vpc";

/** A service the service-network stacks put in their networks. */
export interface DemoServiceProps {
  /** Service name; the target group is named `<name>-pods`. */
  readonly name: string;
  /** VPC of the targets. */
  readonly vpc: IVpc;
  /** Pod or task IP addresses keyed by a stable name. */
  readonly targets: { readonly [name: string]: string };
  /** Who may call the service, on top of the network's own auth policy. */
  readonly authPolicy: AuthPolicy;
  /** @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * An HTTPS Lattice service in front of IP targets on 8080 with a /health
 * check: the usual shape of a containerized microservice behind VPC Lattice.
 * The service-network stacks differ in how networks are shared and guarded,
 * not in their services, so they build them the same way.
 */
export function demoService(scope: Construct, id: string, props: DemoServiceProps): LatticeService {
  const targetGroup = new LatticeTargetGroup(scope, `${id}Targets`, {
    provider: props.provider,
    name: `${props.name}-pods`,
    type: "IP",
    vpc: props.vpc,
    protocol: "HTTP",
    port: 8080,
    healthCheck: { path: "/health" },
    targets: Object.fromEntries(Object.entries(props.targets).map(([name, ip]) => [name, LatticeTarget.eksPod(ip)])),
  });
  const service = new LatticeService(scope, id, { provider: props.provider, name: props.name, authPolicy: props.authPolicy });
  service.addListener({ protocol: "HTTPS", defaultAction: LatticeListenerAction.forward(targetGroup) });
  return service;
}
