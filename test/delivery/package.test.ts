import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The npm package's metadata agrees with the code: every area is reachable
 * from the entry point and its own subpath, peers match what we build and
 * test with, and only the built library is published. The end-to-end proof
 * is npm-consumer.ts (npm run consumer), which also proves that neither the
 * built files nor loading the package pull the provider barrel (the lint
 * rule no-restricted-imports keeps it out of the sources).
 */

const ROOT = join(__dirname, "..", "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const buildConfig = JSON.parse(readFileSync(join(ROOT, "tsconfig.build.json"), "utf8").replace(/^\s*\/\/.*$/gm, ""));
const entryPoint = readFileSync(join(ROOT, "modules", "index.ts"), "utf8");

const areas = readdirSync(join(ROOT, "modules")).filter((area) => existsSync(join(ROOT, "modules", area, "index.ts")));
const reExported = [...entryPoint.matchAll(/^export \* from "\.\/([a-z-]+)";$/gm)].map((m) => m[1]);

describe("package entry points", () => {
  test("the entry point re-exports every area", () => {
    expect([...reExported].sort()).toEqual([...areas].sort());
  });

  test("every area has a subpath export and a typesVersions mapping, and nothing else does", () => {
    const subpaths = Object.keys(pkg.exports).filter((key) => key !== "." && key !== "./package.json");
    expect(subpaths.map((s) => s.slice(2)).sort()).toEqual([...areas].sort());
    for (const area of areas) {
      expect(pkg.exports[`./${area}`]).toEqual({ types: `./dist/${area}/index.d.ts`, default: `./dist/${area}/index.js` });
      expect(pkg.typesVersions["*"][area]).toEqual([`dist/${area}/index.d.ts`]);
    }
  });

  test("main, types and the root export point at the built entry point", () => {
    expect(pkg.main).toBe("dist/index.js");
    expect(pkg.types).toBe("dist/index.d.ts");
    expect(pkg.exports["."]).toEqual({ types: "./dist/index.d.ts", default: "./dist/index.js" });
  });

  test("the library build compiles modules/ only, from modules/ to dist/", () => {
    expect(buildConfig.include).toEqual(["modules/**/*.ts"]);
    expect(buildConfig.compilerOptions).toMatchObject({ rootDir: "modules", outDir: "dist", declaration: true });
    expect(pkg.scripts.build).toContain("tsgo -p tsconfig.build.json");
    expect(pkg.scripts.prepack).toBe("npm run build");
  });

  test("only the built JavaScript, declarations, data (the endpoint service catalog) and the changelog are published (npm adds README, LICENSE and package.json)", () => {
    expect(pkg.files).toEqual(["dist/**/*.js", "dist/**/*.d.ts", "dist/**/*.json", "CHANGELOG.md"]);
  });

  test("the guardrails and flows commands are the package's bins, built from modules/cli (not an area) and run by node", () => {
    expect(pkg.bin).toEqual({ "cdktf-pn-guardrails": "dist/cli/guardrails.js", "cdktf-pn-flows": "dist/cli/flows.js" });
    for (const command of ["guardrails", "flows"])
      expect(readFileSync(join(ROOT, "modules", "cli", `${command}.ts`), "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(areas).not.toContain("cli");
  });
});

describe("dependencies", () => {
  test("cdktf, constructs and the AWS provider are peers: the versions we build with, and CDK Terrain 0.24 under the name cdktf (README, npm run cdktn)", () => {
    // Well-kept libraries for address math, ARN parsing and edit distance are the constructs' runtime dependencies; everything cdktf-shaped is the user's.
    expect(pkg.dependencies).toEqual({ "@aws-sdk/util-arn-parser": "3.972.55", "fastest-levenshtein": "1.0.16", "ipaddr.js": "2.5.0" });
    expect(pkg.peerDependencies).toEqual({
      "@cdktf/provider-aws": "20.1.0",
      cdktf: "0.21.0 || 0.24.0",
      constructs: "^10.4.5",
      "@cloud-copilot/iam-simulate": "0.1.173",
    });
    // The IAM evaluator (AGPL-3.0) is needed by the flow analysis only, which runs in tests and CI, never in a deployment.
    expect(pkg.peerDependenciesMeta).toEqual({ "@cloud-copilot/iam-simulate": { optional: true } });
    expect(pkg.devDependencies["@cloud-copilot/iam-simulate"]).toBe("0.1.173");
    expect(pkg.devDependencies["@cdktf/provider-aws"]).toBe("20.1.0");
    expect(pkg.devDependencies.cdktf).toBe("0.21.0");
    expect(pkg.devDependencies.constructs).toBe("10.4.5");
  });

  test("the installed peers are the pinned versions", () => {
    const installed = (name: string) => JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")).version;
    expect(installed("@cdktf/provider-aws")).toBe("20.1.0");
    expect(installed("cdktf")).toBe("0.21.0");
    expect(installed("constructs")).toBe("10.4.5");
  });
});
