/**
 * A meeting of a village (村民代表会议, or 村民会议) as its fold sees it: the agenda, the
 * attendance against the quorum, each decision with its votes and what it links to (the
 * village's rules it adopts), and the 村务公开 of the decisions. Pure data.
 */
import type { MeetingKind, QuorumBasis, Votes } from './law.js';

export interface Decision {
  no: number;
  subject: string;
  votes: Votes;
  /** More than half of those present agreed (Arts 22, 26): derived when recorded */
  carried: boolean;
  /** The village's 村规民约 record this decision adopts, if it is about them */
  rulesId: string | null;
  /** 村务公开: published on the village's board and the portal (Art 30) */
  publicity: { on: string; content: string } | null;
}

export interface VillageMeeting {
  id: string;
  agencyId: string;
  regionPath: string;
  villageId: string;
  villageName: string;
  kind: MeetingKind;
  heldOn: string;
  basis: QuorumBasis | null;
  entitled: number;
  present: number;
  /** Women among a 村民代表会议's members (Art 25 ¶2); null for a 村民会议 and for records made before it was asked */
  womenMembers: number | null;
  /** What the composition lacks (Art 25 ¶2), stated when recorded; null when nothing */
  compositionShortfall: string | null;
  convener: string;
  place: string;
  agenda: string;
  minutes: string;
  decisions: Decision[];
}

export const MEETING_STATUS_NAMES = { recorded: '已记录', publicized: '决定已公开' } as const;
export type MeetingStatus = keyof typeof MEETING_STATUS_NAMES;

export const meetingStatusOf = (m: VillageMeeting): MeetingStatus => (m.decisions.some((d) => d.publicity) ? 'publicized' : 'recorded');

export function emptyMeeting(id: string, agencyId: string, regionPath: string, today: string): VillageMeeting {
  return {
    id,
    agencyId,
    regionPath,
    villageId: '',
    villageName: '',
    kind: 'representatives',
    heldOn: today,
    basis: null,
    entitled: 0,
    present: 0,
    womenMembers: null,
    compositionShortfall: null,
    convener: '',
    place: '',
    agenda: '',
    minutes: '',
    decisions: [],
  };
}
