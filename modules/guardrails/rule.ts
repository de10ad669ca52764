import { RecordedOptOut } from "../core/opt-out";
import { StackModel, TfBlock } from "./model";

/** How bad a finding is; every unsuppressed finding fails the check, severity orders the work. */
export type Severity = "HIGH" | "MEDIUM" | "LOW";

/** The same check in other scanners, so that their suppressions and reports can be matched to ours. */
export interface EquivalentChecks {
  /** Checkov IDs, e.g. CKV_AWS_123. @default - none */
  readonly checkov?: readonly string[];
  /** Trivy (formerly tfsec) AVD IDs, e.g. AWS-0107. @default - none */
  readonly trivy?: readonly string[];
  /** AWS Security Hub control IDs, e.g. ELB.13. @default - none */
  readonly securityHub?: readonly string[];
}

/**
 * One guardrail, in the style of cdk-nag: it looks at the resources of some
 * Terraform types (with the whole stack at hand for cross-resource checks)
 * and returns one message per problem.
 */
export interface Rule {
  /** `PN-<AREA><n>`: PN for private networking, then EP, ES, SG, LB, LT, RC, RAM or VPC. */
  readonly id: string;
  /** Short name, e.g. VpcEndpointPolicyDefined. */
  readonly name: string;
  /** How urgent a finding is. */
  readonly severity: Severity;
  /** Why it matters, shown with every finding. */
  readonly explanation: string;
  /** What to change, for docs/ERRORS.md and the check output. */
  readonly fix: string;
  /** @default - no equivalent elsewhere (our own rule) */
  readonly equivalents?: EquivalentChecks;
  /** Terraform resource types the rule inspects. */
  readonly resourceTypes: readonly string[];
  /**
   * The library's opt-outs that turn off the default this rule guards
   * (`OptOut.because("<why>")`, recorded as `//.opt_outs.<name>` on the
   * resource). A finding on a resource that carries one of them is accepted
   * with the recorded reason, as a suppression would be: the opt-out already
   * is the written decision, and asking for a second one would only repeat it.
   * @default - none: only suppressions accept the rule's findings
   */
  readonly optOuts?: readonly RecordedOptOut[];
  /**
   * Problems with one resource, empty when it complies. Values only Terraform
   * knows (references, functions) must never count as a violation, except when
   * the rule is about an argument being absent.
   */
  check(resource: TfBlock, stack: StackModel): readonly string[];
}
