/**
 * The numbered migrations, applied in order inside one transaction each and tracked with `PRAGMA user_version`.
 * To add one: write `NNN-what.ts` exporting `up` (SQL text, or a function of the connection for what SQL alone
 * cannot do), append it here, and add `test/migrations/NNN-what.test.ts`: build the previous version, seed rows,
 * migrate, check every row.
 */
import * as m001 from './001-initial.js';
import * as m002 from './002-scoring.js';
import * as m003 from './003-undo.js';
import * as m004 from './004-laptop.js';
import * as m005 from './005-notes.js';
import * as m006 from './006-ledger.js';
import * as m007 from './007-exchange.js';
import * as m008 from './008-pleno.js';
import * as m009 from './009-released-notes.js';
import * as m010 from './010-sealed-heads.js';
import * as m011 from './011-pin-lockout.js';
import type Database from 'better-sqlite3';

type Db = Database.Database;

/** A migration: SQL run as one script, or a function given the connection (inside the same transaction). */
export interface Migration {
  version: number;
  name: string;
  up: string | ((db: Db) => void);
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '001-initial', up: m001.up },
  { version: 2, name: '002-scoring', up: m002.up },
  { version: 3, name: '003-undo', up: m003.up },
  { version: 4, name: '004-laptop', up: m004.up },
  { version: 5, name: '005-notes', up: m005.up },
  { version: 6, name: '006-ledger', up: m006.up },
  { version: 7, name: '007-exchange', up: m007.up },
  { version: 8, name: '008-pleno', up: m008.up },
  { version: 9, name: '009-released-notes', up: m009.up },
  { version: 10, name: '010-sealed-heads', up: m010.up },
  { version: 11, name: '011-pin-lockout', up: m011.up },
];

/** The version of the newest migration (numbers may skip one handed to another branch, never go back). */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
