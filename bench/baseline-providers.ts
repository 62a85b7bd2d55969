/**
 * The baselines the provider is measured against INSIDE the same dynamic-provider host: two hand-written dynamic
 * providers for ManagedCluster that do the same GET / PATCH / POST, one with plain node:http, one with the official
 * SDK (sailpoint-api-client). Serialized to `__provider` text like any dynamic provider, so the engine protocol, the
 * host and the second process weigh on them exactly as on ours, and the ratio is our provider's cost alone.
 *
 * Deliberately minimal: no retries, no rate limiting, no error mapping, no output shaping, no secret handling; a
 * token fetched once per process. What a user gets with ten lines of their own code, the best case for the baseline.
 * Every module is required inside the methods so the serialized closures stay small.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { serializeProvider } from "../tests/harness/provider-text";

type Bag = Record<string, unknown>;
type Send = (method: string, path: string, body?: unknown, contentType?: string) => Promise<Bag>;
interface SdkApi {
  getManagedCluster(r: unknown): Promise<{ data: Bag }>;
  updateManagedCluster(r: unknown): Promise<{ data: Bag }>;
  createManagedCluster(r: unknown): Promise<{ data: Bag }>;
}

/** Per-process state, set by `configure`. Captured by every method, so serialized once and shared by them. */
const raw: { send?: Send; version?: string } = {};
const sdk: { api?: SdkApi } = {};

/** node:http with a keep-alive agent; the token comes from the client-credentials grant, once per host process. */
export const rawProvider: dynamic.ResourceProvider = {
  async configure(req) {
    const http = require("node:http") as typeof import("node:http");
    const state = {
      baseUrl: req.config.require("sailpoint:baseUrl"),
      version: req.config.require("sailpoint:apiVersion"),
      agent: new http.Agent({ keepAlive: true }),
      token: undefined as Promise<string> | undefined,
    };
    const clientId = req.config.require("sailpoint:clientId");
    const clientSecret = req.config.require("sailpoint:clientSecret");
    const send: Send = (method, path, body, contentType = "application/json") =>
      new Promise((resolve, reject) => {
        const headers: Record<string, string | number> = { accept: "application/json" };
        const data = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
        if (data !== undefined) Object.assign(headers, { "content-type": contentType, "content-length": Buffer.byteLength(data) });
        const go = (token?: string) => {
          if (token) headers.authorization = `Bearer ${token}`;
          const request = http.request(`${state.baseUrl}${path}`, { method, agent: state.agent, headers }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("end", () => {
              const text = Buffer.concat(chunks).toString("utf8");
              if ((res.statusCode ?? 0) >= 300) reject(new Error(`${method} ${path}: ${res.statusCode}`));
              else resolve(text ? (JSON.parse(text) as Bag) : {});
            });
          });
          request.on("error", reject);
          request.end(data);
        };
        if (path === "/oauth/token") go();
        else (state.token ?? Promise.reject(new Error("no token"))).then(go, reject);
      });
    const form = new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret }).toString();
    state.token = send("POST", "/oauth/token", form, "application/x-www-form-urlencoded").then((t) => String(t.access_token));
    raw.send = send;
    raw.version = state.version;
  },
  async create(inputs) {
    const body = { name: inputs.name, type: inputs.type ?? "idn", description: inputs.description, configuration: inputs.configuration };
    const made = await raw.send!("POST", `/${raw.version}/managed-clusters`, body);
    return { id: String(made.id), outs: made };
  },
  async read(id) {
    return { id, props: await raw.send!("GET", `/${raw.version}/managed-clusters/${id}`) };
  },
  async update(id, _olds, news) {
    const ops = [{ op: "replace", path: "/description", value: news.description }];
    return { outs: await raw.send!("PATCH", `/${raw.version}/managed-clusters/${id}`, ops, "application/json-patch+json") };
  },
};

/** The official SDK's ManagedClustersV2024Api, configured once per host process with the same credentials. */
export const sdkProvider: dynamic.ResourceProvider = {
  async configure(req) {
    const module = require("sailpoint-api-client");
    const baseurl = req.config.require("sailpoint:baseUrl");
    sdk.api = new module.ManagedClustersV2024Api(
      new module.Configuration({
        baseurl,
        clientId: req.config.require("sailpoint:clientId"),
        clientSecret: req.config.require("sailpoint:clientSecret"),
        tokenUrl: `${baseurl}/oauth/token`,
      }),
    );
  },
  async create(inputs) {
    const body = { name: inputs.name, type: inputs.type ?? "idn", description: inputs.description, configuration: inputs.configuration };
    const { data } = await sdk.api!.createManagedCluster({ managedClusterRequestV2024: body });
    return { id: String(data.id), outs: data };
  },
  async read(id) {
    return { id, props: (await sdk.api!.getManagedCluster({ id })).data };
  },
  async update(id, _olds, news) {
    const ops = [{ op: "replace", path: "/description", value: news.description }];
    return { outs: (await sdk.api!.updateManagedCluster({ id, jsonPatchOperationV2024: ops })).data };
  },
};

/** `__provider` text of each baseline, as `pulumi.dynamic.Resource` would store it. */
export async function baselineTexts(): Promise<{ raw: string; sdk: string }> {
  return { raw: (await serializeProvider(rawProvider)).text, sdk: (await serializeProvider(sdkProvider)).text };
}
