/**
 * Old names kept so that code written against earlier 0.x releases still
 * compiles; each says what replaces it (see CHANGELOG.md).
 */
import { Construct } from "constructs";
import { IVpc, Vpc, VpcAttributes, VpcProps } from "./vpc";

/** @deprecated Use VpcProps. */
export type PrivateVpcProps = VpcProps;

/** @deprecated Use Vpc, and Vpc.fromVpcAttributes for PrivateVpc.fromAttributes. */
export class PrivateVpc extends Vpc {
  /** @deprecated Use Vpc.fromVpcAttributes. */
  public static fromAttributes(scope: Construct, id: string, attrs: VpcAttributes): IVpc {
    return Vpc.fromVpcAttributes(scope, id, attrs);
  }
}
