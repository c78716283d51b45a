/**
 * Watches a folder and every folder under it, for `generate --watch` and
 * `docs:serve`. One plain watch per folder rather than Node's recursive one:
 * on Linux that follows each file it found, so once an editor saves a file by
 * renaming a fresh copy over it, later saves of that file go unseen. A
 * folder's own watch sees every file written, created or renamed in it.
 */
import { type FSWatcher, readdirSync, watch } from "node:fs";
import path from "node:path";

export interface TreeWatcher {
  close(): void;
}

/** Calls `onChange` with the path of each file or folder changed under `root`, new folders included. */
export function watchTree(root: string, onChange: (changed: string) => void): TreeWatcher {
  const watchers = new Map<string, FSWatcher>();

  const watchFolder = (folder: string) => {
    if (watchers.has(folder)) return;
    const watcher = watch(folder, (_event, name) => {
      // A folder made (or moved in) since: watch it and what it holds.
      watchTreeUnder(folder);
      onChange(name === null ? folder : path.join(folder, name));
    });
    // A watched folder that is removed ends its watch; a new one of that name is found again from its parent.
    watcher.on("error", () => unwatch(folder));
    watchers.set(folder, watcher);
  };

  const unwatch = (folder: string) => {
    watchers.get(folder)?.close();
    watchers.delete(folder);
  };

  const watchTreeUnder = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
      watchFolder(folder);
    } catch {
      // Gone since it was listed.
      unwatch(folder);
      return;
    }
    for (const entry of entries) if (entry.isDirectory()) watchTreeUnder(path.join(folder, entry.name));
  };

  watchTreeUnder(root);
  if (!watchers.has(root)) throw new Error(`cannot watch ${root}: not a readable folder`);
  return {
    close() {
      for (const folder of [...watchers.keys()]) unwatch(folder);
    },
  };
}
