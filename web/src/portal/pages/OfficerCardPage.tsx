/**
 * 亮证 (issue 13 §8): an officer's 执法证 QR code opens /portal/officer/<token>. Whoever is
 * being inspected sees, without logging in, the holder's name, agency, certificate number,
 * field and area, and in large letters whether the certificate is in force today. No photo,
 * ID number, phone or other personal data.
 */
import { Alert, Card, Descriptions, Result, Spin } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useResource } from '../../hooks';
import { ErrorResult } from '../../components';
import { PageTitle } from '../../heading';

interface Profile {
  name: string;
  agency: string;
  certificateNumber: string;
  field: string;
  area: string;
  validFrom: string;
  validUntil: string;
  today: string;
  inForce: boolean;
  standingName: string;
}

export default function OfficerCardPage() {
  const { token = '' } = useParams();
  const p = useResource<Profile>(`/public/certificates/${encodeURIComponent(token)}`);
  if (p.error?.status === 404)
    return (
      <Card title={<PageTitle>执法证查验</PageTitle>}>
        <Result
          status="404"
          title="未找到"
          subTitle="未找到该二维码对应的执法证。请向执法人员索要执法证核对，或在行政执法人员清单中查询。"
          extra={<Link to="/portal/officers">行政执法人员清单</Link>}
        />
      </Card>
    );
  if (p.error) return <ErrorResult error={p.error} />;
  if (!p.data) return <Spin />;
  const x = p.data;
  return (
    <Card title={<PageTitle>执法证查验</PageTitle>} extra={<Link to="/portal/officers">行政执法人员清单</Link>}>
      <Alert
        type={x.inForce ? 'success' : 'error'}
        showIcon
        data-testid="certificate-standing"
        style={{ marginBottom: 16, fontSize: 18 }}
        message={x.inForce ? `今日（${x.today}）该执法证有效，持证人可以从事行政执法` : `今日（${x.today}）该执法证无效：${x.standingName}`}
        description={
          x.inForce ? undefined : '持无效执法证的人员不得从事行政执法，您可以拒绝接受检查，并向其所属执法机关或司法行政部门反映。'
        }
      />
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="姓名">{x.name}</Descriptions.Item>
        <Descriptions.Item label="执法主体">{x.agency}</Descriptions.Item>
        <Descriptions.Item label="执法证号">{x.certificateNumber}</Descriptions.Item>
        <Descriptions.Item label="执法类别">{x.field}</Descriptions.Item>
        <Descriptions.Item label="执法区域">{x.area}</Descriptions.Item>
        <Descriptions.Item label="有效期">
          {x.validFrom} 至 {x.validUntil}
        </Descriptions.Item>
        <Descriptions.Item label="今日状态">{x.standingName}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
