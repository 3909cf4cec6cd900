/**
 * 证据 on the case page: each item with its statutory type, what it proves, its source, the
 * recording's particulars and the step it belongs to; its file, player, 下载, 保管记录 and
 * 遮盖 are every procedure's (../../evidence/). The files waiting to be registered (held on
 * the server, from any device) sit on top for those who may add evidence.
 */
import { useState } from 'react';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useT } from '../../../i18n';
import type { FormContext } from '../ActionForm';
import type { CaseView, Evidence, EvidenceFile } from '../types';
import { chinaTime } from '../../../time';
import { FileActions, FileInfo } from '../../evidence/ItemFile';
import { EvidenceFrame } from '../../evidence/EvidenceFrame';
import type { useFilePicker } from '../../evidence/UploadPanel';
import type { PendingFile } from '../../evidence/held';
import { recordTitle, sceneName } from './names';

/** 2026/03/02 09:30–09:34, or both in full when the recording runs past midnight. */
const span = (from: string, to: string) => {
  const a = chinaTime(from);
  const b = chinaTime(to);
  return a.slice(0, 10) === b.slice(0, 10) ? `${a}–${b.slice(-5)}` : `${a} – ${b}`;
};

function EvidenceRow({
  base,
  item,
  view,
  ctx,
  canRedact,
  onCustody,
  onRedact,
}: {
  base: string;
  item: Evidence;
  view: CaseView;
  ctx: FormContext | undefined;
  canRedact: boolean;
  onCustody: () => void;
  onRedact: () => void;
}) {
  const [open, setOpen] = useState(false);
  const dict = ctx?.dictionaries;
  const person = (id: string) => ctx?.people.find((p) => p.id === id)?.name ?? id.slice(0, 8);
  const step = item.step != null ? view.case.records.find((r) => r.seq === item.step) : undefined;
  const r = item.recording;
  const f = item.file;
  return (
    <List.Item data-testid="evidence-item" data-seq={item.seq} style={{ display: 'block', minWidth: 0 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
        <Tag color={item.type === 'audiovisual' ? 'purple' : 'blue'} style={{ marginInlineEnd: 0 }}>
          {dict?.evidenceTypes[item.type] ?? item.type}
        </Tag>
        <b style={{ overflowWrap: 'anywhere' }}>{item.title}</b>
        {r && (
          <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>
            音像记录
          </Tag>
        )}
        {!f && <Tag style={{ marginInlineEnd: 0 }}>无文件</Tag>}
        {item.withdrawn && (
          <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="evidence-withdrawn">
            已撤回（{item.withdrawn.on}：{item.withdrawn.reason}）
          </Tag>
        )}
      </div>
      <div style={{ fontSize: 13, color: '#555', marginTop: 4, overflowWrap: 'anywhere' }}>
        {item.description}
        <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>
          （{item.source}，{item.collectedOn}）
        </span>
      </div>
      {step && <div style={{ fontSize: 12, color: 'rgba(0, 0, 0, 0.65)' }}>所属笔录：{recordTitle(step)}</div>}
      {f && <FileInfo file={f} />}
      {r && (
        <div
          style={{
            fontSize: 12,
            color: '#555',
            background: '#f9f0ff',
            borderRadius: 4,
            padding: '4px 8px',
            marginTop: 4,
            overflowWrap: 'anywhere',
          }}
          data-testid="evidence-recording"
        >
          执法记录仪 {r.recorder} · {span(r.startedAt, r.endedAt)} · {sceneName(dict, r.scene)} · {r.place}
          {r.gps ? ` · 北纬 ${r.gps.lat.toFixed(4)} 东经 ${r.gps.lng.toFixed(4)}` : ''} · {r.officers.map(person).join('、')}
        </div>
      )}
      {f && (
        <FileActions
          base={base}
          item={item as Evidence & { file: EvidenceFile }}
          open={open}
          onToggle={() => setOpen(!open)}
          canRedact={canRedact}
          onCustody={onCustody}
          onRedact={onRedact}
        />
      )}
    </List.Item>
  );
}

export function EvidenceCard({
  view,
  ctx,
  canUpload,
  canRedact,
  picker,
  onRegister,
}: {
  view: CaseView;
  ctx: FormContext | undefined;
  canUpload: boolean;
  canRedact: boolean;
  picker: ReturnType<typeof useFilePicker>;
  onRegister: (f: PendingFile) => void;
}) {
  const t = useT();
  const base = `/penalty-cases/${view.id}`;
  return (
    <EvidenceFrame
      base={base}
      recordId={view.id}
      title={t('evidence')}
      uploadLabel={t('uploadEvidence')}
      noun="证据"
      emptyText="尚未登记证据"
      items={view.case.evidence}
      canUpload={canUpload}
      picker={picker}
      onRegister={onRegister}
      renderItem={(e, open) => (
        <EvidenceRow base={base} item={e} view={view} ctx={ctx} canRedact={canRedact} onCustody={open.custody} onRedact={open.redact} />
      )}
    />
  );
}

/** 音像记录: the steps this agency requires to be recorded on audio-visual media, and which are. */
export function RecordingsCard({
  view,
  canUpload,
  onUpload,
}: {
  view: CaseView;
  canUpload: boolean;
  onUpload: (step: number | null, scene: string) => void;
}) {
  const t = useT();
  const missing = view.recordings.filter((r) => !r.covered).length;
  return (
    <Card
      size="small"
      data-testid="recordings-card"
      title={
        <Space size={6} wrap>
          <span>{t('recordings')}</span>
          {view.recordings.length > 0 && <Tag color={missing ? 'red' : 'green'}>{missing ? `缺 ${missing} 项` : '齐全'}</Tag>}
        </Space>
      }
    >
      {view.recordings.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本案目前没有须音像记录的执法环节" data-testid="recordings-empty" />
      ) : (
        <List
          size="small"
          dataSource={view.recordings}
          rowKey={(r) => `${r.scene}-${r.step ?? r.title}`}
          renderItem={(r) => (
            <List.Item
              data-testid="recording-step"
              data-covered={String(r.covered)}
              data-step={r.step ?? ''}
              style={{
                borderInlineStart: `3px solid ${r.covered ? '#52c41a' : '#fa541c'}`,
                paddingInlineStart: 8,
                display: 'flex',
                flexWrap: 'wrap',
                gap: 6,
              }}
            >
              <span style={{ flex: '1 1 160px', minWidth: 0, overflowWrap: 'anywhere' }}>{r.title}</span>
              <Space size={4} wrap>
                {r.covered ? (
                  <Tag color="green" style={{ marginInlineEnd: 0 }}>
                    已有音像记录
                  </Tag>
                ) : (
                  <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
                    缺少音像记录
                  </Tag>
                )}
                {!r.covered && canUpload && (
                  <Button size="small" type="link" style={{ padding: 0 }} onClick={() => onUpload(r.step, r.scene)}>
                    上传
                  </Button>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        按本单位音像记录事项清单，现场检查、查封扣押、听证、当场处罚、留置送达等环节应全程录音录像（《行政处罚法》第四十七条）。
      </Typography.Paragraph>
    </Card>
  );
}
