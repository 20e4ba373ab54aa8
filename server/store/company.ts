import type { Me } from '../../utils/api';
import type { Queryable } from '../db/database';

export type Company = Me['company'];

export async function getCompany(db: Queryable): Promise<Company | undefined> {
  const rows = await db.query<Company>('SELECT name, aliases, domains FROM company');
  return rows[0];
}

export async function setCompany(db: Queryable, company: Company): Promise<void> {
  await db.query(
    `INSERT INTO company (name, aliases, domains) VALUES ($1, $2::jsonb, $3::jsonb)
     ON CONFLICT (singleton) DO UPDATE SET name = EXCLUDED.name, aliases = EXCLUDED.aliases, domains = EXCLUDED.domains`,
    [company.name, JSON.stringify(company.aliases), JSON.stringify(company.domains)],
  );
}
