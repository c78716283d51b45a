/**
 * The mock cloud's state: one stored 200 body per resource, seeded from the
 * spec's own response samples. Seeded resources (the ids below come from the
 * spec; `resources` gives them to callers):
 *
 * | Operation | Resource | Path parameters |
 * | --- | --- | --- |
 * | UpdateVpcPeering | peering `22b76469-…` | id from the response sample |
 * | UpdateTrafficMirrorSession | session `16538eda-…` in project `7365fcd4…` | both from the response sample |
 * | CinderUpdateSnapshot | snapshot `f9faf7df-…` in project `89cd04f1…` | id from the response sample, project from the path sample |
 * | UpdateDataSource | data source `d303f19c-…` of cluster `4ca46bf1-…` in project `89cd04f1…` | path samples (the response has no ids) |
 * | UpdateEndpointRoutetable | endpoint `4189d3c2-…` in project `89cd04f1…` | path samples (the response has no ids) |
 */
import type { operations as OperationTypes } from "../../generated/schema.ts";
import { type OperationId, operations } from "../../generated/operations.ts";
import { HwcloudTypedError } from "../errors.ts";
import type { OperationDescriptor } from "../operation.ts";
import { parameterSample, successSample } from "./spec.ts";
import { applyUpdate, type UpdateContext, wrapperKey } from "./update.ts";

/** An operation's path parameters; `{}` for one without any. */
type PathParams<Id extends OperationId> = [NonNullable<OperationTypes[Id]["parameters"]["path"]>] extends [never]
  ? {}
  : NonNullable<OperationTypes[Id]["parameters"]["path"]>;

/** Path parameters of the resource each operation can reach, ready to pass to the client. */
export type MockResources = { readonly [Id in OperationId]: Readonly<PathParams<Id>> };

export interface Store {
  resources: MockResources;
  /** Whether the operation changes a stored resource (a PUT or PATCH with a body and a JSON answer). */
  updates(id: OperationId): boolean;
  /** Applies an update and returns the answer's body, or undefined when no such resource exists. */
  update(id: OperationId, params: Record<string, string>, body: unknown, context: UpdateContext): unknown;
}

type Json = Record<string, unknown>;

export function createStore(): Store {
  const state = new Map<string, Json>();
  const resources: Partial<Record<OperationId, Record<string, string | number>>> = {};
  for (const id of Object.keys(operations) as OperationId[]) {
    const body = structuredClone(successSample(id) ?? {}) as Json;
    const params = seedParams(id, body);
    resources[id] = Object.freeze(params);
    // Two operations on one path share one resource: the first sample seeds it.
    if (updates(id) && !state.has(keyOf(id, params))) state.set(keyOf(id, params), body);
  }
  return {
    resources: Object.freeze(resources) as unknown as MockResources,
    updates,
    update(id, params, body, context) {
      const stored = state.get(keyOf(id, params));
      if (stored === undefined) return undefined;
      applyUpdate(id, stored, body, context);
      return structuredClone(stored);
    },
  };
}

/**
 * A resource is found by its operation's path and every path parameter, so
 * the project counts: the right id in another project is not found.
 */
function keyOf(id: OperationId, params: Record<string, string | number>): string {
  const { path } = operations[id];
  // As the path holds them: the seeded integer id 10 is the request's "10".
  return `${path} ${JSON.stringify(pathParamsOf(id).map((name) => (params[name] === undefined ? null : String(params[name]))))}`;
}

function updates(id: OperationId): boolean {
  const operation: OperationDescriptor = operations[id];
  const { method, body, success } = operation;
  return (method === "PUT" || method === "PATCH") && body !== "none" && Object.values(success)[0] === "json";
}

/** Names of the operation's path parameters, in the order the path has them. */
export function pathParamsOf(id: OperationId): string[] {
  return [...operations[id].path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
}

/**
 * Each path parameter of the seeded resource, from the 200 sample where it
 * says (a member of the same name, or `id` for the last parameter, the
 * resource's own), else from the spec's sample value of the parameter.
 */
function seedParams(id: OperationId, body: Json): Record<string, string | number> {
  const pathParams = pathParamsOf(id);
  const key = updates(id) ? wrapperKey(id) : undefined;
  const resource = (key === undefined ? {} : body[key] ?? {}) as Json;
  const params: Record<string, string | number> = {};
  for (const [index, name] of pathParams.entries()) {
    const own = index === pathParams.length - 1 ? resource.id : undefined;
    // A number is a path value too: some ids are integers (ModelArts' training jobs).
    const value = [resource[name], own, parameterSample(id, name)].find((v) => (typeof v === "string" && v !== "") || Number.isFinite(v));
    if (value === undefined) throw new HwcloudTypedError(`mock cloud: the spec gives no sample for path parameter ${name} of ${id}`);
    params[name] = value as string | number;
  }
  return params;
}
