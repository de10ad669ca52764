import { ExampleStackDefinition } from "../example-stack";

/** VPC endpoints to AWS services (EP, DEP-1). */
export const endpointStacks: readonly ExampleStackDefinition[] = [];
