/**
 * Our client as an application would load it: the tsc build in dist/ when
 * there is one at least as new as src/ and generated/, otherwise an esbuild
 * bundle of src/ made now (dependencies left as imports, as the build leaves
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
}

export async function builtClient(): Promise<BuiltClient> {
  const built = at("dist/src/index.js");
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource()) {
    return { label: "dist/ build", url: pathToFileURL(built).href };
  }
  return { label: "esbuild bundle of src/", url: pathToFileURL(await bundleSources()).href };
}

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

/** src/ in one ES module, kept under node_modules/.cache so its package imports resolve. */
async function bundleSources(): Promise<string> {
  const directory = at("node_modules/.cache/hwcloud-typed-bench");
  mkdirSync(directory, { recursive: true });
  const outfile = `${directory}/index.mjs`;
  await build({
    entryPoints: [at("src/index.ts")],
    outfile,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["hwcloud-typed:source"],
    logLevel: "error",
  });
  return outfile;
}
