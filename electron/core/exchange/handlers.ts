/** The exchange channels: `exchange.inspect` reads a `.penilai` package, checks all of it and says what it holds. */
import type { HandlerGroup } from '../deps.js';
import { inspectPackage } from './inspect.js';

export const exchangeHandlers = {
  'exchange.inspect': ({ name, bytes }) => inspectPackage(name, bytes),
} satisfies HandlerGroup;
