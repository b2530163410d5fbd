/**
 * Rendering documents to PDF bytes. Reports are pure components of view models built here from the store.
 */
import { createElement } from 'react';
import { renderToBuffer } from '@react-pdf/renderer';
import type { RenderedFile } from '../../../shared/contract/schemas.js';
import { rankSites } from '../../../shared/domain/ranking.js';
import type { Store } from '../db/store.js';
import type { Resources } from '../resources.js';
import { registerFonts } from './fonts.js';
import { RekapDocument } from './rekap.js';
import { buildRekapModel } from './rekap-model.js';

export type DocumentKind = 'rekap';

/** Pages in a PDF made by react-pdf (its page objects are written uncompressed). */
export function countPages(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

export async function renderDocument(store: Store, resources: Resources, competition: string, doc: DocumentKind, now: Date): Promise<RenderedFile> {
  registerFonts(resources);
  const detail = store.loadCompetition(competition);
  const ranking = rankSites(store.rankingInput(competition));
  const model = buildRekapModel(detail, ranking, now);
  const buffer = await renderToBuffer(createElement(RekapDocument, { model }) as Parameters<typeof renderToBuffer>[0]);
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  return { name: `Rekapitulasi-${competition}.pdf`, mime: 'application/pdf', bytes, pages: countPages(bytes) };
}
