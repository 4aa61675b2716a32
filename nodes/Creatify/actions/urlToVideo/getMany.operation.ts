import { urlToVideo } from '../../../shared/families/urlToVideo';
import { jobGetMany } from '../jobOperations';

export const { description, execute } = jobGetMany(urlToVideo);
