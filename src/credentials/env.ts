import { CredentialsNotFoundError, ValidationError } from "../errors.ts";
import { type CredentialProvider, type Environment, processEnvironment } from "./provider.ts";

/** The variables Huawei's SDKs read, so one environment serves all of them. */
export const ENVIRONMENT_VARIABLES = Object.freeze({
  ak: "HUAWEICLOUD_SDK_AK",
  sk: "HUAWEICLOUD_SDK_SK",
  securityToken: "HUAWEICLOUD_SDK_SECURITY_TOKEN",
  projectId: "HUAWEICLOUD_SDK_PROJECT_ID",
  credentialsFile: "HUAWEICLOUD_SDK_CREDENTIALS_FILE",
});

export interface EnvironmentOptions {
  /** The variables to read; the process environment when absent. */
  env?: Environment | undefined;
}

/**
 * Credentials from HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, with the
 * optional HUAWEICLOUD_SDK_SECURITY_TOKEN and HUAWEICLOUD_SDK_PROJECT_ID.
 * Read on every call; an empty variable counts as unset, as in Huawei's SDKs.
 * Half a configuration (a key without its secret, a token without keys) is
 * an error rather than a reason to look elsewhere: falling back to the file
 * would sign with credentials the user did not mean.
 */
export function fromEnv(options: EnvironmentOptions = {}): CredentialProvider {
  return async () => {
    const env = options.env ?? processEnvironment();
    const read = (name: string) => (env[name] === "" ? undefined : env[name]);
    const ak = read(ENVIRONMENT_VARIABLES.ak);
    const sk = read(ENVIRONMENT_VARIABLES.sk);
    const securityToken = read(ENVIRONMENT_VARIABLES.securityToken);
    const projectId = read(ENVIRONMENT_VARIABLES.projectId);
    if (ak === undefined && sk === undefined) {
      if (securityToken !== undefined) throw halfSet(ENVIRONMENT_VARIABLES.ak, ENVIRONMENT_VARIABLES.securityToken);
      throw new CredentialsNotFoundError([
        { source: "environment", reason: `${ENVIRONMENT_VARIABLES.ak} and ${ENVIRONMENT_VARIABLES.sk} are not set` },
      ]);
    }
    if (ak === undefined) throw halfSet(ENVIRONMENT_VARIABLES.ak, ENVIRONMENT_VARIABLES.sk);
    if (sk === undefined) throw halfSet(ENVIRONMENT_VARIABLES.sk, ENVIRONMENT_VARIABLES.ak);
    return {
      ak,
      sk,
      ...(securityToken === undefined ? {} : { securityToken }),
      ...(projectId === undefined ? {} : { projectId }),
    };
  };
}

/** HUAWEICLOUD_SDK_PROJECT_ID, when set and not empty: the default project id, whatever the credentials' source. */
export function environmentProjectId(env: Environment = processEnvironment()): string | undefined {
  return env[ENVIRONMENT_VARIABLES.projectId] || undefined;
}

function halfSet(missing: string, present: string): ValidationError {
  return new ValidationError("credentials", [
    { field: missing, rule: "required", message: `must be set when ${present} is` },
  ]);
}
