/**
 * 登记证据: registers an uploaded file (or a piece of evidence without one) in the case —
 * the action 'penalty.add-evidence' — with, for audio-visual records, who recorded it on
 * which camera, when, where (GPS when the user allows it) and for which step. The file is
 * picked from those waiting for the case (held on the server: uploaded on a phone, registered
 * at the desk), a 重复 one flagged. Defaults come from the file (its time, its length) and
 * from the step it is for.
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Grid, Input, Modal, Select, Space, Switch, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { post, type ApiError } from '../../../api';
import type { FormContext } from '../ActionForm';
import type { CaseView } from '../types';
import { uploadQueue } from '../../evidence/queue';
import { currentOf, registeredHeld, usePending, type PendingFile } from '../../evidence/held';
import { DuplicateWarning, HeldFileSelect } from '../../evidence/HeldFileSelect';
import { mediaKind } from '../../evidence/names';
import { chinaIso, chinaWallClock, recordTitle, recordingScenes } from './names';

const RECORDER_KEY = 'yifa.evidence.recorder';

/** The length of a video or audio file in seconds (from its metadata), or null. */
function mediaDuration(blob: Blob, mime: string): Promise<number | null> {
  const kind = mediaKind(mime);
  if (kind !== 'video' && kind !== 'audio') return Promise.resolve(null);
  return new Promise((resolve) => {
    const el = document.createElement(kind);
    const url = URL.createObjectURL(blob);
    const done = (d: number | null) => {
      clearTimeout(timer);
      URL.revokeObjectURL(url);
      el.removeAttribute('src');
      resolve(d);
    };
    const timer = setTimeout(() => done(null), 4_000);
    el.preload = 'metadata';
    el.onloadedmetadata = () => done(Number.isFinite(el.duration) ? el.duration : null);
    el.onerror = () => done(null);
    el.src = url;
  });
}

const DEFAULTS: Record<string, { type: string; title: string; source: string }> = {
  video: { type: 'audiovisual', title: '执法记录仪视频', source: '执法记录仪' },
  audio: { type: 'audiovisual', title: '录音', source: '执法记录仪' },
  image: { type: 'documentary', title: '现场照片', source: '执法人员拍摄' },
  pdf: { type: 'documentary', title: '', source: '扫描' },
  other: { type: 'documentary', title: '', source: '' },
};

const NO_STEP = 'none';
const WALL = 'YYYY-MM-DDTHH:mm:ss';

interface Values {
  fileKey?: string;
  type: string;
  title: string;
  description: string;
  collectedOn: Dayjs;
  source: string;
  step: number | typeof NO_STEP;
  recorded: boolean;
  recorder?: string;
  startedAt?: string;
  endedAt?: string;
  scene?: string;
  place?: string;
  officers?: string[];
}

