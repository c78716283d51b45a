/**
 * `node [--conditions=<name>] scripts/run-ts.mjs <script.ts> [args...]`: runs
 * one of this project's TypeScript scripts under plain Node, as `tsx` would.
 * tsx's loader hooks see every module a script imports, the packages' too,
 * and on Node 20 that about doubles their import time (Redocly: 0.27 s alone,
 * 0.5 s under tsx). Here esbuild bundles the script's own modules (packages
 * stay imports, loaded by Node itself), and the bundle is kept in
 * node_modules/.cache/hwcloud-typed/run-ts/ until one of those modules, or
 * this file, changes. Plain JavaScript, so it needs nothing to run it.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import module from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const CACHE = fileURLToPath(new URL("../node_modules/.cache/hwcloud-typed/run-ts/", import.meta.url));
/** Where Node 22.1 and later keep the compiled code of the modules loaded (Node 20 has no such cache). */
const COMPILE_CACHE = fileURLToPath(new URL("../node_modules/.cache/hwcloud-typed/node-compile-cache/", import.meta.url));
const SELF = fileURLToPath(import.meta.url);

const sha256 = (data) => createHash("sha256").update(data).digest("hex");
const exists = (file) => stat(file).then(() => true, () => false);

/** Hashes of `files`' contents; a file that cannot be read hashes as missing. */
async function hashes(files) {
  return Object.fromEntries(await Promise.all(files.map(async (file) => [file, await readFile(file).then(sha256, () => "missing")])));
}

/** The bundle a previous run left for these sources, if every one of them (and this launcher) still hashes the same. */
async function freshBundle(manifestFile) {
  const manifest = await readFile(manifestFile, "utf8").then(JSON.parse, () => undefined);
  if (!manifest) return undefined;
  const now = await hashes(Object.keys(manifest.inputs));
  const same = Object.entries(manifest.inputs).every(([file, hash]) => now[file] === hash);
  return same && (await exists(manifest.output)) ? manifest.output : undefined;
}

/**
 * Each module's `import.meta.url` (and `dirname`, `filename`) stays that of its
 * source file, so paths it resolves against itself (redocly.yaml, the worker
 * beside it, "am I the script being run?") mean the same bundled or not.
 */
const ownUrls = {
  name: "own-import-meta-url",
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async ({ path: file }) => ({
      contents: (await readFile(file, "utf8"))
        .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(file).href))
        .replaceAll("import.meta.dirname", JSON.stringify(path.dirname(file)))
        .replaceAll("import.meta.filename", JSON.stringify(file)),
      loader: /\.[cm]?ts$/.test(file) ? "ts" : "js",
    }));
  },
};

/**
 * Bundles `entry` and records what it was made from. The bundle's folder is
 * named after its sources' hashes, so two runs that build the same sources at
 * once agree on it; older builds of this script, and the builds of scripts that
 * are gone (a test's temporary copy), are removed.
 */
async function build(entry, conditions, id, manifestFile) {
  const esbuild = await import("esbuild");
  const building = path.join(CACHE, `${id}.${randomUUID()}.partial`);
  const result = await esbuild.build({
    entryPoints: [entry],
    outdir: building,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    conditions,
    metafile: true,
    outExtension: { ".js": ".mjs" },
    logLevel: "error",
    plugins: [ownUrls],
  });
  const cwd = process.cwd();
  const inputs = await hashes([SELF, ...Object.keys(result.metafile.inputs).map((input) => path.resolve(cwd, input))]);
  const outdir = path.join(CACHE, `${id}.${sha256(JSON.stringify(inputs)).slice(0, 16)}`);
  // Another run may have just put the same build there: then its copy is as good as ours.
  await rename(building, outdir).catch(() => rm(building, { recursive: true, force: true }));
  // Dynamic imports are entry points too: the script's own output is the one made from it.
  const [[built]] = Object.entries(result.metafile.outputs).filter(([, meta]) => meta.entryPoint && path.resolve(cwd, meta.entryPoint) === entry);
  const output = path.join(outdir, path.relative(building, path.resolve(cwd, built)));
  const partial = `${manifestFile}.${randomUUID()}.partial`;
  await writeFile(partial, JSON.stringify({ entry, inputs, output }));
  await rename(partial, manifestFile);
  await dropStale(id, path.basename(outdir));
  return output;
}

/** An hour: a build or manifest still partial after that was left by a run that died. */
const ABANDONED_MS = 3_600_000;

/** Removes this script's other builds, every build of a script that no longer exists, and abandoned partial writes. */
async function dropStale(id, keep) {
  const names = await readdir(CACHE);
  const gone = new Set();
  for (const name of names.filter((name) => name.endsWith(".json"))) {
    const { entry } = await readFile(path.join(CACHE, name), "utf8").then(JSON.parse, () => ({}));
    if (typeof entry !== "string" || !(await exists(entry))) gone.add(name.slice(0, -".json".length));
  }
  for (const name of names) {
    const file = path.join(CACHE, name);
    const owner = name.slice(0, name.indexOf("."));
    const partial = name.endsWith(".partial");
    const older = owner === id && name !== keep && !name.endsWith(".json") && !partial;
    const abandoned = partial && (await stat(file).then(({ mtimeMs }) => Date.now() - mtimeMs > ABANDONED_MS, () => false));
    if (older || abandoned || gone.has(owner)) await rm(file, { recursive: true, force: true });
  }
}

// The packages' code compiles about twice as fast from V8's cache; the worker of emit/schema-types.ts does the same.
module.enableCompileCache?.(COMPILE_CACHE);

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error("usage: node [--conditions=<name>] scripts/run-ts.mjs <script.ts> [args...]");
  process.exit(2);
}
const entry = path.resolve(script);
const conditions = process.execArgv.flatMap((arg) => arg.match(/^--conditions=(.+)$/)?.[1] ?? []);
const id = sha256(JSON.stringify({ entry, conditions })).slice(0, 16);
const manifestFile = path.join(CACHE, `${id}.json`);
await mkdir(CACHE, { recursive: true });
const bundled = (await freshBundle(manifestFile)) ?? (await build(entry, conditions, id, manifestFile));
// The script sees the command line it would have seen run directly: itself, then its arguments.
process.argv.splice(1, process.argv.length, entry, ...args);
await import(pathToFileURL(bundled).href);
