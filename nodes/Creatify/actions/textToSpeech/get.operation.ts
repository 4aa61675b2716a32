import { textToSpeech } from '../../../shared/families/textToSpeech';
import { jobLocator } from '../descriptions';
import { jobGet } from '../jobOperations';

export const { description, execute } = jobGet(
	textToSpeech,
	jobLocator('voiceOverId', 'Voice-Over', 'searchVoiceOvers', 'The voice-over to fetch'),
);
