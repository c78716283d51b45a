/**
 * `npm run generate`: spec -> generated/. Bundles openapi/ with Redocly, then
 * writes the types, the operation table, the method types, the compiled
 * validators, the samples and the bundled spec. `--check` compares instead of
 * writing; `--watch` regenerates on every change under openapi/; `--no-cache`
 * makes every output anew rather than taking the types and validators of
 * inputs seen before from node_modules/.cache/hwcloud-typed/ (scripts/cache.ts).
 * The npm scripts run it through scripts/run-ts.mjs.
 */
import { execFile } from "node:child_process";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import type { BundledSpec } from "./bundle.ts";
import { DEFAULT_CACHE_DIR, fileCache, folderDigest, generatorFingerprint, type Cache } from "./cache.ts";
import { banner } from "./emit/banner.ts";
import { emitSchemaTypes } from "./emit/schema-types.ts";

export const DEFAULT_SPEC = "openapi/openapi.yaml";
export const DEFAULT_OUT = "generated";

/**
 * Every generated file's name and content, built in memory. Each step loads
 * its libraries when it runs. With a `cache`, the types and the validators of
 * inputs seen before come from it; the rest is made anew (it takes less time
 * than looking it up would).
 */
export async function generateFiles(
  specPath: string = DEFAULT_SPEC,
  options: { cache?: Cache; bundled?: Promise<BundledSpec> } = {},
): Promise<Map<string, string>> {
  const source = path.relative(process.cwd(), path.resolve(specPath)).split(path.sep).join("/");
  const header = banner(source);
  const emitters = Promise.all([
    import("./spec-model.ts"),
    import("./emit/operations.ts"),
    import("./emit/methods.ts"),
    import("./emit/validators.ts"),
    import("./emit/samples.ts"),
  ]);
  const seen = await seenBefore(specPath, options.cache);
  // The types are made beside the rest; a failure of the rest stops them.
  const stop = new AbortController();
  const bundled = options.bundled ?? bundleBoth(specPath);
  const document = bundled.then((both) => both.document);
  // Their worker starts loading at once unless the cache likely holds them (loading it for nothing costs a core most of a second).
  const types = emitSchemaTypes(document, header, { cache: options.cache, signal: stop.signal, early: !seen.likely });
  try {
    const [{ dereferenced }, [{ listOperations, listServices }, { emitOperations }, { emitMethods }, { emitValidators }, { emitSamples }]] =
      await Promise.all([bundled, emitters]);
    const entries = listOperations(dereferenced);
    const services = listServices(dereferenced, entries);
    const validators = await emitValidators(entries, header, options.cache);
    const files = new Map([
      ["openapi.json", `${JSON.stringify({ "x-generated": header, ...(await document) }, null, 2)}\n`],
      ["schema.ts", await types],
      ["operations.ts", emitOperations(entries, services, header)],
      ["methods.ts", emitMethods(entries, services, header)],
      ...validators,
      ["samples.json", emitSamples(entries, header)],
    ]);
    await seen.remember();
    return files;
  } finally {
    stop.abort();
    // Settled either way: when the rest failed first, the types' own failure is not the one to report.
    await types.catch(() => undefined);
  }
}

/**
 * A guess made before bundling, and only a guess (outputs are looked up by
 * what they are made from): the spec's folder was generated from before,
 * exactly as it is now, so its outputs are likely cached. `remember` records
 * this folder for the next run.
 */
async function seenBefore(specPath: string, cache: Cache | undefined): Promise<{ likely: boolean; remember(): Promise<void> }> {
  const digest = cache && (await folderDigest(path.dirname(path.resolve(specPath))).catch(() => undefined));
  const key = digest && cache!.key("spec folder", digest);
  const likely = key !== undefined && (await cache!.get(key)) !== undefined;
  return { likely, remember: async () => void (key && !likely && (await cache!.set(key, ""))) };
}

/** Writes every file, and removes any file of `outDir` the spec no longer gives (an operation taken out). */
export async function writeFiles(files: Map<string, string>, outDir: string): Promise<void> {
  await Promise.all([...files.keys()].map((name) => mkdir(path.dirname(path.join(outDir, name)), { recursive: true })));
  await Promise.all([...files].map(([name, content]) => writeFile(path.join(outDir, name), content)));
  for (const extra of await extraFiles(files, outDir)) await rm(path.join(outDir, extra));
}

