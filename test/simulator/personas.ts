/** A fixed set of avatars (personas) shaped like Creatify's, with every gender and age range. */

const FIRST_NAMES = [
	'Ava',
	'Noah',
	'Mia',
	'Liam',
	'Zoe',
	'Kai',
	'Lena',
	'Omar',
	'Ivy',
	'Theo',
	'Nia',
	'Ezra',
];
const GENDERS = ['f', 'm', 'nb'] as const;
const AGE_RANGES = ['adult', 'teen', 'senior', 'child'] as const;
const STYLES = ['casual', 'studio', 'outdoor', 'kitchen', 'office'];

export interface SimPersona {
	id: string;
	creator_name: string;
	gender: (typeof GENDERS)[number];
	age_range: (typeof AGE_RANGES)[number];
	style: string;
	preview_image_1_1: string;
	is_active: boolean;
}

function personaId(n: number): string {
	const hex = n.toString(16).padStart(12, '0');
	return `7a1c2e3f-4b5d-4e6f-8a9b-${hex}`;
}

export const PERSONAS: SimPersona[] = Array.from({ length: 60 }, (_, n) => ({
	id: personaId(n + 1),
	creator_name: `${FIRST_NAMES[n % FIRST_NAMES.length]} ${String.fromCharCode(65 + (n % 26))}.`,
	gender: GENDERS[n % GENDERS.length],
	age_range: AGE_RANGES[Math.floor(n / 3) % AGE_RANGES.length],
	style: STYLES[n % STYLES.length],
	preview_image_1_1: `https://cdn.example.com/personas/${n + 1}.png`,
	is_active: true,
}));
