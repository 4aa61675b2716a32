/**
 * The caption settings of a video: `caption_setting` in URL to Video
 * (https://docs.creatify.ai/api-reference/link_to_videos/post-apilink_to_videos, where it replaces the deprecated
 * caption_offset_x/y fields) and in each scene of AI Avatar
 * (https://docs.creatify.ai/api-reference/lipsyncs_v2/post-apilipsyncs).
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

type Kind = 'string' | 'number' | 'boolean';

/** option name -> [Creatify field, display name, kind, description, example] */
const FIELDS: Array<[string, string, string, Kind, string, string?]> = [
	['style', 'style', 'Style', 'string', "A caption preset of Creatify's", 'normal-black'],
	['fontFamily', 'font_family', 'Font Family', 'string', 'The font of the captions', 'Montserrat'],
	['fontSize', 'font_size', 'Font Size', 'number', 'The size of the caption text'],
	[
		'fontStyle',
		'font_style',
		'Font Style',
		'string',
		'The weight or style of the font',
		'font-bold',
	],
	['textColor', 'text_color', 'Text Color', 'string', 'The colour of the text', '#FFFFFF'],
	[
		'highlightTextColor',
		'highlight_text_color',
		'Highlight Text Color',
		'string',
		'The colour of the word being spoken',
		'#FFD700',
	],
	[
		'backgroundColor',
		'background_color',
		'Background Color',
		'string',
		'The colour behind the text',
		'#000000',
	],
	['maxWidth', 'max_width', 'Max Width', 'number', 'The widest a caption line may be'],
	['lineHeight', 'line_height', 'Line Height', 'number', 'The spacing between caption lines'],
	['textShadow', 'text_shadow', 'Text Shadow', 'string', 'A CSS-style shadow for the text'],
	['hidden', 'hidden', 'Hidden', 'boolean', 'Whether to hide the captions'],
	[
		'overrideVisualStyle',
		'override_visual_style',
		'Override Visual Style',
		'boolean',
		"Whether these settings replace the visual style's own captions",
	],
];

const offset = (axis: 'x' | 'y'): INodeProperties => ({
	displayName: `Offset ${axis.toUpperCase()}`,
	name: `offset${axis.toUpperCase()}`,
	type: 'number',
	typeOptions: { numberPrecision: 2 },
	default: 0,
	description: `The captions' ${axis === 'x' ? 'horizontal' : 'vertical'} position, from -0.5 to 0.5; 0 is the centre${axis === 'y' ? ', 0.4 near the bottom' : ''}`,
});

export const captionOption: INodeProperties = {
	displayName: 'Caption Settings',
	name: 'captionSetting',
	type: 'collection',
	placeholder: 'Add Caption Setting',
	default: {},
	description: 'How the captions look; only the settings added are sent',
	options: [
		...FIELDS.map(([name, , displayName, kind, description, example]) => ({
			displayName,
			name,
			type: kind,
			description,
			default: kind === 'boolean' ? false : kind === 'number' ? 0 : '',
			...(example ? { placeholder: `e.g. ${example}` } : {}),
		})),
		offset('x'),
		offset('y'),
	],
};

/** Creatify's caption_setting from the option's value; undefined when nothing is set. */
export function captionSetting(value: unknown): IDataObject | undefined {
	if (value === null || typeof value !== 'object') return undefined;
	const chosen = value as IDataObject;
	const setting: IDataObject = {};
	for (const [name, apiName] of FIELDS) {
		const field = chosen[name];
		if (field === undefined || field === '') continue;
		setting[apiName] = field;
	}
	if (chosen.offsetX !== undefined || chosen.offsetY !== undefined) {
		setting.offset = { x: Number(chosen.offsetX ?? 0), y: Number(chosen.offsetY ?? 0) };
	}
	return Object.keys(setting).length > 0 ? setting : undefined;
}
