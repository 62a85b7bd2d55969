/**
 * Bundles the official ISC OpenAPI files into self-contained JSON
 * documents under emulator/openapi/, which the emulator reads at runtime. The sources are a folder named by
 * $ISC_API_SPECS: the `idn/` tree of github.com/sailpoint-oss/api-specs (at commit 81ef79d0), and beside it one entry
 * document per version, `isc-subset.<version>.yaml`: the root specification's paths for managed clusters, managed
 * clients and OAuth clients, every $ref pointing into the unmodified `idn/` files.
 *
 * Every external $ref is resolved: files directly inside a `schemas/`, `responses/` or `parameters/` folder (and
 * `components/<section>/*` entries inside such files) become `#/components/<section>/<name>`; everything else (path
 * items, examples) is inlined. Sibling keys next to a $ref are kept as written upstream.
 *
 *   npx tsx scripts/bundle-specs.ts          # write the bundles
 *   npx tsx scripts/bundle-specs.ts --check  # exit 1 if the committed bundles are stale
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export const BUNDLE_VERSIONS = ["v3", "v2024", "v2025", "v2026", "beta", "v1"] as const;
export type BundleVersion = (typeof BUNDLE_VERSIONS)[number];

/** Folders whose files become components (everything else referenced is inlined). */
const SECTIONS = ["schemas", "responses", "parameters"] as const;
type Section = (typeof SECTIONS)[number];

/** The per-service specs merged into the single `v1` bundle. */
const V1_SERVICES = ["managed-clusters", "managed-clients", "oauth-clients"];

export const REPO_ROOT = path.resolve(__dirname, "..");
export const BUNDLE_DIR = path.join(REPO_ROOT, "emulator", "openapi");

export function defaultSpecsDir(): string {
  return process.env.ISC_API_SPECS ? path.resolve(process.env.ISC_API_SPECS) : "";
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Resolves the $refs of one or more entry documents into shared component tables. */
class Bundler {
  private readonly files = new Map<string, Json>();
  /** "<file>#<pointer>" → component name */
  private readonly names = new Map<string, string>();
  readonly components: Record<Section, Map<string, Json>> = { schemas: new Map(), responses: new Map(), parameters: new Map() };

  load(file: string): Json {
    let doc = this.files.get(file);
    if (doc === undefined) {
      // js-yaml 4's default schema keeps `OFF` a string (docs/isc-api.md §11.2). Timestamps are not used unquoted here.
      doc = yaml.load(fs.readFileSync(file, "utf8"), { filename: file }) as Json;
      this.files.set(file, doc);
    }
    return doc;
  }

  private pointerGet(doc: Json, pointer: string, where: string): Json {
    let cur: Json = doc;
    if (pointer === "" || pointer === "/") return cur;
    for (const raw of pointer.replace(/^\//, "").split("/")) {
      const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
      if (!isObject(cur) && !Array.isArray(cur)) throw new Error(`unresolvable $ref ${where}`);
      const next: Json | undefined = Array.isArray(cur) ? cur[Number(key)] : cur[key];
      if (next === undefined) throw new Error(`unresolvable $ref ${where}`);
      cur = next;
    }
    return cur;
  }

  /** The component section and name for a $ref target, or undefined when the target must be inlined. */
  private componentOf(file: string, pointer: string): { section: Section; name: string } | undefined {
    const m = /^\/components\/(schemas|responses|parameters)\/([^/]+)$/.exec(pointer);
    if (m) return { section: m[1] as Section, name: m[2] };
    const dir = path.basename(path.dirname(file));
    if (pointer === "" && (SECTIONS as readonly string[]).includes(dir)) {
      return { section: dir as Section, name: path.basename(file).replace(/\.ya?ml$/, "") };
    }
    return undefined;
  }

  private register(file: string, pointer: string, section: Section, name: string): string {
    const key = `${file}#${pointer}`;
    const known = this.names.get(key);
    if (known) return known;
    const table = this.components[section];
    const target = this.pointerGet(this.load(file), pointer, key);
    // Drop a schema file's private `components` section: its entries are registered on their own when referenced.
    const body: Json = isObject(target) && pointer === "" ? omit(target, "components") : target;
    let unique = name;
    for (let i = 2; table.has(unique); i++) {
      // Identical copies (e.g. managedclienttype in two per-service specs) share one component.
      if (JSON.stringify(table.get(unique)) === JSON.stringify(this.resolve(body, file, new Set()))) {
        this.names.set(key, unique);
        return unique;
      }
      unique = `${name}_${i}`;
    }
    this.names.set(key, unique);
    table.set(unique, null); // placeholder so recursive refs terminate
    table.set(unique, this.resolve(body, file, new Set([key])));
    return unique;
  }

  resolve(node: Json, file: string, stack: Set<string>): Json {
    if (Array.isArray(node)) return node.map((n) => this.resolve(n, file, stack));
    if (!isObject(node)) return node;
    if (typeof node.$ref === "string") {
      const [refFile, pointer = ""] = node.$ref.split("#");
      const targetFile = refFile ? path.resolve(path.dirname(file), refFile) : file;
      const siblings = this.resolve(omit(node, "$ref"), file, stack);
      const component = this.componentOf(targetFile, pointer);
      if (component) {
        const name = this.register(targetFile, pointer, component.section, component.name);
        return { $ref: `#/components/${component.section}/${name}`, ...(siblings as JsonObject) };
      }
      const key = `${targetFile}#${pointer}`;
      if (stack.has(key)) throw new Error(`circular inline $ref ${key}`);
      const target = this.resolve(this.pointerGet(this.load(targetFile), pointer, key), targetFile, new Set([...stack, key]));
      return isObject(target) ? { ...target, ...(siblings as JsonObject) } : target;
    }
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(node)) out[k] = this.resolve(v, file, stack);
    return out;
  }

  /** The collected components, each section sorted by name so output is stable. */
  sortedComponents(): JsonObject {
    const out: JsonObject = {};
    for (const section of SECTIONS) {
      const table = this.components[section];
      if (!table.size) continue;
      const entries: JsonObject = {};
      for (const name of [...table.keys()].sort()) entries[name] = table.get(name) as Json;
      out[section] = entries;
    }
    return out;
  }
}

function omit(o: JsonObject, ...keys: string[]): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(o)) if (!keys.includes(k)) out[k] = v;
  return out;
}

