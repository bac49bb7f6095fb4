import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))

/** One storefront build; the brand is picked at runtime from the host or first path segment. */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  // the brand registry lives in ../domain, outside this app's root
  server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
  build: { outDir: fileURLToPath(new URL('../dist/storefronts', import.meta.url)), emptyOutDir: true },
})
