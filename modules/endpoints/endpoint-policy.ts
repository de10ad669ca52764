import { IConstruct } from "constructs";
import {
  AWS_LIMITS,
  checkPredicate,
  isOrganizationId,
  isUnresolved,
  partitionOfRegion,
  policyAttribute,
  PolicyConditions,
  PolicyDocument,
  PolicyPrincipal,
  PolicyStatement,
} from "../core";

/** Who a preset lets through the endpoint. */
export interface EndpointPolicyPrincipals {
  /**
   * Only principals of this AWS organization (`aws:PrincipalOrgID`), so that
   * credentials of another account cannot use the endpoint to move data out.
   * @default - no organization condition
   */
  readonly organizationId?: string;
  /**
   * Only these principals.
   * @default - any principal (narrowed by `organizationId` when given)
   */
  readonly principals?: readonly PolicyPrincipal[];
}

/** Options of the presets that can drop write actions. */
export interface ResourceAccessOptions extends EndpointPolicyPrincipals {
  /** Only the read actions. @default false */
  readonly readOnly?: boolean;
}

/** Options of {@link EndpointPolicy.s3Buckets}. */
export interface S3BucketsOptions extends ResourceAccessOptions {
  /**
   * Also let the VPC's instances download from the AWS-owned buckets they
   * need to run: the Amazon Linux 2023 and Amazon Linux 2 package
   * repositories, SSM Agent, Patch Manager's baselines and the CloudWatch
   * agent (`s3:GetObject` only, for any caller: dnf does not sign its
   * requests). A gateway endpoint carries every S3 request of the route
   * tables it is in, so without them package installs and agent updates
   * fail. Turn off for VPCs without instances.
   * @default true
   */
  readonly awsManagedBuckets?: boolean;
}

interface StatementSpec {
  readonly sid: string;
  readonly actions: readonly string[];
  /** @default ["*"] */
  readonly resources?: readonly string[];
  /**
   * For requests no principal of the organization signs (web identity and
   * SAML federation, unsigned downloads, presigned URLs of AWS services):
   * any caller, narrowed by `conditions` instead of the preset's principals
   * and organization condition.
   * @default false
   */
  readonly anyCaller?: boolean;
  /** The conditions of an `anyCaller` statement. @default - none */
  readonly conditions?: PolicyConditions;
}

/** The endpoint's region, partition and service, for presets whose ARNs, bucket names or statements depend on them. */
interface PolicyContext {
  readonly region: string;
  readonly partition: string;
  /** Short name of the endpoint's AWS service (`sts`, `s3`). @default - unknown */
  readonly service?: string;
}

/**
 * The AWS-owned buckets instances read their software from
 * (`<bucket>/*`), as AWS's data perimeter examples list them: Amazon Linux
 * repositories, SSM Agent and its documents, Patch Manager, the CloudWatch agent.
 */
