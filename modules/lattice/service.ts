import { Annotations, TerraformProvider } from "../core/cdktf";
import { Construct } from "constructs";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { VpclatticeService } from "@cdktf/provider-aws/lib/vpclattice-service";
import {
  AWS_DEFAULT_QUOTAS,
  AwsResourceProps,
  checkDnsName,
  checkExactlyOne,
  checkLength,
  checkOneOf,
  checkPattern,
  isUnresolved,
  providerOf,
  requireProps,
  stableId,
  ValidationError,
} from "../core";
import { IHostedZone } from "../vpc";
import { AccessLogs, LatticeAccessLogs } from "./access-logs";
import { AuthPolicy, LatticeAuthPolicy } from "./auth-policy";
import { ILatticeService, LatticeAuthType } from "./interfaces";
import { LatticeListener, listenerName, LatticeListenerOptions, listenerPort } from "./listener";
import { checkLatticeName, idOfArn } from "./names";
import { RuleAuthPolicyPrincipals, RuleDerivedAuthPolicy } from "./rule-auth-policy";

/**
 * The hosted zone shape LatticeService took before IHostedZone (vpc) was the one hosted zone of the library.
 * @deprecated Use IHostedZone: `zoneId` instead of `hostedZoneId`, and `zoneName`, which lets the service check its domain name.
 */
export interface LatticeServiceHostedZone {
  /** Route 53 hosted zone ID (`Z...`) where the alias records are created. */
  readonly hostedZoneId: string;
  /** Lets the service check that its domain name belongs in the zone. @default - unknown, the check is skipped */
  readonly zoneName?: string;
  /** The account that owns the zone, such as a central DNS account. @default - the service's provider */
  readonly provider?: TerraformProvider;
}

export interface LatticeServiceProps extends AwsResourceProps {
  /** 3 to 40 lowercase letters, digits and single hyphens, not starting with "svc-". Unique in the account. */
  readonly name: string;
  /**
   * AWS_IAM makes every caller sign its requests (SigV4) and pass the auth
   * policy. NONE lets in anyone who can reach the service network.
   * @default "AWS_IAM"
   */
  readonly authType?: LatticeAuthType;
  /** The explicit opt-in that authType NONE requires: anyone who can reach the service network may call it. @default false */
  readonly allowUnauthenticatedAccess?: boolean;
  /**
   * The auth policy (AWS_IAM only). With AWS_IAM and no policy AWS denies
   * every request, so give this or `authPolicyFromRules`.
   * @default - none; `authPolicyFromRules` is required instead
   */
  readonly authPolicy?: AuthPolicy;
  /**
   * Derives the auth policy from the listener rules: these principals may
   * call exactly the methods and paths the rules forward (see {@link RuleDerivedAuthPolicy}).
   * @default - none; `authPolicy` is required instead
   */
  readonly authPolicyFromRules?: RuleAuthPolicyPrincipals;
  /** A DNS name clients use instead of the generated one; required for TLS_PASSTHROUGH listeners. @default - the generated name only */
  readonly customDomainName?: string;
  /** ACM certificate of `customDomainName`, which HTTPS listeners need. @default - none (HTTP and TLS_PASSTHROUGH only with a custom domain) */
  readonly certificateArn?: string;
  /**
   * Private (or public) hosted zone in which to create A and AAAA alias
   * records from `customDomainName` to the service.
   * @default - no record: resolve the custom domain name yourself
   */
  readonly hostedZone?: IHostedZone | LatticeServiceHostedZone;
  /** @default AccessLogs.toNewLogGroup() */
  readonly accessLogs?: AccessLogs;
}

/**
 * A VPC Lattice service with IAM authentication, its auth policy, access
 * logs and, for a custom domain name, the Route 53 alias records. Listeners
 * and rules are added with {@link LatticeService.addListener}.
 *
 * Creates: aws_vpclattice_service, aws_vpclattice_auth_policy,
 * aws_vpclattice_access_log_subscription, aws_cloudwatch_log_group (default
 * access logs), aws_route53_record (with `hostedZone`), and through its
 * listeners aws_vpclattice_listener and aws_vpclattice_listener_rule.
 */
export class LatticeService extends Construct implements ILatticeService {
  /** Describes a service made elsewhere (another stack or account) by ARN. */
  public static fromArn(scope: Construct, id: string, serviceArn: string, provider?: TerraformProvider): ILatticeService {
    return new ImportedLatticeService(scope, id, serviceArn, provider);
  }

