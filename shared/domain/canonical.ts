/**
 * Canonical JSON: object keys in code-point order, no whitespace, arrays in their order. The same content always
 * gives the same text, so it can be hashed: instrument versions, ledger entries, package manifests and the locked
 * ranking snapshot all hash this text. (Numbers as JavaScript writes them: the shortest text that reads back as
 * the same double.)
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
