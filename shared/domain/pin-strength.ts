/**
 * Whether a new PIN is too easy to guess (issue 12): refused when it is set, never when it is entered (PINs set
 * before this rule keep working until changed). Pure: the contract's `newPin` and the renderer's forms use it.
 *
 * Refused, with the reason in words:
 * - `same`: one digit repeated (0000, 111111);
 * - `sequence`: digits going up or down by one, also across 9→0 (1234, 4321, 7890, 0987);
 * - `repeated`: a block of two or three digits repeated (1212, 123123, 2525);
 * - `common`: among the PINs people choose most often that the rules above do not catch (keypad columns 2580 and
 *   0852, 1004, 2000, 1122, 6969, …).
 * Four digits are 10,000 PINs; with five tries before each lock out (escalating), these rules remove the guesses an
 * attacker tries first. They do not make a 4-digit PIN strong: a longer PIN is.
 */
export type WeakPin = 'same' | 'sequence' | 'repeated' | 'common';

const COMMON = new Set([
  '2580',
  '0852',
  '1004',
  '2000',
  '1122',
  '1100',
  '6969',
  '1313',
  '1010',
  '2001',
  '1990',
  '112233',
  '121212',
  '147258',
  '159753',
  '753951',
  '147852',
  '111222',
]);

/** Why the PIN is weak, or null when it is acceptable. Digits only (the contract checks the form first). */
export function weakPin(pin: string): WeakPin | null {
  if (!/^\d+$/.test(pin)) return null;
  if (/^(\d)\1*$/.test(pin)) return 'same';
  const digits = [...pin].map(Number);
  const step = (digits[1]! - digits[0]! + 10) % 10;
  if ((step === 1 || step === 9) && digits.every((d, i) => i === 0 || (d - digits[i - 1]! + 10) % 10 === step)) return 'sequence';
  for (const size of [2, 3]) {
    if (pin.length % size === 0 && pin.length > size && pin === pin.slice(0, size).repeat(pin.length / size)) return 'repeated';
  }
  if (COMMON.has(pin)) return 'common';
  return null;
}
