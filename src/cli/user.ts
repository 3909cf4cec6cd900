import { randomUUID } from 'node:crypto';
import type { CommandContext } from './commands.js';
import { ACCESS, openYifa } from '../app/root.js';
import { createUser } from '../modules/org/service/users.js';
import { SYSTEM_ACTOR } from '../journal/journal.js';
import type { Role } from '../platform/security/access.js';
import type { DataScope } from '../platform/db/schema.js';

async function readPassword(): Promise<string> {
  if (process.env.YIFA_NEW_PASSWORD) return process.env.YIFA_NEW_PASSWORD;
  if (process.stdin.isTTY) throw new Error('请通过环境变量 YIFA_NEW_PASSWORD 或标准输入提供密码');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

/**
 * `yifa user create`: the way a production installation gets its first administrator.
 * On an empty installation `--region NAME` creates the county at the root of the tree.
 */
export async function userCreate(ctx: CommandContext): Promise<number> {
  const v = ctx.values as { username?: string; name?: string; region?: string; role?: string[]; scope?: string };
  if (!v.username || !v.name || !v.region) throw new Error('需要 --username、--name 和 --region');
  const roles = (v.role?.length ? v.role : ['admin']) as string[];
  const bad = roles.find((r) => !ACCESS.isRole(r));
  if (bad) throw new Error(`未知角色：${bad}`);
  const scope = (v.scope ?? 'all') as DataScope;
  if (!['all', 'subtree', 'level', 'self'].includes(scope)) throw new Error(`未知数据权限：${scope}`);
  const password = await readPassword();
  const yifa = await openYifa(ctx.config);
  try {
    const region = await resolveRegion(yifa, v.region);
    const created = await createUser(yifa, null, {
      username: v.username,
      displayName: v.name,
      password,
      regionId: region.id,
      dataScope: scope,
      roles: roles as Role[],
    });
    console.log(JSON.stringify({ ...created, region: region.name, roles, dataScope: scope }));
    return 0;
  } finally {
    await yifa.close();
  }
}

async function resolveRegion(yifa: Awaited<ReturnType<typeof openYifa>>, ref: string) {
  const k = yifa.db.kysely;
  const found = await k
    .selectFrom('regions')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', ref), eb('name', '=', ref)]))
    .execute();
  if (found.length === 1) return found[0]!;
  if (found.length > 1) throw new Error(`区划名称“${ref}”不唯一，请使用区划 ID`);
  const any = await k.selectFrom('regions').select('id').limit(1).executeTakeFirst();
  if (any) throw new Error(`区划“${ref}”不存在`);
  // Empty installation: the first region is the county at the root.
  const id = randomUUID();
  const row = {
    id,
    parent_id: null,
    level: 'county' as const,
    name: ref,
    code: null,
    path: `/${id}/`,
    created_at: yifa.clock.now().toISOString(),
  };
  await yifa.journal.perform(
    { type: 'org.region.create', actor: SYSTEM_ACTOR, subject: { type: 'region', id, regionPath: row.path }, payload: row },
    async (trx) => {
      await trx.insertInto('regions').values(row).execute();
      return row;
    },
  );
  return row;
}
