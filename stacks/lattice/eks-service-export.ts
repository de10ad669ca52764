import { TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { ILatticeTargetGroup, LatticeTargetGroup } from "../../modules/lattice";
import { IVpc, Peer, SecurityGroup } from "../../modules/vpc";
import { outputName } from "./service-network-demo";

/** The pods of a Kubernetes Service, as VPC Lattice sees them. */
export interface ServiceExportTargets {
  /** The target group the AWS Gateway API Controller keeps for the Service's ServiceExport. */
  readonly targetGroup: ILatticeTargetGroup;
  /** The security group to give the pods (a SecurityGroupPolicy), admitting VPC Lattice on their port. */
  readonly podsSecurityGroup: SecurityGroup;
}

/** Options of {@link serviceExportTargets}. */
export interface ServiceExportTargetsProps {
  /** The Kubernetes Service; its name keys the variable (`<service>_target_group_arn`). */
  readonly service: string;
  /** The cluster's VPC. */
  readonly vpc: IVpc;
  /** The pods' container port, which the ServiceExport exports. */
  readonly port: number;
  /** Default of the variable, so that the example plans offline. */
  readonly exampleTargetGroupArn: string;
}

/**
 * Pods of an EKS cluster behind a Terraform-managed Lattice service. With
 * the VPC CNI every pod has a VPC address, and it changes whenever the pod
 * is rescheduled, so Terraform must not register pod IPs. The AWS Gateway
 * API Controller keeps them registered, but only in target groups it
 * creates itself (it never registers targets in a group made elsewhere): a
 * `ServiceExport` of the Service creates one, its health check set by a
 * `TargetGroupPolicy`. Its ARN comes in as a Terraform variable (applied
 * after the ServiceExport), and the listener forwards to it.
 */
export function serviceExportTargets(scope: Construct, id: string, props: ServiceExportTargetsProps): ServiceExportTargets {
  const variable = new TerraformVariable(scope, `${outputName(props.service)}_target_group_arn`, {
    type: "string",
    description: `ARN of the VPC Lattice target group the AWS Gateway API Controller created for the ServiceExport of Kubernetes Service ${props.service}`,
    default: props.exampleTargetGroupArn,
    validation: [
      {
        condition: `\${can(regex("^arn:aws[a-z-]*:vpc-lattice:[a-z0-9-]+:[0-9]{12}:targetgroup/tg-[0-9a-z]{17}$", var.${outputName(props.service)}_target_group_arn))}`,
        errorMessage:
          "The value must be a VPC Lattice target group ARN such as arn:aws:vpc-lattice:us-east-1:111111111111:targetgroup/tg-0123456789abcdef0.",
      },
    ],
  });
  const targetGroup = LatticeTargetGroup.fromLatticeTargetGroupAttributes(scope, id, {
    targetGroupArn: variable.stringValue,
    type: "IP",
    protocol: "HTTP",
    protocolVersion: "HTTP1",
  });
  const podsSecurityGroup = new SecurityGroup(scope, `${id}SecurityGroup`, {
    vpc: props.vpc,
    description: `Pods of ${props.service} reached through VPC Lattice (SecurityGroupPolicy)`,
  });
  // The controller's target group is not this stack's to open groups for: the pods' group admits VPC Lattice itself.
  podsSecurityGroup.addIngressRule({ peer: Peer.vpcLattice(), port: props.port, description: `VPC Lattice to the pods of ${props.service}` });
  return { targetGroup, podsSecurityGroup };
}
