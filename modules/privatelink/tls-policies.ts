import { IConstruct } from "constructs";
import { isUnresolved, ValidationError } from "../core";

/** A TLS protocol version, as security policies name their lowest one. */
export type TlsVersion = "1.0" | "1.1" | "1.2" | "1.3";

/**
 * The security policies Elastic Load Balancing offers for TLS listeners, by
 * name, with the lowest TLS version each one negotiates. A policy is judged
 * by that version, not by its name: `ELBSecurityPolicy-2016-08` (AWS's API
 * default) and `ELBSecurityPolicy-TLS13-1-0-2021-06` both still accept TLS 1.0.
 * A name not listed here is refused rather than guessed at.
 */
export const ELB_TLS_POLICIES: Readonly<Record<string, TlsVersion>> = {
  "ELBSecurityPolicy-2016-08": "1.0",
  "ELBSecurityPolicy-2015-05": "1.0",
  "ELBSecurityPolicy-TLS-1-0-2015-04": "1.0",
  "ELBSecurityPolicy-TLS-1-1-2017-01": "1.1",
  "ELBSecurityPolicy-TLS-1-2-2017-01": "1.2",
  "ELBSecurityPolicy-TLS-1-2-Ext-2018-06": "1.2",
  "ELBSecurityPolicy-FS-2018-06": "1.0",
  "ELBSecurityPolicy-FS-1-1-2019-08": "1.1",
  "ELBSecurityPolicy-FS-1-2-2019-08": "1.2",
  "ELBSecurityPolicy-FS-1-2-Res-2019-08": "1.2",
  "ELBSecurityPolicy-FS-1-2-Res-2020-10": "1.2",
  "ELBSecurityPolicy-TLS13-1-0-2021-06": "1.0",
  "ELBSecurityPolicy-TLS13-1-1-2021-06": "1.1",
  "ELBSecurityPolicy-TLS13-1-2-2021-06": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-Res-2021-06": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06": "1.2",
  "ELBSecurityPolicy-TLS13-1-3-2021-06": "1.3",
  "ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04": "1.0",
  "ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04": "1.1",
  "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04": "1.2",
  "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04": "1.3",
  "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09": "1.2",
  "ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09": "1.2",
};

/** The lowest TLS version this library lets a listener accept. */
export const MINIMUM_TLS_VERSION: TlsVersion = "1.2";

/** The TLS policy of TLS listeners unless told otherwise: TLS 1.3 and 1.2 with forward secrecy only. */
export const DEFAULT_TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/** Fails unless `policy` is a known ELB security policy whose lowest TLS version is at least 1.2; tokens pass. */
export function checkTlsPolicy(scope: IConstruct, prop: string, policy: string | undefined): void {
  if (policy === undefined || isUnresolved(policy)) return;
  const accepted = Object.keys(ELB_TLS_POLICIES).filter((name) => ELB_TLS_POLICIES[name] >= MINIMUM_TLS_VERSION);
  const lowest = typeof policy === "string" && Object.prototype.hasOwnProperty.call(ELB_TLS_POLICIES, policy) ? ELB_TLS_POLICIES[policy] : undefined;
  if (lowest === undefined) {
    throw new ValidationError(
      scope,
      prop,
      policy,
      `an Elastic Load Balancing security policy accepting TLS ${MINIMUM_TLS_VERSION} or later, such as ${DEFAULT_TLS_POLICY} (known: ${accepted.join(", ")})`,
    );
  }
  if (lowest < MINIMUM_TLS_VERSION) {
    throw new ValidationError(
      scope,
      prop,
      policy,
      `a security policy whose lowest TLS version is ${MINIMUM_TLS_VERSION} or later (this one accepts TLS ${lowest}), such as ${DEFAULT_TLS_POLICY}`,
    );
  }
}
