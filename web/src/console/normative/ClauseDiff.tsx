/**
 * The clause-by-clause difference between two versions of a normative document (GET
 * /normative-documents/:id/diff), in the kit's clause-diff table the village rules use too:
 * changed clauses with the earlier text beside, added and removed ones marked — in words and
 * colour both, so the colour is never the only signal.
 */
import { useState } from 'react';
import { Alert, Select, Space, Typography } from 'antd';
import { useResource } from '../../hooks';
import { query } from '../../api';
import type { ClauseChange, ClauseDiff as Diffed } from '../../../../src/procedure/clauses';
import { ClauseDiffTable } from '../../clause-diff';

interface Diff {
  from: { seq: number };
  to: { seq: number };
  versions: { seq: number; on: string; note: string }[];
  summary: Record<ClauseChange, number>;
  clauses: Diffed[];
}

export default function ClauseDiff({ id, versions }: { id: string; versions: number }) {
  const [range, setRange] = useState<{ from: number; to: number }>({ from: Math.max(1, versions - 1), to: versions });
  const { data, error } = useResource<Diff>(versions > 1 ? `/normative-documents/${id}/diff${query(range)}` : null);
  if (versions < 2) return <Typography.Text>只有一个版本。</Typography.Text>;
  if (error) return <Alert type="error" title={error.message} />;
  const options = Array.from({ length: versions }, (_, i) => ({ value: i + 1, label: `第${i + 1}稿` }));
  return (
    <div>
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
      {data && <ClauseDiffTable clauses={data.clauses} />}
    </div>
  );
}
