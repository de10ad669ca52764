import { catalog } from "./catalog";

// `npm run --silent catalog`: JSON only, for machines.
process.stdout.write(`${JSON.stringify(catalog(), null, 2)}\n`);
