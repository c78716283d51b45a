import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Certificate {
  key: string;
  cert: string;
}

let made: Certificate | undefined;

/**
 * A self-signed certificate for 127.0.0.1, made once per test file with the
 * machine's openssl (Node cannot write X.509 itself; openssl comes with
 * Debian's ca-certificates, so CI has it too). Valid for one day: nothing
 * about it outlives the run.
 */
export function selfSignedCertificate(): Certificate {
  if (made) return made;
  const dir = mkdtempSync(join(tmpdir(), "hwcloud-tls-"));
  try {
    const key = join(dir, "key.pem");
    const cert = join(dir, "cert.pem");
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1"]
        .concat(["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert]),
      { stdio: "ignore" },
    );
    made = { key: readFileSync(key, "utf8"), cert: readFileSync(cert, "utf8") };
    return made;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
