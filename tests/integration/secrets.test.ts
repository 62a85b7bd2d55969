/**
 * Secret inputs through the resource classes and the real provider host: no value the program marked secret comes
 * back in an output that is not a secret (the engine keeps a value the host returns in the secret wire form as a
 * secret), and a map given as a secret Output deploys. The program side is captured under mocks; the engine side
 * receives the inputs as the engine hands them to the dynamic-provider host (secrets as plaintext).
 */
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { ClusterLogConfig, ManagedCluster, ManagedClient, OAuthClient, type LogLevel } from "../../sdk";
import { HostError, urnFor, type ProviderHost } from "../harness/host";
import { captureRegistrations } from "../harness/provider-text";
import { isWrappedSecret, wrapSecret, type Bag, type Kind } from "../harness/wire";
import { rejection } from "../support/rejection";
import type { IscEmulator } from "../../emulator";
import { onEmulatorAndHost } from "./stage";
import { apiCalls, lines } from "./wire";

const PASSWORD = "s3cret-bind-password";

/** Every plain string value anywhere in a bag, outside the secret wire form. */
function plainStrings(value: unknown): string[] {
  if (isWrappedSecret(value)) return [];
  if (Array.isArray(value)) return value.flatMap(plainStrings);
  if (value && typeof value === "object") return Object.values(value).flatMap(plainStrings);
  return typeof value === "string" ? [value] : [];
}

