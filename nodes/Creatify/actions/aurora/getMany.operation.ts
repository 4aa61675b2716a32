import { aurora } from '../../../shared/families/aurora';
import { jobGetMany } from '../jobOperations';

export const { description, execute } = jobGetMany(aurora);
