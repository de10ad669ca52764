import { TerraformProvider } from "../core/cdktf";
import { Construct } from "constructs";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { VpclatticeService } from "@cdktf/provider-aws/lib/vpclattice-service";
import {
  AppRegistry,
  AWS_DEFAULT_QUOTAS,
  AwsResourceProps,
  canonicalDnsName,
  checkArn,
  checkDnsName,
  checkInstance,
  checkKnownProps,
  checkLength,
  checkObject,
  checkOneOf,
  checkResourceId,
  checkString,
  ICertificate,
  isInDnsZone,
  isUnresolved,
  literalAccountOf,
  literalRegionOf,
  OptOut,
  optOutReason,
  parseArn,
  providerOf,
  RECORDED_OPT_OUTS,
  recordOptOut,
  requireProps,
  stableId,
  ValidationError,
} from "../core";
import { IHostedZone } from "../vpc";
import { AccessLogs, LatticeAccessLogs } from "./access-logs";
import { AllowedCallers, ANONYMOUS_GRANT, AuthPolicy, LatticeAuthPolicy } from "./auth-policy";
import { checkCertificateCarries } from "./certificate";
import { ILatticeService, LatticeAuthType } from "./interfaces";
import {
  checkListenerPort,
  LATTICE_LISTENER_OPTIONS,
  LatticeListener,
  LatticeListenerOptions,
  LatticeListenerProtocol,
  listenerName,
  listenerPort,
  listenersOf,
} from "./listener";
import { checkLatticeName, idOfArn } from "./names";
import { gateShareTarget } from "./share-gate";
import { claimName, countInAccount, tagsWithName } from "./placement";
import { RULE_AUTH_POLICY_PRINCIPALS, RuleAuthPolicyPrincipals, RuleDerivedAuthPolicy } from "./rule-auth-policy";

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
  /**
   * The explicit opt-in that authType NONE requires, with its reason:
   * `OptOut.because("<why>")` (anyone who can reach the service network may
   * call the service). The reason is recorded on the service; `true` still
   * works, deprecated.
   * @default - none: authType NONE fails
   */
  readonly allowUnauthenticatedAccess?: OptOut | boolean;
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
  /**
   * ACM certificate of `customDomainName`, which HTTPS listeners need:
   * `Certificate.fromCertificateAttributes(...)`, whose names (when given)
   * must carry the custom domain name. Of the service's region and partition.
   * @default - none (HTTP and TLS_PASSTHROUGH only with a custom domain)
   */
  readonly certificate?: ICertificate;
  /** @deprecated Use `certificate: Certificate.fromCertificateAttributes(...)`, which can also check the names it carries. @default - none */
  readonly certificateArn?: string;
  /**
   * Private (or public) hosted zone in which to create A and AAAA alias
   * records from `customDomainName` to the service.
   * @default - no record: resolve the custom domain name yourself
   */
  readonly hostedZone?: IHostedZone | LatticeServiceHostedZone;
  /** @default AccessLogs.toNewLogGroup() */
  readonly accessLogs?: AccessLogs;
  /** Tags of the service, its listeners, rules and access-log resources (Name is set to the service's name unless given). @default - Name only */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Describes a service made elsewhere, for {@link LatticeService.fromLatticeServiceAttributes}. */
export interface LatticeServiceAttributes {
  /** `arn:aws:vpc-lattice:<region>:<account>:service/svc-...`; a literal ARN must be of the provider's region and partition. */
  readonly serviceArn: string;
  /** The provider of the account that owns the service. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

const LATTICE_SERVICE_PROPS: Record<keyof LatticeServiceProps, true> = {
  name: true,
  provider: true,
  authType: true,
  allowUnauthenticatedAccess: true,
  authPolicy: true,
  authPolicyFromRules: true,
  customDomainName: true,
  certificate: true,
  certificateArn: true,
  hostedZone: true,
  accessLogs: true,
  tags: true,
};

const LATTICE_SERVICE_ATTRIBUTES: Record<keyof LatticeServiceAttributes, true> = { serviceArn: true, provider: true };

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
  /**
   * A service made elsewhere (another stack or account). The ARN must name a
   * service (not a service network or target group), in the region and
   * partition of the provider.
   */
  public static fromLatticeServiceAttributes(scope: Construct, id: string, attrs: LatticeServiceAttributes): ILatticeService {
    return new ImportedLatticeService(scope, id, attrs);
  }

