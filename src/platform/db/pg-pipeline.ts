/**
 * Fewer round trips to PostgreSQL. On this kind of machine a round trip costs more CPU
 * than most of our statements do (a socket write and a wake-up on each side: about a
 * fifth of yifa's CPU samples in a case action were the write alone), and an action made
 * seven; it now makes three (docs/penalty-cases.md).
 * Two kinds of statement need no answer before the next one is sent:
 *
 * - BEGIN, which goes with the transaction's first statement;
 * - deferred writes (see `DEFERRED`): writes whose result the caller does not read, which
 *   go with the next statement of their transaction (at the latest COMMIT).
 *
 * And a transaction's last statement may take its COMMIT along (see `THEN_COMMIT`).
 *
 * Statements that go together are written at once in the extended protocol with one
 * Sync, and answered in one read. PostgreSQL runs them in order and at the first error
 * skips the rest, so the error of a deferred write becomes the error of the statement it
 * went with, and the transaction fails as a whole as before.
 */
import { createRequire } from 'node:module';
import pg from 'pg';

/** node-postgres's own mapping of a value to its wire text (pg/lib/utils has no types). */
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as { prepareValue(value: unknown): unknown };

/** Marks a write whose result is not read (kept in the SQL text: a comment to both engines). */
export const DEFERRED = '/* deferred */ ';
/**
 * Marks the last statement of a transaction: COMMIT goes with it, and its answer comes
 * once the transaction is committed (the caller's own COMMIT then does nothing). If it or
 * the COMMIT fails, the caller rolls back as usual.
 */
export const THEN_COMMIT = '/* then commit */ ';

interface Statement {
  text: string;
  values: readonly unknown[];
  /** Its prepared statement's name, when it has one. */
  name: string | undefined;
}

type Answer = { command: string | null; rowCount: number | null; rows: unknown[] };

/** What the caller is told for a held statement: no rows, no count (Kysely reads neither). */
const held = (command: string): Promise<Answer> => Promise.resolve({ command, rowCount: null, rows: [] });

interface PgConnection {
  parsedStatements: Record<string, string>;
  parse(msg: { text: string; name: string; types: unknown[] }): void;
  bind(msg: { portal: string; statement: string; values: unknown[] }): void;
  describe(msg: { type: 'P'; name: string }): void;
  execute(msg: { portal: string }): void;
  sync(): void;
}

/**
 * Several statements as one query on a client: each parsed (unless prepared already),
 * bound, described and executed, then one Sync. The answers arrive as one result per
 * statement (pg's Query collects a result per command); `send` picks the one asked for.
 */
class Pipeline extends (pg.Query as unknown as new (config: object) => { submit(connection: unknown): Error | null }) {
  constructor(
    private readonly statements: Statement[],
    callback: Callback,
  ) {
    super({ text: statements.at(-1)!.text, callback });
  }

  requiresPreparation(): boolean {
    return true;
  }

  prepare(connection: PgConnection): void {
    for (const s of this.statements) {
      if (!s.name) connection.parse({ text: s.text, name: '', types: [] });
      // Values were mapped before anything was written (see send), so binding cannot throw here.
      connection.bind({ portal: '', statement: s.name ?? '', values: s.values as unknown[] });
      connection.describe({ type: 'P', name: '' });
      connection.execute({ portal: '' });
    }
    connection.sync();
  }
}

type Callback = (err: Error | null, res?: Answer | Answer[]) => void;

/** One named statement (pg's Query, given its text as a string so that nothing is copied). */
class NamedQuery extends (pg.Query as unknown as new (text: string, values: unknown[], callback: Callback) => { name?: string }) {
  constructor(s: Statement, callback: Callback) {
    super(s.text, s.values as unknown[], callback);
    this.name = s.name;
  }
}

type Query = (text: unknown, values?: unknown, ...rest: unknown[]) => unknown;

/**
 * Makes `client` hold BEGIN and deferred writes and send them with the statement after
 * them. `nameOf` names parameterised statements (see StatementNames). Anything but a
 * plain text query (a cursor, COPY) passes through, and may not come while statements
 * are held.
 */
export function pipelineClient(client: pg.PoolClient, nameOf: (text: string) => string | undefined): void {
  const query = client.query.bind(client) as Query;
  const connection = (client as unknown as { connection: PgConnection }).connection;
  let holding: Statement[] = [];
  /** A BEGIN was held or sent, and neither COMMIT nor ROLLBACK yet. */
  let inTransaction = false;
  /** The transaction's last statement took COMMIT along: the caller's COMMIT is done. */
  let committed = false;

  const one = (s: Statement): Promise<Answer> => {
    if (!s.name) return query(s.text, s.values) as Promise<Answer>;
    // A named statement as a Query made here: pg copies a config object property by
    // property on every call, which cost more than the rest of sending it.
    return new Promise<Answer>((resolve, reject) => {
      query(new NamedQuery(s, (err, res) => (err ? reject(err) : resolve(res as Answer))));
    });
  };

  /** Sends the statements together; the answer is the one at `answer` (default: the last). */
  const send = async (statements: Statement[], answer = statements.length - 1): Promise<Answer> => {
    if (statements.length === 1) return one(statements[0]!);
    // A statement not yet prepared on this connection goes alone once (and is then
    // prepared), so a pipeline never leaves a name half-prepared after an error.
    if (statements.some((s) => s.name && connection.parsedStatements[s.name] !== s.text)) {
      const answers: Answer[] = [];
      for (const s of statements) answers.push(await one(s));
      return answers[answer]!;
    }
    const mapped = statements.map((s) => ({ ...s, values: s.values.map((v) => prepareValue(v)) }));
    return new Promise<Answer>((resolve, reject) => {
      query(
        new Pipeline(mapped, (err, res) => {
          if (err) return reject(err);
          const answers = Array.isArray(res) ? res : [res!];
          resolve(answers[answer - (statements.length - answers.length)]!);
        }),
      );
    });
  };

  client.query = ((text: unknown, values?: unknown, ...rest: unknown[]) => {
    if (typeof text !== 'string' || rest.length > 0 || (values !== undefined && !Array.isArray(values))) {
      if (holding.length > 0) throw new Error('pipeline: a statement other than a text query came while statements were held');
      return query(text, values, ...rest);
    }
    const params = (values ?? []) as unknown[];
    const statement: Statement = { text, values: params, name: params.length > 0 ? nameOf(text) : undefined };
    switch (text) {
      case 'begin':
        inTransaction = true;
        holding.push(statement);
        return held('BEGIN');
      case 'rollback': {
        inTransaction = false;
        committed = false;
        // Held statements never reached the server; if BEGIN is among them, neither did the transaction.
        const begun = !holding.some((s) => s.text === 'begin');
        holding = [];
        return begun ? one(statement) : held('ROLLBACK');
      }
      case 'commit':
        if (committed) {
          committed = false;
          return held('COMMIT'); // it went with the transaction's last statement
        }
        inTransaction = false;
        if (holding.length === 1 && holding[0]!.text === 'begin') {
          holding = [];
          return held('COMMIT'); // nothing was done in it
        }
    }
    if (inTransaction && text.startsWith(DEFERRED)) {
      holding.push(statement);
      return held('DEFERRED');
    }
    const statements = [...holding, statement];
    holding = [];
    if (inTransaction && text.startsWith(THEN_COMMIT)) {
      inTransaction = false;
      committed = true;
      return send([...statements, { text: 'commit', values: [], name: undefined }], statements.length - 1).catch((e: unknown) => {
        committed = false; // the caller rolls back
        throw e;
      });
    }
    return send(statements);
  }) as typeof client.query;
}
