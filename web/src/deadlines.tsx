/**
 * Statutory deadlines as every record page shows them (penalty cases and the procedures of
 * the kit): the state's colour (yellow within 3 working days, red when passed) and the
 * article each runs under.
 */
import { Alert, Table, Tag } from 'antd';
import { Scrollable } from './Scrollable';

export type DueState = 'ok' | 'warning' | 'overdue' | 'met';

/**
 * Green, yellow, red, grey — in shades whose text keeps 4.5:1 on its background (WCAG 2.1
 * AA; antd's preset green and orange tags do not).
 */
/** The colours of a signal (a deadline's state, a certificate's standing): each text at least 4.5:1 on its background. */
export const DUE_STYLE: Record<DueState, React.CSSProperties> = {
  ok: { color: '#237804', background: '#f6ffed', borderColor: '#b7eb8f' },
  warning: { color: '#ad4e00', background: '#fff7e6', borderColor: '#ffd591' },
  overdue: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  met: { color: 'rgba(0, 0, 0, 0.88)', background: '#fafafa', borderColor: '#d9d9d9' },
};
export const DUE_TEXT = { ok: '正常', warning: '即将到期', overdue: '已超期', met: '已完成' } as const;

/** A tag in the colour of a deadline's state. */
export function DueStateTag({
  state,
  children,
  ...data
}: { state: DueState; children: React.ReactNode } & Record<`data-${string}`, string | null | undefined>) {
  return (
    <Tag style={DUE_STYLE[state]} {...data}>
      {children}
    </Tag>
  );
}

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
  return (
    <DueStateTag state={state ?? 'ok'} data-due={state}>
      {due} {DUE_TEXT[state ?? 'ok']}
    </DueStateTag>
  );
}

export function DeadlineTable({ deadlines, emptyText }: { deadlines: DeadlineRow[]; emptyText: string }) {
  return (
    <Scrollable label="期限">
      <Table<DeadlineRow>
        rowKey={(d) => `${d.rule}-${d.from}-${d.about ?? ''}`}
        size="small"
        pagination={false}
        dataSource={deadlines}
        locale={{ emptyText }}
        columns={[
          {
            title: '事项',
            dataIndex: 'title',
            render: (t: string, d) => (
              <>
                <div>
                  {t}
                  {d.about ? `（${d.about}）` : ''}
                </div>
                <div style={{ color: '#595959', fontSize: 12 }} data-citation={d.rule}>
                  {d.citation}
                </div>
              </>
            ),
          },
          { title: '起算', dataIndex: 'from', width: 110 },
          { title: '届满', dataIndex: 'due', width: 110 },
          {
            title: '状态',
            dataIndex: 'state',
            width: 100,
            render: (s: DueState, d) => (
              <DueStateTag state={s} data-deadline={d.rule} data-state={s}>
                {d.kind === 'window' ? (s === 'met' ? '已届满' : '期间内') : DUE_TEXT[s]}
              </DueStateTag>
            ),
          },
        ]}
      />
    </Scrollable>
  );
}

/**
 * The banner at the top of a record whose statutory duty has passed: what was due, by when,
 * under which article — before anything else on the page.
 */
export function OverdueBanner({ deadlines }: { deadlines: readonly DeadlineRow[] }) {
  const overdue = deadlines.filter((d) => d.kind === 'duty' && d.state === 'overdue');
  if (!overdue.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="overdue-banner"
      message={`已超过法定期限 ${overdue.length} 项`}
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {overdue.map((d) => (
            <li key={`${d.rule}:${d.from}`}>
              {d.title}：应于 {d.due} 前完成（{d.citation}）
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** The deadlines a member of the public reads on a tracking page: what runs, when it falls due, how it stands. */
export function PublicDeadlineTable({
  deadlines,
  title = '期限',
}: {
  deadlines: readonly { rule: string; title: string; due: string; state: DueState }[];
  title?: string;
}) {
  if (deadlines.length === 0) return null;
  return (
    <Scrollable label="办理期限">
      <Table
        size="small"
        pagination={false}
        rowKey={(d) => `${d.rule}-${d.due}`}
        dataSource={[...deadlines]}
        style={{ marginTop: 8 }}
        columns={[
          { title, dataIndex: 'title' },
          { title: '届满日期', dataIndex: 'due', width: 120 },
          { title: '状态', dataIndex: 'state', width: 100, render: (s: DueState) => <DueStateTag state={s}>{DUE_TEXT[s]}</DueStateTag> },
        ]}
      />
    </Scrollable>
  );
}
