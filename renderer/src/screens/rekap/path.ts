/**
 * Where the person is in Rekap's drill-down, kept in the address so that a reload (or the browser's Back) returns to
 * it: `#/rekap` the ranking, `#/rekap/S02` the site by aspect and phase, `#/rekap/S02/A` the indicators of aspect A,
 * `#/rekap/S02/A/A1` the jurors' scores of indicator A1.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface RekapPath {
  site: string | null;
  aspect: string | null;
  indicator: string | null;
}

export const REKAP_HASH = '#/rekap';
export const TOP: RekapPath = { site: null, aspect: null, indicator: null };

export function parseRekapHash(hash: string): RekapPath {
  if (hash !== REKAP_HASH && !hash.startsWith(`${REKAP_HASH}/`)) return TOP;
  const parts = hash
    .slice(REKAP_HASH.length + 1)
    .split('/')
    .filter((p) => p !== '')
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  const [site = null, aspect = null, indicator = null] = parts;
  return { site, aspect: site ? aspect : null, indicator: site && aspect ? indicator : null };
}

export function rekapHash(path: RekapPath): string {
  const parts = [path.site, path.site && path.aspect, path.site && path.aspect && path.indicator].filter((p): p is string => !!p);
  return [REKAP_HASH, ...parts.map(encodeURIComponent)].join('/');
}

/** One level up: indicator → aspect → site → the ranking. */
export function upOf(path: RekapPath): RekapPath {
  if (path.indicator) return { ...path, indicator: null };
  if (path.aspect) return { ...path, aspect: null };
  return TOP;
}

/** The path in the address and a way to go elsewhere (a new history entry, so the browser's Back goes back). */
export function useRekapPath(): [RekapPath, (path: RekapPath) => void] {
  const [path, setPath] = useState(() => parseRekapHash(window.location.hash));
  useEffect(() => {
    const changed = () => setPath(parseRekapHash(window.location.hash));
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  const go = useCallback((next: RekapPath) => {
    const hash = rekapHash(next);
    if (window.location.hash !== hash) window.location.hash = hash;
    setPath(next);
  }, []);
  return [path, go];
}

/** Back from a site's drill-down to the ranking, the focus returns to that site's row. */
export function useReturnFocus(path: RekapPath): void {
  const last = useRef<string | null>(path.site);
  useEffect(() => {
    const left = last.current;
    last.current = path.site;
    if (path.site !== null || left === null) return;
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-row-open="${CSS.escape(left)}"]`)?.focus());
  }, [path.site]);
}
