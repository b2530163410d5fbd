// `electron-vite build` (npm run build) writes the three parts of the app to out/:
//   out/main/index.js        the main process (ESM, as package.json says "type": "module")
//   out/main/pdf-worker.js   the worker thread that lays out PDFs
//   out/preload/index.cjs    the sandboxed preload: CommonJS, because a sandboxed preload cannot be an ES module
//   out/renderer/index.html  the React app (also what the browser mode serves)
// It needs no Electron binary. `--outDir DIR` puts the three folders under DIR instead (the build test uses it).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';

const root = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  main: {
    build: {
      // package.json's dependencies stay external (loaded from node_modules at run time, inside app.asar when
      // packaged). Two of them must never be bundled: better-sqlite3 (a native addon) and @react-pdf/renderer
      // (pdfkit's subpath imports break when bundled; see docs). Listed so that this holds even if they move.
      externalizeDeps: { include: ['better-sqlite3', '@react-pdf/renderer'] },
      // pdf-worker.js: the worker thread that lays out PDFs (electron/core/documents/pdf-worker.ts).
      rolldownOptions: { input: { index: root('electron/main/index.ts'), 'pdf-worker': root('electron/core/documents/pdf-worker.ts') } },
    },
  },
  preload: {
    build: {
      // Everything is bundled: a sandboxed preload can require only `electron` and a few Node built-ins.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: root('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: root('renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: root('out/renderer'),
      // electron-vite leaves the renderer unminified by default (its default is `minify: false` for all three
      // parts); the renderer is what the first screen waits for, so it is minified (oxc) like any web build.
      minify: true,
      rolldownOptions: { input: { index: root('renderer/index.html') } },
    },
  },
});
