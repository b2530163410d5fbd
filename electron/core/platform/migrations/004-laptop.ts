/**
 * Schema 4: a laptop passed from hand to hand.
 * - `competition.archived_at`: an archived competition is hidden from the lists, kept with its history.
 * - `competition.secretariat_pin_hash`: the secretariat's PIN (scrypt hash) for typing up paper sheets.
 */
export const up = `
ALTER TABLE competition ADD COLUMN archived_at TEXT;
ALTER TABLE competition ADD COLUMN secretariat_pin_hash TEXT;
`;
