import pg from 'pg';
import type { Database, Queryable } from './database';

// Change numbers are bigint; they stay far below 2^53, so numbers are safe and match PGlite's rows.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as Row[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

function pooled(pool: pg.Pool, background: () => Database, close: () => Promise<void>): Database {
  return {
    kind: 'postgres',
    ...wrap(pool),
    get background() {
      return background();
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close,
  };
}

/**
 * A real PostgreSQL through a connection pool; transactions run on one pooled client. Bulk work (`background`) has
 * a pool of its own: 20 clients paging through the directory used to hold all ten connections while an
 * introduction waited for one.
 */
export async function openPostgres(databaseUrl: string): Promise<Database> {
  const pools = [new pg.Pool({ connectionString: databaseUrl, max: 10 }), new pg.Pool({ connectionString: databaseUrl, max: 4 })];
  // A dropped idle connection must not take the server down.
  for (const pool of pools) pool.on('error', (error) => console.error('PostgreSQL pool error:', error.message));
  await pools[0].query('SELECT 1');
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= Promise.all(pools.map((pool) => pool.end())).then(() => undefined));
  const bulk: Database = pooled(pools[1], () => bulk, close);
  return pooled(pools[0], () => bulk, close);
}
