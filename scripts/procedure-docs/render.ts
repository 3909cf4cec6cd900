/**
 * A procedure's table as a page a lawyer reads (docs/procedures/<file>): its statuses,
 * who may take each action from where, whether it waits for the head's approval, the
 * articles its gates cite, the deadlines it starts and meets, the document it issues. The
 * table's own fields come from the kit's `matrix`; the rest from running it (observe.ts).
 */
import { matrix } from '../../src/procedure/decide.js';
import { PUBLIC_ROLE, RECORD_CHECK } from '../../src/procedure/spec.js';
import { ACCESS } from '../../src/app/root.js';
import { DEADLINE_RULES, type DeadlineRuleId } from '../../src/law/deadline-rules.js';
import { observe, type Observed } from './observe.js';
import type { DocumentedProcedure } from './procedures.js';

export const COMMAND = 'npm run docs:procedures';

const roleName = (r: string) => (r === PUBLIC_ROLE ? '申请人（公开门户，凭查询码）' : ACCESS.isRole(r) ? ACCESS.roles[r] : r);
const roleNames = (roles: readonly string[]) => roles.map(roleName).join('、');
const rule = (id: string) => {
  const r = DEADLINE_RULES[id as DeadlineRuleId];
  return r ? `${r.title}（${r.citation}）` : id;
};
const RECORD_CHECK_NAME = '记录核对（不引条文：核对录入的内容与记录本身，如日期不得晚于今天、没有待审批的申请）';

const DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 三十六 → 36, 一百零三 → 103 (the article numbers of Chinese statutes). */
export function chineseNumber(s: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    }
  }
  return total + digit;
}

/** A citation's sort key: the statute, then its first article's number, then the rest. */
function citationKey(c: string): [string, number, string] {
  const m = /^(.*?)第([零一二三四五六七八九十百]+)条(.*)$/.exec(c);
  return m ? [m[1]!, chineseNumber(m[2]!), m[3]!] : [c, 0, ''];
}

function compareCitations(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === RECORD_CHECK) return 1;
  if (b === RECORD_CHECK) return -1;
  const [x, y] = [citationKey(a), citationKey(b)];
  return x[0] !== y[0] ? (x[0] < y[0] ? -1 : 1) : x[1] !== y[1] ? x[1] - y[1] : x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0;
}

/**
 * The messages refused under one citation: several that share what comes before their first
 * "：" (a list of problems after it, which varies with the record) are shown once, as "…：……".
 */
function messagesOf(messages: Iterable<string>): string[] {
  const groups = new Map<string, string[]>();
  for (const m of messages) {
    const i = m.indexOf('：');
    const head = i < 0 ? m : m.slice(0, i);
    groups.set(head, [...(groups.get(head) ?? []), m]);
  }
  return [...groups.entries()].map(([head, ms]) => (ms.length > 1 ? `${head}：……` : ms[0]!)).sort();
}

/** Citations in a stable order (statute, article number; the record check last), each with its messages. */
function citationsOf(o: Observed): [string | null, string[]][] {
  return [...o.citations.entries()].sort(([a], [b]) => compareCitations(a, b)).map(([c, messages]) => [c, messagesOf(messages)]);
}

/** What running the table showed, per action (exposed for the docs' test). */
export function observations(p: DocumentedProcedure) {
  return observe(p.proc, p.walk);
}

