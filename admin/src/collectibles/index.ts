import TokenIcon from '@mui/icons-material/Token'
import { CollectibleEditionList } from './CollectibleEditionList'
import { CollectibleEditionShow } from './CollectibleEditionShow'

export { canReadCollectibles } from './access'
export { CollectiblesMenuItems } from './CollectiblesMenu'
export default { list: CollectibleEditionList, show: CollectibleEditionShow, icon: TokenIcon }
