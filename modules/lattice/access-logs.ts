import { Annotations } from "../core/cdktf";
import { Construct } from "constructs";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { VpclatticeAccessLogSubscription } from "@cdktf/provider-aws/lib/vpclattice-access-log-subscription";
import {
  ArnKindName,
  AwsResourceProps,
  checkArn,
  checkInstance,
  checkKnownProps,
  checkLength,
  checkList,
  checkLogRetentionDays,
  checkOneOf,
  checkString,
  isUnresolved,
  literalRegionOf,
  LogGroupEncryption,
  OptOut,
  optOutReason,
  requireProps,
  requireValue,
  stableId,
  ValidationError,
} from "../core";
import { ILatticeService, IServiceNetwork } from "./interfaces";
import { claimName, tagsWithName } from "./placement";

/** Kinds of destinations VPC Lattice delivers access logs to; AWS allows one subscription per kind and log type. */
export type AccessLogDestinationKind = "S3" | "CloudWatchLogs" | "Firehose";

/** The traffic a service network subscription logs: requests to services, or connections to resource configurations. */
export type ServiceNetworkLogType = "SERVICE" | "RESOURCE";

const SERVICE_NETWORK_LOG_TYPES: readonly ServiceNetworkLogType[] = ["SERVICE", "RESOURCE"];

const DESTINATION_KINDS: Record<AccessLogDestinationKind, ArnKindName> = {
  S3: "s3Bucket",
  CloudWatchLogs: "logGroup",
  Firehose: "firehoseDeliveryStream",
};

/** An existing place to deliver access logs to, by ARN. */
export class AccessLogDestination {
  /** An S3 bucket (by ARN, not by name); its policy must let `delivery.logs.amazonaws.com` write. */
  public static s3Bucket(bucketArn: string): AccessLogDestination {
    return new AccessLogDestination("S3", bucketArn);
  }

  /** A CloudWatch Logs log group of the source's region. */
  public static logGroup(logGroupArn: string): AccessLogDestination {
    return new AccessLogDestination("CloudWatchLogs", logGroupArn);
  }

  /** A Kinesis Data Firehose delivery stream of the source's region. */
  public static firehoseDeliveryStream(deliveryStreamArn: string): AccessLogDestination {
    return new AccessLogDestination("Firehose", deliveryStreamArn);
  }

  private constructor(
    /** Which kind of destination the ARN names: S3, CloudWatchLogs or Firehose. */
    public readonly kind: AccessLogDestinationKind,
    /** ARN of the bucket, log group or delivery stream (the subscription's `destination_arn`). */
    public readonly arn: string,
  ) {}

  /** Fails unless the ARN names a destination of this kind, in the source's region and partition. @internal */
  public validate(scope: Construct, prop: string, region: string | undefined): void {
    requireValue(scope, prop, this.arn, `the ARN of the ${this.kind} destination`);
    checkArn(scope, prop, this.arn, DESTINATION_KINDS[this.kind], { region });
  }
}

/** The log group that {@link AccessLogs.toNewLogGroup} creates. */
export interface NewLogGroupOptions {
  /**
   * Days CloudWatch Logs keeps the entries. One year by default: long enough for
   * audits and incident reviews (CKV_AWS_338), short enough to bound the cost.
   * @default 365
   */
  readonly retentionInDays?: number;
  /**
   * How the log group is encrypted (CKV_AWS_158): a customer managed key
   * created beside it by default, a key of your own
   * (`LogGroupEncryption.kmsKey(arn)`), or CloudWatch Logs' own encryption
   * with a reason (`LogGroupEncryption.cloudWatchDefault(OptOut.because(...))`).
   * @default LogGroupEncryption.managedKey()
   */
  readonly encryption?: LogGroupEncryption;
  /** @deprecated Use `encryption: LogGroupEncryption.kmsKey(arn)`. @default - the `encryption` default */
  readonly kmsKeyArn?: string;
}

const NEW_LOG_GROUP_OPTIONS: Record<keyof NewLogGroupOptions, true> = { retentionInDays: true, encryption: true, kmsKeyArn: true };

/**
 * The /aws/vendedlogs/ prefix keeps CloudWatch Logs from growing its account-wide
 * resource policy with one entry per log group that AWS log delivery writes to.
 */
const LOG_GROUP_PREFIX = "/aws/vendedlogs/vpclattice";

/**
 * Where the access logs of a service network or service go. Logging is on
 * unless switched off with a reason, because access logs are the only record
 * of who called what through VPC Lattice.
 */
export class AccessLogs {
  /** Creates a CloudWatch Logs log group for the logs: the default. */
  public static toNewLogGroup(options: NewLogGroupOptions = {}): AccessLogs {
    return new AccessLogs([], options, undefined);
  }

  /** Delivers to existing destinations, at most one of each kind. */
  public static to(...destinations: AccessLogDestination[]): AccessLogs {
    return new AccessLogs(destinations, undefined, undefined);
  }

