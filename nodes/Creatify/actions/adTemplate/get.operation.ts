import { adTemplate } from '../../../shared/families/adTemplate';
import { jobLocator } from '../descriptions';
import { jobGet } from '../jobOperations';

export const { description, execute } = jobGet(
	adTemplate,
	jobLocator('templateJobId', 'Template Job', 'searchTemplateJobs', 'The template job to fetch'),
);
