/**
 * The evidence of a record of any procedure on its page: each item with its type (named by
 * the attaching action's schema), title, description and file — player, 下载, 保管记录,
 * 遮盖 (ItemFile) — and, for who may attach, the files waiting to be registered (held on the
 * server for the record, from any device, and this browser's uploads under way): a verified
 * file is attached with the procedure's own attaching action, its form built from that
 * action's schema, the file picked from the waiting ones. The penalty case shows its richer
 * card instead (../penalty/evidence/), on the same parts.
 */
import { useState } from 'react';
import { App, List, Tag } from 'antd';
import { post } from '../../api';
import { can, useSession } from '../session';
import { SchemaForm, unwrap } from '../procedure/SchemaForm';
import type { ProcedureDictionaries } from '../procedure/types';
import { FileActions, FileInfo } from './ItemFile';
import { EvidenceFrame } from './EvidenceFrame';
import { useFilePicker } from './UploadPanel';
import { uploadQueue } from './queue';
import { currentOf, registeredHeld, usePending, type PendingFile } from './held';
import { DuplicateWarning, HeldFileSelect } from './HeldFileSelect';
import type { EvidenceFile, EvidenceItem } from './types';

function ItemRow({
  base,
  item,
  typeName,
  canRedact,
  onCustody,
  onRedact,
}: {
  base: string;
  item: EvidenceItem;
  typeName: string;
  canRedact: boolean;
  onCustody: () => void;
  onRedact: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <List.Item data-testid="evidence-item" data-seq={item.seq} style={{ display: 'block', minWidth: 0 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          {typeName}
        </Tag>
        <b style={{ overflowWrap: 'anywhere' }}>{item.title}</b>
        {item.withdrawn && (
          <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="evidence-withdrawn">
            已撤回（{item.withdrawn.on}：{item.withdrawn.reason}）
          </Tag>
        )}
      </div>
      <div style={{ fontSize: 13, color: '#555', marginTop: 4, overflowWrap: 'anywhere' }}>{item.description}</div>
      {item.file && (
        <>
          <FileInfo file={item.file} />
          <FileActions
            base={base}
            item={item as EvidenceItem & { file: EvidenceFile }}
            open={open}
            onToggle={() => setOpen(!open)}
            canRedact={canRedact}
            onCustody={onCustody}
            onRedact={onRedact}
          />
        </>
      )}
    </List.Item>
  );
}

export function EvidencePanel({
  base,
  recordId,
  items,
  dict,
  allowed,
  handle,
  onChanged,
}: {
  /** The record's API path: /information-requests/<id> */
  base: string;
  recordId: string;
  items: readonly EvidenceItem[];
  dict: ProcedureDictionaries & { evidence: NonNullable<ProcedureDictionaries['evidence']> };
  /** The action types the user may take now */
  allowed: readonly string[];
  /** The permission that redacts and shares the procedure's evidence */
  handle: string | undefined;
  onChanged: () => Promise<unknown>;
}) {
  const me = useSession();
  const { message } = App.useApp();
  const noun = dict.evidence.item;
  const attach = dict.actions.find((a) => a.evidence === 'attach' && allowed.includes(a.type));
  const typeField = dict.actions.find((a) => a.evidence === 'attach')?.schema.properties?.type;
  const typeName = (type: string) => (typeField && unwrap(typeField).s.labels?.[type]) ?? type;
  const [picked, setPicked] = useState<PendingFile | null>(null);
  const pending = usePending(base, recordId);
  // The file picked, as the held list has it now (its 重复 flag is the server's latest).
  const attaching = currentOf(pending.ready, picked);
  const picker = useFilePicker((files) => {
    // Held on the server for this record (by its procedure), so any of the user's devices sees it.
    uploadQueue.add(files, recordId, null, dict.subjectType ?? null).catch((e: unknown) => void message.error((e as Error).message));
  });
  return (
    <EvidenceFrame
      base={base}
      recordId={recordId}
      title={noun}
      uploadLabel={`上传${noun}`}
      noun={noun}
      emptyText={`尚无${noun}`}
      items={items}
      canUpload={!!attach && can(me, 'evidence.upload')}
      picker={picker}
      onRegister={setPicked}
      renderItem={(e, open) => (
        <ItemRow
          base={base}
          item={e}
          typeName={typeName(e.type)}
          canRedact={!!handle && can(me, handle)}
          onCustody={open.custody}
          onRedact={open.redact}
        />
      )}
    >
      <div style={{ display: 'none' }}>{picker.inputs}</div>
      {attach && attaching && (
        <SchemaForm
          title={attach.title}
          schema={attach.schema}
          today={dict.today}
          initialValues={{ title: attaching.fileName.replace(/\.[^.]+$/, '') }}
          open
          onCancel={() => setPicked(null)}
          intro={
            <div data-testid="evidence-file" style={{ marginBottom: 12 }}>
              <div style={{ marginBottom: 4 }}>{noun}文件</div>
              <HeldFileSelect
                label={`${noun}文件`}
                files={pending.ready}
                value={attaching.key}
                onChange={(k) => setPicked(pending.ready.find((f) => f.key === k) ?? picked)}
                noun={noun}
              />
              <div style={{ marginTop: 8 }}>
                <DuplicateWarning file={attaching} noun={noun} record={dict.evidence.record} />
              </div>
            </div>
          }
          onSubmit={async (payload, idempotencyKey) => {
            // The file is the one uploaded: its hash, which the server checks against the user's verified uploads.
            const file = { sha256: attaching.sha256 };
            await post(`${base}/actions`, { type: attach.type, payload: { ...payload, file } }, { idempotencyKey });
            await registeredHeld(base, attaching);
            void message.success(`已登记${noun}：${String(payload.title ?? attaching.fileName)}`);
            setPicked(null);
            await onChanged();
          }}
        />
      )}
    </EvidenceFrame>
  );
}
