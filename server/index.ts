import { createApp } from './app';
import { loadConfig, redactUrl } from './config';
import { createLogger } from './logger';
import { DEMO_LOGINS } from './demo/demo-logins';

/** Starts the hub; SIGTERM and SIGINT drain requests and subscriptions before exiting. */
async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const app = await createApp(config, { log });
  const database = config.database.kind === 'sqlite' ? `SQLite ${config.database.file}` : `MariaDB/MySQL ${redactUrl(config.database.url)}`;
  const webUrl = app.url.replace(/\/graphql$/, '/');
  const lines = [``, `  双随机、一公开 hub is running`, `  Web app:  ${webUrl}`, `  GraphQL:  ${app.url}  (WebSocket on the same URL)`, `  Database: ${database}`];
  if (config.demo) lines.push(`  Demo logins (password for all: ${DEMO_LOGINS.password}):`, ...DEMO_LOGINS.users.map((u) => `    ${u.username.padEnd(20)} ${u.description}`));
  process.stdout.write(lines.join('\n') + '\n\n');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    app.close().then(() => process.exit(0), (error) => { log.error('shutdown failed', { error }); process.exit(1); });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
