import { IConstruct } from "constructs";
import { closestMatch, isRegion, isUnresolved, partitionOfRegion, ValidationError } from "../core";
import catalog from "./data/services.json";
import { IInterfaceEndpointService } from "./targets";

/**
 * What the endpoint catalog (`data/services.json`) says about one service's
 * VPC endpoints. Every field is optional: an absent one means its default.
 * `tools/refresh-endpoint-catalog.ts` rebuilds the file from aws-cdk-lib's
 * list and, with AWS credentials, from `aws ec2 describe-vpc-endpoint-services`.
 */
export interface AwsServiceTraits {
  /** TCP ports clients use. @default [443] */
  readonly ports?: readonly number[];
  /** Name prefix other than `com.amazonaws` (`aws.sagemaker`, `aws.api`). @default "com.amazonaws" */
  readonly prefix?: string;
  /** The name has no region (`com.amazonaws.iam`). @default false */
  readonly global?: boolean;
  /** Regions where the interface endpoint is named `cn.com.amazonaws.<region>.<name>`; elsewhere in China the name keeps `com.amazonaws`. @default - none */
  readonly chinaPrefixRegions?: readonly string[];
  /** Regions where the name ends in `.cn` (Amazon Transcribe in China). @default - none */
  readonly chinaSuffixRegions?: readonly string[];
  /** Offers a Gateway endpoint (S3, DynamoDB, S3 Express). @default false */
  readonly gateway?: boolean;
  /** Offers an Interface endpoint. @default true */
  readonly interface?: boolean;
  /** Host name clients resolve, `{region}` and `{suffix}` replaced. @default - unknown: hub-and-spoke zones cannot be named */
  readonly dnsName?: string;
  /** Private DNS also answers sub-domains (buckets, registries, API IDs), so a hub's zone needs a wildcard record. @default false */
  readonly wildcardDns?: boolean;
  /**
   * Other host names private DNS answers, each with its sub-domains,
   * `{region}` and `{suffix}` replaced (S3: `s3-accesspoint.{region}.{suffix}`
   * for access points, `s3-control.{region}.{suffix}` for S3 Control), so a
   * hub needs a zone of each.
   * @default - none
   */
  readonly additionalDnsNames?: readonly string[];
  /** S3: private DNS needs a gateway endpoint, or inbound-resolver-only off. @default false */
  readonly privateDnsNeedsGatewayOrResolverChoice?: boolean;
  /** Offers private DNS. @default true */
  readonly privateDns?: boolean;
  /** AWS applies endpoint policies to it. @default true */
  readonly policySupported?: boolean;
}

/** Short names of the services {@link AwsService.of} accepts: every AWS service of the catalog (`data/services.json`). */
export type AwsServiceName = keyof typeof catalog.services;

const KNOWN_SERVICES: Readonly<Record<AwsServiceName, AwsServiceTraits>> = catalog.services;
const KNOWN_NAMES = Object.keys(KNOWN_SERVICES) as AwsServiceName[];

/** The VPC endpoint types an AWS service can be reached through. */
export type AwsServiceEndpointType = "Interface" | "Gateway";