function awsManagedInstanceBuckets(region: string): string[] {
  return [
    `al2023-repos-${region}-de612dc2`,
    `amazonlinux-2-repos-${region}`,
    `amazon-ssm-${region}`,
    `aws-ssm-${region}`,
    `amazon-ssm-packages-${region}`,
    `aws-ssm-document-attachments-${region}`,
    `aws-ssm-distributor-file-${region}`,
    `aws-windows-downloads-${region}`,
    `${region}-birdwatcher-prod`,
    `patch-baseline-snapshot-${region}`,
    `amazoncloudwatch-agent-${region}`,
  ];
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
    return new EndpointPolicy(undefined, undefined);
  }

  /**
   * Any action on any resource, but only for principals of one organization.
   * On an STS endpoint it also admits `AssumeRoleWithWebIdentity` and
   * `AssumeRoleWithSAML` into the organization's roles (`aws:ResourceOrgID`):
   * those calls (EKS IRSA, SAML federation) are signed by no IAM principal,
   * so `aws:PrincipalOrgID` is absent from them.
   */
  public static organizationOnly(organizationId: string): EndpointPolicy {
    return EndpointPolicy.preset(
      ({ service }) => [
        { sid: "OrganizationPrincipalsOnly", actions: ["*"] },
        ...(service === "sts"
          ? [
              {
                sid: "FederationIntoOrganizationRoles",
                actions: ["sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML"],
                anyCaller: true,
                conditions: { StringEquals: { "aws:ResourceOrgID": organizationId } },
              },
            ]
          : []),
      ],
      { organizationId },
    );
  }

  /**
   * Object reads and writes on the listed S3 buckets only, and (unless
   * `awsManagedBuckets: false`) downloads from the AWS-owned buckets
   * instances need for packages and agents.
   */
  public static s3Buckets(bucketNames: readonly string[], options: S3BucketsOptions = {}): EndpointPolicy {
    const objectActions = options.readOnly === true ? ["s3:GetObject"] : ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"];
    return EndpointPolicy.preset(
      ({ partition, region }) => [
        { sid: "ListedBuckets", actions: ["s3:ListBucket", "s3:GetBucketLocation"], resources: bucketNames.map((b) => `arn:${partition}:s3:::${b}`) },
        { sid: "ObjectsOfListedBuckets", actions: objectActions, resources: bucketNames.map((b) => `arn:${partition}:s3:::${b}/*`) },
        ...(options.awsManagedBuckets === false
          ? []
          : [{ sid: "AwsManagedInstanceSoftware", actions: ["s3:GetObject"], resources: awsManagedInstanceBuckets(region).map((b) => `arn:${partition}:s3:::${b}/*`), anyCaller: true }]),
      ],
      options,
    );
  }

  /** Item reads and writes on the listed DynamoDB tables (and their indexes) only. */
  public static dynamoDbTables(tableArns: readonly string[], options: ResourceAccessOptions = {}): EndpointPolicy {
    const reads = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"];
    const writes = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"];
    return EndpointPolicy.preset(
      () => [{ sid: "ListedTables", actions: options.readOnly === true ? reads : [...reads, ...writes], resources: tableArns.flatMap((arn) => [arn, `${arn}/index/*`]) }],
      options,
    );
  }

  /** Application logging into the listed log groups only: create streams and put events. */
  public static logGroups(logGroupArns: readonly string[], options: EndpointPolicyPrincipals = {}): EndpointPolicy {
    return EndpointPolicy.preset(
      () => [
        {
          sid: "WriteListedLogGroups",
          actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
          resources: logGroupArns.flatMap((arn) => [arn, `${arn}:log-stream:*`]),
        },
      ],
      options,
    );
  }

  /** Cryptographic use of the listed KMS keys only (no key administration). */
  public static kmsKeys(keyArns: readonly string[], options: ResourceAccessOptions = {}): EndpointPolicy {
    const reads = ["kms:Decrypt", "kms:DescribeKey"];
    const writes = ["kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom", "kms:ReEncryptTo"];
    return EndpointPolicy.preset(() => [{ sid: "UseListedKeys", actions: options.readOnly === true ? reads : [...reads, ...writes], resources: keyArns }], options);
  }

  /**
   * Image pulls from ECR (for the `ecr.api` and `ecr.dkr` endpoints): an
   * authorization token, then manifests and layers of the listed
   * repositories.
   */
  public static ecrPull(repositoryArns: readonly string[], options: EndpointPolicyPrincipals = {}): EndpointPolicy {
    return EndpointPolicy.preset(
      () => [
        { sid: "AuthorizationToken", actions: ["ecr:GetAuthorizationToken"] },
        { sid: "PullListedRepositories", actions: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"], resources: repositoryArns },
      ],
      options,
    );
  }

  /**
   * For the S3 endpoint of an ECR pull: ECR serves image layers from the
   * AWS-owned `prod-<region>-starport-layer-bucket` bucket, so a private pull
   * fails without this read. The layers come through URLs ECR presigns, so
   * the read is open to any caller whatever `organizationId` says. Add your
   * own buckets with `bucketNames`.
   */
  public static ecrImageLayers(options: EndpointPolicyPrincipals & { readonly bucketNames?: readonly string[] } = {}): EndpointPolicy {
    return EndpointPolicy.preset(
      ({ region, partition }) => [
        { sid: "EcrImageLayers", actions: ["s3:GetObject"], resources: [`arn:${partition}:s3:::prod-${region}-starport-layer-bucket/*`], anyCaller: true },
        ...(options.bucketNames ?? []).map((bucket, i) => ({
          sid: `ListedBucket${i}`,
          actions: ["s3:ListBucket", "s3:GetObject", "s3:PutObject"],
          resources: [`arn:${partition}:s3:::${bucket}`, `arn:${partition}:s3:::${bucket}/*`],
        })),
      ],
      options,
    );
  }

  /**
   * Read-only use of one service through the endpoint: its `Describe*`,
   * `Get*` and `List*` actions, on the given resources.
   */
  public static readOnly(iamPrefix: string, options: EndpointPolicyPrincipals & { readonly resources?: readonly string[] } = {}): EndpointPolicy {
    const actions = ["Describe*", "Get*", "List*"].map((a) => `${iamPrefix}:${a}`);
    return EndpointPolicy.preset(() => [{ sid: "ReadOnly", actions, resources: options.resources }], options);
  }

  /** Your own statements; each needs a principal (endpoint policies are resource policies). */
  public static fromStatements(...statements: PolicyStatement[]): EndpointPolicy {
    return new EndpointPolicy(() => new PolicyDocument(statements), undefined);
  }

  private static preset(statementsOf: (context: PolicyContext) => readonly StatementSpec[], options: EndpointPolicyPrincipals = {}): EndpointPolicy {
    const conditions: PolicyConditions | undefined =
      options.organizationId === undefined ? undefined : { StringEquals: { "aws:PrincipalOrgID": options.organizationId } };
    const principals = options.principals ?? [PolicyPrincipal.anyone()];
    return new EndpointPolicy(
      (context) =>
        new PolicyDocument(
          statementsOf(context).map(({ anyCaller, conditions: own, ...s }) =>
            anyCaller === true ? new PolicyStatement({ ...s, principals: [PolicyPrincipal.anyone()], conditions: own }) : new PolicyStatement({ ...s, principals, conditions }),
          ),
        ),
      options.organizationId,
    );
  }

  private constructor(
    /** Undefined for allow-all. */
    private readonly documentOf: ((context: PolicyContext) => PolicyDocument) | undefined,
    private readonly organizationId: string | undefined,
  ) {}

  /** True for {@link EndpointPolicy.allowAll}. */
  public get isAllowAll(): boolean {
    return this.documentOf === undefined;
  }

  /**
   * The policy JSON for `aws_vpc_endpoint.policy` in a region, validated: a
   * principal in every statement, at most 20,480 characters. Undefined for
   * allow-all, so that AWS's default stays in place. `service` is the short
   * name of the endpoint's AWS service (`sts`): some presets add the
   * statements that service needs.
   */
  public render(scope: IConstruct, prop: string, region: string, service?: string): string | undefined {
    checkPredicate(scope, `${prop}.organizationId`, this.organizationId, isOrganizationId, "an AWS organization ID such as o-a1b2c3d4e5");
    const partition = isUnresolved(region) ? "aws" : partitionOfRegion(region);
    return policyAttribute(this.documentOf?.({ region, partition, service }).render(scope, prop, { requirePrincipal: true, maxCharacters: AWS_LIMITS.endpointPolicyCharacters }));
  }
}
