/**
 * Cold start: a fresh Node process imports a client and makes one call to
 * the loopback server. Each process reports the time from its first line to
 * the answer and its peak RSS; the parent also times spawn to exit.
 */
import { spawn } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BuiltClient } from "./built-client.ts";

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
 * A bare node:http call for scale, our client through tsx (how the tests and
 * this script load it) and as built (see built-client.ts), and the official SDK.
 */
export function coldVariants(built: BuiltClient): ColdVariant[] {
  const ours = at("bench/cold/ours.mjs");
  return [
    { name: "bare node:http call (scale)", args: (port) => [at("bench/cold/baseline.mjs"), String(port)] },
    {
      name: "hwcloud-typed, src via tsx",
      args: (port) => ["--import", "tsx", "--conditions=hwcloud-typed:source", ours, String(port), pathToFileURL(at("src/index.ts")).href],
    },
    { name: `hwcloud-typed, ${built.label}`, args: (port) => [ours, String(port), built.url] },
    { name: "official SDK, require", args: (port) => [at("bench/cold/official.cjs"), String(port)] },
  ];
}

function runOnce(args: string[]): Promise<ColdRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // A hung child is killed rather than left behind.
    const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], timeout: 30_000 });
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
