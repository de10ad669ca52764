import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { PortRange } from "../../modules/core";
import { AuthPolicy, LatticeService, LatticeTarget, LatticeTargetGroup, ServiceNetwork } from "../../modules/lattice";
import { IVpc } from "../../modules/vpc";
import { EXAMPLE_ORGANIZATION_ID } from "../example-values";

/** An HTTP 8080 target group of IP targets (tasks, pods, instances by address), keyed by target name. */
export function httpIpTargets(scope: Construct, id: string, props: { name: string; vpc: IVpc; healthCheckPath: string; ips: Record<string, string> }): LatticeTargetGroup {
  return new LatticeTargetGroup(scope, id, {
    name: props.name,
    type: "IP",
    vpc: props.vpc,
    protocol: "HTTP",
    port: 8080,
    healthCheck: { path: props.healthCheckPath },
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
  const network = new ServiceNetwork(scope, "ServiceNetwork", { name: props.name, authPolicy: props.authPolicy ?? clientVpcCallers(props.clientVpc) });
  network.associateVpc("clients", { vpc: props.clientVpc, ports: props.ports });
  for (const [key, service] of Object.entries(props.services)) {
    network.associateService(key, service);
    new TerraformOutput(scope, `${key}_dns_name`, { value: service.customDomainName ?? service.dnsName, description: `What clients call to reach ${key}` });
  }
  new TerraformOutput(scope, "service_network_arn", { value: network.serviceNetworkArn });
  return network;
}
