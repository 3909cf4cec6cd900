import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useResource } from '../../hooks';
import { put, type ApiError } from '../../api';
import { emptyText, ErrorResult } from '../../components';
import { can, useSession } from '../session';
import type { HolidayDay, HolidayYear } from '../../types';
import { PageTitle } from '../../heading';
import { chinaTime } from '../../time';

/** Where a year's days came from, in the reader's words (the stored source is the data package's name). */
const SOURCE: Record<string, { name: string; note?: string }> = {
  'chinese-days': { name: '随系统提供', note: '依国务院办公厅历年部分节假日安排的通知录入' },
  admin: { name: '管理员录入' },
};

/** One line per day: "2027-10-01 rest 国庆节" — quick to paste from the State Council notice. */
function parseDays(text: string): HolidayDay[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [date, kind, ...name] = l.split(/\s+/);
      return {
        date: date ?? '',
        kind: kind === 'workday' || kind === '补班' ? 'workday' : 'rest',
        name: name.join(' ') || (kind === 'workday' || kind === '补班' ? '调休补班' : '节假日'),
      };
    });
}

export default function CalendarPage() {
  const me = useSession();
  const { message } = App.useApp();
  const years = useResource<{ items: HolidayYear[] }>('/calendar/years');
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const days = useResource<{ year: number; known: boolean; days: HolidayDay[] }>(`/calendar/years/${year}`);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm();
  if (years.error) return <ErrorResult error={years.error} />;
  const startEdit = () => {
    form.setFieldsValue({ note: '', text: (days.data?.days ?? []).map((d) => `${d.date} ${d.kind} ${d.name}`).join('\n') });
    setEditing(true);
  };
  const save = async () => {
    const v = await form.validateFields();
    try {
      await put(`/calendar/years/${year}`, { note: v.note, days: parseDays(v.text) });
      void message.success(`${year} 年节假日安排已保存`);
      setEditing(false);
      void days.reload();
      void years.reload();
    } catch (e) {
      void message.error((e as ApiError).message);
    }
  };
  const yearOptions = [...new Set([...(years.data?.items ?? []).map((y) => y.year), new Date().getFullYear() + 1])].sort((a, b) => b - a);
  return (
    <Card
      title={<PageTitle>节假日与调休</PageTitle>}
      extra={
        <Space>
          <Select
            aria-label="年份"
            value={year}
            onChange={setYear}
            style={{ width: 120 }}
            options={yearOptions.map((y) => ({ value: y, label: `${y} 年` }))}
          />
          {can(me, 'calendar.manage') && (
            <Button type="primary" onClick={startEdit}>
              {days.data?.known ? '更正该年' : '录入该年'}
            </Button>
          )}
        </Space>
      }
    >
      {days.data && !days.data.known && (
        <Tag color="orange" style={{ marginBottom: 12 }}>
          {year} 年尚未录入：涉及该年的期限按周一至周五计算并提示
        </Tag>
      )}
      <Table<HolidayDay>
        rowKey="date"
        loading={days.loading}
        dataSource={days.data?.days ?? []}
        pagination={{ pageSize: 40 }}
        size="small"
        locale={{ emptyText: emptyText('该年没有放假或调休记录') }}
        columns={[
          { title: '日期', dataIndex: 'date' },
          {
            title: '类型',
            dataIndex: 'kind',
            render: (k: string) => (k === 'rest' ? <Tag color="red">放假</Tag> : <Tag color="blue">调休上班</Tag>),
          },
          { title: '名称', dataIndex: 'name' },
        ]}
      />
      <Table<HolidayYear>
        style={{ marginTop: 24 }}
        rowKey="year"
        dataSource={years.data?.items ?? []}
        size="small"
        pagination={{ pageSize: 10 }}
        columns={[
          { title: '年份', dataIndex: 'year' },
          { title: '来源', dataIndex: 'source', render: (s: string) => SOURCE[s]?.name ?? '其他' },
          { title: '说明', dataIndex: 'note', render: (n: string, y) => SOURCE[y.source]?.note ?? n },
          { title: '天数', dataIndex: 'days' },
          { title: '更新时间', dataIndex: 'updatedAt', render: (at: string) => chinaTime(at) },
        ]}
      />
      <Modal
        title={`录入 ${year} 年节假日安排`}
        open={editing}
        onOk={save}
        onCancel={() => setEditing(false)}
        okText="保存"
        cancelText="取消"
        width={560}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="note" label="依据" rules={[{ required: true, message: '请注明依据，如 国办发明电〔2026〕X号' }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="text"
            label="每行一天：日期 类型(rest 放假 / workday 调休上班) 名称"
            rules={[{ required: true, message: '至少录入一天' }]}
          >
            <Input.TextArea rows={12} placeholder={'2027-10-01 rest 国庆节\n2027-09-26 workday 国庆节调休补班'} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
