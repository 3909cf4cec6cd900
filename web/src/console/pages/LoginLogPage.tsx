import { useState } from 'react';
import { Card, Input, Table, Tag } from 'antd';
import { usePagedList } from '../../hooks';
import { query } from '../../api';
import { emptyText, LoadMore } from '../../components';
import type { LoginEntry } from '../../types';
import { PageTitle } from '../../heading';
import { chinaTime } from '../../time';

const OUTCOMES: Record<string, { color: string; text: string }> = {
  success: { color: 'green', text: '登录成功' },
  'bad-password': { color: 'red', text: '密码错误' },
  'unknown-user': { color: 'red', text: '用户不存在' },
  locked: { color: 'volcano', text: '账号锁定（旧规则）' },
  inactive: { color: 'default', text: '账号停用' },
  logout: { color: 'blue', text: '退出登录' },
  throttled: { color: 'orange', text: '尝试过频，未核对密码' },
  'bad-old-password': { color: 'red', text: '改密码：原密码错误' },
  'password-change-throttled': { color: 'orange', text: '改密码：尝试过频' },
  'password-changed': { color: 'cyan', text: '已修改密码' },
};

export default function LoginLogPage() {
  const [username, setUsername] = useState('');
  const list = usePagedList<LoginEntry>(`/login-log${query({ username, limit: 100 })}`);
  return (
    <Card
      title={<PageTitle>登录日志</PageTitle>}
      extra={<Input.Search placeholder="按用户名查询" aria-label="按用户名查询" allowClear onSearch={setUsername} style={{ width: 220 }} />}
    >
      <Table<LoginEntry>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        size="small"
        locale={{ emptyText: emptyText('暂无登录记录') }}
        columns={[
          { title: '时间', dataIndex: 'at', render: (at: string) => chinaTime(at, true) },
          { title: '用户名', dataIndex: 'username' },
          {
            title: '结果',
            dataIndex: 'outcome',
            render: (o: string) => <Tag color={OUTCOMES[o]?.color}>{OUTCOMES[o]?.text ?? '其他'}</Tag>,
          },
          { title: '地址', dataIndex: 'ip' },
          { title: '浏览器', dataIndex: 'userAgent', ellipsis: true },
        ]}
      />
      <LoadMore next={list.next} loading={list.loading} onMore={list.more} />
    </Card>
  );
}
