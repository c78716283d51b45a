import { defaultSend } from "#transport";
import { userAgentHeader } from "#user-agent";
import type { Service } from "../generated/operations.ts";
import { withAuth } from "./auth/layer.ts";
import { createCall } from "./call.ts";
import { createNamedCalls, type NamedCalls } from "./named-calls.ts";
import { type ClientOptions, DEFAULT_USER_AGENT, resolveClientOptions } from "./options.ts";
import { createRawClients, type RawClient } from "./raw-client.ts";
import { createRetryBudget } from "./retry/budget.ts";
import { withRetry } from "./retry/loop.ts";
import { fromFetch } from "./transport/fetch.ts";

export type HwcloudClient<HasProjectId extends boolean = false> = NamedCalls<HasProjectId> & {
  /** openapi-fetch's `{ data, error, response }` style per service, on the same request path. */
  raw: Record<Service, RawClient>;
};

/**
 * A client of every operation of the spec: `client.<service>.<operation>(args, init)`.
 * Options are checked here, once; each call then runs
 * `withRetry(withAuth(transport))` and reads its answer into data or a typed error.
 */
export function createClient<const O extends ClientOptions>(options: O): HwcloudClient<O extends { projectId: string } ? true : false> {
  const config = resolveClientOptions(options, userAgentHeader(options.userAgent ?? DEFAULT_USER_AGENT));
  const transport = options.fetch ? fromFetch(options.fetch) : defaultSend;
  const call = createCall(config, withRetry(withAuth(transport, config), createRetryBudget()));
  return { ...createNamedCalls(call), raw: createRawClients(call) } as HwcloudClient<O extends { projectId: string } ? true : false>;
}
