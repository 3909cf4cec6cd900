/**
 * The frame of a record's evidence, the same for every procedure's page: the count, 上传 for
 * who may attach, the files waiting to be registered (held on the server, and this browser's
 * uploads under way), the items newest first (each drawn by the page), the
 * custody drawer and the redaction dialog an item opens.
 */
import { useState, type ReactNode } from 'react';
import { Button, Card, Empty, List } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { CustodyDrawer } from './ItemFile';
import { RedactionModal } from './RedactionModal';
import { UploadPanel, type useFilePicker } from './UploadPanel';
import { useHasUploads } from './useUploads';
import { useHasHeld, type PendingFile } from './held';
import type { EvidenceItem } from './types';

/** What an item's row may open. */
export interface ItemOpeners {
  custody: () => void;
  redact: () => void;
}

export function EvidenceFrame<I extends EvidenceItem>({
  base,
  recordId,
  title,
  uploadLabel,
  noun,
  emptyText,
  items,
  canUpload,
  picker,
  onRegister,
  renderItem,
  children,
}: {
  /** The record's API path: /penalty-cases/<id> */
  base: string;
  recordId: string;
  title: ReactNode;
  uploadLabel: ReactNode;
  /** What the record calls an item: 证据, 材料 */
  noun: string;
  emptyText: string;
  items: readonly I[];
  canUpload: boolean;
  picker: ReturnType<typeof useFilePicker>;
  /** An uploaded, verified file is to be attached */
  onRegister: (f: PendingFile) => void;
  renderItem: (item: I, open: ItemOpeners) => ReactNode;
  children?: ReactNode;
}) {
  const queued = useHasUploads(recordId);
  const held = useHasHeld(base, canUpload);
  const [showUpload, setShowUpload] = useState(false);
  const [custody, setCustody] = useState<I | null>(null);
  const [redacting, setRedacting] = useState<I | null>(null);
  return (
    <Card
      size="small"
      data-testid="evidence-card"
      title={
        <span>
          {title} <span style={{ color: '#595959', fontWeight: 400 }}>（{items.length}）</span>
        </span>
      }
      extra={
        canUpload && (
          <Button
            size="small"
            type="primary"
            icon={<UploadOutlined />}
            onClick={() => setShowUpload(!showUpload)}
            data-testid="upload-evidence"
          >
            {uploadLabel}
          </Button>
        )
      }
    >
      {canUpload && (showUpload || queued || held) && (
        <UploadPanel base={base} caseId={recordId} noun={noun} picker={picker} onRegister={onRegister} />
      )}
      <List
        size="small"
        dataSource={[...items].reverse()}
        rowKey="seq"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
        renderItem={(e) => renderItem(e, { custody: () => setCustody(e), redact: () => setRedacting(e) })}
      />
      {custody && <CustodyDrawer base={base} item={custody} onClose={() => setCustody(null)} />}
      {redacting && <RedactionModal base={base} item={redacting} onClose={() => setRedacting(null)} />}
      {children}
    </Card>
  );
}
