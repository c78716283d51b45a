/**
 * Wall time of `npm run generate`, spawn to exit, as a user meets it: npm,
 * the launcher and the generator's imports included. It writes to a temporary
 * folder (`--out`), so generated/ and its modification times stay as they are.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

function runOnce(out: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("npm", ["run", "--silent", "generate", "--", "--out", out, ...args], { cwd: root, stdio: ["ignore", "ignore", "pipe"], timeout: 60_000 });
    let err = "";
    child.stderr.on("data", (chunk: Buffer) => (err += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`npm run generate exited ${code}: ${err.trim()}`))));
  });
}

/**
 * Milliseconds of `rounds` runs of `npm run generate -- <args>`, after one
 * discarded run that warms the disk cache, the launcher's bundle and the
 * generator's cache.
 */
export async function generateTimes(rounds: number, args: string[] = []): Promise<number[]> {
  const out = mkdtempSync(join(tmpdir(), "hwcloud-typed-generate-"));
  try {
    await runOnce(out, args);
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) times.push(await runOnce(out, args));
    return times;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
