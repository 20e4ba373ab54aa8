export { openDatabase, type Database } from './open';
export { DB_VERSION, UPGRADES } from './upgrades';
export * from './schema';
export { getMeta, setMeta, putMetaIn } from './meta';
export { countDiagnostic, listDiagnostics, type DiagnosticInput } from './diagnostics';
export { applyDirectoryChangesIn, clearDirectoryIn, countAlumni, holdRecords, readAlumni, readAllAlumni, readAlumniWithShowcase, replaceDirectoryIn } from './directory';
