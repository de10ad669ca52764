import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { ResourceEndpoint } from "../../modules/endpoints";
import { SECOND_ACCOUNT, THIRD_ACCOUNT } from "../example-values";

/** A partner outside the owner's organization. */
export const PARTNER_ACCOUNT = SECOND_ACCOUNT;
/** A trusted account inside the owner's organization. */
export const TRUSTED_ACCOUNT = THIRD_ACCOUNT;

/** What a consumer of a Resource endpoint needs: its ID and the DNS names to connect to. */
export function endpointOutputs(scope: Construct, prefix: string, endpoint: ResourceEndpoint): void {
  new TerraformOutput(scope, `${prefix}_endpoint_id`, { value: endpoint.vpcEndpointId });
  new TerraformOutput(scope, `${prefix}_endpoint_dns_entries`, { value: endpoint.resource.dnsEntry, description: "DNS names clients connect to" });
}
