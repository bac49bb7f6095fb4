import { Route } from 'react-router-dom'
import { Admin, CustomRoutes, LoginWithEmail, nanoDarkTheme, Resource } from 'react-admin'
import { AppLayout } from './AppLayout'
import auditLogs from './audit-logs'
import { authProvider } from './auth-provider'
import brands from './brands'
import chainTransactions from './chain-transactions'
import chargebackCases from './chargebacks'
import collectibleEditions, { canReadCollectibles } from './collectibles'
import { Dashboard } from './dashboard/Dashboard'
import dunningQueue from './dunning'
import privacyRequests from './dsr-requests'
import { dataProvider } from './data-provider'
import kycCases from './kyc-cases'
import mediaReviews from './media-reviews'
import moderationBlockHashes from './moderation-block-hashes'
import { canManageBlockHashes, canReviewMedia } from './media-reviews/access'
import mailMessages, { canReadMail } from './mail'
import { canManagePrivacy, canReadPerformerRecords, canReviewKyc } from './kyc-cases/access'
import ledgerAccounts from './ledger-accounts'
import ledgerEntries from './ledger-entries'
import legalHolds from './legal-holds'
import payoutApprovals from './payout-approvals'
import payoutItems from './payout-items'
import payoutRuns from './payout-runs'
import payoutSchedules from './payout-schedules'
import people from './people'
import performerRecords from './performer-records'
import platformChecks from './platform-checks'
import purchases from './purchases'
import reconciliationCases from './reconciliation-cases'
import referrals from './referrals'
import { ReportsRoute } from './reports'
import type { RoleGrant } from './session'
import { hasFinanceAccess } from './session'
import revenueShareRules from './share-rules'
import subscriptions from './subscriptions'
import fxRates from './fx-rates'
import { TrialBalancePage } from './trial-balance/TrialBalancePage'

/**
 * Back office wiring only: providers, theme, layout and resources (finance ones for finance staff and admins; the KYC
 * queue, privacy requests and legal holds for compliance and admins; 2257 records for compliance only; collectibles and
 * the chain journal for finance, compliance and admins).
 */
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
          {canReadMail(permissions) && <Resource name="mail-messages" {...mailMessages} options={{ label: 'Mail sink' }} recordRepresentation="subject" />}
          {canReviewKyc(permissions) && <Resource name="kyc-cases" {...kycCases} options={{ label: 'KYC cases' }} />}
          {canReviewMedia(permissions) && <Resource name="media-reviews" {...mediaReviews} options={{ label: 'Media review' }} recordRepresentation="title" />}
          {canManageBlockHashes(permissions) && <Resource name="moderation-block-hashes" {...moderationBlockHashes} options={{ label: 'Block list' }} recordRepresentation="phash" />}
          {canManagePrivacy(permissions) && (
            <>
              <Resource name="privacy-requests" {...privacyRequests} options={{ label: 'Privacy requests' }} recordRepresentation="personEmail" />
              <Resource name="legal-holds" {...legalHolds} options={{ label: 'Legal holds' }} recordRepresentation="personEmail" />
            </>
          )}
          {canReadPerformerRecords(permissions) && (
            <Resource name="performer-records" {...performerRecords} options={{ label: '2257 records' }} recordRepresentation="legalName" />
          )}
          {canReadCollectibles(permissions) && (
            <>
              <Resource name="collectible-editions" {...collectibleEditions} options={{ label: 'Collectibles' }} recordRepresentation="title" />
              <Resource name="chain-transactions" {...chainTransactions} options={{ label: 'Chain transactions' }} recordRepresentation="key" />
            </>
          )}
          {hasFinanceAccess(permissions) && (
            <>
              <Resource name="purchases" {...purchases} />
              <Resource name="ledger-entries" {...ledgerEntries} options={{ label: 'Ledger entries' }} />
              <Resource name="ledger-accounts" {...ledgerAccounts} options={{ label: 'Ledger accounts' }} recordRepresentation="key" />
              <Resource name="subscriptions" {...subscriptions} />
              <Resource name="dunning-queue" {...dunningQueue} options={{ label: 'Dunning queue' }} />
              <Resource name="chargeback-cases" {...chargebackCases} options={{ label: 'Chargebacks' }} />
              <Resource name="revenue-share-rules" {...revenueShareRules} options={{ label: 'Revenue share rules' }} />
              <Resource name="fx-rates" {...fxRates} options={{ label: 'FX rates' }} />
              <Resource name="referrals" {...referrals} />
              <Resource name="payout-runs" {...payoutRuns} options={{ label: 'Payout runs' }} />
              <Resource name="payout-approvals" {...payoutApprovals} options={{ label: 'Payout approvals' }} />
              <Resource name="payout-items" {...payoutItems} options={{ label: 'Payouts' }} recordRepresentation="creatorName" />
              <Resource name="reconciliation-cases" {...reconciliationCases} options={{ label: 'Reconciliation' }} />
              <Resource name="payout-schedules" {...payoutSchedules} options={{ label: 'Payout schedules' }} recordRepresentation="name" />
              <CustomRoutes>
                <Route path="/trial-balance" element={<TrialBalancePage />} />
                <Route path="/reports" element={<ReportsRoute />} />
              </CustomRoutes>
            </>
          )}
        </>
      )}
    </Admin>
  )
}
