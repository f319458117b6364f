import { DataSource } from 'typeorm';

/** The SQL TypeORM would run to make the database match the entities; empty when migrations and entities agree. */
export async function schemaDrift(ds: DataSource): Promise<string[]> {
  const sql = await ds.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}
