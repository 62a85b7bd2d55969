/**
 * Every relative link in README.md and docs/**\/*.md resolves inside the repository: the file or folder exists, and a
 * `#anchor` names a heading of the Markdown file it points into (GitHub's heading ids). Links inside code are text,
 * not links, and are skipped, as markdown-it skips them.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import path from "node:path";
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";

const ROOT = path.resolve(__dirname, "../..");
const md = new MarkdownIt({ html: true });

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(rel);
    return entry.name.endsWith(".md") ? [rel] : [];
  });
}

function inlineText(token: Token): string {
  return (token.children ?? []).map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : inlineText(c))).join("");
}

/** GitHub's heading ids: lower case, punctuation dropped (but `-` and `_`), spaces to `-`, repeats numbered. */
export function headingIds(markdown: string): Set<string> {
  const tokens = md.parse(markdown, {});
  const ids = new Set<string>();
  const seen = new Map<string, number>();
  tokens.forEach((token, i) => {
    if (token.type !== "heading_open") return;
    const base = inlineText(tokens[i + 1]).toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "").replace(/ /g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    ids.add(n === 0 ? base : `${base}-${n}`);
  });
  return ids;
}

function links(markdown: string): string[] {
  const hrefs: string[] = [];
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.type === "link_open") hrefs.push(t.attrGet("href") ?? "");
      if (t.children) walk(t.children);
    }
  };
  walk(md.parse(markdown, {}));
  return hrefs;
}

/** Why `href` in `file` does not resolve inside the repository, or undefined when it does. */
function problem(file: string, href: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return undefined; // https:, mailto:: not a file of the repository
  const [rawPath, anchor] = href.split("#", 2) as [string, string | undefined];
  const target = rawPath === "" ? path.join(ROOT, file) : path.resolve(path.dirname(path.join(ROOT, file)), decodeURIComponent(rawPath));
  if (path.relative(ROOT, target).startsWith("..") || path.isAbsolute(rawPath)) return "points outside the repository";
  if (!fs.existsSync(target)) return "no such file or folder";
  if (anchor === undefined) return undefined;
  if (!target.endsWith(".md")) return `#${anchor} is not in a Markdown file`;
  return headingIds(fs.readFileSync(target, "utf8")).has(decodeURIComponent(anchor)) ? undefined : `no heading #${anchor} in ${path.relative(ROOT, target)}`;
}

describe("documentation links", () => {
  const files = ["README.md", ...markdownFiles("docs")];

  it("covers the README and every page of docs/, generated reference pages included", () => {
    expect(files).to.include.members(["README.md", path.join("docs", "isc-api.md"), path.join("docs", "reference", "provider.md")]);
  });

  for (const file of files) {
    it(`every relative link and #anchor in ${file} resolves inside the repository`, () => {
      const broken = links(fs.readFileSync(path.join(ROOT, file), "utf8"))
        .map((href) => [href, problem(file, href)])
        .filter(([, why]) => why !== undefined)
        .map(([href, why]) => `${href}: ${why}`);
      expect(broken, file).to.deep.equal([]);
    });
  }

  it("tells a broken link and anchor from a good one (GitHub's heading ids)", () => {
    expect([...headingIds("## Creates that never duplicate, deletes that never take another's object\n## A whole tenant: `npx x adopt`\n## X\n## X\n```\n## not a heading\n```\n")]).to.deep.equal([
      "creates-that-never-duplicate-deletes-that-never-take-anothers-object",
      "a-whole-tenant-npx-x-adopt",
      "x",
      "x-1",
    ]);
    expect(problem("README.md", "docs/no-such-page.md")).to.equal("no such file or folder");
    expect(problem("README.md", "#no-such-heading")).to.equal("no heading #no-such-heading in README.md");
    expect(problem("README.md", "../outside.md")).to.equal("points outside the repository");
    expect(problem("README.md", "LICENSE#x")).to.equal("#x is not in a Markdown file");
    expect(problem("README.md", "https://example.com/#x")).to.equal(undefined);
  });
});