function bundleEntries(specsDir: string, version: BundleVersion): JsonObject {
  const entries =
    version === "v1"
      ? V1_SERVICES.map((s) => path.join(specsDir, "idn", "apis", s, "openapi.yaml"))
      : [path.join(specsDir, `isc-subset.${version}.yaml`)];
  const bundler = new Bundler();
  const paths: JsonObject = {};
  let first: JsonObject | undefined;
  for (const entry of entries) {
    const doc = bundler.load(entry);
    if (!isObject(doc) || !isObject(doc.paths)) throw new Error(`${entry}: no paths`);
    first ??= doc;
    for (const [p, item] of Object.entries(doc.paths)) paths[p] = bundler.resolve(item, entry, new Set());
  }
  const root = first as JsonObject;
  const securitySchemes = isObject(root.components) ? root.components.securitySchemes : undefined;
  return {
    openapi: root.openapi ?? "3.0.1",
    info: {
      title:
        version === "v1"
          ? "ISC per-service v1 APIs (managed-clusters, managed-clients, oauth-clients) - emulator bundle"
          : `ISC ${version} API subset - emulator bundle`,
      version,
      description: `Generated by scripts/bundle-specs.ts from ${entries.map((e) => path.relative(specsDir, e)).join(", ")}. Do not edit.`,
    },
    servers: root.servers ?? [],
    security: root.security ?? [],
    paths,
    components: { ...bundler.sortedComponents(), ...(securitySchemes ? { securitySchemes } : {}) },
  };
}

/** Renders every bundle: file name → file content. */
export function renderBundles(specsDir = defaultSpecsDir()): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of BUNDLE_VERSIONS) out[`${v}.json`] = JSON.stringify(bundleEntries(specsDir, v), null, 1) + "\n";
  return out;
}

function main(): void {
  const specsDir = defaultSpecsDir();
  if (!fs.existsSync(specsDir)) {
    console.error(`spec folder not found: ${specsDir} (set ISC_API_SPECS)`);
    process.exit(2);
  }
  const bundles = renderBundles(specsDir);
  const check = process.argv.includes("--check");
  let stale = 0;
  fs.mkdirSync(BUNDLE_DIR, { recursive: true });
  for (const [name, content] of Object.entries(bundles)) {
    const file = path.join(BUNDLE_DIR, name);
    const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
    if (current === content) continue;
    stale++;
    if (check) console.error(`stale: ${path.relative(REPO_ROOT, file)}`);
    else {
      fs.writeFileSync(file, content);
      console.log(`wrote ${path.relative(REPO_ROOT, file)} (${content.length} bytes)`);
    }
  }
  if (check && stale) process.exit(1);
  if (!stale) console.log("bundles are up to date");
}

if (require.main === module) main();
