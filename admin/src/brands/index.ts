import StorefrontIcon from '@mui/icons-material/Storefront'
import { BrandList } from './BrandList'
import { BrandShow } from './BrandShow'

export default { list: BrandList, show: BrandShow, icon: StorefrontIcon }
