/**
 * Rewrites the drift-report examples in docs/drift.md and examples/gitops/README.md from the fixtures they name: each block
 * `<!-- drift-report example: tests/fixtures/cli/<name>.json -->` followed by a ````markdown fence gets what
 * `pulumi-sailpoint-isc drift-report` prints for that fixture. tests/unit/cli-drift-report.test.ts checks they agree.
 *
 *   npx tsx scripts/drift-report-examples.ts
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
export const EXAMPLE = /<!-- drift-report example: (tests\/fixtures\/cli\/drift-[\w-]+\.json) -->\n````markdown\n([\s\S]*?)````\n/g;
export const README_FILES = [path.join("docs", "drift.md"), path.join("examples", "gitops", "README.md")];

function report(fixture: string): string {
  try {
    return execFileSync(process.execPath, ["--require", require.resolve("tsx/cjs"), path.join(ROOT, "cli", "index.ts"), "drift-report", path.join(ROOT, fixture)], { encoding: "utf8" });
  } catch (error) {
    // Exit 1 means drift: the report is still on stdout.
    const out = (error as { status?: number; stdout?: string }).status === 1 ? (error as { stdout: string }).stdout : undefined;
    if (out === undefined) throw error;
    return out;
  }
}

if (require.main === module) {
  for (const file of README_FILES) {
    const full = path.join(ROOT, file);
    const text = fs.readFileSync(full, "utf8");
    const next = text.replace(EXAMPLE, (_all, fixture: string) => `<!-- drift-report example: ${fixture} -->\n\`\`\`\`markdown\n${report(fixture)}\`\`\`\`\n`);
    if (next !== text) fs.writeFileSync(full, next);
    console.log(`${file}: ${[...text.matchAll(EXAMPLE)].length} example(s)`);
  }
}
