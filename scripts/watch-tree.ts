/**
 * Watches a folder and every folder under it, for `generate --watch` and
 * `docs:serve`, with chokidar. Node's own recursive watch on Linux follows
 * each file it found, so once an editor saves a file by renaming a fresh copy
 * over it, later saves of that file go unseen; chokidar watches each folder
 * and takes such a save for a change of the file.
 */
import { statSync } from "node:fs";
import { watch } from "chokidar";

export interface TreeWatcher {
  close(): Promise<void>;
}

/**
 * Calls `onChange` with the path of each file or folder added, changed or
 * removed under `root`, new folders included; resolves once the tree is
 * watched, so no save after that is missed.
 */
export async function watchTree(root: string, onChange: (changed: string) => void): Promise<TreeWatcher> {
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`cannot watch ${root}: not a readable folder`);
  const watcher = watch(root, { ignoreInitial: true });
  watcher.on("all", (_event, changed) => onChange(changed));
  await new Promise<void>((resolve, reject) => {
    watcher.once("ready", resolve);
    watcher.once("error", reject);
  });
  return { close: () => watcher.close() };
}
