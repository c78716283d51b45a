/**
 * Our client as an application would load it: the tsc build in dist/ when
 * there is one at least as new as src/ and generated/, otherwise esbuild
 * bundles of src/'s entries made now (dependencies left as imports, as the build leaves
 * them). Either way no tsx runtime helpers are in the code measured.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const at = (path: string) => fileURLToPath(new URL(path, new URL("..", import.meta.url)));

export interface BuiltClient {
  /** Says which build this is, for the table. */
  label: string;
  /** file: URL of the module that exports createClient. */
  url: string;
  /** file: URLs of `hwcloud-typed/core` and `hwcloud-typed/operations` in the same build. */
  coreUrl: string;
  operationsUrl: string;
}

export async function builtClient(): Promise<BuiltClient> {
  const built = at("dist/src/index.js");
  const url = (path: string) => pathToFileURL(path).href;
  const newest = newestSource();
  if (ENTRIES.every((entry) => existsSync(at(`dist/src/${entry}.js`)) && statSync(at(`dist/src/${entry}.js`)).mtimeMs >= newest)) {
    return { label: "dist/ build", url: url(built), coreUrl: url(at("dist/src/core.js")), operationsUrl: url(at("dist/src/operations.js")) };
  }
  const directory = await bundleSources();
  return {
    label: "esbuild bundle of src/",
    url: url(`${directory}/index.js`),
    coreUrl: url(`${directory}/core.js`),
    operationsUrl: url(`${directory}/operations.js`),
  };
}

const ENTRIES = ["index", "core", "operations"];

/** Modification time of the newest file under src/ and generated/. */
function newestSource(): number {
  let newest = 0;
  for (const directory of ["src", "generated"]) {
    for (const entry of readdirSync(at(directory), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
    }
  }
  return newest;
}

/**
 * Each entry of src/ as an ES module, code they share split into chunks, kept
 * under node_modules/.cache so their package imports resolve; the directory.
 */
async function bundleSources(): Promise<string> {
  const directory = at("node_modules/.cache/hwcloud-typed-bench");
  mkdirSync(directory, { recursive: true });
  await build({
    entryPoints: ENTRIES.map((entry) => at(`src/${entry}.ts`)),
    outdir: directory,
    splitting: true,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["hwcloud-typed:source"],
    logLevel: "error",
  });
  return directory;
}
