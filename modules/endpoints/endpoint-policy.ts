import { Annotations } from "../core/cdktf";
import { IConstruct } from "constructs";
import {
  ARN_KINDS,
  ArnKindName,
  AWS_LIMITS,
  BUCKET_NAME_RULES,
  checkArn,
  checkBoolean,
  checkInstance,
  checkKnownProps,
  checkList,
  checkObject,
  checkPattern,
  checkPredicate,
  isAccountId,
  isAccountRootArn,
  isBucketName,
  isOrganizationId,
  isUnresolved,
  OptOut,
  noReasonGiven,
  parseArn,
  optOutReason,
  partitionOfRegion,
  policyAttribute,
  PolicyConditions,
  PolicyDocument,
  PolicyPrincipal,
  PolicyStatement,
  requireValue,
  ValidationError,
  parseArnPattern,
} from "../core";
import { AwsService } from "./aws-service";

/** Who a preset lets through the endpoint. */
export interface EndpointPolicyPrincipals {
  /**
   * Only principals of this AWS organization (`aws:PrincipalOrgID`), so that
   * credentials of another account cannot use the endpoint to move data out.
   * AWS service principals carry no organization ID, so requests they sign
   * through the endpoint (rare: an AWS service acting from your network) are
   * denied on the listed resources; {@link EndpointPolicy.organizationOnly}
   * admits them (`aws:PrincipalIsAWSService`), as AWS's data perimeter
   * policies do.
   * @default - no organization condition
   */
  readonly organizationId?: string;
  /**
   * Only these principals. On a gateway endpoint (S3, DynamoDB) AWS matches
   * an account in the Principal element to its root user only, so there
   * they are rendered as conditions on `Principal: "*"`: accounts as
   * `aws:PrincipalAccount`, role and user ARNs as `aws:PrincipalArn`.
   * @default - any principal (narrowed by `organizationId` when given)
   */
  readonly principals?: readonly PolicyPrincipal[];
}

/** Options of the presets that can drop write actions. */
export interface ResourceAccessOptions extends EndpointPolicyPrincipals {
  /** Only the read actions. @default false */
  readonly readOnly?: boolean;
}

/** Options of {@link EndpointPolicy.sessionManager}. */
export interface SessionManagerPolicyOptions extends EndpointPolicyPrincipals {
  /**
   * The log groups sessions are logged to (Session Manager preferences'
   * CloudWatch logging), for the policy of the `logs` endpoint: log group
   * ARNs of the endpoint's region (a trailing `:*` is accepted).
   * @default - none: on a `logs` endpoint the policy fails, it would carry no session log
   */
  readonly logGroupArns?: readonly string[];
  /**
   * The KMS keys sessions are encrypted with (Session Manager preferences'
   * KMS encryption), for the policy of the `kms` endpoint: key ARNs of the
   * endpoint's region.
   * @default - none: on a `kms` endpoint the policy fails, it would carry no session key
   */
  readonly keyArns?: readonly string[];
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

/** The endpoint's region, partition and service, for presets whose ARNs, bucket names or statements depend on them; scope and prop name the caller in errors. */
interface PolicyContext {
  readonly scope: IConstruct;
  /** The endpoint's prop the policy was given as (`policy`, `services[2].policy`). */
  readonly prop: string;
  readonly region: string;
  readonly partition: string;
  /** The partition of a literal region: what resource and principal ARNs are judged against. @default - unknown (the region only Terraform knows) */
  readonly literalPartition?: string;
  /** Short name of the endpoint's AWS service (`sts`, `s3`). @default - unknown */
  readonly service?: string;
  /** Gateway endpoints match principals by condition only (see {@link EndpointPolicyPrincipals.principals}). @default - an interface endpoint's rules */
  readonly endpointType?: EndpointPolicyEndpointType;
}

/** The kind of endpoint a policy is rendered for: on a gateway endpoint, AWS matches an account principal to its root user only. */
export type EndpointPolicyEndpointType = "Gateway" | "Interface";

/** The options of each preset, for checkKnownProps: a misspelled one (`organisationId`, `readonly`) would be ignored and its narrowing lost. */
const PRINCIPALS_OPTIONS: Record<keyof EndpointPolicyPrincipals, true> = { organizationId: true, principals: true };
const RESOURCE_ACCESS_OPTIONS: Record<keyof ResourceAccessOptions, true> = { ...PRINCIPALS_OPTIONS, readOnly: true };
const S3_BUCKETS_OPTIONS: Record<keyof S3BucketsOptions, true> = { ...RESOURCE_ACCESS_OPTIONS, awsManagedBuckets: true };
const ECR_IMAGE_LAYERS_OPTIONS: Record<keyof EndpointPolicyPrincipals | "bucketNames", true> = { ...PRINCIPALS_OPTIONS, bucketNames: true };
const READ_ONLY_OPTIONS: Record<keyof EndpointPolicyPrincipals | "resources", true> = { ...PRINCIPALS_OPTIONS, resources: true };
const SESSION_MANAGER_OPTIONS: Record<keyof SessionManagerPolicyOptions, true> = { ...PRINCIPALS_OPTIONS, logGroupArns: true, keyArns: true };

/**
 * What SSM Agent calls on each Systems Manager endpoint as a managed node
 * (the actions of AWS's AmazonSSMManagedInstanceCore policy, which
 * Session Manager's instance profile needs), and on `ssm` the session
 * calls of operators inside the VPC.
 */
const SESSION_MANAGER_ACTIONS: Readonly<Record<"ssm" | "ssmmessages" | "ec2messages", readonly StatementSpec[]>> = {
  ssm: [
    {
      sid: "ManagedNodeAgent",
      actions: [
        "ssm:DescribeAssociation",
        "ssm:DescribeDocument",
        "ssm:GetDeployablePatchSnapshotForInstance",
        "ssm:GetDocument",
        "ssm:GetManifest",
        "ssm:GetParameter",
        "ssm:GetParameters",
        "ssm:ListAssociations",
        "ssm:ListInstanceAssociations",
        "ssm:PutComplianceItems",
        "ssm:PutConfigurePackageResult",
        "ssm:PutInventory",
        "ssm:UpdateAssociationStatus",
        "ssm:UpdateInstanceAssociationStatus",
        "ssm:UpdateInstanceInformation",
      ],
    },
    {
      sid: "Sessions",
      actions: ["ssm:StartSession", "ssm:ResumeSession", "ssm:TerminateSession", "ssm:DescribeSessions", "ssm:GetConnectionStatus"],
    },
  ],
  ssmmessages: [
    {
      sid: "SessionChannels",
      actions: ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"],
    },
  ],
  ec2messages: [
    {
      sid: "AgentMessages",
      actions: [
        "ec2messages:AcknowledgeMessage",
        "ec2messages:DeleteMessage",
        "ec2messages:FailMessage",
        "ec2messages:GetEndpoint",
        "ec2messages:GetMessages",
        "ec2messages:SendReply",
      ],
    },
  ],
};

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
 * everything, so it is only used when asked for by name, with its reason:
 * {@link EndpointPolicy.allowAll}. The presets check the resources they
 * are given where the endpoint uses them: ARNs by kind, in the endpoint's
 * region and partition; bucket names or bucket ARNs, never doubled.
 */
export class EndpointPolicy {
  /**
   * AWS's default policy (full access through the endpoint), by explicit
   * choice: `EndpointPolicy.allowAll(OptOut.because("<why>"))`. The reason
   * is recorded on the endpoint (`//.opt_outs.allow_all_endpoint_policy`).
   */
  public static allowAll(optOut: OptOut): EndpointPolicy;
  /** @deprecated Say why: `EndpointPolicy.allowAll(OptOut.because("<why>"))`. Without a reason it still works, with a warning at synth. */
  public static allowAll(): EndpointPolicy;
  public static allowAll(optOut?: OptOut): EndpointPolicy {
    return new EndpointPolicy(undefined, undefined, optOut ?? DEPRECATED_ALLOW_ALL);
  }

