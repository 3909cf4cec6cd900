/**
 * 文书查验 (issue 13 §7): a document's QR code opens /portal/verify/<code>; the code can also be
 * typed here. The page shows what the platform says about the document and then checks, in
 * this browser, that the journal entry which issued it is in the signed checkpoint
 * (verify-proof.ts), and says plainly whether the check passed.
 */
import { useEffect, useState } from 'react';
import { Alert, Card, Descriptions, Input, List, Result, Spin, Tag, Typography } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useResource } from '../../hooks';
import { ErrorResult } from '../../components';
import { PageTitle } from '../../heading';
import type { PublicDecision } from '../../../../src/modules/disclosure/masks';
import { DECISION_LABELS } from '../../decision-labels';
import { checkInclusionProof, type InclusionProof, type ProofCheck } from '../verify-proof';
import { PartyViewCard } from './PartyViewCard';

interface Verification {
  code: string;
  document: { title: string; number: string; agency: string; procedure: string | null; issuedOn: string };
  status: 'issued' | 'published' | 'withdrawn' | 'lapsed';
  statusName: string;
  withdrawal: PublicDecision['withdrawal'];
  lapsed: { on: string; reason: string } | null;
  decision: PublicDecision | null;
  proof: InclusionProof | null;
}

function CodeForm({ initial }: { initial?: string }) {
  const navigate = useNavigate();
  return (
    <Input.Search
      aria-label="查验码"
      placeholder="输入文书上的 12 位查验码，如 ABCD-EFGH-JKMN"
      enterButton="查验"
      maxLength={20}
      defaultValue={initial}
      onSearch={(v) => {
        const code = v.trim();
        if (code) navigate(`/portal/verify/${encodeURIComponent(code)}`);
      }}
      style={{ maxWidth: 480 }}
    />
  );
}

/** /portal/verify: typing a code by hand. */
export function VerifyFormPage() {
  return (
    <Card title={<PageTitle>文书查验</PageTitle>}>
      <Typography.Paragraph>
        本平台出具的每份编号文书（如行政处罚决定书）都印有二维码和查验码。扫描二维码，或在下面输入查验码，可以核对文书的文号、出具机关、日期和现在的效力，并在您的浏览器中核验平台签名日志对它的记录。
      </Typography.Paragraph>
      <CodeForm />
    </Card>
  );
}

function ProofResult({ proof }: { proof: InclusionProof | null }) {
  const [check, setCheck] = useState<ProofCheck | 'failed'>();
  useEffect(() => {
    if (!proof) return;
    let live = true;
    checkInclusionProof(proof).then(
      (c) => live && setCheck(c),
      () => live && setCheck('failed'),
    );
    return () => {
      live = false;
    };
  }, [proof]);
  if (!proof)
    return <Alert type="info" showIcon message="该文书的签发记录尚未纳入签名检查点（通常在一分钟内纳入），请稍后刷新本页再核验。" />;
  if (!check) return <Spin tip="正在本浏览器中核验……" />;
  if (check === 'failed')
    return (
      <Alert
        type="error"
        showIcon
        data-testid="proof-result"
        message="核验未能完成：您的浏览器不支持所需的密码算法（Ed25519），请换用新版浏览器。"
      />
    );
  return (
    <>
      <Alert
        type={check.ok ? 'success' : 'error'}
        showIcon
        data-testid="proof-result"
        message={
          check.ok
            ? '核验通过：签发该文书的记录已写入平台的签名日志，签名和 Merkle 包含证明均已在您的浏览器中验证。'
            : '核验未通过：平台给出的证明与签名检查点不符。请不要依赖该查验结果，并向出具机关或上级机关反映。'
        }
        description={`签名检查点：${check.timestamp ?? '—'}，日志规模 ${proof.treeSize}，条目序号 ${proof.seq}；公钥指纹 ${check.keyId ?? '—'}`}
      />
      <List
        size="small"
        style={{ marginTop: 8 }}
        dataSource={check.steps}
        renderItem={(s) => (
          <List.Item>
            <span>
              {s.ok ? (
                <CheckCircleTwoTone twoToneColor="#389e0d" aria-label="通过" />
              ) : (
                <CloseCircleTwoTone twoToneColor="#cf1322" aria-label="未通过" />
              )}
              <span style={{ marginLeft: 8 }}>{s.label}</span>
            </span>
          </List.Item>
        )}
      />
    </>
  );
}

/** /portal/verify/:code: the answer for one code. */
export default function VerifyPage() {
  const { code = '' } = useParams();
  const v = useResource<Verification>(`/public/verify/${encodeURIComponent(code)}`);
  if (v.error?.status === 404)
    return (
      <Card title={<PageTitle>文书查验</PageTitle>}>
        <Result status="404" title="未找到" subTitle={v.error.message} extra={<CodeForm />} />
      </Card>
    );
  if (v.error) return <ErrorResult error={v.error} />;
  if (!v.data) return <Spin />;
  const x = v.data;
  const d = x.decision;
  return (
    <Card title={<PageTitle>文书查验：{x.document.title}</PageTitle>} extra={<Link to="/portal/verify">查验其他文书</Link>}>
      {x.withdrawal && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="withdrawn"
          message={`该决定已于 ${x.withdrawal.on} 撤回公示（${x.withdrawal.kindName}）`}
          description={`撤回理由：${x.withdrawal.reason}`}
        />
      )}
      {x.lapsed && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="lapsed"
          message={`该文书所载信息已于 ${x.lapsed.on} 失效（${x.lapsed.reason}），请查阅现行版本`}
        />
      )}
      <Descriptions column={1} bordered size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="查验码">{x.code}</Descriptions.Item>
        <Descriptions.Item label="文书">{x.document.title}</Descriptions.Item>
        <Descriptions.Item label="文号">{x.document.number}</Descriptions.Item>
        <Descriptions.Item label="出具机关">{x.document.agency}</Descriptions.Item>
        <Descriptions.Item label="日期">{x.document.issuedOn}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag color={x.status === 'withdrawn' || x.status === 'lapsed' ? 'red' : 'green'} data-testid="document-status">
            {x.statusName}
          </Tag>
        </Descriptions.Item>
        {d && d.status === 'published' && (
          <>
            <Descriptions.Item label="当事人">
              {d.party.name}（{d.party.kindName}）
            </Descriptions.Item>
            <Descriptions.Item label="违法行为类型">{d.violationType}</Descriptions.Item>
            <Descriptions.Item label={DECISION_LABELS[d.category].conclusion}>{d.penalty}</Descriptions.Item>
            <Descriptions.Item label={DECISION_LABELS[d.category].basis}>{d.basis}</Descriptions.Item>
          </>
        )}
      </Descriptions>
      {d && (
        <Typography.Paragraph>
          <Link to={`/portal/decisions/${d.id}`}>查看该决定的公示</Link>
        </Typography.Paragraph>
      )}
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        在本浏览器中核验
      </Typography.Title>
      <ProofResult proof={x.proof} />
      {x.document.title.endsWith('决定书') && <PartyViewCard code={x.code} />}
    </Card>
  );
}
