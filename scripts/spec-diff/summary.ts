/** The one line `npm run generate` ends with: what the spec's changes since HEAD do to the client. */
import { bundleSpec } from "../bundle.ts";
import { renderSummary } from "./render.ts";
import { buildReport } from "./report.ts";
import { bundleSpecAtRef } from "./spec-at-ref.ts";

/** The summary against `ref`, or undefined when it cannot be made (no git, no history, no spec at `ref`). */
export async function specChangeSummary(specPath: string, ref = "HEAD"): Promise<string | undefined> {
  try {
    const [before, after] = await Promise.all([bundleSpecAtRef(ref, specPath), bundleSpec(specPath)]);
    return renderSummary(buildReport(before, after, { base: ref, head: "working tree" }));
  } catch {
    return undefined;
  }
}
