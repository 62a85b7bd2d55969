import { expect } from "chai";
import { IscEmulator } from "../../emulator";
import { HostError, ProviderHost, UNKNOWN, sailpointConfig, urnFor } from "../harness/host";
import { LifecycleDriver } from "../harness/lifecycle";
import { captureRegistrations, providerText, resourceClass } from "../harness/provider-text";
import { rejection } from "../support/rejection";
import { onEmulatorAndHost } from "./stage";
import { apiCalls, lines } from "./wire";

type Bag = Record<string, unknown>;

const SECRET = /^[0-9a-f]{64}$/;

/** The required fields; `enabled` is left out on purpose (check defaults it to true). */
function required(name: string): Bag {
  return { name, description: `${name} client`, accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" };
}

describe("OAuthClient through the provider host", () => {
  let emulator: IscEmulator;
  let host: ProviderHost;
  let n = 0;

  onEmulatorAndHost((stage) => ({ emulator, host } = stage));

  /** Check + Create of a fresh client; returns the urn, checked inputs and the created id and outputs. */
  async function created(inputs: Bag, on: ProviderHost = host) {
    const urn = urnFor("OAuthClient", `o${++n}`);
    const checked = await on.check(urn, {}, inputs);
    expect(checked.failures).to.deep.equal([]);
    const result = await on.create(urn, checked.inputs);
    emulator.clearRequests();
    return { urn, inputs: checked.inputs, id: result.id, outputs: result.properties, secret: result.properties.secret as string };
  }

  const hostError = (call: Promise<unknown>) => rejection(call, HostError);

  /**
   * Creates a client named `name` through a POST whose connection resets after the service committed it. Asserts the
   * provider looked, deleted exactly what that POST made and posted again; returns the result, the calls and that orphan.
   */
  async function createdThroughResetPost(name: string, urnName: string) {
    emulator.injectFault({ method: "POST", path: "/oauth-clients", reset: "after" });
    const urn = urnFor("OAuthClient", urnName);
    const checked = await host.check(urn, {}, required(name));
    const { id, properties } = await host.create(urn, checked.inputs);
    const calls = apiCalls(emulator);
    const orphan = (calls[0].responseBody as Bag | undefined)?.id;
    expect(lines(emulator)).to.deep.equal([
      "POST /v2025/oauth-clients",
      "GET /v2025/oauth-clients",
      `DELETE /v2025/oauth-clients/${String(orphan)}`,
      "POST /v2025/oauth-clients",
    ]);
    return { id, properties, calls, orphan };
  }

  /** Asks the emulator's token endpoint for a token with these client credentials; returns the HTTP status. */
  async function tokenStatus(clientId: string, clientSecret: string): Promise<number> {
    const res = await fetch(`${emulator.url}/oauth/token`, {
      method: "POST",
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret }),
    });
    await res.arrayBuffer();
    return res.status;
  }

  describe("registration", () => {
    it("registers secret as an additional secret output, merged with the user's own", async () => {
      const OAuthClient = resourceClass("OAuthClient") as unknown as new (name: string, args: Bag, opts?: Bag) => unknown;
      const regs = await captureRegistrations(() => {
        new OAuthClient("plain", required("plain"));
        new OAuthClient("merged", required("merged"), { additionalSecretOutputs: ["clientId", "secret"] });
        new OAuthClient("other", required("other"), { additionalSecretOutputs: ["name"] });
      });
      expect(regs.map((r) => [r.type, r.name, r.additionalSecretOutputs])).to.deep.equal([
        ["pulumi-nodejs:dynamic/sailpoint:OAuthClient", "plain", ["secret"]],
        ["pulumi-nodejs:dynamic/sailpoint:OAuthClient", "merged", ["clientId", "secret"]],
        ["pulumi-nodejs:dynamic/sailpoint:OAuthClient", "other", ["name", "secret"]],
      ]);
      expect(regs[0].inputs).to.include({ name: "plain", accessType: "OFFLINE" });
      expect(regs[0].inputs).not.to.have.property("secret");
    });

    it("makes the secret a secret stack output when a program exports it", async () => {
      const OAuthClient = resourceClass("OAuthClient") as unknown as new (name: string, args: Bag) => Record<string, unknown>;
      const driver = new LifecycleDriver(host);
      const program = () => {
        const client = new OAuthClient("exported", required("exported"));
        return { secret: client.secret, clientId: client.clientId, secretKnown: client.secretKnown };
      };
      const up = await driver.up(program);
      expect(lines(emulator)).to.deep.equal(["POST /v2025/oauth-clients"]);
      const id = apiCalls(emulator)[0].responseBody as Bag;
      expect(up.outputs.secret).to.deep.equal({ value: id.secret, secret: true, known: true });
      expect(up.outputs.secret.value).to.match(SECRET);
      expect(up.outputs.clientId).to.deep.equal({ value: id.id, secret: false, known: true });
      expect(up.outputs.secretKnown).to.deep.equal({ value: true, secret: false, known: true });
      expect(await tokenStatus(String(id.id), String(id.secret))).to.equal(200);

      emulator.clearRequests();
      await driver.destroy();
      expect(lines(emulator)).to.deep.equal([`DELETE /v2025/oauth-clients/${String(id.id)}`]);
    });
  });

  describe("check", () => {
    it("names each bad property and sends nothing", async () => {
      const urn = urnFor("OAuthClient", "bad");
      const missing = await host.check(urn, {}, {});
      expect(missing.failures).to.have.deep.members(
        ["name", "description", "accessTokenValiditySeconds", "grantTypes", "accessType"].map((property) => ({ property, reason: "is required for OAuthClient" })),
      );
      expect(missing.failures).to.have.length(5);

      const cases: Array<[Bag, string, string]> = [
        [{ accessType: "BOTH" }, "accessType", "must be one of ONLINE, OFFLINE"],
        [{ grantTypes: ["PASSWORD"] }, "grantTypes[0]", "must be one of CLIENT_CREDENTIALS, AUTHORIZATION_CODE, REFRESH_TOKEN"],
        [{ type: "SECRET" }, "type", "must be one of CONFIDENTIAL, PUBLIC"],
        [{ accessTokenValiditySeconds: 0 }, "accessTokenValiditySeconds", "must be at least 1, got 0"],
        [{ accessTokenValiditySeconds: 1.5 }, "accessTokenValiditySeconds", "must be a whole number"],
        [{ accessTokenValiditySeconds: "750" }, "accessTokenValiditySeconds", "must be a whole number"],
        [{ refreshTokenValiditySeconds: -1 }, "refreshTokenValiditySeconds", "must be at least 1"],
        [{ grantTypes: [] }, "grantTypes", "must contain at least one value"],
        [{ homepageUrl: "example.com/home" }, "homepageUrl", "must be an absolute http(s) URL"],
        [{ grantTypes: ["AUTHORIZATION_CODE"], redirectUris: ["https://ok.example.com/cb", "ftp://x.example.com"] }, "redirectUris[1]", "must be an absolute http(s) URL"],
        [{ grantTypes: ["AUTHORIZATION_CODE", "REFRESH_TOKEN"] }, "redirectUris", "must list at least one URL when grantTypes includes AUTHORIZATION_CODE"],
        [{ grantTypes: ["AUTHORIZATION_CODE"], redirectUris: [] }, "redirectUris", "must list at least one URL when grantTypes includes AUTHORIZATION_CODE"],
        [{ scopes: ["sp:scopes:all"] }, "scopes", "is not a OAuthClient property"],
        [{ enabled: "yes" }, "enabled", "must be true or false"],
        [{ name: " " }, "name", "must not be empty"],
      ];
      for (const [change, property, reason] of cases) {
        const { failures } = await host.check(urn, {}, { ...required("bad"), ...change });
        expect(failures.map((f) => f.property), JSON.stringify(change)).to.deep.equal([property]);
        expect(failures[0].reason, JSON.stringify(change)).to.include(reason);
      }
      expect(apiCalls(emulator)).to.deep.equal([]);
      expect(emulator.requests, "not even a token").to.deep.equal([]);
    });

    it("tolerates the preview placeholder anywhere, and refuses importId once the client exists", async () => {
      const urn = urnFor("OAuthClient", "placeholder");
      const unknowns = await host.check(urn, {}, {
        name: UNKNOWN, description: UNKNOWN, accessTokenValiditySeconds: UNKNOWN, grantTypes: ["AUTHORIZATION_CODE", UNKNOWN],
        accessType: UNKNOWN, redirectUris: UNKNOWN, homepageUrl: UNKNOWN, scope: UNKNOWN, type: UNKNOWN, importId: UNKNOWN,
      });
      expect(unknowns.failures).to.deep.equal([]);
      expect(unknowns.inputs).to.include({ name: UNKNOWN, accessTokenValiditySeconds: UNKNOWN, redirectUris: UNKNOWN, enabled: true });
      const wholeList = await host.check(urn, {}, { ...required("p"), grantTypes: UNKNOWN });
      expect(wholeList.failures).to.deep.equal([]);

      const later = await host.check(urn, required("p"), { ...required("p"), importId: "abc" });
      expect(later.failures.map((f) => f.property)).to.deep.equal(["importId"]);
      expect(apiCalls(emulator)).to.deep.equal([]);
    });
  });

  describe("create", () => {
    it("sends one POST with exactly the declared fields and returns the secret once", async () => {
      const urn = urnFor("OAuthClient", "post");
      const declared = { ...required("post"), homepageUrl: "https://example.com/home", scope: ["sp:read", "sp:write"] };
      const checked = await host.check(urn, {}, declared);
      expect(checked.failures).to.deep.equal([]);
      const { id, properties } = await host.create(urn, checked.inputs);
      const calls = apiCalls(emulator);
      expect(lines(emulator)).to.deep.equal(["POST /v2025/oauth-clients"]);
      expect(calls[0].contentType).to.equal("application/json");
      expect(calls[0].body).to.deep.equal({ ...declared, enabled: true });

      const secret = (calls[0].responseBody as Bag).secret as string;
      expect(secret).to.match(SECRET);
      expect(properties).to.include({ clientId: id, secret, secretKnown: true, name: "post", enabled: true, lastUsed: null, metadata: null, __provider: await providerText("OAuthClient") });
      expect(properties.scope).to.deep.equal(["sp:read", "sp:write"]);
      for (const field of ["created", "modified"]) expect(properties[field], field).to.equal((calls[0].responseBody as Bag)[field]);
      expect(properties).not.to.have.property("id");
      expect(properties).not.to.have.property("importId");
      expect(emulator.store.listOAuthClients().filter((c) => c.name === "post").map((c) => c.id)).to.deep.equal([id]);
      expect(await tokenStatus(id, secret)).to.equal(200);
    });

    it("makes no duplicate when the connection resets after the POST was committed, and keeps a working secret", async () => {
      const name = "reset-after";
      const { id, properties, calls, orphan } = await createdThroughResetPost(name, name);
      expect(calls[0].outcome).to.equal("reset-after");
      expect(calls[1].query.filters).to.equal("lastUsed isnull");
      expect(calls[2].status).to.equal(204);
      expect(calls[3].body).to.deep.equal(calls[0].body);
      expect(orphan).to.be.a("string").and.not.equal(id);

      const mine = emulator.store.listOAuthClients().filter((c) => c.name === name);
      expect(mine.map((c) => c.id)).to.deep.equal([id]);
      expect(properties).to.include({ clientId: id, secretKnown: true, secret: (calls[3].responseBody as Bag).secret });
      expect(await tokenStatus(id, properties.secret as string)).to.equal(200);
      expect(await tokenStatus(String(orphan), properties.secret as string)).to.equal(401);
    });

    it("never takes an identical client it created itself for the orphan of a reset POST", async () => {
      const twin = await created(required("twin"));
      const { id } = await createdThroughResetPost("twin", "twin-b");
      expect(emulator.store.listOAuthClients().filter((c) => c.name === "twin").map((c) => c.id)).to.have.members([twin.id, id]);
      expect(await tokenStatus(twin.id, twin.secret)).to.equal(200);
    });

    it("leaves alone an identical unused client someone else made seconds before the reset POST", async () => {
      // Created 30 s earlier by the service's clock: older than the attempt, which the Date headers let us tell.
      const { client: elder } = emulator.seedOAuthClient({ ...required("elder"), created: new Date(emulator.now() - 30_000).toISOString() });
      const { id } = await createdThroughResetPost("elder", "elder-b");
      expect(emulator.store.listOAuthClients().filter((c) => c.name === "elder").map((c) => c.id)).to.have.members([elder.id, id]);
    });

    it("looks for orphans, finds none, and creates once when the connection resets before the POST was committed", async () => {
      emulator.injectFault({ method: "POST", path: "/oauth-clients", reset: "before" });
      const urn = urnFor("OAuthClient", "reset-before");
      const checked = await host.check(urn, {}, required("reset-before"));
      const { id } = await host.create(urn, checked.inputs);
      expect(lines(emulator)).to.deep.equal(["POST /v2025/oauth-clients", "GET /v2025/oauth-clients", "POST /v2025/oauth-clients"]);
      expect(emulator.store.listOAuthClients().filter((c) => c.name === "reset-before").map((c) => c.id)).to.deep.equal([id]);
    });
  });

  describe("diff", () => {
    it("reports nothing and sends nothing for an unchanged program", async () => {
      const c = await created({ ...required("same"), businessName: "b" });
      const checked = await host.check(c.urn, c.inputs, { ...required("same"), businessName: "b" });
      expect(await host.diff(c.urn, c.id, c.outputs, checked.inputs)).to.deep.include({ changes: "none", replaces: [] });
      expect(apiCalls(emulator)).to.deep.equal([]);
    });

    it("compares grantTypes, redirectUris and scope as sets: reordered or duplicated is no change, and no request", async () => {
      const declared = {
        ...required("sets"),
        grantTypes: ["CLIENT_CREDENTIALS", "AUTHORIZATION_CODE", "REFRESH_TOKEN"],
        redirectUris: ["https://a.example.com/cb", "https://b.example.com/cb"],
        scope: ["sp:a", "sp:b"],
      };
      const c = await created(declared);
      const shuffled = {
        ...required("sets"),
        grantTypes: ["REFRESH_TOKEN", "AUTHORIZATION_CODE", "CLIENT_CREDENTIALS", "REFRESH_TOKEN"],
        redirectUris: ["https://b.example.com/cb", "https://a.example.com/cb", "https://b.example.com/cb"],
        scope: ["sp:b", "sp:a", "sp:a"],
      };
      const checked = await host.check(c.urn, c.inputs, shuffled);
      expect(checked.failures).to.deep.equal([]);
      expect(await host.diff(c.urn, c.id, c.outputs, checked.inputs)).to.deep.include({ changes: "none", replaces: [] });
      const { properties } = await host.update(c.urn, c.id, c.outputs, checked.inputs);
      expect(apiCalls(emulator)).to.deep.equal([]);
      expect(properties).to.include({ secret: c.secret, secretKnown: true });
    });

    it("replaces on type, internal or scope, naming exactly that field", async () => {
      const c = await created({ ...required("replace"), scope: ["sp:a"] });
      for (const [field, value] of [["type", "PUBLIC"], ["internal", true], ["scope", ["sp:a", "sp:b"]]] as const) {
        const diff = await host.diff(c.urn, c.id, c.outputs, { ...c.inputs, [field]: value });
        expect(diff, field).to.deep.include({ changes: "some", replaces: [field], deleteBeforeReplace: false });
      }
      const diff = await host.diff(c.urn, c.id, c.outputs, { ...c.inputs, name: "renamed", internal: true });
      expect(diff).to.deep.include({ changes: "some", replaces: ["internal"] });
      expect(apiCalls(emulator)).to.deep.equal([]);
    });

    it("treats an omitted scope, type or internal as the service's default, both ways", async () => {
      const omitted = await created(required("defaults-omitted"));
      const explicit = { ...omitted.inputs, scope: ["sp:scopes:all"], type: "CONFIDENTIAL", internal: false };
      expect(await host.diff(omitted.urn, omitted.id, omitted.outputs, explicit)).to.deep.include({ changes: "none", replaces: [] });

      const declared = await created({ ...required("defaults-declared"), scope: ["sp:scopes:all"], type: "CONFIDENTIAL", internal: false });
      expect(declared.outputs).to.deep.include({ scope: ["sp:scopes:all"], type: "CONFIDENTIAL", internal: false });
      const dropped = { ...declared.inputs };
      for (const key of ["scope", "type", "internal"]) delete dropped[key];
      expect(await host.diff(declared.urn, declared.id, declared.outputs, dropped)).to.deep.include({ changes: "none", replaces: [] });
      expect(apiCalls(emulator)).to.deep.equal([]);
    });
  });

  describe("update", () => {
    it("sends one JSON Patch with only the changed fields, keeping the secret the PATCH answers as null", async () => {
      const c = await created({ ...required("patch-me"), businessName: "Acme", refreshTokenValiditySeconds: 3600, claimsSupported: true });
      const news: Bag = { ...c.inputs, name: "patched", grantTypes: ["REFRESH_TOKEN", "CLIENT_CREDENTIALS"], homepageUrl: "https://example.com", enabled: false };
      delete news.businessName;
      delete news.refreshTokenValiditySeconds;
      expect((await host.diff(c.urn, c.id, c.outputs, news)).changes).to.equal("some");
      const { properties } = await host.update(c.urn, c.id, c.outputs, news);
      const calls = apiCalls(emulator);
      expect(lines(emulator)).to.deep.equal([`PATCH /v2025/oauth-clients/${c.id}`]);
      expect(calls[0].contentType).to.equal("application/json-patch+json");
      expect(calls[0].status).to.equal(200);
      // A field the program no longer declares goes back to the service's default (the API allows no null value).
      expect(calls[0].body).to.have.deep.members([
        { op: "replace", path: "/name", value: "patched" },
        { op: "replace", path: "/enabled", value: false },
        { op: "replace", path: "/homepageUrl", value: "https://example.com" },
        { op: "replace", path: "/businessName", value: "" },
        { op: "replace", path: "/refreshTokenValiditySeconds", value: 86400 },
        { op: "replace", path: "/grantTypes", value: ["REFRESH_TOKEN", "CLIENT_CREDENTIALS"] },
      ]);
      expect(calls[0].body).to.have.length(6);
      expect((calls[0].responseBody as Bag).secret).to.equal(null);
      expect(properties).to.include({ name: "patched", claimsSupported: true, enabled: false, homepageUrl: "https://example.com", clientId: c.id, secret: c.secret, secretKnown: true });
      // No longer declared: the outputs carry the service's values, named as left out (never drift).
      expect(properties).to.include({ businessName: "", refreshTokenValiditySeconds: 86400 });
      expect(properties.__omitted).to.include.members(["businessName", "refreshTokenValiditySeconds"]);
      expect(properties.grantTypes).to.have.members(["REFRESH_TOKEN", "CLIENT_CREDENTIALS"]);
      const live = emulator.store.listOAuthClients().find((x) => x.id === c.id)!;
      expect(live).to.include({ name: "patched", enabled: false, homepageUrl: "https://example.com", businessName: "", refreshTokenValiditySeconds: 86400, claimsSupported: true });
      expect((await host.diff(c.urn, c.id, properties, news)).changes).to.equal("none");
    });

    it("clears redirect URIs and the homepage the program stops declaring", async () => {
      const c = await created({ ...required("clear-me"), grantTypes: ["AUTHORIZATION_CODE"], redirectUris: ["https://app.example.com/cb"], homepageUrl: "https://app.example.com" });
      const news: Bag = { ...c.inputs, grantTypes: ["CLIENT_CREDENTIALS"] };
      delete news.redirectUris;
      delete news.homepageUrl;
      const { properties } = await host.update(c.urn, c.id, c.outputs, news);
      expect(apiCalls(emulator).map((r) => [r.method, r.status])).to.deep.equal([["PATCH", 200]]);
      expect(apiCalls(emulator)[0].body).to.have.deep.members([
        { op: "replace", path: "/grantTypes", value: ["CLIENT_CREDENTIALS"] },
        { op: "replace", path: "/redirectUris", value: [] },
        { op: "replace", path: "/homepageUrl", value: "" },
      ]);
      expect(emulator.store.listOAuthClients().find((x) => x.id === c.id)).to.deep.include({ redirectUris: [], homepageUrl: "" });
      expect(properties).to.deep.include({ redirectUris: [], homepageUrl: "" });
      expect(properties.__omitted).to.include.members(["redirectUris", "homepageUrl"]);
      expect(properties.secret).to.equal(c.secret);
    });

    it("converges without a second PATCH when the connection resets after the PATCH was committed", async () => {
      const c = await created(required("patch-reset"));
      emulator.injectFault({ method: "PATCH", path: "/oauth-clients/{id}", reset: "after" });
      const { properties } = await host.update(c.urn, c.id, c.outputs, { ...c.inputs, name: "patch-reset-2" });
      expect(lines(emulator)).to.deep.equal([`PATCH /v2025/oauth-clients/${c.id}`, `GET /v2025/oauth-clients/${c.id}`]);
      expect(apiCalls(emulator)[0].outcome).to.equal("reset-after");
      expect(properties).to.include({ name: "patch-reset-2", secret: c.secret, secretKnown: true });
    });

    it("sends nothing when only unchanged things change, and keeps every output", async () => {
      const c = await created(required("no-op"));
      const news = { ...c.inputs, scope: ["sp:scopes:all"], internal: false };
      expect((await host.diff(c.urn, c.id, c.outputs, news)).changes).to.equal("none");
      const { properties } = await host.update(c.urn, c.id, c.outputs, news);
      expect(apiCalls(emulator)).to.deep.equal([]);
      const { __provider, __omitted, ...rest } = c.outputs;
      expect(properties).to.deep.include(rest);
      // scope and internal are declared now: no longer named as left out.
      expect(__omitted).to.include.members(["scope", "internal"]);
      expect(properties.__omitted).not.to.include.members(["scope"]);
      expect(properties.__omitted).not.to.include.members(["internal"]);
      expect(properties.__provider).to.equal(__provider);
    });

    it("reports a refused PATCH clearly without the secret, in this host and in a fresh one", async () => {
      const c = await created(required("refused"));
      emulator.injectFault({ method: "PATCH", path: "/oauth-clients/{id}", status: 400 });
      const news = { ...c.inputs, description: "changed" };
      const error = await hostError(host.update(c.urn, c.id, c.outputs, news));
      expect(error.details).to.include(`ISC PATCH /v2025/oauth-clients/${c.id} failed with 400`);
      expect(error.details).not.to.include(c.secret);
      expect(lines(emulator)).to.deep.equal([`PATCH /v2025/oauth-clients/${c.id}`]);

      // Every `pulumi up` starts a new host: the secret it only knows from the state must be kept out as well,
      // even when the service echoes it back.
      const fresh = await ProviderHost.start();
      try {
        await fresh.configure(sailpointConfig(emulator));
        const echo = { detailCode: "400.1 Bad Request Content", trackingId: "t-echo", messages: [{ locale: "en-US", localeOrigin: "DEFAULT", text: `secret ${c.secret} rejected` }] };
        emulator.injectFault({ method: "PATCH", path: "/oauth-clients/{id}", status: 400, body: echo });
        const patchError = await hostError(fresh.update(c.urn, c.id, c.outputs, news));
        expect(patchError.details).to.include("failed with 400").and.include("[redacted]").and.include("trackingId t-echo");
        expect(patchError.details).not.to.include(c.secret);

        // This process wrote the client (its PATCH was refused), so it reads it with a GET, not from a list.
        emulator.injectFault({ method: "GET", path: "/oauth-clients/{id}", status: 400, body: echo });
        const readError = await hostError(fresh.read(c.urn, c.id, c.outputs, c.inputs));
        expect(readError.details).to.include(`ISC GET /v2025/oauth-clients/${c.id} failed with 400`).and.include("[redacted]");
        expect(readError.details).not.to.include(c.secret);
        expect(fresh.stderr(), "the host prints no second copy of the error").not.to.include("failed with 400");
        expect(fresh.stderr()).not.to.include(c.secret);
      } finally {
        await fresh.stop();
      }
      expect(host.stderr()).not.to.include(c.secret);
    });
  });

  describe("refresh", () => {
    it("keeps the secret the GET answers as null", async () => {
      const c = await created(required("read"));
      const read = await host.read(c.urn, c.id, c.outputs, c.inputs);
      expect(lines(emulator)).to.deep.equal([`GET /v2025/oauth-clients/${c.id}`]);
      expect((apiCalls(emulator)[0].responseBody as Bag).secret).to.equal(null);
      expect(read.id).to.equal(c.id);
      expect(read.properties).to.include({ secret: c.secret, secretKnown: true, clientId: c.id });
      expect(read.inputs).not.to.have.property("secret");
      expect(read.inputs).to.include({ name: "read", enabled: true, __provider: await providerText("OAuthClient") });
      expect((await host.diff(c.urn, c.id, read.properties, c.inputs)).changes).to.equal("none");
    });

    it("reveals out-of-band changes to owned fields, and an update patches them back", async () => {
      const c = await created({ ...required("drift"), grantTypes: ["CLIENT_CREDENTIALS", "REFRESH_TOKEN"] });
      emulator.mutateOAuthClient(c.id, (live) => {
        live.name = "renamed-in-ui";
        live.accessTokenValiditySeconds = 3600;
        live.grantTypes = ["CLIENT_CREDENTIALS"];
        live.enabled = false;
      });
      const read = await host.read(c.urn, c.id, c.outputs, c.inputs);
      expect(lines(emulator)).to.deep.equal([`GET /v2025/oauth-clients/${c.id}`]);
      expect(read.inputs).to.deep.include({ name: "renamed-in-ui", accessTokenValiditySeconds: 3600, grantTypes: ["CLIENT_CREDENTIALS"], enabled: false });
      expect(read.properties).to.include({ name: "renamed-in-ui", secret: c.secret });
      const diff = await host.diff(c.urn, c.id, read.properties, c.inputs);
      expect(diff).to.deep.include({ changes: "some", replaces: [] });

      emulator.clearRequests();
      const { properties } = await host.update(c.urn, c.id, read.properties, c.inputs);
      expect(lines(emulator)).to.deep.equal([`PATCH /v2025/oauth-clients/${c.id}`]);
      expect(apiCalls(emulator)[0].body).to.have.deep.members([
        { op: "replace", path: "/name", value: "drift" },
        { op: "replace", path: "/accessTokenValiditySeconds", value: 750 },
        { op: "replace", path: "/enabled", value: true },
        { op: "replace", path: "/grantTypes", value: ["CLIENT_CREDENTIALS", "REFRESH_TOKEN"] },
      ]);
      expect(apiCalls(emulator)[0].body).to.have.length(4);
      expect(properties).to.include({ name: "drift", secret: c.secret });
      expect(emulator.store.listOAuthClients().find((x) => x.id === c.id)).to.include({ name: "drift", enabled: true, accessTokenValiditySeconds: 750 });
    });

    it("ignores what only the service changes (lastUsed, modified)", async () => {
      const c = await created(required("used"));
      emulator.markOAuthClientUsed(c.id);
      emulator.mutateOAuthClient(c.id, () => undefined);
      const read = await host.read(c.urn, c.id, c.outputs, c.inputs);
      expect(read.properties.lastUsed).to.be.a("string");
      expect(read.properties.modified).not.to.equal(c.outputs.modified);
      expect((await host.diff(c.urn, c.id, read.properties, c.inputs)).changes).to.equal("none");
    });

    it("reports a client deleted out of band as gone", async () => {
      const c = await created(required("vanished"));
      emulator.removeOAuthClient(c.id);
      const read = await host.read(c.urn, c.id, c.outputs, c.inputs);
      expect(read.id).to.equal("");
      expect(lines(emulator), "a 404 is believed when a second read confirms it").to.deep.equal([`GET /v2025/oauth-clients/${c.id}`, `GET /v2025/oauth-clients/${c.id}`]);
    });
  });

  describe("importId", () => {
    it("adopts an existing client without a POST: secret null and secretKnown false, patchable fields patched", async () => {
      const { client, secret } = emulator.seedOAuthClient({ name: "legacy", description: "old", accessTokenValiditySeconds: 750, scope: ["sp:read"] });
      const urn = urnFor("OAuthClient", "adopted");
      const checked = await host.check(urn, {}, { ...required("legacy"), description: "managed now", scope: ["sp:read"], importId: client.id });
      expect(checked.failures).to.deep.equal([]);
      const { id, properties } = await host.create(urn, checked.inputs);
      expect(id).to.equal(client.id);
      expect(lines(emulator)).to.deep.equal([`GET /v2025/oauth-clients/${id}`, `PATCH /v2025/oauth-clients/${id}`]);
      expect(apiCalls(emulator)[1].body).to.deep.equal([{ op: "replace", path: "/description", value: "managed now" }]);
      expect(properties).to.include({ importId: client.id, clientId: client.id, secret: null, secretKnown: false, description: "managed now" });
      expect(JSON.stringify(properties)).not.to.include(secret);

      emulator.clearRequests();
      const twice = await hostError(host.create(urnFor("OAuthClient", "adopted-again"), checked.inputs));
      expect(twice.details, "two resources of one deployment never share an object").to.match(/^importId: OAuth client "[0-9a-f]+" is already managed by another resource of this deployment$/);
      expect(lines(emulator)).to.deep.equal([]);

      const nextDeployment = await host.sibling();
      const same = await nextDeployment.create(urnFor("OAuthClient", "adopted-again"), { ...checked.inputs, __provider: checked.inputs.__provider });
      expect(lines(emulator), "nothing to patch").to.deep.equal([`GET /v2025/oauth-clients/${id}`]);
      expect(same.properties).to.include({ secret: null, secretKnown: false });
      await nextDeployment.stop();
    });

    it("refuses, naming importId, a client whose replace-only field differs, declared or by omission", async () => {
      const { client } = emulator.seedOAuthClient({ name: "scoped", description: "d", scope: ["sp:read"] });
      const urn = urnFor("OAuthClient", "scoped");
      const declared = await host.check(urn, {}, { ...required("scoped"), description: "d", scope: ["sp:write"], importId: client.id });
      const error = await hostError(host.create(urn, declared.inputs));
      expect(error.details).to.include(`importId: OAuth client "${client.id}" differs in scope`);
      expect(lines(emulator)).to.deep.equal([`GET /v2025/oauth-clients/${client.id}`]);

      emulator.clearRequests();
      const omitted = await host.check(urn, {}, { ...required("scoped"), description: "d", importId: client.id });
      const byOmission = await hostError(host.create(urn, omitted.inputs));
      expect(byOmission.details).to.include(`importId: OAuth client "${client.id}" differs in scope`);
      expect(lines(emulator)).to.deep.equal([`GET /v2025/oauth-clients/${client.id}`]);
      expect(emulator.store.listOAuthClients().find((x) => x.id === client.id)).to.deep.include({ scope: ["sp:read"], description: "d" });
    });

    it("fails clearly, naming importId, when the client does not exist", async () => {
      const urn = urnFor("OAuthClient", "ghost");
      const checked = await host.check(urn, {}, { ...required("ghost"), importId: "0123456789abcdef0123456789abcdef" });
      const error = await hostError(host.create(urn, checked.inputs));
      expect(error.details).to.include('importId: OAuth client "0123456789abcdef0123456789abcdef" does not exist');
      expect(lines(emulator)).to.deep.equal(["GET /v2025/oauth-clients/0123456789abcdef0123456789abcdef"]);
    });
  });

  describe("delete", () => {
    it("sends one DELETE, and succeeds when the client is already gone", async () => {
      const c = await created(required("deleted"));
      await host.delete(c.urn, c.id, c.outputs);
      expect(lines(emulator)).to.deep.equal([`DELETE /v2025/oauth-clients/${c.id}`]);
      expect(apiCalls(emulator)[0].status).to.equal(204);
      expect(emulator.store.listOAuthClients().find((x) => x.id === c.id)).to.equal(undefined);

      emulator.clearRequests();
      await host.delete(c.urn, c.id, c.outputs);
      expect(lines(emulator)).to.deep.equal([`DELETE /v2025/oauth-clients/${c.id}`]);
      expect(apiCalls(emulator)[0].status).to.equal(404);
    });
  });

  it("never lets a client secret into __provider or the host's stderr", async () => {
    const c = await created(required("secrets"));
    const text = await providerText("OAuthClient");
    expect(c.outputs.__provider).to.equal(text);
    expect(text).not.to.include(c.secret);
    expect(text).not.to.include(emulator.credentials.clientSecret);
    for (const secret of [c.secret, emulator.credentials.clientSecret]) expect(host.stderr()).not.to.include(secret);
  });
});
