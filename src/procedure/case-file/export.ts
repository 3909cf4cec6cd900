/**
 * The exported case file: one ZIP with the whole 案卷 as a PDF, each document as its
 * original DOCX, the journal rows of every action of the case with their RFC 6962
 * inclusion proofs against a signed checkpoint (and the public key to check it), and a
 * manifest of SHA-256 hashes of every file. A court can check each action against the
 * checkpoint with the independent verifier, without trusting yifa's database.
 */
import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import type { Yifa } from '../../platform/yifa.js';
import type { Actor } from '../../journal/journal.js';
import { renderDocx } from '../documents/docx.js';
import type { DocumentContent } from '../documents/content.js';
import { renderCaseFilePdf, type CaseFileCover } from './pdf.js';

export interface CaseFileBundle {
  zip: Uint8Array;
  fileName: string;
  pages: number;
  actions: number;
  checkpointSize: number;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_');

/** What a procedure puts in its case file; the kit adds the journal, the proofs and the manifest. */
export interface CaseFileSource {
  subject: { type: string; id: string; regionPath: string };
  /** The journal action that records the export: `penalty.case-file.export` */
  exportAction: string;
  agencyName: string;
  cover: CaseFileCover;
  documents: DocumentContent[];
  /** The 备考表's lines about the record (the kit adds the journal's checkpoint and the signature line) */
  notes: string[];
  /** What the manifest says the record is */
  manifest: Record<string, unknown>;
  /** Evidence files named in the manifest (kept in the blob store, hashes here) */
  evidence: Record<string, unknown>[];
}

/** Builds the bundle; the export itself is journaled first, so it is among the proven actions. */
export async function exportCaseFile(yifa: Yifa, source: CaseFileSource, actor: Actor, via: 'api' | 'cli'): Promise<CaseFileBundle> {
  const { subject } = source;
  await yifa.journal.record({ type: source.exportAction, actor, subject, payload: { via } });
  const checkpoint = await yifa.journal.checkpoint();
  if (!checkpoint) throw new Error('journal has no checkpoint');

  const rendered = await renderCaseFilePdf(source.cover, source.documents, {
    lines: [
      ...source.notes,
      `本卷由依法平台根据操作日志生成；日志检查点 ${checkpoint.size}，根哈希 ${checkpoint.rootHash}。`,
      '立卷人：                检查人：                立卷日期：    年  月  日',
    ],
  });

  const actions = await yifa.db.kysely
    .selectFrom('actions')
    .selectAll()
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .where('seq', '<', checkpoint.size)
    .orderBy('seq')
    .execute();
  const proofs = [];
  for (const a of actions) {
    const proof = await yifa.journal.inclusionProof(Number(a.seq), checkpoint.size);
    proofs.push({
      action: { ...a, seq: Number(a.seq) },
      leafIndex: Number(a.seq),
      treeSize: checkpoint.size,
      inclusionProof: proof.map((h) => h.toString('hex')),
    });
  }

  const files: Record<string, Uint8Array> = {
    // ASCII names inside the ZIP (every unzip reads them alike); the Chinese titles are in the manifest.
    'case-file.pdf': rendered.pdf,
    'journal/proofs.json': strToU8(
      JSON.stringify(
        { format: 'yifa-action-v1', hashing: 'RFC 6962 (SHA-256)', checkpoint, publicKey: yifa.journal.publicKeyPem, proofs },
        null,
        2,
      ),
    ),
    'journal/checkpoint.txt': strToU8(`${checkpoint.body}\n— ${checkpoint.keyId} ${checkpoint.signature}\n`),
    'journal/public-key.pem': strToU8(yifa.journal.publicKeyPem),
  };
  const titles: Record<string, { title: string; number: string | null }> = {
    'case-file.pdf': { title: '案卷（封面、卷内目录、文书、备考表）', number: null },
  };
  for (const [i, d] of source.documents.entries()) {
    const path = `documents/${String(i + 1).padStart(2, '0')}-${d.id.replace(':', '-')}.docx`;
    files[path] = await renderDocx(d, source.agencyName);
    titles[path] = { title: d.title, number: d.number };
  }
  const manifest = {
    case: { id: subject.id, ...source.manifest, agency: source.agencyName },
    generatedAt: yifa.clock.now().toISOString(),
    checkpoint: { size: checkpoint.size, rootHash: checkpoint.rootHash, timestamp: checkpoint.timestamp },
    // Evidence files stay in the blob store (they may be gigabytes); their hashes are here and in
    // the proven actions that attached them, so a copy handed over later can be checked against the file.
    evidence: source.evidence,
    files: Object.entries(files).map(([path, bytes]) => ({ path, ...(titles[path] ?? {}), bytes: bytes.length, sha256: sha256(bytes) })),
  };
  files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
  return {
    zip: zipSync(files, { level: 6 }),
    fileName: `${safeName(source.cover.caseTitle)}-案卷.zip`,
    pages: rendered.pages,
    actions: actions.length,
    checkpointSize: checkpoint.size,
  };
}