  /**
   * Any action on any resource, but only for principals of one organization
   * and for AWS service principals (`aws:PrincipalIsAWSService`), which
   * carry no organization ID: AWS's data perimeter endpoint policy
   * (AllowRequestsByAWSServicePrincipals), so that what AWS services send
   * through the endpoint on your behalf with their service principal still
   * passes.
   * No credentials of another account are service principals.
   * On an STS endpoint it also admits `AssumeRoleWithWebIdentity` and
   * `AssumeRoleWithSAML` into the organization's roles (`aws:ResourceOrgID`):
   * those calls (EKS IRSA, SAML federation) are signed by no IAM principal,
   * so `aws:PrincipalOrgID` is absent from them.
   */
  public static organizationOnly(organizationId: string): EndpointPolicy {
    return EndpointPolicy.preset(
      ({ scope, prop, service }): StatementSpec[] => {
        // A JavaScript caller's missing ID would leave the statement without its condition: AWS's allow-all, with no opt-out saying why.
        requireValue(scope, `${prop}.organizationId`, organizationId, "an AWS organization ID such as o-a1b2c3d4e5");
        return [
          { sid: "OrganizationPrincipalsOnly", actions: ["*"] },
          {
            sid: "AwsServicePrincipals",
            actions: ["*"],
            anyCaller: true,
            conditions: { Bool: { "aws:PrincipalIsAWSService": "true" } },
          },
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
        ];
      },
      { organizationId },
      PRINCIPALS_OPTIONS,
    );
  }

  /**
   * Object reads and writes on the listed S3 buckets only, and (unless
   * `awsManagedBuckets: false`) downloads from the AWS-owned buckets
   * instances need for packages and agents. Each bucket by name
   * (`app-data`) or by ARN (`arn:aws:s3:::app-data`), each once.
   */
  public static s3Buckets(buckets: readonly string[], options: S3BucketsOptions = {}): EndpointPolicy {
    const objectActions = options.readOnly === true ? ["s3:GetObject"] : ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"];
    return EndpointPolicy.preset(
      (context) => {
        const arns = bucketArns(context, "bucketNames", buckets, 1);
        return [
          { sid: "ListedBuckets", actions: ["s3:ListBucket", "s3:GetBucketLocation"], resources: arns },
          { sid: "ObjectsOfListedBuckets", actions: objectActions, resources: arns.map((arn) => `${arn}/*`) },
          ...(options.awsManagedBuckets === false
            ? []
            : [
                {
                  sid: "AwsManagedInstanceSoftware",
                  actions: ["s3:GetObject"],
                  resources: awsManagedInstanceBuckets(context.region).map((b) => `arn:${context.partition}:s3:::${b}/*`),
                  anyCaller: true,
                },
              ]),
        ];
      },
      options,
      S3_BUCKETS_OPTIONS,
      { name: "EndpointPolicy.s3Buckets", services: ["s3"] },
    );
  }

