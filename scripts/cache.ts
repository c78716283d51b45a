/**
 * Outputs of the generator kept between runs, each stored under a SHA-256 of
 * everything it was made from: its input, the generator's own code and the
 * exact version of every installed package. A change to any of them is
 * another key, so a stale output is never found.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SCRIPTS = fileURLToPath(new URL(".", import.meta.url));
const NODE_MODULES = fileURLToPath(new URL("../node_modules/", import.meta.url));

/** Where `npm run generate` keeps its cache, as other tools do theirs (node_modules/.cache/<name>). */
export const DEFAULT_CACHE_DIR = path.join(NODE_MODULES, ".cache", "hwcloud-typed", "generate");

/**
 * How many outputs a cache keeps besides those the run used: a spec edited and
 * regenerated a hundred times leaves the latest ones only. A run's own outputs
 * (one per operation) are all kept, however many operations the spec has.
 */
const KEEP = 64;

export interface Cache {
  /** The output stored under `key`, or undefined. */
  get(key: string): Promise<string | undefined>;
  /** Best effort: a cache that cannot be written makes the next run slower, never failed. */
  set(key: string, value: string): Promise<void>;
  /** The key of an output made from `input` by the step `step`; undefined, so nothing is cached, when the installed packages cannot be told. */
  key(step: string, input: string): string | undefined;
}

/**
 * A cache of one file per key in `dir`, keyed on `fingerprint` (see
 * `generatorFingerprint`). Each file is written whole, then renamed into place,
 * so a run never reads half of one.
 */
export function fileCache(dir: string, fingerprint: string | undefined): Cache {
  const file = (key: string) => path.join(dir, key);
  // The keys this run read or wrote: never pruned, so a spec of more than KEEP operations is still answered whole next time.
  const used = new Set<string>();
  const pruneSoon = coalesced(() => prune(dir, used));
  return {
    async get(key) {
      const value = await readFile(file(key), "utf8").catch(() => undefined);
      if (value !== undefined) {
        used.add(key);
        // Pruning goes by the time of last use.
        const now = new Date();
        await utimes(file(key), now, now).catch(() => undefined);
      }
      return value;
    },
    async set(key, value) {
      used.add(key);
      const partial = `${file(key)}.${randomUUID()}.partial`;
      try {
        await mkdir(dir, { recursive: true });
        await writeFile(partial, value);
        await rename(partial, file(key));
      } catch {
        await rm(partial, { force: true }).catch(() => undefined);
        return;
      }
      // Another run may be pruning too: whatever it removed first is gone either way.
      await pruneSoon().catch(() => undefined);
    },
    key: (step, input) => (fingerprint === undefined ? undefined : sha256([fingerprint, step, input])),
  };
}

/** Removes all but the outputs in `used` and the `KEEP` most recently used others. */
async function prune(dir: string, used: ReadonlySet<string>): Promise<void> {
  const others = (await readdir(dir)).filter((name) => !name.endsWith(".partial") && !used.has(name));
  if (others.length <= KEEP) return;
  const written = await Promise.all(others.map(async (name) => ({ name, at: (await stat(path.join(dir, name))).mtimeMs })));
  const oldest = written.sort((a, b) => b.at - a.at).slice(KEEP);
  await Promise.all(oldest.map(({ name }) => rm(path.join(dir, name), { force: true })));
}

/**
 * `task` run at most once at a time: a call while it runs is answered by one
 * more run after it, shared by every call made meanwhile. A run storing one
 * output per operation thus lists the folder a few times, not once per output
 * (which was quadratic: 2.4 GB and 27 s for a spec of 600 operations).
 */
function coalesced(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const start = (): Promise<void> => {
    const run = task().finally(() => {
      if (running === run) running = undefined;
    });
    running = run;
    return run;
  };
  return () => {
    if (!running) return start();
    next ??= running.catch(() => undefined).then(() => {
      next = undefined;
      return start();
    });
    return next;
  };
}

/**
 * What every cached output depends on besides its input: the generator's code
 * (every file under scripts/, a superset of what any step runs) and the exact
 * version of every installed package (npm's record of node_modules,
 * `node_modules/.package-lock.json`). Undefined when npm left no such record
 * (another package manager): then nothing is cached.
 */
export async function generatorFingerprint(): Promise<string | undefined> {
  const packages = await readFile(path.join(NODE_MODULES, ".package-lock.json")).catch(() => undefined);
  if (packages === undefined) return undefined;
  return sha256([packages, await folderDigest(SCRIPTS)]);
}

/** SHA-256 of every file under `dir`: names and contents. */
export async function folderDigest(dir: string): Promise<string> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  const contents = await Promise.all(files.map(async (file) => [path.relative(dir, file), await readFile(file)] as const));
  return sha256(contents.flat());
}

/** SHA-256 of `parts`, each length-prefixed so that no two different lists hash alike. */
function sha256(parts: ReadonlyArray<string | Uint8Array>): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    const bytes = typeof part === "string" ? Buffer.from(part) : part;
    hash.update(`${bytes.length}:`).update(bytes);
  }
  return hash.digest("hex");
}
