/** The session channels: who scores on this laptop, the idle lock, the secretariat's session, PINs. */
import { z } from 'zod';
import { code, newPin, pin } from './common.js';

export const sessionInputs = {
  'session.get': z.strictObject({}),
  /** "I am juror J" on this laptop; a juror with a PIN must give it. */
  'session.enter': z.strictObject({ competition: code, juror: code, pin: pin.optional() }),
  'session.leave': z.strictObject({}),
  /** Locks the juror's session now (the PIN is asked again); a juror without a PIN is signed out instead. */
  'session.lock': z.strictObject({}),
  /** The person at the laptop is still there: keeps an open session from locking. */
  'session.touch': z.strictObject({}),
  /** Whether the competition has a secretariat PIN, and whether the secretariat's session is open on this laptop. */
  'session.secretariat': z.strictObject({ competition: code }),
  /** Opens the secretariat's session (typing up paper sheets) with the secretariat's PIN. */
  'session.enterSecretariat': z.strictObject({ competition: code, pin }),
  'session.leaveSecretariat': z.strictObject({}),
  /** Sets the secretariat's PIN of a competition (not an easy guess); changing it needs the current one. */
  'session.setSecretariatPin': z.strictObject({ competition: code, pin: newPin, currentPin: pin.optional() }),
  /**
   * Sets, changes or removes (null) a juror's PIN (not an easy guess). With `currentPin` the juror changes their
   * own; without it the secretariat sets or resets it, which needs the secretariat's session open on this laptop
   * (`session.enterSecretariat`), and is recorded in the history as the secretariat's act.
   */
  'session.setJurorPin': z.strictObject({ competition: code, juror: code, pin: newPin.nullable(), currentPin: pin.optional() }),
};

export interface SecretariatSession {
  /** Whether the competition has a secretariat PIN (without one, paper sheets cannot be typed up). */
  hasPin: boolean;
  /** Whether the secretariat's session is open on this laptop. */
  open: boolean;
}

export interface SessionInfo {
  competition: string;
  juror: string;
  name: string;
  /** Locked after a time without use: writes are refused until the juror gives their PIN again. */
  locked: boolean;
}

export interface SessionResults {
  'session.get': SessionInfo | null;
  'session.enter': SessionInfo;
  'session.leave': null;
  'session.lock': SessionInfo | null;
  'session.touch': SessionInfo | null;
  'session.secretariat': SecretariatSession;
  'session.enterSecretariat': SecretariatSession;
  'session.leaveSecretariat': null;
  'session.setSecretariatPin': SecretariatSession;
  'session.setJurorPin': { juror: string; hasPin: boolean };
}
