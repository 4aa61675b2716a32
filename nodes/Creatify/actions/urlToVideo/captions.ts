/**
 * The caption settings of a URL to Video video: `caption_setting` in
 * https://docs.creatify.ai/api-reference/link_to_videos/post-apilink_to_videos (it replaces the deprecated
 * caption_offset_x/y fields).
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

type Kind = 'string' | 'number' | 'boolean';

/** option name -> [Creatify field, display name, kind, example] */
const FIELDS: Array<[string, string, string, Kind, string?]> = [
	['style', 'style', 'Style', 'string', 'normal-black'],
	['fontFamily', 'font_family', 'Font Family', 'string', 'Montserrat'],
	['fontSize', 'font_size', 'Font Size', 'number'],
	['fontStyle', 'font_style', 'Font Style', 'string', 'font-bold'],
	['textColor', 'text_color', 'Text Color', 'string', '#FFFFFF'],
	['highlightTextColor', 'highlight_text_color', 'Highlight Text Color', 'string', '#FFD700'],
	['backgroundColor', 'background_color', 'Background Color', 'string', '#000000'],
	['maxWidth', 'max_width', 'Max Width', 'number'],
	['lineHeight', 'line_height', 'Line Height', 'number'],
	['textShadow', 'text_shadow', 'Text Shadow', 'string'],
	['hidden', 'hidden', 'Hidden', 'boolean'],
	['overrideVisualStyle', 'override_visual_style', 'Override Visual Style', 'boolean'],
];

const offset = (axis: 'x' | 'y'): INodeProperties => ({
	displayName: `Offset ${axis.toUpperCase()}`,
	name: `offset${axis.toUpperCase()}`,
	type: 'number',
	typeOptions: { numberPrecision: 2 },
	default: 0,
	description: `The captions' ${axis === 'x' ? 'horizontal' : 'vertical'} position, from the centre (e.g. 0.4 for lower)`,
});

export const captionOption: INodeProperties = {
	displayName: 'Caption Settings',
	name: 'captionSetting',
	type: 'collection',
	placeholder: 'Add Caption Setting',
	default: {},
	options: [
		...FIELDS.map(([name, , displayName, kind, example]) => ({
			displayName,
			name,
			type: kind,
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