  /** Item reads and writes on the listed DynamoDB tables (and their indexes) only; table ARNs of the endpoint's region. */
  public static dynamoDbTables(tableArns: readonly string[], options: ResourceAccessOptions = {}): EndpointPolicy {
    const reads = [
      "dynamodb:GetItem",
      "dynamodb:BatchGetItem",
      "dynamodb:Query",
      "dynamodb:Scan",
      "dynamodb:DescribeTable",
      "dynamodb:ConditionCheckItem",
    ];
    const writes = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"];
    return EndpointPolicy.preset(
      (context) => [
        {
          sid: "ListedTables",
          actions: options.readOnly === true ? reads : [...reads, ...writes],
          resources: checkedArns(context, "tableArns", tableArns, "dynamoDbTable").flatMap((arn) => [arn, `${arn}/index/*`]),
        },
      ],
      options,
      RESOURCE_ACCESS_OPTIONS,
      { name: "EndpointPolicy.dynamoDbTables", services: ["dynamodb"] },
    );
  }

  /** Application logging into the listed log groups only: create streams and put events. Log group ARNs of the endpoint's region (a trailing `:*` is accepted). */
  public static logGroups(logGroupArns: readonly string[], options: EndpointPolicyPrincipals = {}): EndpointPolicy {
    return EndpointPolicy.preset(
      (context) => [
        {
          sid: "WriteListedLogGroups",
          actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
          // The console shows log group ARNs ending in ":*"; the streams' ARN goes after the group's, never after the wildcard.
          // A name ending in "*" (log-group:/app/*) is an IAM prefix of group names: checked as a name, kept as the pattern.
          resources: checkedLogGroupPatterns(context, logGroupArns).flatMap((arn) => [arn, `${arn}:log-stream:*`]),
        },
      ],
      options,
      PRINCIPALS_OPTIONS,
      { name: "EndpointPolicy.logGroups", services: ["logs"] },
    );
  }

  /** Cryptographic use of the listed KMS keys only (no key administration): key ARNs of the endpoint's region, not aliases, which KMS does not authorize against. */
  public static kmsKeys(keyArns: readonly string[], options: ResourceAccessOptions = {}): EndpointPolicy {
    const reads = ["kms:Decrypt", "kms:DescribeKey"];
    const writes = ["kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:ReEncryptFrom", "kms:ReEncryptTo"];
    return EndpointPolicy.preset(
      (context) => [
        { sid: "UseListedKeys", actions: options.readOnly === true ? reads : [...reads, ...writes], resources: checkedKeyArns(context, keyArns) },
      ],
      options,
      RESOURCE_ACCESS_OPTIONS,
      { name: "EndpointPolicy.kmsKeys", services: ["kms"] },
    );
  }

  /**
   * Session Manager through the Systems Manager endpoints, each given what
   * it carries: on `ssm` the calls SSM Agent makes as a managed node (the
   * actions of AWS's AmazonSSMManagedInstanceCore policy: registration and
   * heartbeat, documents, associations, inventory, parameters) and the
   * session calls of operators inside the VPC (StartSession and its kin);
   * on `ssmmessages` the session channels; on `ec2messages` the agent's
   * message calls. With session logging, on `logs` the writes to
   * `logGroupArns` (and `logs:DescribeLogGroups`, which the agent calls to
   * see whether a log group is encrypted); with session encryption, on
   * `kms` `kms:Decrypt` and `kms:GenerateDataKey` with `keyArns`. Other use
   * of those endpoints (Parameter Store writes, Run Command from inside the
   * VPC, other keys or log groups) needs statements of its own.
   */
  public static sessionManager(options: SessionManagerPolicyOptions = {}): EndpointPolicy {
    return EndpointPolicy.preset(
      (context) => {
        const service = context.service === undefined || isUnresolved(context.service) ? undefined : context.service.replace(/-fips$/, "");
        // On logs and kms the policy carries the sessions' log groups or keys only: without them it would let nothing through.
        const needed =
          service === "logs"
            ? (["logGroupArns", "the log groups sessions are logged to"] as const)
            : service === "kms"
              ? (["keyArns", "the KMS keys sessions are encrypted with"] as const)
              : undefined;
        if (needed !== undefined && options[needed[0]] === undefined)
          throw new ValidationError(
            context.scope,
            `${context.prop}.${needed[0]}`,
            undefined,
            `${needed[1]}: on a ${service} endpoint EndpointPolicy.sessionManager carries those only (or give this endpoint a policy of its own, such as EndpointPolicy.${service === "logs" ? "logGroups" : "kmsKeys"})`,
          );
        if (service === "logs")
          return [
            {
              sid: "WriteSessionLogs",
              actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
              resources: checkedLogGroupPatterns(context, options.logGroupArns as readonly string[]).flatMap((arn) => [arn, `${arn}:log-stream:*`]),
            },
            { sid: "SessionLogGroupEncryption", actions: ["logs:DescribeLogGroups"] },
          ];
        if (service === "kms")
          return [
            {
              sid: "SessionEncryption",
              actions: ["kms:Decrypt", "kms:GenerateDataKey"],
              resources: checkedKeyArns(context, options.keyArns as readonly string[]),
            },
          ];
        if (service === "ssm" || service === "ssmmessages" || service === "ec2messages") return SESSION_MANAGER_ACTIONS[service];
        // A service only Terraform knows: what the three Systems Manager endpoints carry together.
        return [...SESSION_MANAGER_ACTIONS.ssm, ...SESSION_MANAGER_ACTIONS.ssmmessages, ...SESSION_MANAGER_ACTIONS.ec2messages];
      },
      options,
      SESSION_MANAGER_OPTIONS,
      { name: "EndpointPolicy.sessionManager", services: ["ssm", "ssmmessages", "ec2messages", "logs", "kms"] },
    );
  }

