/** The one line `npm run generate` ends with: what the spec's changes since HEAD do to the client. */
import type { OpenApiDocument } from "../bundle.ts";
import { renderSummary } from "./render.ts";
import { compareWithRef } from "./report.ts";

/**
 * The summary against `ref`, or undefined when it cannot be made (no git, no history, no spec at `ref`).
 * `current` is the working tree's dereferenced bundle, when the caller has made it already.
 */
export async function specChangeSummary(specPath: string, ref = "HEAD", current?: Promise<OpenApiDocument>): Promise<string | undefined> {
  try {
    return renderSummary(await compareWithRef(ref, specPath, current));
  } catch {
    return undefined;
  }
}
