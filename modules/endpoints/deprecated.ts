/**
 * Old names kept so that code written against earlier 0.x releases still
 * compiles; each says what replaces it (see CHANGELOG.md).
 */
import { AWS_LIMITS, IResourceConfiguration, PortRange } from "../core";

/** @deprecated Use PortRange (core): the same shape. */
export type PortSpec = PortRange;

/** @deprecated Use IResourceConfiguration (core): the one contract of a resource configuration. */
export type IResourceEndpointTarget = IResourceConfiguration;

/** @deprecated Use AWS_LIMITS.endpointPolicyCharacters (core). */
export const ENDPOINT_POLICY_MAX_CHARACTERS = AWS_LIMITS.endpointPolicyCharacters;
