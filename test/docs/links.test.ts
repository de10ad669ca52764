import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import GithubSlugger from "github-slugger";

const ROOT = resolve(__dirname, "..", "..");
/** Where the repository's files are browsed (package.json's repository): the README's links start here, so they work on the npm page too. */
const REPOSITORY_FILES = `${(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { repository: { url: string } }).repository.url.replace(/^git\+/, "").replace(/\.git$/, "")}/blob/main/`;

/** The repository's hand-written and generated Markdown: README, CONTRIBUTING, CHANGELOG, docs/ and the areas' READMEs. */
function markdownFiles(): string[] {
  const files = ["README.md", "CONTRIBUTING.md", "CHANGELOG.md"].map((file) => join(ROOT, file));
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return walk(path);
      return path.endsWith(".md") ? [path] : [];
    });
  return [...files, ...walk(join(ROOT, "docs")), ...walk(join(ROOT, "modules"))];
}

/** The anchors GitHub (and npm's README view) gives a file's headings: one slugger per file, so repeated headings get -1, -2. */
function anchorsOf(file: string): Set<string> {
  const slugger = new GithubSlugger();
  const text = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "");
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) => slugger.slug(match[1].trim())));
}

/** Every link of a Markdown file (code blocks and inline code excluded). */
function links(file: string): string[] {
  const text = readFileSync(file, "utf8")
    .replace(/```[\s\S]*?```/g, "")
    .replace(/`[^`\n]*`/g, "");
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);
}

/** The links of a file into the repository, as path#anchor relative to the file: relative ones, and absolute ones to the repository's files. */
function repositoryLinks(file: string): string[] {
  return links(file).flatMap((link) => {
    if (link.startsWith(REPOSITORY_FILES)) return [relative(dirname(file), join(ROOT, link.slice(REPOSITORY_FILES.length)))];
    return /^[a-z]+:/.test(link) ? [] : [link];
  });
}

/** The links of a file that name no file, or no heading of the file they name. */
function brokenLinks(file: string): string[] {
  return repositoryLinks(file).flatMap((link) => {
    const [path, anchor] = link.split("#");
    const target = path === "" ? file : resolve(dirname(file), decodeURIComponent(path));
    const where = `${relative(ROOT, file)}: ${link}`;
    if (!existsSync(target)) return [`${where} (no such file)`];
    if (anchor !== undefined && target.endsWith(".md") && !anchorsOf(target).has(anchor)) return [`${where} (no heading #${anchor})`];
    return [];
  });
}

describe("documentation links", () => {
  test("every relative link names a file of the repository, and every anchor a heading of it", () => {
    expect(markdownFiles().flatMap(brokenLinks)).toEqual([]);
  });

  test("the README links files by their repository URL, so its links work on the npm page (which has no docs/)", () => {
    const readmeLinks = links(join(ROOT, "README.md"));
    expect(readmeLinks.filter((link) => !/^[a-z]+:/.test(link) && !link.startsWith("#"))).toEqual([]);
    expect(readmeLinks).toContain(`${REPOSITORY_FILES}docs/USAGE.md`);
  });

  test("fails when a link's file or anchor does not exist", () => {
    const dir = mkdtempSync(join(tmpdir(), "links-"));
    try {
      const file = join(dir, "doc.md");
      writeFileSync(
        file,
        `# Setup: the first step\n\n[ok](#setup-the-first-step) [gone](missing.md) [no anchor](#cdktfs-future) \`[code](ignored.md)\` [moved](${REPOSITORY_FILES}docs/GONE.md)\n`,
      );
      expect(brokenLinks(file).map((broken) => broken.replace(/^.*: /, ""))).toEqual([
        "missing.md (no such file)",
        "#cdktfs-future (no heading #cdktfs-future)",
        `${relative(dir, join(ROOT, "docs", "GONE.md"))} (no such file)`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
