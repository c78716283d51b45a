/**
 * `npm run spec:diff [-- --base <ref>] [--json] [--spec <file>]`: what the spec's
 * changes since `ref` (default HEAD) do to callers of the client, as Markdown or
 * JSON. Exit status 0 when nothing breaks or `info.version` was raised as semver
 * asks, 1 for an unannounced breaking change, 2 when no comparison could be made.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { SpecDiffError } from "./spec-diff/errors.ts";
import { renderJson, renderMarkdown } from "./spec-diff/render.ts";
import { compareWithRef, type SpecDiffReport } from "./spec-diff/report.ts";

export const DEFAULT_SPEC = "openapi/openapi.yaml";

export function specDiff(options: { base: string; spec: string }): Promise<SpecDiffReport> {
  return compareWithRef(options.base, options.spec);
}

/** 0 when nothing breaks or the break is announced by `info.version`, 1 otherwise. */
export function exitStatus(report: SpecDiffReport): 0 | 1 {
  return report.ok ? 0 : 1;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      base: { type: "string", default: "HEAD" },
      spec: { type: "string", default: DEFAULT_SPEC },
      json: { type: "boolean", default: false },
    },
  });
  try {
    const report = await specDiff({ base: values.base, spec: values.spec });
    process.stdout.write(values.json ? renderJson(report) : renderMarkdown(report));
    return exitStatus(report);
  } catch (error) {
    if (!(error instanceof SpecDiffError)) throw error;
    console.error(`spec:diff: ${error.message}`);
    return 2;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.exitCode = await main();
}
