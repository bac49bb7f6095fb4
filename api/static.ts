/** Serves the built back office (/admin), the API docs (/docs) and the storefronts (everything else). */
import { existsSync } from 'node:fs'
import path from 'node:path'
import express, { Router } from 'express'
import { createRequire } from 'node:module'

const swaggerDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))
const docsPage = `<!doctype html><html><head><meta charset="utf-8"><title>fanz-unified API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui' })</script></body></html>`

/** A single-page app: its files, and its index.html for any other path under it. */
function spa(dir: string, name: string): Router {
  const router = Router()
  const index = path.join(dir, 'index.html')
  router.use(express.static(dir, { index: false, redirect: false, maxAge: '1h' }))
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    if (!existsSync(index)) return void res.status(503).type('text').send(`The ${name} is not built; run npm start (it builds it).`)
    res.set('Cache-Control', 'no-cache').sendFile(index)
  })
  return router
}

export function createStaticRouter(staticDir: string): Router {
  const root = path.resolve(staticDir)
  const router = Router()
  router.get('/docs', (_req, res) => { res.type('html').send(docsPage) })
  router.use('/docs/assets', express.static(swaggerDir))
  router.use('/admin', spa(path.join(root, 'admin'), 'back office'))
  router.use(spa(path.join(root, 'storefronts'), 'storefront'))
  return router
}
