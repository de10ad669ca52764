import { TfBlock } from "../../model";

/** `aws_alb` is the provider's older name for `aws_lb`. */
export const LOAD_BALANCER_TYPES = ["aws_lb", "aws_alb"];

/** Terraform's default when `load_balancer_type` is absent. */
export function loadBalancerType(lb: TfBlock): unknown {
  return lb.config.load_balancer_type ?? "application";
}
