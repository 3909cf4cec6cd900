/**
 * A legal reviewer's qualification as the organisation registers it: the 法律职业资格证书编号
 * on his person, or a legal-review training registered here (the foundation records no
 * training of its own). What the review gates accept and what each opinion names.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../platform/db/schema.js';
import { legalDate, requiredText as text } from '../../platform/http/schemas.js';

export type TrainingTables = {
  legal_review_trainings: {
    id: string;
    person_id: string;
    title: string;
    organiser: string;
    completed_on: string;
    hours: number;
    created_by: string | null;
    created_at: string;
  };
};

export const trainingTables = (db: Kysely<Database>) => db.withTables<TrainingTables>();

export const trainingInput = z.strictObject({
  title: text(200).meta({ title: '培训名称' }),
  organiser: text(100).meta({ title: '组织单位' }),
  completedOn: legalDate.meta({ title: '结业日期' }),
  hours: z.number().int().min(1, '学时至少为 1').max(1000, '学时过多').meta({ title: '学时' }),
});

/** The person's name and how he is qualified to review, or null qualification when neither is registered. */
export async function qualificationOf(db: Kysely<Database>, personId: string): Promise<{ name: string; qualification: string | null }> {
  const person = await db.selectFrom('people').select(['name', 'legal_qualification_no']).where('id', '=', personId).executeTakeFirst();
  if (!person) return { name: '', qualification: null };
  if (person.legal_qualification_no) return { name: person.name, qualification: `法律职业资格证书 ${person.legal_qualification_no}` };
  const t = await trainingTables(db)
    .selectFrom('legal_review_trainings')
    .select(['title', 'organiser', 'completed_on'])
    .where('person_id', '=', personId)
    .orderBy('completed_on', 'desc')
    .executeTakeFirst();
  return { name: person.name, qualification: t ? `${t.organiser}${t.title}（${t.completed_on}结业）` : null };
}
