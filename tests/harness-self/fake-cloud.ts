/**
 * A tiny dynamic provider whose "cloud" is a JSON file, to test the harness's engine logic precisely without ISC:
 * every call the host makes is recorded in the file (minus `__provider`), and tests can change the cloud out of band.
 * The provider is serialized like any other, so it runs inside the real host process.
 */
import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";

type Bag = Record<string, unknown>;

export interface Call {
  op: "check" | "diff" | "create" | "read" | "update" | "delete";
  id?: string;
  olds?: Bag;
  news?: Bag;
  props?: Bag;
}

export interface Cloud {
  next: number;
  objects: Record<string, { value: unknown }>;
  calls: Call[];
}

/**
 * Inputs: `value` (updated in place; "bad" fails Check, "partial" makes a create fail after acting),
 * `flavor` (replaces; with `deleteFirst: true` the replacement deletes first). Outputs add `computed`.
 * "partial-update" makes an update fail after acting, "explode" makes a create fail outright.
 */
export function fakeProvider(file: string): pulumi.dynamic.ResourceProvider {
  const load = (): Cloud => {
    const nodeFs = require("fs");
    return nodeFs.existsSync(file) ? JSON.parse(nodeFs.readFileSync(file, "utf8")) : { next: 1, objects: {}, calls: [] };
  };
  const save = (cloud: Cloud) => require("fs").writeFileSync(file, JSON.stringify(cloud));
  const plain = (bag: Bag) => Object.fromEntries(Object.entries(bag).filter(([k]) => k !== "__provider"));
  const record = (call: Call): Cloud => {
    const cloud = load();
    cloud.calls.push(call);
    save(cloud);
    return cloud;
  };
  const partial = (id: string, properties: Bag) =>
    Object.assign(new Error(`thing ${id} failed to initialize`), { id, properties, reasons: ["not ready"] });
  return {
    async check(olds, news) {
      record({ op: "check", olds: plain(olds), news: plain(news) });
      return { inputs: news, failures: news.value === "bad" ? [{ property: "value", reason: "must not be bad" }] : [] };
    },
    async diff(id, olds, news) {
      record({ op: "diff", id, olds: plain(olds), news: plain(news) });
      const replaces = (olds.flavor ?? null) !== (news.flavor ?? null) ? ["flavor"] : [];
      return { changes: replaces.length > 0 || olds.value !== news.value, replaces, deleteBeforeReplace: news.deleteFirst === true };
    },
    async create(inputs) {
      const cloud = record({ op: "create", news: plain(inputs) });
      if (inputs.value === "explode") throw new Error("the cloud refused");
      const id = `t${cloud.next++}`;
      cloud.objects[id] = { value: inputs.value };
      save(cloud);
      if (inputs.value === "partial") throw partial(id, { ...inputs, computed: null });
      return { id, outs: { ...inputs, computed: `computed-${id}` } };
    },
    async read(id, props) {
      const live = record({ op: "read", id, props: plain(props) }).objects[id];
      if (!live) return { id: "", props: {} };
      const outs = { ...props, value: live.value };
      return { id, props: outs, inputs: { value: live.value, ...(props.flavor ? { flavor: props.flavor } : {}) } };
    },
    async update(id, olds, news) {
      const cloud = record({ op: "update", id, olds: plain(olds), news: plain(news) });
      cloud.objects[id] = { value: news.value };
      save(cloud);
      if (news.value === "partial-update") throw partial(id, { ...news, computed: olds.computed });
      return { outs: { ...news, computed: olds.computed } };
    },
    async delete(id, props) {
      const cloud = record({ op: "delete", id, props: plain(props) });
      delete cloud.objects[id];
      save(cloud);
    },
  };
}

export interface ThingArgs {
  value: pulumi.Input<string>;
  flavor?: pulumi.Input<string>;
  deleteFirst?: boolean;
}

/** `pulumi-nodejs:dynamic/fake:Thing` backed by the cloud file. */
export class Thing extends pulumi.dynamic.Resource {
  declare readonly value: pulumi.Output<string>;
  declare readonly computed: pulumi.Output<string>;
  constructor(provider: pulumi.dynamic.ResourceProvider, name: string, args: ThingArgs, opts?: pulumi.CustomResourceOptions) {
    super(provider, name, { computed: undefined, ...args }, opts, "fake", "Thing");
  }
}

/** Any dynamic resource with the given provider, for serialization tests. */
export class AnyDynamic extends pulumi.dynamic.Resource {
  constructor(provider: pulumi.dynamic.ResourceProvider, name: string, props: Bag = {}) {
    super(provider, name, props, undefined, "fake", "Any");
  }
}

export function readCloud(file: string): Cloud {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Cloud) : { next: 1, objects: {}, calls: [] };
}

/** The calls recorded so far, then forgets them. */
export function takeCalls(file: string): Call[] {
  const cloud = readCloud(file);
  fs.writeFileSync(file, JSON.stringify({ ...cloud, calls: [] }));
  return cloud.calls;
}

export function writeCloud(file: string, change: (cloud: Cloud) => void): void {
  const cloud = readCloud(file);
  change(cloud);
  fs.writeFileSync(file, JSON.stringify(cloud));
}
