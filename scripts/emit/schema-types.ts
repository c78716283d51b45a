import openapiTS, { astToString } from "openapi-typescript";
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
export async function emitSchemaTypes(document: OpenApiDocument, header: string): Promise<string> {
  const ast = await openapiTS(structuredClone(document) as never, {
    rootTypes: true,
    rootTypesNoSchemaPrefix: true,
    exportType: true,
    defaultNonNullable: false,
    alphabetize: false,
    immutable: false,
    silent: true,
  });
  return `// ${header}\n\n${astToString(ast)}`;
}
