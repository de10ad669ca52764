import { ExampleStackDefinition } from "./example-stack";
import { endpointStacks } from "./endpoints";
import { latticeStacks } from "./lattice";
import { privateLinkStacks } from "./privatelink";
import { resourceStacks } from "./resources";
import { USE_CASES, UseCaseId } from "./use-cases";

/** Every stack of the example app, in a stable order. */
export const ALL_STACKS: readonly ExampleStackDefinition[] = [...endpointStacks, ...privateLinkStacks, ...latticeStacks, ...resourceStacks];

export interface CatalogEntry {
  readonly id: UseCaseId;
  readonly title: string;
  readonly stacks: readonly string[];
}

/** Use-case ID -> stacks, for every use case at least one stack covers, in the order of USE-CASES.md. */
export function catalog(stacks: readonly ExampleStackDefinition[] = ALL_STACKS): CatalogEntry[] {
  return (Object.keys(USE_CASES) as UseCaseId[])
    .map((id) => ({ id, title: USE_CASES[id], stacks: stacks.filter((s) => s.useCases.includes(id)).map((s) => s.name) }))
    .filter((entry) => entry.stacks.length > 0);
}
