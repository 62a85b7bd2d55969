/** Reading `pulumi preview --diff` text: one block per resource, headed by its type and step, then its [urn=...]. */

export interface DiffBlock {
  type: string;
  /** The step as the CLI prints it in the header: same, update, replace, create, delete, refresh, ... */
  step: string;
  name: string;
  lines: string[];
}

const HEADER = /^\s*(?:\+-|-\+|\+\+|--|[~+-])?\s*([\w-]+:[\w/:-]+): \(([\w-]+)\)\s*$/;

export function diffBlocks(text: string): DiffBlock[] {
  const blocks: DiffBlock[] = [];
  let current: DiffBlock | undefined;
  for (const line of text.split("\n")) {
    if (/^\s*(Outputs|Resources|Diagnostics|Duration):|^\s*--outputs:--/.test(line)) current = undefined;
    const header = HEADER.exec(line);
    if (header) {
      current = { type: header[1], step: header[2], name: "", lines: [] };
      blocks.push(current);
      continue;
    }
    if (!current) continue;
    const urn = /\[urn=[^\]]*::([^\]:]+)\]/.exec(line);
    if (urn && !current.name) current.name = urn[1];
    else current.lines.push(line);
  }
  return blocks;
}

/** The block of the resource `name` for `step` (the last one when a step shows several, e.g. refresh then update). */
export function blockOf(text: string, name: string, step?: string): DiffBlock {
  const found = diffBlocks(text).filter((b) => b.name === name && (step === undefined || b.step === step));
  if (found.length === 0) throw new Error(`no ${step ?? ""} block for ${name} in:\n${text}`);
  return found[found.length - 1];
}

/** The changed lines of a block (`~`, `+`, `-` markers), trimmed, runs of spaces (column alignment) made one. */
export function changedLines(block: DiffBlock): string[] {
  return block.lines.map((l) => l.trim().replace(/\s+/g, " ")).filter((l) => /^[~+-] /.test(l));
}
