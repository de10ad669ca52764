import { parse, validate } from "@aws-sdk/util-arn-parser";
import { IConstruct } from "constructs";
import { ValidationError } from "./errors";
import { isAccountId, partitionOfRegion } from "./formats";
import { isUnresolved } from "./tokens";

/**
 * ARNs, parsed by AWS's own parser (@aws-sdk/util-arn-parser) and checked by
 * kind: a bucket name is not a bucket ARN, a service network is not a
 * resource configuration, a Lambda ARN of another region does not belong in
 * this stack. One place, so every prop that takes an ARN says the same.
 */

/** The five fields of an ARN `arn:partition:service:region:account:resource`. */
export interface ParsedArn {
  /** `aws`, `aws-cn` or `aws-us-gov`. */
  readonly partition: string;
  /** Service namespace, such as `vpc-lattice`, `ec2` or `iam`. */
  readonly service: string;
  /** Region code; empty for global services such as IAM. */
  readonly region: string;
  /** 12-digit account ID, `aws` for AWS-owned resources, or empty. */
  readonly account: string;
  /** Everything after the account field, such as `servicenetwork/sn-0123456789abcdef0` or `role/app`. */
  readonly resource: string;
}

const PARTITIONS: readonly string[] = ["aws", "aws-cn", "aws-us-gov"];

/** Splits an ARN in the aws, aws-cn or aws-us-gov partition into its fields; undefined when it is not such an ARN. */
export function parseArn(value: string): ParsedArn | undefined {
  if (typeof value !== "string" || !validate(value)) return undefined;
  const { partition, service, region, accountId, resource } = parse(value);
  if (!PARTITIONS.includes(partition) || !/^[a-z0-9-]+$/.test(service) || !/^[a-z0-9-]*$/.test(region) || resource === "") return undefined;
  if (accountId !== "" && accountId !== "aws" && !isAccountId(accountId)) return undefined;
  return { partition, service, region, account: accountId, resource };
}

/**
 * Splits an IAM ARN pattern, as a policy's Resource names it (wildcards
 * allowed in any field: `arn:aws:logs:*:111111111111:log-group:/app/*`),
 * into its fields; undefined when it is no ARN at all. Unlike
 * {@link parseArn}, the fields are not checked: a pattern may match many.
 */
export function parseArnPattern(value: string): ParsedArn | undefined {
  if (typeof value !== "string" || !validate(value)) return undefined;
  const { partition, service, region, accountId, resource } = parse(value);
  if (partition === "" || service === "" || resource === "") return undefined;
  return { partition, service, region, account: accountId, resource };
}

/** What one kind of ARN looks like: its service, its resource part, whether it is regional, and an example for errors. */
export interface ArnKind {
  /** For errors: "a Lambda function ARN". */
  readonly name: string;
  /** Service namespace. */
  readonly service: string;
  /** The resource part (after the account). */
  readonly resource: RegExp;
  /** False for global resources (IAM, S3 buckets, Route 53, Organizations): no region in the ARN. */
  readonly regional: boolean;
  /** False for resources whose ARN has no account (S3 buckets). @default true */
  readonly hasAccount?: boolean;
  /** A well-formed example. */
  readonly example: string;
}

const ID17 = "[0-9a-z]{17}";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** A kind of ARN the library knows. */
export type ArnKindName =
  | "acmCertificate"
  | "lambdaFunction"
  | "kmsKey"
  | "logGroup"
  | "logGroupPattern"
  | "s3Bucket"
  | "firehoseDeliveryStream"
  | "snsTopic"
  | "iamRole"
  | "iamPrincipal"
  | "organizationalUnit"
  | "organization"
  | "serviceNetwork"
  | "latticeService"
  | "latticeTargetGroup"
  | "resourceConfiguration"
  | "resourceGateway"
  | "networkLoadBalancer"
  | "applicationLoadBalancer"
  | "gatewayLoadBalancer"
  | "ramResourceShare"
  | "rdsDatabase"
  | "transitGateway"
  | "prefixList"
  | "dynamoDbTable"
  | "ecrRepository";

