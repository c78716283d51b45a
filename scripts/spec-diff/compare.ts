/** The structural comparison of two bundled specs, done by api-smart-diff on their client-keyed forms. */
import { apiCompare, openapi3Rules } from "api-smart-diff";
import type { OpenApiDocument } from "../bundle.ts";
import { keyedByClientName } from "./client-operations.ts";

/** One finding of the library: what changed where, in the `before` document's coordinates. */
export interface LibraryDiff {
  action: "add" | "remove" | "replace" | "rename";
  path: Array<string | number>;
  before?: unknown;
  after?: unknown;
  /** The library's own verdict, used only where our rules have none. */
  type: "breaking" | "non-breaking" | "annotation" | "unclassified" | "deprecated";
}

export interface Comparison {
  before: OpenApiDocument;
  after: OpenApiDocument;
  /** Findings under `paths`, i.e. about operations. */
  diffs: LibraryDiff[];
}

/**
 * The library's OpenAPI rules, minus the walk through `components`: every use of a
 * component is compared where an operation refers to it, so walking the components
 * themselves only repeats findings, at about half the comparison's time. Made anew
 * per comparison: the rules cache what they found behind each `$ref`.
 */
function rules() {
  return { ...openapi3Rules(), "/components": { skip: true } };
}

export function compareSpecs(before: OpenApiDocument, after: OpenApiDocument): Comparison {
  const keyedBefore = keyedByClientName(before);
  const keyedAfter = keyedByClientName(after);
  // A document differs from itself nowhere; `npm run generate` asks exactly that when the spec is as at HEAD.
  if (before === after) return { before: keyedBefore, after: keyedAfter, diffs: [] };
  const { diffs } = apiCompare(keyedBefore, keyedAfter, { rules: rules() });
  return {
    before: keyedBefore,
    after: keyedAfter,
    diffs: (diffs as LibraryDiff[]).filter((diff) => diff.path[0] === "paths"),
  };
}
