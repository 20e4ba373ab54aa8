// @vitest-environment node
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { DEVELOPMENT_EXTENSION_ID, DEVELOPMENT_MANIFEST_KEY } from '../../utils/development-extension';

it("the development build's id is the one Chromium derives from its manifest key", () => {
  // Chromium: SHA-256 of the DER public key, first 16 bytes in hex, digits 0–f written as letters a–p.
  const hex = createHash('sha256').update(Buffer.from(DEVELOPMENT_MANIFEST_KEY, 'base64')).digest('hex').slice(0, 32);
  expect([...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('')).toBe(DEVELOPMENT_EXTENSION_ID);
});
