import { IConstruct } from "constructs";
import { checkItemCount, checkPredicate, checkUnique } from "../core";
import { isAvailabilityZoneId } from "../vpc";

/** A list of AZ IDs a provider publishes (at least one, unique, each shaped like `use1-az1`); tokens pass. */
export function checkZoneIds(scope: IConstruct, prop: string, ids: readonly string[] | undefined): void {
  checkItemCount(scope, prop, ids, 1);
  checkUnique(scope, prop, ids);
  ids?.forEach((id, i) =>
    checkPredicate(scope, `${prop}[${i}]`, id, isAvailabilityZoneId, "an AZ ID such as use1-az1 (AZ names map to other zones in other accounts)"),
  );
}
