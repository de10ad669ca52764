import { Construct } from "constructs";
import { checkIpAddress, checkPattern, checkPort } from "../core";
import { LatticeTargetGroupType } from "./interfaces";

/**
 * One thing a target group routes to. The factory decides which target
 * group type the target belongs to, so a mismatch fails at synth.
 */
export class LatticeTarget {
  /** An EC2 instance, by ID. */
  public static instance(instanceId: string, port?: number): LatticeTarget {
    return new LatticeTarget("INSTANCE", instanceId, port, (scope, prop) =>
      checkPattern(scope, `${prop}.id`, instanceId, /^i-[0-9a-f]{8,17}$/, "an EC2 instance ID such as i-0123456789abcdef0"),
    );
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
   * up without touching the target group), in the same account and region.
   */
  public static lambdaFunction(functionArn: string): LatticeTarget {
    return new LatticeTarget("LAMBDA", functionArn, undefined, (scope, prop) =>
      checkPattern(
        scope,
        `${prop}.id`,
        functionArn,
        /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]{1,128})?$/,
        "a Lambda function ARN such as arn:aws:lambda:us-east-1:111111111111:function:orders:live",
      ),
    );
  }

  /** An internal Application Load Balancer, listening on the target group's port. */
  public static applicationLoadBalancer(loadBalancerArn: string): LatticeTarget {
    return new LatticeTarget("ALB", loadBalancerArn, undefined, (scope, prop) =>
      checkPattern(
        scope,
        `${prop}.id`,
        loadBalancerArn,
        /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/app\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/,
        "an Application Load Balancer ARN such as arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/internal-api/0123456789abcdef",
      ),
    );
  }

  private constructor(
    /** The target group type the target belongs in. */
    public readonly type: LatticeTargetGroupType,
    /** Instance ID, IP address, function ARN or load balancer ARN. */
    public readonly id: string,
    /** @default - the target group's port */
    public readonly port: number | undefined,
    private readonly check: (scope: Construct, prop: string) => void,
  ) {}

  /** @internal */
  public validate(scope: Construct, prop: string): void {
    this.check(scope, prop);
    checkPort(scope, `${prop}.port`, this.port);
  }
}
