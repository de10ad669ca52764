/**
 * What each kind of VPC endpoint connects to. Building blocks of every area
 * implement these so that one endpoint family serves them all: AWS services
 * and PrivateLink endpoint services (Interface), VPC Lattice resource
 * configurations (Resource) and service networks (ServiceNetwork).
 */

/** An AWS service or a PrivateLink endpoint service that an Interface endpoint can reach. */
export interface IInterfaceEndpointService {
  /** Full service name, e.g. `com.amazonaws.us-east-1.logs` or `com.amazonaws.vpce.us-east-1.vpce-svc-0123...`. */
  readonly serviceName: string;
  /** TCP ports the endpoint's security group must open towards the service. */
  readonly ports: readonly number[];
  /** True for services AWS operates (endpoint policies apply); false for endpoint services (AWS ignores policies). */
  readonly isAwsService: boolean;
  /**
   * Whether consumers can turn private DNS on: AWS services that support it, and
   * endpoint services with a verified private DNS name.
   */
  readonly privateDnsSupported: boolean;
  /** Region the service lives in, when it is another one than the endpoint's (cross-region PrivateLink). @default - same region */
  readonly serviceRegion?: string;
}

/** A VPC Lattice service network that a ServiceNetwork endpoint can reach. */
export interface IServiceNetworkEndpointTarget {
  /** ARN of the service network (`arn:aws:vpc-lattice:…:servicenetwork/sn-…`). */
  readonly serviceNetworkArn: string;
}
