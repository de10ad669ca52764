/**
 * Old names kept so that code written against earlier 0.x releases still
 * compiles; each says what replaces it (see CHANGELOG.md).
 */
import { LatticeAuthType, LatticeTargetGroupType } from "./interfaces";
import {
  LatticeListener,
  LatticeListenerOptions,
  LatticeListenerProps,
  LatticeListenerProtocol,
  LatticeListenerRuleDefinition,
  LatticeListenerRuleOptions,
} from "./listener";
import { LatticeListenerAction } from "./listener-action";
import {
  LatticeTargetGroup,
  LatticeTargetGroupAttributes,
  LatticeTargetGroupIpAddressType,
  LatticeTargetGroupProps,
  LatticeTargetGroupProtocol,
  LatticeTargetGroupProtocolVersion,
} from "./target-group";
import { LatticeTargetGroupHealthCheck } from "./target-group-health-check";

/** @deprecated Import VPC_LATTICE_SOURCE_CIDRS from core, the home of AWS facts. */
export { VPC_LATTICE_SOURCE_CIDRS } from "../core";

/** @deprecated Use LatticeAuthType: services and service networks authenticate the same way. */
export type ServiceAuthType = LatticeAuthType;

/** @deprecated Use LatticeTargetGroup: VPC Lattice building blocks whose bare name is also another AWS concept (an ELB target group, listener) carry the Lattice prefix. */
export const TargetGroup = LatticeTargetGroup;
/** @deprecated Use LatticeTargetGroup. */
export type TargetGroup = LatticeTargetGroup;

/** @deprecated Use LatticeListener: VPC Lattice building blocks whose bare name is also another AWS concept (an ELB target group, listener) carry the Lattice prefix. */
export const Listener = LatticeListener;
/** @deprecated Use LatticeListener. */
export type Listener = LatticeListener;

/** @deprecated Use LatticeListenerAction: VPC Lattice building blocks whose bare name is also another AWS concept (an ELB target group, listener) carry the Lattice prefix. */
export const ListenerAction = LatticeListenerAction;
/** @deprecated Use LatticeListenerAction. */
export type ListenerAction = LatticeListenerAction;

/** @deprecated Use LatticeTargetGroupProps. */
export type TargetGroupProps = LatticeTargetGroupProps;

/** @deprecated Use LatticeTargetGroupAttributes. */
export type TargetGroupAttributes = LatticeTargetGroupAttributes;

/** @deprecated Use LatticeTargetGroupHealthCheck. */
export type TargetGroupHealthCheck = LatticeTargetGroupHealthCheck;

/** @deprecated Use LatticeTargetGroupProtocol. */
export type TargetGroupProtocol = LatticeTargetGroupProtocol;

/** @deprecated Use LatticeTargetGroupProtocolVersion. */
export type TargetGroupProtocolVersion = LatticeTargetGroupProtocolVersion;

/** @deprecated Use LatticeTargetGroupIpAddressType. */
export type TargetGroupIpAddressType = LatticeTargetGroupIpAddressType;

/** @deprecated Use LatticeTargetGroupType. */
export type TargetGroupType = LatticeTargetGroupType;

/** @deprecated Use LatticeListenerProps. */
export type ListenerProps = LatticeListenerProps;

/** @deprecated Use LatticeListenerOptions. */
export type ListenerOptions = LatticeListenerOptions;

/** @deprecated Use LatticeListenerProtocol. */
export type ListenerProtocol = LatticeListenerProtocol;

/** @deprecated Use LatticeListenerRuleOptions. */
export type ListenerRuleOptions = LatticeListenerRuleOptions;

/** @deprecated Use LatticeListenerRuleDefinition. */
export type ListenerRuleDefinition = LatticeListenerRuleDefinition;
