import { isIP } from 'node:net';
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
  /** Leading zero bits of the proof of work a portal filing carries (0: none asked). */
  portalProofBits: number;
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
  /**
   * Which peers may tell the client's address and protocol in X-Forwarded-For/-Proto
   * (Fastify's trustProxy): false (none), a number of proxy hops, or proxy addresses/CIDRs.
   */
  trustProxy: false | number | string[];
  /**
   * YIFA_CLOCK: the instant a training or demo installation's clock starts at (an ISO date,
   * read as 09:00 China time, or date and time with its offset); unset: real time.
   */
  trainingClock: Date | undefined;
  /**
   * YIFA_PUBLIC_URL: the portal's address as the public reaches it (https://yifa.example.gov.cn),
   * which documents' and 执法证 QR codes point to; unset → http://localhost:<port>.
   */
  publicUrl?: string;
  /** YIFA_TRAINING=1: this is a training installation (a training clock is allowed without --demo). */
  training: boolean;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`环境变量 ${name} 必须是非负整数，实际为 "${raw}"`);
  return n;
}

/** proxy-addr's names for address ranges, accepted in YIFA_TRUST_PROXY besides addresses and CIDRs. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyEntry(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry) || isIP(entry)) return true;
  const [address, bits, extra] = entry.split('/');
  if (extra !== undefined || !address || !bits || !/^\d{1,3}$/.test(bits)) return false;
  const family = isIP(address);
  return family !== 0 && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * YIFA_TRUST_PROXY: unset, empty or 0 trusts no one (X-Forwarded-* are ignored); a whole
 * number N trusts the N nearest hops; otherwise a comma list of proxy addresses, CIDRs
 * or range names. "true" (trust every hop) is refused: any client could then choose its
 * own address and escape per-address throttling.
 */
function trustProxyFrom(env: NodeJS.ProcessEnv): false | number | string[] {
  const raw = (env.YIFA_TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === '0') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  const entries = raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.find((e) => !isProxyEntry(e));
  if (bad !== undefined || entries.length === 0) {
    throw new Error(
      `环境变量 YIFA_TRUST_PROXY 须为代理的跳数（如 1）或以逗号分隔的代理地址/网段（如 127.0.0.1,10.0.0.0/8，或 loopback），实际为 "${raw}"`,
    );
  }
  return entries;
}

/** YIFA_CLOCK as an instant: a date (09:00 China time) or an ISO date and time with its offset. */
function trainingClockFrom(env: NodeJS.ProcessEnv): Date | undefined {
  const raw = (env.YIFA_CLOCK ?? '').trim();
  if (!raw) return undefined;
  const text = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T09:00:00+08:00` : raw;
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text) ? new Date(text) : null;
  if (!at || Number.isNaN(at.getTime()))
    throw new Error(`环境变量 YIFA_CLOCK 须为日期（如 2026-03-01）或带时区的日期时间（如 2026-03-01T09:00:00+08:00），实际为 "${raw}"`);
  return at;
}

function publicUrlFrom(env: NodeJS.ProcessEnv): string | undefined {
  const raw = (env.YIFA_PUBLIC_URL ?? '').trim().replace(/\/+$/, '');
  if (!raw) return undefined;
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(raw))
    throw new Error(`环境变量 YIFA_PUBLIC_URL 须为门户的网址（如 https://yifa.example.gov.cn），实际为 "${raw}"`);
  return raw;
}

/** Where the public's QR codes point: the portal's address. */
export function publicUrlOf(config: Pick<Config, 'publicUrl' | 'port'>): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
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
    portalProofBits: intFrom(env, 'YIFA_PORTAL_PROOF_BITS', 16),
    uploadMaxBytes: intFrom(env, 'YIFA_UPLOAD_MAX_BYTES', 8 * 1024 ** 3),
    evidenceVerifyHours: intFrom(env, 'YIFA_EVIDENCE_VERIFY_HOURS', 24),
    signingKeyFile: env.YIFA_SIGNING_KEY_FILE ? resolve(env.YIFA_SIGNING_KEY_FILE) : undefined,
    trustedWitnessesFile: env.YIFA_TRUSTED_WITNESSES ? resolve(env.YIFA_TRUSTED_WITNESSES) : undefined,
    projectionVerifyHours: intFrom(env, 'YIFA_PROJECTION_VERIFY_HOURS', 24),
    trustProxy: trustProxyFrom(env),
    trainingClock: trainingClockFrom(env),
    training: env.YIFA_TRAINING === '1',
    publicUrl: publicUrlFrom(env),
  };
}
