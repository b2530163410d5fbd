/**
 * A document entry for tests only: one part per juror and site, one A4 page each, with the pieces every real
 * document carries (bookmark, signing space of the juror, footer with the stamp). It lets the bundle's pipeline be
 * tested with many parts of a second document whatever the documents merged so far. Registered and removed by the
 * test (`withTestEntry`); the PDF worker never sees it (it has only the real registry), so tests using it lay out
 * inline.
 */
import { createElement as h } from 'react';
import { Page, Text } from '@react-pdf/renderer';
import { base, PageFooter, SigningSpace } from '../../electron/core/documents/components.js';
import { DOCUMENTS, type DocumentEntry } from '../../electron/core/documents/registry.js';
import type { PageStamp } from '../../electron/core/documents/stamp.js';
import type { DocumentKind } from '../../shared/domain/doc-stamp.js';

interface TestModel {
  juror: string;
  site: string;
}

function TestPages({ model, stamp, bookmark }: { model: TestModel; stamp: PageStamp; bookmark: string }) {
  return h(
    Page,
    { size: 'A4', style: base.page, bookmark: { title: bookmark, fit: true } },
    h(Text, { style: { fontSize: 14 } }, `LEMBAR UJI ${model.juror} ${model.site}`),
    h(SigningSpace, { juror: model.juror }),
    h(PageFooter, { left: `Lembar uji ${model.juror} · ${model.site}`, stamp }),
  );
}

/** `jurors` × `sites` parts (the first of each in the competition's order), titled "Lembar Penilaian J1 · S01". */
export function testEntry(kind: DocumentKind, jurors: number, sites: number): DocumentEntry<unknown> {
  const entry: DocumentEntry<TestModel> = {
    kind,
    title: 'Lembar Penilaian',
    fileStem: 'Lembar',
    snapshotHash: false,
    parts: (ctx, options) =>
      ctx.detail.jurors
        .filter((j) => !options.juror || j.code === options.juror)
        .slice(0, jurors)
        .flatMap((j) =>
          ctx.detail.sites
            .filter((s) => !options.site || s.code === options.site)
            .slice(0, sites)
            .map((s) => ({
              title: `Lembar Penilaian ${j.code} · ${s.code}`,
              juror: j.code,
              site: s.code,
              data: { test: kind, juror: j.code, site: s.code },
              model: () => ({ juror: j.code, site: s.code }),
            })),
        ),
    Pages: TestPages,
  };
  return entry as unknown as DocumentEntry<unknown>;
}

/** Puts `entry` in the registry under its kind; returns the function that puts back what was there. */
export function withTestEntry(entry: DocumentEntry<unknown> | undefined, kind: DocumentKind): () => void {
  const before = DOCUMENTS[kind];
  if (entry) DOCUMENTS[kind] = entry;
  else delete DOCUMENTS[kind];
  return () => {
    if (before) DOCUMENTS[kind] = before;
    else delete DOCUMENTS[kind];
  };
}
