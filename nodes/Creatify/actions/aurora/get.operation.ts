import { aurora } from '../../../shared/families/aurora';
import { jobLocator } from '../descriptions';
import { jobGet } from '../jobOperations';

export const { description, execute } = jobGet(
	aurora,
	jobLocator('auroraVideoId', 'Aurora Video', 'searchAuroraVideos', 'The Aurora video to fetch'),
);
