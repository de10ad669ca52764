import { Construct } from "constructs";
import { ArnPlacement, checkArn, checkIpAddress, checkPort, checkResourceId, checkString, requireValue } from "../core";
import { LatticeTargetGroupType } from "./interfaces";

/** What identifies a target of each type, for errors. */
const TARGET_IDS: Record<LatticeTargetGroupType, string> = {
  INSTANCE: "EC2 instance ID",
  IP: "IP address",
  LAMBDA: "Lambda function ARN",
  ALB: "Application Load Balancer ARN",
};

/**
 * One thing a target group routes to. The factory decides which target
 * group type the target belongs to, so a mismatch fails at synth.
 */
export class LatticeTarget {
  /** An EC2 instance, by ID. */
  public static instance(instanceId: string, port?: number): LatticeTarget {
    return new LatticeTarget("INSTANCE", instanceId, port, (scope, prop) => checkResourceId(scope, `${prop}.id`, instanceId, "instance"));
  }

  /** Any IPv4 or IPv6 address in the target group's VPC. */
  public static ipAddress(address: string, port?: number): LatticeTarget {
    return new LatticeTarget("IP", address, port, (scope, prop) => checkIpAddress(scope, `${prop}.id`, address));
  }

  /**
   * A Kubernetes pod of an EKS cluster. With the Amazon VPC CNI every pod has
   * an address of the VPC, so VPC Lattice reaches it as an IP target. But the
   * address changes whenever the pod is rescheduled (a StatefulSet keeps its
   * pods' names, not their addresses), so a pod registered by Terraform goes
   * stale: use it only for a pod pinned to an address that stays. Otherwise
   * let the AWS Gateway API Controller register the pods, in the target group
   * it creates for a ServiceExport, and forward to that group
   * (`LatticeTargetGroup.fromAttributes`).
   */
  public static eksPod(podIp: string, port?: number): LatticeTarget {
    return LatticeTarget.ipAddress(podIp, port);
  }

  /**
   * A Lambda function (ideally an alias ARN, so that new versions are picked
   * up without touching the target group), in the target group's account,
   * region and partition.
   */
  public static lambdaFunction(functionArn: string): LatticeTarget {
    return new LatticeTarget(
      "LAMBDA",
      functionArn,
      undefined,
      (scope, prop, placement) => void checkArn(scope, `${prop}.id`, functionArn, "lambdaFunction", placement),
    );
  }

  /** An internal Application Load Balancer of the target group's account and region, listening on the target group's port; one per target group. */
  public static applicationLoadBalancer(loadBalancerArn: string): LatticeTarget {
    return new LatticeTarget(
      "ALB",
      loadBalancerArn,
      undefined,
      (scope, prop, placement) => void checkArn(scope, `${prop}.id`, loadBalancerArn, "applicationLoadBalancer", placement),
    );
  }

  private constructor(
    /** The target group type the target belongs in. */
    public readonly type: LatticeTargetGroupType,
    /** Instance ID, IP address, function ARN or load balancer ARN. */
    public readonly id: string,
    /** @default - the target group's port */
    public readonly port: number | undefined,
    private readonly check: (scope: Construct, prop: string, placement: ArnPlacement) => void,
  ) {}

  /** Fails on an ID of the wrong kind, or an ARN of another region or partition than `placement`. @internal */
  public validate(scope: Construct, prop: string, placement: ArnPlacement = {}): void {
    requireValue(scope, `${prop}.id`, this.id, `the target's ${TARGET_IDS[this.type]}`);
    checkString(scope, `${prop}.id`, this.id);
    this.check(scope, prop, placement);
    checkPort(scope, `${prop}.port`, this.port);
  }
}
