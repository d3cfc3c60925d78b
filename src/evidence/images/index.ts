/**
 * Images as evidence: examine an image (type, size, perceptual hashes, metadata, C2PA), find its
 * earlier appearances in the ledger, and store it on the claims, events or documents it bears on.
 *
 * @example import { addImageEvidence } from './evidence/images/index.js';
 */
export {
  type AddImageEvidenceOptions,
  type AddImageEvidenceResult,
  addImageEvidence,
  evidenceIdOf,
  publicationDateOf,
} from './add-image-evidence.js';
export { C2PA_CAVEAT, type C2paOptions, parsePemCertificates, readC2pa } from './c2pa-status.js';
export { itemsWithCurrentReuse, KeptReuseIndex, withCurrentReuse } from './current-reuse.js';
export {
  DEFAULT_MAX_IMAGE_BYTES,
  type ExamineImageOptions,
  type ExamineImageResult,
  examineImage,
  type ImageExamination,
  type ImageProblem,
} from './examine-image.js';
export { EMPTY_METADATA, readImageMetadata } from './image-metadata.js';
export {
  CROP_VARIANTS,
  DEFAULT_PIXEL_LIMIT,
  hammingDistance,
  type ImageHashes,
  perceptualHash,
  perceptualHashes,
  perceptualHashOfSquare,
} from './perceptual-hash.js';
export {
  appearanceOf,
  DEFAULT_REUSE_THRESHOLD,
  earlierAppearances,
  type ImageAppearance,
  type ImageMatch,
  ImageReuseIndex,
} from './reuse-index.js';
export { sniffImageType } from './sniff-image-type.js';
