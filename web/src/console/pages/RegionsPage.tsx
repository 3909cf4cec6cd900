import { useMemo, useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useResource } from '../../hooks';
import { post, type ApiError } from '../../api';
import { ErrorResult, emptyText } from '../../components';
import { can, useSession } from '../session';
import type { Region } from '../../types';
import { PageTitle } from '../../heading';

const LEVEL = { county: '县', town: '乡镇', village: '村（社区）' } as const;

export default function RegionsPage() {
  const me = useSession();
  const { message } = App.useApp();
  const { data, error, reload } = useResource<{ items: Region[] }>('/regions');
  const [parent, setParent] = useState<Region>();
  const [form] = Form.useForm();
  const tree = useMemo(() => {
    const items = data?.items ?? [];
    const build = (parentId: string | null): DataNode[] =>
      items
        .filter((r) => r.parentId === parentId)
        .map((r) => ({ key: r.id, title: `${r.name}（${LEVEL[r.level]}）`, children: build(r.id) }));
    return build(null);
  }, [data]);
  if (error) return <ErrorResult error={error} />;
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await post('/regions', { parentId: parent!.id, name: v.name, code: v.code || null });
      void message.success('已新增区划');
      setParent(undefined);
      form.resetFields();
      void reload();
    } catch (e) {
      void message.error((e as ApiError).message);
    }
  };
  const selectable = (data?.items ?? []).filter((r) => r.level !== 'village');
  return (
    <Card title={<PageTitle>行政区划（县 — 乡镇 — 村）</PageTitle>}>
      {tree.length === 0 ? emptyText('尚无区划') : <Tree treeData={tree} defaultExpandAll showLine />}
      {can(me, 'org.manage') && (
        <div style={{ marginTop: 16 }}>
          {selectable.map((r) => (
            <Button key={r.id} size="small" style={{ margin: 4 }} onClick={() => setParent(r)}>
              在"{r.name}"下新增
            </Button>
          ))}
        </div>
      )}
      <Modal
        title={`在“${parent?.name}”下新增区划`}
        open={Boolean(parent)}
        onOk={submit}
        onCancel={() => setParent(undefined)}
        okText="保存"
        cancelText="取消"
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请输入名称' }, { max: 50 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="code" label="区划代码（可选）" rules={[{ pattern: /^\d{6,12}$/, message: '6–12 位数字' }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
