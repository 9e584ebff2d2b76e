import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve('src/main/index.ts') } }
    }
  },
  preload: {
    build: {
      // A sandboxed preload cannot require node_modules: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    worker: { format: 'es' },
    build: {
      // electron-vite leaves the renderer unminified; a smaller bundle starts faster in both hosts.
      minify: true,
      // The main chunk carries React, zod and the 231-operation catalog; CodeMirror is split off.
      chunkSizeWarningLimit: 800,
      rollupOptions: { input: resolve('src/renderer/index.html') }
    }
  }
})
