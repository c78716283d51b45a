import { type OperationId, operations, type Service } from "../generated/operations.ts";
import type { operations as OperationTypes } from "../generated/schema.ts";
import { type CallInit, NAMED_CALL, type NamedCall, type RawClient } from "./raw-client.ts";

type JsonContent<T> = T extends { content: { "application/json": infer Body } } ? Body : never;

export type PathParams<Id extends OperationId> = OperationTypes[Id]["parameters"]["path"];
export type RequestBody<Id extends OperationId> = JsonContent<NonNullable<OperationTypes[Id]["requestBody"]>>;
export type ResponseBody<Id extends OperationId> = JsonContent<OperationTypes[Id]["responses"][200]>;

/** `project_id` may be left out when the client was given a projectId. */
type WithOptionalProject<P, HasProjectId extends boolean> = HasProjectId extends true
  ? P extends { project_id: string }
    ? Omit<P, "project_id"> & { project_id?: string }
    : P
  : P;

export type OperationArgs<Id extends OperationId, HasProjectId extends boolean> = WithOptionalProject<
  PathParams<Id>,
  HasProjectId
> & { body: RequestBody<Id> };

export type OperationCall<Id extends OperationId, HasProjectId extends boolean> = (
  args: OperationArgs<Id, HasProjectId>,
  init?: CallInit,
) => Promise<ResponseBody<Id>>;

/** `client.vpc.updateVpcPeering(...)`: one lowerCamelCase method per operation of the service. */
export type ServiceClient<S extends Service, HasProjectId extends boolean> = {
  [Id in OperationId as (typeof operations)[Id]["service"] extends S ? Uncapitalize<Id> : never]: OperationCall<
    Id,
    HasProjectId
  >;
};

export type Bindings<HasProjectId extends boolean> = { [S in Service]: ServiceClient<S, HasProjectId> };

/**
 * The named calls, built from the generated operation table: each forwards to
 * the raw client of its service and throws the typed error instead of returning it.
 */
export function createBindings(raw: Record<Service, RawClient>): Bindings<boolean> {
  const bindings: Record<string, Record<string, unknown>> = {};
  for (const [id, operation] of Object.entries(operations)) {
    const { method, path, service } = operation;
    const client = raw[service] as RawClient & { [NAMED_CALL]?: NamedCall };
    const named = client[NAMED_CALL];
    const viaRaw = client[method as keyof RawClient] as unknown as (url: string, init: object) => Promise<{ data?: unknown; error?: unknown }>;
    (bindings[service] ??= {})[id.charAt(0).toLowerCase() + id.slice(1)] = async (
      args: { body?: unknown } & Record<string, unknown>,
      init: CallInit = {},
    ) => {
      const { body, ...pathParams } = args ?? {};
      const result = named
        ? await named(id as OperationId, pathParams, body, init)
        : await viaRaw(path, { ...init, params: { path: pathParams }, body });
      if (result.error !== undefined) throw result.error;
      return result.data;
    };
  }
  return bindings as Bindings<boolean>;
}
