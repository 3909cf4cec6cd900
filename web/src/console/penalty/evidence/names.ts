/** Names and formats of the penalty case's evidence views (the recording's particulars). */
import type { CaseRecord, Dictionaries } from '../types';

/** The scenes of 音像记录事项 (the server's RECORDING_SCENES, from the dictionaries), each with its name. */
export function recordingScenes(d: Dictionaries): { id: string; name: string }[] {
  return Object.entries(d.recordingScenes).map(([id, name]) => ({ id, name }));
}

export const sceneName = (d: Dictionaries | undefined, id: string) => d?.recordingScenes[id] ?? id;

/** China wall-clock time of an instant, as YYYY-MM-DDTHH:mm:ss (China has no daylight saving: UTC+8). */
export const chinaWallClock = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19);

/** A China wall-clock time (YYYY-MM-DDTHH:mm:ss) as the ISO instant the API takes. */
export const chinaIso = (wallClock: string) => `${wallClock}+08:00`;

export const recordTitle = (r: CaseRecord) =>
  `${r.kind === 'inspection' ? '现场检查笔录' : '询问笔录'}（${r.on}，${r.kind === 'inspection' ? r.place : r.subject}）`;
