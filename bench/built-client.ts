/**
 * Our client as an application would load it: the files a plain `node`
 * resolves `hwcloud-typed`, `hwcloud-typed/core` and `hwcloud-typed/operations`
 * to (dist/node/, see scripts/build.ts) when they are at least as new as src/
 * and generated/, otherwise esbuild bundles of src/'s entries made now
 * (dependencies left as imports, as the build leaves them). Either way no tsx
 * runtime helpers are in the code measured.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
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
  const [url, coreUrl, operationsUrl] = resolvedByNode(["hwcloud-typed", "hwcloud-typed/core", "hwcloud-typed/operations"]);
  const newest = newestSource();
  const fresh = [url, coreUrl, operationsUrl].every((entry) => {
    const path = fileURLToPath(entry!);
    return path.startsWith(at("dist/")) && existsSync(path) && statSync(path).mtimeMs >= newest;
  });
  if (fresh) return { label: "dist/ build", url: url!, coreUrl: coreUrl!, operationsUrl: operationsUrl! };
  const directory = await bundleSources();
  const inBundle = (entry: string) => pathToFileURL(`${directory}/${entry}.js`).href;
  return { label: "esbuild bundle of src/", url: inBundle("index"), coreUrl: inBundle("core"), operationsUrl: inBundle("operations") };
}

/** What a `node` with no flags resolves these specifiers to from this package (its own exports). */
function resolvedByNode(specifiers: string[]): string[] {
  const script = `process.stdout.write(JSON.stringify(${JSON.stringify(specifiers)}.map((specifier) => import.meta.resolve(specifier))))`;
  const { NODE_OPTIONS: _, ...env } = process.env;
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, env, encoding: "utf8" })) as string[];
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
