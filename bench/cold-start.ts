/**
 * Cold start: a fresh Node process imports a client and makes one call to
 * the loopback server. Each process reports the time from its first line to
 * the answer, when the answer came and its peak RSS; the parent times spawn
 * to exit, and how long the process lingered after the answer.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { BuiltClient } from "./built-client.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const at = (path: string) => fileURLToPath(new URL(path, new URL("..", import.meta.url)));

export interface ColdRun {
  importAndCallMs: number;
  maxRssKb: number;
  wallMs: number;
  /** From the answer to the process's exit, by itself; undefined for a script that ends with process.exit. */
  exitAfterMs: number | undefined;
}

export interface ColdVariant {
  name: string;
  args: (port: number) => string[];
  /** The script ends with process.exit, so its exit says nothing of the library. */
  exits?: boolean;
}

/**
 * A bare node:http call for scale, our client as built (see
 * built-client.ts), the standalone core with one operation, and the official
 * SDK (last: the others are compared with it). The official SDK's script
 * ends with process.exit: its keep-alive socket would hold the process open.
 */
export function coldVariants(built: BuiltClient): ColdVariant[] {
  return [
    { name: "bare node:http call (scale)", args: (port) => [at("bench/cold/baseline.mjs"), String(port)] },
    { name: `hwcloud-typed createClient, ${built.label}`, args: (port) => [at("bench/cold/ours.mjs"), String(port), built.url] },
    { name: `hwcloud-typed/core + one operation, ${built.label}`, args: (port) => [at("bench/cold/core.mjs"), String(port), built.coreUrl, built.operationsUrl] },
    { name: "official SDK, require", args: (port) => [at("bench/cold/official.cjs"), String(port)], exits: true },
  ];
}

function runOnce(variant: ColdVariant, port: number): Promise<ColdRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // A hung child is killed rather than left behind.
    const child = spawn(process.execPath, variant.args(port), { cwd: root, stdio: ["ignore", "pipe", "pipe"], timeout: 30_000 });
    let out = "";
    let err = "";
    let exitedAt = 0;
    child.stdout.on("data", (chunk: Buffer) => (out += chunk));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk));
    child.on("error", reject);
    child.on("exit", () => (exitedAt = performance.now()));
    // "close" comes once stdout is drained too; the exit was timed above.
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`cold start exited ${code}: ${err.trim()}`));
      try {
        const report = JSON.parse(out) as { importAndCallMs: number; maxRssKb: number; settledAt: number };
        resolve({
          importAndCallMs: report.importAndCallMs,
          maxRssKb: report.maxRssKb,
          wallMs: exitedAt - started,
          exitAfterMs: variant.exits ? undefined : performance.timeOrigin + exitedAt - report.settledAt,
        });
      } catch {
        reject(new Error(`cold start printed no report: ${out.slice(0, 300)} ${err.slice(0, 300)}`));
      }
    });
  });
}

/** `rounds` runs of each variant, interleaved, after one discarded run each (to warm the disk cache). */
export async function coldStarts(variants: readonly ColdVariant[], port: number, rounds: number): Promise<Map<string, ColdRun[]>> {
  for (const variant of variants) await runOnce(variant, port);
  const runs = new Map(variants.map((variant) => [variant.name, [] as ColdRun[]]));
  for (let round = 0; round < rounds; round++) {
    for (const variant of variants) runs.get(variant.name)!.push(await runOnce(variant, port));
  }
  return runs;
}
