import { StackModel, TfBlock } from "../../model";

/**
 * True when the stack puts resource configurations in the service network
 * and no service: AWS does not apply a service network's auth policy to
 * resource configurations, so the network's auth settings decide nothing.
 */
export function holdsOnlyResourceConfigurations(network: TfBlock, stack: StackModel): boolean {
  const members = (type: string): TfBlock[] => stack.resources(type).filter((a) => stack.refersTo(a.config.service_network_identifier, network));
  return (
    members("aws_vpclattice_service_network_resource_association").length > 0 &&
    members("aws_vpclattice_service_network_service_association").length === 0
  );
}
