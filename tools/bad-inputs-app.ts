import { TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { BackendSettings, PrivateNetworkingStack, PrivateNetworkingStackProps } from "../modules/app";
import type { BadInput } from "./bad-input-catalog";

/**
 * The bad inputs of the app entry point: a PrivateNetworkingStack's own
 * props, its account providers and its backend settings. Each builds a stack
 * of its own beside the catalog's stack (`scope: "app"`), with no backend
 * variables from the machine. Part of the bad-input catalog.
 */

/** A PrivateNetworkingStack named "network" in the app of `stack`, reading no CDKTF_BACKEND* variables. */
function networkStack(stack: TerraformStack, props: Partial<PrivateNetworkingStackProps> = {}, name = "network"): PrivateNetworkingStack {
  return new PrivateNetworkingStack(stack.node.scope as Construct, name, { region: "us-east-1", env: {}, ...props });
}

export const APP_BAD_INPUTS: readonly BadInput[] = [
  {
    module: "app",
    api: "PrivateNetworkingStack",
    cause: "A region given by its console name",
    fix: "Use the region code, such as us-east-1.",
    scope: "app",
    path: "network",
    prop: "region",
    received: '"US East (N. Virginia)"',
    build: (s) => networkStack(s, { region: "US East (N. Virginia)" }),
  },
  {
    module: "app",
    api: "PrivateNetworkingStack",
    cause: "An account ID that is not 12 digits",
    fix: "Use the 12-digit account ID the stack deploys to.",
    scope: "app",
    path: "network",
    prop: "accountId",
    received: '"12345"',
    build: (s) => networkStack(s, { accountId: "12345" }),
  },
  {
    module: "app",
    api: "PrivateNetworkingStack",
    cause: "Two stacks of the app with one name",
    fix: "Give each stack its own name: it names the folder cdktf.out/stacks/<name> and the state.",
    scope: "app",
    // The app rejects the second stack before it exists.
    path: "app",
    prop: "stack name",
    received: '"network"',
    build: (s) => {
      networkStack(s);
      networkStack(s);
    },
  },
  {
    module: "app",
    api: "PrivateNetworkingStack.accountProvider",
    cause: "Two account providers with one alias",
    fix: "Give each account provider its own alias.",
    scope: "app",
    path: "network",
    prop: "accountProvider alias",
    received: '"partner"',
    build: (s) => {
      const stack = networkStack(s);
      stack.accountProvider("partner", "222222222222");
      stack.accountProvider("partner", "333333333333");
    },
  },
  {
    module: "app",
    api: "PrivateNetworkingStack.accountProvider",
    cause: "An account provider in a region of another partition",
    fix: "Keep the stack in one partition; a China or GovCloud region needs a stack (and credentials) of its own.",
    scope: "app",
    path: "network",
    prop: "accountProvider(partner) region",
    received: '"cn-north-1"',
    build: (s) => networkStack(s).accountProvider("partner", "222222222222", { region: "cn-north-1" }),
  },
  {
    module: "app",
    api: "PrivateNetworkingStack",
    cause: "A backend type the library does not know",
    fix: "Use local, s3 or cloud (in the program, CDKTF_BACKEND or the backend context).",
    scope: "app",
    path: "network",
    prop: "backend.type",
    received: '"gcs"',
    build: (s) => networkStack(s, { backend: { type: "gcs" as "s3" } }),
  },
  {
    module: "app",
    api: "PrivateNetworkingStack",
    cause: "The S3 backend without a bucket",
    fix: "Name the state bucket: backend.bucket in the program, CDKTF_BACKEND_S3_BUCKET, or the backend context.",
    scope: "app",
    path: "network",
    prop: "CDKTF_BACKEND_S3_BUCKET (context backend.bucket)",
    received: "undefined",
    build: (s) => networkStack(s, { backend: { type: "s3" } }),
  },
  {
    module: "app",
    api: "PrivateNetworkingStack",
    cause: "An S3 setting while the backend type stays local (or is cloud)",
    fix: 'Set CDKTF_BACKEND=s3 (or backend.type "s3") to keep the state in S3, or remove the setting.',
    scope: "app",
    path: "network",
    prop: "backend.bucket",
    received: '"acme-state"',
    build: (s) => networkStack(s, { backend: { bucket: "acme-state" } }),
  },
  {
    module: "app",
    api: "PrivateNetworkingStack",
    cause: "A backend setting the library does not know (a typo such as dynamoDbTable)",
    fix: "Use the settings the error lists (dynamodbTable, kmsKeyId, ...), in the program, the backend context or their CDKTF_BACKEND_* variables.",
    scope: "app",
    path: "network",
    prop: "backend",
    received: '"dynamoDbTable"',
    build: (s) => networkStack(s, { backend: { type: "s3", bucket: "acme-state", dynamoDbTable: "locks" } as BackendSettings }),
  },
  {
    module: "app",
    api: "PrivateNetworkingStack",
    cause: "An S3 key prefix that starts with / or holds //",
    fix: "Give the prefix without leading, trailing or doubled slashes, such as networking/prod.",
    scope: "app",
    path: "network",
    prop: "backend.keyPrefix",
    received: '"/networking"',
    build: (s) => networkStack(s, { backend: { type: "s3", bucket: "acme-state", keyPrefix: "/networking" } }),
  },
  {
    module: "app",
    api: "PrivateNetworkingStack",
    cause: "A stack name with whitespace or a slash",
    fix: "Name the stack without whitespace or slashes, such as team-network: the name is its folder and state file.",
    scope: "app",
    path: "app",
    prop: "stack name",
    received: '"team/network"',
    build: (s) => networkStack(s, {}, "team/network"),
  },
  {
    module: "app",
    api: "PrivateNetworkingStack",
    cause: "A misspelled CDKTF_BACKEND_ variable (CDKTF_BACKEND_S3_KMS_KEY for CDKTF_BACKEND_S3_KMS_KEY_ID)",
    fix: "Use the variable names the error lists: the state would otherwise go without the KMS key or the lock table.",
    scope: "app",
    path: "network",
    prop: "CDKTF_BACKEND_S3_KMS_KEY",
    received: '"alias/terraform-state"',
    build: (s) =>
      networkStack(s, {
        env: { CDKTF_BACKEND: "s3", CDKTF_BACKEND_S3_BUCKET: "acme-state", CDKTF_BACKEND_S3_KMS_KEY: "alias/terraform-state" },
      }),
  },
  {
    module: "app",
    api: "PrivateNetworkingStack",
    cause: "A state bucket name S3 does not allow (two dots in a row, an IP address, a reserved prefix or suffix)",
    fix: "Name the state bucket as S3 allows, such as acme-terraform-state.",
    scope: "app",
    path: "network",
    prop: "backend.bucket",
    received: '"my..state"',
    build: (s) => networkStack(s, { backend: { type: "s3", bucket: "my..state" } }),
  },
  {
    module: "app",
    api: "PrivateNetworkingStack",
    cause: "A state KMS key that is not a key ID, alias or key ARN (terraform init: Invalid KMS Key ID)",
    fix: "Give the key's ID, alias/<name>, or its key or alias ARN in the stack's partition.",
    scope: "app",
    path: "network",
    prop: "backend.kmsKeyId",
    received: '"my-key"',
    build: (s) => networkStack(s, { backend: { type: "s3", bucket: "acme-state", kmsKeyId: "my-key" } }),
  },
  {
    module: "app",
    api: "PrivateNetworkingStack",
    cause: "A DynamoDB lock table name DynamoDB does not take",
    fix: "Give the lock table's name (3-255 letters, digits, _ . -) or its ARN.",
    scope: "app",
    path: "network",
    prop: "backend.dynamodbTable",
    received: '"my table!"',
    build: (s) => networkStack(s, { backend: { type: "s3", bucket: "acme-state", dynamodbTable: "my table!" } }),
  },
];
