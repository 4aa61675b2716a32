/** Every Creatify job family the package serves. */
import { adTemplate } from './adTemplate';
import { aurora } from './aurora';
import { productVideo } from './productVideo';
import { textToSpeech } from './textToSpeech';
import type { JobFamily } from './types';
import { urlToVideo } from './urlToVideo';

export const FAMILIES: readonly JobFamily[] = [
	productVideo,
	urlToVideo,
	textToSpeech,
	aurora,
	adTemplate,
];

export function familyNamed(name: unknown): JobFamily | undefined {
	return FAMILIES.find((family) => family.name === name);
}
