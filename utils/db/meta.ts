import type { IDBPTransaction } from 'idb';
import type { Database } from './open';
import { type AlumniLensDB, type MetaKey, type MetaValue, metaSchemas } from './schema';

type MetaWriter = Pick<IDBPTransaction<AlumniLensDB, ['meta', ...any[]], 'readwrite'>, 'objectStore'>;

/** Reads one meta value, parsed; a value this version cannot read counts as absent. */
export async function getMeta<K extends MetaKey>(db: Database, key: K): Promise<MetaValue<K> | undefined> {
  const raw = await db.get('meta', key);
  if (raw === undefined) return undefined;
  const parsed = metaSchemas[key].safeParse(raw);
  return parsed.success ? (parsed.data as MetaValue<K>) : undefined;
}

export async function setMeta<K extends MetaKey>(db: Database, key: K, value: MetaValue<K>): Promise<void> {
  await db.put('meta', metaSchemas[key].parse(value), key);
}

/** The same, inside a transaction that also writes other stores (one atomic commit). */
export function putMetaIn<K extends MetaKey>(tx: MetaWriter, key: K, value: MetaValue<K>): Promise<unknown> {
  return tx.objectStore('meta').put(metaSchemas[key].parse(value), key);
}
