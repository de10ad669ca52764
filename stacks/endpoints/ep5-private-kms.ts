import { TerraformOutput } from "cdktf";
import { PrivateAwsServiceAccess, ServiceAccessPresets } from "../../modules/endpoints";
import { exampleStack } from "../example-stack";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc, OWNER_ACCOUNT } from "../example-values";

/**
 * EP-5: applications encrypt and decrypt with one customer managed key
 * through a KMS interface endpoint; the endpoint policy admits only
 * cryptographic operations on that key, for principals of the organization.
 */
export const ep5PrivateKms = exampleStack("ep5-private-kms", ["EP-5"], (stack) => {
  const vpc = exampleVpc(stack, "Vpc", "ep5-app", "10.0.0.0/16");
  const access = new PrivateAwsServiceAccess(stack, "KmsAccess", {
    vpc,
    services: ServiceAccessPresets.kms([`arn:aws:kms:us-east-1:${OWNER_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`], {
      organizationId: EXAMPLE_ORGANIZATION_ID,
    }),
  });
  new TerraformOutput(stack, "kms_endpoint_id", { value: access.interfaceEndpoints.kms.vpcEndpointId });
  new TerraformOutput(stack, "kms_endpoint_dns_name", { value: access.interfaceEndpoints.kms.dnsEntries.get(0).dnsName });
});
