/**
 * Old names kept so that code written against earlier 0.x releases still
 * compiles; each says what replaces it (see CHANGELOG.md).
 */
import { IHostedZone } from "../vpc";
import { IEndpointService } from "./endpoint-service";

/** @deprecated Use IHostedZone (vpc): the same shape. */
export type IPublicHostedZone = IHostedZone;

/** @deprecated Use IEndpointService; its `serviceId` is `endpointServiceId`. */
export type IVpcEndpointService = IEndpointService;
