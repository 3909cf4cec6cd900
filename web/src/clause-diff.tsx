/**
 * A clause-by-clause comparison of two versions of a text (src/procedure/clauses.ts's
 * `diffClauses`, computed by the server), as the console and the portal show it: one
 * component for every text with versions (村规民约, 规范性文件).
 */
import type { HTMLAttributes } from 'react';
import { Table, Tag } from 'antd';
import type { ClauseChange, ClauseDiff } from '../../src/procedure/clauses';
import { Scrollable } from './Scrollable';

export const CHANGE_NAMES: Record<ClauseChange, string> = { same: '未改动', changed: '修改', added: '新增', removed: '删除' };
const CHANGE_COLOURS: Record<ClauseChange, string> = { same: 'default', changed: 'gold', added: 'green', removed: 'red' };

const pre = { whiteSpace: 'pre-wrap' as const, margin: 0 };

export function ClauseDiffTable({ clauses }: { clauses: ClauseDiff[] }) {
  return (
    <Scrollable label="条款对照">
      <Table
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        data-testid="clause-diff"
        // One test id a row, by its kind of change, so a test can count them.
        onRow={(d) => ({ 'data-testid': `clause-${d.change}` }) as HTMLAttributes<HTMLElement>}
        dataSource={clauses}
        columns={[
          {
            title: '变化',
            width: 90,
            render: (_: unknown, d: ClauseDiff) => (
              <Tag color={CHANGE_COLOURS[d.change]}>
                {CHANGE_NAMES[d.change]}
                {d.renumbered ? '（条号变化）' : ''}
              </Tag>
            ),
          },
          { title: '原条款', render: (_: unknown, d: ClauseDiff) => <pre style={pre}>{d.before?.text ?? '—'}</pre> },
          { title: '新条款', render: (_: unknown, d: ClauseDiff) => <pre style={pre}>{d.after?.text ?? '—'}</pre> },
        ]}
      />
    </Scrollable>
  );
}
