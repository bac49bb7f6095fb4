import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { resolveBrand } from '../../domain/brands'
import { App } from './App'
import { applyBrand } from './theme'
import './styles.css'

const brand = resolveBrand(window.location.host, window.location.pathname)
applyBrand(document, brand)

const root = document.getElementById('root')
if (!root) throw new Error('storefront: #root element missing from index.html')
createRoot(root).render(
  <StrictMode>
    <App brand={brand} />
  </StrictMode>,
)
