import { TerraformOutput, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import {
  AuthPolicy,
  ILatticeTargetGroup,
  LatticeListenerAction,
  LatticeService,
  LatticeTarget,
  LatticeTargetGroup,
  LatticeTargetGroupConfig,
} from "../../modules/lattice";
import { IVpc, SecurityGroup } from "../../modules/vpc";

/** The port the demo services' targets listen on. */
export const DEMO_TARGET_PORT = 8080;

/** A service the service-network stacks put in their networks. */
export interface DemoServiceProps {
  /** Service name. */
  readonly name: string;
  /** Where the service forwards every request. */
  readonly targetGroup: ILatticeTargetGroup;
  /** Who may call the service, on top of the network's own auth policy. */
  readonly authPolicy: AuthPolicy;
  /** @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * An HTTPS Lattice service in front of one target group: the usual shape of
 * a microservice behind VPC Lattice. The service-network stacks differ in
 * how networks are shared and guarded, not in their services, so they build
 * them the same way.
 */
export function demoService(scope: Construct, id: string, props: DemoServiceProps): LatticeService {
  const service = new LatticeService(scope, id, { provider: props.provider, name: props.name, authPolicy: props.authPolicy });
  service.addListener({ protocol: "HTTPS", defaultAction: LatticeListenerAction.forward(props.targetGroup) });
  return service;
}

/** Targets of a demo service that Terraform registers. */
export interface DemoIpTargetsProps {
  /** Service name; the target group is named `<name>-pods`. */
  readonly name: string;
  /** VPC of the targets. */
  readonly vpc: IVpc;
  /** Addresses that do not change (an instance's network interface), keyed by a stable name. */
  readonly addresses: { readonly [name: string]: string };
  /** @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * IP targets on 8080 with a /health check, and the security group to attach
 * to them, which admits VPC Lattice's link-local range (targets see VPC
 * Lattice's addresses, never the clients'). Terraform registers them, so
 * they suit addresses that stay put; containers whose addresses change are
 * registered by their orchestrator instead (see `serviceExportTargets`).
 * The group's ID is output as `<name>_targets_security_group_id`.
 */
export function demoIpTargets(scope: Construct, id: string, props: DemoIpTargetsProps): LatticeTargetGroup {
  const securityGroup = new SecurityGroup(scope, `${id}TargetsSecurityGroup`, {
    provider: props.provider,
    vpc: props.vpc,
    description: `Targets of ${props.name}, reached through VPC Lattice`,
  });
  const targetGroup = new LatticeTargetGroup(scope, `${id}Targets`, {
    provider: props.provider,
    name: `${props.name}-pods`,
    config: LatticeTargetGroupConfig.ipAddresses({ vpc: props.vpc, protocol: "HTTP", port: DEMO_TARGET_PORT, healthCheck: { path: "/health" } }),
    // The group opens the targets' security group to VPC Lattice on the traffic and health-check ports.
    securityGroups: [securityGroup],
    targets: Object.fromEntries(Object.entries(props.addresses).map(([name, ip]) => [name, LatticeTarget.ipAddress(ip)])),
  });
  new TerraformOutput(scope, `${outputName(props.name)}_targets_security_group_id`, {
    value: securityGroup.securityGroupId,
    description: `Attach to the targets of ${props.name}`,
  });
  return targetGroup;
}

/** A Terraform output or variable name made of a service name. */
export function outputName(name: string): string {
  return name.replace(/-/g, "_");
}
