// How questions and the knowledge base are read for search: case folded, ё → е, the Kazakh
// letters folded to the Russian letters people type instead (ә → а, қ → к, і → и …), words typed
// on a Latin keyboard spelled in Cyrillic, common Kazakh and Russian suffixes stripped. The same
// steps run on the knowledge base and on the question, so "жалакы", "жалақы" and "zhalaqy" meet.
import type { Lang } from "../../domain/language.js";

const KAZAKH_TO_RUSSIAN: Record<string, string> = {
  ә: "а",
  ғ: "г",
  қ: "к",
  ң: "н",
  ө: "о",
  ұ: "у",
  ү: "у",
  һ: "х",
  і: "и",
  ё: "е",
};
const KAZAKH_LETTERS = /[әғқңөұүһі]/u;

const LATIN_DIGRAPHS: Array<[string, string]> = [
  ["shch", "щ"],
  ["sh", "ш"],
  ["ch", "ч"],
  ["zh", "ж"],
  ["kh", "х"],
  ["ts", "ц"],
  ["ya", "я"],
  ["yu", "ю"],
  ["yo", "е"],
];
const LATIN: Record<string, string> = {
  a: "а",
  b: "б",
  c: "с",
  d: "д",
  e: "е",
  f: "ф",
  g: "г",
  h: "х",
  i: "и",
  j: "ж",
  k: "к",
  l: "л",
  m: "м",
  n: "н",
  o: "о",
  p: "п",
  q: "к",
  r: "р",
  s: "с",
  t: "т",
  u: "у",
  v: "в",
  w: "у",
  x: "кс",
  y: "ы",
  z: "з",
};

/** A word written in Latin letters, as in Cyrillic. */
function latinToCyrillic(word: string): string {
  let out = word;
  for (const [latin, cyrillic] of LATIN_DIGRAPHS) out = out.replaceAll(latin, cyrillic);
  return out.replace(/[a-z]/g, (c) => LATIN[c] ?? c);
}

/** Lower case, ё → е, Kazakh letters folded, a Latin word spelled in Cyrillic. */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  const cyrillic = /^[a-z]+$/.test(lower) ? latinToCyrillic(lower) : lower;
  return cyrillic.replace(/[әғқңөұүһіё]/gu, (c) => KAZAKH_TO_RUSSIAN[c]!);
}

// Endings after folding, longest first: Russian inflections, Kazakh plural, case and possessive suffixes.
const SUFFIXES = [
  "лардын",
  "лердин",
  "ларга",
  "лерге",
  "лардан",
  "лерден",
  "ларды",
  "лерди",
  "ларын",
  "лерин",
  "иями",
  "ями",
  "ами",
  "ого",
  "его",
  "ому",
  "ему",
  "ыми",
  "ими",
  "иях",
  "нын",
  "нин",
  "дын",
  "дин",
  "тын",
  "тин",
  "нан",
  "нен",
  "дан",
  "ден",
  "тан",
  "тен",
  "мен",
  "бен",
  "пен",
  "лар",
  "лер",
  "дар",
  "дер",
  "тар",
  "тер",
  "сыз",
  "сиз",
  "мыз",
  "миз",
  "ныз",
  "низ",
  "ях",
  "ах",
  "ов",
  "ев",
  "ей",
  "ой",
  "ий",
  "ый",
  "ая",
  "яя",
  "ое",
  "ее",
  "ые",
  "ие",
  "ую",
  "юю",
  "ом",
  "ем",
  "ам",
  "ям",
  "ть",
  "ся",
  "га",
  "ге",
  "ка",
  "ке",
  "на",
  "не",
  "да",
  "де",
  "та",
  "те",
  "ны",
  "ни",
  "ды",
  "ди",
  "ты",
  "ти",
  "сы",
  "си",
  "ын",
  "ин",
  "ым",
  "им",
  "а",
  "я",
  "о",
  "е",
  "ы",
  "и",
  "у",
  "ю",
  "ь",
  "м",
];
const MIN_STEM = 4;

/** Strips up to two endings, keeping a stem of at least four letters. */
export function stem(word: string): string {
  let out = word;
  for (let round = 0; round < 2; round++) {
    const suffix = SUFFIXES.find((s) => out.endsWith(s) && out.length - s.length >= MIN_STEM);
    if (!suffix) break;
    out = out.slice(0, -suffix.length);
  }
  return out;
}

// Words that say nothing about the topic, after folding.
const STOP_WORDS = new Set([
  "и",
  "в",
  "во",
  "на",
  "по",
  "с",
  "со",
  "к",
  "о",
  "об",
  "у",
  "за",
  "из",
  "от",
  "до",
  "для",
  "ли",
  "же",
  "бы",
  "не",
  "а",
  "но",
  "или",
  "я",
  "мне",
  "меня",
  "мы",
  "вы",
  "вам",
  "ты",
  "мой",
  "моя",
  "мои",
  "это",
  "этот",
  "как",
  "что",
  "где",
  "кто",
  "ко",
  "так",
  "есть",
  "ма",
  "ме",
  "ба",
  "бе",
  "па",
  "пе",
  "мен",
  "сен",
  "биз",
  "сиз",
  "бул",
  "сол",
  "жане",
  "деген",
  "кандай",
  "калай",
]);

/** A search term from a word: null for words that carry no topic. */
export function searchTerm(word: string): string | null {
  const folded = fold(word);
  if (folded.length < 2 || STOP_WORDS.has(folded)) return null;
  return stem(folded);
}

// Frequent Kazakh and Russian words (folded) for telling the languages apart without Kazakh letters.
const KAZAKH_MARKERS = new Set([
  "калай",
  "кандай",
  "деген",
  "бола",
  "ма",
  "ме",
  "ба",
  "бе",
  "па",
  "пе",
  "керек",
  "жок",
  "бар",
  "канша",
  "кайда",
  "ушин",
  "жане",
  "бойынша",
  "маган",
  "мен",
  "кимге",
  "неше",
  "алуга",
  "беру",
  "жумыс",
  "несие",
  "жастар",
  "айлык",
]);
const RUSSIAN_MARKERS = new Set([
  "как",
  "что",
  "где",
  "кто",
  "сколько",
  "можно",
  "нужно",
  "ли",
  "для",
  "какая",
  "какой",
  "какие",
  "мне",
  "если",
  "это",
  "по",
  "на",
  "работа",
  "кредит",
  "зарплата",
  "молодежь",
  "почему",
  "когда",
]);

/** The language of a question from its letters and frequent words; null when it cannot tell. */
export function detectLanguage(text: string): Lang | null {
  if (KAZAKH_LETTERS.test(text.toLowerCase())) return "kk";
  const words = text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .map(fold);
  const kk = words.filter((w) => KAZAKH_MARKERS.has(w)).length;
  const ru = words.filter((w) => RUSSIAN_MARKERS.has(w)).length;
  if (kk === ru) return null;
  return kk > ru ? "kk" : "ru";
}
