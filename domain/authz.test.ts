import assert from 'node:assert/strict'
import { allowedBrands, decide, type Grant, type Resource } from './authz.ts'

const g = (role: Grant['role'], brandSlug: string | null = null): Grant => ({ role, brandSlug })

describe('authorization policy', () => {
  const cases: { name: string; grants: Grant[]; ask: [unknown, Resource, string, string | undefined]; allowed: boolean }[] = [
    { name: 'compliance on every brand reads KYC cases of any brand', grants: [g('compliance')], ask: [[], 'kyc-cases', 'read', 'boyfanz'], allowed: true },
    { name: 'compliance scoped to boyfanz decides boyfanz cases', grants: [g('compliance', 'boyfanz')], ask: [[], 'kyc-cases', 'decide', 'boyfanz'], allowed: true },
    { name: 'compliance scoped to boyfanz may not decide girlfanz cases', grants: [g('compliance', 'boyfanz')], ask: [[], 'kyc-cases', 'decide', 'girlfanz'], allowed: false },
    { name: 'admin reads KYC cases', grants: [g('admin')], ask: [[], 'kyc-cases', 'read', 'girlfanz'], allowed: true },
    { name: 'admin may not read 2257 records', grants: [g('admin')], ask: [[], 'performer-records', 'read', undefined], allowed: false },
    { name: 'compliance reads 2257 records', grants: [g('compliance')], ask: [[], 'performer-records', 'read', undefined], allowed: true },
    { name: 'finance may not read KYC cases', grants: [g('finance')], ask: [[], 'kyc-cases', 'read', undefined], allowed: false },
    { name: 'moderator may not read people', grants: [g('moderator', 'boyfanz')], ask: [[], 'people', 'read', undefined], allowed: false },
    { name: 'a fan holds no operator permission', grants: [g('fan', 'girlfanz')], ask: [[], 'brands', 'read', undefined], allowed: false },
    { name: 'a creator holds no operator permission', grants: [g('creator', 'boyfanz')], ask: [[], 'finance', 'read', undefined], allowed: false },
    { name: 'admin runs platform checks', grants: [g('admin')], ask: [[], 'platform-checks', 'run', undefined], allowed: true },
    { name: 'finance refunds', grants: [g('finance')], ask: [[], 'finance', 'refund', undefined], allowed: true },
    { name: 'no grants, nothing allowed', grants: [], ask: [[], 'audit-logs', 'read', undefined], allowed: false },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const [, resource, action, brand] = c.ask
      assert.equal(decide(c.grants, resource, action as never, brand), c.allowed)
    })
  }

  it('lists the brands a scoped grant covers, merged and sorted', () => {
    assert.deepEqual(allowedBrands([g('compliance', 'pupfanz'), g('compliance', 'boyfanz'), g('fan', 'girlfanz')], 'kyc-cases', 'read'),
      ['boyfanz', 'pupfanz'])
    assert.equal(allowedBrands([g('compliance', 'pupfanz'), g('compliance')], 'kyc-cases', 'read'), 'all')
    assert.deepEqual(allowedBrands([g('finance')], 'kyc-cases', 'read'), [])
  })
})
