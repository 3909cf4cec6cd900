/**
 * yifa's independent journal verifier. A court's expert can read these four small
 * files alone: they import nothing from the rest of yifa (a test enforces it).
 */
export { leafHashOf, TreeBuilder, rootOfFrontier, verifyInclusion, verifyConsistency } from './tree.js';
export { parseCheckpointBody, verifyCheckpointSignature, verifyCosignature, type CheckpointBody } from './checkpoint.js';
export {
  actionLeafBytes,
  actionLeafHash,
  actionLeafHashOfValues,
  actionLeafHashOfEncodedFields,
  LEAF_COLUMNS,
  type ActionRow,
} from './action-leaf.js';
