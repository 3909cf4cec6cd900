/**
 * Statutory deadlines as every record page shows them (penalty cases and the procedures of
 * the kit): the state's colour (yellow within 3 working days, red when passed) and the
 * article each runs under.
 */
import { Table, Tag } from 'antd';

export type DueState = 'ok' | 'warning' | 'overdue' | 'met';

export const DUE_COLORS = { ok: 'green', warning: 'orange', overdue: 'red', met: 'default' } as const;
export const DUE_TEXT = { ok: '正常', warning: '即将到期', overdue: '已超期', met: '已完成' } as const;

export interface DeadlineRow {
  rule: string;
  title: string;
  citation: string;
  from: string;
  due: string;
  state: DueState;
  /** A duty can be overdue; a waiting window (a party's time to act) only opens and passes */
  kind: 'duty' | 'window';
  about?: string;
}

/** The tag of a list row's next deadline. */
export function DueTag({ due, state }: { due: string; state: Exclude<DueState, 'met'> | null }) {
  return <Tag color={DUE_COLORS[state ?? 'ok']} data-due={state}>{due} {DUE_TEXT[state ?? 'ok']}</Tag>;
}

export function DeadlineTable({ deadlines, emptyText }: { deadlines: DeadlineRow[]; emptyText: string }) {
  return (
    <Table<DeadlineRow> rowKey={(d) => `${d.rule}-${d.from}-${d.about ?? ''}`} size="small" pagination={false} dataSource={deadlines}
      locale={{ emptyText }}
      columns={[
        {
          title: '事项', dataIndex: 'title',
          render: (t: string, d) => (
            <>
              <div>{t}{d.about ? `（${d.about}）` : ''}</div>
              <div style={{ color: '#595959', fontSize: 12 }} data-citation={d.rule}>{d.citation}</div>
            </>
          ),
        },
        { title: '起算', dataIndex: 'from', width: 110 },
        { title: '届满', dataIndex: 'due', width: 110 },
        {
          title: '状态', dataIndex: 'state', width: 100,
          render: (s: DueState, d) => <Tag color={DUE_COLORS[s]} data-deadline={d.rule} data-state={s}>{d.kind === 'window' ? (s === 'met' ? '已届满' : '期间内') : DUE_TEXT[s]}</Tag>,
        },
      ]} />
  );
}
