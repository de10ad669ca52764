import { ExampleStackDefinition } from "../example-stack";

/** VPC Lattice service networks, services and target groups (SN, LS, TG, DEP-3, DEP-4). */
export const latticeStacks: readonly ExampleStackDefinition[] = [];
