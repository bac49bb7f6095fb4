import RequestQuoteIcon from '@mui/icons-material/RequestQuote'
import { PayoutRunList } from './PayoutRunList'
import { PayoutRunShow } from './PayoutRunShow'

export default { list: PayoutRunList, show: PayoutRunShow, icon: RequestQuoteIcon }
