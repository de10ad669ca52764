import { TerraformProvider } from "cdktf";

/**
 * Contracts between the VPC Lattice building blocks, so that service
 * networks, services, target groups and resource configurations can refer
 * to each other (and to resources imported from other stacks or accounts)
 * without depending on each other's classes.
 */

/** A VPC Lattice service network, created here or imported. */
export interface IServiceNetwork {
  readonly serviceNetworkId: string;
  readonly serviceNetworkArn: string;
  /** The provider (account) that owns it. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** A VPC Lattice service, created here or imported. */
export interface ILatticeService {
  readonly serviceId: string;
  readonly serviceArn: string;
  /** @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** Kinds of VPC Lattice target groups. */
export type TargetGroupType = "INSTANCE" | "IP" | "LAMBDA" | "ALB";

/** A VPC Lattice target group, created here or imported. */
export interface ILatticeTargetGroup {
  readonly targetGroupId: string;
  readonly targetGroupArn: string;
  readonly type: TargetGroupType;
  /** Protocol of the targets (HTTP, HTTPS, TCP); undefined for LAMBDA. Used to check that traffic splits are compatible. */
  readonly protocol?: string;
  /** @default - unknown */
  readonly protocolVersion?: string;
}

/** A VPC Lattice resource configuration, created here or imported. */
export interface IResourceConfiguration {
  readonly resourceConfigurationId: string;
  readonly resourceConfigurationArn: string;
  /** @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}