  /**
   * Image pulls from ECR (for the `ecr.api` and `ecr.dkr` endpoints): an
   * authorization token, then manifests and layers of the listed
   * repositories (ARNs of the endpoint's region; `repository/team/*` for a namespace).
   */
  public static ecrPull(repositoryArns: readonly string[], options: EndpointPolicyPrincipals = {}): EndpointPolicy {
    return EndpointPolicy.preset(
      (context) => [
        { sid: "AuthorizationToken", actions: ["ecr:GetAuthorizationToken"] },
        {
          sid: "PullListedRepositories",
          actions: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"],
          resources: checkedArns(context, "repositoryArns", repositoryArns, "ecrRepository"),
        },
      ],
      options,
      PRINCIPALS_OPTIONS,
      { name: "EndpointPolicy.ecrPull", services: ["ecr.api", "ecr.dkr"] },
    );
  }

  /**
   * For the S3 endpoint of an ECR pull: ECR serves image layers from the
   * AWS-owned `prod-<region>-starport-layer-bucket` bucket, so a private pull
   * fails without this read. The layers come through URLs ECR presigns, so
   * the read is open to any caller whatever `organizationId` says. Add your
   * own buckets with `bucketNames` (names or ARNs).
   */
  public static ecrImageLayers(options: EndpointPolicyPrincipals & { readonly bucketNames?: readonly string[] } = {}): EndpointPolicy {
    return EndpointPolicy.preset(
      (context) => [
        {
          sid: "EcrImageLayers",
          actions: ["s3:GetObject"],
          resources: [`arn:${context.partition}:s3:::prod-${context.region}-starport-layer-bucket/*`],
          anyCaller: true,
        },
        ...bucketArns(context, "bucketNames", options.bucketNames ?? [], 0).map((arn, i) => ({
          sid: `ListedBucket${i}`,
          actions: ["s3:ListBucket", "s3:GetObject", "s3:PutObject"],
          resources: [arn, `${arn}/*`],
        })),
      ],
      options,
      ECR_IMAGE_LAYERS_OPTIONS,
      { name: "EndpointPolicy.ecrImageLayers", services: ["s3"] },
    );
  }

  /**
   * Read-only use of one service through the endpoint: its `Describe*`,
   * `Get*` and `List*` actions, on the given resources.
   */
  public static readOnly(iamPrefix: string, options: EndpointPolicyPrincipals & { readonly resources?: readonly string[] } = {}): EndpointPolicy {
    return EndpointPolicy.preset(
      (context) => {
        checkPattern(
          context.scope,
          `${context.prop}.iamPrefix`,
          iamPrefix,
          /^[a-z0-9-]+$/,
          "an IAM service prefix such as sqs or ssm (lowercase, no colon)",
        );
        if (context.service !== undefined && !isUnresolved(context.service) && !prefixServes(iamPrefix, context.service)) {
          throw new ValidationError(
            context.scope,
            `${context.prop}.iamPrefix`,
            iamPrefix,
            `the IAM prefix of the endpoint's service ${context.service}: ${iamPrefix} actions never pass through it, so the policy would deny every request`,
          );
        }
        const resources = checkList(context.scope, `${context.prop}.resources`, options.resources);
        if (resources !== undefined && !isUnresolved(resources) && resources.length === 0) {
          throw new ValidationError(context.scope, `${context.prop}.resources`, [], 'at least one resource ARN, or leave resources unset for "*"');
        }
        const actions = ["Describe*", "Get*", "List*"].map((a) => `${iamPrefix}:${a}`);
        checkResources(context, `${context.prop}.resources`, resources, actions);
        return [{ sid: "ReadOnly", actions, resources }];
      },
      options,
      READ_ONLY_OPTIONS,
    );
  }

  /**
   * Your own statements; each needs a principal (endpoint policies are
   * resource policies), Sids are unique, at least one statement allows, and
   * resources and principal ARNs are of the endpoint's partition.
   */
  public static fromStatements(...statements: PolicyStatement[]): EndpointPolicy {
    return new EndpointPolicy((context) => {
      const { scope, prop, service } = context;
      statements.forEach((statement, i) =>
        checkInstance(
          scope,
          `${prop}.statements[${i}]`,
          statement,
          (s): s is PolicyStatement => s instanceof PolicyStatement,
          "new PolicyStatement({...})",
        ),
      );
      checkDistinct(scope, `${prop}.statements`, statements, (s) => s.props.sid, "Sid");
      checkSomeAllow(scope, prop, statements);
      statements.forEach((statement, i) => {
        const props = statement.props as PolicyStatement["props"] | null | undefined;
        if (props === null || typeof props !== "object") return;
        const where = `${prop}.statements[${i}]`;
        checkResources(context, `${where}.resources`, props.resources, props.actions);
        checkPrincipalPartitions(context, `${where}.principals`, props.principals);
        checkNoSourceIp(scope, `${where}.conditions`, props.conditions);
      });
      checkActionsServe(scope, prop, service, statements);
      const document = new PolicyDocument(statements);
      if (context.endpointType === "Gateway") {
        // The document's own faults (an empty resources list, a malformed principal) first: they are what a caller fixes first.
        document.render(scope, prop, { requirePrincipal: true });
        statements.forEach((statement, i) => checkGatewayPrincipals(context, `${prop}.statements[${i}].principals`, statement.props.principals));
      }
      return document;
    }, undefined);
  }

