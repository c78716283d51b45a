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
 * The types of the document `bundled` resolves to, from the cache when it
 * holds them. Otherwise openapi-typescript makes them in a worker thread,
 * which loads it and TypeScript with it (most of a second) on the other core
 * while this one emits the other files. `early` starts the worker at once,
 * beside the bundling, for when the cache is not expected to hold the types
 * (it is still asked first). The worker is plain JavaScript run by plain Node
 * (no tsx loader, which would double its import time), so it runs the same
 * under tsx and under vitest.
 */
export async function emitSchemaTypes(
  bundled: Promise<OpenApiDocument>,
  header: string,
  options: { cache?: Cache; signal?: AbortSignal; early?: boolean } = {},
): Promise<string> {
  const { cache, signal } = options;
  const early = options.early ? startWorker(signal) : undefined;
  try {
    const document = await bundled;
    const key = cache?.key("schema.ts", JSON.stringify(document));
    const cached = key && (await cache!.get(key));
    if (cached !== undefined) return `// ${header}\n\n${cached}`;
    const code = await (early ?? startWorker(signal)).types(document);
    if (key) await cache!.set(key, code);
    return `// ${header}\n\n${code}`;
  } finally {
    early?.stop();
  }
}

/** A worker loading openapi-typescript from now on; it ends after its one answer, on `stop()`, or when `signal` aborts. */
function startWorker(signal?: AbortSignal): { types(document: OpenApiDocument): Promise<string>; stop(): void } {
  signal?.throwIfAborted();
  const worker = new Worker(WORKER, { execArgv: [] });
  const stop = () => {
    signal?.removeEventListener("abort", stop);
    void worker.terminate();
  };
  signal?.addEventListener("abort", stop, { once: true });
  const answer = new Promise<string>((resolve, reject) => {
    worker.once("message", (message: { code?: string; error?: string }) =>
      message.code === undefined ? reject(new Error(`openapi-typescript failed: ${message.error}`)) : resolve(message.code),
    );
    worker.once("error", reject);
    worker.once("exit", () => reject(new Error("openapi-typescript's worker stopped before it answered")));
  });
  // Stopped unasked (the types were cached after all), its answer is nobody's concern.
  answer.catch(() => undefined);
  return {
    async types(document) {
      worker.postMessage({ document, options: OPTIONS });
      try {
        return await answer;
      } finally {
        stop();
      }
    },
    stop,
  };
}
