/**
 * What a witness remembers (migration 012), and the records it hands out: the pinned keys
 * of the logs it watches, the checkpoints it cosigned, the alerts it raised; and, as a
 * witnessed log, the cosignatures trusted witnesses pushed for its own checkpoints.
 */
import type { Db } from '../platform/db/database.js';
import type { Database, WitnessCosignatureTable, WitnessPinTable } from '../platform/db/schema.js';

type Kysely = Db['kysely'];

/** The pin now in force for a URL and for an origin: the latest of each (a re-pin is a later row). */
export async function currentPins(
  k: Kysely,
  url: string,
  origin: string,
): Promise<{ byUrl: WitnessPinTable | undefined; byOrigin: WitnessPinTable | undefined }> {
  const latest = (col: 'url' | 'origin', value: string) =>
    k
      .selectFrom('witness_pins')
      .selectAll()
      .where(col, '=', value)
      .orderBy('pinned_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  const [byUrl, byOrigin] = await Promise.all([latest('url', url), latest('origin', origin)]);
  return { byUrl, byOrigin };
}

/** The largest checkpoint of `origin` this witness cosigned: the tree every later one must extend. */
export async function latestCosigned(k: Kysely, origin: string): Promise<WitnessCosignatureTable | undefined> {
  const row = await k
    .selectFrom('witness_cosignatures')
    .selectAll()
    .where('origin', '=', origin)
    .orderBy('size', 'desc')
    .orderBy('cosign_time', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? numeric(row) : undefined;
}

function numeric<T extends { size: number; cosign_time: number }>(row: T): T {
  return { ...row, size: Number(row.size), cosign_time: Number(row.cosign_time) };
}

/**
 * The form in which a witness hands out what it cosigned (GET /journal/witnessed, and
 * the start of `yifa journal witness` output); `verify --checkpoint` reads it. Public:
 * only what the two signatures cover, not where the log is served or how the push went.
 */
export const WITNESSED_FORMAT = 'yifa-witnessed-checkpoint-v1';

export interface WitnessIdentity {
  name: string;
  keyId: string;
  publicKeyPem: string;
}

export function witnessedRecord(row: WitnessCosignatureTable, witness: WitnessIdentity) {
  return {
    format: WITNESSED_FORMAT,
    witnessedAt: row.cosigned_at,
    checkpoint: {
      origin: row.origin,
      size: Number(row.size),
      rootHash: row.root_hash,
      timestamp: row.timestamp,
      body: row.body,
      signature: row.signature,
      keyId: row.key_id,
    },
    cosignature: { witness, time: Number(row.cosign_time), signature: row.cosignature },
  };
}

/** What the witness itself reports of a run: the record, where it looked, and the witnessed server's answer to the push. */
export type WitnessedRecord = ReturnType<typeof witnessedRecord> & {
  url: string;
  pushed: WitnessCosignatureTable['pushed'];
  pushMessage: string;
};

/** What the console shows: who witnessed this journal, and how the logs this installation witnesses stand. */
export async function witnessOverview(k: Kysely) {
  const [witnessedBy, witnessing, alerts] = await Promise.all([latestPerWitness(k), witnessedLogs(k), recentAlerts(k, 20)]);
  return { witnessedBy, witnessing, alerts };
}

async function latestPerWitness(k: Kysely) {
  const keys = await k.selectFrom('journal_cosignatures').select('witness_key_id').distinct().execute();
  const rows = await Promise.all(
    keys.map(({ witness_key_id }) =>
      k
        .selectFrom('journal_cosignatures')
        .selectAll()
        .where('witness_key_id', '=', witness_key_id)
        .orderBy('size', 'desc')
        .orderBy('cosign_time', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow(),
    ),
  );
  return rows
    .map((r) => ({
      witnessName: r.witness_name,
      witnessKeyId: r.witness_key_id,
      size: Number(r.size),
      rootHash: r.root_hash,
      cosignedAt: new Date(Number(r.cosign_time) * 1000).toISOString(),
      receivedAt: r.received_at,
    }))
    .sort((a, b) => b.size - a.size || (a.cosignedAt < b.cosignedAt ? 1 : -1));
}

async function witnessedLogs(k: Kysely) {
  const origins = await k.selectFrom('witness_pins').select('origin').distinct().orderBy('origin').execute();
  return Promise.all(origins.map(({ origin }) => logStatus(k, origin)));
}

async function logStatus(k: Kysely, origin: string) {
  const [pin, latest, alert] = await Promise.all([
    k
      .selectFrom('witness_pins')
      .selectAll()
      .where('origin', '=', origin)
      .orderBy('pinned_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow(),
    latestChecked(k, origin),
    k.selectFrom('witness_alerts').selectAll().where('origin', '=', origin).orderBy('detected_at', 'desc').limit(1).executeTakeFirst(),
  ]);
  // An alert stands until a later check finds the log consistent again.
  const alerting = alert !== undefined && (!latest || alert.detected_at > latest.cosigned_at);
  return {
    origin,
    url: pin.url,
    keyId: pin.key_id,
    pinnedAt: pin.pinned_at,
    status: alerting ? ('alert' as const) : ('ok' as const),
    latest: latest
      ? {
          size: Number(latest.size),
          rootHash: latest.root_hash,
          timestamp: latest.timestamp,
          cosignedAt: latest.cosigned_at,
          pushed: latest.pushed,
          pushMessage: latest.push_message,
        }
      : null,
    lastAlert: alert ? alertView(alert) : null,
  };
}

/** The last check that found the log consistent (by time: it says when the witness last saw it whole). */
function latestChecked(k: Kysely, origin: string) {
  return k
    .selectFrom('witness_cosignatures')
    .selectAll()
    .where('origin', '=', origin)
    .orderBy('cosigned_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

async function recentAlerts(k: Kysely, limit: number) {
  const rows = await k.selectFrom('witness_alerts').selectAll().orderBy('detected_at', 'desc').limit(limit).execute();
  return rows.map(alertView);
}

function alertView(a: Database['witness_alerts']) {
  return { id: a.id, origin: a.origin, url: a.url, kind: a.kind, message: a.message, detectedAt: a.detected_at };
}
