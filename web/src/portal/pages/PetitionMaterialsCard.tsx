/**
 * 补充材料: the petitioner sends a photo or a scanned PDF for his petition from the tracking
 * page, verified by the last four of the ID number or phone he left. The server checks the
 * file (kind from its bytes, size, hash) before it counts; the page says what it takes.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { ApiError, post } from '../../api';
import { ActionErrorAlert } from '../../ActionErrorAlert';
import type { PublicPetitionView } from '../../types';
import { FactorField } from '../FactorField';

const ACCEPT = 'image/jpeg,image/png,image/webp,image/tiff,image/heic,application/pdf';

/** The file as Base64, without the data URL's prefix. */
const base64Of = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('无法读取所选文件'));
    reader.readAsDataURL(file);
  });

interface Values {
  verify: string;
  type: string;
  title: string;
  description: string;
}

export function PetitionMaterialsCard({
  code,
  materials,
  onSent,
}: {
  code: string;
  materials: PublicPetitionView['materials'];
  onSent: (v: PublicPetitionView) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  if (!materials.open) return null;

  const send = async (v: Values) => {
    if (!file) {
      setError(new ApiError(400, 'INVALID_INPUT', '请选择要提交的文件'));
      return;
    }
    setBusy(true);
    try {
      const body = {
        code,
        ...v,
        verify: v.verify.trim(),
        fileName: file.name,
        mime: file.type || 'application/octet-stream',
        content: await base64Of(file),
      };
      onSent(await post<PublicPetitionView>('/public/petitions/track/materials', body, { anonymous: true }));
      setError(undefined);
      form.resetFields();
      setFile(null);
      void message.success('材料已提交');
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK', '网络连接中断，请稍后再试。'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="补充信访材料" size="small" data-testid="track-materials">
      {!materials.verifiable ? (
        <Alert type="info" showIcon title="登记时未留身份证号或电话，无法在线验证身份，请将材料送交或寄送信访部门。" />
      ) : (
        <Form form={form} layout="vertical" onFinish={(v) => void send(v)} initialValues={{ type: 'photo' }}>
          <Typography.Paragraph type="secondary">
            可提交照片或扫描件（{materials.limit}），提交后由信访部门登记在您的信访事项中。
          </Typography.Paragraph>
          {error && <ActionErrorAlert error={error} />}
          <FactorField />
          <Form.Item name="type" label="材料类别" rules={[{ required: true, message: '请选择材料类别' }]}>
            <Select options={Object.entries(materials.types).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="title" label="材料名称" rules={[{ required: true, message: '请填写材料名称' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="description" label="说明" rules={[{ required: true, message: '请说明材料的内容' }]}>
            <Input.TextArea rows={2} maxLength={1000} showCount />
          </Form.Item>
          <Form.Item label="文件" required htmlFor="material-file">
            <input
              id="material-file"
              type="file"
              accept={ACCEPT}
              data-testid="material-file"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="submit-material">
            提交材料
          </Button>
        </Form>
      )}
    </Card>
  );
}
