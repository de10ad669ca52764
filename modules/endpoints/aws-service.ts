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

/**
 * The AWS services this library knows by short name. Any other service is one
 * `AwsService.custom()` away; these are the ones private subnets need most.
 */
const KNOWN_SERVICES = {
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
} as const satisfies Record<string, ServiceTraits>;

/** Short names of the services {@link AwsService.of} accepts. */
export type AwsServiceName = keyof typeof KNOWN_SERVICES;

const KNOWN_NAMES = Object.keys(KNOWN_SERVICES) as AwsServiceName[];

/**
 * An AWS service, independent of the region. Endpoints bind it to their region
 * ({@link AwsService.inRegion}) to get the partition-specific service name.
 */
export class AwsService {
  public static readonly S3 = AwsService.of("s3");
  public static readonly DYNAMODB = AwsService.of("dynamodb");
  public static readonly ECR_API = AwsService.of("ecr.api");
  public static readonly ECR_DKR = AwsService.of("ecr.dkr");
  public static readonly LOGS = AwsService.of("logs");
  public static readonly MONITORING = AwsService.of("monitoring");
  public static readonly KMS = AwsService.of("kms");
  public static readonly STS = AwsService.of("sts");
  public static readonly SSM = AwsService.of("ssm");
  public static readonly SSM_MESSAGES = AwsService.of("ssmmessages");
  public static readonly EC2_MESSAGES = AwsService.of("ec2messages");
  public static readonly SECRETS_MANAGER = AwsService.of("secretsmanager");
  public static readonly SQS = AwsService.of("sqs");
  public static readonly SNS = AwsService.of("sns");
  public static readonly EXECUTE_API = AwsService.of("execute-api");
  public static readonly LAMBDA = AwsService.of("lambda");
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
    return new AwsService(fullName.split(".").slice(3).join(".") || fullName, { ports }, fullName);
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
