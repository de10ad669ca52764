import { ExampleStackDefinition } from "../example-stack";

/** PrivateLink endpoint services and consumers (ES, DEP-2). */
export const privateLinkStacks: readonly ExampleStackDefinition[] = [];
