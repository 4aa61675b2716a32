import { urlToVideo } from '../../../shared/families/urlToVideo';
import { videoIdLocator } from '../descriptions';
import { jobGet } from '../jobOperations';

export const { description, execute } = jobGet(urlToVideo, videoIdLocator('The video to fetch'));
