import { IConstruct } from "constructs";
import { TerraformProvider } from "./cdktf";
import { ValidationError } from "./errors";
import { PortRange } from "./ports";

/**
 * Contracts that several areas share, kept below them so that no area
 * imports another one to name a concept: a resource configuration
 * (resources) is associated with service networks (lattice) and reached by
 * Resource endpoints (endpoints).
 */

/**
 * SINGLE: one DNS name or IP address. GROUP: a parent of CHILD
 * configurations, shared and reached as one. ARN: an AWS resource such as an
 * RDS database, whose ports AWS takes from the resource.
 */
export type ResourceConfigurationType = "SINGLE" | "GROUP" | "CHILD" | "ARN";

/** Where a network interface is placed: its AZ name, and its AZ ID (the same zone in every account). */
export interface ZonePlacement {
  /** AZ name (`us-east-1a`), which maps to a different zone in each account. @default - unknown */
  readonly availabilityZone?: string;
  /** AZ ID (`use1-az1`). @default - unknown */
  readonly availabilityZoneId?: string;
}

/**
 * A VPC Lattice resource configuration, created here or imported: what
 * service network associations, Resource endpoints and RAM shares refer to.
 */
export interface IResourceConfiguration {
  /** Resource configuration ARN (`arn:aws:vpc-lattice:…:resourceconfiguration/rcfg-…`), what RAM shares, associations and endpoints use. */
  readonly resourceConfigurationArn: string;
  /** `rcfg-` followed by 17 characters. @default - unknown; the ARN names the configuration */
  readonly resourceConfigurationId?: string;
  /** TCP ports of the configuration, which the security groups of endpoints to it open. @default - none known (ARN resources): endpoints need their own ports */
  readonly ports?: readonly PortRange[];
  /** @default - unknown */
  readonly type?: ResourceConfigurationType;
  /** The provider (account) that owns the configuration. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /**
   * The zones of the resource gateway's subnets: a Resource endpoint must share at least one with them.
   * @default - unknown (an imported configuration or gateway): the overlap is not checked
   */
  readonly gatewayZones?: readonly ZonePlacement[];
  /**
   * Whether the configuration may be associated with service networks shared through RAM
   * (`allow_association_to_shareable_service_network`).
   * @default - unknown (an imported configuration): not checked
   */
  readonly allowsShareableServiceNetworks?: boolean;
}

/**
 * Fails for a CHILD configuration used on its own (shared, associated with
 * a service network, reached by a Resource endpoint): AWS uses a child only
 * as part of its GROUP. `use` says what was attempted ("shares", "associates").
 */
export function checkNotChildConfiguration(scope: IConstruct, prop: string, configuration: { readonly type?: string }, use: string): void {
  if (configuration.type !== "CHILD") return;
  throw new ValidationError(
    scope,
    `${prop}.type`,
    configuration.type,
    `a configuration AWS ${use} on its own (SINGLE, GROUP or ARN): a CHILD is used only as part of its GROUP (use the group)`,
  );
}

/**
 * An ACM certificate made elsewhere (ACM, another stack, a central account):
 * what a Lattice service's custom domain (and a TLS listener) serves.
 */
export interface ICertificate {
  /** `arn:<partition>:acm:<region>:<account>:certificate/<uuid>`; it must be of the region where it is used. */
  readonly certificateArn: string;
  /**
   * The names the certificate carries (its domain name and subject
   * alternative names; `*.example.com` covers one label), so that the names
   * it serves can be checked at synth.
   * @default - unknown: the names are not checked
   */
  readonly domainNames?: readonly string[];
}