const REGION = "[a-z]{2}(?:-[a-z]+)+-\\d";
/** `<prefix>.<region>.<name>`, or `<prefix>.<name>` for global services (`com.amazonaws.iam`, `aws.api.global.codecatalyst`); PrivateLink services (`.vpce.`) are not AWS services. */
const FULL_NAME = new RegExp(
  `^(?:(?<prefix>(?:cn\\.)?com\\.amazonaws|aws(?:\\.[a-z0-9-]+)+)\\.(?<region>${REGION})\\.(?<name>[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)|(?:com\\.amazonaws|aws(?:\\.[a-z0-9-]+)+)\\.(?<global>[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?))$`,
);

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

  /** Every short name of the catalog, sorted. */
  public static get knownNames(): readonly AwsServiceName[] {
    return KNOWN_NAMES;
  }

  /** A service of the catalog by its short name, as in `com.amazonaws.<region>.<short name>`. */
  public static of(shortName: AwsServiceName): AwsService {
    // JavaScript callers can pass any string: fail here, by name, rather than with a TypeError where the service is used.
    if (!Object.prototype.hasOwnProperty.call(KNOWN_SERVICES, shortName)) return AwsService.fromName("AwsService.of", "shortName", shortName);
    return new AwsService(shortName, KNOWN_SERVICES[shortName]);
  }

  /**
   * A short name from untyped input (configuration files, variables of a
   * wrapper). Unknown names fail with the closest known one as a suggestion.
   */
  public static fromName(scope: IConstruct | string, prop: string, shortName: string): AwsService {
    if (typeof shortName === "string" && Object.prototype.hasOwnProperty.call(KNOWN_SERVICES, shortName))
      return AwsService.of(shortName as AwsServiceName);
    const suggestion = typeof shortName === "string" ? closestMatch(shortName, KNOWN_NAMES) : undefined;
    const hint = suggestion === undefined ? "" : ` (did you mean "${suggestion}"?)`;
    throw new ValidationError(scope, prop, shortName, `a known AWS service short name${hint}, or AwsService.custom() for any other service`);
  }

  /**
   * Any other AWS service, by its full name in one region
   * (`com.amazonaws.us-east-1.bedrock-runtime`,
   * `cn.com.amazonaws.cn-north-1.athena`, `aws.sagemaker.us-east-1.notebook`)
   * or a global one (`com.amazonaws.iam`). Private DNS is assumed
   * supported and no gateway endpoint exists. The name is checked where the
   * service is used: its form, and its region against the endpoint's (or
   * its `serviceRegion`).
   */
  public static custom(fullName: string, ports: readonly number[] = [443]): AwsService {
    // The part after the region names the endpoint's construct children and rule descriptions.
    const shortName =
      typeof fullName === "string" ? (/^(?:cn\.)?com\.amazonaws\.[a-z0-9-]+\.(.+)$/.exec(fullName)?.[1] ?? fullName) : String(fullName);
    // Kept as given, even undefined: the name is checked where the service is used.
    return new AwsService(shortName, { ports }, { fullName });
  }

  private constructor(
    /** The short name, e.g. `ecr.dkr`. */
    public readonly shortName: string,
    private readonly traits: AwsServiceTraits,
    /** The full name of a custom service (`AwsService.custom`). */
    private readonly custom?: { readonly fullName: string },
  ) {}

  /** TCP ports clients use. */
  public get ports(): readonly number[] {
    return this.traits.ports ?? [443];
  }

  /** True for S3, DynamoDB and S3 Express, the only services with Gateway endpoints. */
  public get hasGatewayEndpoint(): boolean {
    return this.traits.gateway === true;
  }

  /** False for services only a Gateway endpoint reaches (S3 Express). */
  public get hasInterfaceEndpoint(): boolean {
    return this.traits.interface !== false;
  }

  /** True when clients also call sub-domains (S3 buckets, ECR registries, API IDs). */
  public get wildcardDns(): boolean {
    return this.traits.wildcardDns === true;
  }

  /** True for S3, whose interface endpoints need a gateway endpoint or an explicit DNS choice for private DNS. */
  public get privateDnsNeedsGatewayOrResolverChoice(): boolean {
    return this.traits.privateDnsNeedsGatewayOrResolverChoice === true;
  }

  /** False for the few services whose interface endpoints offer no private DNS. */
  public get privateDnsSupported(): boolean {
    return this.traits.privateDns !== false;
  }

  /** True for services made with {@link AwsService.custom}. */
  public get isCustom(): boolean {
    return this.custom !== undefined;
  }

  /**
   * The service's endpoint name in a region, e.g. `com.amazonaws.us-east-1.logs`,
   * `cn.com.amazonaws.cn-north-1.ecr.dkr`. Gateway endpoints keep `com.amazonaws`
   * in China. A custom name is checked: its form, and its region, which must be `region`.
   */
  public serviceName(scope: IConstruct, prop: string, region: string, endpointType: AwsServiceEndpointType = "Interface"): string {
    if (this.custom !== undefined) return checkCustomName(scope, prop, this.custom.fullName, region);
    checkServiceRegion(scope, prop, region);
    const { prefix, global, chinaPrefixRegions = [], chinaSuffixRegions = [] } = this.traits;
    const interfaceInChina = endpointType === "Interface" && !isUnresolved(region);
    const namePrefix = prefix ?? (interfaceInChina && chinaPrefixRegions.includes(region) ? "cn.com.amazonaws" : "com.amazonaws");
    const suffix = interfaceInChina && chinaSuffixRegions.includes(region) ? ".cn" : "";
    return global === true ? `${namePrefix}.${this.shortName}${suffix}` : `${namePrefix}.${region}.${this.shortName}${suffix}`;
  }

  /**
   * The public host name clients resolve, e.g. `logs.us-east-1.amazonaws.com`:
   * the name of the private hosted zone that takes over when private DNS is
   * off (hub-and-spoke).
   */
  public dnsName(scope: IConstruct, prop: string, region: string): string {
    if (this.custom !== undefined) {
      throw new ValidationError(scope, prop, this.custom.fullName, "a known AWS service: the DNS name of a custom service is unknown");
    }
    if (this.traits.dnsName === undefined) {
      throw new ValidationError(
        scope,
        prop,
        this.shortName,
        "a service whose DNS name the endpoint catalog knows (modules/endpoints/data/services.json: add its dnsName, or refresh the catalog from aws ec2 describe-vpc-endpoint-services with tools/refresh-endpoint-catalog.ts)",
      );
    }
    checkServiceRegion(scope, prop, region);
    return hostName(this.traits.dnsName, region);
  }

  /**
   * The other host names private DNS answers in `region`, each with its
   * sub-domains (S3's access point and S3 Control names); none for a custom
   * service.
   * @internal
   */
  public additionalDnsNames(region: string): string[] {
    if (this.custom !== undefined) return [];
    return (this.traits.additionalDnsNames ?? []).map((template) => hostName(template, region));
  }

  /**
   * The host name private DNS answers in `region` (see {@link dnsName}),
   * or undefined when it is unknown: a custom service, a service the
   * catalog has no DNS name for, a region only Terraform knows.
   * @internal
   */
  public privateDnsZoneName(region: string): string | undefined {
    if (this.custom !== undefined || this.traits.dnsName === undefined || isUnresolved(region) || !isRegion(region)) return undefined;
    return hostName(this.traits.dnsName, region);
  }

  /** The endpoint target in one region, for an Interface endpoint. */
  public inRegion(scope: IConstruct, prop: string, region: string): IInterfaceEndpointService {
    if (!this.hasInterfaceEndpoint) {
      throw new ValidationError(
        scope,
        prop,
        this.shortName,
        "a service with interface endpoints: this one has a gateway endpoint only (use a GatewayEndpoint)",
      );
    }
    return {
      serviceName: this.serviceName(scope, prop, region),
      ports: this.ports,
      isAwsService: true,
      serviceType: "Interface",
      // S3 supports private DNS only under conditions the endpoint checks itself.
      privateDnsSupported: this.privateDnsSupported,
    };
  }
}

