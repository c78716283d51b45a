/**
 * Cold start: a fresh Node process imports a client and makes one call to
 * the loopback server. Each process reports the time from its first line to
 * the answer and its peak RSS; the parent also times spawn to exit.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const at = (path: string) => fileURLToPath(new URL(path, new URL("..", import.meta.url)));

export interface ColdRun {
  importAndCallMs: number;
  maxRssKb: number;
  wallMs: number;
}

export interface ColdVariant {
  name: string;
  args: (port: number) => string[];
}

/**
 * Our client as a process would load it: the tsc build in dist/ when there is
 * one at least as new as src/ and generated/; otherwise the TypeScript sources
 * through tsx, and an esbuild bundle of them (dependencies left as imports, as
 * a build would) as a stand-in for dist/.
 */
export async function coldVariants(): Promise<ColdVariant[]> {
  const ours = at("bench/cold/ours.mjs");
  const variants: ColdVariant[] = [
    { name: "bare node:http call (scale)", args: (port) => [at("bench/cold/baseline.mjs"), String(port)] },
  ];
  const built = at("dist/src/index.js");
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource()) {
    variants.push({ name: "hwcloud-typed, dist/ build", args: (port) => [ours, String(port), pathToFileURL(built).href] });
  } else {
    variants.push({
      name: "hwcloud-typed, src via tsx (no dist/)",
      args: (port) => ["--import", "tsx", "--conditions=source", ours, String(port), pathToFileURL(at("src/index.ts")).href],
    });
    const bundled = await bundleSources();
    variants.push({ name: "hwcloud-typed, esbuild bundle of src", args: (port) => [ours, String(port), pathToFileURL(bundled).href] });
  }
  variants.push({ name: "official SDK, require", args: (port) => [at("bench/cold/official.cjs"), String(port)] });
  return variants;
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

/** src/ in one ES module, with packages left as imports; kept under node_modules/.cache so they resolve. */
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
    conditions: ["source"],
    logLevel: "error",
  });
  return outfile;
}

function runOnce(args: string[]): Promise<ColdRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`cold start exited ${code}: ${err.trim()}`));
      try {
        resolve({ ...(JSON.parse(out) as Omit<ColdRun, "wallMs">), wallMs });
      } catch {
        reject(new Error(`cold start printed no report: ${out.slice(0, 300)} ${err.slice(0, 300)}`));
      }
    });
  });
}

/** `rounds` runs of each variant, interleaved, after one discarded run each (to warm the disk cache and tsx's). */
export async function coldStarts(variants: readonly ColdVariant[], port: number, rounds: number): Promise<Map<string, ColdRun[]>> {
  for (const variant of variants) await runOnce(variant.args(port));
  const runs = new Map(variants.map((variant) => [variant.name, [] as ColdRun[]]));
  for (let round = 0; round < rounds; round++) {
    for (const variant of variants) runs.get(variant.name)!.push(await runOnce(variant.args(port)));
  }
  return runs;
}
