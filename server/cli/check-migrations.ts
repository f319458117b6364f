import 'reflect-metadata';
import '../graphql/enums';
import { loadConfig } from '../config';
import { migrate, openDataSource } from '../db/data-source';
import { schemaDrift } from '../db/schema-drift';
import { createLogger } from '../logger';

/**
 * Applies the migrations to the configured database and fails when the entities describe a schema
 * the migrations do not produce (someone changed an entity without writing a migration).
 */
async function main() {
  const config = loadConfig();
  const ds = await openDataSource(config.database, createLogger('warn'));
  try {
    const applied = await migrate(ds);
    const drift = await schemaDrift(ds);
    console.log(JSON.stringify({ database: config.database.kind, applied, drift }));
    if (drift.length) {
      console.error('The entities and the migrations disagree; write a migration for:\n' + drift.join(';\n'));
      process.exitCode = 1;
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
