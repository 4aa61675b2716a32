import { textToSpeech } from '../../../shared/families/textToSpeech';
import { jobGetMany } from '../jobOperations';

export const { description, execute } = jobGetMany(textToSpeech);
