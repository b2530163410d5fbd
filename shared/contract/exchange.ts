/** The exchange channels: packages carried between laptops (`.penilai`, contract.md section 5). */
import { fileInput } from './common.js';

export const exchangeInputs = {
  /** Reads a package and checks all of it (signature, every member) without touching the database. */
  'exchange.inspect': fileInput,
};

export interface PackageSummary {
  kind: 'setup' | 'scores';
  competition: { uuid: string; code: string };
  instrument: { code: string; version: number; sha256: string };
  /** The device that signed it, with its key's fingerprint for people to compare (8 groups of 4 hex digits). */
  device: { id: string; fingerprint: string };
  /** For a scores package: the juror and the range of the device's ledger entries it carries. */
  juror?: string;
  entries?: { chain: string; from: number; to: number };
  created: string;
  /** The members besides the manifest and its signature: how many, and their size together in bytes. */
  files: { count: number; size: number };
}

export interface ExchangeResults {
  'exchange.inspect': PackageSummary;
}
