import { ExampleStackDefinition } from "./example-stack";
import { endpointStacks } from "./endpoints";
import { latticeStacks } from "./lattice";
import { privateLinkStacks } from "./privatelink";
import { resourceStacks } from "./resources";
import { USE_CASES, UseCaseId } from "./use-cases";

/** The example stacks of each area and the module folder they demonstrate. */
const AREAS: readonly { readonly module: string; readonly stacks: readonly ExampleStackDefinition[] }[] = [
  { module: "modules/endpoints", stacks: endpointStacks },
  { module: "modules/privatelink", stacks: privateLinkStacks },
  { module: "modules/lattice", stacks: latticeStacks },
  { module: "modules/resources", stacks: resourceStacks },
];

/** Every stack of the example app, in a stable order. */
export const ALL_STACKS: readonly ExampleStackDefinition[] = AREAS.flatMap((area) => area.stacks);

export interface CatalogEntry {
  readonly id: UseCaseId;
  readonly title: string;
  readonly stacks: readonly string[];
  /** Module folders the stacks demonstrate. */
  readonly modules: readonly string[];
}

/** Use-case ID -> stacks, for every use case at least one stack covers, in the order of USE-CASES.md. */
export function catalog(stacks: readonly ExampleStackDefinition[] = ALL_STACKS): CatalogEntry[] {
  return (Object.keys(USE_CASES) as UseCaseId[])
    .map((id) => {
      const covering = stacks.filter((s) => s.useCases.includes(id));
      const modules = AREAS.filter((area) => area.stacks.some((s) => covering.includes(s))).map((area) => area.module);
      return { id, title: USE_CASES[id], stacks: covering.map((s) => s.name), modules };
    })
    .filter((entry) => entry.stacks.length > 0);
}

/** The README's use-case table rows: ID -> stacks -> modules. */
export function markdownRows(): string[] {
  const code = (values: readonly string[]): string => values.map((v) => `\`${v}\``).join(", ");
  return catalog().map((e) => `| ${e.id} | ${e.title} | ${code(e.stacks)} | ${code(e.modules)} |`);
}
