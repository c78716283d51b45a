import { Worker } from "node:worker_threads";
import type { OpenAPITSOptions } from "openapi-typescript";
import type { OpenApiDocument } from "../bundle.ts";

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

export interface SchemaTypesEmitter {
  emit(document: OpenApiDocument, header: string): Promise<string>;
  /** Ends the worker; call it whether or not `emit` was. */
  close(): void;
}

/**
 * Starts loading openapi-typescript, and TypeScript with it (about a second),
 * in a worker thread at once, so it loads on the other core while Redocly
 * bundles the spec on this one. The worker is plain JavaScript, so it runs
 * the same under tsx and under vitest.
 */
export function startSchemaTypes(): SchemaTypesEmitter {
  const worker = new Worker(new URL("./schema-types.worker.mjs", import.meta.url));
  // Never the reason the process stays up.
  worker.unref();
  const answer = new Promise<string>((resolve, reject) => {
    worker.once("message", (message: { code?: string; error?: string }) =>
      message.code === undefined ? reject(new Error(`openapi-typescript failed: ${message.error}`)) : resolve(message.code),
    );
    worker.once("error", reject);
  });
  // A generation that fails before `emit` must not leave an unhandled rejection behind.
  answer.catch(() => undefined);
  return {
    async emit(document, header) {
      worker.postMessage({ document, options: OPTIONS });
      return `// ${header}\n\n${await answer}`;
    },
    close: () => void worker.terminate(),
  };
}
