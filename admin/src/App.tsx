import { Admin, LoginWithEmail, nanoDarkTheme, Resource } from 'react-admin'
import auditLogs from './audit-logs'
import { authProvider } from './auth-provider'
import brands from './brands'
import { Dashboard } from './dashboard/Dashboard'
import { dataProvider } from './data-provider'
import people from './people'
import platformChecks from './platform-checks'

/** Back office wiring only: providers, theme and resources. */
export function App() {
  return (
    <Admin
      title="Fanz back office"
      dataProvider={dataProvider}
      authProvider={authProvider}
      loginPage={LoginWithEmail}
      dashboard={Dashboard}
      theme={nanoDarkTheme}
      requireAuth
      disableTelemetry
    >
      <Resource name="brands" {...brands} recordRepresentation="name" />
      <Resource name="people" {...people} recordRepresentation="email" />
      <Resource name="audit-logs" {...auditLogs} options={{ label: 'Audit log' }} />
      <Resource name="platform-checks" {...platformChecks} options={{ label: 'Platform checks' }} />
    </Admin>
  )
}
