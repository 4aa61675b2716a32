/** The options only lipsync v1 offers (https://docs.creatify.ai/api-reference/lipsyncs/post-apilipsyncs). */
import type { INodeProperties } from 'n8n-workflow';

import { CAPTION_STYLES } from '../../../shared/families/aiAvatarV1';

const offset = (axis: 'X' | 'Y', example: number): INodeProperties => ({
	displayName: `Caption Offset ${axis}`,
	name: `captionOffset${axis}`,
	type: 'number',
	typeOptions: { minValue: -0.5, maxValue: 0.5, numberPrecision: 2 },
	default: example,
	description: `The captions' ${axis === 'X' ? 'horizontal' : 'vertical'} position from the centre, from -0.5 to 0.5`,
});

const yesNo = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'boolean',
	default: false,
	description,
});

export const lipsyncOptions: INodeProperties[] = [
	{
		displayName: 'Audio Length (Seconds)',
		name: 'audioSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			"With Audio File URL: the audio's length, for Check Credits First and Max Credits per Run (e.g. a Text to Speech output's duration). 0: the item is not counted.",
	},
	{
		displayName: 'Caption Style',
		name: 'captionStyle',
		type: 'options',
		options: CAPTION_STYLES.map((style) => ({
			name: style.replace(
				/(^|-)(\w)/g,
				(_, dash: string, c: string) => `${dash ? ' ' : ''}${c.toUpperCase()}`,
			),
			value: style,
		})),
		default: 'normal-black',
	},
	offset('X', 0),
	offset('Y', 0.4),
	yesNo(
		'Green Screen',
		'greenScreen',
		'Whether to put the avatar on a plain background without captions, for keying in an editor',
	),
	yesNo('No Caption', 'noCaption', 'Whether to make the video without captions'),
	yesNo('No Music', 'noMusic', 'Whether to make the video without background music'),
	yesNo(
		'Transparent Background',
		'transparentBackground',
		'Whether to make a WebM video with a transparent background (alpha channel)',
	),
];
