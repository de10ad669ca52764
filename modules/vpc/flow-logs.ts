import { Fn, TerraformProvider } from "../core/cdktf";
import { Construct, IConstruct } from "constructs";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import {
  AwsResourceProps,
  checkArn,
  checkInstance,
  checkKnownProps,
  checkLogRetentionDays,
  checkObject,
  checkOneOf,
  checkPattern,
  checkTags,
  isUnresolved,
  literalRegionOf,
  LogGroupEncryption,
  nameFromPath,
  OptOut,
  optOutReason,
  PolicyDocument,
  policyAttribute,
  PolicyPrincipal,
  PolicyStatement,
  providerOf,
  requireProps,
  requireValue,
  stackOf,
  ValidationError,
} from "../core";
import { checkIsVpc, IVpc } from "./vpc";

/** The traffic a flow log records: accepted, rejected, or both. */
export type FlowLogTrafficType = "ALL" | "ACCEPT" | "REJECT";

/** The log group that {@link FlowLogDestination.cloudWatchLogs} creates. */
export interface CloudWatchFlowLogOptions {
  /**
   * Days CloudWatch Logs keeps the records: a year covers audits and
   * incident reviews (checkov CKV_AWS_338) and bounds the cost.
   * @default 365
   */
  readonly retentionDays?: number;
  /** How the log group is encrypted. @default LogGroupEncryption.managedKey() */
  readonly encryption?: LogGroupEncryption;
  /** @default - `/aws/vpc-flow-logs/<stack>/<construct path>`, unique in the account */
  readonly logGroupName?: string;
}

/** Where a VPC's flow logs go. */
export class FlowLogDestination {
  /**
   * A CloudWatch Logs log group created for the flow logs, encrypted with
   * a customer managed key unless told otherwise, and the IAM role the
   * flow logs service writes with: the default.
   */
  public static cloudWatchLogs(options: CloudWatchFlowLogOptions = {}): FlowLogDestination {
    return new FlowLogDestination("cloud-watch-logs", undefined, options);
  }

  /**
   * An existing S3 bucket, by ARN (optionally with a folder:
   * `arn:aws:s3:::logs-bucket/flow-logs/`). Its bucket policy must let
   * `delivery.logs.amazonaws.com` write; its encryption is the bucket's.
   */
  public static s3(bucketArn: string): FlowLogDestination {
    return new FlowLogDestination("s3", bucketArn, undefined);
  }

  /** True for a value made by one of the factories. */
  public static isFlowLogDestination(value: unknown): value is FlowLogDestination {
    return value instanceof FlowLogDestination;
  }

  private constructor(
    /** `aws_flow_log.log_destination_type`. */
    public readonly type: "cloud-watch-logs" | "s3",
    /** The bucket ARN of an S3 destination. */
    public readonly bucketArn: string | undefined,
    /** The log group of a CloudWatch Logs destination. */
    public readonly logGroup: CloudWatchFlowLogOptions | undefined,
  ) {}

