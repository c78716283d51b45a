import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { credentialChain, defaultCredentialChain } from "../../src/credentials/chain.ts";
import { fromFile as fromFileOnTheWeb } from "../../src/credentials/file.web.ts";
import * as credentials from "../../src/credentials/index.ts";
import { AbortError, CredentialsNotFoundError, ValidationError } from "../../src/errors.ts";
import { rejectionOf } from "../helpers/thrown.ts";

const ENV_SK = "env-secret-do-not-print";
const FILE_SK = "file-secret-do-not-print";

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "hwcloud-chain-"));
});
afterEach(() => rm(home, { recursive: true, force: true }));

async function writeCredentialsFile(text: string) {
  await mkdir(join(home, ".huaweicloud"), { recursive: true });
  await writeFile(join(home, ".huaweicloud", "credentials"), text);
}

const notFound = (source: string) => async () => {
  throw new CredentialsNotFoundError([{ source, reason: "empty" }]);
};

describe("credentialChain", () => {
  it("resolves with the first provider that has credentials, asking no further", async () => {
    let asked = 0;
    const chain = credentialChain(
      notFound("first"),
      async () => ({ ak: "second", sk: "s" }),
      async () => {
        asked++;
        return { ak: "third", sk: "s" };
      },
    );
    expect(await chain()).toEqual({ ak: "second", sk: "s" });
    expect(asked).toBe(0);
  });

  it("lists every source tried when none has credentials", async () => {
    const error = await rejectionOf(credentialChain(notFound("a"), notFound("b"))(), CredentialsNotFoundError);
    expect(error.sources).toEqual([
      { source: "a", reason: "empty" },
      { source: "b", reason: "empty" },
    ]);
    expect(error.message).toMatch(/^No credentials found\. Tried: a \(empty\); b \(empty\)\./);
  });

  it("stops at a broken source rather than skipping it", async () => {
    const broken = async () => {
      throw new ValidationError("credentials", [{ field: "HUAWEICLOUD_SDK_SK", rule: "required", message: "must be set" }]);
    };
    let asked = 0;
    const error = await rejectionOf(
      credentialChain(broken, async () => {
        asked++;
        return { ak: "a", sk: "s" };
      })(),
      ValidationError,
    );
    expect(error.field).toBe("HUAWEICLOUD_SDK_SK");
    expect(asked).toBe(0);
  });

  it("passes the caller's signal on, and stops between providers once it fired", async () => {
    const controller = new AbortController();
    const received: Array<AbortSignal | undefined> = [];
    const chain = credentialChain(async (signal) => {
      received.push(signal);
      controller.abort(new Error("enough"));
      throw new CredentialsNotFoundError([{ source: "x", reason: "empty" }]);
    }, async () => ({ ak: "never", sk: "s" }));
    const error = await rejectionOf(chain(controller.signal), AbortError);
    expect(received).toEqual([controller.signal]);
    expect((error.cause as Error).message).toBe("enough");
  });
});

describe("defaultCredentialChain", () => {
  it("takes the environment first, over the credentials file", async () => {
    await writeCredentialsFile(`[basic]\nak = FILEAK\nsk = ${FILE_SK}\nproject_id = file-project\n`);
    const env = { HUAWEICLOUD_SDK_AK: "ENVAK", HUAWEICLOUD_SDK_SK: ENV_SK };
    expect(await defaultCredentialChain({ env, homeDir: home })()).toEqual({ ak: "ENVAK", sk: ENV_SK });
  });

  it("falls back on the credentials file when the environment has no keys", async () => {
    await writeCredentialsFile(`[basic]\nak = FILEAK\nsk = ${FILE_SK}\nproject_id = file-project\n`);
    expect(await defaultCredentialChain({ env: {}, homeDir: home })()).toEqual({ ak: "FILEAK", sk: FILE_SK, projectId: "file-project" });
  });

  it("is a ValidationError listing the environment and the file when neither has credentials", async () => {
    const error = await rejectionOf(defaultCredentialChain({ env: {}, homeDir: home })(), CredentialsNotFoundError);
    expect(error).toBeInstanceOf(ValidationError);
    const file = join(home, ".huaweicloud", "credentials");
    expect(error.sources).toEqual([
      { source: "environment", reason: "HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not set" },
      { source: `credentials file ${file}`, reason: "no such file" },
    ]);
    expect(error.message).toBe(
      "No credentials found. Tried: environment (HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not set); " +
        `credentials file ${file} (no such file). Pass \`credentials\`, set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, ` +
        "or write ak and sk to the [basic] section of ~/.huaweicloud/credentials.",
    );
  });

  it("follows HUAWEICLOUD_SDK_CREDENTIALS_FILE in the environment it was given", async () => {
    const path = join(home, "elsewhere");
    await writeFile(path, `[basic]\nak = ELSEWHEREAK\nsk = ${FILE_SK}\n`);
    const provider = defaultCredentialChain({ env: { HUAWEICLOUD_SDK_CREDENTIALS_FILE: path }, homeDir: home });
    expect(await provider()).toMatchObject({ ak: "ELSEWHEREAK" });
  });

  it("is cached: the file is read once", async () => {
    await writeCredentialsFile(`[basic]\nak = FIRST\nsk = ${FILE_SK}\n`);
    const provider = defaultCredentialChain({ env: {}, homeDir: home });
    expect(await provider()).toMatchObject({ ak: "FIRST" });
    await writeCredentialsFile(`[basic]\nak = SECOND\nsk = ${FILE_SK}\n`);
    expect(await provider()).toMatchObject({ ak: "FIRST" });
  });

  it("never shows a secret, whatever it ends in", async () => {
    const outcomes: unknown[] = [];
    const envs = [
      { HUAWEICLOUD_SDK_SK: ENV_SK },
      { HUAWEICLOUD_SDK_AK: "A", HUAWEICLOUD_SDK_SECURITY_TOKEN: ENV_SK },
      {},
    ];
    await writeCredentialsFile(`[basic]\nsk = ${FILE_SK}\nsecurity_token = ${FILE_SK}\n`);
    for (const env of envs) {
      outcomes.push(await defaultCredentialChain({ env, homeDir: home })().catch((error: Error) => error));
    }
    for (const error of outcomes) {
      expect(error).toBeInstanceOf(ValidationError);
      const shown = `${(error as Error).message} ${JSON.stringify(error)} ${(error as Error).stack}`;
      expect(shown).not.toContain("do-not-print");
    }
  });
});

describe("the credentials file where there is no file system", () => {
  it("finds nothing, so a chain goes on to the next source", async () => {
    const error = await rejectionOf(fromFileOnTheWeb()(), CredentialsNotFoundError);
    expect(error.sources).toEqual([{ source: "credentials file", reason: "this runtime has no file system" }]);
  });
});

describe("src/credentials/index.ts", () => {
  it("exports every unit the client wires, from one module", () => {
    for (const name of [
      "cachedCredentials",
      "credentialChain",
      "defaultCredentialChain",
      "fromEnv",
      "fromFile",
      "fromEcsMetadata",
      "environmentProjectId",
      "checkCredentials",
      "CredentialsNotFoundError",
    ]) {
      expect(typeof (credentials as Record<string, unknown>)[name], name).toBe("function");
    }
  });
});
