/**
 * Journal entries as a clerk, a supervisor and an auditor read them — one component for
 * the 操作日志 page and every record's 全过程记录: the time in China's time, who acted (name
 * and Chinese role), the action's Chinese title and what it changed, all named by the
 * server (src/journal/readable.ts). Codes, role ids and field keys stay out of this view;
 * the auditor opens 原始记录与证明 for the stored entry, its leaf hash and its inclusion proof.
 */
import { useState } from 'react';
import { Alert, Button, Descriptions, Modal, Space, Spin, Table, Typography, type TableColumnType } from 'antd';
import { Link } from 'react-router-dom';
import { useResource } from '../../hooks';
import { emptyText } from '../../components';
import { chinaTime } from '../../time';
import type { JournalEntryView } from '../../../../src/journal/entries';

export type { JournalEntryView };

/** GET /journal/actions/:seq/raw */
interface RawEntry {
  entry: JournalEntryView;
  /** The stored fields the leaf is built from; null when the reader sees the payload masked */
  leaf: { format: string; fields: Record<string, unknown> } | null;
  leafWithheld: string | null;
  leafHash: string;
  inclusion: { treeSize: number; proof: string[]; checkpoint: { size: number; rootHash: string; timestamp: string; keyId: string } } | null;
}

/** Secondary text dark enough for WCAG AA contrast on white (4.5:1). */
const SECONDARY = '#595959';
const mono = { fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' } as const;

function RawView({ seq }: { seq: number }) {
  const raw = useResource<RawEntry>(`/journal/actions/${seq}/raw`);
  if (raw.error) return <Alert type="error" showIcon title={raw.error.message} />;
  if (!raw.data) return <Spin />;
  const { entry, leaf, leafWithheld, leafHash, inclusion } = raw.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="日志序号">{entry.seq}</Descriptions.Item>
        <Descriptions.Item label="操作代码">
          <Typography.Text code>{entry.type}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="角色代码">{entry.actor.role ?? '（无）'}</Descriptions.Item>
        <Descriptions.Item label="接收时间（UTC）">{entry.receivedAt}</Descriptions.Item>
        <Descriptions.Item label="叶哈希（SHA-256）">
          <Typography.Text copyable style={mono}>
            {leafHash}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>原始记录</Typography.Title>
      {leaf ? (
        <pre style={{ ...mono, margin: 0, whiteSpace: 'pre-wrap', maxHeight: 280, overflow: 'auto' }} data-testid="journal-raw-leaf">
          {JSON.stringify(leaf, null, 2)}
        </pre>
      ) : (
        <Alert type="info" showIcon title={leafWithheld} />
      )}
      <Typography.Title level={5}>包含证明（RFC 6962）</Typography.Title>
      {inclusion ? (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="检查点规模">{inclusion.treeSize} 条</Descriptions.Item>
          <Descriptions.Item label="检查点根哈希">
            <span style={mono}>{inclusion.checkpoint.rootHash}</span>
          </Descriptions.Item>
          <Descriptions.Item label="签发时间（北京时间）">{chinaTime(inclusion.checkpoint.timestamp, true)}</Descriptions.Item>
          <Descriptions.Item label="证明路径">
            {inclusion.proof.length === 0
              ? '（无：该条即整棵树）'
              : inclusion.proof.map((h) => (
                  <div key={h} style={mono}>
                    {h}
                  </div>
                ))}
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Alert type="info" showIcon title="该条尚未纳入已签名的检查点，签发后可取得包含证明" />
      )}
    </Space>
  );
}

/** What an entry is about, in the whole journal: a procedure's record by its kind and title, linked when the reader sees it. */
const subjectColumn: TableColumnType<JournalEntryView> = {
  title: '办理事项',
  width: 200,
  render: (_, e) => {
    const s = e.subject;
    if (!s?.name) return '—';
    return (
      <>
        <div>{s.name}</div>
        {s.title && s.path && s.id && <Link to={`/console${s.path}/${s.id}`}>{s.title}</Link>}
      </>
    );
  },
};

/** Entries in the order given; `withSubject`: the whole journal's, which says what each is about; `testId` marks the table for tests. */
export function JournalEntries({
  entries,
  loading,
  testId,
  withSubject,
}: {
  entries: readonly JournalEntryView[];
  loading?: boolean;
  testId?: string;
  withSubject?: boolean;
}) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <>
      {/* On a phone the table scrolls inside its box, not the page (antd's own scroll adds a measure row). */}
      <div style={{ overflowX: 'auto' }}>
        <Table<JournalEntryView>
          rowKey="seq"
          size="small"
          pagination={false}
          loading={loading ?? false}
          dataSource={[...entries]}
          data-testid={testId}
          locale={{ emptyText: emptyText('暂无记录') }}
          columns={[
            { title: '时间（北京时间）', dataIndex: 'receivedAt', width: 150, render: (at: string) => chinaTime(at) },
            {
              title: '操作人',
              width: 190,
              render: (_, e) => (
                <>
                  <div>{e.actor.name}</div>
                  {e.actor.roleName !== e.actor.name && <div style={{ color: SECONDARY }}>{e.actor.roleName}</div>}
                </>
              ),
            },
            {
              title: '操作',
              render: (_, e) => (
                <>
                  <Typography.Text strong>{e.title}</Typography.Text>
                  {e.summary && (
                    <div style={{ color: e.withheld ? SECONDARY : undefined, marginTop: 2 }} data-testid="journal-summary">
                      {e.summary}
                    </div>
                  )}
                </>
              ),
            },
            ...(withSubject ? [subjectColumn] : []),
            {
              title: '核验',
              width: 120,
              render: (_, e) => (
                <Button size="small" type="link" onClick={() => setOpen(e.seq)} aria-label={`第 ${e.seq} 条的原始记录与证明`}>
                  原始记录与证明
                </Button>
              ),
            },
          ]}
        />
      </div>
      <Modal
        open={open !== null}
        title={`原始记录与证明（第 ${open ?? ''} 条）`}
        footer={null}
        width={760}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        {open !== null && <RawView seq={open} />}
      </Modal>
    </>
  );
}
