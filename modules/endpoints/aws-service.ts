import { IConstruct } from "constructs";
import { closestMatch, isRegion, isUnresolved, partitionOfRegion, ValidationError } from "../core";
import { IInterfaceEndpointService } from "./targets";

/** What AWS publishes about one service's VPC endpoints. */
interface ServiceTraits {
  /** TCP ports clients use. */
  readonly ports: readonly number[];
  /** Offers a Gateway endpoint (only S3 and DynamoDB do). */
  readonly gateway?: boolean;
  /** Offers an Interface endpoint. @default true */
  readonly interface?: boolean;
  /**
   * Keeps the `com.amazonaws` prefix in the China regions, where most services
   * are named `cn.com.amazonaws.<region>.<name>`.
   */
  readonly globalPrefixInChina?: boolean;
  /**
   * Host name of the service's regional endpoint, `{region}` and `{suffix}`
   * replaced. @default "<name>.{region}.{suffix}"
   */
  readonly dnsName?: string;
  /** Clients also use sub-domains (bucket, account or API IDs), so DNS needs a wildcard record. */
  readonly wildcardDns?: boolean;
  /**
   * Private DNS needs more than the switch: S3 interface endpoints only
   * accept it with a gateway endpoint or with inbound-resolver-only off.
   */
  readonly privateDnsNeedsGatewayOrResolverChoice?: boolean;
}

/** Short names of the services {@link AwsService.of} accepts. */
export type AwsServiceName =
  | "s3"
  | "dynamodb"
  | "ecr.api"
  | "ecr.dkr"
  | "logs"
  | "monitoring"
  | "kms"
  | "sts"
  | "ssm"
  | "ssmmessages"
  | "ec2messages"
  | "secretsmanager"
  | "sqs"
  | "sns"
  | "execute-api"
  | "lambda"
  | "ec2";

/**
 * The AWS services this library knows by short name. Any other service is one
 * `AwsService.custom()` away; these are the ones private subnets need most.
 */
const KNOWN_SERVICES: Record<AwsServiceName, ServiceTraits> = {
  s3: { ports: [443], gateway: true, globalPrefixInChina: true, wildcardDns: true, privateDnsNeedsGatewayOrResolverChoice: true },
  dynamodb: { ports: [443], gateway: true, globalPrefixInChina: true },
  "ecr.api": { ports: [443], globalPrefixInChina: true, dnsName: "api.ecr.{region}.{suffix}" },
  "ecr.dkr": { ports: [443], globalPrefixInChina: true, dnsName: "dkr.ecr.{region}.{suffix}", wildcardDns: true },
  logs: { ports: [443] },
  monitoring: { ports: [443], globalPrefixInChina: true },
  kms: { ports: [443] },
  sts: { ports: [443], globalPrefixInChina: true },
  ssm: { ports: [443] },
  ssmmessages: { ports: [443] },
  ec2messages: { ports: [443] },
  secretsmanager: { ports: [443] },
  sqs: { ports: [443], globalPrefixInChina: true },
  sns: { ports: [443] },
  "execute-api": { ports: [443], globalPrefixInChina: true, wildcardDns: true },
  lambda: { ports: [443], globalPrefixInChina: true },
  ec2: { ports: [443], globalPrefixInChina: true },
};

const KNOWN_NAMES = Object.keys(KNOWN_SERVICES) as AwsServiceName[];

/**
 * An AWS service, independent of the region. Endpoints bind it to their region
 * ({@link AwsService.inRegion}) to get the partition-specific service name.
 */
export class AwsService {
  /** Amazon S3 (gateway or interface endpoint). */
  public static readonly S3 = AwsService.of("s3");
  /** Amazon DynamoDB (gateway or interface endpoint). */
  public static readonly DYNAMODB = AwsService.of("dynamodb");
  /** Amazon ECR API: tokens and manifests. */
  public static readonly ECR_API = AwsService.of("ecr.api");
  /** Amazon ECR Docker registry: image pulls. */
  public static readonly ECR_DKR = AwsService.of("ecr.dkr");
  /** Amazon CloudWatch Logs. */
  public static readonly LOGS = AwsService.of("logs");
  /** Amazon CloudWatch metrics. */
  public static readonly MONITORING = AwsService.of("monitoring");
  /** AWS KMS. */
  public static readonly KMS = AwsService.of("kms");
  /** AWS STS. */
  public static readonly STS = AwsService.of("sts");
  /** AWS Systems Manager. */
  public static readonly SSM = AwsService.of("ssm");
  /** Systems Manager Session Manager channels. */
  public static readonly SSM_MESSAGES = AwsService.of("ssmmessages");
  /** Systems Manager agent messages. */
  public static readonly EC2_MESSAGES = AwsService.of("ec2messages");
  /** AWS Secrets Manager. */
  public static readonly SECRETS_MANAGER = AwsService.of("secretsmanager");
  /** Amazon SQS. */
  public static readonly SQS = AwsService.of("sqs");
  /** Amazon SNS. */
  public static readonly SNS = AwsService.of("sns");
  /** Private Amazon API Gateway APIs. */
  public static readonly EXECUTE_API = AwsService.of("execute-api");
  /** AWS Lambda API. */
  public static readonly LAMBDA = AwsService.of("lambda");
  /** Amazon EC2 API. */
  public static readonly EC2 = AwsService.of("ec2");

