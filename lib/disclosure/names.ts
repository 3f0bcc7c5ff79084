import type { Span } from "./detect";

// Art. 15(4): the words in a free text that might be another customer's full name, in any case
// and with or without accents, and where they are in the text as written.

// Names are compared folded, so that "jurgen muller" in a ticket is "Jürgen Müller" on file:
// canonical decomposition (NFD), the combining diacritical marks (U+0300–U+036F) dropped, lower
// case. The resolver folds the names it holds the same way (lib/companies/streampay/subject-resolver.ts).
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const ASCII = /^[\x00-\x7f]*$/;

/** A text folded for comparing names, and where each folded code unit came from. */
export type FoldedText = {
  text: string;
  folded: string;
  /**
   * origin[i] is the index in `text` of the character that gave folded[i], and
   * origin[folded.length] is text.length. Absent when folding kept every offset.
   */
  origin?: readonly number[];
};

export function foldForNames(text: string): FoldedText {
  // Lower-casing ASCII keeps every offset: most free text takes this path.
  if (ASCII.test(text)) return { text, folded: text.toLowerCase() };
  const origin: number[] = [];
  return { text, folded: fold(text, origin), origin };
}

/** `text` folded for names, without the offsets (FoldedText.folded). */
export function foldName(text: string): string {
  return ASCII.test(text) ? text.toLowerCase() : fold(text);
}

/**
 * A character at a time, so that each folded unit knows where it came from ("ü" written in NFC
 * folds to one unit; "u" + U+0308, in NFD, to one and none) and a name folds the same wherever it is.
 */
function fold(text: string, origin?: number[]): string {
  let folded = "";
  let index = 0;
  for (const character of text) {
    // ASCII needs no decomposition: a German or French text is mostly ASCII too.
    const piece =
      character < "\x80"
        ? character.toLowerCase()
        : character.normalize("NFD").replace(COMBINING_MARKS, "").toLowerCase();
    if (origin) for (let unit = 0; unit < piece.length; unit += 1) origin.push(index);
    folded += piece;
    index += character.length;
  }
  origin?.push(text.length);
  return folded;
}

/** Full names of two to three words ("casey kim", "mary ann jones"), never a lone given name. */
const MIN_WORDS = 2;
const MAX_WORDS = 3;
/** A name word has two letters at least: "a question" is never asked of the resolver. */
const MIN_WORD_LENGTH = 2;

const WORD_CHAR = /[\p{L}\p{M}]/u;
const DIGIT_CHAR = /\p{N}/u;
const enum CharClass {
  Other,
  Letter,
  Digit,
}

/** The classes of ASCII characters, looked up: most text is ASCII, and every character of it passes here. */
const ASCII_CLASS = Uint8Array.from({ length: 0x80 }, (_, code) =>
  /[a-z]/i.test(String.fromCharCode(code))
    ? CharClass.Letter
    : /[0-9]/.test(String.fromCharCode(code))
      ? CharClass.Digit
      : CharClass.Other,
);

/** Letters and marks make words, digits make words that are no name. */
function classAt(text: string, index: number): CharClass {
  const code = text.charCodeAt(index);
  if (code < 0x80) return ASCII_CLASS[code] as CharClass;
  const character = String.fromCodePoint(text.codePointAt(index)!);
  return WORD_CHAR.test(character) ? CharClass.Letter : DIGIT_CHAR.test(character) ? CharClass.Digit : CharClass.Other;
}

const isApostrophe = (code: number) => code === 0x27 || code === 0x2019;
/** Apostrophes and hyphens join the parts of one word ("o'brien-murphy"). */
const isJoiner = (code: number) => isApostrophe(code) || code === 0x2d;

/** The end of the word starting at `start`, and whether it holds a digit. */
function wordAt(text: string, start: number): { end: number; digits: boolean } {
  let index = start;
  let digits = false;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    const kind = classAt(text, index);
    if (kind !== CharClass.Other) {
      digits ||= kind === CharClass.Digit;
      index += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    } else if (isJoiner(code) && index + 1 < text.length && classAt(text, index + 1) !== CharClass.Other) {
      index += 1;
    } else break;
  }
  return { end: index, digits };
}

/** Where the name ends in a word with an English possessive "'s" or "’s" ("rivera's"); undefined otherwise. */
function possessiveAt(text: string, start: number, end: number): number | undefined {
  const apostrophe = text.charCodeAt(end - 2);
  return end - start > MIN_WORD_LENGTH + 1 && text.charCodeAt(end - 1) === 0x73 && isApostrophe(apostrophe)
    ? end - 2
    : undefined;
}

/**
 * Calls `visit` with the folded offsets of every run of two or three words one space apart,
 * each a possible full name: "hello casey kim" gives "hello casey", "hello casey kim" and
 * "casey kim". Not a guess at what is a name: the resolver decides which are customers. A
 * scanner rather than a regular expression: every word of every text passes here.
 */
function eachNameRun(folded: string, visit: (start: number, end: number) => void): void {
  // The starts of the run's previous two words, the nearest first; how many there are.
  let previous = -1;
  let beforePrevious = -1;
  let inRun = 0;
  let lastEnd = -2;
  let index = 0;
  while (index < folded.length) {
    if (classAt(folded, index) === CharClass.Other) {
      index += 1;
      continue;
    }
    const start = index;
    const { end, digits } = wordAt(folded, start);
    index = end;
    if (digits || end - start < MIN_WORD_LENGTH) {
      inRun = 0;
      continue;
    }
    if (start !== lastEnd + 1 || folded.charCodeAt(lastEnd) !== 0x20) inRun = 0;
    // The runs that end with this word: of two words (MIN_WORDS) and of three (MAX_WORDS); for a
    // possessive ("sam rivera's") also the runs without its "'s", which the span then leaves out.
    const possessive = possessiveAt(folded, start, end);
    for (const last of possessive === undefined ? [end] : [end, possessive]) {
      if (inRun >= MIN_WORDS - 1) visit(previous, last);
      if (inRun >= MAX_WORDS - 1) visit(beforePrevious, last);
    }
    beforePrevious = previous;
    previous = start;
    inRun = Math.min(inRun + 1, MAX_WORDS - 1);
    lastEnd = end;
  }
}

/** Every possible full name in a folded text (FoldedText.folded), for the resolver. */
export function nameKeys(folded: string): string[] {
  const keys: string[] = [];
  eachNameRun(folded, (start, end) => keys.push(folded.slice(start, end)));
  return keys;
}

/** A possible full name: its span of the original text, and its folded `key`. */
export type NameCandidate = Omit<Span, "kind"> & { key: string };

/**
 * The possible full names in `text` whose key is in `known` (every one when `known` is absent),
 * with the span of the ORIGINAL text: folding can change lengths ("Jürgen" written in NFD).
 */
export function nameCandidates(text: FoldedText | string, known?: ReadonlySet<string>): NameCandidate[] {
  const { text: original, folded, origin } = typeof text === "string" ? foldForNames(text) : text;
  const candidates: NameCandidate[] = [];
  eachNameRun(folded, (foldedStart, foldedEnd) => {
    const key = folded.slice(foldedStart, foldedEnd);
    if (known && !known.has(key)) return;
    // The end is where the next folded unit came from: a mark dropped after the last letter
    // ("José" in NFD) stays in the span.
    const start = origin ? origin[foldedStart]! : foldedStart;
    const end = origin ? origin[foldedEnd]! : foldedEnd;
    candidates.push({ start, end, matched: original.slice(start, end), key });
  });
  return candidates;
}