  private static preset<O extends EndpointPolicyPrincipals>(
    statementsOf: (context: PolicyContext) => readonly StatementSpec[],
    options: O = {} as O,
    known: Readonly<Record<keyof O & string, true>>,
    writtenFor?: PresetServices,
  ): EndpointPolicy {
    const conditions: PolicyConditions | undefined =
      options.organizationId === undefined ? undefined : { StringEquals: { "aws:PrincipalOrgID": options.organizationId } };
    return new EndpointPolicy((context) => {
      if (writtenFor !== undefined) checkPresetService(context, writtenFor);
      checkObject(context.scope, `${context.prop}.options`, options);
      // Where the options sit once given: the policy (`policy.organisationId`), as readOnly and organizationId are named.
      checkKnownProps(context.scope, options, known, context.prop);
      // A JavaScript caller's readOnly: "yes" would otherwise grant writes (only true narrows).
      const flags = options as { readonly readOnly?: boolean; readonly awsManagedBuckets?: boolean };
      checkBoolean(context.scope, `${context.prop}.readOnly`, flags.readOnly);
      checkBoolean(context.scope, `${context.prop}.awsManagedBuckets`, flags.awsManagedBuckets);
      const principals = checkList(context.scope, `${context.prop}.principals`, options.principals) ?? [PolicyPrincipal.anyone()];
      if (!isUnresolved(principals) && principals.length === 0) {
        throw new ValidationError(
          context.scope,
          `${context.prop}.principals`,
          [],
          "at least one principal, or leave principals unset for any principal (narrowed by organizationId)",
        );
      }
      if (options.principals !== undefined) checkPrincipalPartitions(context, `${context.prop}.principals`, principals);
      return new PolicyDocument(
        statementsOf(context).flatMap(({ anyCaller, conditions: own, ...s }) =>
          anyCaller === true
            ? [new PolicyStatement({ ...s, principals: [PolicyPrincipal.anyone()], conditions: own })]
            : context.endpointType === "Gateway"
              ? gatewayStatements(s, principals, conditions)
              : [new PolicyStatement({ ...s, principals, conditions })],
        ),
      );
    }, options.organizationId);
  }

  private constructor(
    /** Undefined for allow-all. */
    private readonly documentOf: ((context: PolicyContext) => PolicyDocument) | undefined,
    private readonly organizationId: string | undefined,
    /** Why AWS's allow-all default is kept (allow-all only). */
    private readonly allowAllOptOut?: OptOut | typeof DEPRECATED_ALLOW_ALL,
  ) {}

  /** True for {@link EndpointPolicy.allowAll}. */
  public get isAllowAll(): boolean {
    return this.documentOf === undefined;
  }

  /**
   * The policy JSON for `aws_vpc_endpoint.policy` in a region, validated: a
   * principal in every statement, the resources of presets, at most 20,480
   * characters. Undefined for allow-all, so that AWS's default stays in
   * place. `service` is the short name of the endpoint's AWS service
   * (`sts`): some presets add the statements that service needs.
   * `endpointType` is the endpoint's: on a gateway endpoint, principals are
   * matched by condition (`aws:PrincipalAccount`, `aws:PrincipalArn`).
   */
  public render(scope: IConstruct, prop: string, region: string, service?: string, endpointType?: EndpointPolicyEndpointType): string | undefined {
    checkPredicate(scope, `${prop}.organizationId`, this.organizationId, isOrganizationId, "an AWS organization ID such as o-a1b2c3d4e5");
    const literalPartition = isUnresolved(region) ? undefined : partitionOfRegion(region);
    const partition = literalPartition ?? "aws";
    return policyAttribute(
      this.documentOf?.({ scope, prop, region, partition, literalPartition, service, endpointType }).render(scope, prop, {
        requirePrincipal: true,
        maxCharacters: AWS_LIMITS.endpointPolicyCharacters,
      }),
    );
  }

