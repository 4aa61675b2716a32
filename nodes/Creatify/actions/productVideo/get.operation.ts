import { productVideo } from '../../../shared/families/productVideo';
import { taskIdLocator } from '../descriptions';
import { jobGet } from '../jobOperations';

export const { description, execute } = jobGet(productVideo, taskIdLocator('The task to fetch'));