  /**
   * Fails for a malformed destination; `prop` names the caller's prop, and
   * `provider` the one the flow log is created with (an S3 bucket must be of
   * its partition). Returns the bucket ARN of an S3 destination.
   */
  public check(scope: IConstruct, prop: string, provider: TerraformProvider | undefined): string | undefined {
    if (this.type === "s3") {
      const bucketArn = requireValue(scope, prop, this.bucketArn, "an S3 bucket ARN such as arn:aws:s3:::example-logs-111111111111");
      // The folder is the flow logs service's business; the bucket part is an ARN like any other.
      checkArn(scope, prop, isUnresolved(bucketArn) ? bucketArn : bucketArn.replace(/\/.*$/, ""), "s3Bucket", {
        region: literalRegionOf(scope, provider),
      });
      return bucketArn;
    }
    const options = checkObject(scope, prop, this.logGroup) ?? {};
    checkLogRetentionDays(scope, `${prop}.retentionDays`, options.retentionDays);
    checkInstance(
      scope,
      `${prop}.encryption`,
      options.encryption,
      LogGroupEncryption.isLogGroupEncryption,
      "LogGroupEncryption.managedKey(), .kmsKey(arn) or .cloudWatchDefault(OptOut.because(...))",
    );
    checkPattern(scope, `${prop}.logGroupName`, options.logGroupName, /^[\w#./-]{1,512}$/, "1 to 512 letters, digits and _ - / . #");
    return undefined;
  }
}

/** Options of {@link FlowLogs.to}. */
export interface FlowLogOptions {
  /** @default "ALL" */
  readonly trafficType?: FlowLogTrafficType;
  /** Seconds over which records are aggregated: 60 or 600. @default 600 */
  readonly maxAggregationIntervalSeconds?: 60 | 600;
}

/**
 * Whether and where a VPC's traffic is recorded. On by default: flow logs
 * are the only record of who talked to what over the network (checkov
 * CKV2_AWS_11, CIS AWS 3.9).
 */
export class FlowLogs {
  /** Flow logs to `destination`. */
  public static to(destination: FlowLogDestination, options: FlowLogOptions = {}): FlowLogs {
    return new FlowLogs(destination, options, undefined);
  }

  /** No flow logs; the reason is recorded on the VPC. */
  public static disabled(optOut: OptOut): FlowLogs {
    return new FlowLogs(undefined, {}, optOut);
  }

  /** True for a value made by one of the factories. */
  public static isFlowLogs(value: unknown): value is FlowLogs {
    return value instanceof FlowLogs;
  }

  private constructor(
    /** Where the records go; undefined when disabled. */
    public readonly destination: FlowLogDestination | undefined,
    /** What is recorded, how often. */
    public readonly options: FlowLogOptions,
    private readonly optOut: OptOut | undefined,
  ) {}

  /**
   * Fails for a malformed choice; `prop` names the caller's prop, and
   * `provider` the one the flow log is created with. Returns the reason of
   * a disabled one.
   */
  public check(scope: IConstruct, prop: string, provider: TerraformProvider | undefined): string | undefined {
    if (this.destination === undefined) {
      const reason = optOutReason(scope, prop, this.optOut);
      if (reason === undefined) throw new ValidationError(scope, prop, this.optOut, 'FlowLogs.disabled(OptOut.because("<why>"))');
      return reason;
    }
    checkInstance(
      scope,
      `${prop}.destination`,
      this.destination,
      FlowLogDestination.isFlowLogDestination,
      "FlowLogDestination.cloudWatchLogs() or .s3(bucketArn)",
    );
    this.destination.check(scope, `${prop}.destination`, provider);
    checkObject(scope, `${prop}.options`, this.options);
    checkOneOf(scope, `${prop}.trafficType`, this.options.trafficType, ["ALL", "ACCEPT", "REJECT"]);
    if (this.options.maxAggregationIntervalSeconds !== undefined && ![60, 600].includes(this.options.maxAggregationIntervalSeconds)) {
      throw new ValidationError(scope, `${prop}.maxAggregationIntervalSeconds`, this.options.maxAggregationIntervalSeconds, "60 or 600");
    }
    return undefined;
  }
}

/** Props of {@link VpcFlowLog}. */
export interface VpcFlowLogProps extends AwsResourceProps {
  /** The VPC whose traffic is recorded (one made here or imported). */
  readonly vpc: IVpc;
  /** Where the records go. @default FlowLogs.to(FlowLogDestination.cloudWatchLogs()) */
  readonly flowLogs?: FlowLogs;
  /** Tags of every resource created. @default - none beyond Name */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The flow log of one VPC (the {@link Vpc} construct makes one by default;
 * make one for an imported VPC whose owner has none). To CloudWatch Logs it
 * creates the log group (encrypted, with a retention), its key unless given,
 * and the role the flow logs service writes with, limited to that log group
 * and trusted only for this account's flow logs.
 *
 * Creates: aws_flow_log; for CloudWatch Logs aws_cloudwatch_log_group,
 * aws_iam_role, aws_iam_role_policy (and aws_kms_key, aws_kms_key_policy
 * with the default encryption).
 */
export class VpcFlowLog extends Construct {
  /** The underlying `aws_flow_log`, as an escape hatch. */
  public readonly resource: FlowLog;
  /** The log group created for a CloudWatch Logs destination. */
  public readonly logGroup?: CloudwatchLogGroup;
  /** The role the flow logs service writes to the log group with. */
  public readonly role?: IamRole;

  constructor(scope: Construct, id: string, props: VpcFlowLogProps) {
    super(scope, id);
    requireProps(this, props, ["vpc"]);
    checkKnownProps(this, props, VPC_FLOW_LOG_PROPS);
    checkIsVpc(this, "vpc", props.vpc);
    const flowLogs =
      checkInstance(this, "flowLogs", props.flowLogs, FlowLogs.isFlowLogs, "FlowLogs.to(destination) or FlowLogs.disabled(OptOut.because(...))") ??
      FlowLogs.to(FlowLogDestination.cloudWatchLogs());
    const provider = providerOf(props, props.vpc);
    if (flowLogs.check(this, "flowLogs", provider) !== undefined || flowLogs.destination === undefined) {
      throw new ValidationError(
        this,
        "flowLogs",
        "FlowLogs.disabled(...)",
        "a destination: to go without flow logs, create no VpcFlowLog (the Vpc construct takes FlowLogs.disabled)",
      );
    }
    const tags = checkTags(this, "tags", props.tags) ?? {};
    const destination = flowLogs.destination;
    const bucketArn = destination.check(this, "flowLogs.destination", provider);
    let logDestination: string;
    if (bucketArn !== undefined) {
      logDestination = bucketArn;
    } else {
      const options = destination.logGroup ?? {};
      this.logGroup = new CloudwatchLogGroup(this, "LogGroup", {
        provider,
        name:
          options.logGroupName ?? `/aws/vpc-flow-logs/${stackOf(this).node.id}/${nameFromPath(Construct.isConstruct(props.vpc) ? props.vpc : this)}`,
        retentionInDays: options.retentionDays ?? 365,
        tags: { ...tags, Name: nameFromPath(this) },
      });
      (options.encryption ?? LogGroupEncryption.managedKey()).applyTo(this.logGroup, "flowLogs.destination.encryption");
      this.role = this.writerRole(this.logGroup, tags);
      logDestination = this.logGroup.arn;
    }
    this.resource = new FlowLog(this, "Resource", {
      provider,
      vpcId: props.vpc.vpcId,
      trafficType: flowLogs.options.trafficType ?? "ALL",
      maxAggregationInterval: flowLogs.options.maxAggregationIntervalSeconds ?? 600,
      logDestinationType: destination.type,
      logDestination,
      iamRoleArn: this.role?.arn,
      tags: { ...tags, Name: nameFromPath(this) },
    });
  }

  /**
   * The role the flow logs service assumes: trusted for flow logs of the
   * log group's account only (confused-deputy protection), allowed to
   * write to that log group only. Account, partition and region come from
   * the log group's ARN, so that no data source is needed.
   */
  private writerRole(logGroup: CloudwatchLogGroup, tags: Readonly<Record<string, string>>): IamRole {
    const arnPart = (index: number): string => Fn.element(Fn.split(":", logGroup.arn), index);
    const [partition, region, account] = [arnPart(1), arnPart(3), arnPart(4)];
    const trust = new PolicyDocument([
      new PolicyStatement({
        actions: ["sts:AssumeRole"],
        principals: [PolicyPrincipal.service("vpc-flow-logs.amazonaws.com")],
        conditions: {
          StringEquals: { "aws:SourceAccount": account },
          ArnLike: { "aws:SourceArn": `arn:${partition}:ec2:${region}:${account}:vpc-flow-log/*` },
        },
      }),
    ]);
    const role = new IamRole(this, "Role", {
      provider: logGroup.provider,
      namePrefix: "vpc-flow-logs-",
      description: `Writes the flow logs of ${nameFromPath(this)} to their log group`,
      assumeRolePolicy: policyAttribute(trust.render(this, "flowLogs", { requirePrincipal: true, trustPolicy: true })),
      tags: { ...tags, Name: nameFromPath(this) },
    });
    const write = new PolicyDocument([
      new PolicyStatement({
        sid: "WriteFlowLogs",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
        resources: [logGroup.arn, `${logGroup.arn}:*`],
      }),
      new PolicyStatement({
        sid: "FindTheLogGroup",
        actions: ["logs:DescribeLogGroups"],
        resources: [`arn:${partition}:logs:${region}:${account}:log-group:*`],
      }),
    ]);
    new IamRolePolicy(this, "RolePolicy", {
      provider: logGroup.provider,
      role: role.id,
      policy: policyAttribute(write.render(this, "flowLogs", { requirePrincipal: false })),
    });
    return role;
  }
}

const VPC_FLOW_LOG_PROPS: Record<keyof VpcFlowLogProps, true> = { vpc: true, flowLogs: true, tags: true, provider: true };
