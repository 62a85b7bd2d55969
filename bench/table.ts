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
