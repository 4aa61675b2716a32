import { adTemplate } from '../../../shared/families/adTemplate';
import { jobGetMany } from '../jobOperations';

export const { description, execute } = jobGetMany(adTemplate);
