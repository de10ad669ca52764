import { TerraformProvider } from "../core/cdktf";
import { IConstruct } from "constructs";
import { checkArn, checkResourceId, isUnresolved, literalRegionOf, ValidationError } from "../core";
import { idOfArn } from "../lattice/names";
import { availabilityZoneIdPrefix, isAvailabilityZoneId, isAvailabilityZoneIdOf } from "../vpc";

/** The two kinds of VPC Lattice resource this area imports by ARN. */
type ImportedKind = "resourceGateway" | "resourceConfiguration";

/**
 * The ID of a resource gateway or configuration made elsewhere, from its
 * importer's ARN and optional ID: the ARN must be of that kind and of the
 * region it is used in (the provider's), the ID of that kind and the one the
 * ARN names. Returns the given ID, else the ARN's. `kind` also names the
 * props (`<kind>Arn`, `<kind>Id`), as the attributes call them.
 */
export function checkImportedIdentity(
  scope: IConstruct,
  kind: ImportedKind,
  arn: string,
  id: string | undefined,
  provider: TerraformProvider | undefined,
): string {
  const arnProp = `${kind}Arn`;
  const idProp = `${kind}Id`;
  checkArn(scope, arnProp, arn, kind, { region: literalRegionOf(scope, provider) });
  checkResourceId(scope, idProp, id, kind);
  const fromArn = idOfArn(arn);
  if (id !== undefined && !isUnresolved(id) && !isUnresolved(fromArn) && id !== fromArn) {
    throw new ValidationError(scope, idProp, id, `the ID ${arnProp} names (${fromArn})`);
  }
  return id ?? fromArn;
}

/**
 * An AZ ID the owner of an imported gateway or configuration publishes:
 * an ID (names map to different zones in each account), of the region the
 * import is used in (`euw1-az1` has no place beside a us-east-1 ARN), so
 * that the endpoints' AZ overlap is judged against real zones.
 */
export function checkImportedZoneId(scope: IConstruct, prop: string, zoneId: string, provider: TerraformProvider | undefined): void {
  if (isUnresolved(zoneId)) return;
  if (!isAvailabilityZoneId(zoneId))
    throw new ValidationError(scope, prop, zoneId, "an AZ ID such as use1-az1 (AZ names map to different zones in each account)");
  const region = literalRegionOf(scope, provider);
  if (region !== undefined && !isAvailabilityZoneIdOf(zoneId, region))
    throw new ValidationError(
      scope,
      prop,
      zoneId,
      `an AZ ID of ${region}, the region the import is used in (${availabilityZoneIdPrefix(region)}-az1 ...)`,
    );
}
