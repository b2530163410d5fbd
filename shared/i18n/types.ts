export type Lang = 'id' | 'en';
export type Params = Record<string, string | number>;
export type Catalogue = Record<string, (p: Params) => string>;

/** A group of messages in both languages; English must have exactly the Indonesian keys. */
export function catalogue<K extends string>(id: Record<K, (p: Params) => string>, en: Record<K, (p: Params) => string>) {
  return { id, en };
}
