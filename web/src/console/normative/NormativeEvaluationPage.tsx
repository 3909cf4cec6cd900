/**
 * 规范性文件评估清理: the documents whose evaluation before expiry is due (GET
 * /normative-documents/evaluation-due: from 6 months before expiry, and those expired and not
 * yet declared lapsed), each linking to its page where 评估后延续 or 有效期届满失效 is taken.
 */
import { Card, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { usePagedList } from '../../hooks';
import { LoadMore, emptyText } from '../../components';
import { PageTitle } from '../../heading';

interface Due {
  id: string;
  title: string;
  number: string | null;
  expiresOn: string;
  evaluationFrom: string;
  expired: boolean;
}

export default function NormativeEvaluationPage() {
  const list = usePagedList<Due>('/normative-documents/evaluation-due');
  return (
    <Card title={<PageTitle>规范性文件评估清理</PageTitle>}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={list.loading}
        data-testid="evaluation-due"
        locale={{ emptyText: emptyText('没有待评估的规范性文件') }}
        dataSource={list.items}
        columns={[
          {
            title: '文件名称',
            dataIndex: 'title',
            render: (v: string, r: Due) => <Link to={`/console/normative-documents/${r.id}`}>{v}</Link>,
          },
          { title: '统一编号', dataIndex: 'number' },
          { title: '评估起始日', dataIndex: 'evaluationFrom' },
          { title: '有效期至', dataIndex: 'expiresOn' },
          {
            title: '状态',
            dataIndex: 'expired',
            render: (v: boolean) => (v ? <Tag color="red">已届满，待确认失效</Tag> : <Tag color="gold">待评估</Tag>),
          },
        ]}
      />
      <LoadMore next={list.next} loading={list.loading} onMore={list.more} />
    </Card>
  );
}
