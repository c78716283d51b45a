import { Worker } from "node:worker_threads";
import type { OpenAPITSOptions } from "openapi-typescript";
import type { OpenApiDocument } from "../bundle.ts";
import type { Cache } from "../cache.ts";

/**
 * `paths`, `components` and `operations` types. Flags, and why:
 * - rootTypes + rootTypesNoSchemaPrefix: users import `VpcPeering` instead of
 *   spelling `components["schemas"]["VpcPeering"]`;
 * - no alphabetize: types keep the spec's order, so a diff of the spec and of
 *   the types read alike;
 * - no immutable: request bodies are built by users, readonly would get in their way;
 * - exportType: `export type` everywhere, so nothing here ever reaches a bundle;
 * - defaultNonNullable off: a `default` says what the server assumes when a
 *   field is unset, not that every response carries it.
 */
const OPTIONS: OpenAPITSOptions = {
  rootTypes: true,
  rootTypesNoSchemaPrefix: true,
  exportType: true,
  defaultNonNullable: false,
  alphabetize: false,
  immutable: false,
  silent: true,
};

const WORKER = new URL("./schema-types.worker.mjs", import.meta.url);

/**
 * The types of `document`, from the cache when it holds them. Otherwise
 * openapi-typescript makes them in a worker thread, which loads it and
 * TypeScript with it (most of a second) while this thread emits the other
 * files. The worker is plain JavaScript run by plain Node (no tsx loader,
 * which would double its import time), so it runs the same under tsx and
 * under vitest.
 */
export async function emitSchemaTypes(
  document: OpenApiDocument,
  header: string,
  options: { cache?: Cache; signal?: AbortSignal } = {},
): Promise<string> {
  const { cache, signal } = options;
  const key = cache?.key("schema.ts", JSON.stringify(document));
  const cached = key && (await cache!.get(key));
  const code = cached ?? (await inWorker(document, signal));
  if (key && cached === undefined) await cache!.set(key, code);
  return `// ${header}\n\n${code}`;
}

/** openapi-typescript's output for `document`; the worker ends with the answer, or as soon as `signal` aborts. */
async function inWorker(document: OpenApiDocument, signal?: AbortSignal): Promise<string> {
  signal?.throwIfAborted();
  const worker = new Worker(WORKER, { execArgv: [] });
  const stop = () => void worker.terminate();
  signal?.addEventListener("abort", stop, { once: true });
  try {
    const answer = new Promise<string>((resolve, reject) => {
      worker.once("message", (message: { code?: string; error?: string }) =>
        message.code === undefined ? reject(new Error(`openapi-typescript failed: ${message.error}`)) : resolve(message.code),
      );
      worker.once("error", reject);
    });
    worker.postMessage({ document, options: OPTIONS });
    return await answer;
  } finally {
    signal?.removeEventListener("abort", stop);
    stop();
  }
}
