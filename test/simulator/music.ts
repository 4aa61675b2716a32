/**
 * The simulator's music library (https://docs.creatify.ai/api-reference/musics/get-api-musics): categories, and
 * tracks filtered by category and search, paginated as {count, results, page, page_size}. The page does not show
 * a track's fields: the simulator's have id, name, category, url and duration. It serves at most 50 tracks a page
 * (and says so in page_size), as a server may cap what is asked.
 */
import { HttpAnswer } from './http';

export const MUSIC_CATEGORIES = ['Upbeat', 'Calm', 'Cinematic'];
const MAX_PAGE_SIZE = 50;

export const MUSICS = MUSIC_CATEGORIES.flatMap((category, c) =>
	Array.from({ length: 45 }, (_, k) => ({
		id: `9e8d7c6b-5a4f-4e3d-8c2b-${String(c * 100 + k).padStart(12, '0')}`,
		name: `${category} track ${k + 1}`,
		category,
		url: `https://cdn.example.com/music/${category.toLowerCase()}-${k + 1}.mp3`,
		duration: 60 + k,
	})),
);

/** The answer for a request under /api/music_categories/ or /api/musics/, if it is one. */
export function routeMusic(method: string, parts: string[], query: Record<string, string>) {
	const [, resource] = parts;
	if (method !== 'GET' || parts.length !== 2) return undefined;
	if (resource === 'music_categories')
		return new HttpAnswer(
			200,
			MUSIC_CATEGORIES.map((name) => ({ name })),
		);
	if (resource !== 'musics') return undefined;
	const search = (query.search ?? '').toLowerCase();
	const tracks = MUSICS.filter(
		(track) =>
			(!query.category || track.category === query.category) &&
			(!search || `${track.name} ${track.category}`.toLowerCase().includes(search)),
	);
	const page = Number(query.page ?? '1');
	const size = Math.min(MAX_PAGE_SIZE, Number(query.page_size ?? '10'));
	if (!(page >= 1 && size >= 1)) return new HttpAnswer(400, { detail: 'Invalid page.' });
	const results = tracks.slice((page - 1) * size, page * size);
	return new HttpAnswer(200, { count: tracks.length, results, page, page_size: size });
}
