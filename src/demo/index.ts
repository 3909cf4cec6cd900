/** The demo dataset `npm start` shows: the town (org, people, certificates, logins) and a year of its cases. */
import type { Yifa } from '../platform/yifa.js';
import { seedDemoTown } from './town.js';
import { seedDemoCases } from './penalty-cases.js';
import { seedDemoInformationRequests } from '../modules/information-requests/demo.js';

export { DEMO_LOGINS } from './town.js';

/** Seeds an empty database; returns the demo password, or undefined when the database already had data. */
export async function seedDemo(yifa: Yifa, opts: { password?: string | undefined }): Promise<{ password: string; cases: number } | undefined> {
  const town = await seedDemoTown(yifa, opts);
  if (!town) return undefined;
  const cases = await seedDemoCases(yifa);
  await seedDemoInformationRequests(yifa);
  await yifa.journal.checkpoint();
  return { password: town.password, cases };
}
