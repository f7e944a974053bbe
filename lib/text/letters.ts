/** Letters that do not decompose into a base letter and a mark (NFD/NFKD leaves them whole). */
const SPECIAL_LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };

/**
 * Lower-case text with those letters spelt plainly: "tromsø" → "tromso", "łódź" → "lodz" once its
 * marks are gone. Every fold (names, keywords, titles) uses it, so they agree on such letters.
 */
export function plainLetters(lowerCase: string): string {
  return lowerCase.replace(/[ßæœøłđðþıħ]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter);
}
