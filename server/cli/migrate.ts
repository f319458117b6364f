import 'reflect-metadata';
import '../graphql/enums';
import { loadConfig, redactUrl } from '../config';
import { migrate, openDataSource } from '../db/data-source';
import { createLogger } from '../logger';

/** `npm run migrate`: applies pending migrations to the configured database (the hub also does this on start). */
async function main() {
  const config = loadConfig();
  const ds = await openDataSource(config.database, createLogger('warn'));
  try {
    const applied = await migrate(ds);
    const where = config.database.kind === 'sqlite' ? config.database.file : redactUrl(config.database.url);
    console.log(applied.length ? `applied to ${where}: ${applied.join(', ')}` : `${where} is up to date`);
  } finally {
    await ds.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
