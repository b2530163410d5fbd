/**
 * The roles of a juror in a jury. Kept apart from competition.ts (which builds its zod schemas when loaded) so that
 * the first screen of the renderer can list them without loading zod.
 */
export const ROLES = ['ketua', 'sekretaris', 'anggota'] as const;
export type Role = (typeof ROLES)[number];

/** The actor of what the secretariat does (paper sheets typed up, PIN resets, setup changes, bulk loads), in the ledger. */
export const SECRETARIAT = 'sekretariat';
