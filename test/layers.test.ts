import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/**
 * The layers of modules/ (each area's README.md says the same): an area
 * imports only the areas listed for it, so arrows point down and there is
 * no import cycle between areas.
 */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  vpc: ["core", "ram"],
  ram: ["core"],
  endpoints: ["core", "vpc"],
  privatelink: ["core", "vpc", "endpoints"],
  lattice: ["core", "vpc", "ram", "endpoints"],
  resources: ["core", "vpc", "ram", "endpoints", "lattice"],
  flows: ["core"],
  guardrails: ["core", "flows"],
  diagram: ["core", "flows"],
  // The app entry point: stacks, backends and providers as the docs describe them.
  app: ["core"],
  // The package's command runs the guardrails over JSON read by flows.
  cli: ["core", "flows", "guardrails"],
};

const MODULES = resolve(__dirname, "..", "modules");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("modules/ layers", () => {
  it("knows every area", () => {
    const areas = readdirSync(MODULES).filter((name) => statSync(join(MODULES, name)).isDirectory());
    expect(areas.sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it.each(Object.keys(ALLOWED))("%s imports only the areas below it", (area) => {
    const upward = sources(join(MODULES, area)).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/from "(\.[^"]*)"/g)]
        .map((match) => relative(MODULES, resolve(dirname(file), match[1])).split("/")[0])
        .filter((target) => target !== area && target !== "" && !ALLOWED[area].includes(target))
        .map((target) => `${relative(MODULES, file)} imports ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it("reaches the CDK runtime through modules/core/cdktf.ts only, so that a runtime swap changes one file", () => {
    const runtimeImports = sources(MODULES)
      .filter((file) => relative(MODULES, file) !== join("core", "cdktf.ts"))
      .flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(/(?:from |require\()"(cdktf(?:\/[^"]*)?)"/g)].map(
          (match) => `${relative(MODULES, file)} imports ${match[1]}`,
        ),
      );
    expect(runtimeImports).toEqual([]);
  });
});
