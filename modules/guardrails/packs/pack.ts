import { Rule } from "../rule";

/** A named selection of rules, as cdk-nag's packs. */
export interface RulePack {
  /** What `npm run check -- --pack <name>` selects it by. */
  readonly name: string;
  /** One sentence for reports. */
  readonly description: string;
  /** The rules the pack runs. */
  readonly rules: readonly Rule[];
}
