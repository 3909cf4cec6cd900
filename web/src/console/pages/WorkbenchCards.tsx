/**
 * What falls due across every procedure the user may read (GET /workbench and
 * /workbench/due): per procedure, how many records are overdue or due within three
 * working days, and one queue of them, most overdue first, each linked to its record.
 */
import { Alert, Card, Col, Row, Statistic, Table } from 'antd';
import { Link } from 'react-router-dom';
import { usePagedList, useResource } from '../../hooks';
import { emptyText, LoadMore } from '../../components';
import { DueTag } from '../../deadlines';
import type { DueItem, TodoItem, WorkbenchCount } from '../../../../src/procedure/workbench';
import { chinaTime } from '../../time';

function CountCards({ counts }: { counts: WorkbenchCount[] }) {
  return (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      {counts.map((c) => (
        <Col span={6} key={c.procedure}>
          <Card data-testid={`workbench-${c.procedure}`}>
            <Statistic
              title={<Link to={`/console${c.path}?overdue=true`}>{c.name}：已超期</Link>}
              value={c.overdue}
              suffix="件"
              valueStyle={{ color: c.overdue ? '#cf1322' : undefined }}
            />
            <div style={{ color: '#ad4e00', marginTop: 4 }}>3 个工作日内到期 {c.warning} 件</div>
            <div style={{ marginTop: 4 }}>
              <a href="#todo">待我办理 {c.todo} 件</a>
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/**
 * 待我办理: the records waiting on one of my roles for their next step (an approval, a legal
 * review, a service, a hearing…), longest waiting first, one click from each.
 */
function TodoCard() {
  const todo = usePagedList<TodoItem>('/workbench/todo?limit=20');
  // Nothing waiting (a supervisor takes no step himself): one line, so what he watches comes first.
  if (!todo.loading && todo.items.length === 0)
    return (
      <Alert
        type="success"
        showIcon
        id="todo"
        data-testid="workbench-todo"
        style={{ marginBottom: 16 }}
        message="待我办理：目前没有等待您办理的事项"
      />
    );
  return (
    <Card
      id="todo"
      title={<h2 style={{ fontSize: 16, margin: 0 }}>待我办理（等待最久的在前）</h2>}
      style={{ marginBottom: 16 }}
      data-testid="workbench-todo"
    >
      <Table<TodoItem>
        rowKey={(d) => `${d.procedure}/${d.id}`}
        loading={todo.loading}
        dataSource={todo.items}
        pagination={false}
        size="small"
        locale={{ emptyText: emptyText('目前没有等待您办理的事项') }}
        columns={[
          {
            title: '待办事项',
            render: (_, d) => (
              <Link to={`/console${d.path}/${d.id}`} data-testid="todo-link">
                {d.step}：{d.title}
              </Link>
            ),
          },
          { title: '类别', dataIndex: 'procedureName' },
          { title: '状态', dataIndex: 'statusName' },
          { title: '期限', render: (_, d) => (d.nextDue && d.dueState ? <DueTag due={d.nextDue} state={d.dueState} /> : '—') },
          { title: '等待自', render: (_, d) => chinaTime(d.since) },
          { title: '单位', render: (_, d) => d.agency.name },
        ]}
      />
      <LoadMore next={todo.next} loading={todo.loading} onMore={() => void todo.more()} />
    </Card>
  );
}

export default function WorkbenchCards() {
  const counts = useResource<{ today: string; procedures: WorkbenchCount[] }>('/workbench');
  const due = usePagedList<DueItem>('/workbench/due?within=soon&limit=20');
  const procedures = counts.data?.procedures ?? [];
  // A user who may read no procedure has no deadlines to watch here.
  if (counts.data && procedures.length === 0) return null;
  return (
    <>
      <TodoCard />
      <CountCards counts={procedures} />
      <Card title="待办期限（已超期及 3 个工作日内到期，最超期的在前）" style={{ marginBottom: 16 }} data-testid="workbench-due">
        <Table<DueItem>
          rowKey={(d) => `${d.procedure}/${d.id}`}
          loading={due.loading || counts.loading}
          dataSource={due.items}
          pagination={false}
          size="small"
          locale={{ emptyText: emptyText('没有超期或即将到期的事项') }}
          columns={[
            { title: '期限', render: (_, d) => <DueTag due={d.nextDue} state={d.dueState} /> },
            { title: '事项', render: (_, d) => d.nextRuleTitle ?? d.nextRule },
            { title: '类别', dataIndex: 'procedureName' },
            { title: '案件', render: (_, d) => <Link to={`/console${d.path}/${d.id}`}>{d.title}</Link> },
            { title: '状态', dataIndex: 'statusName' },
            { title: '单位', render: (_, d) => d.agency.name },
          ]}
        />
        <LoadMore next={due.next} loading={due.loading} onMore={() => void due.more()} />
      </Card>
    </>
  );
}
