import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { areaEntryPoints, missingDefaults } from "../../tools/api-defaults";

describe("missingDefaults", () => {
  const root = mkdtempSync(join(tmpdir(), "api-defaults-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function area(name: string, files: Record<string, string>): string {
    const dir = join(root, "modules", name);
    mkdirSync(dir, { recursive: true });
    Object.entries(files).forEach(([file, text]) => writeFileSync(join(dir, file), text));
    return join(dir, "index.ts");
  }

  test("fails on an optional property without @default, through a re-export", () => {
    const entry = area("a", {
      "index.ts": 'export * from "./props";\n',
      "props.ts": [
        "export interface FooProps {",
        "  /** Required: needs no default. */",
        "  readonly name: string;",
        "  /** Documented but silent about the default. */",
        "  readonly port?: number;",
        "  /** @default false */",
        "  readonly dualStack?: boolean;",
        "  /**",
        "   * Multi-line.",
        "   * @default - the stack's default provider",
        "   */",
        "  readonly provider?: string;",
        "}",
        "",
      ].join("\n"),
    });
    const missing = missingDefaults([entry], root);
    expect(missing).toEqual([{ member: "FooProps.port", location: "modules/a/props.ts:5" }]);
  });

  test("ignores interfaces that are not exported and optional class fields", () => {
    const entry = area("b", {
      "index.ts": "interface Hidden { readonly x?: string }\nexport class Foo { public readonly y?: string; }\nexport type H = Hidden;\n",
    });
    expect(missingDefaults([entry], root)).toEqual([]);
  });

  test("finds the entry point of every area that has one", () => {
    area("c", { "index.ts": "export {};\n" });
    mkdirSync(join(root, "modules", "no-index"), { recursive: true });
    expect(areaEntryPoints(join(root, "modules")).map((f) => f.slice(root.length))).toEqual([
      "/modules/a/index.ts",
      "/modules/b/index.ts",
      "/modules/c/index.ts",
    ]);
  });
});
