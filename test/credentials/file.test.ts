/**
 * The credentials file Huawei's SDKs share. The sample is the one Huawei's
 * Go SDK tests its reader with (`[basic]` and `[global]` side by side, keys
 * padded with spaces, an extra key we do not use).
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fromFile } from "../../src/credentials/file.ts";
import { AbortError, CredentialsNotFoundError, ValidationError } from "../../src/errors.ts";
import { rejectionOf } from "../helpers/thrown.ts";

const SHARED_FORMAT = `
[basic]
ak = MockAk
sk = MockSk
project_id = MockProjectId
security_token = MockSecurityToken
iam_endpoint = MockIamEndpoint

[global]
ak = GlobalAk
sk = GlobalSk
domain_id = MockDomainId
`;

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "hwcloud-credentials-"));
});
afterEach(() => rm(home, { recursive: true, force: true }));

async function writeDefault(text: string | Buffer): Promise<string> {
  await mkdir(join(home, ".huaweicloud"), { recursive: true });
  const path = join(home, ".huaweicloud", "credentials");
  await writeFile(path, text);
  return path;
}

describe("fromFile", () => {
  it("reads [basic] of ~/.huaweicloud/credentials in the format Huawei's SDKs share, and ignores [global]", async () => {
    await writeDefault(SHARED_FORMAT);
    expect(await fromFile({ homeDir: home, env: {} })()).toEqual({
      ak: "MockAk",
      sk: "MockSk",
      securityToken: "MockSecurityToken",
      projectId: "MockProjectId",
    });
  });

  it("reads the file HUAWEICLOUD_SDK_CREDENTIALS_FILE names, and the path option before both", async () => {
    await writeDefault("[basic]\nak = default-ak\nsk = default-sk\n");
    const named = join(home, "named.ini");
    await writeFile(named, "[basic]\nak = named-ak\nsk = named-sk\n");
    const option = join(home, "option.ini");
    await writeFile(option, "[basic]\nak = option-ak\nsk = option-sk\n");
    const env = { HUAWEICLOUD_SDK_CREDENTIALS_FILE: named };
    expect(await fromFile({ homeDir: home, env })()).toEqual({ ak: "named-ak", sk: "named-sk" });
    expect(await fromFile({ homeDir: home, env, path: option })()).toEqual({ ak: "option-ak", sk: "option-sk" });
    expect(await fromFile({ homeDir: home, env: { HUAWEICLOUD_SDK_CREDENTIALS_FILE: "" } })()).toEqual({ ak: "default-ak", sk: "default-sk" });
  });

  it("reads comments, CRLF line ends, quoted values and '=' inside values as Huawei's INI reader does", async () => {
    const text = '; written by hand\r\n# both comment signs\r\n[basic]\r\nak=QUOTEDAK\r\nsk = "s=k with spaces"\r\nsecurity_token = a+b/c==\r\n';
    await writeDefault(text);
    expect(await fromFile({ homeDir: home, env: {} })()).toEqual({ ak: "QUOTEDAK", sk: "s=k with spaces", securityToken: "a+b/c==" });
  });

  it("reads a file that starts with a byte order mark, as Windows editors write it: UTF-8, or PowerShell 5's UTF-16LE", async () => {
    const text = "[basic]\r\nak = BOMAK\r\nsk = BOMSK\r\n";
    for (const bytes of [Buffer.from(`\uFEFF${text}`), Buffer.from(`\uFEFF${text}`, "utf16le")]) {
      await writeDefault(bytes);
      expect(await fromFile({ homeDir: home, env: {} })()).toEqual({ ak: "BOMAK", sk: "BOMSK" });
    }
  });

  it("reads a section header indented like its keys, as Huawei's INI reader does", async () => {
    await writeDefault("  [basic]\n  ak = INDENTAK\n  sk = INDENTSK\n");
    expect(await fromFile({ homeDir: home, env: {} })()).toEqual({ ak: "INDENTAK", sk: "INDENTSK" });
  });

  it("reads the file again on every call", async () => {
    const path = await writeDefault("[basic]\nak = first\nsk = one\n");
    const provider = fromFile({ homeDir: home, env: {} });
    expect(await provider()).toMatchObject({ ak: "first" });
    await writeFile(path, "[basic]\nak = second\nsk = two\n");
    expect(await provider()).toMatchObject({ ak: "second" });
  });

  it("finds nothing when the default file, its folder or its [basic] keys are missing", async () => {
    const defaultPath = join(home, ".huaweicloud", "credentials");
    const missing = await rejectionOf(fromFile({ homeDir: home, env: {} })(), CredentialsNotFoundError);
    expect(missing.sources).toEqual([{ source: `credentials file ${defaultPath}`, reason: "no such file" }]);

    await writeFile(join(home, ".huaweicloud"), "a file where the folder should be");
    await rejectionOf(fromFile({ homeDir: home, env: {} })(), CredentialsNotFoundError);
    await rm(join(home, ".huaweicloud"));

    await writeDefault("[global]\nak = GlobalAk\nsk = GlobalSk\n");
    const noSection = await rejectionOf(fromFile({ homeDir: home, env: {} })(), CredentialsNotFoundError);
    expect(noSection.sources[0]!.reason).toBe("no [basic] section");

    await writeDefault("[basic]\nproject_id = p\n");
    const noKeys = await rejectionOf(fromFile({ homeDir: home, env: {} })(), CredentialsNotFoundError);
    expect(noKeys.sources[0]!.reason).toBe("[basic] has no ak and sk");
  });

  it("refuses a named file that does not exist, rather than finding nothing", async () => {
    const path = join(home, "nowhere.ini");
    const byEnv = await rejectionOf(fromFile({ env: { HUAWEICLOUD_SDK_CREDENTIALS_FILE: path } })(), ValidationError);
    expect(byEnv).not.toBeInstanceOf(CredentialsNotFoundError);
    expect(byEnv.message).toContain(`${path} is named by HUAWEICLOUD_SDK_CREDENTIALS_FILE but does not exist`);
    const byOption = await rejectionOf(fromFile({ path, env: {} })(), ValidationError);
    expect(byOption.message).toContain("the path option");
  });

  it("refuses half a key pair or a non-string value, naming the key and never a value", async () => {
    for (const [text, key] of [
      ["[basic]\nak = HALFAK-do-not-print\n", "sk"],
      ["[basic]\nsk = half-secret-do-not-print\n", "ak"],
      ["[basic]\nak = FLAGAK-do-not-print\nsk = true\n", "sk"],
      ["[basic]\nak[] = one\nak[] = two\nsk = s-do-not-print\n", "ak"],
    ] as const) {
      const path = await writeDefault(text);
      const error = await rejectionOf(fromFile({ homeDir: home, env: {} })(), ValidationError);
      expect(error).not.toBeInstanceOf(CredentialsNotFoundError);
      expect(error.field).toBe(`${path} [basic] ${key}`);
      expect(`${error.message} ${JSON.stringify(error)}`).not.toMatch(/do-not-print|one|two/);
    }
  });

  it("refuses a file it cannot read, naming the error code", async () => {
    const folder = join(home, "a-folder");
    await mkdir(folder);
    const error = await rejectionOf(fromFile({ path: folder, env: {} })(), ValidationError);
    expect(error.message).toContain(`${folder} could not be read (EISDIR)`);
  });

  it("stops at an aborted signal with AbortError", async () => {
    await writeDefault(SHARED_FORMAT);
    const controller = new AbortController();
    controller.abort(new Error("caller gave up"));
    const error = await rejectionOf(fromFile({ homeDir: home, env: {} })(controller.signal), AbortError);
    expect((error.cause as Error).message).toBe("caller gave up");
  });
});
