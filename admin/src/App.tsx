import { Route } from 'react-router-dom'
import { Admin, CustomRoutes, LoginWithEmail, nanoDarkTheme, Resource } from 'react-admin'
import { AppLayout } from './AppLayout'
import auditLogs from './audit-logs'
import { authProvider } from './auth-provider'
import brands from './brands'
import { Dashboard } from './dashboard/Dashboard'
import { dataProvider } from './data-provider'
import ledgerAccounts from './ledger-accounts'
import ledgerEntries from './ledger-entries'
import people from './people'
import platformChecks from './platform-checks'
import purchases from './purchases'
import type { RoleGrant } from './session'
import { hasFinanceAccess } from './session'
import { TrialBalancePage } from './trial-balance/TrialBalancePage'

/** Back office wiring only: providers, theme, layout and resources (finance ones for finance staff and admins). */
export function App() {
  return (
    <Admin
      title="Fanz back office"
      dataProvider={dataProvider}
      authProvider={authProvider}
      loginPage={LoginWithEmail}
      dashboard={Dashboard}
      layout={AppLayout}
      theme={nanoDarkTheme}
      requireAuth
      disableTelemetry
    >
      {(permissions: RoleGrant[] | undefined) => (
        <>
          <Resource name="brands" {...brands} recordRepresentation="name" />
          <Resource name="people" {...people} recordRepresentation="email" />
          <Resource name="audit-logs" {...auditLogs} options={{ label: 'Audit log' }} />
          <Resource name="platform-checks" {...platformChecks} options={{ label: 'Platform checks' }} />
          {hasFinanceAccess(permissions) && (
            <>
              <Resource name="purchases" {...purchases} />
              <Resource name="ledger-entries" {...ledgerEntries} options={{ label: 'Ledger entries' }} />
              <Resource name="ledger-accounts" {...ledgerAccounts} options={{ label: 'Ledger accounts' }} recordRepresentation="key" />
              <CustomRoutes>
                <Route path="/trial-balance" element={<TrialBalancePage />} />
              </CustomRoutes>
            </>
          )}
        </>
      )}
    </Admin>
  )
}
