import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { ProviderHost } from "../harness/host";
import { LifecycleDriver, LifecycleError, type OperationResult } from "../harness/lifecycle";
import { UNKNOWN } from "../harness/wire";
import { fakeProvider, takeCalls, Thing, writeCloud, type Call } from "./fake-cloud";
import { rejection } from "../support/rejection";

const ops = (result: OperationResult) => result.steps.map((s) => `${s.op} ${s.name}`);
const brief = (calls: Call[]) => calls.map((c) => `${c.op}${c.id ? ` ${c.id}` : ""}`);

const failure = (call: Promise<unknown>) => rejection(call, LifecycleError);

describe("harness: LifecycleDriver (in-memory engine over the real host)", () => {
  let dir: string;
  let cloud: string;
  let provider: pulumi.dynamic.ResourceProvider;
  let host: ProviderHost;
  let driver: LifecycleDriver;

  before(async () => {
    host = await ProviderHost.start();
    await host.configure({});
  });
  after(() => ProviderHost.stopAll());

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "harness-lifecycle-"));
    cloud = path.join(dir, "cloud.json");
    provider = fakeProvider(cloud);
    driver = new LifecycleDriver(host, { config: { "fake:cloud": cloud } });
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** a ← b (b's value is a's id) */
  const pair = (aValue = "one") => () => {
    const a = new Thing(provider, "a", { value: aValue });
    const b = new Thing(provider, "b", { value: a.id });
    return { aId: a.id, bValue: b.value };
  };

  it("preview sends only Check and Diff, with unknowns for unresolved outputs", async () => {
    const result = await driver.preview(pair());
    expect(ops(result)).to.deep.equal(["create a", "create b"]);
    expect(result.outputs.aId).to.include({ known: false });
    const calls = takeCalls(cloud);
    expect(brief(calls)).to.deep.equal(["check", "check"]);
    expect(calls[1].news).to.deep.equal({ value: UNKNOWN });
    expect(driver.state.size).to.equal(0);
  });

  it("up creates in dependency order and feeds real outputs to dependents and exports", async () => {
    const result = await driver.up(pair());
    expect(ops(result)).to.deep.equal(["create a", "create b"]);
    expect(brief(takeCalls(cloud))).to.deep.equal(["check", "create", "check", "create"]);
    expect(result.outputs).to.deep.equal({ aId: { value: "t1", secret: false, known: true }, bValue: { value: "t1", secret: false, known: true } });
    expect(driver.outputsOf("b")).to.include({ value: "t1", computed: "computed-t2" });
    const a = [...driver.state.values()][0];
    expect(a).to.include({ kind: "Thing", id: "t1", name: "a" });
    expect(a.inputs).to.have.property("__provider").that.is.a("string");
  });

  it("checks against the old inputs and diffs against the old outputs; unchanged means same", async () => {
    await driver.up(pair());
    takeCalls(cloud);
    const result = await driver.up(pair());
    expect(ops(result)).to.deep.equal(["same a", "same b"]);
    const calls = takeCalls(cloud);
    expect(brief(calls)).to.deep.equal(["check", "diff t1", "check", "diff t2"]);
    expect(calls[0].olds).to.deep.equal({ value: "one" });
    expect(calls[1].olds).to.deep.equal({ value: "one", computed: "computed-t1" });
  });

  it("updates in place, sending the old outputs as olds", async () => {
    await driver.up(pair());
    takeCalls(cloud);
    const result = await driver.up(pair("two"));
    expect(result.steps[0]).to.deep.include({ op: "update", name: "a", changes: ["value"] });
    const update = takeCalls(cloud).find((c) => c.op === "update")!;
    expect(update).to.deep.include({ id: "t1", olds: { value: "one", computed: "computed-t1" }, news: { value: "two" } });
    expect(driver.outputsOf("a")).to.include({ value: "two", computed: "computed-t1" });
  });

  it("replaces create-before-delete, deleting the old resource after the program", async () => {
    await driver.up(() => void new Thing(provider, "a", { value: "v", flavor: "x" }));
    takeCalls(cloud);
    const result = await driver.up(() => void new Thing(provider, "a", { value: "v", flavor: "y" }));
    expect(ops(result)).to.deep.equal(["replace a", "delete a"]);
    const calls = takeCalls(cloud);
    expect(brief(calls)).to.deep.equal(["check", "diff t1", "check", "create", "delete t1"]);
    expect(calls[2].olds).to.deep.equal({}, "a replacement is re-checked without olds");
    expect([...driver.state.values()].map((e) => e.id)).to.deep.equal(["t2"]);
  });

  it("keeps the old resource of a replacement for deletion after a failed run, and deletes it on the next up", async () => {
    await driver.up(() => void new Thing(provider, "a", { value: "v", flavor: "x" }));
    await failure(
      driver.up(() => {
        new Thing(provider, "a", { value: "v", flavor: "y" });
        new Thing(provider, "broken", { value: "explode" });
      }),
    );
    expect([...driver.state.values()].map((e) => e.id)).to.deep.equal(["t2"]);
    takeCalls(cloud);
    const result = await driver.up(() => void new Thing(provider, "a", { value: "v", flavor: "y" }));
    expect(ops(result)).to.deep.equal(["same a", "delete a"]);
    expect(brief(takeCalls(cloud))).to.deep.equal(["check", "diff t2", "delete t1"]);
  });

  it("replaces delete-before-create when Diff asks for it", async () => {
    await driver.up(() => void new Thing(provider, "a", { value: "v", flavor: "x", deleteFirst: true }));
    takeCalls(cloud);
    await driver.up(() => void new Thing(provider, "a", { value: "v", flavor: "y", deleteFirst: true }));
    expect(brief(takeCalls(cloud))).to.deep.equal(["check", "diff t1", "check", "delete t1", "create"]);
  });

  it("fails up on Check failures with every problem, keeping what succeeded and deleting nothing", async () => {
    await driver.up(() => void new Thing(provider, "old", { value: "kept" }));
    const error = await failure(
      driver.up(() => {
        new Thing(provider, "good", { value: "fine" });
        new Thing(provider, "bad", { value: "bad" });
      }),
    );
    expect(error.message).to.include(`pulumi-nodejs:dynamic/fake:Thing resource 'bad': property value value "bad" has a problem: must not be bad`);
    expect(error.result.errors).to.have.length(1);
    expect(ops(error.result)).to.deep.equal(["create good"]);
    expect([...driver.state.values()].map((e) => e.name)).to.deep.equal(["old", "good"]);
  });

  it("records a partial create with initErrors and updates it on the next up even though Diff says none", async () => {
    const error = await failure(driver.up(() => void new Thing(provider, "a", { value: "partial" })));
    expect(error.message).to.include("thing t1 failed to initialize");
    const [entry] = driver.state.values();
    expect(entry).to.include({ id: "t1", initErrors: true });
    expect(entry.outputs).to.include({ value: "partial", computed: null });
    takeCalls(cloud);
    const result = await driver.up(() => void new Thing(provider, "a", { value: "partial" }));
    expect(ops(result)).to.deep.equal(["update a"]);
    expect(brief(takeCalls(cloud))).to.deep.equal(["check", "diff t1", "update t1"]);
    expect([...driver.state.values()][0].initErrors).to.equal(undefined);
  });

  it("records a partial update: new outputs, initErrors, and the id kept", async () => {
    await driver.up(() => void new Thing(provider, "a", { value: "one" }));
    const error = await failure(driver.up(() => void new Thing(provider, "a", { value: "partial-update" })));
    expect(error.result.errors).to.deep.equal(["pulumi-nodejs:dynamic/fake:Thing resource 'a': thing t1 failed to initialize"]);
    const [entry] = driver.state.values();
    expect(entry).to.include({ id: "t1", initErrors: true });
    expect(entry.outputs).to.include({ value: "partial-update", computed: "computed-t1" });
  });

  it("fails up on a provider error, skipping its dependents and keeping what succeeded", async () => {
    const error = await failure(
      driver.up(() => {
        new Thing(provider, "fine", { value: "ok" });
        const broken = new Thing(provider, "broken", { value: "explode" });
        new Thing(provider, "dependent", { value: broken.id });
      }),
    );
    expect(error.result.errors).to.deep.equal(["pulumi-nodejs:dynamic/fake:Thing resource 'broken': the cloud refused"]);
    expect(ops(error.result)).to.deep.equal(["create fine"]);
    expect([...driver.state.values()].map((e) => e.name)).to.deep.equal(["fine"]);
  });

  it("deletes resources the program no longer declares, dependents first", async () => {
    await driver.up(() => {
      const a = new Thing(provider, "a", { value: "1" });
      const b = new Thing(provider, "b", { value: a.id });
      new Thing(provider, "c", { value: b.id });
      new Thing(provider, "keep", { value: "k" });
    });
    takeCalls(cloud);
    const result = await driver.up(() => void new Thing(provider, "keep", { value: "k" }));
    expect(ops(result)).to.deep.equal(["same keep", "delete c", "delete b", "delete a"]);
  });

  it("refresh reports drift and gone resources, replacing stored inputs with the ones Read returns", async () => {
    await driver.up(() => {
      new Thing(provider, "drifted", { value: "declared" });
      new Thing(provider, "gone", { value: "g" });
      new Thing(provider, "steady", { value: "s" });
    });
    writeCloud(cloud, (c) => {
      c.objects.t1.value = "changed-outside";
      delete c.objects.t2;
    });
    const result = await driver.refresh();
    expect(result.steps.map((s) => `${s.op} ${s.name}${s.changes ? ` ${s.changes}` : ""}`)).to.deep.equal([
      "refresh-changed drifted value",
      "refresh-gone gone",
      "read steady",
    ]);
    expect(driver.outputsOf("drifted").value).to.equal("changed-outside");
    expect([...driver.state.values()][0].inputs).to.include({ value: "changed-outside" });
    expect([...driver.state.values()].map((e) => e.name)).to.deep.equal(["drifted", "steady"]);
  });

  it("destroy deletes everything, dependents first", async () => {
    await driver.up(pair());
    takeCalls(cloud);
    const result = await driver.destroy();
    expect(ops(result)).to.deep.equal(["delete b", "delete a"]);
    expect(brief(takeCalls(cloud))).to.deep.equal(["delete t2", "delete t1"]);
    expect(driver.state.size).to.equal(0);
  });

  it("marks outputs secret for secret inputs and additionalSecretOutputs", async () => {
    const result = await driver.up(() => {
      const a = new Thing(provider, "a", { value: pulumi.secret("hidden") }, { additionalSecretOutputs: ["computed"] });
      return { value: a.value, computed: a.computed, id: a.id };
    });
    expect(result.outputs.value).to.deep.equal({ value: "hidden", secret: true, known: true });
    expect(result.outputs.computed).to.deep.equal({ value: "computed-t1", secret: true, known: true });
    expect(result.outputs.id.secret).to.equal(false);
  });

  it("waits for registrations made inside apply callbacks", async () => {
    const result = await driver.up(() => {
      const a = new Thing(provider, "a", { value: "root" });
      a.id.apply((id) => new Thing(provider, "late", { value: `after-${id}` }));
    });
    expect(ops(result)).to.deep.equal(["create a", "create late"]);
    expect(driver.outputsOf("late").value).to.equal("after-t1");
  });

  it("runs a module program fresh each time and resolves its exports", async () => {
    const program = path.join(__dirname, "programs", "two-things.ts");
    const first = await driver.up(program);
    expect(ops(first)).to.deep.equal(["create first", "create second"]);
    expect(first.outputs.secondValue).to.deep.equal({ value: "t1", secret: false, known: true });
    const second = await driver.up(program);
    expect(ops(second)).to.deep.equal(["same first", "same second"]);
  });
});
