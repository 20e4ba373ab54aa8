import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEVELOPMENT_EXTENSION_ID } from '../../../utils/development-extension';
import { buildDir, type BuildMode } from './build';

/** Chromium writes an id's hex digits 0–f as the letters a–p. */
function asExtensionId(bytes: Buffer): string {
  return [...bytes.toString('hex').slice(0, 32)].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * Chromium's id for an unpacked extension whose manifest has no `key`: made from the absolute path of the
 * folder it was loaded from (SHA-256 of the path, like a key's). The production build loaded by the tests has
 * no key, so its id depends on where this checkout is; the backend must be told it (`extensionOrigins`).
 */
export function unpackedExtensionId(dir: string): string {
  return asExtensionId(createHash('sha256').update(existsSync(dir) ? realpathSync(dir) : resolve(dir), 'utf8').digest());
}

/** The id Chromium gives each build as the tests load it (development builds carry a fixed key). */
export function expectedExtensionId(mode: BuildMode): string {
  return mode === 'development' ? DEVELOPMENT_EXTENSION_ID : unpackedExtensionId(buildDir(mode));
}

/** The origins of both builds, for a backend the tests' browsers talk to. */
export function testExtensionOrigins(): string[] {
  return (['production', 'development'] as const).map((mode) => `chrome-extension://${expectedExtensionId(mode)}`);
}
