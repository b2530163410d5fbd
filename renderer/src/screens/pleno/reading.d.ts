export type Lang = 'id' | 'en';
/**
 * A difference of normalised scores in points of the 0–100 total (as leniency is read), one decimal, with its sign:
 * "+4,2", "-1,0", "0,0".
 */
export declare function points(difference: number, lang: Lang): string;
/** The band a deviation falls in (in points of 100: under 2, 2–5, 5 or more): the class of its box and its legend line. */
export type Band = 'strict2' | 'strict1' | 'even' | 'lenient1' | 'lenient2' | 'none';
export declare function band(deviation: number | null): Band;
