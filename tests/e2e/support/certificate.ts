import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Certificate {
  key: string;
  cert: string;
}

/**
 * A throwaway self-signed certificate for the host names the fixture server impersonates, so pages load
 * over https like the real sites (Chromium is launched with acceptInsecureCerts). An EC key: generating an RSA one
 * took 0.2–1.4 s of every story's start.
 */
export function selfSignedCertificate(hosts: string[]): Certificate {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-cert-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    const san = (hosts.length ? hosts : ['localhost']).map((host) => `DNS:${host}`).join(',');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '2',
        '-subj', '/CN=alumni-lens-e2e', '-addext', `subjectAltName=${san}`],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
