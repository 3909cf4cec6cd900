/**
 * The clause-by-clause difference between two versions of a normative document (GET
 * /normative-documents/:id/diff): each clause of the later version, changed ones with the
 * earlier text beside, added and removed ones marked — in words and colour both, so the
 * colour is never the only signal.
 */
import { useState } from 'react';
import { Alert, Select, Space, Tag, Typography } from 'antd';
import { useResource } from '../../hooks';
import { query } from '../../api';
import type { ClauseChange } from '../../../../src/modules/normative-docs/clauses';

interface Diff {
  from: { seq: number };
  to: { seq: number };
  versions: { seq: number; on: string; note: string }[];
  changes: ClauseChange[];
  summary: { same: number; changed: number; added: number; removed: number };
}

const KIND = {
  same: { label: '未变', color: 'default' },
  changed: { label: '修改', color: 'gold' },
  added: { label: '新增', color: 'green' },
  removed: { label: '删除', color: 'red' },
} as const;

const pre = { whiteSpace: 'pre-wrap' as const, margin: 0, fontFamily: 'inherit' };

function Change({ c }: { c: ClauseChange }) {
  const k = KIND[c.kind];
  return (
    <div data-testid={`clause-${c.kind}`} style={{ borderTop: '1px solid #f0f0f0', padding: '6px 0', display: 'flex', gap: 8 }}>
      <Tag color={k.color} style={{ flex: 'none', height: 'fit-content' }}>
        {c.label || '标题'}：{k.label}
      </Tag>
      <div style={{ flex: 1, minWidth: 0 }}>
        {c.kind === 'same' && <p style={pre}>{c.text}</p>}
        {c.kind === 'added' && <ins style={{ ...pre, display: 'block', textDecoration: 'none', background: '#f6ffed' }}>{c.after}</ins>}
        {c.kind === 'removed' && <del style={{ ...pre, display: 'block', background: '#fff1f0' }}>{c.before}</del>}
        {c.kind === 'changed' && (
          <>
            <div>修改前：</div>
            <del style={{ ...pre, display: 'block', background: '#fff1f0' }}>{c.before}</del>
            <div>修改后：</div>
            <ins style={{ ...pre, display: 'block', textDecoration: 'none', background: '#f6ffed' }}>{c.after}</ins>
          </>
        )}
      </div>
    </div>
  );
}

/** Each change keyed by its clause label and the label's occurrence (a label may repeat in a badly numbered text). */
function keyed(changes: readonly ClauseChange[]) {
  const seen = new Map<string, number>();
  return changes.map((c) => {
    const n = seen.get(c.label) ?? 0;
    seen.set(c.label, n + 1);
    return { key: `${c.label}#${n}`, c };
  });
}

export default function ClauseDiff({ id, versions }: { id: string; versions: number }) {
  const [range, setRange] = useState<{ from: number; to: number }>({ from: Math.max(1, versions - 1), to: versions });
  const { data, error } = useResource<Diff>(versions > 1 ? `/normative-documents/${id}/diff${query(range)}` : null);
  if (versions < 2) return <Typography.Text>只有一个版本。</Typography.Text>;
  if (error) return <Alert type="error" title={error.message} />;
  const options = Array.from({ length: versions }, (_, i) => ({ value: i + 1, label: `第${i + 1}稿` }));
  return (
    <div data-testid="clause-diff">
      <Space wrap style={{ marginBottom: 8 }}>
        <span>对比</span>
        <Select
          aria-label="对比的原版本"
          value={range.from}
          options={options}
          onChange={(from) => setRange((r) => ({ ...r, from }))}
          style={{ width: 110 }}
        />
        <span>与</span>
        <Select
          aria-label="对比的新版本"
          value={range.to}
          options={options}
          onChange={(to) => setRange((r) => ({ ...r, to }))}
          style={{ width: 110 }}
        />
        {data && (
          <span data-testid="diff-summary">
            修改 {data.summary.changed} 条，新增 {data.summary.added} 条，删除 {data.summary.removed} 条，未变 {data.summary.same} 条
          </span>
        )}
      </Space>
      {keyed(data?.changes ?? []).map(({ key, c }) => (
        <Change key={key} c={c} />
      ))}
    </div>
  );
}
