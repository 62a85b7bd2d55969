import type { IscClient, RequestOptions } from "../http/client";
import { IscApiError } from "../http/errors";
import { versionedPath } from "../http/paths";
import { pageAll } from "./paging";
import { expectList, expectObject } from "./responses";
import { ListSnapshot } from "./snapshot";
import type { JsonPatchOperation } from "./types";

export interface CollectionShape {
  /** Path of the collection under the version root, e.g. "managed-clusters". */
  base: string;
  /** Whether the list endpoint pages (offset/limit); one without paging returns everything at once. */
  paged?: boolean;
  /** Fields a create response must carry besides the id (a secret the service returns only then). */
  createdWith?: readonly string[];
}

/**
 * One ISC collection with JSON Patch updates: POST to create, GET/PATCH/DELETE by id, a list for lookups and for
 * the refresh snapshot. Every answer is checked for the shape the operation promises (see responses.ts); every write
 * makes the snapshot forget the object it touched.
 */
export class Collection<T extends { id: string }> {
  readonly snapshot: ListSnapshot<T>;

  constructor(
    protected readonly client: IscClient,
    protected readonly shape: CollectionShape,
  ) {
    this.snapshot = new ListSnapshot(() => this.listEverything());
  }

  protected at(id: string, suffix = ""): string {
    return `${this.shape.base}/${encodeURIComponent(id)}${suffix}`;
  }

  /** The request as messages name it: method, path with its version root, and the answer's status. */
  protected request(method: string, path: string, status: number): { method: string; path: string; status: number } {
    return { method, path: versionedPath(this.client.apiVersion, path), status };
  }

  /** One list request; `searchParams` are the endpoint's (filters, offset, limit, count). */
  protected async listPage(searchParams: RequestOptions["searchParams"] = {}): Promise<{ items: T[]; total?: number }> {
    const res = await this.client.request<unknown>("GET", this.shape.base, { searchParams });
    const items = expectList<T>(this.request("GET", this.shape.base, res.status), res.body ?? []);
    const total = res.headers["x-total-count"];
    return { items, total: total === undefined ? undefined : Number(total) };
  }

  /** Every object matching `filters`, page by page where the endpoint pages (bounded: see paging.ts). */
  async listAll(filters?: string): Promise<T[]> {
    if (!this.shape.paged) return (await this.listPage({ filters })).items;
    const what = `GET ${versionedPath(this.client.apiVersion, this.shape.base)}`;
    return pageAll((offset, limit) => this.listPage({ offset, limit, count: true, filters }), { what });
  }

  /** The whole collection, for the snapshot. */
  protected listEverything(): Promise<T[]> {
    return this.listAll();
  }

  async get(id: string): Promise<T> {
    const res = await this.client.request<unknown>("GET", this.at(id));
    return expectObject<T>(this.request("GET", this.at(id), res.status), res.body, id);
  }

  /** The object, or undefined when the service answers 404. */
  async find(id: string): Promise<T | undefined> {
    return orUndefinedOn404(() => this.get(id));
  }

  /** The object from the snapshot when it lists it, else from a GET (undefined on 404). */
  async findListed(id: string): Promise<T | undefined> {
    return (await this.snapshot.lookup(id)) ?? this.find(id);
  }

  async create(request: object): Promise<T> {
    const res = await this.client.request<unknown>("POST", this.shape.base, { json: request });
    const created = expectObject<T>(this.request("POST", this.shape.base, res.status), res.body, undefined, this.shape.createdWith);
    this.snapshot.forget(created.id);
    return created;
  }

  async patch(id: string, operations: JsonPatchOperation[]): Promise<T> {
    this.snapshot.forget(id);
    const res = await this.client.request<unknown>("PATCH", this.at(id), { patch: operations });
    this.snapshot.forget(id);
    return expectObject<T>(this.request("PATCH", this.at(id), res.status), res.body, id);
  }

  /** Deletes the object; one that is already gone counts as deleted. */
  async delete(id: string, searchParams?: RequestOptions["searchParams"]): Promise<void> {
    this.snapshot.forget(id);
    await orUndefinedOn404(() => this.client.request("DELETE", this.at(id), { searchParams }));
    this.snapshot.forget(id);
  }
}

export async function orUndefinedOn404<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof IscApiError && error.notFound) return undefined;
    throw error;
  }
}
