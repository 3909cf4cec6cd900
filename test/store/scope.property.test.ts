/**
 * Property: for random region trees, users, data scopes and person records, nobody
 * ever reads or changes a record outside their scope, and everybody can read what is
 * inside it. The model of "inside" is computed independently, by walking parent
 * links, not by the materialized paths the implementation uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { getPerson, listPeople, updatePerson } from '../../src/modules/org/service/people.js';
import type { Role } from '../../src/platform/security/access.js';
import { ACCESS } from '../../src/app/root.js';
import type { AuthContext, Request } from '../../src/platform/security/request.js';
import type { DataScope } from '../../src/platform/db/schema.js';

interface World {
  regions: { id: string; parent: string | null; path: string }[];
  users: { id: string; region: number; scope: DataScope; personIdx: number | null }[];
  people: { id: string; region: number; creator: number | null }[];
}

const worldArb = fc
  .record({
    towns: fc.integer({ min: 1, max: 3 }),
    villagesPerTown: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
  })
  .chain(({ towns, villagesPerTown }) => {
    const regionCount = 1 + towns + villagesPerTown.slice(0, towns).reduce((a, b) => a + b, 0);
    return fc.record({
      towns: fc.constant(towns),
      villagesPerTown: fc.constant(villagesPerTown),
      users: fc.array(
        fc.record({
          region: fc.nat(regionCount - 1),
          scope: fc.constantFrom<DataScope>('all', 'subtree', 'level', 'self'),
          personIdx: fc.option(fc.nat(11), { nil: null }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      people: fc.array(fc.record({ region: fc.nat(regionCount - 1), creator: fc.option(fc.nat(3), { nil: null }) }), {
        minLength: 1,
        maxLength: 12,
      }),
    });
  });

function buildRegions(towns: number, villagesPerTown: number[]) {
  const county = randomUUID();
  const regions: World['regions'] = [{ id: county, parent: null, path: `/${county}/` }];
  for (let t = 0; t < towns; t++) {
    const town = randomUUID();
    regions.push({ id: town, parent: county, path: `/${county}/${town}/` });
    for (let v = 0; v < (villagesPerTown[t] ?? 0); v++) {
      const village = randomUUID();
      regions.push({ id: village, parent: town, path: `/${county}/${town}/${village}/` });
    }
  }
  return regions;
}

/** Independent model: is `target` the region `anchor` or below it, by parent links? */
function isAtOrBelow(regions: World['regions'], target: string, anchor: string): boolean {
  for (let r: string | null = target; r; r = regions.find((x) => x.id === r)?.parent ?? null) if (r === anchor) return true;
  return false;
}

function modelAllows(w: World, user: World['users'][number], person: World['people'][number]): boolean {
  const userRegion = w.regions[user.region]!.id;
  const personRegion = w.regions[person.region]!.id;
  switch (user.scope) {
    case 'all':
      return true;
    case 'subtree':
      return isAtOrBelow(w.regions, personRegion, userRegion);
    case 'level':
      return personRegion === userRegion;
    case 'self':
      return (
        (person.creator !== null && w.users[person.creator]?.id === user.id) ||
        (user.personIdx !== null && w.people[user.personIdx]?.id === person.id)
      );
  }
}

describe.each(ENGINES)('data scopes fail closed on %s (property)', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine, { demo: false });
  });
  afterAll(async () => t.close());

  it('nobody reads or changes a person record outside their scope; everybody reads what is inside', async () => {
    const k = t.yifa.db.kysely;
    await fc.assert(
      fc.asyncProperty(worldArb, async (gen) => {
        const regions = buildRegions(gen.towns, gen.villagesPerTown);
        const now = new Date().toISOString();
        await k
          .insertInto('regions')
          .values(
            regions.map((r, i) => ({
              id: r.id,
              parent_id: r.parent,
              level: i === 0 ? 'county' : r.path.split('/').length === 4 ? 'town' : 'village',
              name: `区划${i}-${r.id.slice(0, 6)}`,
              code: null,
              path: r.path,
              created_at: now,
            })),
          )
          .execute();
        const agencyId = randomUUID();
        await k
          .insertInto('agencies')
          .values({
            id: agencyId,
            region_id: regions[0]!.id,
            name: `机关-${agencyId}`,
            kind: 'statutory',
            legal_basis: '-',
            powers: '[]',
            doc_prefix: 'X',
            created_at: now,
          })
          .execute();
        const w: World = {
          regions,
          users: gen.users.map((u) => ({ ...u, id: randomUUID() })),
          people: gen.people.map((p) => ({
            ...p,
            id: randomUUID(),
            creator: p.creator !== null && p.creator < gen.users.length ? p.creator : null,
          })),
        };
        await k
          .insertInto('people')
          .values(
            w.people.map((p) => ({
              id: p.id,
              name: `人员-${p.id.slice(0, 8)}`,
              agency_id: agencyId,
              office_id: null,
              region_id: regions[p.region]!.id,
              region_path: regions[p.region]!.path,
              post: '-',
              id_number: null,
              phone: null,
              legal_qualification_no: null,
              active: 1,
              created_by: p.creator === null ? null : w.users[p.creator]!.id,
              created_at: now,
              updated_at: now,
            })),
          )
          .execute();

        for (const user of w.users) {
          const region = regions[user.region]!;
          const personId = user.personIdx !== null ? (w.people[user.personIdx]?.id ?? null) : null;
          const roles: Role[] = ['admin'];
          const auth: AuthContext = {
            sessionId: 's',
            csrfToken: 'c',
            roles,
            permissions: ACCESS.permissionsOf(roles),
            user: { id: user.id, username: 'u', displayName: 'u', personId, agencyId: null, regionId: region.id, regionPath: region.path },
            scope: { kind: user.scope, regionPath: region.path, userId: user.id, personId },
            actor: { userId: null, role: 'test', agencyId: null },
          };
          let denials = 0;
          const req: Request = {
            auth,
            idempotencyKey: null,
            denied: async () => {
              denials++;
            },
          };
          const listed = new Set<string>();
          let cursor: string | undefined;
          do {
            const page = await listPeople(t.yifa, auth, { limit: 200, ...(cursor ? { cursor } : {}) });
            for (const p of page.items) listed.add(p.id);
            cursor = page.next ?? undefined;
          } while (cursor);
          for (const person of w.people) {
            const allowed = modelAllows(w, { ...user }, person);
            expect(listed.has(person.id), `list ${user.scope}`).toBe(allowed);
            const read = await getPerson(t.yifa, req, person.id).then(
              () => true,
              () => false,
            );
            expect(read, `read ${user.scope}`).toBe(allowed);
            const before = await k.selectFrom('people').select('post').where('id', '=', person.id).executeTakeFirstOrThrow();
            const wrote = await updatePerson(t.yifa, req, person.id, { post: `改-${user.id.slice(0, 4)}` }).then(
              () => true,
              () => false,
            );
            const after = await k.selectFrom('people').select('post').where('id', '=', person.id).executeTakeFirstOrThrow();
            expect(wrote, `write ${user.scope}`).toBe(allowed);
            if (!allowed) expect(after.post).toBe(before.post);
          }
          expect(denials).toBe(w.people.filter((p) => !modelAllows(w, user, p)).length * 2);
        }
      }),
      { numRuns: engine === 'sqlite' ? 40 : 20 },
    );
  });
});
