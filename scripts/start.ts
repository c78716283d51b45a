/**
 * `npm start`: the whole job on a fresh clone, offline. Lints the spec,
 * brings generated/ up to date, renders the docs, starts the mock cloud and
 * runs the examples against it, then prints what each call sent and got,
 * in at most 100 columns.
 */
import { lint, loadConfig } from "@redocly/openapi-core";
import { buildDocs } from "./docs.ts";
import { DEFAULT_OUT, DEFAULT_SPEC, generateFiles, staleFiles, writeFiles } from "./generate.ts";
import { step } from "./progress.ts";
import { formatRequestLog } from "./request-log.ts";

async function lintSpec(): Promise<string> {
  const config = await loadConfig({ configPath: "redocly.yaml" });
  const problems = await lint({ ref: DEFAULT_SPEC, config });
  const errors = problems.filter((problem) => problem.severity === "error");
  for (const problem of problems) console.log(`  ${problem.severity}: ${problem.message} (${problem.ruleId})`);
  if (errors.length > 0) throw new Error(`the spec has ${errors.length} lint error(s)`);
  return `${problems.length} problems`;
}

async function generate(): Promise<string> {
  const files = await generateFiles(DEFAULT_SPEC);
  const stale = await staleFiles(files, DEFAULT_OUT);
  if (stale.length === 0) return `${DEFAULT_OUT}/ is up to date`;
  await writeFiles(files, DEFAULT_OUT);
  return `rewrote ${stale.join(", ")}`;
}

async function main(): Promise<void> {
  await step("lint the spec", lintSpec, (summary) => summary);
  await step("generate", generate, (summary) => summary);
  const docs = await step("render the docs", () => buildDocs(), (result) => `${result.out} (${(result.bytes / 1024).toFixed(0)} KiB)`);

  // Imported only now: they are built on generated/, which the step above may have just rewritten.
  const { MOCK_AK, MOCK_SK, startMockCloud } = await import("hwcloud-typed/mock");
  const { operations } = await import("hwcloud-typed");
  const { updateAllWithAkSk } = await import("../examples/aksk.ts");
  const { renameSnapshotWithToken } = await import("../examples/token.ts");
  const { retryThroughFaults } = await import("../examples/retries.ts");
  const { renameSnapshotFromEnvironment } = await import("../examples/environment.ts");
  const cloud = await step("start the mock cloud", () => startMockCloud(), (started) => started.url);
  try {
    const results: Record<string, unknown> = {};
    await step("run examples/ against the mock cloud", async () => {
      results.aksk = await updateAllWithAkSk(cloud.endpoints, cloud.resources);
      results.token = await renameSnapshotWithToken(cloud.endpoints, cloud.resources);
      results.retries = await retryThroughFaults(cloud);
      results.environment = await withEnvironment(
        { HUAWEICLOUD_SDK_AK: MOCK_AK, HUAWEICLOUD_SDK_SK: MOCK_SK, HUAWEICLOUD_SDK_PROJECT_ID: undefined },
        () => renameSnapshotFromEnvironment(cloud.endpoints, cloud.resources),
      );
    });
    console.log();
    console.log(formatRequestLog(cloud.requests));
    const retries = (results.retries as { retries: string[] }).retries;
    const successes = cloud.requests.filter((request) => request.status === 200);
    console.log();
    const total = Object.keys(operations).length;
    console.log(`${new Set(successes.map((request) => request.operation)).size} of ${total} operations succeeded; ${cloud.requests.length} requests in all.`);
    console.log("Retried call (UpdateVpcPeering):");
    for (const retry of retries) console.log(`  ${retry}`);
    console.log("  then 200.");
    const lookup = cloud.requests.find((request) => request.operation === "KeystoneListProjects");
    console.log("Credentials from HUAWEICLOUD_SDK_AK/SK, no project ID given (examples/environment.ts):");
    console.log(`  project looked up once: ${lookup?.method} ${lookup?.path} -> ${lookup?.status}`);
    console.log(`Docs: ${docs.out}`);
    console.log("  Open it in a browser; `npm run docs:serve` serves it with live reload.");
  } finally {
    await cloud.close();
  }
}

/** Runs `work` with these environment variables set (undefined: unset), then puts the old values back. */
async function withEnvironment<T>(variables: Record<string, string | undefined>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  apply(variables);
  try {
    return await work();
  } finally {
    apply(saved);
  }
}

await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
