/**
 * Runs the curl session of emulator/README.md against an in-process emulator, translating each curl command into a
 * fetch call, so the README stays true. Supports the small shell subset the README uses: VAR=value,
 * VAR=$(curl … | jq -r .field), curl -s/-i/-X/-H/-d, "$VAR" expansion, line continuations and `# expect NNN`.
 */
import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { IscEmulator } from "../../emulator";

const README = path.resolve(__dirname, "../../emulator/README.md");

/** Splits a command line into words, expanding $VAR / ${VAR} outside single quotes. */
function words(line: string, vars: Record<string, string>): string[] {
  const out: string[] = [];
  let cur: string | undefined;
  const expand = (s: string, i: number): [string, number] => {
    const m = /^\$(?:\{(\w+)\}|(\w+))/.exec(s.slice(i));
    if (!m) return ["$", i + 1];
    const name = m[1] ?? m[2];
    if (!(name in vars)) throw new Error(`README uses undefined variable $${name}`);
    return [vars[name], i + m[0].length];
  };
  for (let i = 0; i < line.length; ) {
    const c = line[i];
    if (/\s/.test(c)) {
      if (cur !== undefined) out.push(cur);
      cur = undefined;
      i++;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      cur = (cur ?? "") + line.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      cur = cur ?? "";
      i++;
      while (line[i] !== '"') {
        if (line[i] === "$") {
          const [v, j] = expand(line, i);
          cur += v;
          i = j;
        } else if (line[i] === "\\" && '"\\$'.includes(line[i + 1])) {
          cur += line[i + 1];
          i += 2;
        } else cur += line[i++];
      }
      i++;
    } else if (c === "$") {
      const [v, j] = expand(line, i);
      cur = (cur ?? "") + v;
      i = j;
    } else {
      cur = (cur ?? "") + c;
      i++;
    }
  }
  if (cur !== undefined) out.push(cur);
  return out;
}

interface CurlResult {
  status: number;
  text: string;
}

async function curl(args: string[]): Promise<CurlResult> {
  let method: string | undefined;
  const headers: Record<string, string> = {};
  const data: string[] = [];
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "-s" || a === "-S" || a === "-i" || a === "-sS") continue;
    if (a === "-X") method = args[++i];
    else if (a === "-H") {
      const h = args[++i];
      headers[h.slice(0, h.indexOf(":")).trim()] = h.slice(h.indexOf(":") + 1).trim();
    } else if (a === "-d" || a === "--data" || a === "--data-raw") data.push(args[++i]);
    else if (a.startsWith("-")) throw new Error(`README curl uses an option the test does not know: ${a}`);
    else url = a;
  }
  if (!url) throw new Error(`curl without URL: ${args.join(" ")}`);
  const hasType = Object.keys(headers).some((h) => h.toLowerCase() === "content-type");
  if (data.length && !hasType) headers["Content-Type"] = "application/x-www-form-urlencoded";
  const res = await fetch(url, { method: method ?? (data.length ? "POST" : "GET"), headers, body: data.length ? data.join("&") : undefined });
  return { status: res.status, text: await res.text() };
}

function jqField(text: string, filter: string): string {
  const m = /^-r\s+['"]?\.([\w.]+)['"]?$/.exec(filter.trim());
  if (!m) throw new Error(`jq filter the test does not know: ${filter}`);
  let v: unknown = JSON.parse(text);
  for (const k of m[1].split(".")) v = (v as Record<string, unknown>)[k];
  return String(v);
}

describe("emulator README curl session", () => {
  it("runs as documented", async function () {
    const readme = fs.readFileSync(README, "utf8");
    const block = /<!-- curl-session -->\s*```sh\n([\s\S]*?)```\s*<!-- \/curl-session -->/.exec(readme);
    expect(block, "README has a curl-session block").to.not.equal(null);
    const start = /npm run emulator -- --port (\d+) --client-id (\S+) \\\n\s+--client-secret (\S+)/.exec(readme);
    expect(start, "README shows how to start the emulator").to.not.equal(null);
    const [, port, clientId, clientSecret] = start as RegExpExecArray;

    const emu = await IscEmulator.start({ clients: [{ clientId, clientSecret }] });
    try {
      const vars: Record<string, string> = {};
      const lines = (block as RegExpExecArray)[1].replace(/\\\n\s*/g, " ").split("\n");
      let calls = 0;
      for (const raw of lines) {
        const line = raw.trim();
        if (!line || line.startsWith("#")) continue;
        const expectStatus = /\s#\s*expect\s+(\d{3})\s*$/.exec(line);
        const cmd = line.replace(/\s#.*$/, "");
        const capture = /^(\w+)=\$\((.*)\)$/.exec(cmd);
        const assign = /^(\w+)=(\S+)$/.exec(cmd);
        if (!capture && assign) {
          // The README's own URL, with its port, is replaced by the in-process emulator's.
          vars[assign[1]] = assign[1] === "ISC" ? (expect(assign[2]).to.equal(`http://127.0.0.1:${port}`), emu.url) : words(assign[2], vars)[0];
          continue;
        }
        const pipeline = (capture ? capture[2] : cmd).split(/\s\|\s/);
        const args = words(pipeline[0], vars);
        expect(args[0], line).to.equal("curl");
        const res = await curl(args.slice(1));
        calls++;
        if (expectStatus) expect(res.status, line).to.equal(Number(expectStatus[1]));
        else expect(res.status, `${line}\n→ ${res.status} ${res.text}`).to.be.within(200, 299);
        const jq = pipeline[1]?.trim();
        if (jq) {
          expect(jq.startsWith("jq "), line).to.equal(true);
          expect(() => JSON.parse(res.text), `${line} pipes JSON to jq`).to.not.throw();
        }
        if (capture) {
          vars[capture[1]] = jqField(res.text, (jq as string).slice(3));
          expect(vars[capture[1]], line).to.not.be.oneOf(["", "null", "undefined"]);
        }
      }
      expect(calls).to.be.at.least(10);
      expect(emu.listClusters(), "the session deletes its cluster").to.deep.equal([]);
      expect(emu.writes().map((r) => `${r.method} ${r.status}`)).to.deep.equal(["POST 200", "PATCH 200", "PUT 200", "DELETE 204"]);
      expect(emu.schemaViolations()).to.deep.equal([]);
    } finally {
      await emu.stop();
    }
  });
});
