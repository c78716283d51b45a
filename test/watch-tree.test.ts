/** scripts/watch-tree.ts: every save under the spec's folder is seen, however the editor saves. */
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { type TreeWatcher, watchTree } from "../scripts/watch-tree.ts";

let root: string;
let watcher: TreeWatcher | undefined;
let seen: string[];

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "hwcloud-watch-tree-"));
  await mkdir(path.join(root, "paths"));
  await writeFile(path.join(root, "openapi.yaml"), "a\n");
  await writeFile(path.join(root, "paths", "peering.yaml"), "a\n");
  seen = [];
  watcher = await watchTree(root, (changed) => seen.push(changed));
});

afterEach(async () => {
  await watcher?.close();
  await rm(root, { recursive: true, force: true });
});

/**
 * Runs `save`, then waits (at most 2 s) for an event naming `file`. Saves are
 * spaced as a person's are: chokidar folds a file's changes within 50 ms of
 * one it reported into that one.
 */
async function expectSeen(file: string, save: () => Promise<void>): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 60));
  seen = [];
  await save();
  const target = path.join(root, file);
  for (let waited = 0; waited < 2000 && !seen.includes(target); waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(seen, `after saving ${file}`).toContain(target);
}

/** How editors that save safely write: a new copy beside the file, renamed over it. */
async function saveByRename(file: string, text: string): Promise<void> {
  const copy = path.join(root, path.dirname(file), `.${path.basename(file)}.tmp`);
  await writeFile(copy, text);
  await rename(copy, path.join(root, file));
}

it("sees every save of a file in a subfolder, in place or by rename, in any order", async () => {
  const file = path.join("paths", "peering.yaml");
  await expectSeen(file, () => writeFile(path.join(root, file), "b\n"));
  await expectSeen(file, () => saveByRename(file, "c\n"));
  // Node's recursive watch on Linux misses these two: it kept watching the file that was renamed over.
  await expectSeen(file, () => saveByRename(file, "d\n"));
  await expectSeen(file, () => writeFile(path.join(root, file), "e\n"));
  await expectSeen("openapi.yaml", () => saveByRename("openapi.yaml", "b\n"));
  await expectSeen("openapi.yaml", () => writeFile(path.join(root, "openapi.yaml"), "c\n"));
});

it("sees files in folders made after it started", async () => {
  const file = path.join("components", "schemas", "Peering.yaml");
  await expectSeen("components", () => mkdir(path.join(root, "components", "schemas"), { recursive: true }).then(() => {}));
  await expectSeen(file, () => writeFile(path.join(root, file), "a\n"));
  await expectSeen(file, () => writeFile(path.join(root, file), "b\n"));
  await expectSeen(file, () => saveByRename(file, "c\n"));
  await expectSeen(file, () => writeFile(path.join(root, file), "d\n"));
});

it("refuses a root that is not a folder", async () => {
  await expect(watchTree(path.join(root, "no-such-folder"), () => {})).rejects.toThrow(/cannot watch/);
});
