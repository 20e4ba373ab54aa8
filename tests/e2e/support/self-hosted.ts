import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath } from './paths';

/**
 * The Chromium extension id a signing key gives: the first 128 bits of the SHA-256 of the public key (DER),
 * written with the letters a–p for the hex digits 0–f.
 */
export function extensionIdOf(keyPem: string): string {
  const der = execFileSync('openssl', ['pkey', '-in', keyPem, '-pubout', '-outform', 'DER']);
  return [...createHash('sha256').update(der).digest('hex').slice(0, 32)].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}

/** Packs an unpacked build into a CRX signed with a new throwaway key, as docs/deploy.md says (chromium --pack-extension). */
export function packCrx(buildDir: string, workDir: string): { crx: string; id: string } {
  const copy = join(workDir, 'alumni-lens');
  cpSync(buildDir, copy, { recursive: true });
  const key = join(workDir, 'alumni-lens.pem');
  execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', key]);
  execFileSync(chromiumPath, ['--no-sandbox', `--pack-extension=${copy}`, `--pack-extension-key=${key}`], { stdio: 'ignore' });
  return { crx: `${copy}.crx`, id: extensionIdOf(key) };
}

/** The update manifest (gupdate XML) Chromium reads to find the CRX of an id and its version. */
export function updateManifest(id: string, crxUrl: string, version: string): string {
  return `<?xml version='1.0' encoding='UTF-8'?>
<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>
  <app appid='${id}'>
    <updatecheck codebase='${crxUrl}' version='${version}' />
  </app>
</gupdate>
`;
}

/**
 * A Chromium that reads `policy` as machine policy, and no other browser on the machine does: Debian's
 * Chromium reads /etc/chromium/policies/managed/*.json, so a wrapper starts it in a mount namespace of its
 * own where a private folder is bind-mounted over /etc/chromium. Needs root (unshare -m), as on CI.
 */
export function chromiumWithPolicy(workDir: string, policy: object): string {
  const etc = join(workDir, 'etc-chromium');
  mkdirSync(join(etc, 'policies', 'managed'), { recursive: true });
  try {
    copyFileSync('/etc/chromium/master_preferences', join(etc, 'master_preferences'));
  } catch {
    // Not every Chromium package ships one.
  }
  writeFileSync(join(etc, 'policies', 'managed', 'alumni-lens.json'), JSON.stringify(policy, null, 2));
  const wrapper = join(workDir, 'chromium-with-policy');
  writeFileSync(
    wrapper,
    `#!/bin/sh\nexec unshare --mount --propagation private sh -c 'etc="$0"; bin="$1"; shift; mount --bind "$etc" /etc/chromium && exec "$bin" "$@"' "${etc}" "${chromiumPath}" "$@"\n`,
  );
  chmodSync(wrapper, 0o755);
  return wrapper;
}

/** Whether this machine lets the test give Chromium a private /etc/chromium (root, mount namespaces). */
export function canIsolatePolicy(): boolean {
  try {
    execFileSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', 'mount --bind /tmp /tmp'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
