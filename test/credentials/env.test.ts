import { describe, expect, it } from "vitest";
import { environmentProjectId, fromEnv } from "../../src/credentials/env.ts";
import { CredentialsNotFoundError, ValidationError } from "../../src/errors.ts";
import { rejectionOf } from "../helpers/thrown.ts";

const AK = "ENVAKEXAMPLE00000001";
const SK = "env-secret-do-not-print-0000000000000000";
const TOKEN = "env-security-token-do-not-print";

describe("fromEnv", () => {
  it("reads HUAWEICLOUD_SDK_AK and _SK, with the optional security token and project id", async () => {
    expect(await fromEnv({ env: { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK } })()).toEqual({ ak: AK, sk: SK });
    const env = {
      HUAWEICLOUD_SDK_AK: AK,
      HUAWEICLOUD_SDK_SK: SK,
      HUAWEICLOUD_SDK_SECURITY_TOKEN: TOKEN,
      HUAWEICLOUD_SDK_PROJECT_ID: "0123456789abcdef0123456789abcdef",
    };
    expect(await fromEnv({ env })()).toEqual({ ak: AK, sk: SK, securityToken: TOKEN, projectId: env.HUAWEICLOUD_SDK_PROJECT_ID });
  });

  it("reads the variables on every call, so a changed environment is seen", async () => {
    const env: Record<string, string | undefined> = {};
    const provider = fromEnv({ env });
    await rejectionOf(provider(), CredentialsNotFoundError);
    Object.assign(env, { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK });
    expect(await provider()).toEqual({ ak: AK, sk: SK });
  });

  it("reads the process environment by default", async () => {
    const saved = { ak: process.env.HUAWEICLOUD_SDK_AK, sk: process.env.HUAWEICLOUD_SDK_SK };
    process.env.HUAWEICLOUD_SDK_AK = AK;
    process.env.HUAWEICLOUD_SDK_SK = SK;
    try {
      expect(await fromEnv()()).toMatchObject({ ak: AK, sk: SK });
    } finally {
      restore("HUAWEICLOUD_SDK_AK", saved.ak);
      restore("HUAWEICLOUD_SDK_SK", saved.sk);
    }
  });

  it("finds nothing, naming both variables, when neither is set or both are empty", async () => {
    for (const env of [{}, { HUAWEICLOUD_SDK_AK: "", HUAWEICLOUD_SDK_SK: "" }, { HUAWEICLOUD_SDK_PROJECT_ID: "p" }]) {
      const error = await rejectionOf(fromEnv({ env })(), CredentialsNotFoundError);
      expect(error.sources).toEqual([{ source: "environment", reason: "HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not set" }]);
      expect(error).toBeInstanceOf(ValidationError);
    }
  });

  it("refuses half a configuration, naming the missing variable and never a value", async () => {
    const cases = [
      [{ HUAWEICLOUD_SDK_AK: AK }, "HUAWEICLOUD_SDK_SK"],
      [{ HUAWEICLOUD_SDK_SK: SK }, "HUAWEICLOUD_SDK_AK"],
      [{ HUAWEICLOUD_SDK_SECURITY_TOKEN: TOKEN }, "HUAWEICLOUD_SDK_AK"],
      [{ HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: "" }, "HUAWEICLOUD_SDK_SK"],
    ] as const;
    for (const [env, missing] of cases) {
      const error = await rejectionOf(fromEnv({ env })(), ValidationError);
      expect(error).not.toBeInstanceOf(CredentialsNotFoundError);
      expect(error.field).toBe(missing);
      const shown = `${error.message} ${JSON.stringify(error)} ${String(error.stack)}`;
      for (const secret of [AK, SK, TOKEN]) expect(shown).not.toContain(secret);
    }
  });
});

describe("environmentProjectId", () => {
  it("is HUAWEICLOUD_SDK_PROJECT_ID when set and not empty", () => {
    expect(environmentProjectId({ HUAWEICLOUD_SDK_PROJECT_ID: "abc" })).toBe("abc");
    expect(environmentProjectId({ HUAWEICLOUD_SDK_PROJECT_ID: "" })).toBeUndefined();
    expect(environmentProjectId({})).toBeUndefined();
  });
});

function restore(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
