/**
 * 村规民约 and 村民代表会议 in the console: what the generic procedure pages need to know of a
 * village's rules (every version with its consultation, adoption, reviews, filing and
 * publication; the clause-by-clause diff between two versions) and of a meeting (attendance,
 * decisions, 村务公开). The village options come from the regions in the user's scope.
 */
import { useState } from 'react';
import { Alert, Collapse, Descriptions, Select, Space, Table, Typography } from 'antd';
// The server's own state types (type-only: nothing of the server is bundled).
import type { RulesVersion, VillageRules } from '../../../../src/modules/villages/rules-state';
import type { VillageMeeting } from '../../../../src/modules/villages/meeting-state';
import type { ClauseDiff, ClauseChange } from '../../../../src/procedure/clauses';
import { ClauseDiffTable } from '../../clause-diff';
import { useResource } from '../../hooks';
import { query } from '../../api';
import type { ProcedureConsole } from './config';
import type { Me } from '../../types';
import type { ProcedureDictionaries, RecordView } from './types';

const MEETING_KINDS: Record<string, string> = { villagers: '村民会议', representatives: '村民代表会议' };
const REVIEW_POINTS: Record<string, string> = {
  lawful: '不与宪法、法律、法规和国家政策相抵触',
  personalRights: '不侵犯村民的人身权利、民主权利',
  marriageFreedom: '不干涉婚姻自由',
  womenEqualRights: '妇女及外嫁女平等享有集体收益分配',
  noFines: '不设定罚款等处罚',
};
const TOPICS: Record<string, string> = {
  'bride-price': '治理高价彩礼',
  ceremonies: '红白事办理标准',
  environment: '人居环境整治',
  other: '其他执行情况',
};
const pre = { whiteSpace: 'pre-wrap' as const, margin: 0 };

interface DiffAnswer {
  summary: Record<ClauseChange, number>;
  clauses: ClauseDiff[];
}

/** Picks two versions of the record and shows how they differ. */
function VersionDiff({ id, versions }: { id: string; versions: RulesVersion[] }) {
  const [from, setFrom] = useState(Math.max(1, versions.length - 1));
  const [to, setTo] = useState(versions.length);
  const diff = useResource<DiffAnswer>(versions.length > 1 ? `/village-rules/${id}/diff${query({ from, to })}` : null);
  if (versions.length < 2) return null;
  const options = versions.map((v) => ({ value: v.no, label: `第${v.no}版${v.publishedOn ? `（${v.publishedOn}公布）` : '（草案）'}` }));
  return (
    <div style={{ marginTop: 12 }}>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        版本对照
      </Typography.Title>
      <Space style={{ marginBottom: 8 }}>
        <Select aria-label="原版本" value={from} onChange={setFrom} options={options} style={{ width: 200 }} />
        <span>对照</span>
        <Select aria-label="新版本" value={to} onChange={setTo} options={options} style={{ width: 200 }} />
        {diff.data && (
          <span data-testid="diff-summary">
            修改 {diff.data.summary.changed} 条，新增 {diff.data.summary.added} 条，删除 {diff.data.summary.removed} 条
          </span>
        )}
      </Space>
      {diff.data && <ClauseDiffTable clauses={diff.data.clauses} />}
    </div>
  );
}

function versionStatus(v: RulesVersion): string {
  if (v.supersededOn) return `已于${v.supersededOn}被替代`;
  if (v.publishedOn) return `${v.publishedOn}公布施行`;
  if (v.filing) return '已备案，待公布';
  return '草案';
}

function VersionPanel({ v }: { v: RulesVersion }) {
  const a = v.adoption;
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
        <Descriptions.Item label="起草日期">{v.draftedOn}</Descriptions.Item>
        <Descriptions.Item label="状态">{versionStatus(v)}</Descriptions.Item>
        <Descriptions.Item label="备案">{v.filing ? `${v.filing.on} ${v.filing.number ?? ''}` : '—'}</Descriptions.Item>
        <Descriptions.Item label="起草说明" span={{ xs: 1, sm: 2, lg: 3 }}>
          <span style={pre}>{v.draftNote}</span>
        </Descriptions.Item>
        <Descriptions.Item label="表决" span={{ xs: 1, sm: 2, lg: 3 }}>
          {a
            ? `${a.on} ${MEETING_KINDS[a.kind]}：应到${a.entitled}，实到${a.present}；同意${a.votes.for}、反对${a.votes.against}、弃权${a.votes.abstain}`
            : '尚未表决'}
        </Descriptions.Item>
      </Descriptions>
      {v.consultations.map((c) => (
        <Alert
          key={c.seq}
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title={`${c.on} 征求村民意见（${c.method}，${c.participants}人）`}
          description={
            <>
              <div style={pre}>{c.opinions}</div>
              <div style={pre}>采纳情况：{c.response}</div>
            </>
          }
        />
      ))}
      {v.reviews.map((r) => (
        <Alert
          key={r.seq}
          type={r.passed ? 'success' : 'error'}
          showIcon
          style={{ marginTop: 8 }}
          data-testid={r.passed ? 'review-passed' : 'review-returned'}
          title={`${r.on} 乡镇审查${r.passed ? '通过' : '未通过，退回修改'}${r.number ? `（${r.number}）` : ''}`}
          description={
            <>
              {Object.entries(r.items)
                .filter(([, item]) => !item.ok)
                .map(([k, item]) => (
                  <div key={k}>
                    不符合：{REVIEW_POINTS[k] ?? k}——{item.note}
                  </div>
                ))}
              <div style={pre}>{r.opinion}</div>
            </>
          }
        />
      ))}
      <Typography.Paragraph style={{ marginTop: 8 }}>
        <pre style={pre} data-testid={`version-text-${v.no}`}>
          {v.text}
        </pre>
      </Typography.Paragraph>
    </>
  );
}

