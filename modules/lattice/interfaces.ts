import { TerraformProvider } from "../core/cdktf";

/**
 * Contracts between the VPC Lattice building blocks, so that service
 * networks, services, target groups and resource configurations can refer
 * to each other (and to resources imported from other stacks or accounts)
 * without depending on each other's classes.
 */

/**
 * How VPC Lattice authenticates requests to a service or service network (`auth_type`):
 * SigV4 plus an auth policy (AWS_IAM), or not at all (NONE).
 */
export type LatticeAuthType = "AWS_IAM" | "NONE";

/** A VPC Lattice service network, created here or imported. */
export interface IServiceNetwork {
  /** Service network ID (`sn-...`). */
  readonly serviceNetworkId: string;
  /**
   * Service network ARN (`arn:aws:vpc-lattice:<region>:<account>:servicenetwork/sn-...`), what RAM shares and cross-account associations use.
   */
  readonly serviceNetworkArn: string;
  /** The provider (account) that owns it. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /**
   * True for a network that holds resource configurations only (it has no auth policy, which would not apply to them): services cannot join it.
   * @default - unknown (imported networks), false for networks made here without the option
   */
  readonly resourceConfigurationsOnly?: boolean;
  /**
   * True for a network this configuration shares through RAM (`sharing`): AWS associates with it only
   * resource configurations that allow shareable networks.
   * @default - unknown (imported networks): not checked
   */
  readonly sharedThroughRam?: boolean;
}

/** A VPC Lattice service, created here or imported. */
export interface ILatticeService {
  /** Service ID (`svc-...`). */
  readonly serviceId: string;
  /** Service ARN (`arn:aws:vpc-lattice:<region>:<account>:service/svc-...`). */
  readonly serviceArn: string;
  /** @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** Kinds of VPC Lattice target groups. */
export type LatticeTargetGroupType = "INSTANCE" | "IP" | "LAMBDA" | "ALB";

/** A VPC Lattice target group, created here or imported. */
export interface ILatticeTargetGroup {
  /** Target group ID (`tg-...`), what listener actions and rules forward to. */
  readonly targetGroupId: string;
  /** Target group ARN (`arn:aws:vpc-lattice:<region>:<account>:targetgroup/tg-...`). */
  readonly targetGroupArn: string;
  /** What the group routes to: INSTANCE, IP, LAMBDA or ALB. */
  readonly type: LatticeTargetGroupType;
  /**
   * Protocol of the targets (HTTP, HTTPS, TCP). Used to check that traffic splits are compatible.
   * @default - undefined for LAMBDA groups, and for imported groups that did not give it (the check is skipped)
   */
  readonly protocol?: string;
  /** @default - unknown */
  readonly protocolVersion?: string;
  /** The provider (account) that owns the group, which must be the account of the services forwarding to it. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** A VPC Lattice resource configuration: the one contract lives in core, below the areas that share it. */
export { IResourceConfiguration } from "../core/contracts";
