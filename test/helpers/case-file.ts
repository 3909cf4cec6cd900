/**
 * Opens an exported case file as a court would: every file against the manifest's SHA-256,
 * the PDF with pdftotext, and every action against the signed checkpoint with the
 * independent verifier. Throws on the first thing that does not hold.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import {
  actionLeafHash,
  parseCheckpointBody,
  verifyCheckpointSignature,
  verifyInclusion,
  type ActionRow,
} from '../../src/journal/verifier/index.js';

export function checkCaseFile(zip: Uint8Array): {
  pdfText: string;
  proven: number;
  documents: number;
  manifest: { files: { path: string; sha256: string }[] };
} {
  const files = unzipSync(zip);
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { files: { path: string; sha256: string }[] };
  for (const f of manifest.files) {
    const bytes = files[f.path];
    if (!bytes) throw new Error(`manifest names a missing file: ${f.path}`);
    if (createHash('sha256').update(bytes).digest('hex') !== f.sha256) throw new Error(`hash mismatch: ${f.path}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'yifa-casefile-'));
  let pdfText: string;
  try {
    writeFileSync(join(dir, 'case-file.pdf'), files['case-file.pdf']!);
    pdfText = execFileSync('pdftotext', ['-layout', join(dir, 'case-file.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const bundle = JSON.parse(strFromU8(files['journal/proofs.json']!)) as {
    checkpoint: { body: string; signature: string };
    publicKey: string;
    proofs: { action: ActionRow; leafIndex: number; treeSize: number; inclusionProof: string[] }[];
  };
  if (!verifyCheckpointSignature(bundle.checkpoint.body, Buffer.from(bundle.checkpoint.signature, 'base64'), bundle.publicKey))
    throw new Error('checkpoint signature does not verify');
  const cp = parseCheckpointBody(bundle.checkpoint.body);
  for (const p of bundle.proofs) {
    const ok = verifyInclusion(
      actionLeafHash(p.action),
      p.leafIndex,
      cp.size,
      p.inclusionProof.map((h) => Buffer.from(h, 'hex')),
      cp.rootHash,
    );
    if (!ok) throw new Error(`inclusion proof fails for action ${p.leafIndex}`);
  }
  return {
    pdfText,
    proven: bundle.proofs.length,
    documents: Object.keys(files).filter((f) => f.startsWith('documents/')).length,
    manifest,
  };
}