/** The ARN kinds the library's props take. */
export const ARN_KINDS: Readonly<Record<ArnKindName, ArnKind>> = {
  acmCertificate: {
    name: "an ACM certificate ARN",
    service: "acm",
    resource: new RegExp(`^certificate/${UUID}$`),
    regional: true,
    example: "arn:aws:acm:us-east-1:111111111111:certificate/0123abcd-0123-4567-89ab-0123456789ab",
  },
  lambdaFunction: {
    name: "a Lambda function ARN",
    service: "lambda",
    resource: /^function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]{1,128})?$/,
    regional: true,
    example: "arn:aws:lambda:us-east-1:111111111111:function:orders:live",
  },
  kmsKey: {
    name: "a KMS key ARN",
    service: "kms",
    resource: new RegExp(`^(key/(${UUID}|mrk-[0-9a-f]{32})|alias/[A-Za-z0-9/_-]{1,250})$`),
    regional: true,
    example: "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  },
  logGroup: {
    name: "a CloudWatch Logs log group ARN",
    service: "logs",
    resource: /^log-group:[\w#./-]{1,512}(:\*)?$/,
    regional: true,
    example: "arn:aws:logs:us-east-1:111111111111:log-group:/aws/vpclattice/orders",
  },
  logGroupPattern: {
    name: "a CloudWatch Logs log group ARN, or a group-name prefix as IAM takes it (log-group:/app/*)",
    service: "logs",
    resource: /^log-group:([\w#./-]{1,512}|[\w#./-]{0,511}\*)(:\*)?$/,
    regional: true,
    example: "arn:aws:logs:us-east-1:111111111111:log-group:/app/*",
  },
  s3Bucket: {
    name: "an S3 bucket ARN",
    service: "s3",
    resource: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
    regional: false,
    hasAccount: false,
    example: "arn:aws:s3:::example-logs-111111111111",
  },
  firehoseDeliveryStream: {
    name: "a Firehose delivery stream ARN",
    service: "firehose",
    resource: /^deliverystream\/[A-Za-z0-9_.-]{1,64}$/,
    regional: true,
    example: "arn:aws:firehose:us-east-1:111111111111:deliverystream/lattice-logs",
  },
  snsTopic: {
    name: "an SNS topic ARN",
    service: "sns",
    resource: /^[A-Za-z0-9_-]{1,256}(\.fifo)?$/,
    regional: true,
    example: "arn:aws:sns:us-east-1:111111111111:endpoint-connections",
  },
  iamRole: {
    name: "an IAM role ARN",
    service: "iam",
    resource: /^role(\/[\w+=,.@-]+)*\/[\w+=,.@-]{1,64}$/,
    regional: false,
    example: "arn:aws:iam::111111111111:role/app",
  },
  iamPrincipal: {
    name: "an IAM role or user ARN",
    service: "iam",
    resource: /^(role|user)(\/[\w+=,.@-]+)*\/[\w+=,.@-]{1,128}$/,
    regional: false,
    example: "arn:aws:iam::111111111111:role/app",
  },
  organizationalUnit: {
    name: "an organizational unit ARN",
    service: "organizations",
    resource: /^ou\/o-[a-z0-9]{10,32}\/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$/,
    regional: false,
    example: "arn:aws:organizations::111111111111:ou/o-abcdefghij/ou-ab12-cdefgh34",
  },
  organization: {
    name: "an organization ARN",
    service: "organizations",
    resource: /^organization\/o-[a-z0-9]{10,32}$/,
    regional: false,
    example: "arn:aws:organizations::111111111111:organization/o-abcdefghij",
  },
  serviceNetwork: {
    name: "a VPC Lattice service network ARN",
    service: "vpc-lattice",
    resource: new RegExp(`^servicenetwork/sn-${ID17}$`),
    regional: true,
    example: "arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0",
  },
  latticeService: {
    name: "a VPC Lattice service ARN",
    service: "vpc-lattice",
    resource: new RegExp(`^service/svc-${ID17}$`),
    regional: true,
    example: "arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-0123456789abcdef0",
  },
  latticeTargetGroup: {
    name: "a VPC Lattice target group ARN",
    service: "vpc-lattice",
    resource: new RegExp(`^targetgroup/tg-${ID17}$`),
    regional: true,
    example: "arn:aws:vpc-lattice:us-east-1:111111111111:targetgroup/tg-0123456789abcdef0",
  },
  resourceConfiguration: {
    name: "a VPC Lattice resource configuration ARN",
    service: "vpc-lattice",
    resource: new RegExp(`^resourceconfiguration/rcfg-${ID17}$`),
    regional: true,
    example: "arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0",
  },
  resourceGateway: {
    name: "a VPC Lattice resource gateway ARN",
    service: "vpc-lattice",
    resource: new RegExp(`^resourcegateway/rgw-${ID17}$`),
    regional: true,
    example: "arn:aws:vpc-lattice:us-east-1:111111111111:resourcegateway/rgw-0123456789abcdef0",
  },
  networkLoadBalancer: {
    name: "a Network Load Balancer ARN",
    service: "elasticloadbalancing",
    resource: /^loadbalancer\/net\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/,
    regional: true,
    example: "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/api/0123456789abcdef",
  },
  applicationLoadBalancer: {
    name: "an Application Load Balancer ARN",
    service: "elasticloadbalancing",
    resource: /^loadbalancer\/app\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/,
    regional: true,
    example: "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/internal-api/0123456789abcdef",
  },
  gatewayLoadBalancer: {
    name: "a Gateway Load Balancer ARN",
    service: "elasticloadbalancing",
    resource: /^loadbalancer\/gwy\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/,
    regional: true,
    example: "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/gwy/inspection/0123456789abcdef",
  },
  ramResourceShare: {
    name: "a RAM resource share ARN",
    service: "ram",
    resource: new RegExp(`^resource-share/${UUID}$`),
    regional: true,
    example: "arn:aws:ram:us-east-1:111111111111:resource-share/7a1f3c52-9e0b-4d6a-8c1e-2f3b4a5c6d7e",
  },
  rdsDatabase: {
    name: "an RDS DB instance or cluster ARN",
    service: "rds",
    resource: /^(db|cluster):[a-z][a-z0-9-]{0,62}$/,
    regional: true,
    example: "arn:aws:rds:us-east-1:111111111111:db:orders",
  },
  transitGateway: {
    name: "a transit gateway ARN",
    service: "ec2",
    resource: /^transit-gateway\/tgw-[0-9a-f]{8,17}$/,
    regional: true,
    example: "arn:aws:ec2:us-east-1:111111111111:transit-gateway/tgw-0123456789abcdef0",
  },
  prefixList: {
    name: "a managed prefix list ARN",
    service: "ec2",
    resource: /^prefix-list\/pl-[0-9a-f]{8,17}$/,
    regional: true,
    example: "arn:aws:ec2:us-east-1:111111111111:prefix-list/pl-0123456789abcdef0",
  },
  dynamoDbTable: {
    name: "a DynamoDB table ARN",
    service: "dynamodb",
    resource: /^table\/[A-Za-z0-9_.-]{3,255}$/,
    regional: true,
    example: "arn:aws:dynamodb:us-east-1:111111111111:table/orders",
  },
  ecrRepository: {
    name: "an ECR repository ARN",
    service: "ecr",
    // A trailing * names every repository under a namespace (repository/team/*), as IAM allows.
    resource: /^repository\/(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*(?:[a-z0-9]+(?:[._-][a-z0-9]+)*|\*)$/,
    regional: true,
    example: "arn:aws:ecr:us-east-1:111111111111:repository/orders-api",
  },
};

/**
 * Resource types AWS RAM can share, of those this library makes: what a
 * share's `addResource` accepts. A VPC Lattice service network, service,
 * resource configuration, transit gateway or prefix list; never an
 * endpoint, a gateway or an account's IAM role.
 */
export const RAM_SHAREABLE_KINDS: readonly ArnKindName[] = [
  "serviceNetwork",
  "latticeService",
  "resourceConfiguration",
  "transitGateway",
  "prefixList",
];

/** Where the ARN must live, when the caller knows. */
export interface ArnPlacement {
  /** The stack's region: a regional ARN must name it. @default - any region */
  readonly region?: string;
  /** The partition (else derived from `region`). @default - any partition, or that of `region` */
  readonly partition?: string;
}

/** The kind an ARN is of, among `kinds`; undefined when it is none of them. */
export function arnKindOf(value: string, kinds: readonly ArnKindName[]): ArnKindName | undefined {
  const arn = parseArn(value);
  if (arn === undefined) return undefined;
  return kinds.find((kind) => {
    const spec = ARN_KINDS[kind];
    const accountOk = spec.hasAccount === false ? arn.account === "" : isAccountId(arn.account);
    return arn.service === spec.service && spec.resource.test(arn.resource) && (spec.regional ? arn.region !== "" : arn.region === "") && accountOk;
  });
}

/**
 * Fails unless `value` is an ARN of one of `kinds`, in the given region and
 * partition when they are known. Unresolved tokens are skipped. Returns the
 * kind found.
 */
export function checkArn(
  scope: IConstruct | string,
  prop: string,
  value: string | undefined,
  kinds: ArnKindName | readonly ArnKindName[],
  placement: ArnPlacement = {},
): ArnKindName | undefined {
  if (value === undefined || isUnresolved(value)) return undefined;
  const wanted = typeof kinds === "string" ? [kinds] : kinds;
  const expected = `${wanted.map((k) => ARN_KINDS[k].name).join(" or ")} such as ${ARN_KINDS[wanted[0]].example}`;
  if (typeof value !== "string") throw new ValidationError(scope, prop, value, expected);
  const kind = arnKindOf(value, wanted);
  if (kind === undefined) {
    const other = arnKindOf(value, Object.keys(ARN_KINDS) as ArnKindName[]);
    // Say what the value is when it is a known ARN of another kind: a resource configuration given as a service network.
    const hint =
      other !== undefined
        ? ` (this is ${ARN_KINDS[other].name})`
        : parseArn(value) === undefined && !value.startsWith("arn:")
          ? " (this is not an ARN)"
          : "";
    throw new ValidationError(scope, prop, value, `${expected}${hint}`);
  }
  const arn = parseArn(value)!;
  const partition =
    placement.partition ?? (placement.region === undefined || isUnresolved(placement.region) ? undefined : partitionOfRegion(placement.region));
  if (partition !== undefined && arn.partition !== partition) {
    throw new ValidationError(scope, prop, value, `${ARN_KINDS[kind].name} in partition ${partition}, the stack's (not ${arn.partition})`);
  }
  if (ARN_KINDS[kind].regional && placement.region !== undefined && !isUnresolved(placement.region) && arn.region !== placement.region) {
    throw new ValidationError(scope, prop, value, `${ARN_KINDS[kind].name} in ${placement.region}, the region it is used in (not ${arn.region})`);
  }
  return kind;
}

/**
 * True for an AWS Organizations OU ARN (`arn:aws:organizations::<account>:ou/o-.../ou-...`), a valid RAM share principal.
 */
export function isOrganizationalUnitArn(value: string): boolean {
  return /^arn:aws[a-z-]*:organizations::\d{12}:ou\/o-[a-z0-9]{10,32}\/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}$/.test(value);
}

/** An IAM role or user ARN, with or without a path. */
export function isIamPrincipalArn(value: string): boolean {
  const arn = parseArn(value);
  return (
    arn !== undefined &&
    arn.service === "iam" &&
    arn.region === "" &&
    isAccountId(arn.account) &&
    /^(role|user)(\/[\w+=,.@-]+)*\/[\w+=,.@-]{1,128}$/.test(arn.resource)
  );
}

/** An IAM role or user ARN whose name follows the type directly (no path). */
export function isIamPrincipalArnWithoutPath(value: string): boolean {
  return isIamPrincipalArn(value) && /^(role|user)\/[\w+=,.@-]{1,128}$/.test(parseArn(value)!.resource);
}

/** The account root ARN `arn:aws:iam::123456789012:root`. */
export function isAccountRootArn(value: string): boolean {
  const arn = parseArn(value);
  return arn !== undefined && arn.service === "iam" && isAccountId(arn.account) && arn.resource === "root";
}
