import { bundle, loadConfig } from "@redocly/openapi-core";
import { fileURLToPath } from "node:url";

export type OpenApiDocument = Record<string, any>;

const REDOCLY_CONFIG = fileURLToPath(new URL("../redocly.yaml", import.meta.url));

/** Redocly's bundle of the split spec: one document, with `$ref`s to components kept or resolved. */
export async function bundleSpec(specPath: string, options: { dereference?: boolean } = {}): Promise<OpenApiDocument> {
  const config = await loadConfig({ configPath: REDOCLY_CONFIG });
  const result = await bundle({ ref: specPath, config, dereference: options.dereference ?? false });
  const errors = result.problems.filter((problem) => problem.severity === "error");
  if (errors.length > 0) {
    throw new Error(`bundling ${specPath} failed:\n${errors.map((problem) => `- ${problem.message}`).join("\n")}`);
  }
  return result.bundle.parsed as OpenApiDocument;
}
