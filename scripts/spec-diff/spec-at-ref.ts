/** The bundled spec as it was at a git ref: its folder extracted with `git archive`, bundled like the working tree's. */
import { execFile } from "node:child_process";
import { mkdtemp, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { bundleSpec, type OpenApiDocument } from "../bundle.ts";
import { SpecDiffError } from "./errors.ts";

const run = promisify(execFile);

async function git(args: string[], cwd: string): Promise<string> {
  try {
    return (await run("git", args, { cwd, maxBuffer: 256 * 1024 * 1024 })).stdout.trim();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new SpecDiffError(`git ${args[0]} failed: ${stderr || (error as Error).message}`);
  }
}

/**
 * `specPath` (in the working tree) as it was at `ref`: the folder holding it is
 * extracted from that commit into a temporary directory, bundled, then removed.
 * Undefined when the file did not exist at `ref`.
 */
export async function bundleSpecAtRef(ref: string, specPath: string): Promise<OpenApiDocument | undefined> {
  // Real paths on both sides: git reports the top level with symlinks resolved.
  const absolute = path.join(await realpath(path.dirname(path.resolve(specPath))), path.basename(specPath));
  const root = await git(["rev-parse", "--show-toplevel"], path.dirname(absolute));
  const commit = await git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], root).catch(() => {
    throw new SpecDiffError(`${ref} is not a commit of this repository`);
  });
  const relative = path.relative(root, absolute).split(path.sep).join("/");
  const folder = path.posix.dirname(relative);
  const exists = await git(["cat-file", "-e", `${commit}:${relative}`], root).then(
    () => true,
    () => false,
  );
  if (!exists) return undefined;
  const work = await mkdtemp(path.join(tmpdir(), "hwcloud-spec-diff-"));
  try {
    const archive = path.join(work, "spec.tar");
    await git(["archive", "--format=tar", `--output=${archive}`, commit, "--", folder], root);
    await run("tar", ["-xf", archive, "-C", work]);
    return await bundleSpec(path.join(work, relative), { dereference: true }).catch((error: unknown) => {
      throw new SpecDiffError(`${relative} at ${ref} does not bundle: ${error instanceof Error ? error.message : error}`);
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
