import { urlToVideo } from '../../../shared/families/urlToVideo';
import { downloadOptions } from '../../engine/download';
import { batchOptions } from '../../engine/settings';

/** The wait options of URL to Video's paid operations. */
export const urlToVideoWaitOptions = [...batchOptions, ...downloadOptions(urlToVideo)];
