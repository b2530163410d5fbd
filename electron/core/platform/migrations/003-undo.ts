/**
 * Schema 3: undo as history. An entry that takes back an earlier change names it (`undoes`, the earlier entry's
 * uuid), so that repeated undo walks further back and the hash chain covers which change was taken back.
 */
export const up = `
ALTER TABLE history ADD COLUMN undoes TEXT;
`;
