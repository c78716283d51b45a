import { createCore } from "./core.ts";
import { createNamedCalls, type NamedCalls } from "./named-calls.ts";
import type { ClientOptions } from "./options.ts";
import { createRawClients, type RawClients } from "./raw-client.ts";

export type HwcloudClient = NamedCalls & {
  /** openapi-fetch's `{ data, error, response }` style per service, on the same request path. */
  raw: RawClients;
};

/**
 * A client of every operation of the spec: `client.<service>.<operation>(args, init)`.
 * Options are checked here, once (see `createCore`); each call then runs
 * `withRetry(withAuth(transport))` and reads its answer into data or a typed error.
 */
export function createClient(options: ClientOptions = {}): HwcloudClient {
  const { call } = createCore(options);
  return { ...createNamedCalls(call), raw: createRawClients(call) };
}
