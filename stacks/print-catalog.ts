import { catalog, markdownRows } from "./catalog";

// `npm run --silent catalog`: JSON only, for machines. `-- --markdown`: the README table rows.
const rows = process.argv.includes("--markdown") ? markdownRows() : [JSON.stringify(catalog(), null, 2)];
process.stdout.write(`${rows.join("\n")}\n`);
