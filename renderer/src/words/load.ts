/** Interface words of one area (merged into ../i18n.ts): Indonesian first; English must have exactly the same keys. */
const id = {} satisfies Record<string, string>;

const en: Record<keyof typeof id, string> = {};

export const loadWords = { id, en };
