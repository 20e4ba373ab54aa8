/**
 * The development build's fixed identity. An unpacked extension's id is otherwise derived from the folder
 * it is loaded from, so it would differ on every machine; with this public key as the manifest's `key`,
 * every development build (`npm start`, `wxt build --mode development`) has the id below, and the backend
 * lets that origin through CORS by default. Its private half was never kept: nothing can be signed or
 * published under this id. Release builds carry no key: the store (or the enterprise CRX) gives their id.
 */
export const DEVELOPMENT_MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwHPHUBSY3RttIWBHT6VDiohbGWYeOVtG71bMewXtdwKcXmZ+MrmgEeePGqqv89KiNShwA5TlJZvwtU3xNQvzFeN5mtuHTHrkHqjNB8AMM3o7zs5V0oCH+hJQyl7NgNc7hoC3zViaWMCBX9rm95B09Z/QhFcK66+emXBF4nyuvlqlrU7Xvbw7dWew/HM0S+FFA5GFD/ZlCl34KghiZHToCHT6yTJDoDsnGSpyOWq2gZIF+AcWJJw5W9wJ0QHwrFlRsToYaWaZA4mj8hEv4AxQMiL/pSlKTyOFouK9xD9KAnEyUA8P0tHu6juDgXFU9VhumeLI4i89K2+OZ7r2kjEu0wIDAQAB';

/** Chromium's id for that key: the first 128 bits of SHA-256 of the key, as letters a–p (tested). */
export const DEVELOPMENT_EXTENSION_ID = 'kfkgdmjahjlljkpjakkdclfahdkcgbdd';

export const DEVELOPMENT_EXTENSION_ORIGIN = `chrome-extension://${DEVELOPMENT_EXTENSION_ID}`;
