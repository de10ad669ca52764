import { ExampleStackDefinition } from "../example-stack";

/** Resource gateways and resource configurations (RC, RG, DEP-5, DEP-6). */
export const resourceStacks: readonly ExampleStackDefinition[] = [];
