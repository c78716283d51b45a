import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileCache } from "../scripts/cache.ts";
import { generateFiles, staleFiles, writeFiles } from "../scripts/generate.ts";

const run = promisify(execFile);
const ADDED_FIELD = "added_by_generate_test";

/** The spec file that defines a schema, found by its top-level `properties` and its name. */
async function schemaFile(root: string, name: string): Promise<string> {
  const dir = path.join(root, "components", "schemas");
  const file = (await readdir(dir)).find((entry) => entry.replace(/\.ya?ml$/, "") === name);
  if (!file) throw new Error(`no ${name} schema file under ${dir}`);
  return path.join(dir, file);
}

describe("npm run generate", () => {
  let work: string;
  let editedSpec: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), "hwcloud-generate-"));
    await cp("openapi", path.join(work, "openapi"), { recursive: true });
    editedSpec = path.join(work, "openapi", "openapi.yaml");
    const file = await schemaFile(path.join(work, "openapi"), "ReConfigure");
    const text = await readFile(file, "utf8");
    expect(text).toMatch(/^properties:\s*$/m);
    await writeFile(
      file,
      text.replace(/^properties:\s*$/m, `properties:\n  ${ADDED_FIELD}:\n    type: string\n    description: A field added by the generator test.`),
    );
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it("committed generated/ is byte-identical to a fresh generation", async () => {
    expect(await staleFiles(await generateFiles(), "generated")).toEqual([]);
  });

  it("starts every generated file with a banner naming the spec and the command", async () => {
    for (const [name, content] of await generateFiles()) {
      const firstLine = content.split("\n")[name.endsWith(".json") ? 1 : 0];
      expect(firstLine, name).toContain("Generated from openapi/openapi.yaml by `npm run generate`");
    }
  });

  it("a field added to the spec appears in the types, the validators and the samples' schemas", async () => {
    const out = path.join(work, "generated");
    await writeFiles(await generateFiles(editedSpec), out);
    const types = await readFile(path.join(out, "schema.ts"), "utf8");
    const reConfigure = types.slice(types.indexOf("ReConfigure: {"));
    expect(reConfigure.slice(0, reConfigure.indexOf("};"))).toContain(`${ADDED_FIELD}?: string | undefined;`);
    expect(await readFile(path.join(out, "validators", "UpdateDataSource.ts"), "utf8")).toContain(ADDED_FIELD);
    expect(await readFile(path.join(out, "validators", "UpdateVpcPeering.ts"), "utf8")).not.toContain(ADDED_FIELD);
    expect(await readFile(path.join(out, "samples.json"), "utf8")).toContain(ADDED_FIELD);
  });

  it("--check fails against the old generated/, naming the stale files", async () => {
    const failure = await run("npx", ["tsx", "--conditions=hwcloud-typed:source", "scripts/generate.ts", "--check", "--spec", editedSpec]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("generated/schema.ts");
    expect(failure?.stderr).toContain("generated/validators/UpdateDataSource.ts");
  });

  it("counts a file the spec no longer gives as stale, and writing removes it", async () => {
    const out = path.join(work, "leftover");
    const files = await generateFiles();
    await writeFiles(files, out);
    await writeFile(path.join(out, "validators", "OperationTakenOut.ts"), "// from an older spec\n");
    expect(await staleFiles(files, out)).toEqual([path.join(out, "validators", "OperationTakenOut.ts")]);
    await writeFiles(files, out);
    expect(await staleFiles(files, out)).toEqual([]);
    expect(await readdir(path.join(out, "validators"))).not.toContain("OperationTakenOut.ts");
  });

  it("with a cache, answers the types and the validators of inputs seen before from it, and makes those of a changed spec", async () => {
    const dir = path.join(work, "cache");
    const cache = fileCache(dir, "the generator of this test");
    expect(await generateFiles(undefined, { cache })).toEqual(await generateFiles());

    // Marked in the cache, each stored output shows where the next generation took it from.
    const MARK = "// taken from the cache\n";
    for (const name of await readdir(dir)) {
      const content = await readFile(path.join(dir, name), "utf8");
      if (content !== "") await writeFile(path.join(dir, name), `${MARK}${content}`);
    }
    const again = await generateFiles(undefined, { cache });
    expect(again.get("schema.ts")).toContain(MARK);
    for (const [name, content] of again) {
      if (name.startsWith("validators/")) expect(content, name).toContain(MARK);
    }

    const edited = await generateFiles(editedSpec, { cache });
    expect(edited.get("schema.ts")).not.toContain(MARK);
    expect(edited.get("schema.ts")).toContain(`${ADDED_FIELD}?: string | undefined;`);
    expect(edited.get("validators/UpdateDataSource.ts")).not.toContain(MARK);
    expect(edited.get("validators/UpdateDataSource.ts")).toContain(ADDED_FIELD);
    // Operations whose input schema did not change are still answered from the cache.
    expect(edited.get("validators/UpdateVpcPeering.ts")).toContain(MARK);

    const otherGenerator = await generateFiles(undefined, { cache: fileCache(dir, "another generator") });
    expect(otherGenerator.get("schema.ts")).not.toContain(MARK);
  });

  it("--check passes when generated/ matches the spec", async () => {
    const { stdout } = await run("npx", ["tsx", "--conditions=hwcloud-typed:source", "scripts/generate.ts", "--check"]);
    expect(stdout).toContain("up to date");
  });
});
