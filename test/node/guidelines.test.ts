/**
 * n8n's UX guidelines for community nodes (docs.n8n.io, "UX guidelines for community nodes"), the mechanical ones,
 * over what n8n loads: the built node descriptions and the credential (dist/), every property at every depth
 * (options, collections, fixed collections, resource locator modes).
 */
import type { ICredentialType, INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType } from 'n8n-workflow';

/** The built classes, as n8n loads them. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Highload } = require('../../dist/nodes/Highload/Highload.node') as { Highload: new () => INodeType };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { HighloadTrigger } = require('../../dist/nodes/Highload/HighloadTrigger.node') as { HighloadTrigger: new () => INodeType };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { HighloadApi } = require('../../dist/credentials/HighloadApi.credentials') as { HighloadApi: new () => ICredentialType };

/** Words Title Case leaves small (articles, conjunctions, short prepositions), unless first. */
const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'nor', 'but', 'of', 'in', 'on', 'to', 'for', 'by', 'with', 'at', 'from', 'as', 'per', 'via', 'into', 'than']);
/** Names that keep their own case inside sentence-case text. */
const PROPER_NOUNS = new Set(['Highload', 'Highload.to', 'Highload\'s', 'n8n', 'n8n\'s', 'I', 'Unix', 'Windows', 'JSON', 'AI']);
const ARTICLES = /\b(a|an|the)\b/i;

interface Text {
	where: string;
	text: string;
}

