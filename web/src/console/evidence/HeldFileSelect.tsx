/**
 * The file a registration form registers, picked from the files waiting for the record
 * (held on the server, from any device): name, size, when it was uploaded, and 重复 when the
 * record already holds the same bytes — naming that item, since registering it again would
 * be refused.
 */
import { Alert, Select } from 'antd';
import { chinaTime } from '../../time';
import { formatBytes, shortHash } from './names';
import { DuplicateTag } from './UploadPanel';
import type { PendingFile } from './held';

function FileOption({ file, noun }: { file: PendingFile; noun: string }) {
  return (
    <div style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }} data-testid="held-file-option" data-file={file.fileName}>
      <b>{file.fileName}</b>{' '}
      <span style={{ color: '#595959', fontSize: 12 }}>
        {formatBytes(file.size)} · {chinaTime(new Date(file.at).toISOString())} 上传 · SHA-256 {shortHash(file.sha256)}
      </span>{' '}
      <DuplicateTag of={file.duplicateOf} noun={noun} />
    </div>
  );
}

export function HeldFileSelect({
  files,
  value,
  onChange,
  noun,
  allowNone,
  id,
  label,
}: {
  files: readonly PendingFile[];
  value?: string;
  onChange?: (key: string | undefined) => void;
  noun: string;
  /** An item may be registered without a file (the penalty case's 物证) */
  allowNone?: boolean;
  id?: string;
  /** Its accessible name, when no form label names it */
  label?: string;
}) {
  return (
    <Select
      id={id}
      aria-label={label}
      value={value}
      onChange={onChange}
      allowClear={allowNone}
      virtual={false}
      placeholder={allowNone ? '不附文件' : '请选择已上传的文件'}
      data-testid="held-file-select"
      options={files.map((f) => ({ value: f.key, label: <FileOption file={f} noun={noun} />, title: f.fileName }))}
    />
  );
}

/** What registering the chosen file would meet: the record already holds it. */
export function DuplicateWarning({ file, noun, record }: { file: PendingFile | null | undefined; noun: string; record: string }) {
  const of = file?.duplicateOf;
  if (!of) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="duplicate-warning"
      message={`该文件已登记为${record}${noun}“${of.title}”（序号 ${of.seq}），不能重复登记`}
      description={`如需更正，请先撤回该项${noun}。`}
    />
  );
}