  /** A service by its short name, as in `com.amazonaws.<region>.<short name>`. */
  public static of(shortName: AwsServiceName): AwsService {
    return new AwsService(shortName, KNOWN_SERVICES[shortName]);
  }

  /**
   * A short name from untyped input (configuration files, variables of a
   * wrapper). Unknown names fail with the closest known one as a suggestion.
   */
  public static fromName(scope: IConstruct, prop: string, shortName: string): AwsService {
    if (shortName in KNOWN_SERVICES) return AwsService.of(shortName as AwsServiceName);
    const suggestion = closestMatch(shortName, KNOWN_NAMES);
    const hint = suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`;
    throw new ValidationError(scope, prop, shortName, `a known AWS service short name${hint}, or AwsService.custom() for any other service`);
  }

  /**
   * Any other AWS service, by its full name in one region (for example
   * `com.amazonaws.us-east-1.bedrock-runtime`). Private DNS is assumed
   * supported and no gateway endpoint exists.
   */
  public static custom(fullName: string, ports: readonly number[] = [443]): AwsService {
    // The part after the region names the endpoint's construct children and rule descriptions.
    const shortName = /^(?:cn\.)?com\.amazonaws\.[a-z0-9-]+\.(.+)$/.exec(fullName)?.[1] ?? fullName;
    return new AwsService(shortName, { ports }, fullName);
  }

  private constructor(
    /** The short name, e.g. `ecr.dkr`. */
    public readonly shortName: string,
    private readonly traits: ServiceTraits,
    private readonly fullName?: string,
  ) {}

  /** TCP ports clients use. */
  public get ports(): readonly number[] {
    return this.traits.ports;
  }

  /** True for S3 and DynamoDB, the only services with Gateway endpoints. */
  public get hasGatewayEndpoint(): boolean {
    return this.traits.gateway === true;
  }

  /** True when clients also call sub-domains (S3 buckets, ECR registries, API IDs). */
  public get wildcardDns(): boolean {
    return this.traits.wildcardDns === true;
  }

  /** True for S3, whose interface endpoints need a gateway endpoint or an explicit DNS choice for private DNS. */
  public get privateDnsNeedsGatewayOrResolverChoice(): boolean {
    return this.traits.privateDnsNeedsGatewayOrResolverChoice === true;
  }

  /** True for services made with {@link AwsService.custom}. */
  public get isCustom(): boolean {
    return this.fullName !== undefined;
  }

  /** The service's endpoint name in a region, e.g. `com.amazonaws.us-east-1.logs` or `cn.com.amazonaws.cn-north-1.logs`. */
  public serviceName(scope: IConstruct, prop: string, region: string): string {
    if (this.fullName !== undefined) return this.fullName;
    checkServiceRegion(scope, prop, region);
    const prefix = partitionOfRegion(region) === "aws-cn" && this.traits.globalPrefixInChina !== true ? "cn.com.amazonaws" : "com.amazonaws";
    return `${prefix}.${region}.${this.shortName}`;
  }

  /**
   * The public host name clients resolve, e.g. `logs.us-east-1.amazonaws.com`:
   * the name of the private hosted zone that takes over when private DNS is
   * off (hub-and-spoke).
   */
  public dnsName(scope: IConstruct, prop: string, region: string): string {
    if (this.fullName !== undefined) {
      throw new ValidationError(scope, prop, this.fullName, "a known AWS service: the DNS name of a custom service is unknown");
    }
    checkServiceRegion(scope, prop, region);
    const suffix = partitionOfRegion(region) === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
    return (this.traits.dnsName ?? `${this.shortName}.{region}.{suffix}`).replace("{region}", region).replace("{suffix}", suffix);
  }

  /** The endpoint target in one region, for an Interface endpoint. */
  public inRegion(scope: IConstruct, prop: string, region: string): IInterfaceEndpointService {
    return {
      serviceName: this.serviceName(scope, prop, region),
      ports: this.ports,
      isAwsService: true,
      // S3 supports private DNS only under conditions the endpoint checks itself.
      privateDnsSupported: true,
    };
  }
}

function checkServiceRegion(scope: IConstruct, prop: string, region: string): void {
  if (!isUnresolved(region) && !isRegion(region)) {
    throw new ValidationError(scope, prop, region, "an AWS region name such as us-east-1 (a literal, so the service name is known at synth)");
  }
}
