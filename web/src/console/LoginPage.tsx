import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Layout } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { post, setCsrfToken, type ApiError } from '../api';
import type { Me } from '../types';
import { PageTitle } from '../heading';

export default function LoginPage() {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    try {
      const me = await post<Me>('/session', v);
      setCsrfToken(me.csrfToken);
      navigate(params.get('next')?.startsWith('/console') ? params.get('next')! : '/console', { replace: true });
    } catch (e) {
      setError((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Layout style={{ minHeight: '100vh', alignItems: 'center', justifyContent: 'center', background: '#f5f0ee' }}>
      <Card title={<PageTitle>依法 yifa · 法治政府建设平台 管理控制台</PageTitle>} style={{ width: 420 }}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
        <div style={{ marginTop: 16 }}>
          <Link to="/portal">返回公开门户</Link>
        </div>
      </Card>
    </Layout>
  );
}
