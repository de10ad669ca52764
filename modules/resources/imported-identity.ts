import { TerraformProvider } from "../core/cdktf";
import { IConstruct } from "constructs";
import { checkArn, checkResourceId, isUnresolved, literalRegionOf, ValidationError } from "../core";
import { idOfArn } from "../lattice/names";

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
