/**
 * The latest evidence integrity check (the server re-hashes every file on a schedule):
 * a red banner when files were missing or altered, with which (county-wide scopes see the
 * files, others the count); a quiet line when all was well.
 */
import { Alert } from 'antd';
import { useResource } from '../../hooks';
import { chinaTime } from '../../time';
import { formatBytes, INTEGRITY, shortHash } from './names';

interface IntegrityCheck {
  latest: null | {
    at: string;
    ok: boolean;
    checked: number;
    bytes: number;
    problemCount: number;
    problems: { sha256: string; integrity: 'missing' | 'altered'; fileNames: string[] }[];
  };
}

export function IntegrityAlert({ quietWhenOk = false, style }: { quietWhenOk?: boolean; style?: React.CSSProperties }) {
  const r = useResource<IntegrityCheck>('/evidence/integrity');
  const latest = r.data?.latest;
  if (r.data === undefined) return null;
  if (!latest)
    return quietWhenOk ? null : (
      <Alert style={style} type="info" showIcon data-testid="integrity-none" message="尚未进行证据文件完整性检查" />
    );
  if (latest.ok && latest.problemCount === 0) {
    return quietWhenOk ? null : (
      <Alert
        style={style}
        type="success"
        showIcon
        data-testid="integrity-ok"
        message={`证据文件完整性检查（${chinaTime(latest.at)}）：${latest.checked} 个文件，共 ${formatBytes(latest.bytes)}，均完好`}
      />
    );
  }
  return (
    <Alert
      style={style}
      type="error"
      showIcon
      data-testid="integrity-alert"
      message={`证据文件完整性检查发现问题：${latest.problemCount} 个文件缺失或被改动（${chinaTime(latest.at)} 检查 ${latest.checked} 个文件）`}
      description={
        latest.problems.length > 0 ? (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {latest.problems.map((p) => (
              <li key={p.sha256} data-testid="integrity-problem" style={{ overflowWrap: 'anywhere' }}>
                <b>{INTEGRITY[p.integrity]?.text ?? p.integrity}</b>：{p.fileNames.join('、')}{' '}
                <span style={{ color: '#595959', fontFamily: 'monospace' }}>SHA-256 {shortHash(p.sha256)}</span>
              </li>
            ))}
          </ul>
        ) : (
          '请联系县级执法监督部门或系统管理员核查。'
        )
      }
    />
  );
}