  /**
   * No access logs: `AccessLogs.disabled(OptOut.because("<why>"))`. The
   * reason is recorded on the network or service (`//.opt_outs.access_logs`),
   * so that reviewers and the guardrails see why. A plain string still
   * works, deprecated.
   */
  public static disabled(reason: OptOut | string): AccessLogs {
    return new AccessLogs([], undefined, reason);
  }

  /** True for a value made by one of the factories. */
  public static isAccessLogs(value: unknown): value is AccessLogs {
    return value instanceof AccessLogs;
  }

  private constructor(
    /** Existing destinations given with AccessLogs.to; empty for the other two choices. */
    public readonly destinations: readonly AccessLogDestination[],
    /** Set when a log group is to be created. */
    public readonly newLogGroup: NewLogGroupOptions | undefined,
    /** Set when logging is switched off: the opt-out (or, deprecated, its reason as a string). */
    public readonly disabledBecause: OptOut | string | undefined,
  ) {}

  /** @deprecated Read `disabledBecause`; the reason of an OptOut is its `reason`. */
  public get disabledReason(): string | undefined {
    const because = this.disabledBecause;
    return OptOut.isOptOut(because) ? because.reason : because;
  }
}

export interface LatticeAccessLogsProps extends AwsResourceProps {
  /** The service network or service whose traffic is logged. */
  readonly source: IServiceNetwork | ILatticeService;
  /** Name of the source, used to name the log group created by default. */
  readonly name: string;
  /** @default AccessLogs.toNewLogGroup() */
  readonly accessLogs?: AccessLogs;
  /**
   * What a service network logs. Ignored for services, which have only one kind of log.
   * @default ["SERVICE", "RESOURCE"]
   */
  readonly serviceNetworkLogTypes?: readonly ServiceNetworkLogType[];
  /** Tags of the log group and the subscriptions. @default - none (the log group is named after the source) */
  readonly tags?: Readonly<Record<string, string>>;
}

const LATTICE_ACCESS_LOGS_PROPS: Record<keyof LatticeAccessLogsProps, true> = {
  source: true,
  name: true,
  provider: true,
  accessLogs: true,
  serviceNetworkLogTypes: true,
  tags: true,
};

/**
 * Access log subscriptions of a VPC Lattice service network or service, and
 * the log group they write to unless destinations are given. A service
 * network gets one subscription per destination and log type, so that
 * connections to resource configurations are logged as well as requests to
 * services.
 *
 * Creates: aws_vpclattice_access_log_subscription, aws_cloudwatch_log_group
 * (only with {@link AccessLogs.toNewLogGroup}).
 */
export class LatticeAccessLogs extends Construct {
  /** The log group created for the logs, if any. */
  public readonly logGroup?: CloudwatchLogGroup;
  /**
   * The `aws_vpclattice_access_log_subscription` resources: one per destination (and log type, for a service network); empty when disabled.
   */
  public readonly subscriptions: readonly VpclatticeAccessLogSubscription[];
  /** Why logging is off, validated; undefined while it is on. The source records it on its resource. */
  public readonly disabledReason?: string;

  constructor(scope: Construct, id: string, props: LatticeAccessLogsProps) {
    super(scope, id);
    requireProps(this, props, ["source", "name"]);
    checkKnownProps(this, props, LATTICE_ACCESS_LOGS_PROPS);
    const accessLogs =
      checkInstance(
        this,
        "accessLogs",
        props.accessLogs,
        AccessLogs.isAccessLogs,
        "AccessLogs.toNewLogGroup, AccessLogs.to or AccessLogs.disabled",
      ) ?? AccessLogs.toNewLogGroup();
    const isServiceNetwork = "serviceNetworkArn" in props.source;
    const logTypes = isServiceNetwork ? this.checkLogTypes(props.serviceNetworkLogTypes) : [undefined];
    if (accessLogs.disabledBecause !== undefined) {
      this.disabledReason = disabledReasonOf(this, accessLogs.disabledBecause);
      Annotations.of(this).addInfo(`Access logs disabled: ${this.disabledReason}`);
      this.subscriptions = [];
      return;
    }

    let destinations = checkList(this, "accessLogs.destinations", accessLogs.destinations) ?? [];
    if (accessLogs.newLogGroup !== undefined) {
      this.logGroup = this.createLogGroup(props, accessLogs.newLogGroup);
      destinations = [AccessLogDestination.logGroup(this.logGroup.arn)];
    }
    if (destinations.length === 0) {
      throw new ValidationError(this, "accessLogs", [], 'at least one destination, or AccessLogs.disabled(OptOut.because("<why>"))');
    }
    const region = literalRegionOf(this, props.provider);
    destinations.forEach((d, i) => {
      checkInstance(
        this,
        `accessLogs.destinations[${i}]`,
        d,
        (v): v is AccessLogDestination => v instanceof AccessLogDestination,
        "AccessLogDestination.s3Bucket, logGroup or firehoseDeliveryStream",
      );
      d.validate(this, `accessLogs.destinations[${i}]`, region);
    });
    const kinds = destinations.map((d) => d.kind);
    const repeated = kinds.findIndex((kind, i) => kinds.indexOf(kind) !== i);
    if (repeated >= 0) {
      throw new ValidationError(
        this,
        `accessLogs.destinations[${repeated}]`,
        destinations[repeated].arn,
        `at most one destination of each kind (destinations[${kinds.indexOf(kinds[repeated])}] is already a ${kinds[repeated]} one; AWS allows one per resource)`,
      );
    }

    const resourceIdentifier = isServiceNetwork ? props.source.serviceNetworkArn : props.source.serviceArn;
    this.subscriptions = destinations.flatMap((destination) =>
      logTypes.map(
        (logType) =>
          new VpclatticeAccessLogSubscription(this, logType === undefined ? destination.kind : `${destination.kind}-${logType}`, {
            provider: props.provider,
            resourceIdentifier,
            destinationArn: destination.arn,
            serviceNetworkLogType: logType,
            tags: props.tags,
          }),
      ),
    );
  }

