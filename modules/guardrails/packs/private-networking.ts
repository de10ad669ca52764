import { ALL_RULES } from "../rules";
import { RulePack } from "./pack";

/** The default pack: every rule, scanner equivalents and our own. */
export const PRIVATE_NETWORKING_PACK: RulePack = {
  name: "private-networking",
  description: "Every guardrail for VPC endpoints, PrivateLink, VPC Lattice, load balancers, security groups and RAM shares.",
  rules: ALL_RULES,
};
