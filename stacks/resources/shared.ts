import { TerraformOutput, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { ResourceEndpoint } from "../../modules/endpoints";
import { PrivateVpc } from "../../modules/vpc";
import { EXAMPLE_AZS } from "../example-stack";

/** The account that owns the shared resources. */
export const OWNER_ACCOUNT = "111111111111";
/** A partner outside the owner's organization. */
export const PARTNER_ACCOUNT = "222222222222";
/** A trusted account inside the owner's organization. */
export const TRUSTED_ACCOUNT = "333333333333";

/** A private VPC in the example AZs; `id` keys its Terraform addresses. */
export function exampleVpc(scope: Construct, id: string, name: string, cidrBlock: string, provider?: TerraformProvider): PrivateVpc {
  return new PrivateVpc(scope, id, { name, cidrBlock, availabilityZones: EXAMPLE_AZS, provider });
}

/** What a consumer of a Resource endpoint needs: its ID and the DNS names to connect to. */
export function endpointOutputs(scope: Construct, prefix: string, endpoint: ResourceEndpoint): void {
  new TerraformOutput(scope, `${prefix}_endpoint_id`, { value: endpoint.vpcEndpointId });
  new TerraformOutput(scope, `${prefix}_endpoint_dns_entries`, { value: endpoint.resource.dnsEntry, description: "DNS names clients connect to" });
}