  /** @deprecated Use {@link LatticeService.fromLatticeServiceAttributes}: `{ serviceArn, provider }`. */
  public static fromArn(scope: Construct, id: string, serviceArn: string, provider?: TerraformProvider): ILatticeService {
    return LatticeService.fromLatticeServiceAttributes(scope, id, { serviceArn, provider });
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
  /** The tags given to the service, which its listeners and rules carry too. */
  private readonly tags?: Readonly<Record<string, string>>;
  private readonly certificateArn?: string;
  /** The policy given or derived; undefined with authType NONE. */
  private readonly policy?: AuthPolicy;

  constructor(scope: Construct, id: string, props: LatticeServiceProps) {
    super(scope, id);
    requireProps(this, props, ["name"]);
    checkKnownProps(this, props, LATTICE_SERVICE_PROPS);
    checkLatticeName(this, "name", props.name, { min: 3, max: 40, reservedPrefix: "svc-" });
    checkString(this, "authType", props.authType);
    checkOneOf(this, "authType", props.authType, ["AWS_IAM", "NONE"]);
    this.authType = props.authType ?? "AWS_IAM";
    this.provider = props.provider;
    this.certificateArn = this.checkDomain(props);
    const unauthenticated = optOutReason(this, "allowUnauthenticatedAccess", props.allowUnauthenticatedAccess);
    const policy = this.choosePolicy(props, unauthenticated);
    this.policy = policy;
    claimName(this, "name", "service", props.name, props.provider);
    countInAccount(this, "service", props.provider, AWS_DEFAULT_QUOTAS.latticeServicesPerRegion, "Services per Region");

    this.customDomainName = props.customDomainName;
    const tags = tagsWithName(this, props.name, props.tags);
    this.tags = props.tags;
    this.resource = new VpclatticeService(this, "Resource", {
      provider: props.provider,
      name: props.name,
      authType: this.authType,
      customDomainName: props.customDomainName,
      certificateArn: this.certificateArn,
      tags,
    });
    if (unauthenticated !== undefined) recordOptOut(this.resource, RECORDED_OPT_OUTS.unauthenticatedAccess, unauthenticated);
    this.serviceId = this.resource.id;
    this.serviceArn = this.resource.arn;
    // A service association made in another account waits for the service's RAM shares; an account they leave out fails.
    gateShareTarget(this, `the service ${this.node.path}`, () => this.serviceArn);
    this.dnsName = this.resource.dnsEntry.get(0).domainName;
    this.dnsHostedZoneId = this.resource.dnsEntry.get(0).hostedZoneId;

    if (policy !== undefined) {
      this.authPolicy = new LatticeAuthPolicy(this, "AuthPolicy", { provider: props.provider, target: this, policy });
    }
    // Prefixed so that a service and a service network of the same name never share a log group.
    this.accessLogs = new LatticeAccessLogs(this, "AccessLogs", {
      provider: props.provider,
      source: this,
      name: `service-${props.name}`,
      accessLogs: props.accessLogs,
      tags: this.tags,
    });
    if (this.accessLogs.disabledReason !== undefined) recordOptOut(this.resource, RECORDED_OPT_OUTS.accessLogs, this.accessLogs.disabledReason);
    if (props.hostedZone !== undefined && props.customDomainName !== undefined)
      this.createAliasRecords(zoneOf(props.hostedZone), props.customDomainName);
  }

  /** The listeners of the service so far: those added with addListener and those made with `new LatticeListener`. */
  public get listeners(): readonly LatticeListener[] {
    return listenersOf(this, this);
  }

  /** Adds a listener; its name (by default `<protocol>-<port>`) keys its Terraform address. */
  public addListener(options: LatticeListenerOptions): LatticeListener {
    requireProps(this, options, ["protocol", "defaultAction"]);
    // Checked here, not only by the listener: the service and provider given to it would hide options of those names.
    checkKnownProps(this, options, LATTICE_LISTENER_OPTIONS);
    checkString(this, "listeners.protocol", options.protocol);
    checkListenerPort(this, this, listenerPort(options));
    const name = listenerName(options);
    const id = `Listener-${stableId(name)}`;
    if (this.node.tryFindChild(id) !== undefined) {
      throw new ValidationError(this, "listeners.name", name, "a listener name unique in the service");
    }
    return new LatticeListener(this, id, {
      ...options,
      service: this,
      provider: this.provider,
      tags: this.tags === undefined && options.tags === undefined ? undefined : { ...this.tags, ...options.tags },
    });
  }

  /**
   * Fails on a listener the service cannot serve, however it is made
   * (addListener or `new LatticeListener`): HTTPS on a custom domain needs
   * the certificate, TLS_PASSTHROUGH routes on the custom domain (SNI).
   * @internal
   */
  public checkListener(listener: { readonly protocol: LatticeListenerProtocol; readonly port: number; readonly name: string }): void {
    if (listener.protocol === "HTTPS" && this.customDomainName !== undefined && this.certificateArn === undefined) {
      throw new ValidationError(
        this,
        "certificateArn",
        undefined,
        `an ACM certificate for ${this.customDomainName}: an HTTPS listener serves the custom domain name with it`,
      );
    }
    if (listener.protocol !== "TLS_PASSTHROUGH") return;
    if (this.customDomainName === undefined) {
      throw new ValidationError(this, "customDomainName", undefined, "a custom domain name: a TLS_PASSTHROUGH listener routes on it (SNI)");
    }
    // A derived policy refuses TLS_PASSTHROUGH listeners itself, when it is rendered.
    if (this.policy !== undefined && !(this.policy instanceof RuleDerivedAuthPolicy) && !this.policy.admitsAnonymous()) {
      throw new ValidationError(
        this,
        "authPolicy",
        `a policy admitting no anonymous caller, with listener "${listener.name}" (TLS_PASSTHROUGH)`,
        `${ANONYMOUS_GRANT}: with TLS listeners AWS evaluates only anonymous principals, so every connection would be denied`,
      );
    }
  }

  /** Who the service's auth policy can let in, as far as synth can tell; undefined with authType NONE. @internal */
  public allowedCallers(): readonly AllowedCallers[] | undefined {
    return this.authType === "NONE" ? undefined : this.policy?.allowedCallers();
  }

  /** Fails on a custom domain, certificate or zone AWS or clients would refuse; returns the certificate's ARN. */
  private checkDomain(props: LatticeServiceProps): string | undefined {
    // A JavaScript caller's null would reach the length check as a TypeError.
    checkString(this, "customDomainName", props.customDomainName);
    checkLength(this, "customDomainName", props.customDomainName, 3, 255);
    checkDnsName(this, "customDomainName", props.customDomainName);
    if (props.certificate !== undefined && props.certificateArn !== undefined) {
      throw new ValidationError(this, "certificate, certificateArn", "both", "certificate only (certificateArn is its deprecated form)");
    }
    const certificate =
      checkObject(this, "certificate", props.certificate) ??
      (props.certificateArn === undefined ? undefined : { certificateArn: props.certificateArn });
    const prop = props.certificate !== undefined ? "certificate" : "certificateArn";
    if (certificate !== undefined) {
      const arnProp = prop === "certificate" ? "certificate.certificateArn" : prop;
      checkArn(this, arnProp, certificate.certificateArn, "acmCertificate", { region: literalRegionOf(this, props.provider) });
      checkCertificateAccount(this, arnProp, certificate.certificateArn, props.provider);
      if (props.customDomainName === undefined) {
        throw new ValidationError(
          this,
          prop,
          certificate.certificateArn,
          "no certificate without customDomainName (the generated domain uses an AWS certificate)",
        );
      }
      checkCertificateCarries(this, prop, certificate, props.customDomainName);
    }
    if (props.hostedZone !== undefined) {
      checkObject(this, "hostedZone", props.hostedZone);
      const hostedZone = zoneOf(props.hostedZone);
      // The zone is often written as a literal: its name in place of its ID would fail only when Route 53 is asked for the records.
      checkResourceId(this, "hostedZone.zoneId", hostedZone.zoneId, "hostedZone");
      if (props.customDomainName === undefined) {
        throw new ValidationError(this, "hostedZone", hostedZone.zoneId, "a customDomainName to create the alias records for");
      }
      const zone = hostedZone.zoneName;
      if (zone !== undefined && !isUnresolved(zone) && !isUnresolved(props.customDomainName) && !isInDnsZone(props.customDomainName, zone)) {
        throw new ValidationError(this, "customDomainName", props.customDomainName, `a name inside the hosted zone ${zone}`);
      }
    }
    return certificate?.certificateArn;
  }

  private choosePolicy(props: LatticeServiceProps, unauthenticated: string | undefined): AuthPolicy | undefined {
    if (this.authType === "NONE") {
      if (unauthenticated === undefined) {
        throw new ValidationError(
          this,
          "authType",
          "NONE",
          'AWS_IAM, or allowUnauthenticatedAccess: OptOut.because("<why>") to confirm that anyone who can reach the service network may call the service',
        );
      }
      if (props.authPolicy !== undefined || props.authPolicyFromRules !== undefined) {
        throw new ValidationError(
          this,
          "authPolicy",
          "a policy with authType NONE",
          "no auth policy (AWS keeps it inactive unless authType is AWS_IAM)",
        );
      }
      return undefined;
    }
    if (unauthenticated !== undefined) {
      throw new ValidationError(
        this,
        "allowUnauthenticatedAccess",
        props.allowUnauthenticatedAccess,
        'nothing with authType AWS_IAM (the opt-out only goes with authType: "NONE")',
      );
    }
    if (props.authPolicy === undefined && props.authPolicyFromRules === undefined) {
      throw new ValidationError(
        this,
        "authPolicy",
        undefined,
        "an authPolicy, or authPolicyFromRules to derive one from the listener rules: with AWS_IAM and no policy AWS denies every request",
      );
    }
    if (props.authPolicyFromRules === undefined)
      return checkInstance(this, "authPolicy", props.authPolicy, isAuthPolicy, "new AuthPolicy().allow(...)");
    if (props.authPolicy !== undefined) {
      throw new ValidationError(
        this,
        "authPolicy, authPolicyFromRules",
        "authPolicy and authPolicyFromRules",
        "exactly one of authPolicy, authPolicyFromRules",
      );
    }
    checkObject(this, "authPolicyFromRules", props.authPolicyFromRules);
    checkKnownProps(this, props.authPolicyFromRules, RULE_AUTH_POLICY_PRINCIPALS, "authPolicyFromRules");
    return new RuleDerivedAuthPolicy(() => this.listeners, props.authPolicyFromRules);
  }

  private createAliasRecords(zone: AnyHostedZone, domainName: string): void {
    const existing = aliasRecords.claim(this, `${zone.zoneId} ${canonicalDnsName(domainName)}`, this.node.path);
    if (existing !== undefined) {
      throw new ValidationError(
        this,
        "customDomainName",
        domainName,
        `a name no other service has alias records for in hosted zone ${isUnresolved(zone.zoneId) ? (zone.zoneName ?? "given") : zone.zoneId} (${existing} already creates them; Route 53 holds one A and one AAAA record per name)`,
      );
    }
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

/**
 * Fails on a certificate of another account than the service's: an ACM
 * certificate serves the integrated services of its own account only (it
 * cannot be shared), so AWS refuses to create the service with it.
 */
function checkCertificateAccount(scope: Construct, prop: string, certificateArn: string, provider: TerraformProvider | undefined): void {
  const own = literalAccountOf(scope, provider);
  const account = isUnresolved(certificateArn) ? undefined : parseArn(certificateArn)?.account;
  if (own === undefined || account === undefined || account === own) return;
  throw new ValidationError(
    scope,
    prop,
    certificateArn,
    `an ACM certificate of account ${own}, the service's (this one is of ${account}): ACM certificates cannot be shared across accounts, so VPC Lattice cannot serve the custom domain name with it; request or import the certificate in the service's account`,
  );
}

/** Per app, the service that creates the alias records of each zone and name. */
const aliasRecords = new AppRegistry<string, string>();

/** A hosted zone in either shape; the old one may not name the zone. */
type AnyHostedZone = Omit<IHostedZone, "zoneName"> & Partial<Pick<IHostedZone, "zoneName">>;

function zoneOf(zone: IHostedZone | LatticeServiceHostedZone): AnyHostedZone {
  return "zoneId" in zone ? zone : { zoneId: zone.hostedZoneId, zoneName: zone.zoneName, provider: zone.provider };
}

function isAuthPolicy(value: unknown): value is AuthPolicy {
  return value instanceof AuthPolicy;
}

class ImportedLatticeService extends Construct implements ILatticeService {
  public readonly serviceId: string;
  public readonly serviceArn: string;
  public readonly provider?: TerraformProvider;

  constructor(scope: Construct, id: string, attrs: LatticeServiceAttributes) {
    super(scope, id);
    requireProps(this, attrs, ["serviceArn"]);
    checkKnownProps(this, attrs, LATTICE_SERVICE_ATTRIBUTES);
    checkArn(this, "serviceArn", attrs.serviceArn, "latticeService", { region: literalRegionOf(this, attrs.provider) });
    this.serviceArn = attrs.serviceArn;
    this.serviceId = idOfArn(attrs.serviceArn);
    this.provider = attrs.provider;
    gateShareTarget(this, `the service ${this.node.path}`, () => this.serviceArn);
  }
}
