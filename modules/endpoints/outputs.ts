import { TerraformOutput } from "../core/cdktf";
import { Construct } from "constructs";
import { checkPattern, isUnresolved, ValidationError } from "../core";
import { Ec2InstanceConnectEndpoint } from "./ec2-instance-connect-endpoint";
import { GatewayEndpoint } from "./gateway-endpoint";
import { InterfaceEndpoint } from "./interface-endpoint";
import { ResourceEndpoint } from "./resource-endpoint";
import { ServiceNetworkEndpoint } from "./service-network-endpoint";

/** One value an endpoint offers as a Terraform output. */
export interface EndpointOutputValue {
  /** The value (known at apply). */
  readonly value: string | string[];
  /** What it is, for the output's description. */
  readonly description: string;
}

/** Something whose IDs, DNS names and ARNs stacks export as outputs. */
export interface IEndpointOutputs {
  /** The values, by output name suffix (`id`, `dns_name`, `service_name` ...). */
  readonly outputValues: Readonly<Record<string, EndpointOutputValue>>;
}

/** An Interface endpoint's ID, regional DNS name, service name, network interfaces and created group. */
export function interfaceOutputValues(endpoint: InterfaceEndpoint): Record<string, EndpointOutputValue> {
  return {
    id: { value: endpoint.vpcEndpointId, description: `ID of the VPC endpoint to ${endpoint.serviceName} (aws:SourceVpce in resource policies)` },
    dns_name: { value: endpoint.dnsEntries.get(0).dnsName, description: "Regional DNS name of the endpoint, answered in every AZ it is in" },
    service_name: { value: endpoint.serviceName, description: "The service the endpoint reaches" },
    network_interface_ids: { value: endpoint.networkInterfaceIds, description: "The endpoint's network interfaces, one per subnet" },
    ...groupOutput(endpoint),
  };
}

/** A Gateway endpoint's ID, service name and prefix list (for security-group egress rules). */
export function gatewayOutputValues(endpoint: GatewayEndpoint): Record<string, EndpointOutputValue> {
  return {
    id: {
      value: endpoint.vpcEndpointId,
      description: `ID of the ${endpoint.service.shortName} gateway endpoint (aws:SourceVpce in resource policies)`,
    },
    service_name: { value: endpoint.resource.serviceName, description: "The service the endpoint routes to" },
    prefix_list_id: {
      value: endpoint.resource.prefixListId,
      description: `Prefix list of ${endpoint.service.shortName}, for security-group egress rules`,
    },
  };
}

/** A Resource or ServiceNetwork endpoint's ID, target ARN and network interfaces. */
function latticeOutputValues(endpoint: ResourceEndpoint | ServiceNetworkEndpoint): Record<string, EndpointOutputValue> {
  const target: Record<string, EndpointOutputValue> =
    endpoint instanceof ResourceEndpoint
      ? {
          resource_configuration_arn: {
            value: endpoint.resource.resourceConfigurationArn,
            description: "The resource configuration the endpoint reaches",
          },
        }
      : { service_network_arn: { value: endpoint.resource.serviceNetworkArn, description: "The service network the endpoint reaches" } };
  return {
    id: { value: endpoint.vpcEndpointId, description: "ID of the VPC endpoint" },
    ...target,
    network_interface_ids: { value: endpoint.networkInterfaceIds, description: "The endpoint's network interfaces, one per subnet" },
    ...groupOutput(endpoint),
  };
}

/** An EC2 Instance Connect Endpoint's ID (for `aws ec2-instance-connect ssh --instance-connect-endpoint-id`), DNS name and created group. */
function instanceConnectOutputValues(endpoint: Ec2InstanceConnectEndpoint): Record<string, EndpointOutputValue> {
  return {
    id: {
      value: endpoint.instanceConnectEndpointId,
      description: "ID of the EC2 Instance Connect Endpoint (aws ec2-instance-connect ssh --instance-connect-endpoint-id)",
    },
    dns_name: { value: endpoint.resource.dnsName, description: "DNS name of the EC2 Instance Connect Endpoint" },
    ...groupOutput(endpoint),
  };
}

function groupOutput(
  endpoint: InterfaceEndpoint | ResourceEndpoint | ServiceNetworkEndpoint | Ec2InstanceConnectEndpoint,
): Record<string, EndpointOutputValue> {
  return endpoint.securityGroup === undefined
    ? {}
    : { security_group_id: { value: endpoint.securityGroup.securityGroupId, description: "The security group created for the endpoint" } };
}

/** What {@link exportEndpointOutputs} takes: an endpoint of this library, or a pattern with outputs. */
export type EndpointOutputSource =
  InterfaceEndpoint | GatewayEndpoint | ResourceEndpoint | ServiceNetworkEndpoint | Ec2InstanceConnectEndpoint | IEndpointOutputs;

/**
 * The outputs users otherwise write by hand, one `TerraformOutput` per
 * value, named `<prefix>_<value>` (`logs_endpoint_id`,
 * `logs_endpoint_dns_name` ...): endpoint IDs (EC2 Instance Connect's too), DNS names, service names,
 * network interfaces, created groups, target ARNs and gateway prefix
 * lists. Stacks own outputs, so call this from the stack (`scope`).
 * Returns the outputs by value name.
 */
export function exportEndpointOutputs(scope: Construct, prefix: string, source: EndpointOutputSource): Record<string, TerraformOutput> {
  checkPattern(scope, "prefix", prefix, /^[A-Za-z_][A-Za-z0-9_-]*$/, "a Terraform output name prefix: a letter or _, then letters, digits, _ and -");
  const values = outputValuesOf(scope, source);
  return Object.fromEntries(
    Object.entries(values).map(([key, { value, description }]) => {
      const name = `${prefix}_${key}`;
      if (scope.node.tryFindChild(name) !== undefined) {
        throw new ValidationError(scope, "prefix", prefix, `a prefix no other output or construct of ${scope.node.path} uses (${name} exists)`);
      }
      return [key, new TerraformOutput(scope, name, { value, description })];
    }),
  );
}

function outputValuesOf(scope: Construct, source: EndpointOutputSource): Readonly<Record<string, EndpointOutputValue>> {
  if (source instanceof InterfaceEndpoint) return interfaceOutputValues(source);
  if (source instanceof GatewayEndpoint) return gatewayOutputValues(source);
  if (source instanceof ResourceEndpoint || source instanceof ServiceNetworkEndpoint) return latticeOutputValues(source);
  if (source instanceof Ec2InstanceConnectEndpoint) return instanceConnectOutputValues(source);
  if (source === null || typeof source !== "object" || !("outputValues" in source) || isUnresolved(source)) {
    throw new ValidationError(
      scope,
      "source",
      source,
      "an endpoint of this library (InterfaceEndpoint, GatewayEndpoint, ResourceEndpoint, ServiceNetworkEndpoint) or a pattern with outputValues",
    );
  }
  return source.outputValues;
}
