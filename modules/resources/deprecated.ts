/**
 * Old names kept so that code written against earlier 0.x releases still
 * compiles; each says what replaces it (see CHANGELOG.md).
 */
import { IResourceConfiguration } from "../core";

/** @deprecated Use IResourceConfiguration (core): the one contract of a resource configuration. */
export type IVpcResourceConfiguration = IResourceConfiguration;
