/** The sandbox's receive-only customers (POST /customers) and their bank funding sources (POST /customers/{id}/funding-sources). */
import express, { type Request } from 'express'
import { isAbaRoutingNumber } from '../../../domain/payouts/bank-numbers.ts'
import { baseOf, createdAt, hal, sendReply, validationError, type DwollaReply, type DwollaState } from './state.ts'

export type CustomerDeps = { state: DwollaState; now: () => number }
type Body = Record<string, unknown>

const text = (b: Body, k: string) => (typeof b[k] === 'string' ? (b[k] as string).trim() : '')

function createCustomer(deps: CustomerDeps, req: Request): DwollaReply {
  const b = (req.body ?? {}) as Body
  for (const field of ['firstName', 'lastName', 'email']) if (!text(b, field)) return validationError('Required', `${field} is required.`, `/${field}`)
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text(b, 'email'))) return validationError('Invalid', 'Email invalid.', '/email')
  if (b.type !== undefined && b.type !== 'receive-only') return validationError('Invalid', 'The sandbox creates receive-only customers.', '/type')
  const email = text(b, 'email').toLowerCase()
  const existing = [...deps.state.customers.values()].find((c) => c.email === email)
  if (existing) {
    return validationError('Duplicate', 'A customer with the specified email already exists.', '/email',
      { _links: { about: { href: `${baseOf(req)}/customers/${existing.id}` } } })
  }
  const customer = { id: deps.state.newId(), firstName: text(b, 'firstName'), lastName: text(b, 'lastName'), email, type: 'receive-only',
    created: new Date(deps.now()).toISOString() }
  deps.state.customers.set(customer.id, customer)
  return createdAt(`${baseOf(req)}/customers/${customer.id}`)
}

function createFundingSource(deps: CustomerDeps, req: Request): DwollaReply {
  const customerId = String(req.params.customerId)
  if (!deps.state.customers.has(customerId)) return hal(404, { code: 'NotFound', message: 'Customer not found.' })
  const b = (req.body ?? {}) as Body
  const [routingNumber, accountNumber, bankAccountType, name] = ['routingNumber', 'accountNumber', 'bankAccountType', 'name'].map((k) => text(b, k))
  if (!isAbaRoutingNumber(routingNumber ?? '')) return validationError('Invalid', 'Routing number invalid.', '/routingNumber')
  if (!/^\d{4,17}$/.test(accountNumber ?? '')) return validationError('Invalid', 'Account number invalid.', '/accountNumber')
  if (bankAccountType !== 'checking' && bankAccountType !== 'savings') return validationError('Invalid', 'Bank account type invalid.', '/bankAccountType')
  if (!name) return validationError('Required', 'Name required.', '/name')
  const existing = [...deps.state.fundingSources.values()].find((f) => f.customerId === customerId && f.routingNumber === routingNumber && f.accountNumber === accountNumber)
  if (existing) {
    return hal(400, { code: 'DuplicateResource', message: `Bank already exists: id=${existing.id}`,
      _links: { about: { href: `${baseOf(req)}/funding-sources/${existing.id}`, type: 'application/vnd.dwolla.v1.hal+json', 'resource-type': 'funding-source' } } })
  }
  const source = { id: deps.state.newId(), customerId, routingNumber: routingNumber ?? '', accountNumber: accountNumber ?? '', bankAccountType, name,
    created: new Date(deps.now()).toISOString() }
  deps.state.fundingSources.set(source.id, source)
  return createdAt(`${baseOf(req)}/funding-sources/${source.id}`)
}

export function createCustomerRouter(deps: CustomerDeps) {
  const router = express.Router()
  /** Creates a receive-only customer; an e-mail already in use answers 400 Duplicate with a link to that customer. */
  router.post('/customers', (req, res) => sendReply(res, deps.state.replay('customers', req.get('idempotency-key'), () => createCustomer(deps, req))))
  /** Adds a bank account; a routing number failing the ABA checksum answers 400 ValidationError. */
  router.post('/customers/:customerId/funding-sources', (req, res) =>
    sendReply(res, deps.state.replay(`fs:${String(req.params.customerId)}`, req.get('idempotency-key'), () => createFundingSource(deps, req))))
  return router
}