export function EvidenceForm({
  view,
  ctx,
  item,
  open,
  onClose,
  onDone,
}: {
  view: CaseView;
  ctx: FormContext;
  /** The uploaded file to register (it may be changed for another); null: choose one of the waiting files, or none */
  item: PendingFile | null;
  open: boolean;
  onClose: () => void;
  onDone: () => Promise<unknown>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [gps, setGps] = useState<{ lat: number; lng: number; accuracy: number } | null>(null);
  const [locating, setLocating] = useState(false);
  const [gpsError, setGpsError] = useState<string>();
  const narrow = Grid.useBreakpoint().sm === false;
  const errorRef = useRef<HTMLDivElement>(null);
  const c = view.case;
  const base = `/penalty-cases/${view.id}`;
  const uploaded = usePending(base, view.id).ready;
  const fileKey = Form.useWatch('fileKey', form) as string | undefined;
  // The file picked, found by its upload too: one this browser uploaded changes its key once the server lists it.
  const lastPicked = useRef<PendingFile | null>(item);
  const listed = fileKey ? uploaded.find((u) => u.key === fileKey) : undefined;
  if (listed) lastPicked.current = listed;
  const file = fileKey ? (currentOf(uploaded, listed ?? (lastPicked.current?.key === fileKey ? lastPicked.current : null)) ?? null) : null;
  useEffect(() => {
    if (file && fileKey && file.key !== fileKey) form.setFieldValue('fileKey', file.key);
  }, [file, fileKey, form]);
  const recorded = Form.useWatch('recorded', form) as boolean | undefined;
  const scenes = recordingScenes(ctx.dictionaries);
  const records = c.records;
  const today = ctx.today;

  const locate = () => {
    if (!navigator.geolocation) {
      setGpsError('此浏览器不能定位');
      return;
    }
    setLocating(true);
    setGpsError(undefined);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setGps({
          lat: Math.round(p.coords.latitude * 1e6) / 1e6,
          lng: Math.round(p.coords.longitude * 1e6) / 1e6,
          accuracy: Math.round(p.coords.accuracy),
        });
        setLocating(false);
      },
      (e) => {
        setGpsError(e.code === e.PERMISSION_DENIED ? '未获准定位（可在浏览器设置中允许）' : '定位失败，请稍后再试');
        setLocating(false);
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  /** Defaults from the file and the step it is for (a step the case still has to have recorded first). */
  const defaults = async (f: PendingFile | null): Promise<Partial<Values>> => {
    const kind = f ? mediaKind(f.mime) : 'other';
    const d = DEFAULTS[kind]!;
    const av = kind === 'video' || kind === 'audio';
    const missing = view.recordings.find((r) => !r.covered && r.step !== null && records.some((x) => x.seq === r.step));
    // Picked for a step (上传 on a missing 音像记录): that step, even none; else the first step still missing one.
    const stepSeq = f?.intent ? f.intent.step : av ? (missing?.step ?? null) : null;
    const record = records.find((r) => r.seq === stepSeq);
    const scene = f?.intent?.scene ?? record?.kind ?? (av ? view.recordings.find((r) => !r.covered)?.scene : undefined) ?? 'inspection';
    const modified = f?.lastModified ?? f?.at ?? Date.now();
    // The bytes, when this page uploaded them (a file from another device: its length is not known here).
    const blob = f?.localKey ? uploadQueue.blobOf(f.localKey) : f?.uploadId ? uploadQueue.blobOfUpload(f.uploadId) : undefined;
    const seconds = blob && f ? await mediaDuration(blob, f.mime) : null;
    const end = chinaWallClock(modified);
    const start = chinaWallClock(modified - Math.round((seconds ?? 0) * 1000));
    const day = record?.on ?? end.slice(0, 10);
    const collectedOn = day > today ? today : day < c.registeredOn ? (record?.on ?? today) : day;
    return {
      type: d.type,
      title: d.title || (f?.fileName.replace(/\.[^.]+$/, '') ?? ''),
      source: d.source,
      collectedOn: dayjs(collectedOn),
      step: stepSeq ?? NO_STEP,
      recorded: av && !!f,
      recorder: localStorage.getItem(RECORDER_KEY) ?? '',
      startedAt: start,
      endedAt: end,
      scene,
      place: record?.place ?? '',
      officers: c.officers,
    };
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the form only when the dialog opens or shows another item; defaults and locate are new each render
  useEffect(() => {
    if (!open) return;
    let live = true;
    setError(undefined);
    setGps(null);
    setGpsError(undefined);
    form.resetFields();
    void defaults(item).then((d) => {
      if (live) form.setFieldsValue({ ...d, fileKey: item?.key });
    });
    // Where the user is, when they have already allowed it (on the spot, with a phone, that is where it was recorded).
    void navigator.permissions
      ?.query({ name: 'geolocation' })
      .then((p) => {
        if (live && p.state === 'granted') locate();
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [open, item?.key]);

  useEffect(() => {
    if (error) errorRef.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);

  const submit = async () => {
    const v = await form.validateFields();
    const step = v.step === NO_STEP || v.step === undefined ? null : v.step;
    const payload = {
      type: v.type,
      title: v.title.trim(),
      description: v.description.trim(),
      collectedOn: v.collectedOn.format('YYYY-MM-DD'),
      source: v.source.trim(),
      ...(file?.sha256 ? { file: { sha256: file.sha256 } } : {}),
      step,
      ...(v.recorded && file
        ? {
            recording: {
              recorder: v.recorder!.trim(),
              startedAt: chinaIso(dayjs(v.startedAt).format(WALL)),
              endedAt: chinaIso(dayjs(v.endedAt).format(WALL)),
              scene: v.scene!,
              place: v.place!.trim(),
              gps: gps ? { lat: gps.lat, lng: gps.lng } : null,
              officers: v.officers ?? [],
            },
          }
        : {}),
    };
    setBusy(true);
    try {
      await post(`${base}/actions`, { type: 'penalty.add-evidence', payload });
      if (v.recorded && v.recorder) localStorage.setItem(RECORDER_KEY, v.recorder.trim());
      if (file) await registeredHeld(base, file);
      void message.success(`已登记证据：${payload.title}`);
      onClose();
      await onDone();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };

  const people = ctx.people.map((p) => ({ value: p.id, label: `${p.name}（${p.post}）` }));
  return (
    <Modal
      title="登记证据"
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="提交"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
      width={narrow ? '100%' : 720}
      style={narrow ? { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 } : undefined}
      styles={{
        body: {
          maxHeight: narrow ? 'calc(100dvh - 130px)' : 'calc(100vh - 240px)',
          overflowY: 'auto',
          overflowX: 'hidden',
          paddingRight: 4,
        },
      }}
    >
      <div ref={errorRef}>
        {error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            message={error.message}
            description={error.citation ? `依据：${error.citation}` : undefined}
            data-testid="evidence-error"
          />
        )}
      </div>
      <Form
        form={form}
        layout="vertical"
        data-testid="evidence-form"
        initialValues={{ step: NO_STEP, recorded: false, collectedOn: dayjs(today) }}
        onValuesChange={(changed: Partial<Values>) => {
          // The step a file is for fixes the usual scene, place and date.
          if ('step' in changed) {
            const r = records.find((x) => x.seq === changed.step);
            if (r) form.setFieldsValue({ scene: r.kind, place: r.place, collectedOn: dayjs(r.on) });
          }
          if ('fileKey' in changed) {
            const f = uploaded.find((u) => u.key === changed.fileKey) ?? null;
            void defaults(f).then((d) => form.setFieldsValue({ ...d, fileKey: changed.fileKey }));
          }
        }}
      >
        <div data-testid="evidence-file">
          <Form.Item
            name="fileKey"
            label="证据文件"
            extra={
              uploaded.length
                ? '选择已上传并校验通过、待登记的文件（在任何设备上传的都在这里）；没有文件的证据（如物证）可不选'
                : '没有待登记的文件：视频、照片等请先在“证据”中上传；没有文件的证据可直接登记'
            }
          >
            <HeldFileSelect files={uploaded} noun="证据" allowNone />
          </Form.Item>
          <DuplicateWarning file={file} noun="证据" record="本案" />
        </div>
        <Form.Item name="type" label="证据种类" rules={[{ required: true, message: '请选择证据种类' }]}>
          <Select virtual={false} options={Object.entries(ctx.dictionaries.evidenceTypes).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="title" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label="证明内容" rules={[{ required: true, whitespace: true, message: '请填写证明内容' }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <div style={{ display: 'grid', gridTemplateColumns: narrow ? 'minmax(0, 1fr)' : 'repeat(2, minmax(0, 1fr))', columnGap: 12 }}>
          <Form.Item name="collectedOn" label="取得日期" rules={[{ required: true, message: '请选择取得日期' }]}>
            <DatePicker
              style={{ width: '100%' }}
              inputReadOnly={narrow}
              disabledDate={(d) => d.format('YYYY-MM-DD') > today || d.format('YYYY-MM-DD') < c.registeredOn}
            />
          </Form.Item>
          <Form.Item name="source" label="来源" rules={[{ required: true, whitespace: true, message: '请填写来源' }]}>
            <Input maxLength={200} />
          </Form.Item>
        </div>
        <Form.Item name="step" label="所属笔录" extra="这份证据是在哪次现场检查或询问中取得的">
          <Select
            virtual={false}
            options={[{ value: NO_STEP, label: '不属于某一笔录' }, ...records.map((r) => ({ value: r.seq, label: recordTitle(r) }))]}
            optionRender={(o) => <div style={{ whiteSpace: 'normal' }}>{o.label}</div>}
          />
        </Form.Item>
        <Form.Item
          name="recorded"
          label="音像记录（执法记录仪、录音录像）"
          valuePropName="checked"
          extra={file ? undefined : '音像记录须附录制文件'}
        >
          <Switch disabled={!file} data-testid="recorded" />
        </Form.Item>
        {recorded && file && (
          <fieldset data-testid="recording-fields" style={{ border: '1px solid #eee', padding: '8px 12px', marginBottom: 12, minWidth: 0 }}>
            <legend style={{ fontSize: 14, width: 'auto', marginBottom: 0 }}>录制情况</legend>
            <Form.Item
              name="recorder"
              label="执法记录仪编号（录制设备）"
              rules={[{ required: true, whitespace: true, message: '请填写执法记录仪编号' }]}
            >
              <Input maxLength={50} />
            </Form.Item>
            <div style={{ display: 'grid', gridTemplateColumns: narrow ? 'minmax(0, 1fr)' : 'repeat(2, minmax(0, 1fr))', columnGap: 12 }}>
              <Form.Item name="startedAt" label="开始录制（北京时间）" rules={[{ required: true, message: '请填写开始时间' }]}>
                <Input type="datetime-local" step={1} data-testid="startedAt" />
              </Form.Item>
              <Form.Item
                name="endedAt"
                label="结束录制（北京时间）"
                dependencies={['startedAt']}
                rules={[
                  { required: true, message: '请填写结束时间' },
                  ({ getFieldValue }) => ({
                    validator: (_, v: string) =>
                      !v || !getFieldValue('startedAt') || v >= getFieldValue('startedAt')
                        ? Promise.resolve()
                        : Promise.reject(new Error('结束时间不能早于开始时间')),
                  }),
                ]}
              >
                <Input type="datetime-local" step={1} data-testid="endedAt" />
              </Form.Item>
            </div>
            <Form.Item name="scene" label="音像记录事项" rules={[{ required: true, message: '请选择音像记录事项' }]}>
              <Select virtual={false} options={scenes.map((s) => ({ value: s.id, label: s.name }))} />
            </Form.Item>
            <Form.Item name="place" label="录制地点" rules={[{ required: true, whitespace: true, message: '请填写录制地点' }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item label="定位（GPS）" extra="登记时所在位置；不在录制现场时请清除">
              <Space wrap size={8}>
                <Button icon={<EnvironmentOutlined />} loading={locating} onClick={locate} data-testid="locate">
                  获取当前位置
                </Button>
                {gps && (
                  <Typography.Text data-testid="gps">
                    北纬 {gps.lat.toFixed(5)}，东经 {gps.lng.toFixed(5)}（±{gps.accuracy} 米）
                  </Typography.Text>
                )}
                {gps && (
                  <Button size="small" type="link" onClick={() => setGps(null)}>
                    清除
                  </Button>
                )}
                {gpsError && <Typography.Text type="warning">{gpsError}</Typography.Text>}
              </Space>
            </Form.Item>
            <Form.Item
              name="officers"
              label="在场执法人员"
              rules={[{ required: true, type: 'array', min: 1, message: '请选择在场的执法人员' }]}
            >
              <Select mode="multiple" virtual={false} showSearch optionFilterProp="label" options={people} />
            </Form.Item>
          </fieldset>
        )}
      </Form>
    </Modal>
  );
}