  /** The log types of a network's subscriptions: at least one, each once, each one AWS knows. */
  private checkLogTypes(given: readonly ServiceNetworkLogType[] | undefined): readonly ServiceNetworkLogType[] {
    const logTypes = checkList(this, "serviceNetworkLogTypes", given) ?? SERVICE_NETWORK_LOG_TYPES;
    if (logTypes.length === 0) {
      throw new ValidationError(
        this,
        "serviceNetworkLogTypes",
        [],
        'SERVICE, RESOURCE or both (an empty list would log nothing; to log nothing, use AccessLogs.disabled(OptOut.because("<why>")))',
      );
    }
    logTypes.forEach((t, i) => {
      checkString(this, `serviceNetworkLogTypes[${i}]`, t);
      checkOneOf(this, `serviceNetworkLogTypes[${i}]`, t, SERVICE_NETWORK_LOG_TYPES);
      const first = logTypes.indexOf(t);
      if (first !== i)
        throw new ValidationError(this, `serviceNetworkLogTypes[${i}]`, t, `each log type once (serviceNetworkLogTypes[${first}] is ${t} already)`);
    });
    return logTypes;
  }

  private createLogGroup(props: LatticeAccessLogsProps, options: NewLogGroupOptions): CloudwatchLogGroup {
    // AccessLogs.toNewLogGroup has no scope: the options are checked here, where the log group is made.
    checkKnownProps(this, options, NEW_LOG_GROUP_OPTIONS, "accessLogs");
    const retentionInDays = options.retentionInDays ?? 365;
    checkLogRetentionDays(this, "accessLogs.retentionInDays", retentionInDays);
    if (options.encryption !== undefined && options.kmsKeyArn !== undefined) {
      throw new ValidationError(this, "accessLogs.encryption, accessLogs.kmsKeyArn", "both", "encryption only (kmsKeyArn is its deprecated form)");
    }
    const encryption =
      checkInstance(
        this,
        "accessLogs.encryption",
        options.encryption,
        LogGroupEncryption.isLogGroupEncryption,
        "LogGroupEncryption.managedKey, kmsKey or cloudWatchDefault",
      ) ?? (options.kmsKeyArn === undefined ? LogGroupEncryption.managedKey() : LogGroupEncryption.kmsKey(options.kmsKeyArn));
    const name = isUnresolved(props.name) ? undefined : `${LOG_GROUP_PREFIX}/${stableId(props.name)}`;
    // A network named service-orders and a service named orders would both get .../service-orders.
    if (name !== undefined) claimName(this, "name", "CloudWatch Logs log group", name, props.provider);
    const logGroup = new CloudwatchLogGroup(this, "LogGroup", {
      provider: props.provider,
      ...(name === undefined ? { namePrefix: `${LOG_GROUP_PREFIX}/` } : { name }),
      retentionInDays,
      tags: props.tags === undefined ? undefined : tagsWithName(this, name ?? props.name, props.tags),
    });
    encryption.applyTo(logGroup, options.kmsKeyArn !== undefined ? "accessLogs.kmsKeyArn" : "accessLogs.encryption");
    return logGroup;
  }
}

/** The reason logging is off: an OptOut's, checked; a deprecated string, as long as it says something. */
function disabledReasonOf(scope: Construct, because: OptOut | string): string {
  if (typeof because === "string") {
    checkLength(scope, "accessLogs.disabledReason", because.trim(), 1, 1024);
    return because.trim();
  }
  const reason = optOutReason(scope, "accessLogs.disabled", because);
  if (reason === undefined) throw new ValidationError(scope, "accessLogs.disabled", because, 'AccessLogs.disabled(OptOut.because("<why>"))');
  return reason;
}
