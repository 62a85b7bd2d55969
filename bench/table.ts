/** The results table: rows with their goals, printed as Markdown and written as JSON. */
export interface Row {
  metric: string;
  ours: number | string;
  baseline: number | string;
  ratio?: number;
  goal: string;
  met?: boolean;
  unit: string;
}

export const rows: Row[] = [];

/** A row comparing two medians; without `maxRatio` it is reported only, with no goal. */
export function ratioRow(metric: string, ours: number, baseline: number, maxRatio?: number, unit = "ms (median)"): void {
  const ratio = Math.round((ours / baseline) * 100) / 100;
  const goal = maxRatio === undefined ? { goal: "report" } : { goal: `ratio <= ${maxRatio}`, met: ratio <= maxRatio };
  rows.push({ metric, ours: round(ours), baseline: round(baseline), ratio, ...goal, unit });
}

/** A row that could not be measured, saying why in the "ours" column. */
export function unmeasuredRow(metric: string, why: string, goal = "report"): void {
  rows.push({ metric, ours: `n/a: ${why}`, baseline: "—", goal, unit: "" });
}

/**
 * Why a measurement failed, in one line: the error's first line, and for a failed command the first error it printed
 * (`pulumi ... exited with 1` alone says nothing).
 */
export function whyFailed(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const [first] = text.split("\n");
  const detail = /^\s*error: (.+)$/m.exec(text)?.[1]?.trim();
  return detail && detail !== first ? `${first}: ${detail}` : first;
}

export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export function printTable(): void {
  const header = ["metric", "ours", "baseline", "ratio", "goal", "met?"];
  const body = rows.map((r) => [
    r.metric,
    `${r.ours}${r.unit && typeof r.ours === "number" ? ` ${r.unit.split(" ")[0]}` : ""}`,
    typeof r.baseline === "number" ? `${r.baseline} ${r.unit.split(" ")[0]}` : r.baseline,
    r.ratio === undefined ? "—" : `${r.ratio}x`,
    r.goal,
    r.met === undefined ? "—" : r.met ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const b of body) console.log(line(b));
}
