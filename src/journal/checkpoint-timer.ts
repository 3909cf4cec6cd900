import type { Journal } from './journal.js';

/** Signs a checkpoint every `seconds` when the journal grew; returns a stop function. */
export function startCheckpointTimer(journal: Journal, seconds: number, log: { warn: (o: object, m: string) => void }): () => void {
  if (seconds <= 0) return () => {};
  const timer = setInterval(() => {
    journal.checkpoint().catch((err: unknown) => log.warn({ err }, 'journal checkpoint failed'));
  }, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
