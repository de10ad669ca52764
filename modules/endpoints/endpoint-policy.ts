import { IConstruct } from "constructs";
import { checkPredicate, isOrganizationId, PolicyConditions, PolicyDocument, PolicyPrincipal, PolicyStatement } from "../core";

/** AWS rejects endpoint policies longer than this. */
export const ENDPOINT_POLICY_MAX_CHARACTERS = 20480;

/** Who a preset lets through the endpoint. */
export interface EndpointPolicyPrincipals {
  /**
   * Only principals of this AWS organization (`aws:PrincipalOrgID`), so that
   * stolen credentials of another account cannot use the endpoint to
   * exfiltrate data.
   * @default - no organization condition
   */
  readonly organizationId?: string;
  /**
   * Only these principals.
   * @default - any principal (narrowed by `organizationId` when given)
   */
  readonly principals?: readonly PolicyPrincipal[];
}

/** What an endpoint's policy does once rendered; what `render` checks depends on the endpoint. */
interface PolicyRendering {
  readonly allowAll: boolean;
  readonly document?: PolicyDocument;
  readonly organizationId?: string;
}

/**
 * The policy of a VPC endpoint to an AWS service: what may be done through
 * the endpoint. There is deliberately no default: AWS's default allows
 * everything, so it is only used when asked for by name with
 * {@link EndpointPolicy.allowAll}.
 */
export class EndpointPolicy {
  /** AWS's default policy (full access through the endpoint), by explicit choice. */
  public static allowAll(): EndpointPolicy {
    return new EndpointPolicy({ allowAll: true });
  }

  /** Any action on any resource, but only for principals of one organization. */
  public static organizationOnly(organizationId: string): EndpointPolicy {
    return EndpointPolicy.preset([{ sid: "OrganizationPrincipalsOnly", actions: ["*"] }], { organizationId });
  }

  /** Object reads and writes on the listed S3 buckets only. */
  public static s3Buckets(bucketNames: readonly string[], options: EndpointPolicyPrincipals & { readonly readOnly?: boolean } = {}): EndpointPolicy {
    const objectActions = options.readOnly === true ? ["s3:GetObject"] : ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"];
    return EndpointPolicy.preset(
      [
        { sid: "ListListedBuckets", actions: ["s3:ListBucket", "s3:GetBucketLocation"], resources: bucketNames.map((b) => `arn:aws:s3:::${b}`) },
        { sid: "ObjectsOfListedBuckets", actions: objectActions, resources: bucketNames.map((b) => `arn:aws:s3:::${b}/*`) },
      ],
      options,
    );
  }

  /** Item reads and writes on the listed DynamoDB tables (and their indexes) only. */
  public static dynamoDbTables(tableArns: readonly string[], options: EndpointPolicyPrincipals & { readonly readOnly?: boolean } = {}): EndpointPolicy {
    const reads = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"];
    const writes = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"];
    return EndpointPolicy.preset(
      [
        {
          sid: "ListedTables",
          actions: options.readOnly === true ? reads : [...reads, ...writes],
          resources: tableArns.flatMap((arn) => [arn, `${arn}/index/*`]),
        },
      ],
      options,
    );
  }

  /**
   * Image pulls from ECR (for the `ecr.api` and `ecr.dkr` endpoints): an
   * authorization token, then manifests and layers of the listed
   * repositories.
   */
  public static ecrPull(repositoryArns: readonly string[], options: EndpointPolicyPrincipals = {}): EndpointPolicy {
    return EndpointPolicy.preset(
      [
        { sid: "AuthorizationToken", actions: ["ecr:GetAuthorizationToken"] },
        {
          sid: "PullListedRepositories",
          actions: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
          resources: repositoryArns,
        },
      ],
      options,
    );
  }

  /**
   * For the S3 gateway endpoint of an ECR pull: ECR serves image layers from
   * the AWS-owned `prod-<region>-starport-layer-bucket` bucket, so a private
   * pull fails without this read. Conditions on principals do not apply (the
   * caller is the ECR service's presigned URL), hence no options.
   */
  public static ecrImageLayers(region: string): EndpointPolicy {
    return EndpointPolicy.preset([
      { sid: "EcrImageLayers", actions: ["s3:GetObject"], resources: [`arn:aws:s3:::prod-${region}-starport-layer-bucket/*`] },
    ]);
  }

  /**
   * Read-only use of one service through the endpoint: its `Describe*`,
   * `Get*` and `List*` actions (plus `Decrypt` for KMS), on the given
   * resources.
   */
  public static readOnly(iamPrefix: string, options: EndpointPolicyPrincipals & { readonly resources?: readonly string[] } = {}): EndpointPolicy {
    const actions = ["Describe*", "Get*", "List*", ...(iamPrefix === "kms" ? ["Decrypt"] : [])].map((a) => `${iamPrefix}:${a}`);
    return EndpointPolicy.preset([{ sid: "ReadOnly", actions, resources: options.resources }], options);
  }

  /** Your own statements; each needs a principal (endpoint policies are resource policies). */
  public static fromStatements(...statements: PolicyStatement[]): EndpointPolicy {
    return new EndpointPolicy({ allowAll: false, document: new PolicyDocument(statements) });
  }

  private static preset(
    statements: readonly { readonly sid: string; readonly actions: readonly string[]; readonly resources?: readonly string[] }[],
    options: EndpointPolicyPrincipals = {},
  ): EndpointPolicy {
    const conditions: PolicyConditions | undefined =
      options.organizationId === undefined ? undefined : { StringEquals: { "aws:PrincipalOrgID": options.organizationId } };
    const principals = options.principals ?? [PolicyPrincipal.anyone()];
    const document = new PolicyDocument(statements.map((s) => new PolicyStatement({ ...s, principals, conditions })));
    return new EndpointPolicy({ allowAll: false, document, organizationId: options.organizationId });
  }

  private constructor(private readonly rendering: PolicyRendering) {}

  /** True for {@link EndpointPolicy.allowAll}. */
  public get isAllowAll(): boolean {
    return this.rendering.allowAll;
  }

  /**
   * The policy JSON for `aws_vpc_endpoint.policy`, validated: a principal in
   * every statement, at most 20,480 characters. Undefined for allow-all, so
   * that Terraform leaves AWS's default in place.
   */
  public render(scope: IConstruct, prop: string): string | undefined {
    checkPredicate(scope, `${prop}.organizationId`, this.rendering.organizationId, isOrganizationId, "an AWS organization ID such as o-a1b2c3d4e5");
    return this.rendering.document?.render(scope, prop, { requirePrincipal: true, maxCharacters: ENDPOINT_POLICY_MAX_CHARACTERS });
  }
}
