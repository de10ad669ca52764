import { TerraformStack, Token } from "cdktf";
import { Alb } from "@cdktf/provider-aws/lib/alb";
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import {
  LoadBalancerAccessLogs,
  LoadBalancerCrossZone,
  LoadBalancerDeletionProtection,
  LoadBalancerInternal,
  LoadBalancerMultipleZones,
} from "../../../modules/guardrails";
import { ruleCases } from "../rule-cases";

const SUBNETS = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"];
type LbConfig = Partial<ConstructorParameters<typeof Lb>[2]>;
/** A load balancer that passes every rule, so that each case changes one thing. */
const lb = (stack: TerraformStack, config: LbConfig = {}) =>
  new Lb(stack, "Lb", {
    internal: true,
    loadBalancerType: "network",
    subnets: SUBNETS,
    enableDeletionProtection: true,
    enableCrossZoneLoadBalancing: true,
    accessLogs: { bucket: "example-logs", enabled: true },
    ...config,
  });

const listener = (balancer: Lb, protocol: string) =>
  new LbListener(balancer, `Listener${protocol}`, {
    loadBalancerArn: balancer.arn,
    port: 443,
    protocol,
    defaultAction: [{ type: "forward", targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/api/0123456789abcdef" }],
  });

ruleCases(LoadBalancerAccessLogs, {
  compliant: [
    { name: "logs on", build: (s) => lb(s) },
    { name: "gateway load balancer (no access logs exist)", build: (s) => lb(s, { loadBalancerType: "gateway", accessLogs: undefined }) },
    { name: "network load balancer with TCP listeners only (nothing to log)", build: (s) => listener(lb(s, { accessLogs: undefined }), "TCP") },
    { name: 'enabled written as the string "true" (Terraform converts it)', build: (s) => lb(s).addOverride("access_logs.enabled", "true") },
  ],
  nonCompliant: [
    { name: "no access_logs block", on: "aws_lb", message: "no access_logs", build: (s) => lb(s, { accessLogs: undefined }) },
    { name: "bucket without enabled", on: "aws_lb", message: "enabled is not true", build: (s) => lb(s, { accessLogs: { bucket: "example-logs" } }) },
    {
      name: "network load balancer with a TLS listener",
      on: "aws_lb",
      message: "no access_logs",
      build: (s) => listener(lb(s, { accessLogs: undefined }), "TLS"),
    },
  ],
});

ruleCases(LoadBalancerDeletionProtection, {
  compliant: [
    { name: "protected", build: (s) => lb(s) },
    { name: 'written as the string "true" (hand-written Terraform JSON)', build: (s) => lb(s).addOverride("enable_deletion_protection", "true") },
  ],
  nonCompliant: [
    {
      name: "aws_alb without protection",
      on: "aws_alb",
      message: "enable_deletion_protection",
      build: (s) => new Alb(s, "Alb", { internal: true, subnets: SUBNETS, accessLogs: { bucket: "b", enabled: true } }),
    },
  ],
});

ruleCases(LoadBalancerCrossZone, {
  compliant: [
    { name: "network with cross-zone", build: (s) => lb(s) },
    { name: "application (always cross-zone)", build: (s) => lb(s, { loadBalancerType: "application", enableCrossZoneLoadBalancing: undefined }) },
    { name: 'written as the string "true"', build: (s) => lb(s).addOverride("enable_cross_zone_load_balancing", "true") },
  ],
  nonCompliant: [
    {
      name: "network without cross-zone",
      on: "aws_lb",
      message: "network load balancer",
      build: (s) => lb(s, { enableCrossZoneLoadBalancing: undefined }),
    },
  ],
});

ruleCases(LoadBalancerInternal, {
  compliant: [
    { name: "internal", build: (s) => lb(s) },
    { name: "a Gateway Load Balancer, which has no scheme", build: (s) => lb(s, { internal: undefined, loadBalancerType: "gateway" }) },
    { name: 'internal written as the string "true" (Terraform converts it)', build: (s) => lb(s).addOverride("internal", "true") },
  ],
  nonCompliant: [
    { name: "internal unset", on: "aws_lb", message: "internet-facing", build: (s) => lb(s, { internal: undefined }) },
    { name: "internal false", on: "aws_lb", message: "internal is false", build: (s) => lb(s, { internal: false }) },
  ],
});

ruleCases(LoadBalancerMultipleZones, {
  compliant: [
    { name: "two subnets", build: (s) => lb(s) },
    { name: "two subnet mappings", build: (s) => lb(s, { subnets: undefined, subnetMapping: SUBNETS.map((subnetId) => ({ subnetId })) }) },
    { name: "computed subnet list", build: (s) => lb(s, { subnets: Token.asList("${var.subnets}") }) },
  ],
  nonCompliant: [{ name: "one subnet", on: "aws_lb", message: "1 subnet(s)", build: (s) => lb(s, { subnets: [SUBNETS[0]] }) }],
});
