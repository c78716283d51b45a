/**
 * `client.raw.<service>`: openapi-fetch's `{ data, error, response }` calling
 * style, typed by openapi-fetch's own types, on the same request path as the
 * named calls. Only the operations of the spec can be called.
 */
import type { FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import type { HttpMethod, PathsWithMethod, RequiredKeysOf } from "openapi-typescript-helpers";
import { operations, type Service } from "../generated/operations.ts";
import type { paths } from "../generated/schema.ts";
import type { Call } from "./call.ts";
import { type HwcloudTypedError, InvalidResponseError, ValidationError } from "./errors.ts";
import type { HttpResponse } from "./layers.ts";
import type { OperationDescriptor } from "./operation.ts";
import type { CallInit } from "./options.ts";

type Media = `${string}/${string}`;
type InitParam<Init> = RequiredKeysOf<Init> extends never ? [(Init & CallInit)?] : [Init & CallInit];

/** openapi-fetch's result, with `error` the typed error: a HuaweiCloudError, or InvalidResponseError for a 2xx body that is not what the spec declares. */
export type RawResult<R> = R extends { error?: never } ? R : Omit<R, "error"> & { data?: never; error: HwcloudTypedError };

type RawMethod<Paths extends Record<string, any>, M extends HttpMethod> = <
  P extends PathsWithMethod<Paths, M>,
  Init extends MaybeOptionalInit<Paths[P], M>,
>(
  url: P,
  ...init: InitParam<Init>
) => Promise<RawResult<FetchResponse<Paths[P][M], Init, Media>>>;

/** The spec's paths one service serves: another service's path would compile, then fail as not this service's. */
type ServicePaths<S extends Service> = Pick<paths, Extract<(typeof operations)[keyof typeof operations], { service: S }>["path"] & keyof paths>;

/** One service's raw client; without a service, the paths of every service. */
export interface RawClient<S extends Service = Service> {
  GET: RawMethod<ServicePaths<S>, "get">;
  PUT: RawMethod<ServicePaths<S>, "put">;
  POST: RawMethod<ServicePaths<S>, "post">;
  DELETE: RawMethod<ServicePaths<S>, "delete">;
  PATCH: RawMethod<ServicePaths<S>, "patch">;
  HEAD: RawMethod<ServicePaths<S>, "head">;
  OPTIONS: RawMethod<ServicePaths<S>, "options">;
}

/** Each service's raw client, typed with its own paths. */
export type RawClients = { [S in Service]: RawClient<S> };

interface RawInit extends CallInit {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
  body?: unknown;
}

/** Every method the generator reads from the spec (scripts/spec-model.ts). */
const METHODS = ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"] as const;

export function createRawClients(call: Call): RawClients {
  const routes = new Map<string, OperationDescriptor>();
  for (const operation of Object.values(operations)) routes.set(`${operation.service} ${operation.method} ${operation.path}`, operation);
  const clients: Record<string, Record<string, unknown>> = {};
  for (const operation of Object.values(operations)) {
    const service = operation.service;
    if (clients[service]) continue;
    clients[service] = Object.fromEntries(
      METHODS.map((method) => [
        method,
        async (url: string, init: RawInit = {}) => {
          const found = routes.get(`${service} ${method} ${url}`);
          if (!found) {
            throw new ValidationError(`${method} ${url}`, [
              { field: "url", rule: "enum", message: `is not a ${method} operation of the ${service} service in the spec` },
            ]);
          }
          const { params, body, signal, headers, timeout, retry } = init;
          const input = { path: { ...params?.path }, query: { ...params?.query }, header: { ...params?.header }, ...(body === undefined ? {} : { body }) };
          const answer = await call(found, { input, unknown: [] }, { signal, headers, timeout, retry });
          // A web Response cannot carry a status outside 200-599: such an answer has no `response` to give.
          if (answer.error instanceof InvalidResponseError && !(answer.response.status >= 200 && answer.response.status <= 599)) throw answer.error;
          const response = webResponse(answer.response);
          return answer.error ? { error: answer.error, response } : { data: answer.data, response };
        },
      ]),
    );
  }
  return clients as unknown as RawClients;
}

/** A web Response over the bytes the transport read, as openapi-fetch's callers expect. */
function webResponse(response: HttpResponse): Response {
  return new Response(response.body as Uint8Array<ArrayBuffer> | null, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