function RulesSummary({ view }: { view: RecordView<VillageRules>; dict: ProcedureDictionaries }) {
  const r = view.record;
  const latest = r.versions.at(-1);
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="record-summary">
        <Descriptions.Item label="村">{r.villageName}</Descriptions.Item>
        <Descriptions.Item label="版本数">{r.versions.length}</Descriptions.Item>
        <Descriptions.Item label="现行版本">
          {r.versions.filter((v) => v.publishedOn && !v.supersededOn).map((v) => `第${v.no}版（${v.publishedOn}公布）`)[0] ?? '尚未公布'}
        </Descriptions.Item>
      </Descriptions>
      <Collapse
        style={{ marginTop: 8 }}
        defaultActiveKey={latest ? [String(latest.no)] : []}
        items={[...r.versions].reverse().map((v) => ({
          key: String(v.no),
          label: `第${v.no}版 ${v.title}（${versionStatus(v)}）`,
          children: <VersionPanel v={v} />,
        }))}
      />
      <VersionDiff id={r.id} versions={r.versions} />
      {r.implementations.length > 0 && (
        <Table
          size="small"
          style={{ marginTop: 12 }}
          rowKey="seq"
          pagination={false}
          data-testid="implementations"
          dataSource={r.implementations}
          columns={[
            { title: '日期', dataIndex: 'on', width: 110 },
            { title: '事项', dataIndex: 'topic', width: 140, render: (v: string) => TOPICS[v] ?? v },
            { title: '执行情况', dataIndex: 'content' },
            { title: '效果与问题', dataIndex: 'outcome' },
          ]}
        />
      )}
    </>
  );
}

function MeetingSummary({ view }: { view: RecordView<VillageMeeting>; dict: ProcedureDictionaries }) {
  const m = view.record;
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="record-summary">
        <Descriptions.Item label="村">{m.villageName}</Descriptions.Item>
        <Descriptions.Item label="会议">{`${m.heldOn} ${MEETING_KINDS[m.kind]}`}</Descriptions.Item>
        <Descriptions.Item label="出席">{`应到${m.entitled}，实到${m.present}`}</Descriptions.Item>
        {m.womenMembers != null && <Descriptions.Item label="妇女村民代表">{`${m.womenMembers}人`}</Descriptions.Item>}
        <Descriptions.Item label="召集人">{m.convener}</Descriptions.Item>
        <Descriptions.Item label="地点">{m.place}</Descriptions.Item>
        <Descriptions.Item label="会议议程" span={{ xs: 1, sm: 2, lg: 3 }}>
          <span style={pre}>{m.agenda}</span>
        </Descriptions.Item>
      </Descriptions>
      {m.compositionShortfall && <Alert type="warning" showIcon style={{ marginTop: 8 }} message={m.compositionShortfall} />}
      <Table
        size="small"
        style={{ marginTop: 8 }}
        rowKey="no"
        pagination={false}
        data-testid="decisions"
        dataSource={m.decisions}
        columns={[
          { title: '序号', dataIndex: 'no', width: 60 },
          { title: '议题', dataIndex: 'subject' },
          {
            title: '表决',
            render: (_: unknown, d: VillageMeeting['decisions'][number]) =>
              `同意${d.votes.for}、反对${d.votes.against}、弃权${d.votes.abstain}`,
          },
          { title: '结果', dataIndex: 'carried', render: (v: boolean) => (v ? '通过' : '未通过') },
          {
            title: '村务公开',
            render: (_: unknown, d: VillageMeeting['decisions'][number]) => (d.publicity ? `${d.publicity.on}已公开` : '未公开'),
          },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 8 }}>
        <pre style={pre}>{m.minutes}</pre>
      </Typography.Paragraph>
    </>
  );
}

/** The villages in the user's scope: his own village, or the villages under his town. */
function myVillages(data: unknown, me: Me) {
  const items = (data as { items: { id: string; parentId: string | null; level: string; name: string }[] }).items;
  const own = items.find((r) => r.id === me.user.regionId);
  const villages = own?.level === 'village' ? [own] : items.filter((r) => r.level === 'village' && r.parentId === me.user.regionId);
  return { village: { options: villages.map((v) => ({ value: v.id, label: v.name })), none: '您的数据权限范围内没有村' } };
}

export const VILLAGE_RULES_CONSOLE: ProcedureConsole<VillageRules> = {
  key: 'village-rules',
  api: '/village-rules',
  permission: 'village.read',
  title: 'villageRules',
  openLabel: 'draftVillageRules',
  searchLabel: 'searchVillageRules',
  recordName: '村规民约',
  openedLabel: '起草日期',
  closedLabel: '—',
  heading: (v) => `${v.record.villageName}村规民约`,
  Summary: RulesSummary,
  openWidgets: { path: '/regions', supply: myVillages },
};

export const VILLAGE_MEETINGS_CONSOLE: ProcedureConsole<VillageMeeting> = {
  key: 'village-meetings',
  api: '/village-meetings',
  permission: 'village.read',
  title: 'villageMeetings',
  openLabel: 'recordVillageMeeting',
  searchLabel: 'searchVillageMeetings',
  recordName: '会议记录',
  openedLabel: '会议日期',
  closedLabel: '决定全部公开',
  heading: (v) => `${v.record.villageName}${v.record.heldOn}${MEETING_KINDS[v.record.kind]}`,
  Summary: MeetingSummary,
  openWidgets: { path: '/regions', supply: myVillages },
  openDefaults: { kind: 'representatives', basis: null, decisions: [{ rulesId: null, votes: { for: 0, against: 0, abstain: 0 } }] },
};
