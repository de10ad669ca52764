import { exportEndpointOutputs, PrivateAwsServiceAccess, ServiceAccessPresets } from "../../modules/endpoints";
import { Flows } from "../../modules/flows";
import { exampleStack } from "../example-stack";
import { EXAMPLE_ORGANIZATION_ID, exampleVpc, OWNER_ACCOUNT } from "../example-values";

const APP = { arn: `arn:aws:iam::${OWNER_ACCOUNT}:role/orders-app`, organizationId: EXAMPLE_ORGANIZATION_ID };
/** Credentials of an account outside the organization, brought into the VPC. */
const FOREIGN = "arn:aws:iam::999999999999:role/collector";
const KEY = `arn:aws:kms:us-east-1:${OWNER_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/**
 * EP-5: applications encrypt and decrypt with one customer managed key
 * through a KMS interface endpoint; the endpoint policy admits only
 * cryptographic operations on that key, for principals of the organization.
 */
export const ep5PrivateKms = exampleStack("ep5-private-kms", ["EP-5"], (stack) => {
  const vpc = exampleVpc(stack, "Vpc", "ep5-app", "10.0.0.0/16");
  const access = new PrivateAwsServiceAccess(stack, "KmsAccess", {
    vpc,
    services: ServiceAccessPresets.kms([KEY], {
      organizationId: EXAMPLE_ORGANIZATION_ID,
    }),
  });
  exportEndpointOutputs(stack, "endpoints", access);

  const kms = "kms.us-east-1.amazonaws.com";
  Flows.of(stack)
    .allow("app-encrypts-with-its-key", {
      from: { vpc, principal: APP },
      to: { dnsName: kms, request: { action: "kms:GenerateDataKey", resource: KEY } },
      description: "the SDK's default name resolves to the endpoint (private DNS)",
    })
    .allow("app-decrypts-with-its-key", {
      from: { vpc, principal: APP },
      to: { dnsName: kms, request: { action: "kms:Decrypt", resource: KEY } },
    })
    .deny("app-uses-another-key", {
      from: { vpc, principal: APP },
      to: {
        dnsName: kms,
        request: { action: "kms:Decrypt", resource: `arn:aws:kms:us-east-1:${OWNER_ACCOUNT}:key/00000000-0000-0000-0000-000000000000` },
      },
      reason: "no Allow statement matches arn:aws:iam::111111111111:role/orders-app (Resource)",
    })
    .deny("app-schedules-key-deletion", {
      from: { vpc, principal: APP },
      to: { dnsName: kms, request: { action: "kms:ScheduleKeyDeletion", resource: KEY } },
      reason: "no Allow statement matches arn:aws:iam::111111111111:role/orders-app (Action)",
      description: "cryptographic use only, no key administration through the endpoint",
    })
    .deny("foreign-credentials-decrypt", {
      from: { vpc, principal: FOREIGN },
      to: { dnsName: kms, request: { action: "kms:Decrypt", resource: KEY } },
      reason: "aws:PrincipalOrgID",
    });
});
