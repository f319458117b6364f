import path from 'node:path';

/** Which database the hub talks to. `sqlite` is the embedded default; `mariadb` covers MariaDB and MySQL 8. */
export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'mariadb'; url: string };

export interface HubConfig {
  host: string;
  port: number;
  database: DatabaseConfig;
  /** Redis for pub/sub across several hub processes; absent means in-process pub/sub. */
  redisUrl?: string;
  /** Load the demo county into an empty database on start. */
  demo: boolean;
  /** Session token lifetime. */
  sessionTtlSeconds: number;
  /** Largest upload accepted by the import endpoint. */
  maxUploadBytes: number;
  /** Limits applied to every GraphQL operation, over HTTP and WebSocket alike. */
  maxQueryDepth: number;
  maxQueryCost: number;
  /** Folder for uploads while they are imported. */
  workDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Adds `extensions.sqlStatements` to GraphQL responses (used by tests to prove batching). */
  reportStatementCounts: boolean;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/** Reads the environment into a typed config. With nothing set: embedded SQLite file, in-memory pub/sub, demo data. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const dataDir = env.DATA_DIR || path.resolve(process.cwd(), 'data');
  const databaseUrl = env.DATABASE_URL;
  let database: DatabaseConfig;
  if (!databaseUrl) database = { kind: 'sqlite', file: path.join(dataDir, 'hub.sqlite') };
  else if (databaseUrl.startsWith('sqlite:')) database = { kind: 'sqlite', file: databaseUrl.slice('sqlite:'.length) };
  else if (/^(mysql|mariadb):\/\//.test(databaseUrl)) database = { kind: 'mariadb', url: databaseUrl.replace(/^mariadb:/, 'mysql:') };
  else throw new Error('DATABASE_URL must start with mysql://, mariadb:// or sqlite:');
  const logLevel = (env.LOG_LEVEL || 'info') as HubConfig['logLevel'];
  return {
    host: env.HOST || '127.0.0.1',
    port: intFromEnv(env, 'PORT', 4000),
    database,
    redisUrl: env.REDIS_URL || undefined,
    demo: env.DEMO ? env.DEMO !== '0' && env.DEMO !== 'false' : !databaseUrl,
    sessionTtlSeconds: intFromEnv(env, 'SESSION_TTL_SECONDS', 12 * 3600),
    maxUploadBytes: intFromEnv(env, 'MAX_UPLOAD_BYTES', 100 * 1024 * 1024),
    maxQueryDepth: intFromEnv(env, 'MAX_QUERY_DEPTH', 10),
    maxQueryCost: intFromEnv(env, 'MAX_QUERY_COST', 20000),
    workDir: env.WORK_DIR || path.join(dataDir, 'work'),
    logLevel,
    reportStatementCounts: env.REPORT_SQL_STATEMENTS === '1',
  };
}

/** A database URL with its password replaced, safe to print. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]*)@/, '//$1:***@');
}