  /** The underlying `aws_vpclattice_service`, as an escape hatch. */
  public readonly resource: VpclatticeService;
  /** Service ID (`svc-...`), known at apply. */
  public readonly serviceId: string;
  /** Service ARN (`aws_vpclattice_service.arn`), known at apply. */
  public readonly serviceArn: string;
  /** The service's `auth_type`: AWS_IAM unless NONE was explicitly allowed. */
  public readonly authType: LatticeAuthType;
  /** The generated DNS name, `<name>-<id>.<hash>.vpc-lattice-svcs.<region>.on.aws`. */
  public readonly dnsName: string;
  /** Hosted zone of the generated DNS name, the target of alias records. */
  public readonly dnsHostedZoneId: string;
  /** The custom domain name clients use; undefined when only the generated name is used. */
  public readonly customDomainName?: string;
  public readonly provider?: TerraformProvider;
  /** The service's auth policy; undefined with authType NONE. */
  public readonly authPolicy?: LatticeAuthPolicy;
  /** The service's access log subscriptions (and the log group created by default). */
  public readonly accessLogs: LatticeAccessLogs;
  private readonly certificateArn?: string;
  private readonly listenerList: LatticeListener[] = [];

  constructor(scope: Construct, id: string, props: LatticeServiceProps) {
    super(scope, id);
    requireProps(this, props, ["name"]);
    checkLatticeName(this, "name", props.name, { min: 3, max: 40, reservedPrefix: "svc-" });
    checkOneOf(this, "authType", props.authType, ["AWS_IAM", "NONE"]);
    this.authType = props.authType ?? "AWS_IAM";
    this.checkDomain(props);
    const policy = this.choosePolicy(props);

    this.provider = props.provider;
    this.customDomainName = props.customDomainName;
    this.certificateArn = props.certificateArn;
    this.resource = new VpclatticeService(this, "Resource", {
      provider: props.provider,
      name: props.name,
      authType: this.authType,
      customDomainName: props.customDomainName,
      certificateArn: props.certificateArn,
      tags: { Name: props.name },
    });
    this.serviceId = this.resource.id;
    this.serviceArn = this.resource.arn;
    this.dnsName = this.resource.dnsEntry.get(0).domainName;
    this.dnsHostedZoneId = this.resource.dnsEntry.get(0).hostedZoneId;

    if (policy !== undefined) {
      this.authPolicy = new LatticeAuthPolicy(this, "AuthPolicy", { provider: props.provider, target: this, policy });
    }
    // Prefixed so that a service and a service network of the same name never share a log group.
    this.accessLogs = new LatticeAccessLogs(this, "AccessLogs", { provider: props.provider, source: this, name: `service-${props.name}`, accessLogs: props.accessLogs });
    if (props.hostedZone !== undefined && props.customDomainName !== undefined) this.createAliasRecords(zoneOf(props.hostedZone), props.customDomainName);
  }

  /** The listeners added so far. */
  public get listeners(): readonly LatticeListener[] {
    return this.listenerList;
  }

  /** Adds a listener; its name (by default `<protocol>-<port>`) keys its Terraform address. */
  public addListener(options: LatticeListenerOptions): LatticeListener {
    const protocol = options.protocol;
    if (protocol === "HTTPS" && this.customDomainName !== undefined && this.certificateArn === undefined) {
      throw new ValidationError(this, "certificateArn", undefined, `an ACM certificate for ${this.customDomainName}: an HTTPS listener serves the custom domain name with it`);
    }
    if (protocol === "TLS_PASSTHROUGH" && this.customDomainName === undefined) {
      throw new ValidationError(this, "customDomainName", undefined, "a custom domain name: a TLS_PASSTHROUGH listener routes on it (SNI)");
    }
    const port = listenerPort(options);
    if (!isUnresolved(port) && this.listenerList.some((l) => l.port === port)) {
      throw new ValidationError(this, "listeners.port", port, "a port no other listener of the service uses");
    }
    const listener = new LatticeListener(this, `Listener-${stableId(listenerName(options))}`, { ...options, service: this, provider: this.provider });
    this.listenerList.push(listener);
    if (this.listenerList.length === AWS_DEFAULT_QUOTAS.listenersPerLatticeService + 1) {
      Annotations.of(this).addWarning(
        `More than ${AWS_DEFAULT_QUOTAS.listenersPerLatticeService} listeners: above the default VPC Lattice quota of listeners per service; request an increase before deploying.`,
      );
    }
    return listener;
  }

