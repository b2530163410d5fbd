/** The evidence channels: photos kept beside the database by SHA-256. */
import { z } from 'zod';
import { type FileBytes, bytes, code } from './common.js';

export const evidenceInputs = {
  /** A photo as evidence for one indicator: the original bytes and a thumbnail made by the renderer. */
  'evidence.add': z.strictObject({
    competition: code,
    juror: code,
    site: code,
    indicator: code,
    name: z.string().min(1).max(260),
    mime: z.enum(['image/jpeg', 'image/png', 'image/webp']),
    bytes,
    thumbnail: bytes.optional(),
  }),
  'evidence.get': z.strictObject({ uuid: z.uuid(), thumbnail: z.boolean() }),
  'evidence.remove': z.strictObject({ uuid: z.uuid() }),
};

export interface EvidenceInfo {
  uuid: string;
  indicator: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: string;
  hasThumbnail: boolean;
}

export interface EvidenceResults {
  'evidence.add': EvidenceInfo;
  'evidence.get': FileBytes;
  'evidence.remove': { removed: boolean };
}