/** The page, as Markdown. */
export function renderProcedure(p: DocumentedProcedure, seen = observations(p)): string {
  const { proc } = p;
  const rows = matrix(proc);
  const lines: string[] = [];
  const out = (...xs: string[]) => lines.push(...xs);
  const cell = (s: string) => s.replace(/\|/g, '\\|');

  out(
    `# ${proc.recordName}：操作表`,
    '',
    `> 本文件由操作表（\`${p.source}\`）生成，请勿手工修改。修改操作表后运行 \`${COMMAND}\`；本文件过期时，单元测试 \`test/unit/procedure-docs.test.ts\` 失败。`,
    '',
    '## 如何阅读',
    '',
    `- **谁可以办理**：操作表中该操作所列的角色，服务器只认这一处。能查看${proc.recordName}（权限 \`${proc.permissions.read}\`）是前提；其他角色提交该操作，一律以 403 拒绝并记入操作日志（\`access.denied\`）。`,
    '- **在哪些状态下**：记录处于其他状态时，服务器以 409（`CONFLICT`）拒绝；记录中止期间，只有注明"中止期间可以办理"的操作可以办理。',
    '- **负责人审批**：这类操作是一项申请，等待负责人审批同意后才生效；申请人本人不能审批自己的申请。',
    '- **把关条件及所引条文**：在示例记录上实际运行该操作的把关条件时，拒绝所引的条文，以及在该条文下作出的拒绝（日期以"某日"、数字以"N"代替）。只列运行中出现过的拒绝，因此每一条都确由代码作出；示例未触及的把关条件不会列出。',
    '- **开始计算的期限**、**履行完毕的期限**、**制作的文书**：同样来自实际运行——办理该操作前后比较记录的期限，以及办理时编号制作的文书。',
    '',
    '## 状态',
    '',
    '| 状态 | 代码 | 可以办理的操作 |',
    '|---|---|---|',
  );
  for (const [status, name] of Object.entries(proc.statusNames as Record<string, string>)) {
    const here = rows.filter((r) => r.from !== 'opens' && r.from.includes(status)).map((r) => `${r.title}（${roleNames(r.roles)}）`);
    out(`| ${name} | \`${status}\` | ${cell(here.join('；') || '—（办结）')} |`);
  }
  out('', '## 总表', '', '| 操作 | 谁可以办理 | 在哪些状态下 | 中止期间 | 负责人审批 | 制作的文书 |', '|---|---|---|---|---|---|');
  for (const r of rows) {
    const o = seen.get(r.type)!;
    const series =
      [...o.series]
        .sort()
        .map((s) => p.series[s]?.title ?? s)
        .join('、') || '—';
    out(
      `| ${r.title}<br>\`${r.type}\` | ${roleNames(r.roles)} | ${r.from === 'opens' ? '新建' : r.fromNames.join('、')} | ${r.from === 'opens' ? '—' : r.whileSuspended ? '可以' : '不可以'} | ${r.requestName ? `申请：${r.requestName}` : '—'} | ${series} |`,
    );
  }
  out('', '## 各操作');
  for (const r of rows) {
    const o = seen.get(r.type)!;
    out(
      '',
      `### ${r.title}（\`${r.type}\`）`,
      '',
      `- **谁可以办理**：${roleNames(r.roles)}`,
      `- **在哪些状态下**：${r.from === 'opens' ? `新建（开启一件${proc.recordName}）` : r.fromNames.join('、')}`,
    );
    if (r.from !== 'opens') out(`- **中止期间**：${r.whileSuspended ? '可以办理' : '不可以办理'}`);
    out(`- **负责人审批**：${r.requestName ? `是。本操作提出"${r.requestName}"申请，负责人审批同意后生效` : '否'}`);
    const cites = citationsOf(o);
    if (cites.length === 0) out('- **把关条件及所引条文**：无（运行中没有出现拒绝）');
    else {
      out('- **把关条件及所引条文**：');
      for (const [c, messages] of cites) {
        out(`  - ${c === RECORD_CHECK ? RECORD_CHECK_NAME : c}`);
        for (const m of messages) out(`    - ${m}`);
      }
    }
    out(
      `- **开始计算的期限**：${[...o.starts].sort().map(rule).join('；') || '无'}`,
      `- **履行完毕的期限**：${[...o.meets].sort().map(rule).join('；') || '无'}`,
      `- **制作的文书**：${
        [...o.series]
          .sort()
          .map((s) => `${p.series[s]?.title ?? s}（${p.series[s]?.word ?? ''}）`)
          .join('、') || '无'
      }`,
    );
  }
  return `${lines.join('\n')}\n`;
}
