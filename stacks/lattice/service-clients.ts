import { TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { PortRange } from "../../modules/core";
import { FlowPrincipal, FlowRequest, Flows } from "../../modules/flows";
import { AuthPolicy, LatticeService, LatticeTarget, LatticeTargetGroup, LatticeTargetGroupConfig, ServiceNetwork } from "../../modules/lattice";
import { ISecurityGroup, IVpc, Vpc } from "../../modules/vpc";
import { EXAMPLE_ORGANIZATION_ID, OWNER_ACCOUNT } from "../example-values";

/** An HTTP 8080 target group of IP targets (tasks, pods, instances by address), keyed by target name, whose targets' group it opens to VPC Lattice. */
export function httpIpTargets(
  scope: Construct,
  id: string,
  props: { name: string; vpc: IVpc; healthCheckPath: string; ips: Record<string, string>; securityGroup: ISecurityGroup },
): LatticeTargetGroup {
  return new LatticeTargetGroup(scope, id, {
    name: props.name,
    config: LatticeTargetGroupConfig.ipAddresses({ vpc: props.vpc, protocol: "HTTP", port: 8080, healthCheck: { path: props.healthCheckPath } }),
    securityGroups: [props.securityGroup],
    targets: Object.fromEntries(Object.entries(props.ips).map(([key, ip]) => [key, LatticeTarget.ipAddress(ip)])),
  });
}

/** Signed requests from principals of the organization, coming from the client VPC. */
export function clientVpcCallers(clientVpc: IVpc): AuthPolicy {
  return new AuthPolicy().allow({ sid: "ClientVpc", organizationId: EXAMPLE_ORGANIZATION_ID, sourceVpcs: [clientVpc] });
}

export interface ServiceClientsProps {
  /** Name of the service network. */
  readonly name: string;
  /** The VPC whose workloads call the services. */
  readonly clientVpc: IVpc;
  /** The services, keyed by a stable name (association address and output name). */
  readonly services: { readonly [key: string]: LatticeService };
  /** Listener ports the clients' security group opens. */
  readonly ports: readonly PortRange[];
  /** @default clientVpcCallers(clientVpc) */
  readonly authPolicy?: AuthPolicy;
}

/**
 * A service is only reachable through a service network: the LS and TG
 * stacks put their services in one, associate the client VPC (a separate VPC
 * from the targets', as in practice) and output what clients call.
 */
export function serveToClientVpc(scope: Construct, props: ServiceClientsProps): ServiceNetwork {
  const network = new ServiceNetwork(scope, "ServiceNetwork", {
    name: props.name,
    authPolicy: props.authPolicy ?? clientVpcCallers(props.clientVpc),
  });
  network.associateVpc("clients", { vpc: props.clientVpc, ports: props.ports });
  for (const [key, service] of Object.entries(props.services)) {
    network.associateService(key, service);
    new TerraformOutput(scope, `${key}_dns_name`, {
      value: service.customDomainName ?? service.dnsName,
      description: `What clients call to reach ${key}`,
    });
  }
  new TerraformOutput(scope, "service_network_arn", { value: network.serviceNetworkArn });
  return network;
}

/** A role of the owner account in the example organization: who signs the requests the use cases are about. */
export function organizationRole(name: string): FlowPrincipal {
  return { arn: `arn:aws:iam::${OWNER_ACCOUNT}:role/${name}`, organizationId: EXAMPLE_ORGANIZATION_ID };
}

/** What {@link denyOutsiders} proves shut. */
export interface OutsidersProps {
  /** The service clients call (by its custom domain, else its generated name). */
  readonly service: LatticeService;
  /** The associated client VPC. */
  readonly clientVpc: Vpc;
  /** A request the service routes, so that only the refusal under test can deny it. */
  readonly request: FlowRequest;
  /** A VPC of the stack that is not associated with the service network (the targets'). @default - none */
  readonly unassociatedVpc?: Vpc;
}

/**
 * The denied flows every service of the LS and TG stacks proves: an unsigned
 * request from the client VPC, the internet, a port the association does not
 * open, and a VPC of the stack that is not associated (even with the
 * generated name, which public DNS answers).
 */
export function denyOutsiders(stack: TerraformStack, props: OutsidersProps): void {
  const dnsName = props.service.customDomainName ?? props.service.dnsName;
  const flows = Flows.of(stack)
    .deny("unsigned-request-is-refused", {
      from: { vpc: props.clientVpc, principal: { anonymous: true } },
      to: { dnsName, request: props.request },
      reason: "aws:PrincipalType",
      description: "Every request must be SigV4-signed",
    })
    .deny("internet-has-no-way-in", { from: { internet: true }, to: { dnsName }, reason: "nothing in this stack is reachable from the internet" })
    .deny("port-80-is-closed", {
      from: { vpc: props.clientVpc, principal: organizationRole("any-caller") },
      to: { dnsName, port: 80, request: props.request },
      reason: "on tcp 80",
      description: "The association admits the listener port only",
    });
  if (props.unassociatedVpc !== undefined) {
    // By the generated name, which resolves everywhere: only the association is missing.
    flows.deny("target-vpc-is-not-a-client", {
      from: { vpc: props.unassociatedVpc, principal: organizationRole("any-caller") },
      to: { dnsName: props.service.dnsName, request: props.request },
      reason: "neither associated with a service network",
      description: "Only associated VPCs reach the service network",
    });
  }
}
