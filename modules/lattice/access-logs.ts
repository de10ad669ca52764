import { Annotations } from "../core/cdktf";
import { Construct } from "constructs";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { VpclatticeAccessLogSubscription } from "@cdktf/provider-aws/lib/vpclattice-access-log-subscription";
import {
  AwsResourceProps,
  checkLength,
  checkOneOf,
  checkPattern,
  isUnresolved,
  parseArn,
  stableId,
  ValidationError,
} from "../core";
import { ILatticeService, IServiceNetwork } from "./interfaces";

/** Kinds of destinations VPC Lattice delivers access logs to; AWS allows one subscription per kind and log type. */
export type AccessLogDestinationKind = "S3" | "CloudWatchLogs" | "Firehose";

/** The traffic a service network subscription logs: requests to services, or connections to resource configurations. */
export type ServiceNetworkLogType = "SERVICE" | "RESOURCE";

const DESTINATION_SERVICES: Record<AccessLogDestinationKind, { service: string; example: string }> = {
  S3: { service: "s3", example: "arn:aws:s3:::access-logs-bucket" },
  CloudWatchLogs: { service: "logs", example: "arn:aws:logs:us-east-1:111111111111:log-group:/aws/vendedlogs/lattice" },
  Firehose: { service: "firehose", example: "arn:aws:firehose:us-east-1:111111111111:deliverystream/lattice-logs" },
};

/** An existing place to deliver access logs to, by ARN. */
export class AccessLogDestination {
  /** An S3 bucket; its policy must let `delivery.logs.amazonaws.com` write. */
  public static s3Bucket(bucketArn: string): AccessLogDestination {
    return new AccessLogDestination("S3", bucketArn);
  }

  /** A CloudWatch Logs log group. */
  public static logGroup(logGroupArn: string): AccessLogDestination {
    return new AccessLogDestination("CloudWatchLogs", logGroupArn);
  }

  /** A Kinesis Data Firehose delivery stream. */
  public static firehoseDeliveryStream(deliveryStreamArn: string): AccessLogDestination {
    return new AccessLogDestination("Firehose", deliveryStreamArn);
  }

  private constructor(
    /** Which kind of destination the ARN names: S3, CloudWatchLogs or Firehose. */
    public readonly kind: AccessLogDestinationKind,
    /** ARN of the bucket, log group or delivery stream (the subscription's `destination_arn`). */
    public readonly arn: string,
  ) {}

  /** @internal */
  public validate(scope: Construct, prop: string): void {
    if (isUnresolved(this.arn)) return;
    const { service, example } = DESTINATION_SERVICES[this.kind];
    if (parseArn(this.arn)?.service !== service) {
      throw new ValidationError(scope, prop, this.arn, `the ARN of a ${this.kind} destination, such as ${example}`);
    }
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
  /** KMS key that encrypts the log group (CKV_AWS_158). @default - CloudWatch Logs' own encryption */
  readonly kmsKeyArn?: string;
}

/**
 * The /aws/vendedlogs/ prefix keeps CloudWatch Logs from growing its account-wide
 * resource policy with one entry per log group that AWS log delivery writes to.
 */
const LOG_GROUP_PREFIX = "/aws/vendedlogs/vpclattice";

/** The values CloudWatch Logs accepts for a retention period (0 keeps entries forever). */
const LOG_RETENTION_DAYS = [0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

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

  /** No access logs. The reason is recorded in the synth output, so that reviewers see why. */
  public static disabled(reason: string): AccessLogs {
    return new AccessLogs([], undefined, reason);
  }

  private constructor(
    /** Existing destinations given with AccessLogs.to; empty for the other two choices. */
    public readonly destinations: readonly AccessLogDestination[],
    /** Set when a log group is to be created. */
    public readonly newLogGroup: NewLogGroupOptions | undefined,
    /** Set when logging is switched off. */
    public readonly disabledReason: string | undefined,
  ) {}
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
}

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

  constructor(scope: Construct, id: string, props: LatticeAccessLogsProps) {
    super(scope, id);
    const accessLogs = props.accessLogs ?? AccessLogs.toNewLogGroup();
    if (accessLogs.disabledReason !== undefined) {
      checkLength(this, "accessLogs.disabledReason", accessLogs.disabledReason.trim(), 1, 1024);
      Annotations.of(this).addInfo(`Access logs disabled: ${accessLogs.disabledReason}`);
      this.subscriptions = [];
      return;
    }

    let destinations = accessLogs.destinations;
    if (accessLogs.newLogGroup !== undefined) {
      this.logGroup = this.createLogGroup(props, accessLogs.newLogGroup);
      destinations = [AccessLogDestination.logGroup(this.logGroup.arn)];
    }
    if (destinations.length === 0) {
      throw new ValidationError(this, "accessLogs", [], "at least one destination, or AccessLogs.disabled(reason)");
    }
    destinations.forEach((d, i) => d.validate(this, `accessLogs.destinations[${i}]`));
    const kinds = destinations.map((d) => d.kind);
    const repeated = kinds.find((kind, i) => kinds.indexOf(kind) !== i);
    if (repeated !== undefined) {
      throw new ValidationError(this, "accessLogs.destinations", kinds, `at most one destination of each kind (AWS allows one ${repeated} subscription per resource)`);
    }

    const isServiceNetwork = "serviceNetworkArn" in props.source;
    const logTypes: readonly (ServiceNetworkLogType | undefined)[] = isServiceNetwork ? (props.serviceNetworkLogTypes ?? ["SERVICE", "RESOURCE"]) : [undefined];
    logTypes.forEach((t, i) => checkOneOf(this, `serviceNetworkLogTypes[${i}]`, t, ["SERVICE", "RESOURCE"]));
    const resourceIdentifier = isServiceNetwork ? props.source.serviceNetworkArn : props.source.serviceArn;
    this.subscriptions = destinations.flatMap((destination) =>
      logTypes.map(
        (logType) =>
          new VpclatticeAccessLogSubscription(this, logType === undefined ? destination.kind : `${destination.kind}-${logType}`, {
            provider: props.provider,
            resourceIdentifier,
            destinationArn: destination.arn,
            serviceNetworkLogType: logType,
          }),
      ),
    );
  }

  private createLogGroup(props: LatticeAccessLogsProps, options: NewLogGroupOptions): CloudwatchLogGroup {
    const retentionInDays = options.retentionInDays ?? 365;
    if (!isUnresolved(retentionInDays) && !LOG_RETENTION_DAYS.includes(retentionInDays)) {
      throw new ValidationError(this, "accessLogs.retentionInDays", retentionInDays, `one of ${LOG_RETENTION_DAYS.join(", ")}`);
    }
    checkPattern(this, "accessLogs.kmsKeyArn", options.kmsKeyArn, /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/.+$/, "a KMS key ARN such as arn:aws:kms:us-east-1:111111111111:key/1234abcd-...");
    return new CloudwatchLogGroup(this, "LogGroup", {
      provider: props.provider,
      ...(isUnresolved(props.name) ? { namePrefix: `${LOG_GROUP_PREFIX}/` } : { name: `${LOG_GROUP_PREFIX}/${stableId(props.name)}` }),
      retentionInDays,
      kmsKeyId: options.kmsKeyArn,
    });
  }
}
