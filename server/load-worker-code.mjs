// Imports, inside a worker thread, the code server/worker-code.ts prepared for it: the bundle, or (where no bundle
// could be written) the TypeScript through tsx.
export async function loadWorkerCode({ url, through }) {
  if (through === 'bundle') return import(url);
  const { tsImport } = await import('tsx/esm/api');
  return tsImport(url, import.meta.url);
}
