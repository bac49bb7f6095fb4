import AccountBalanceIcon from '@mui/icons-material/AccountBalance'
import { LedgerAccountList } from './LedgerAccountList'

// no show view: the API has no GET /api/ledger-accounts/:id, and the list row already holds every field
export default { list: LedgerAccountList, icon: AccountBalanceIcon }
