/**
 * A registry on a loopback port that holds one package, the one `npm publish` sends it, and sends npm on to the
 * public registry (a redirect) for every other package: a program then installs `pulumi-sailpoint-isc` by name exactly
 * as it will once the package is published, with its dependencies from where they really come from.
 */
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";

const UPSTREAM = "https://registry.npmjs.org";

interface PublishBody {
  name: string;
  "dist-tags": Record<string, string>;
  versions: Record<string, { dist: { tarball: string } }>;
  _attachments: Record<string, { data: string }>;
}

export class LocalRegistry {
  /** What was published: the packument npm serves, and the tarballs by file name. */
  private packument?: Omit<PublishBody, "_attachments">;
  private readonly tarballs = new Map<string, Buffer>();
  readonly published: string[] = [];
  /** How often npm asked for the package's metadata (its tarball may then come from npm's cache, by integrity). */
  packumentRequests = 0;

  private constructor(
    private readonly server: http.Server,
    readonly packageName: string,
  ) {}

  static async start(packageName: string): Promise<LocalRegistry> {
    const server = http.createServer();
    const registry = new LocalRegistry(server, packageName);
    server.on("request", (req, res) => registry.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return registry;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** An npm user config that points npm at this registry with a token for it; returns its path. */
  writeUserConfig(dir: string): string {
    const file = path.join(dir, "registry.npmrc");
    fs.writeFileSync(file, `registry=${this.url}\n${this.url.replace(/^http:/, "")}:_authToken=local-test-token\n`);
    return file;
  }

  /** The tarball published as `file` (the name npm gives it). */
  tarball(file: string): Buffer | undefined {
    return this.tarballs.get(file);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? "/", this.url);
    const own = `/${this.packageName}`;
    if (req.method === "PUT" && url.pathname === own) {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const { _attachments: attachments, ...packument } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as PublishBody;
        for (const [file, { data }] of Object.entries(attachments)) this.tarballs.set(file, Buffer.from(data, "base64"));
        this.packument = { ...packument, versions: { ...this.packument?.versions, ...packument.versions } };
        this.published.push(...Object.keys(packument.versions));
        send(res, 201, { ok: true });
      });
      return;
    }
    if (req.method === "GET" && url.pathname === own) {
      this.packumentRequests += 1;
      if (this.packument) send(res, 200, this.packument);
      else send(res, 404, { error: "not found" });
      return;
    }
    const file = url.pathname.startsWith(`${own}/-/`) ? this.tarballs.get(url.pathname.slice(own.length + 3)) : undefined;
    if (req.method === "GET" && file) {
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.length }).end(file);
      return;
    }
    if (req.method === "GET" || req.method === "HEAD") {
      res.writeHead(302, { location: `${UPSTREAM}${url.pathname}${url.search}` }).end();
      return;
    }
    send(res, 405, { error: `${req.method} ${url.pathname} is not served here` });
  }
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