  /**
   * For allow-all: the reason AWS's default is kept, checked, to record on the
   * endpoint; a warning when none was given (the deprecated `allowAll()`).
   * Undefined for every other policy.
   * @internal
   */
  public allowAllReason(scope: IConstruct, prop: string): string | undefined {
    if (this.allowAllOptOut === undefined) return undefined;
    if (this.allowAllOptOut === DEPRECATED_ALLOW_ALL) {
      Annotations.of(scope).addWarning(
        `${prop}: EndpointPolicy.allowAll() without a reason is deprecated: pass EndpointPolicy.allowAll(OptOut.because("<why>")), or pick a least-privilege preset (AWS's default lets any principal do anything through the endpoint).`,
      );
      return noReasonGiven("EndpointPolicy.allowAll()", 'EndpointPolicy.allowAll(OptOut.because("<why>"))');
    }
    return optOutReason(scope, prop, this.allowAllOptOut);
  }
}

/** A preset whose actions all belong to some services: its name, and the short names of the endpoints it is written for. */
interface PresetServices {
  readonly name: string;
  readonly services: readonly string[];
}

/**
 * A preset on an endpoint of the service it is written for (or its FIPS
 * endpoint): its actions are all of that service, so on any other endpoint
 * (kmsKeys on a logs endpoint, s3Buckets on DynamoDB or S3 Express) it
 * allows nothing and denies every request.
 */
function checkPresetService(context: PolicyContext, writtenFor: PresetServices): void {
  const service = context.service;
  if (service === undefined || isUnresolved(service)) return;
  if (writtenFor.services.some((name) => service === name || service === `${name}-fips`)) return;
  throw new ValidationError(
    context.scope,
    context.prop,
    writtenFor.name,
    `a policy for the endpoint's service ${service}: ${writtenFor.name} allows ${writtenFor.services.join(" or ")} actions only, so on this endpoint it would deny every request`,
  );
}

/**
 * False when actions of an IAM prefix never pass through an endpoint of
 * `service`: the prefix is another endpoint service's short name, and none
 * of the labels of `service` (git-codecommit serves codecommit:, ecs-agent
 * ecs:, s3express s3:). Prefixes that name no endpoint service
 * (cloudwatch: of monitoring, ses: of email-smtp) are never refused.
 */
function prefixServes(prefix: string, service: string): boolean {
  if (!(AwsService.knownNames as readonly string[]).includes(prefix)) return true;
  const own = service.replace(/-fips$/, "");
  return own.startsWith(prefix) || own.split(/[.-]/).includes(prefix);
}

/**
 * A request through a VPC endpoint carries no `aws:SourceIp` (IAM User
 * Guide, "AWS global condition context keys": the key is not available for
 * requests from a host using a VPC endpoint); `aws:VpcSourceIp` holds the
 * client's private address instead. A condition on `aws:SourceIp` in an
 * endpoint policy never sees an address: an Allow on its range admits
 * nobody, a Deny outside it (`NotIpAddress`) refuses everyone.
 */
function checkNoSourceIp(scope: IConstruct, prop: string, conditions: PolicyConditions | undefined): void {
  if (conditions === null || typeof conditions !== "object" || isUnresolved(conditions)) return;
  for (const [operator, keys] of Object.entries(conditions)) {
    if (keys === null || typeof keys !== "object") continue;
    const key = Object.keys(keys).find((k) => k.toLowerCase() === "aws:sourceip");
    if (key === undefined) continue;
    throw new ValidationError(
      scope,
      `${prop}.${operator}`,
      key,
      "aws:VpcSourceIp (the client's private address): a request through a VPC endpoint carries no aws:SourceIp, so an Allow on its range admits nobody and a Deny outside it refuses everyone",
    );
  }
}

/** Fails when no action the statements allow passes through an endpoint of `service`: the policy would deny every request. */
function checkActionsServe(scope: IConstruct, prop: string, service: string | undefined, statements: readonly PolicyStatement[]): void {
  if (service === undefined || isUnresolved(service)) return;
  const allowed = statements.filter((s) => s.props.effect !== "Deny").flatMap((s) => s.props.actions ?? []);
  if (allowed.length === 0 || allowed.some((action) => typeof action !== "string" || isUnresolved(action))) return;
  if (allowed.some((action) => prefixServes(action.split(":")[0], service))) return;
  throw new ValidationError(
    scope,
    `${prop}.statements`,
    allowed,
    `actions of the endpoint's service ${service}: none of these passes through it, so the policy would deny every request`,
  );
}

/**
 * Fails when every statement denies: an endpoint policy allows only what a
 * statement allows, so a policy of Deny statements alone denies every
 * request through the endpoint (implicitly, whatever the Denies name).
 */
function checkSomeAllow(scope: IConstruct, prop: string, statements: readonly PolicyStatement[]): void {
  const effects = statements.map((s) => s.props?.effect ?? "Allow");
  if (effects.length === 0 || effects.some((effect) => effect !== "Deny")) return;
  throw new ValidationError(
    scope,
    `${prop}.statements`,
    effects,
    "at least one Allow statement: otherwise every request through the endpoint is denied",
  );
}

/**
 * The service namespaces the actions of some IAM prefixes act on: these
 * services' actions name only their own resources (S3's also Object Lambda
 * access points). Prefixes whose actions reach other namespaces (sts: on
 * IAM roles, ssm: on EC2 instances, ec2:) are not listed, and not judged.
 */
const RESOURCE_NAMESPACES: Readonly<Record<string, readonly string[]>> = {
  s3: ["s3", "s3-object-lambda"],
  dynamodb: ["dynamodb"],
  sqs: ["sqs"],
  sns: ["sns"],
  kms: ["kms"],
  logs: ["logs"],
  ecr: ["ecr"],
  secretsmanager: ["secretsmanager"],
};

/**
 * A statement's resources as IAM matches them: `*` or ARNs (a bucket name
 * or `bucket/*` matches nothing), of the endpoint's partition (an endpoint
 * never reaches resources of another), and, when every action is of one
 * service that names only its own resources, ARNs of that service.
 */
function checkResources(
  context: PolicyContext,
  prop: string,
  resources: readonly string[] | undefined,
  actions: readonly string[] | undefined,
): void {
  if (!Array.isArray(resources) || isUnresolved(resources)) return;
  const prefixes = new Set(
    (Array.isArray(actions) ? actions : []).map((a) => (typeof a === "string" && !isUnresolved(a) ? a.split(":")[0].toLowerCase() : undefined)),
  );
  const [prefix] = prefixes;
  const namespaces = prefixes.size === 1 && prefix !== undefined ? RESOURCE_NAMESPACES[prefix] : undefined;
  resources.forEach((resource, i) => {
    if (isUnresolved(resource) || resource === "*") return;
    const parts = parseArnPattern(resource);
    if (parts === undefined) {
      throw new ValidationError(
        context.scope,
        `${prop}[${i}]`,
        resource,
        '"*" or an ARN such as arn:aws:s3:::app-data/*: IAM matches resources by ARN, so anything else matches nothing',
      );
    }
    const { partition, service } = parts;
    if (context.literalPartition !== undefined && !/[*?$]/.test(partition) && partition !== context.literalPartition) {
      throw new ValidationError(
        context.scope,
        `${prop}[${i}]`,
        resource,
        `an ARN of the endpoint's partition (arn:${context.literalPartition}:…): the endpoint is in ${context.region}, and never reaches resources of ${partition}`,
      );
    }
    if (namespaces !== undefined && !/[*?$]/.test(service) && !namespaces.includes(service)) {
      throw new ValidationError(
        context.scope,
        `${prop}[${i}]`,
        resource,
        `an ARN of ${namespaces.join(" or ")}, what the statement's ${prefix}: actions act on: they never act on a ${service} resource, so the statement would allow nothing on it`,
      );
    }
  });
}

/** Principals of the endpoint's partition: a role or account ARN of another partition, or a China service principal outside China, never signs a request through this endpoint. */
function checkPrincipalPartitions(context: PolicyContext, prop: string, principals: readonly PolicyPrincipal[] | undefined): void {
  const own = context.literalPartition;
  if (own === undefined || !Array.isArray(principals) || isUnresolved(principals)) return;
  principals.forEach((principal, i) => {
    if (!(principal instanceof PolicyPrincipal) || isUnresolved(principal.value)) return;
    const partition = principal.type === "AWS" ? parseArn(principal.value)?.partition : undefined;
    if (partition !== undefined && partition !== own) {
      throw new ValidationError(
        context.scope,
        `${prop}[${i}]`,
        principal.value,
        `a principal of the endpoint's partition (arn:${own}:iam::…): the endpoint is in ${context.region}, and principals of ${partition} never call through it`,
      );
    }
    if (principal.type === "Service" && own !== "aws-cn" && typeof principal.value === "string" && principal.value.endsWith(".amazonaws.com.cn")) {
      throw new ValidationError(
        context.scope,
        `${prop}[${i}]`,
        principal.value,
        `a service principal of the endpoint's partition (${principal.value.replace(/\.cn$/, "")}): .amazonaws.com.cn names services of the China regions only, and the endpoint is in ${context.region}`,
      );
    }
  });
}

/**
 * A preset statement as a gateway endpoint needs it. AWS matches an account
 * in a gateway endpoint policy's Principal element (`"AWS": "<account>"`
 * or its root ARN) to the account's root user only, and names
 * `aws:PrincipalArn` as the way to admit a principal: so the principals
 * become conditions on `Principal: "*"`, accounts as
 * `aws:PrincipalAccount`, role and user ARNs as `aws:PrincipalArn`, one
 * statement for each (the keys of one Condition must all hold). A value
 * only Terraform knows goes into both: the statement whose key it is not
 * matches nothing. Service principals stay in the Principal element.
 */
function gatewayStatements(
  statement: Omit<StatementSpec, "anyCaller" | "conditions">,
  principals: readonly PolicyPrincipal[],
  conditions: PolicyConditions | undefined,
): PolicyStatement[] {
  if (isUnresolved(principals)) return [new PolicyStatement({ ...statement, principals, conditions })];
  if (principals.some((p) => p.type === "*")) return [new PolicyStatement({ ...statement, principals: [PolicyPrincipal.anyone()], conditions })];
  const aws = principals.filter((p) => p.type === "AWS").map((p) => p.value);
  const accounts = aws.flatMap((v) => (isUnresolved(v) ? [v] : isAccountId(v) ? [v] : isAccountRootArn(v) ? [parseArn(v)!.account] : []));
  const arns = aws.filter((v) => isUnresolved(v) || (!isAccountId(v) && !isAccountRootArn(v)));
  const services = principals.filter((p) => p.type !== "AWS");
  const groups: { suffix: string; principals: readonly PolicyPrincipal[]; conditions: PolicyConditions | undefined }[] = [
    ...(accounts.length === 0
      ? []
      : [
          {
            suffix: "Accounts",
            principals: [PolicyPrincipal.anyone()],
            conditions: { ...conditions, StringEquals: { ...conditions?.StringEquals, "aws:PrincipalAccount": [...new Set(accounts)] } },
          },
        ]),
    ...(arns.length === 0
      ? []
      : [{ suffix: "Principals", principals: [PolicyPrincipal.anyone()], conditions: { ...conditions, ArnEquals: { "aws:PrincipalArn": arns } } }]),
    ...(services.length === 0 ? [] : [{ suffix: "Services", principals: services, conditions }]),
  ];
  return groups.map(
    (group) =>
      new PolicyStatement({
        ...statement,
        sid: groups.length === 1 || statement.sid === undefined ? statement.sid : `${statement.sid}${group.suffix}`,
        principals: group.principals,
        conditions: group.conditions,
      }),
  );
}

/**
 * Fails when a statement of a gateway endpoint's policy names an account,
 * role or user in its Principal element: AWS matches an account there to
 * its root user only (not the account's roles), and admits principals of a
 * gateway endpoint by the `aws:PrincipalArn` condition.
 */
function checkGatewayPrincipals(context: PolicyContext, prop: string, principals: readonly PolicyPrincipal[] | undefined): void {
  if (context.endpointType !== "Gateway" || !Array.isArray(principals) || isUnresolved(principals)) return;
  principals.forEach((principal, i) => {
    if (!(principal instanceof PolicyPrincipal) || principal.type !== "AWS" || isUnresolved(principal.value)) return;
    throw new ValidationError(
      context.scope,
      `${prop}[${i}]`,
      principal.value,
      'PolicyPrincipal.anyone() with a condition on a gateway endpoint: AWS matches an account in its Principal element to the root user only, not its roles, so name principals by condition ({ StringEquals: { "aws:PrincipalAccount": "<account>" } }, { ArnEquals: { "aws:PrincipalArn": "<role ARN>" } })',
    );
  });
}

/** Marks the reasonless allow-all of earlier releases. */
const DEPRECATED_ALLOW_ALL = "deprecated-allow-all" as const;

/** Bucket names and bucket ARNs as ARNs of the endpoint's partition, each bucket once: an ARN is taken as it is, never prefixed again. */
function bucketArns(context: PolicyContext, name: string, buckets: readonly string[], min: number): string[] {
  const prop = `${context.prop}.${name}`;
  const list = checkList(context.scope, prop, buckets) ?? [];
  if (isUnresolved(list)) return [...list];
  if (list.length < min) throw new ValidationError(context.scope, prop, list, "at least one bucket name (or bucket ARN)");
  const arns = list.map((bucket, i) => {
    if (isUnresolved(bucket)) return `arn:${context.partition}:s3:::${bucket}`;
    if (typeof bucket === "string" && bucket.startsWith("arn:")) {
      checkArn(context.scope, `${prop}[${i}]`, bucket, "s3Bucket", { partition: context.partition });
      return bucket;
    }
    checkBucketName(context.scope, `${prop}[${i}]`, bucket);
    return `arn:${context.partition}:s3:::${bucket}`;
  });
  checkDistinct(context.scope, prop, arns, (arn) => arn, "bucket");
  return arns;
}

/** ARNs of one kind, in the endpoint's region and partition, each once. */
/**
 * Log group ARNs as an endpoint policy names them: the console's `…:*`
 * suffix dropped (streams go after the group's ARN), and a name ending in
 * `*` (`log-group:/app/*`, every group whose name starts with `/app/`) kept
 * as the IAM pattern it is.
 */
function checkedLogGroupPatterns(context: PolicyContext, arns: readonly string[]): readonly string[] {
  return checkedArns(context, "logGroupArns", arns, "logGroupPattern").map((arn) => arn.replace(/:\*$/, ""));
}

/** KMS key ARNs of the endpoint's region, each once, never an alias (KMS authorizes requests against the key's ARN). */
function checkedKeyArns(context: PolicyContext, keyArns: readonly string[]): readonly string[] {
  const arns = checkedArns(context, "keyArns", keyArns, "kmsKey");
  arns.forEach((arn, i) => {
    if (/:alias\//.test(arn)) {
      throw new ValidationError(
        context.scope,
        `${context.prop}.keyArns[${i}]`,
        arn,
        "a key ARN (…:key/<id>): KMS authorizes requests against the key's ARN, so a statement on an alias ARN matches nothing",
      );
    }
  });
  return arns;
}

function checkedArns(context: PolicyContext, name: string, arns: readonly string[], kind: ArnKindName): readonly string[] {
  const prop = `${context.prop}.${name}`;
  const list = checkList(context.scope, prop, arns) ?? [];
  if (isUnresolved(list)) return list;
  if (list.length === 0)
    throw new ValidationError(
      context.scope,
      prop,
      [],
      `at least one ${ARN_KINDS[kind].name.replace(/^an? /, "")}: an empty list would admit nothing through the endpoint`,
    );
  list.forEach((arn, i) => checkArn(context.scope, `${prop}[${i}]`, arn, kind, { region: context.region }));
  checkDistinct(context.scope, prop, list, (arn) => arn, ARN_KINDS[kind].name.replace(/^an? /, "").replace(/ ARN$/, ""));
  return list;
}

/** Fails on the first value whose key (a literal) repeats, naming both places. */
export function checkDistinct<T>(scope: IConstruct, prop: string, values: readonly T[], keyOf: (value: T) => string | undefined, what: string): void {
  const seen = new Map<string, number>();
  values.forEach((value, i) => {
    const key = keyOf(value);
    if (key === undefined || isUnresolved(key)) return;
    const first = seen.get(key);
    if (first !== undefined) throw new ValidationError(scope, `${prop}[${i}]`, key, `each ${what} once (it is also ${prop}[${first}])`);
    seen.set(key, i);
  });
}

/**
 * Fails unless `value` is an S3 bucket name as AWS allows one: 3 to 63
 * lowercase letters, digits, dots and hyphens, beginning and ending with a
 * letter or digit, no two dots in a row, not an IP address, none of the
 * reserved prefixes and suffixes (see isBucketName).
 */
export function checkBucketName(scope: IConstruct, prop: string, value: string): void {
  checkPredicate(scope, prop, value, isBucketName, `an S3 bucket name (${BUCKET_NAME_RULES}) or an S3 bucket ARN such as arn:aws:s3:::app-data`);
}
