import VideoLibraryIcon from '@mui/icons-material/VideoLibrary'
import { MediaReviewList } from './MediaReviewList'
import { MediaReviewShow } from './MediaReviewShow'

export default { list: MediaReviewList, show: MediaReviewShow, icon: VideoLibraryIcon }
