import { readFileSync } from "fs";
import { ALL_RULES } from "../../modules/guardrails";
import { ERRORS_DOC, renderErrorsDoc } from "../../tools/errors-doc";
import { BAD_INPUTS } from "../../tools/bad-input-catalog";

describe("docs/ERRORS.md", () => {
  const doc = readFileSync(ERRORS_DOC, "utf8");

  it("lists every bad input of the catalog with its cause and fix", () => {
    const missing = BAD_INPUTS.filter((b) => !doc.includes(`| \`${b.api}\` | ${b.cause} |`) || !doc.includes(b.fix.replace(/\|/g, "\\|")));
    expect(missing.map((b) => `${b.api}: ${b.cause}`)).toEqual([]);
  });

  it("lists every guardrail rule", () => {
    expect(ALL_RULES.filter((r) => !doc.includes(`| ${r.id} ${r.name} |`)).map((r) => r.id)).toEqual([]);
  });

  it("is up to date with the messages the code produces (regenerate: node --import tsx tools/errors-doc.ts)", () => {
    expect(doc).toBe(renderErrorsDoc());
  });
});
