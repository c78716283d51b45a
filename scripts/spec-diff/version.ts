/** Whether `info.version` was raised as semver asks of a release that may break callers. */
import semver from "semver";

export interface VersionCheck {
  before: string;
  after: string;
  /** The bump a breaking change needs: major, or minor while the major version is 0. */
  needed: "major" | "minor";
  /** `after` is at least that bump above `before`. */
  raised: boolean;
}

export function checkVersion(before: string, after: string): VersionCheck {
  const old = semver.parse(before);
  const next = semver.parse(after);
  const needed = old?.major === 0 ? "minor" : "major";
  if (!old || !next) return { before, after, needed, raised: false };
  const raised =
    needed === "major"
      ? next.major > old.major
      : next.major > old.major || (next.major === old.major && next.minor > old.minor);
  return { before, after, needed, raised };
}
