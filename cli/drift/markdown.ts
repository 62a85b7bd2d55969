/**
 * The report as Markdown (GitHub-flavoured: a job summary or a pull-request comment). Values are JSON in code spans;
 * secret values (the preview prints "[secret]") are masked, and nothing but owned fields, service field names and
 * short service values is ever printed, so `__provider` never is.
 */
import { UNKNOWN } from "../../provider/engine/values";
import { plural } from "../plural";
import type { FieldDifference } from "./fields";
import { changeCount, type Drifted, type Report } from "./report";
import type { ResourceChange } from "./resources";
import type { ServiceChange } from "./service-fields";

const SECRET_MARK = "[secret]";
const MAX_VALUE = 160;
/** Service fields whose value is never printed, whatever the preview shows. */
const SECRET_NAME = /secret|password|token|privatekey/i;

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function codeSpan(text: string): string {
  const fence = text.includes("`") ? "``" : "`";
  return `${fence}${fence.length > 1 ? " " : ""}${text}${fence.length > 1 ? " " : ""}${fence}`;
}

function isSecret(value: unknown): boolean {
  return JSON.stringify(value ?? null).includes(SECRET_MARK);
}

export function shown(value: unknown): string {
  if (value === undefined || value === null) return "*(absent)*";
  if (isSecret(value)) return "*(secret)*";
  if (JSON.stringify(value).includes(UNKNOWN)) return "*(known after up)*";
  const json = JSON.stringify(value);
  return codeSpan(json.length > MAX_VALUE ? `${json.slice(0, MAX_VALUE - 1)}…` : json);
}

function resourceName(r: ResourceChange): string {
  return `${r.kind} ${codeSpan(r.name)}`;
}

function fieldRow(f: FieldDifference): string {
  const program = f.programOmitted ? `${shown(f.program)} (omitted: the service's value)` : shown(f.program);
  const note = [f.origin, f.replaces ? "replaces the resource" : undefined].filter(Boolean).join("; ");
  return `| ${cell(codeSpan(f.path))} | ${cell(program)} | ${cell(shown(f.live))} | ${cell(note)} |`;
}

function serviceChange(c: ServiceChange): string {
  const scalar = (v: unknown) => v === null || v === undefined || typeof v !== "object";
  if (SECRET_NAME.test(c.path)) return `${codeSpan(c.path)} (secret)`;
  if (scalar(c.before) && scalar(c.after)) return `${codeSpan(c.path)} ${shown(c.before)} → ${shown(c.after)}`;
  return codeSpan(c.path);
}

function driftedSection(d: Drifted): string[] {
  const lines = [`### ${resourceName(d.resource)}${d.resource.op === "replace" ? " (would be replaced)" : ""}`, ""];
  if (d.fields.length > 0) {
    lines.push("| owned field | program | ISC now | since the last deployment |", "|---|---|---|---|", ...d.fields.map(fieldRow), "");
  }
  if (d.unexplained) lines.push("No owned field this report can compare differs: a secret value (masked in the preview) may.", "");
  lines.push(`\`pulumi up --refresh\` ${d.action}.`, "");
  if (d.notDrift.length > 0) lines.push(`Not drift (the service's own fields, or keys the program does not declare): ${d.notDrift.map(serviceChange).join(", ")}.`, "");
  return lines;
}

function table(title: string, rows: Array<{ resource: ResourceChange; reason: string; action: string }>): string[] {
  if (rows.length === 0) return [];
  return [
    `### ${title}`,
    "",
    "| resource | what happened | `pulumi up --refresh` would |",
    "|---|---|---|",
    ...rows.map((r) => `| ${cell(resourceName(r.resource))} | ${cell(r.reason)} | ${cell(r.action)} |`),
    "",
  ];
}

function counts(report: Report): string {
  const parts = [
    report.drifted.length > 0 ? `${report.drifted.length} changed in owned fields` : "",
    report.gone.length > 0 ? `${report.gone.length} gone` : "",
    report.expired.length > 0 ? plural(report.expired.length, "log configuration") + " expired" : "",
    report.pending.length > 0 ? plural(report.pending.length, "program change") + " not deployed yet" : "",
    report.other.length > 0 ? plural(report.other.length, "other resource") : "",
  ].filter(Boolean);
  return parts.join(", ");
}

export function renderReport(report: Report, title = "ISC drift report"): string {
  const lines = [`## ${title}`, ""];
  if (report.errors.length > 0) {
    lines.push("The preview failed, so it says nothing about drift:", "", ...report.errors.map((e) => `- ${cell(e.split("\n")[0])}`), "");
    return lines.join("\n");
  }
  const changed = changeCount(report);
  if (changed === 0) {
    lines.push(`No drift: ${report.unchanged === 1 ? "the resource matches" : `all ${report.unchanged} resources match`} the program.`, "");
    return lines.join("\n");
  }
  lines.push(
    `**${plural(changed, "resource differs", "resources differ")} from the program** (${counts(report)}; ${report.unchanged} unchanged). ` +
      "`pulumi up --refresh`, what the deploy workflow runs, puts ISC back to the program; a plain `pulumi up` does not see drift.",
    "",
  );
  for (const d of report.drifted) lines.push(...driftedSection(d));
  lines.push(
    ...table("Gone from ISC", report.gone),
    ...table("Log configurations expired", report.expired),
    ...table(
      "Program changes not deployed yet (not drift)",
      report.pending.map((p) => ({ resource: p.resource, reason: p.resource.op === "delete" ? "no longer in the program" : "new in the program", action: p.action })),
    ),
    ...table(
      "Other resources (not compared here)",
      report.other.map((o) => ({ resource: o, reason: "a resource of another package", action: o.op })),
    ),
  );
  return lines.join("\n").replace(/\n+$/, "\n");
}
