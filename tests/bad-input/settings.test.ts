import { expect } from "chai";
import { IscEmulator } from "../../emulator";
import { HostError, ProviderHost, sailpointConfig, urnFor, type ConfigValue } from "../harness/host";

/**
 * Malformed provider settings, each in a fresh host (the provider resolves its settings once per process, at the first
 * call after Configure). Each must fail with one clear problem naming the config key and its SAIL_* variable, never
 * echo the client secret, and send nothing.
 */
interface BadSetting {
  label: string;
  /** Changes to the emulator's valid stack config; `undefined` removes the key. */
  config: Record<string, ConfigValue | undefined>;
  /** Environment for the host (the caller's SAIL_* variables are never inherited). */
  env?: Record<string, string>;
  key: string;
  envVar: string;
  says: RegExp;
}

const SECRET_KEY = "sailpoint:clientSecret";

const CASES: BadSetting[] = [
  { label: "base URL that is not a URL", config: { "sailpoint:baseUrl": "acme tenant" }, key: "sailpoint:baseUrl", envVar: "SAIL_BASE_URL", says: /is not a valid URL/ },
  { label: "plain http to a non-loopback host", config: { "sailpoint:baseUrl": "http://acme.api.identitynow.com" }, key: "sailpoint:baseUrl", envVar: "SAIL_BASE_URL", says: /must use https:\/\// },
  { label: "base URL with a /v2025 suffix", config: { "sailpoint:baseUrl": "https://acme.api.identitynow.com/v2025" }, key: "sailpoint:baseUrl", envVar: "SAIL_BASE_URL", says: /without a version suffix/ },
  { label: "base URL with embedded credentials", config: { "sailpoint:baseUrl": "https://user:pw@acme.api.identitynow.com" }, key: "sailpoint:baseUrl", envVar: "SAIL_BASE_URL", says: /must not contain credentials/ },
  { label: "no base URL at all", config: { "sailpoint:baseUrl": undefined }, key: "sailpoint:baseUrl", envVar: "SAIL_BASE_URL", says: /is not set/ },
  { label: "missing client secret", config: { [SECRET_KEY]: undefined }, key: SECRET_KEY, envVar: "SAIL_CLIENT_SECRET", says: /is not set: run `pulumi config set --secret sailpoint:clientSecret/ },
  { label: "blank client secret", config: { [SECRET_KEY]: { secret: "   " } }, key: SECRET_KEY, envVar: "SAIL_CLIENT_SECRET", says: /is empty \(the stack value of sailpoint:clientSecret is blank\): run `pulumi config set --secret/ },
  { label: "missing client id", config: { "sailpoint:clientId": undefined }, key: "sailpoint:clientId", envVar: "SAIL_CLIENT_ID", says: /is not set/ },
  { label: "unknown API version", config: { "sailpoint:apiVersion": "v2" }, key: "sailpoint:apiVersion", envVar: "SAIL_API_VERSION", says: /is "v2": expected one of v3, v2024, v2025, v2026/ },
  { label: "beta as the API version", config: { "sailpoint:apiVersion": "beta" }, key: "sailpoint:apiVersion", envVar: "SAIL_API_VERSION", says: /expected one of/ },
  { label: "unknown API version from SAIL_API_VERSION", config: {}, env: { SAIL_API_VERSION: "v9" }, key: "sailpoint:apiVersion", envVar: "SAIL_API_VERSION", says: /is "v9"/ },
  { label: "rate limit that is not requests/ms", config: { "sailpoint:rateLimit": "fast" }, key: "sailpoint:rateLimit", envVar: "SAIL_RATE_LIMIT", says: /<requests>\/<milliseconds>/ },
  { label: "rate limit of zero requests", config: { "sailpoint:rateLimit": "0/10000" }, key: "sailpoint:rateLimit", envVar: "SAIL_RATE_LIMIT", says: /<requests>\/<milliseconds>/ },
  { label: "timeout that is not a number", config: { "sailpoint:requestTimeoutSeconds": "thirty" }, key: "sailpoint:requestTimeoutSeconds", envVar: "SAIL_REQUEST_TIMEOUT_SECONDS", says: /from 1 to 600/ },
  { label: "timeout of zero", config: { "sailpoint:requestTimeoutSeconds": "0" }, key: "sailpoint:requestTimeoutSeconds", envVar: "SAIL_REQUEST_TIMEOUT_SECONDS", says: /from 1 to 600/ },
  { label: "timeout above 600 s", config: { "sailpoint:requestTimeoutSeconds": "601" }, key: "sailpoint:requestTimeoutSeconds", envVar: "SAIL_REQUEST_TIMEOUT_SECONDS", says: /from 1 to 600/ },
  { label: "timeout under a second (0.0004 s would be 0 ms)", config: { "sailpoint:requestTimeoutSeconds": "0.0004" }, key: "sailpoint:requestTimeoutSeconds", envVar: "SAIL_REQUEST_TIMEOUT_SECONDS", says: /is "0.0004": it must be a number of seconds from 1 to 600/ },
  { label: "rate-limit window past any timer (1/3000000000)", config: { "sailpoint:rateLimit": "1/3000000000" }, key: "sailpoint:rateLimit", envVar: "SAIL_RATE_LIMIT", says: /is "1\/3000000000": allowed are 1 to 100000 requests per 100 to 3600000 milliseconds/ },
  { label: "rate limit of a 400-digit request count", config: { "sailpoint:rateLimit": `${"9".repeat(400)}/10000` }, key: "sailpoint:rateLimit", envVar: "SAIL_RATE_LIMIT", says: /allowed are 1 to 100000 requests/ },
  { label: "rate-limit window of 1 ms", config: { "sailpoint:rateLimit": "100/1" }, key: "sailpoint:rateLimit", envVar: "SAIL_RATE_LIMIT", says: /allowed are 1 to 100000 requests per 100 to 3600000 milliseconds/ },
  { label: "a stack value that is empty, no variable", config: { "sailpoint:clientId": "" }, key: "sailpoint:clientId", envVar: "SAIL_CLIENT_ID", says: /sailpoint:clientId is empty \(the stack value of sailpoint:clientId is blank\): run `pulumi config set sailpoint:clientId <value>` or set the SAIL_CLIENT_ID/ },
  { label: "a blank variable, no stack value", config: { "sailpoint:clientId": undefined }, env: { SAIL_CLIENT_ID: " " }, key: "sailpoint:clientId", envVar: "SAIL_CLIENT_ID", says: /is empty \(the SAIL_CLIENT_ID environment variable is blank\)/ },
];

describe("malformed provider settings through the provider host", () => {
  let emulator: IscEmulator;

  before(async () => {
    emulator = await IscEmulator.start();
  });
  after(async () => {
    await ProviderHost.stopAll();
    await emulator?.stop();
  });
  beforeEach(() => emulator.clearRequests());

  for (const c of CASES) {
    it(`${c.label}: one error naming ${c.key} and ${c.envVar}`, async () => {
      const config: Record<string, ConfigValue> = {};
      for (const [key, value] of Object.entries({ ...sailpointConfig(emulator), ...c.config })) if (value !== undefined) config[key] = value;
      const secretGiven = config[SECRET_KEY] !== undefined;
      const host = await ProviderHost.start({ env: c.env });
      try {
        await host.configure(config);
        // Check reports it, as one failure of the resource (no property: the engine prints "<type> resource '<name>'
        // has a problem: ..."), so a preview fails up front and the host prints no stack trace.
        const checked = await host.check(urnFor("ManagedCluster", "settings"), {}, { name: "settings" });
        expect(checked.failures, "the check names the setting").to.have.length(1);
        expect(checked.failures[0].property).to.equal("");
        const message = checked.failures[0].reason;
        const problems = message.split("\n").filter((line) => line.startsWith("  - "));
        expect(problems, message).to.have.length(1);
        expect(problems[0]).to.include(c.key).and.include(c.envVar).and.match(c.says);
        if (secretGiven) expect(message).not.to.include(emulator.credentials.clientSecret);
        // The host keeps the provider: later calls must still say what is wrong, each once.
        const urn = urnFor("ManagedCluster", "settings-again");
        const later = await host.create(urn, { name: "settings-again", type: "idn" }).then(() => undefined, (e: unknown) => e);
        expect(later, "a later Create fails too").to.be.instanceOf(HostError);
        expect((later as HostError).details).to.include(c.key).and.match(c.says);
        const read = await host.read(urn, "some-id", { name: "settings-again" }).then(() => undefined, (e: unknown) => e);
        expect((read as HostError).details, "a Read (refresh) fails the same way").to.include(c.key);
        expect(host.stderr(), "no second copy of the message, no stack trace").not.to.include("SailPoint ISC provider configuration is invalid");
        expect(host.stderr()).not.to.match(/\n\s+at /);
        if (secretGiven) expect(host.stderr()).not.to.include(emulator.credentials.clientSecret);
        expect(emulator.requests, "nothing was sent").to.deep.equal([]);
      } finally {
        await host.stop();
      }
    });
  }

  it("an empty stack value does not hide the SAIL_* variable: the variable's value is used", async () => {
    const host = await ProviderHost.start({ env: { SAIL_CLIENT_ID: emulator.credentials.clientId, SAIL_BASE_URL: emulator.url } });
    try {
      await host.configure({ ...sailpointConfig(emulator), "sailpoint:clientId": "", "sailpoint:baseUrl": "  " });
      const urn = urnFor("ManagedCluster", "empty-stack-value");
      const checked = await host.check(urn, {}, { name: "empty-stack-value" });
      expect(checked.failures).to.deep.equal([]);
      await host.create(urn, checked.inputs);
      const token = emulator.requests.find((r) => r.path === "/oauth/token")!;
      expect((token.body as Record<string, string>).client_id).to.equal(emulator.credentials.clientId);
      expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).to.include("POST /v2025/managed-clusters");
    } finally {
      await host.stop();
    }
  });
});
