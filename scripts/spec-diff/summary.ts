/** The one line `npm run generate` ends with: what the spec's changes since HEAD do to the client. */
import { bundleSpec } from "../bundle.ts";
import { renderSummary } from "./render.ts";
import { buildReport, NO_SPEC } from "./report.ts";
import { bundleSpecAtRef } from "./spec-at-ref.ts";

/** The summary against `ref`, or undefined when it cannot be made (no git, no history, no spec at `ref`). */
export async function specChangeSummary(specPath: string, ref = "HEAD"): Promise<string | undefined> {
  try {
    const [before, after] = await Promise.all([bundleSpecAtRef(ref, specPath), bundleSpec(specPath)]);
    return renderSummary(buildReport(before ?? NO_SPEC, after, { base: before ? ref : `${ref} (no spec)`, head: "working tree" }));
  } catch {
    return undefined;
  }
}
