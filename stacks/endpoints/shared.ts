import { Construct } from "constructs";
import { PrivateVpc } from "../../modules/vpc";
import { EXAMPLE_AZS } from "../example-stack";

/** The organization every example endpoint policy admits (fake but well formed). */
export const EXAMPLE_ORGANIZATION_ID = "o-a1b2c3d4e5";
/** The account that owns the example workloads. */
export const OWNER_ACCOUNT = "111111111111";

/** A workload VPC with one private subnet per example AZ and no internet route: what every endpoint stack starts from. */
export function workloadVpc(scope: Construct, name: string, cidrBlock = "10.0.0.0/16"): PrivateVpc {
  return new PrivateVpc(scope, "Vpc", { name, cidrBlock, availabilityZones: EXAMPLE_AZS });
}
