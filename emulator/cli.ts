/**
 * `npm run emulator -- [--port N] [--host H] [--client-id ID --client-secret SECRET] [--rate-limit 100/10000 |
 * --no-rate-limit] [--token-ttl SECONDS] [--org NAME] [--pod NAME]`
 *
 * Env fallbacks: ISC_EMULATOR_PORT, ISC_EMULATOR_CLIENT_ID, ISC_EMULATOR_CLIENT_SECRET. The first output line is
 * always `ISC emulator listening on <url>` so scripts can wait for it.
 */
import { IscEmulator, type EmulatorOptions } from "./index";

const USAGE = `usage: npm run emulator -- [options]
  --port N                 port to listen on (default $ISC_EMULATOR_PORT or 8765; 0 = random)
  --host H                 interface (default 127.0.0.1)
  --client-id ID           accepted client id (default $ISC_EMULATOR_CLIENT_ID or generated)
  --client-secret SECRET   its secret (default $ISC_EMULATOR_CLIENT_SECRET or generated)
  --rate-limit N/MS        N requests per MS milliseconds per client per version (default 100/10000)
  --no-rate-limit          disable rate limiting
  --token-ttl SECONDS      access token lifetime (default 749)
  --org NAME, --pod NAME   tenant identity used in objects and tokens`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): EmulatorOptions {
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "-h" || arg === "--help") {
      console.log(USAGE);
      process.exit(0);
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) fail(`unexpected argument '${arg}'`);
    if (m[1] === "no-rate-limit") flags.set(m[1], true);
    else if (m[2] !== undefined) flags.set(m[1], m[2]);
    else if (i + 1 < argv.length) flags.set(m[1], argv[++i]);
    else fail(`--${m[1]} needs a value`);
  }
  const known = ["port", "host", "client-id", "client-secret", "rate-limit", "no-rate-limit", "token-ttl", "org", "pod"];
  for (const k of flags.keys()) if (!known.includes(k)) fail(`unknown option --${k}`);
  const str = (k: string) => (typeof flags.get(k) === "string" ? (flags.get(k) as string) : undefined);
  const int = (k: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) fail(`--${k} must be a non-negative integer`);
    return Number(v);
  };

  const opts: EmulatorOptions = {
    port: int("port", str("port") ?? env.ISC_EMULATOR_PORT) ?? 8765,
    host: str("host") ?? "127.0.0.1",
    tokenTtlSeconds: int("token-ttl", str("token-ttl")),
    tenant: { org: str("org"), pod: str("pod") },
  };
  const clientId = str("client-id") ?? env.ISC_EMULATOR_CLIENT_ID;
  const clientSecret = str("client-secret") ?? env.ISC_EMULATOR_CLIENT_SECRET;
  if ((clientId === undefined) !== (clientSecret === undefined)) fail("give both a client id and a client secret, or neither");
  if (clientId !== undefined && clientSecret !== undefined) opts.clients = [{ clientId, clientSecret }];
  if (flags.has("no-rate-limit")) opts.rateLimit = false;
  else if (str("rate-limit") !== undefined) {
    const r = /^(\d+)\/(\d+)$/.exec(str("rate-limit") as string);
    if (!r || Number(r[1]) < 1 || Number(r[2]) < 1) fail("--rate-limit must look like 100/10000 (requests/milliseconds)");
    opts.rateLimit = { limit: Number(r[1]), windowMs: Number(r[2]) };
  }
  return opts;
}

/** Shell-quotes a value for the printed commands. */
const q = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2), process.env);
  const emu = await IscEmulator.start(opts);
  const { clientId, clientSecret } = emu.credentials;
  console.log(`ISC emulator listening on ${emu.url}`);
  console.log(`
Use these settings (environment):
  SAIL_BASE_URL=${q(emu.url)}
  SAIL_CLIENT_ID=${q(clientId)}
  SAIL_CLIENT_SECRET=${q(clientSecret)}

or as Pulumi stack configuration:
  pulumi config set sailpoint:baseUrl ${q(emu.url)}
  pulumi config set sailpoint:clientId ${q(clientId)}
  pulumi config set --secret sailpoint:clientSecret ${q(clientSecret)}

API versions: ${emu.url}/{v3,v2024,v2025,v2026,beta}/... and ${emu.url}/{managed-clusters,managed-clients,oauth-clients}/v1/...
Token endpoint: ${emu.url}/oauth/token   Controls: ${emu.url}/__emulator (see emulator/README.md)
Rate limit: ${opts.rateLimit === false ? "off" : `${opts.rateLimit?.limit ?? 100} requests / ${opts.rateLimit?.windowMs ?? 10000} ms per client per version`}
Press Ctrl+C to stop.`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping ISC emulator`);
    emu.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    const error = err as NodeJS.ErrnoException;
    if (error.code === "EADDRINUSE") {
      const port = (error as { port?: number }).port;
      console.error(`ISC emulator failed to start: port ${port ?? ""} is already in use. Pick another with --port N (or ISC_EMULATOR_PORT=N), or --port 0 for a free one.`);
    } else console.error(`ISC emulator failed to start: ${error.message}`);
    process.exit(1);
  });
}