describe("secret inputs through the resource classes and the provider host", () => {
  let emulator: IscEmulator;
  let host: ProviderHost;
  let n = 0;

  onEmulatorAndHost((stage) => ({ emulator, host } = stage));

  /** The inputs one resource registers (secrets unwrapped, as the host receives them) and its top-level secret keys. */
  async function registered(program: () => void): Promise<{ inputs: Bag; secretInputs: string[] }> {
    const [reg] = await captureRegistrations(program);
    return { inputs: reg.inputs, secretInputs: reg.secretInputs };
  }

  async function checked(kind: Kind, inputs: Bag, olds: Bag = {}) {
    const urn = urnFor(kind, `s${++n}`);
    const result = await host.check(urn, olds, inputs);
    return { urn, ...result };
  }

  describe("ManagedCluster configuration", () => {
    it("a secret value in the map: the class names its path; create, read and update return it, and its copy in liveConfiguration, as secrets", async () => {
      const { inputs, secretInputs } = await registered(
        () => void new ManagedCluster("c", { name: `sec-${++n}`, configuration: { ldapBindCredential: pulumi.secret(PASSWORD), gmtOffset: "-5" } }),
      );
      expect(secretInputs).to.include("configuration");
      expect(inputs.__secretInputs).to.deep.equal([["configuration", "ldapBindCredential"]]);
      const { urn, inputs: news, failures } = await checked("ManagedCluster", inputs);
      expect(failures).to.deep.equal([]);

      const created = await host.create(urn, news);
      const sent = apiCalls(emulator).find((r) => r.method === "POST");
      expect(JSON.stringify(sent?.body)).to.include(PASSWORD);
      const outs = created.properties;
      expect(plainStrings(outs)).not.to.include(PASSWORD);
      expect(outs.liveConfiguration).to.deep.include({ ldapBindCredential: wrapSecret(PASSWORD), gmtOffset: "-5" });
      expect(outs.configuration).to.deep.equal({ ldapBindCredential: wrapSecret(PASSWORD), gmtOffset: "-5" });
      expect(outs.__secretInputs).to.deep.equal([["configuration", "ldapBindCredential"]]);

      // The engine hands the provider its state in plaintext: read finds the paths in the echoed outputs.
      const plainOuts = { ...outs, liveConfiguration: { ...(outs.liveConfiguration as Bag), ldapBindCredential: PASSWORD }, configuration: news.configuration };
      const read = await host.read(urn, created.id, plainOuts);
      expect(plainStrings(read.properties)).not.to.include(PASSWORD);
      expect(plainStrings(read.inputs)).not.to.include(PASSWORD);
      expect((read.properties.liveConfiguration as Bag).ldapBindCredential).to.deep.equal(wrapSecret(PASSWORD));

      const changed = { ...news, description: "changed" };
      expect((await host.diff(urn, created.id, plainOuts, changed)).changes).to.equal("some");
      const updated = await host.update(urn, created.id, plainOuts, changed);
      expect(plainStrings(updated.properties)).not.to.include(PASSWORD);
      expect(updated.properties.description).to.equal("changed");
    });

    it("a map given as a secret Output deploys: no __lostKeys failure, the whole map and liveConfiguration are secrets", async () => {
      const { inputs } = await registered(
        () => void new ManagedCluster("c", { name: `whole-${++n}`, configuration: pulumi.secret({ ldapBindCredential: PASSWORD, gmtOffset: "-5" }) }),
      );
      expect(inputs).not.to.have.property("__lostKeys");
      expect(inputs.__secretInputs).to.deep.equal([["configuration"]]);
      const { urn, inputs: news, failures } = await checked("ManagedCluster", inputs);
      expect(failures).to.deep.equal([]);
      const created = await host.create(urn, news);
      expect(plainStrings(created.properties)).not.to.include(PASSWORD);
      expect(plainStrings(created.properties)).not.to.include("-5");
      expect(isWrappedSecret(created.properties.liveConfiguration)).to.equal(true);
      expect(isWrappedSecret(created.properties.configuration)).to.equal(true);
      expect(emulator.store.listClusters().find((c) => c.id === created.id)?.configuration).to.include({ ldapBindCredential: PASSWORD });
    });

    it("a state written before the rule (no secret paths in the outputs) is written again, without a request", async () => {
      const { inputs } = await registered(() => void new ManagedCluster("c", { name: `old-${++n}`, configuration: { k: pulumi.secret(PASSWORD) } }));
      const { urn, inputs: news } = await checked("ManagedCluster", inputs);
      const created = await host.create(urn, news);
      const oldState: Bag = { ...created.properties, liveConfiguration: { k: PASSWORD }, configuration: { k: PASSWORD } };
      delete oldState.__secretInputs;
      emulator.clearRequests();
      expect((await host.diff(urn, created.id, oldState, news)).changes).to.equal("some");
      const updated = await host.update(urn, created.id, oldState, news);
      expect(lines(emulator)).to.deep.equal([]);
      expect(plainStrings(updated.properties)).not.to.include(PASSWORD);
      // Once written, nothing changes.
      const plainNow = { ...updated.properties, liveConfiguration: { k: PASSWORD }, configuration: { k: PASSWORD } };
      expect((await host.diff(urn, created.id, plainNow, news)).changes).to.equal("none");
    });
  });

  describe("ClusterLogConfig", () => {
    it("logLevels given as a secret Output (as cfg.requireSecretObject gives it) deploys; expiresAt from a secret duration is a secret", async () => {
      const cluster = emulator.seedCluster({ name: `lc-${++n}` });
      const levels = pulumi.secret<Record<string, LogLevel>>({ "sailpoint.connector.LDAPConnector": "DEBUG" });
      const { inputs } = await registered(
        () => void new ClusterLogConfig("l", { clusterId: cluster.id, rootLevel: "INFO", logLevels: levels, durationMinutes: pulumi.secret(30) }),
      );
      expect(inputs).not.to.have.property("__lostKeys");
      expect(inputs.__secretInputs).to.have.deep.members([["logLevels"], ["durationMinutes"]]);
      const { urn, inputs: news, failures } = await checked("ClusterLogConfig", inputs);
      expect(failures).to.deep.equal([]);
      const created = await host.create(urn, news);
      for (const key of ["logLevels", "durationMinutes", "expiresAt"]) expect(isWrappedSecret(created.properties[key]), key).to.equal(true);
      expect(plainStrings(created.properties)).not.to.include("sailpoint.connector.LDAPConnector");
      expect(created.properties.rootLevel).to.equal("INFO");
    });

    it("a secret value in logLevels is a secret in the outputs; the other loggers are not", async () => {
      const cluster = emulator.seedCluster({ name: `lk-${++n}` });
      const { inputs } = await registered(
        () => void new ClusterLogConfig("l", { clusterId: cluster.id, rootLevel: "INFO", logLevels: { hidden: pulumi.secret("TRACE" as const), shown: "DEBUG" } }),
      );
      const { urn, inputs: news } = await checked("ClusterLogConfig", inputs);
      const created = await host.create(urn, news);
      expect(created.properties.logLevels).to.deep.equal({ hidden: wrapSecret("TRACE"), shown: "DEBUG" });
    });

    it("a secret clusterId is refused before any request: it becomes the resource's id, which Pulumi never encrypts", async () => {
      const { inputs } = await registered(() => void new ClusterLogConfig("l", { clusterId: pulumi.secret("some-cluster"), rootLevel: "INFO" }));
      const { failures } = await checked("ClusterLogConfig", inputs);
      expect(failures.map((f) => f.property)).to.deep.equal(["clusterId"]);
      expect(failures[0].reason).to.match(/must not be a secret/);
      expect(apiCalls(emulator)).to.deep.equal([]);
    });
  });

  describe("the other resources", () => {
    it("a secret importId is refused before any request", async () => {
      const { inputs } = await registered(() => void new ManagedClient("m", { clusterId: "c", importId: pulumi.secret("x") }));
      const { failures } = await checked("ManagedClient", inputs);
      expect(failures.map((f) => f.property)).to.deep.equal(["importId"]);
      expect(apiCalls(emulator)).to.deep.equal([]);
    });

    it("an OAuth client's secret description stays secret, and a program without secrets registers no secret paths", async () => {
      const args = { name: `oc-${++n}`, accessTokenValiditySeconds: 3600, grantTypes: ["CLIENT_CREDENTIALS" as const], accessType: "OFFLINE" as const };
      const plain = await registered(() => void new OAuthClient("o", { ...args, description: "plain" }));
      expect(plain.inputs).not.to.have.property("__secretInputs");
      const { inputs } = await registered(() => void new OAuthClient("o", { ...args, description: pulumi.secret(PASSWORD) }));
      const { urn, inputs: news } = await checked("OAuthClient", inputs);
      const created = await host.create(urn, news);
      expect(created.properties.description).to.deep.equal(wrapSecret(PASSWORD));
      expect(plainStrings(created.properties)).not.to.include(PASSWORD);
    });

    it("a partial failure's properties follow the rule too", async () => {
      const { inputs } = await registered(
        () => void new ManagedCluster("c", { name: `pf-${++n}`, configuration: { k: pulumi.secret(PASSWORD) }, manualUpgradeTrigger: "1" }),
      );
      const { urn, inputs: news } = await checked("ManagedCluster", inputs);
      emulator.injectFault({ method: "POST", path: "/managed-clusters/{id}/manualUpgrade", status: 400 });
      const error = await rejection(host.create(urn, news), HostError);
      expect(error.initFailure?.id).to.be.a("string");
      expect(plainStrings(error.initFailure?.properties)).not.to.include(PASSWORD);
      expect((error.initFailure?.properties.liveConfiguration as Bag).k).to.deep.equal(wrapSecret(PASSWORD));
    });
  });
});
