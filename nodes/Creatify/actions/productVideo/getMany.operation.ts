import { productVideo } from '../../../shared/families/productVideo';
import { jobGetMany } from '../jobOperations';

export const { description, execute } = jobGetMany(productVideo);
