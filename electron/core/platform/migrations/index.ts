/**
 * The numbered migrations, applied in order inside one transaction each and tracked with `PRAGMA user_version`.
 * To add one: write `NNN-what.ts` exporting `up`, append it here, and add a test that builds the previous
 * version, seeds rows, migrates and checks them (test/integration/database.test.ts).
 */
import * as m001 from './001-initial.js';
import * as m002 from './002-scoring.js';
import * as m003 from './003-undo.js';
import * as m004 from './004-laptop.js';
import * as m005 from './005-notes.js';

export const MIGRATIONS: readonly { version: number; name: string; up: string }[] = [
  { version: 1, name: '001-initial', up: m001.up },
  { version: 2, name: '002-scoring', up: m002.up },
  { version: 3, name: '003-undo', up: m003.up },
  { version: 4, name: '004-laptop', up: m004.up },
  { version: 5, name: '005-notes', up: m005.up },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
