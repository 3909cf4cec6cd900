/**
 * 村规民约公开: each village's rules in force (filed with the town and published), every
 * earlier published version, the clause-by-clause comparison of two versions, and the
 * village's 村务公开 (the meetings' published decisions). The portal's calls go without the
 * session cookie, like every public read.
 */
import { useState } from 'react';
import { Card, Collapse, Descriptions, Select, Space, Table, Typography } from 'antd';
import type { ClauseChange, ClauseDiff } from '../../../../src/procedure/clauses';
import { useResource } from '../../hooks';
import { query } from '../../api';
import { emptyText, ErrorResult } from '../../components';
import { ClauseDiffTable } from '../../clause-diff';
import { useT } from '../../i18n';
import { PageTitle } from '../../heading';
import { Scrollable } from '../../Scrollable';

interface VillageItem {
  villageId: string;
  village: string;
  version: number;
  publishedOn: string | null;
}
interface PublicVersion {
  no: number;
  title: string;
  text: string;
  publishedOn: string;
  supersededOn: string | null;
  filing: { on: string; number: string | null } | null;
  adoption: {
    on: string;
    kindName: string;
    entitled: number;
    present: number;
    votes: { for: number; against: number; abstain: number };
  } | null;
}
interface VillageRulesView {
  village: string;
  versions: PublicVersion[];
}
interface Affair {
  meetingId: string;
  heldOn: string;
  kind: string;
  no: number;
  subject: string;
  publishedOn: string;
  content: string;
}

const pre = { whiteSpace: 'pre-wrap' as const, margin: 0 };

function Versions({ villageId }: { villageId: string }) {
  const rules = useResource<VillageRulesView>(`/public/village-rules/${villageId}`);
  const versions = rules.data?.versions ?? [];
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const from = pair?.from ?? Math.max(1, versions.at(-2)?.no ?? 1);
  const to = pair?.to ?? versions.at(-1)?.no ?? 1;
  const diff = useResource<{ summary: Record<ClauseChange, number>; clauses: ClauseDiff[] }>(
    versions.length > 1 ? `/public/village-rules/${villageId}/diff${query({ from, to })}` : null,
  );
  const affairs = useResource<{ items: Affair[] }>(`/public/village-affairs${query({ villageId })}`);
  if (rules.error) return <ErrorResult error={rules.error} />;
  if (!rules.data) return null;
  const options = versions.map((v) => ({ value: v.no, label: `第${v.no}版（${v.publishedOn}公布）` }));
  return (
    <>
      <Collapse
        defaultActiveKey={[String(versions.at(-1)?.no)]}
        items={[...versions].reverse().map((v) => ({
          key: String(v.no),
          label: `第${v.no}版 ${v.title}（${v.supersededOn ? `已于${v.supersededOn}被替代` : '现行有效'}）`,
          children: (
            <>
              <Descriptions size="small" column={{ xs: 1, md: 3 }}>
                <Descriptions.Item label="公布日期">{v.publishedOn}</Descriptions.Item>
                <Descriptions.Item label="备案">{v.filing ? `${v.filing.on} ${v.filing.number ?? ''}` : '—'}</Descriptions.Item>
                <Descriptions.Item label="表决">
                  {v.adoption
                    ? `${v.adoption.on} ${v.adoption.kindName}：应到${v.adoption.entitled}，实到${v.adoption.present}，同意${v.adoption.votes.for}`
                    : '—'}
                </Descriptions.Item>
              </Descriptions>
              <pre style={pre} data-testid={`public-version-${v.no}`}>
                {v.text}
              </pre>
            </>
          ),
        }))}
      />
      {versions.length > 1 && (
        <Card size="small" style={{ marginTop: 12 }} title="版本对照">
          <Space style={{ marginBottom: 8 }} wrap>
            <Select aria-label="原版本" value={from} onChange={(v) => setPair({ from: v, to })} options={options} style={{ width: 220 }} />
            <span>对照</span>
            <Select aria-label="新版本" value={to} onChange={(v) => setPair({ from, to: v })} options={options} style={{ width: 220 }} />
            {diff.data && (
              <span data-testid="diff-summary">
                修改 {diff.data.summary.changed} 条，新增 {diff.data.summary.added} 条，删除 {diff.data.summary.removed} 条
              </span>
            )}
          </Space>
          {diff.data && <ClauseDiffTable clauses={diff.data.clauses} />}
        </Card>
      )}
      <Card size="small" style={{ marginTop: 12 }} title="村务公开（村民代表会议决定事项）">
        <Scrollable label="村规民约">
          <Table<Affair>
            size="small"
            rowKey={(a) => `${a.meetingId}-${a.no}`}
            pagination={{ pageSize: 10 }}
            dataSource={affairs.data?.items ?? []}
            locale={{ emptyText: emptyText('暂无公开的决定事项') }}
            columns={[
              { title: '会议日期', dataIndex: 'heldOn', width: 110 },
              { title: '会议', dataIndex: 'kind', width: 120 },
              { title: '决定事项', dataIndex: 'subject' },
              { title: '公开内容', dataIndex: 'content' },
              { title: '公开日期', dataIndex: 'publishedOn', width: 110 },
            ]}
          />
        </Scrollable>
      </Card>
    </>
  );
}

export default function VillageRulesPage() {
  const t = useT();
  const list = useResource<{ items: VillageItem[] }>('/public/village-rules');
  const [villageId, setVillageId] = useState<string>();
  if (list.error) return <ErrorResult error={list.error} />;
  const chosen = villageId ?? list.data?.items[0]?.villageId;
  return (
    <Card
      title={<PageTitle>{t('portalVillageRules')}</PageTitle>}
      extra={
        <Select
          aria-label="选择村"
          value={chosen}
          onChange={setVillageId}
          style={{ width: 200, maxWidth: '100%' }}
          options={(list.data?.items ?? []).map((v) => ({ value: v.villageId, label: `${v.village}（第${v.version}版）` }))}
        />
      }
    >
      <Typography.Paragraph>
        村规民约由村民会议或者经授权的村民代表会议制定和修改，报镇人民政府备案（《中华人民共和国村民委员会组织法》第二十七条）。
      </Typography.Paragraph>
      {chosen ? <Versions key={chosen} villageId={chosen} /> : <Typography.Text>暂无公布的村规民约</Typography.Text>}
    </Card>
  );
}