const words = (text: string) => text.split(/[\s/]+/).map((word) => word.replace(/^[("'«]+|[)"'»:,.;!?…]+$/g, '')).filter(Boolean);
const isAcronym = (word: string) => /^[A-Z0-9][A-Z0-9.\-_]*s?$/.test(word) && /[A-Z]/.test(word);
const startsWithLetter = (word: string) => /^[A-Za-z]/.test(word);

/** Title Case: every word capitalised except small words that are neither first nor last; acronyms and numbers as they are. */
export function titleCaseIssue(text: string): string | undefined {
	const list = words(text);
	for (const [index, word] of list.entries()) {
		if (!startsWithLetter(word) || isAcronym(word)) continue;
		if (index > 0 && index < list.length - 1 && SMALL_WORDS.has(word.toLowerCase())) {
			if (word !== word.toLowerCase()) return `small word "${word}" capitalised`;
			continue;
		}
		if (word[0] !== word[0].toUpperCase()) return `"${word}" not capitalised`;
	}
	return undefined;
}

/**
 * Sentence case: the first letter capitalised; after it, capitals only for acronyms, proper nouns, the first word of
 * a new sentence, or a parameter's name quoted in single quotes (as the guideline asks: 'Return All').
 */
export function sentenceCaseIssue(text: string): string | undefined {
	if (!/^[A-Z0-9'"(]/.test(text) && !/^n8n/.test(text)) return 'does not start with a capital letter';
	const unquoted = text.replace(/'[^']*'/g, ' ').replace(/"[^"]*"/g, ' ').replace(/`[^`]*`/g, ' ');
	const sentences = unquoted.split(/(?<=[.!?:])\s+/);
	for (const sentence of sentences) {
		const list = words(sentence);
		for (const word of list.slice(1)) {
			if (!/^[A-Z]/.test(word) || isAcronym(word) || PROPER_NOUNS.has(word)) continue;
			return `"${word}" capitalised inside a sentence (quote a parameter's name: 'Name')`;
		}
	}
	return undefined;
}

/** Every property at every depth, with a path naming where it is. */
function* allProperties(properties: INodeProperties[], path: string): Generator<{ property: INodeProperties; where: string }> {
	for (const property of properties) {
		const where = `${path} › ${property.displayName} (${property.name})`;
		yield { property, where };
		for (const option of property.options ?? []) {
			if ('type' in option && typeof option.type === 'string') yield* allProperties([option as INodeProperties], where);
			else if ('values' in option) yield* allProperties((option as INodePropertyCollection).values, `${where} › ${(option as INodePropertyCollection).displayName}`);
		}
	}
}

const PARTS: Array<{ name: string; properties: INodeProperties[]; description?: string }> = [
	{ name: 'Highload', properties: new Highload().description.properties, description: new Highload().description.description },
	{ name: 'Highload Trigger', properties: new HighloadTrigger().description.properties, description: new HighloadTrigger().description.description },
	{ name: 'Highload API credential', properties: new HighloadApi().properties },
];

const everyProperty = PARTS.flatMap((part) => [...allProperties(part.properties, part.name)]);
const choices = everyProperty.flatMap(({ property, where }) =>
	property.type === 'options' || property.type === 'multiOptions'
		? ((property.options ?? []) as INodePropertyOptions[]).map((option) => ({ option, where: `${where} › ${option.name}`, operation: property.name === 'operation' }))
		: [],
);

/** The texts that fail a rule, as "where: text (why)". */
function failing(texts: Text[], issue: (text: string) => string | undefined): string[] {
	return texts.flatMap(({ where, text }) => {
		const why = issue(text);
		return why ? [`${where}: "${text}" (${why})`] : [];
	});
}

describe("n8n's UX guidelines, on the built descriptions of both nodes and the credential", () => {
	test('the walk reaches every kind of property (so the rules below cannot pass by seeing nothing)', () => {
		const types = new Set(everyProperty.map(({ property }) => property.type));
		for (const type of ['options', 'collection', 'resourceLocator', 'boolean', 'string', 'number', 'notice']) expect(types).toContain(type);
		expect(choices.filter((choice) => choice.operation).length).toBeGreaterThanOrEqual(15);
		expect(everyProperty.some(({ where }) => where.startsWith('Highload API credential'))).toBe(true);
	});

	test('Title Case for display names and option names', () => {
		const texts = [
			...everyProperty.filter(({ property }) => property.type !== 'notice').map(({ property, where }) => ({ where, text: property.displayName })),
			...everyProperty.flatMap(({ property, where }) => (property.modes ?? []).map((mode) => ({ where: `${where} › mode`, text: mode.displayName }))),
			...choices.map(({ option, where }) => ({ where, text: option.name })),
		];
		expect(failing(texts, titleCaseIssue)).toEqual([]);
	});

	test('sentence case for actions, descriptions, hints and notices', () => {
		const texts = [
			...PARTS.filter((part) => part.description).map((part) => ({ where: part.name, text: part.description! })),
			...everyProperty.flatMap(({ property, where }) => [
				...(property.description ? [{ where: `${where} description`, text: property.description }] : []),
				...(property.hint ? [{ where: `${where} hint`, text: property.hint }] : []),
				...(property.type === 'notice' ? [{ where, text: property.displayName }] : []),
				...(property.modes ?? []).flatMap((mode) => (mode.hint ? [{ where: `${where} › ${mode.displayName} hint`, text: mode.hint }] : [])),
			]),
			...choices.flatMap(({ option, where }) => [
				...(option.description ? [{ where: `${where} description`, text: option.description }] : []),
				...(option.action ? [{ where: `${where} action`, text: option.action }] : []),
			]),
		];
		expect(failing(texts, sentenceCaseIssue)).toEqual([]);
	});

	test('every operation has an action, without articles ("Rename file", not "Rename a file"), and a description', () => {
		const operations = choices.filter((choice) => choice.operation);
		const texts = operations.map(({ option, where }) => ({ where, text: option.action ?? '' }));
		expect(failing(texts, (text) => (text === '' ? 'no action' : ARTICLES.test(text) ? 'has an article' : undefined))).toEqual([]);
		expect(operations.filter(({ option }) => !option.description).map(({ where }) => where)).toEqual([]);
	});

	test('booleans are described "Whether …"', () => {
		const booleans = everyProperty.filter(({ property }) => property.type === 'boolean');
		expect(booleans.length).toBeGreaterThan(3);
		expect(booleans.filter(({ property }) => !/^Whether /.test(property.description ?? '')).map(({ where, property }) => `${where}: ${property.description}`)).toEqual([]);
	});

	test('placeholders of text fields are examples starting "e.g. "', () => {
		const texts = [
			...everyProperty
				.filter(({ property }) => property.placeholder && ['string', 'number'].includes(property.type))
				.map(({ property, where }) => ({ where, text: String(property.placeholder) })),
			...everyProperty.flatMap(({ property, where }) =>
				(property.modes ?? []).filter((mode) => mode.placeholder && mode.type !== 'list').map((mode) => ({ where: `${where} › ${mode.displayName}`, text: mode.placeholder! })),
			),
		];
		expect(texts.length).toBeGreaterThan(3);
		expect(failing(texts, (text) => (/^e\.g\. \S/.test(text) ? undefined : 'not "e.g. …"'))).toEqual([]);
	});

	test('a resource locator with a From List mode shows it first and starts in it', () => {
		const locators = everyProperty.filter(({ property }) => property.type === 'resourceLocator');
		expect(locators.length).toBeGreaterThan(2);
		const wrong = locators.filter(({ property }) => {
			const modes = property.modes ?? [];
			const list = modes.find((mode) => mode.type === 'list');
			if (!list) return false;
			return modes[0] !== list || list.displayName !== 'From List' || (property.default as { mode?: string })?.mode !== list.name;
		});
		expect(wrong.map(({ where }) => where)).toEqual([]);
	});

	test('every secret of the credential is a password field', () => {
		const secrets = new HighloadApi().properties.filter(
			(property) => property.type !== 'notice' && /key|password|secret|token/i.test(`${property.name} ${property.displayName}`),
		);
		expect(secrets.map((property) => property.name)).toEqual(['apiKey']);
		expect(secrets.filter((property) => property.typeOptions?.password !== true).map((property) => property.name)).toEqual([]);
	});
});

describe('the rules themselves', () => {
	test('Title Case', () => {
		expect(titleCaseIssue('Put Output File in Field')).toBeUndefined();
		expect(titleCaseIssue('Timeout (Milliseconds)')).toBeUndefined();
		expect(titleCaseIssue('Remote Upload IDs')).toBeUndefined();
		expect(titleCaseIssue('Uploaded At')).toBeUndefined();
		expect(titleCaseIssue('Create missing folders')).toBe('"missing" not capitalised');
		expect(titleCaseIssue('Move To Folder')).toBe('small word "To" capitalised');
	});

	test('sentence case', () => {
		expect(sentenceCaseIssue('Whether to create the folders of a folder given by path')).toBeUndefined();
		expect(sentenceCaseIssue("Try again later, or enable 'Retry On Fail'. Highload's API")).toBeUndefined();
		expect(sentenceCaseIssue('The API key from the Account tab')).toBe('"Account" capitalised inside a sentence (quote a parameter\'s name: \'Name\')');
		expect(sentenceCaseIssue('get a file')).toBe('does not start with a capital letter');
	});
});
