/**
 * node --import tsx tools/api-defaults.ts [entry.ts ...]
 *
 * The part of the API documentation rule TypeDoc cannot check: every
 * optional property of an exported interface says what happens when it is
 * left out (`@default value` or `@default - what happens`). TypeDoc's
 * `notDocumented` validation (npm run docs:check) covers the rest.
 * Defaults to every area entry point, modules/<area>/index.ts.
 */
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import * as ts from "typescript";

/** An optional interface property without a `@default` tag. */
export interface MissingDefault {
  /** `Interface.property`. */
  readonly member: string;
  /** `path:line` of the property. */
  readonly location: string;
}

/** Checks every interface exported (directly or re-exported) by the entry points. */
export function missingDefaults(entryPoints: readonly string[], root: string = process.cwd()): MissingDefault[] {
  // Only declarations and exports matter: no default library or ambient @types to load.
  const program = ts.createProgram([...entryPoints], { noEmit: true, noLib: true, types: [], skipLibCheck: true });
  const checker = program.getTypeChecker();
  const found = new Map<string, MissingDefault>();
  for (const entry of entryPoints) {
    const source = program.getSourceFile(entry);
    const symbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (symbol === undefined) continue;
    for (const exported of checker.getExportsOfModule(symbol)) {
      const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      for (const declaration of target.declarations ?? []) {
        if (!ts.isInterfaceDeclaration(declaration)) continue;
        for (const member of declaration.members) {
          if (!ts.isPropertySignature(member) || member.questionToken === undefined) continue;
          if (ts.getJSDocTags(member).some((tag) => tag.tagName.text === "default")) continue;
          const file = member.getSourceFile();
          const line = file.getLineAndCharacterOfPosition(member.getStart()).line + 1;
          const name = `${declaration.name.text}.${member.name.getText(file)}`;
          found.set(name, { member: name, location: `${relative(root, file.fileName)}:${line}` });
        }
      }
    }
  }
  return [...found.values()];
}

/** modules/<area>/index.ts of every area. */
export function areaEntryPoints(modulesDir: string): string[] {
  return readdirSync(modulesDir)
    .map((area) => join(modulesDir, area, "index.ts"))
    .filter((file) => existsSync(file))
    .sort();
}

if (require.main === module) {
  const root = join(__dirname, "..");
  const entries = process.argv.length > 2 ? process.argv.slice(2) : areaEntryPoints(join(root, "modules"));
  const missing = missingDefaults(entries, root);
  missing.forEach((m) => console.error(`${m.location}: ${m.member} is optional but has no @default`));
  console.log(`${missing.length} optional propert${missing.length === 1 ? "y" : "ies"} without @default in ${entries.length} entry points`);
  if (missing.length > 0) process.exitCode = 1;
}
