import { bundle, loadConfig } from "@redocly/openapi-core";
import { fileURLToPath } from "node:url";

export type OpenApiDocument = Record<string, any>;

export interface BundledSpec {
  /** `$ref`s to components kept: the published openapi.json, the input of the types. */
  document: OpenApiDocument;
  /** Every `$ref` resolved: what the operations, validators and samples are read from. */
  dereferenced: OpenApiDocument;
}

const REDOCLY_CONFIG = fileURLToPath(new URL("../redocly.yaml", import.meta.url));

/** Redocly's bundle of the split spec: one document, with `$ref`s to components kept or resolved. */
export async function bundleSpec(specPath: string, options: { dereference?: boolean } = {}): Promise<OpenApiDocument> {
  const config = await loadConfig({ configPath: REDOCLY_CONFIG });
  return parsedOrThrow(await bundle({ ref: specPath, config, dereference: options.dereference ?? false }), specPath);
}

/**
 * Both bundles of the spec, reading its files once: the dereferenced one is
 * Redocly's dereferencing of a copy of the plain bundle (whose `$ref`s all
 * point inside it), about a third of the time of bundling the files again.
 */
export async function bundleSpecBoth(specPath: string): Promise<BundledSpec> {
  const config = await loadConfig({ configPath: REDOCLY_CONFIG });
  const plain = await bundle({ ref: specPath, config });
  const document = parsedOrThrow(plain, specPath);
  const copy = { source: plain.bundle.source, parsed: structuredClone(document) };
  const dereferenced = parsedOrThrow(await bundle({ doc: copy, config, dereference: true }), specPath);
  return { document, dereferenced };
}

function parsedOrThrow(result: Awaited<ReturnType<typeof bundle>>, specPath: string): OpenApiDocument {
  const errors = result.problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) {
    throw new Error(`bundling ${specPath} failed:\n${errors.map((problem) => `- ${problem.message}`).join("\n")}`);
  }
  return result.bundle.parsed as OpenApiDocument;
}
