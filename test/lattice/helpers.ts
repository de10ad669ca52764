import { ILatticeService } from "../../modules/lattice";

/** Fixtures of the lattice tests. */

export const SERVICE_ARN = "arn:aws:vpc-lattice:us-east-1:111111111111:service/svc-0123456789abcdef0";

/** A service made elsewhere, for tests that only need its identifiers. */
export function fakeService(arn = SERVICE_ARN): ILatticeService {
  return { serviceArn: arn, serviceId: arn.split("/").pop()! };
}
