import { Rule } from "../rule";

/** A named selection of rules, as cdk-nag's packs. */
export interface RulePack {
  readonly name: string;
  readonly description: string;
  readonly rules: readonly Rule[];
}
