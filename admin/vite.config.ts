import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/** The back office, served by the API under /admin on the same origin. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/admin', import.meta.url)),
    emptyOutDir: true,
    // react-admin + MUI make one ~1 MB bundle; acceptable for an internal tool loaded once per session
    chunkSizeWarningLimit: 1200,
  },
})
