import { ALL_RULES } from "../rules";
import { RulePack } from "./pack";

/**
 * Only the rules that checkov, trivy or Security Hub also run: for teams that
 * already scan with those tools and want the same answers at synth time.
 */
export const SCANNER_PARITY_PACK: RulePack = {
  name: "scanner-parity",
  description: "The rules with a checkov, trivy or Security Hub equivalent.",
  rules: ALL_RULES.filter((rule) => rule.equivalents !== undefined),
};