  private checkDomain(props: LatticeServiceProps): void {
    checkLength(this, "customDomainName", props.customDomainName, 3, 255);
    checkDnsName(this, "customDomainName", props.customDomainName);
    checkPattern(
      this,
      "certificateArn",
      props.certificateArn,
      /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]{36}$/,
      "an ACM certificate ARN such as arn:aws:acm:us-east-1:111111111111:certificate/0123abcd-0123-4567-89ab-0123456789ab",
    );
    if (props.certificateArn !== undefined && props.customDomainName === undefined) {
      throw new ValidationError(this, "certificateArn", props.certificateArn, "no certificate without customDomainName (the generated domain uses an AWS certificate)");
    }
    if (props.hostedZone === undefined) return;
    const hostedZone = zoneOf(props.hostedZone);
    if (props.customDomainName === undefined) {
      throw new ValidationError(this, "hostedZone", hostedZone.zoneId, "a customDomainName to create the alias records for");
    }
    const zone = hostedZone.zoneName?.replace(/\.$/, "");
    if (zone !== undefined && !isUnresolved(zone) && !isUnresolved(props.customDomainName)) {
      if (props.customDomainName !== zone && !props.customDomainName.endsWith(`.${zone}`)) {
        throw new ValidationError(this, "customDomainName", props.customDomainName, `a name inside the hosted zone ${zone}`);
      }
    }
  }

  private choosePolicy(props: LatticeServiceProps): AuthPolicy | undefined {
    if (this.authType === "NONE") {
      if (props.allowUnauthenticatedAccess !== true) {
        throw new ValidationError(this, "authType", "NONE", 'AWS_IAM, or allowUnauthenticatedAccess: true to confirm that anyone who can reach the service network may call the service');
      }
      if (props.authPolicy !== undefined || props.authPolicyFromRules !== undefined) {
        throw new ValidationError(this, "authPolicy", "a policy with authType NONE", "no auth policy (AWS keeps it inactive unless authType is AWS_IAM)");
      }
      return undefined;
    }
    if (props.authPolicy === undefined && props.authPolicyFromRules === undefined) {
      throw new ValidationError(
        this,
        "authPolicy",
        undefined,
        "an authPolicy, or authPolicyFromRules to derive one from the listener rules: with AWS_IAM and no policy AWS denies every request",
      );
    }
    checkExactlyOne(this, { authPolicy: props.authPolicy, authPolicyFromRules: props.authPolicyFromRules });
    return props.authPolicy ?? new RuleDerivedAuthPolicy(() => this.listenerList, props.authPolicyFromRules!);
  }

  private createAliasRecords(zone: AnyHostedZone, domainName: string): void {
    for (const type of ["A", "AAAA"]) {
      new Route53Record(this, `Alias${type}`, {
        provider: providerOf(zone, this),
        zoneId: zone.zoneId,
        name: domainName,
        type,
        alias: { name: this.dnsName, zoneId: this.dnsHostedZoneId, evaluateTargetHealth: true },
      });
    }
  }
}

/** A hosted zone in either shape; the old one may not name the zone. */
type AnyHostedZone = Omit<IHostedZone, "zoneName"> & Partial<Pick<IHostedZone, "zoneName">>;

function zoneOf(zone: IHostedZone | LatticeServiceHostedZone): AnyHostedZone {
  return "zoneId" in zone ? zone : { zoneId: zone.hostedZoneId, zoneName: zone.zoneName, provider: zone.provider };
}

class ImportedLatticeService extends Construct implements ILatticeService {
  public readonly serviceId: string;
  public readonly serviceArn: string;
  public readonly provider?: TerraformProvider;

  constructor(scope: Construct, id: string, serviceArn: string, provider?: TerraformProvider) {
    super(scope, id);
    checkPattern(
      this,
      "serviceArn",
      serviceArn,
      /^arn:aws[a-z-]*:vpc-lattice:[a-z0-9-]+:\d{12}:service\/svc-[0-9a-z]{17}$/,
      "a VPC Lattice service ARN such as arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-0123456789abcdef0",
    );
    this.serviceArn = serviceArn;
    this.serviceId = idOfArn(serviceArn);
    this.provider = provider;
  }
}