/** Names of the files in `outDir` that differ from what the spec gives, or that it no longer gives. */
export async function staleFiles(files: Map<string, string>, outDir: string): Promise<string[]> {
  const stale: string[] = [];
  for (const [name, content] of files) {
    const current = await readFile(path.join(outDir, name), "utf8").catch(() => undefined);
    if (current !== content) stale.push(path.join(outDir, name));
  }
  for (const extra of await extraFiles(files, outDir)) stale.push(path.join(outDir, extra));
  return stale;
}

/** Files under `outDir` that are not among `files`, as relative paths. */
async function extraFiles(files: Map<string, string>, outDir: string): Promise<string[]> {
  const present = (await readdir(outDir, { recursive: true, withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
  return present.filter((name) => !files.has(name));
}

/** Both bundles of the spec (Redocly loaded on demand). */
function bundleBoth(specPath: string): Promise<BundledSpec> {
  return import("./bundle.ts").then(({ bundleSpecBoth }) => bundleSpecBoth(specPath));
}

async function runOnce(options: { spec: string; out: string; check: boolean; cache?: Cache }): Promise<boolean> {
  const started = performance.now();
  const bundled = bundleBoth(options.spec);
  const generation = generateFiles(options.spec, { cache: options.cache, bundled });
  // Begun now: git, and the bundling of HEAD's spec when it differs, run while the files are made.
  const summary = options.check ? undefined : changeSummary(options.spec, bundled).catch(() => undefined);
  const files = await generation;
  const elapsed = `${((performance.now() - started) / 1000).toFixed(2)} s`;
  if (options.check) {
    const stale = await staleFiles(files, options.out);
    if (stale.length > 0) {
      console.error(`generated/ is stale against ${options.spec}: ${stale.join(", ")}\nRun \`npm run generate\` and commit the result.`);
      return false;
    }
    console.log(`${options.out}/ is up to date with ${options.spec} (${files.size} files checked in ${elapsed})`);
    return true;
  }
  await writeFiles(files, options.out);
  console.log(`generated ${[...files.keys()].map((name) => `${options.out}/${name}`).join(", ")} in ${elapsed}`);
  const line = await summary;
  if (line) console.log(line);
  return true;
}

/**
 * What the spec's changes since HEAD do to callers; loaded only here (the
 * caller makes it silent when it cannot be told). When git says the spec's
 * folder is as at HEAD, the spec is compared with itself, which says the same
 * as bundling HEAD's copy again (git archive, tar and a Redocly bundle).
 */
async function changeSummary(spec: string, bundled: Promise<BundledSpec>): Promise<string | undefined> {
  const unchanged = await promisify(execFile)("git", ["status", "--porcelain", "--untracked-files=all", "--", path.dirname(spec)]).then(
    ({ stdout }) => stdout === "",
    () => false,
  );
  if (!unchanged) {
    const { specChangeSummary } = await import("./spec-diff/summary.ts");
    // A copy: the comparison may change what it compares (api-smart-diff does, on some specs), the generation reads it too.
    return specChangeSummary(spec, "HEAD", bundled.then(({ dereferenced }) => structuredClone(dereferenced)));
  }
  const [{ document }, { buildReport }, { renderSummary }] = await Promise.all([
    bundled,
    import("./spec-diff/report.ts"),
    import("./spec-diff/render.ts"),
  ]);
  return renderSummary(buildReport(document, document, { base: "HEAD", head: "working tree" }));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      check: { type: "boolean", default: false },
      watch: { type: "boolean", default: false },
      spec: { type: "string", default: DEFAULT_SPEC },
      out: { type: "string", default: DEFAULT_OUT },
      "no-cache": { type: "boolean", default: false },
    },
  });
  // Fingerprinted once: the code that runs is the code that was loaded, even if scripts/ changes under --watch.
  const cache = values["no-cache"] ? undefined : fileCache(DEFAULT_CACHE_DIR, await generatorFingerprint());
  const options = { spec: values.spec, out: values.out, check: values.check, cache };
  const ok = await runOnce(options).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    return false;
  });
  if (!values.watch) {
    process.exitCode = ok ? 0 : 1;
    return;
  }
  console.log(`watching ${path.dirname(options.spec)}/ for changes`);
  let timer: NodeJS.Timeout | undefined;
  // Imported only here: a plain run does not pay for the watcher.
  const { watchTree } = await import("./watch-tree.ts");
  await watchTree(path.dirname(options.spec), () => {
    clearTimeout(timer);
    // Editors save in bursts; regenerate once the burst is over.
    timer = setTimeout(() => {
      runOnce({ ...options, check: false }).catch((error: unknown) =>
        console.error(error instanceof Error ? error.message : error),
      );
    }, 100);
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await main();
}
