/**
 * The preload script (sandboxed, built as CommonJS to out/preload/index.cjs): exposes the typed api, and nothing
 * else, as `window.penilai` in the renderer's isolated world.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../../shared/contract/channels.js';
import { buildPreloadApi } from './api.js';

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, buildPreloadApi(ipcRenderer));
