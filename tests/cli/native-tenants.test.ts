/**
 * Two tenants in one program through the real CLI: two emulators, two explicit providers (`new Provider(...)`), each
 * resource and lookup sent to its own tenant with its own credentials, the providers' secrets only as ciphertext in
 * the state, and an update that touches one tenant only.
 */
import { expect } from "chai";
import { IscEmulator, type RecordedRequest } from "../../emulator";
import { declareNative, nativeProject, nativeResources, type NativeSpec } from "../native/cli";
import { onCliStage } from "./support/stage";
import { legName } from "./support/toolchain";

const writes = (requests: readonly RecordedRequest[]) => requests.filter((r) => r.method !== "GET" && r.path !== "/oauth/token").map((r) => `${r.method} ${r.path}`);
const settings = (tenant: IscEmulator) => ({ baseUrl: tenant.url, clientId: tenant.credentials.clientId, clientSecret: tenant.credentials.clientSecret });

describe(`real CLI: two tenants in one program on the native door (${legName()})`, function () {
  this.timeout(600_000);
  let sandbox: IscEmulator;
  let prod: IscEmulator;

  onCliStage(async (started) => {
    sandbox = started;
    prod = await IscEmulator.start();
  });
  after(() => prod?.stop());

  it("each provider's resources and lookups reach its own tenant only, with its own credentials", async () => {
    const spec: NativeSpec = {
      providers: [
        { name: "sandbox", args: settings(sandbox) },
        { name: "prod", args: settings(prod) },
      ],
      resources: [
        { kind: "ManagedCluster", name: "sandbox-va", args: { name: "nt-va", description: "sandbox" }, options: { provider: "sandbox" } },
        { kind: "ManagedCluster", name: "prod-va", args: { name: "nt-va", description: "prod" }, options: { provider: "prod" } },
        { kind: "OAuthClient", name: "prod-ci", args: { name: "nt-ci", description: "pipeline", accessTokenValiditySeconds: 750, grantTypes: ["CLIENT_CREDENTIALS"], accessType: "OFFLINE" }, options: { provider: "prod" } },
      ],
      lookups: [{ name: "prodClusters", fn: "listManagedClusters", args: { name: "${prod-va.name}" }, provider: "prod" }],
      exports: { ciSecret: "prod-ci.secret" },
    };
    // No stack settings and no SAIL_* variables: only the explicit providers can reach a tenant.
    const project = await nativeProject("native-tenants", undefined, spec);
    await project.up();

    expect(writes(sandbox.requests)).to.deep.equal(["POST /v2025/managed-clusters"]);
    expect(writes(prod.requests).sort()).to.deep.equal(["POST /v2025/managed-clusters", "POST /v2025/oauth-clients"]);
    for (const [tenant, other] of [[sandbox, prod], [prod, sandbox]]) {
      const clients = new Set(tenant.requests.map((r) => r.clientId));
      expect([...clients], "each tenant sees only its own API client").to.deep.equal([tenant.credentials.clientId]);
      expect(JSON.stringify(tenant.requests).includes(other.credentials.clientSecret), "never the other tenant's secret").to.equal(false);
    }
    expect(sandbox.store.listClusters().map((c) => c.description)).to.deep.equal(["sandbox"]);
    expect(prod.store.listClusters().map((c) => c.description)).to.deep.equal(["prod"]);
    const outputs = await project.outputs();
    expect((outputs.prodClusters as { id: string }[]).map((c) => c.id)).to.deep.equal([prod.store.listClusters()[0].id]);

    const text = JSON.stringify(await project.exportState());
    for (const secret of [sandbox.credentials.clientSecret, prod.credentials.clientSecret, String((await project.outputs(true)).ciSecret)]) {
      expect(text.includes(secret), "a secret in plain text in the state").to.equal(false);
    }
    expect((await nativeResources(project)).get("prod-va")?.id).to.equal(prod.store.listClusters()[0].id);

    declareNative(project, { ...spec, resources: spec.resources.map((r) => (r.name === "prod-va" ? { ...r, args: { ...r.args, description: "prod, edited" } } : r)) });
    sandbox.clearRequests();
    prod.clearRequests();
    await project.up();
    expect(writes(sandbox.requests)).to.deep.equal([]);
    expect(writes(prod.requests)).to.deep.equal([`PATCH /v2025/managed-clusters/${prod.store.listClusters()[0].id}`]);

    declareNative(project, { ...spec, resources: [], lookups: [] });
    await project.destroy();
    expect(sandbox.store.listClusters()).to.deep.equal([]);
    expect(prod.store.listClusters()).to.deep.equal([]);
    expect(prod.store.listOAuthClients().filter((c) => c.name === "nt-ci")).to.deep.equal([]);
  });
});
