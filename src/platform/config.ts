import { resolve } from 'node:path';

/**
 * Settings come from environment variables, the same for the server and the CLI.
 * Every one is documented in README.md ("Settings").
 */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** undefined → embedded SQLite at `${dataDir}/yifa.sqlite` */
  databaseUrl: string | undefined;
  /** Password for the demo logins; undefined → generated and printed at start. */
  demoPassword: string | undefined;
  /** Name of this journal in signed checkpoints (C2SP "origin"). */
  journalOrigin: string;
  /** Seconds between automatic journal checkpoints when actions were appended. */
  checkpointIntervalSeconds: number;
  logLevel: string;
  /** Session lifetime in minutes (idle). */
  sessionMinutes: number;
  /** Requests per minute per address on public endpoints. */
  publicRateLimit: number;
  /** Largest evidence file accepted, in bytes. */
  uploadMaxBytes: number;
  /** Hours between the server's re-hashing of every evidence file (0: only `yifa evidence verify`). */
  evidenceVerifyHours: number;
  /**
   * The journal signing key outside the data directory (absolute path); undefined → the
   * key is `${dataDir}/journal-signing-key.pem`, created on first start.
   */
  signingKeyFile: string | undefined;
  /** A file of PEM public keys of the witnesses whose cosignatures this server accepts; undefined → none. */
  trustedWitnessesFile: string | undefined;
  /** Hours between the server's replay of every record against its projection row (0: only `yifa journal verify`). */
  projectionVerifyHours: number;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`环境变量 ${name} 必须是非负整数，实际为 "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.YIFA_DATA_DIR || './data');
  return {
    port: intFrom(env, 'PORT', 8080),
    host: env.HOST || '127.0.0.1',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    demoPassword: env.YIFA_DEMO_PASSWORD || undefined,
    journalOrigin: env.YIFA_JOURNAL_ORIGIN || 'yifa.local/journal',
    checkpointIntervalSeconds: intFrom(env, 'YIFA_CHECKPOINT_SECONDS', 10),
    logLevel: env.LOG_LEVEL || 'info',
    sessionMinutes: intFrom(env, 'YIFA_SESSION_MINUTES', 120),
    publicRateLimit: intFrom(env, 'YIFA_PUBLIC_RATE_LIMIT', 600),
    uploadMaxBytes: intFrom(env, 'YIFA_UPLOAD_MAX_BYTES', 8 * 1024 ** 3),
    evidenceVerifyHours: intFrom(env, 'YIFA_EVIDENCE_VERIFY_HOURS', 24),
    signingKeyFile: env.YIFA_SIGNING_KEY_FILE ? resolve(env.YIFA_SIGNING_KEY_FILE) : undefined,
    trustedWitnessesFile: env.YIFA_TRUSTED_WITNESSES ? resolve(env.YIFA_TRUSTED_WITNESSES) : undefined,
    projectionVerifyHours: intFrom(env, 'YIFA_PROJECTION_VERIFY_HOURS', 24),
  };
}
