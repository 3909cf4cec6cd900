/**
 * 音像记录 coverage of a case: which of its steps the agency's 音像记录事项清单 requires to
 * be recorded on audio-visual media, and which of them have a recording in the file. Pure:
 * the case and the required scenes in, the list out. The seed town admits that "音像记录资料
 * 入卷的不多"; this is where that gap is measured.
 */
import { RECORDING_SCENES, type RecordingScene } from '../../law/penalty.js';
import type { PenaltyCase } from './penalty-case.js';

export interface RequiredRecording {
  scene: RecordingScene;
  /** The case step (its position in the case) the recording belongs to */
  step: number | null;
  title: string;
  covered: boolean;
}

/** The steps of a case that happened and fall under a scene. */
function stepsOf(c: PenaltyCase): { scene: RecordingScene; step: number | null; title: string }[] {
  const steps: { scene: RecordingScene; step: number | null; title: string }[] = [];
  for (const r of c.records) steps.push({ scene: r.kind, step: r.seq, title: `${RECORDING_SCENES[r.kind]}（${r.on}，${r.place}）` });
  for (const p of c.preservations) steps.push({ scene: 'preservation', step: p.seq, title: `先行登记保存（${p.on}）` });
  for (const s of c.seizures) steps.push({ scene: 'seizure', step: s.seq, title: `查封扣押（${s.on}）` });
  if (c.hearing?.heldOn) steps.push({ scene: 'hearing', step: null, title: `听证（${c.hearing.heldOn}）` });
  if (c.onTheSpot) steps.push({ scene: 'on-the-spot', step: null, title: `当场处罚（${c.registeredOn}）` });
  const served = c.service?.method;
  const serviceScene =
    served === 'direct' ? 'service-direct' : served === 'left' ? 'service-left' : served === 'public-notice' ? 'service-notice' : null;
  if (serviceScene && c.service)
    steps.push({ scene: serviceScene, step: null, title: `${RECORDING_SCENES[serviceScene]}决定书（${c.service.on}）` });
  return steps;
}

export function requiredRecordings(c: PenaltyCase, required: readonly RecordingScene[]): RequiredRecording[] {
  const recorded = c.evidence.filter((e) => e.recording && e.file && !e.withdrawn);
  return stepsOf(c)
    .filter((s) => required.includes(s.scene))
    .map((s) => ({
      ...s,
      // A step with its own position must have a recording linked to it; the others, one of their scene.
      covered: recorded.some((e) => e.recording!.scene === s.scene && (s.step === null || e.step === s.step)),
    }));
}

/** The scenes an agency starts with: those the national guidance names for recording the whole process. */
export const DEFAULT_REQUIRED_SCENES: RecordingScene[] = [
  'inspection',
  'preservation',
  'seizure',
  'demolition',
  'hearing',
  'on-the-spot',
  'service-left',
  'service-notice',
];
