import { Construct } from "constructs";
import { DynamodbResourcePolicy } from "@cdktf/provider-aws/lib/dynamodb-resource-policy";
import {
  AWS_LIMITS,
  checkArn,
  checkKnownProps,
  checkString,
  isUnresolved,
  literalAccountOf,
  literalRegionOf,
  parseArn,
  policyAttribute,
  PolicyDocument,
  requireProps,
  ValidationError,
} from "../core";
import { checkEndpointOnlyPolicy, EndpointOnlyPolicyProps, onlyThroughEndpoints } from "./endpoint-only-policy";

/** Props of {@link EndpointOnlyTablePolicy}. */
export interface EndpointOnlyTablePolicyProps extends EndpointOnlyPolicyProps {
  /**
   * The table, by ARN (`arn:aws:dynamodb:us-east-1:111111111111:table/orders`,
   * or a table's `arn` attribute). Its whole resource policy is replaced by
   * this one; it covers the table and its indexes.
   */
  readonly tableArn: string;
}

/**
 * The actions that read or write a table's items (and export them), which
 * the deployment roles keep only through the endpoints: with them Terraform
 * could read the data from outside the VPC.
 */
const ITEM_ACTIONS = [
  "dynamodb:BatchGetItem",
  "dynamodb:BatchWriteItem",
  "dynamodb:ConditionCheckItem",
  "dynamodb:DeleteItem",
  "dynamodb:ExportTableToPointInTime",
  "dynamodb:GetItem",
  "dynamodb:PartiQLDelete",
  "dynamodb:PartiQLInsert",
  "dynamodb:PartiQLSelect",
  "dynamodb:PartiQLUpdate",
  "dynamodb:PutItem",
  "dynamodb:Query",
  "dynamodb:Scan",
  "dynamodb:UpdateItem",
];

/**
 * The table side of private DynamoDB access, as EndpointOnlyBucketPolicy is
 * S3's: a resource policy (`aws_dynamodb_resource_policy`) that denies every
 * request to the table and its indexes that does not come through the given
 * VPC endpoints (`aws:SourceVpce`), except for the exempt roles, and for the
 * deployment roles on everything but the items, so that the pipeline that
 * applies the table and this policy can still read and change them. With
 * the endpoint policy, the data moves only between the VPC and this table:
 * credentials that leave the VPC read nothing from outside it. AWS services
 * that reach the table themselves (global table replication, AWS Backup,
 * a Lambda event source on its stream, exports to S3) come through no
 * endpoint of yours and are denied item access too.
 *
 * Creates: aws_dynamodb_resource_policy.
 */
export class EndpointOnlyTablePolicy extends Construct {
  /** The `aws_dynamodb_resource_policy`, for escape hatches. */
  public readonly resource: DynamodbResourcePolicy;

  constructor(scope: Construct, id: string, props: EndpointOnlyTablePolicyProps) {
    super(scope, id);
    requireProps(this, props, ["tableArn", "endpoints", "deploymentRoleArns"]);
    checkKnownProps(this, props, ENDPOINT_ONLY_TABLE_POLICY_PROPS);
    checkString(this, "tableArn", props.tableArn);
    const { partition, exempt, managers } = checkEndpointOnlyPolicy(this, props, ["dynamodb"], "table");
    checkTableArn(this, props, partition);
    const resources = [props.tableArn, `${props.tableArn}/index/*`];
    const statements = [
      onlyThroughEndpoints("ItemsOnlyThroughVpcEndpoints", props.endpoints, ITEM_ACTIONS, resources, exempt),
      // The table itself (its settings, this policy) stays manageable by the deployment from outside the VPC.
      onlyThroughEndpoints("TableOnlyThroughVpcEndpointsOrDeployment", props.endpoints, ["dynamodb:*"], resources, managers),
    ];
    this.resource = new DynamodbResourcePolicy(this, "Resource", {
      provider: props.provider,
      resourceArn: props.tableArn,
      policy: policyAttribute(
        new PolicyDocument(statements).render(this, "policy", { requirePrincipal: true, maxCharacters: AWS_LIMITS.dynamoDbResourcePolicyCharacters }),
      ),
    });
  }
}

/**
 * A literal table ARN: a table's (not an index's or a stream's), in the
 * partition, region and account of the provider, which makes the policy.
 */
function checkTableArn(scope: Construct, props: EndpointOnlyTablePolicyProps, partition: string): void {
  const tableArn = props.tableArn;
  if (isUnresolved(tableArn)) return;
  const resource = parseArn(tableArn)?.resource ?? "";
  const table = /^table\/([^/]+)\/(index|stream)\//.exec(resource);
  if (table !== null)
    throw new ValidationError(
      scope,
      "tableArn",
      tableArn,
      `the table's ARN (${tableArn.slice(0, tableArn.indexOf(`/${table[2]}/`))}), not its ${table[2]}'s: the policy covers the table and its indexes`,
    );
  checkArn(scope, "tableArn", tableArn, "dynamoDbTable", { partition, region: literalRegionOf(scope, props.provider) });
  const account = literalAccountOf(scope, props.provider);
  const owner = parseArn(tableArn)?.account;
  if (account !== undefined && owner !== account)
    throw new ValidationError(
      scope,
      "tableArn",
      tableArn,
      `a table of account ${account}, the provider's: a table's resource policy is put by its own account (give this construct the provider of account ${owner})`,
    );
}

const ENDPOINT_ONLY_TABLE_POLICY_PROPS: Record<keyof EndpointOnlyTablePolicyProps, true> = {
  tableArn: true,
  endpoints: true,
  deploymentRoleArns: true,
  exemptRoleArns: true,
  partition: true,
  provider: true,
};
