/** The one line `npm run generate` ends with: what the spec's changes since HEAD do to the client. */
import { renderSummary } from "./render.ts";
import { compareWithRef } from "./report.ts";

/** The summary against `ref`, or undefined when it cannot be made (no git, no history, no spec at `ref`). */
export async function specChangeSummary(specPath: string, ref = "HEAD"): Promise<string | undefined> {
  try {
    return renderSummary(await compareWithRef(ref, specPath));
  } catch {
    return undefined;
  }
}
