/**
 * 行政规范性文件 on the portal's 信息公开目录: the published documents, searched by title or
 * number and filtered by their standing today (现行有效, 尚未施行, 已失效, 已废止, 已宣布失效);
 * each opens to its text, its numbers (a renewal renumbers it) and its cleanup results.
 */
import { useState } from 'react';
import { Alert, Card, Descriptions, Input, Select, Space, Spin, Table, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useResource, usePagedList } from '../../hooks';
import { query } from '../../api';
import { ErrorResult, LoadMore, emptyText } from '../../components';
import { useT } from '../../i18n';
import { PageTitle } from '../../heading';

const STATES = {
  effective: { label: '现行有效', color: 'green' },
  pending: { label: '已发布，尚未施行', color: 'blue' },
  lapsed: { label: '已失效（有效期届满）', color: 'default' },
  repealed: { label: '已废止', color: 'default' },
  invalid: { label: '已宣布失效', color: 'default' },
} as const;
type State = keyof typeof STATES;

interface Listed {
  id: string;
  title: string;
  number: string;
  agency: string;
  publishedOn: string;
  effectiveOn: string;
  expiresOn: string;
  state: State;
  stateName: string;
}

const StateTag = ({ state, name }: { state: State; name: string }) => <Tag color={STATES[state].color}>{name}</Tag>;

export default function NormativeDocumentsPage() {
  const t = useT();
  const [q, setQ] = useState('');
  const [state, setState] = useState<State>();
  const list = usePagedList<Listed>(`/public/normative-documents${query({ q: q || undefined, state, limit: 20 })}`);
  return (
    <Card title={<PageTitle>{t('normativePortal')}</PageTitle>}>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          placeholder="检索文件名称或统一编号"
          aria-label="检索行政规范性文件"
          allowClear
          onSearch={setQ}
          style={{ width: 300, maxWidth: '100%' }}
          data-testid="normative-search"
        />
        <Select
          allowClear
          aria-label="按现行状态筛选"
          placeholder="全部状态"
          style={{ width: 200 }}
          value={state}
          onChange={setState}
          options={(Object.keys(STATES) as State[]).map((k) => ({ value: k, label: STATES[k].label }))}
        />
      </Space>
      <Table<Listed>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 800 }}
        data-testid="normative-list"
        locale={{ emptyText: emptyText('没有符合条件的规范性文件') }}
        columns={[
          { title: '文件名称', render: (_, d) => <Link to={`/portal/normative-documents/${d.id}`}>{d.title}</Link> },
          { title: '统一编号', dataIndex: 'number' },
          { title: '发布机关', dataIndex: 'agency' },
          { title: '发布日期', dataIndex: 'publishedOn' },
          { title: '施行日期', dataIndex: 'effectiveOn' },
          { title: '现行状态', render: (_, d) => <StateTag state={d.state} name={d.stateName} /> },
        ]}
      />
      <LoadMore next={list.next} loading={list.loading} onMore={list.more} />
    </Card>
  );
}

interface Shown {
  title: string;
  number: string;
  numbers: { number: string; on: string; renewal: boolean }[];
  drafter: string;
  publishedOn: string;
  effectiveOn: string;
  expiresOn: string;
  state: State;
  stateName: string;
  text: string;
  cleanups: { on: string; result: string; reason: string }[];
}

export function NormativeDocumentPage() {
  const { id } = useParams();
  const d = useResource<Shown>(`/public/normative-documents/${encodeURIComponent(id ?? '')}`);
  if (d.error) return <ErrorResult error={d.error} />;
  if (!d.data) return <Spin />;
  const x = d.data;
  return (
    <Card title={<PageTitle>{x.title}</PageTitle>} extra={<Link to="/portal/normative-documents">返回列表</Link>}>
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="统一编号">{x.number}</Descriptions.Item>
        <Descriptions.Item label="现行状态">
          <StateTag state={x.state} name={x.stateName} />
        </Descriptions.Item>
        <Descriptions.Item label="发布日期">{x.publishedOn}</Descriptions.Item>
        <Descriptions.Item label="施行日期">{x.effectiveOn}</Descriptions.Item>
        <Descriptions.Item label="有效期至">{x.expiresOn}</Descriptions.Item>
        <Descriptions.Item label="历次编号">
          {x.numbers.map((n) => `${n.number}（${n.on}${n.renewal ? '，评估后延续' : ''}）`).join('；')}
        </Descriptions.Item>
      </Descriptions>
      {x.cleanups.map((c) => (
        <Alert key={c.on} type="info" showIcon style={{ marginBottom: 8 }} title={`${c.on} 清理结果：${c.result}`} description={c.reason} />
      ))}
      <pre data-testid="normative-text" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>
        {x.text}
      </pre>
    </Card>
  );
}
