/** Every Creatify job family the package serves. */
import { adTemplate } from './adTemplate';
import { aiAvatar } from './aiAvatar';
import { aiAvatarV1 } from './aiAvatarV1';
import { aiScript } from './aiScript';
import { assetGenerator } from './assetGenerator';
import { aurora } from './aurora';
import { avatar } from './avatar';
import { customTemplate } from './customTemplate';
import { imageAd } from './imageAd';
import { productVideo } from './productVideo';
import { textToSpeech } from './textToSpeech';
import type { JobFamily } from './types';
import { urlToVideo } from './urlToVideo';

/** The one list the node's resources, pickers, Get and Get Many, the trigger and the tests derive from. */
export const FAMILIES = [
	productVideo,
	urlToVideo,
	textToSpeech,
	aurora,
	adTemplate,
	aiAvatar,
	customTemplate,
	aiAvatarV1,
	imageAd,
	assetGenerator,
	avatar,
	aiScript,
] as const;

/** A family's resource value; a name no family has fails to compile. */
export type FamilyName = (typeof FAMILIES)[number]['name'];

export function familyNamed(name: unknown): JobFamily | undefined {
	return FAMILIES.find((family: JobFamily) => family.name === name);
}