/** A catalog host name (`logs.{region}.{suffix}`) in a region, with its partition's suffix. */
function hostName(template: string, region: string): string {
  const suffix = partitionOfRegion(region) === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
  return template.replace("{region}", region).replace("{suffix}", suffix);
}

function checkServiceRegion(scope: IConstruct, prop: string, region: string): void {
  if (!isUnresolved(region) && !isRegion(region)) {
    throw new ValidationError(scope, prop, region, "an AWS region name such as us-east-1 (a literal, so the service name is known at synth)");
  }
}

/** A custom service name in the form AWS names services, in the region it is used in, with the prefix of that region's partition. */
function checkCustomName(scope: IConstruct, prop: string, fullName: string, region: string): string {
  if (isUnresolved(fullName)) return fullName;
  const expected =
    "a full AWS service name such as com.amazonaws.us-east-1.bedrock-runtime (cn.com.amazonaws.<region>.<name> in China, com.amazonaws.<name> for global services)";
  if (typeof fullName !== "string") throw new ValidationError(scope, prop, fullName, expected);
  if (/\.vpce\./.test(fullName)) {
    throw new ValidationError(
      scope,
      prop,
      fullName,
      "an AWS service name: this is a PrivateLink endpoint service (use EndpointService.fromServiceName)",
    );
  }
  const parts = FULL_NAME.exec(fullName)?.groups;
  if (parts === undefined) throw new ValidationError(scope, prop, fullName, expected);
  // A label shaped like a region of a known geography (us-east1, eu-west) in a name read as global is a mistyped
  // region, not a global service: after com.amazonaws, or after an aws.* prefix of any length (aws.sagemaker.us-eest-1.notebook).
  // The geographies are those of isRegion, so services such as ds-data stay global names.
  const mistypedRegion =
    parts.global === undefined
      ? undefined
      : fullName.split(".").find((label) => /^(?:us|eu|ap|sa|ca|me|af|il|mx|cn)(?:-[a-z]+)+\d*(?:-\d+)?$/.test(label));
  if (mistypedRegion !== undefined) {
    throw new ValidationError(scope, prop, fullName, isRegion(mistypedRegion) ? expected : `${expected}: ${mistypedRegion} is not a region`);
  }
  if (parts.global !== undefined || isUnresolved(region)) return fullName;
  if (!isRegion(parts.region)) throw new ValidationError(scope, prop, fullName, `${expected}: ${parts.region} is not a region`);
  if (parts.region !== region) {
    throw new ValidationError(
      scope,
      prop,
      fullName,
      `a service name in ${region}, the region the endpoint reaches (set serviceRegion: "${parts.region}" for a cross-region endpoint)`,
    );
  }
  if (parts.prefix === "cn.com.amazonaws" && partitionOfRegion(region) !== "aws-cn") {
    throw new ValidationError(
      scope,
      prop,
      fullName,
      `com.amazonaws.${region}.${parts.name}: the cn.com.amazonaws prefix exists only in the China regions`,
    );
  }
  return fullName;
}
