/**
 * Aurora's image and audio inputs: a URL, or a file from an earlier node. Creatify's reference types both as
 * file URLs and lists multipart among the request's encodings
 * (https://docs.creatify.ai/api-reference/aurora/post-aurora): a file goes as a multipart part of the same name.
 */
import { AUDIO_EXTENSIONS, IMAGE_EXTENSIONS } from '../../../shared/families/aurora';
import type { MediaInput } from '../mediaInput';

const AURORA_BINARY =
	"A file an earlier node attached to the item. Creatify's pages document URLs only, so the file may be refused: then nothing is charged, and a URL works instead.";

export const IMAGE_INPUT: MediaInput = {
	field: 'image',
	title: 'Image',
	noun: 'image',
	mimeTypes: ['image/png', 'image/jpeg', 'image/jpg', 'image/webp'],
	extensions: IMAGE_EXTENSIONS,
	defaultProperty: 'data',
	example: 'https://example.com/presenter.png',
	binaryDescription: AURORA_BINARY,
};

export const AUDIO_INPUT: MediaInput = {
	field: 'audio',
	title: 'Audio',
	noun: 'audio',
	mimeTypes: ['audio/mpeg', 'audio/mp3', 'audio/wav', 'audio/x-wav', 'audio/wave'],
	extensions: AUDIO_EXTENSIONS,
	defaultProperty: 'audio',
	example: 'https://example.com/voice-over.mp3',
	binaryDescription: AURORA_BINARY,
};
