import { IConstruct } from "constructs";
import { ValidationError } from "./errors";

/** Shortest reason an opt-out accepts: a sentence, not "ok" or "test". */
const MIN_REASON_LENGTH = 20;

/**
 * The one way to turn off a secure default: a named prop (what is turned
 * off) whose value says why. `OptOut.because("partner outside the
 * organization; it accepts the share")` reads in review as a decision,
 * unlike `true`, and the reason travels with the resource: it is written
 * into the synthesized JSON (`//.opt_outs.<name>`), where the guardrails
 * show it with the finding it explains.
 */
export class OptOut {
  /** An opt-out with its reason (at least 20 characters). */
  public static because(reason: string): OptOut {
    return new OptOut(reason);
  }

  /** True for a value made by {@link OptOut.because}. */
  public static isOptOut(value: unknown): value is OptOut {
    return value instanceof OptOut;
  }

  private constructor(
    /** Why the default is turned off. */
    public readonly reason: string,
  ) {}

  /**
   * The reason, checked: fails unless it is a sentence of at least 20
   * characters. `prop` names the opt-out in the error.
   */
  public validate(scope: IConstruct, prop: string): string {
    const reason = typeof this.reason === "string" ? this.reason.trim() : "";
    if (reason.length < MIN_REASON_LENGTH) {
      throw new ValidationError(
        scope,
        prop,
        this.reason,
        `OptOut.because("<why>") with a reason of at least ${MIN_REASON_LENGTH} characters saying why the default does not fit here`,
      );
    }
    return reason;
  }
}

/**
 * What the reason recorded for a deprecated opt-out without a reason (a bare
 * `true`, `EndpointPolicy.allowAll()`) says: the default is off, and nobody
 * said why. Reviewers see it; the guardrails never accept it as a decision.
 */
const NO_REASON_GIVEN = "(deprecated: no reason given)";

/** The reason recorded for a deprecated opt-out that gives none: `what` was used, `instead` is how to say why. */
export function noReasonGiven(what: string, instead: string): string {
  return `${what} ${NO_REASON_GIVEN}; pass ${instead}`;
}

/** False for a reason made by {@link noReasonGiven}: the default was turned off without a reason. */
export function givesReason(recorded: string): boolean {
  return !recorded.includes(NO_REASON_GIVEN);
}

/**
 * Reads an opt-out prop: undefined when not given; the validated reason for
 * an {@link OptOut}; for the boolean `true` that earlier releases took, a
 * deprecation reason (still honoured, so existing code keeps working).
 * Anything else fails, so `"yes"` or `1` from JavaScript never turns a
 * default off by accident.
 */
export function optOutReason(scope: IConstruct, prop: string, value: OptOut | boolean | undefined): string | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return noReasonGiven(`${prop}: true`, 'OptOut.because("<why>")');
  if (OptOut.isOptOut(value)) return value.validate(scope, prop);
  throw new ValidationError(scope, prop, value, 'OptOut.because("<why>") to turn this default off, or leave it unset');
}

/**
 * The names under which the library records its opt-outs in the
 * synthesized JSON, `//.opt_outs.<name>` on the resource whose default is
 * off, by what they turn off. The constructs record them; a guardrail rule
 * that judges one of those defaults names it in `Rule.optOuts` and accepts
 * the finding it explains, with the recorded reason. Custom rules can do the
 * same.
 */
export const RECORDED_OPT_OUTS = {
  /** `EndpointPolicy.allowAll(...)`: the endpoint keeps AWS's allow-all policy. On the endpoint. */
  allowAllEndpointPolicy: "allow_all_endpoint_policy",
  /** `allowAnyPrincipal` of an endpoint service: principal "*" may request a connection. On the endpoint service. */
  anyPrincipal: "allowAnyPrincipal",
  /** `allowInternetWideRules` of a security group: rules open to 0.0.0.0/0 or ::/0. On the group and each such rule. */
  internetWideRules: "internet_wide_rules",
  /** `autoAcceptSharedAttachments` of a transit gateway. On the transit gateway. */
  autoAcceptSharedAttachments: "auto_accept_shared_attachments",
  /** `keepDefaultSecurityGroupRules` of a VPC: its default security group keeps AWS's rules. On the VPC. */
  defaultSecurityGroupRules: "restrict_default_security_group",
  /** `FlowLogs.disabled(...)`: a VPC without flow logs. On the VPC. */
  flowLogs: "flow_logs",
  /** `registeredBy` of a load balancer's targets: they are registered by something else. On the target group. */
  targetsRegisteredElsewhere: "registeredBy",
  /** `allowAssociationToShareableServiceNetwork` of a resource configuration. On the resource configuration. */
  shareableServiceNetworks: "allow_association_to_shareable_service_network",
  /** `allowUnauthenticatedAccess` of a VPC Lattice service or service network: auth type NONE. On the service or network. */
  unauthenticatedAccess: "allow_unauthenticated_access",
  /** `AccessLogs.disabled(...)`: a VPC Lattice service or service network without access logs. On the service or network. */
  accessLogs: "access_logs",
  /** `allowAnonymous` of an auth policy grant: unsigned callers admitted. On the auth policy. */
  anonymousCallers: "allow_anonymous",
  /** `LogGroupEncryption.cloudWatchDefault(...)`: a log group encrypted with CloudWatch's own key. On the log group. */
  logGroupServiceKey: "kms_key_id",
  /** `allowExternalPrincipals` of a RAM share: principals outside the organization. On the share. */
  externalPrincipals: "allow_external_principals",
  /** `acceptedOutsideTerraform` of an endpoint service: its connections are accepted in the console or another process. On the endpoint service. */
  acceptedOutsideTerraform: "accepted_outside_terraform",
  /** `privateDnsVerifiedOutsideTerraform` of an endpoint service: its private DNS name is verified with another DNS provider or process. On the endpoint service. */
  privateDnsVerifiedOutsideTerraform: "private_dns_verified_outside_terraform",
  /** `databaseIngressManagedElsewhere` of a SharedDatabase: the database's group admits the resource gateway by a rule made elsewhere. On the resource configuration. */
  databaseIngressManagedElsewhere: "database_ingress_managed_elsewhere",
} as const;

/** The name of an opt-out the library records: a value of {@link RECORDED_OPT_OUTS}. */
export type RecordedOptOut = (typeof RECORDED_OPT_OUTS)[keyof typeof RECORDED_OPT_OUTS];
