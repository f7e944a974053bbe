import { EARLIEST_TIME } from '../model/timeBounds';
import { normaliseSpace } from '../sites/text';

/**
 * Webmail's message times, as shown in a `title` attribute in the UI language, read back into an
 * instant. Gmail and Outlook on the web render the time in the browser's local time zone, so the
 * text is read as local time, to the minute.
 *
 *   "Mon, Nov 2, 2026, 10:14 AM"   "Fr., 30. Okt. 2026, 16:45"   "sex., 30 de out. de 2026, 16:45"
 *   "2026-10-30 16:45"             "Fri 10/30/2026 4:45 PM"     "2026年10月30日 16:45"
 *
 * Why not date-fns `parse`: it needs one exact pattern per locale and per webmail, and its month
 * abbreviations are not Gmail's (CLDR versions differ: "sept" vs "sep.", "oct" vs "oct."), so a
 * dozen locale objects times a dozen patterns would still miss real texts. Instead: find the one
 * clock time, the one date (a month name from the table below, or numbers), and insist that every
 * other word is a weekday that agrees with the date or a known filler word ("um", "de", "at").
 * Anything else (relative times, unknown languages or day-period words such as 午後, two-digit
 * years) is refused: a wrong time in the timeline is worse than none.
 */

/** Longer than any real title ("quarta-feira, 30 de outubro de 2026 às 16:45" is 44). */
const MAX_LENGTH = 120;

/**
 * Month names in the UI languages reps use most. A word names a month when it is a prefix (three
 * letters or more) of one of these, or an exact alias; it must name the same month in every
 * language it matches ("jui" could be juin or juillet, so it names none).
 */
const MONTHS: readonly (readonly string[])[] = [
  /* en */ ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  /* de */ ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
  /* fr */ ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  /* es */ ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  /* it */ ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
  /* pt */ ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
  /* nl */ ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  /* sv */ ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  /* pl, nominative */ ['styczeń', 'luty', 'marzec', 'kwiecień', 'maj', 'czerwiec', 'lipiec', 'sierpień', 'wrzesień', 'październik', 'listopad', 'grudzień'],
  /* pl, genitive ("30 października 2026") */ ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'],
];

/** Abbreviations that are not prefixes of the month's name (1 = January). */
const MONTH_ALIASES: ReadonlyMap<string, number> = new Map([
  ['mrt', 3], // nl maart
  ['mrz', 3], // de März, in some German date styles
  ['setiembre', 9], // es, Latin America
  ['jänner', 1], // de-AT
  ['jän', 1],
]);

/** Weekday names, Sunday first (as `Date#getDay`). Prefixes of two letters or more count. */
const WEEKDAYS: readonly (readonly string[])[] = [
  /* en */ ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
  /* de */ ['sonntag', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag'],
  /* fr */ ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
  /* es */ ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
  /* it */ ['domenica', 'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato'],
  /* pt ("segunda-feira": "feira" is a filler word) */ ['domingo', 'segunda', 'terça', 'quarta', 'quinta', 'sexta', 'sábado'],
  /* nl */ ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
  /* sv */ ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'],
  /* pl */ ['niedziela', 'poniedziałek', 'wtorek', 'środa', 'czwartek', 'piątek', 'sobota'],
  /* ja */ ['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日'],
];

/** Weekday abbreviations that are not prefixes of the name. */
const WEEKDAY_ALIASES: ReadonlyMap<string, number> = new Map([
  ['pt', 5], // pl piątek
  ['sonnabend', 6], // de, northern
  ...['日', '月', '火', '水', '木', '金', '土'].map((kanji, day) => [kanji, day] as const), // ja "(金)"
]);

/** Words that may sit between the parts: "um" 16:45, "de" out. "de" 2026, "kl." 16:45, 2026 "r." (pl rok). */
const FILLER_WORDS = new Set(['at', 'um', 'à', 'a', 'las', 'de', 'om', 'alle', 'às', 'kl', 'o', 'r', 'feira']);

/**
 * One clock time: "16:45", "4:45 PM", "4:45 p. m.", "16:45:07" (seconds dropped). A dot is not
 * accepted as the separator: "30.10" would read as a time.
 */
const TIME = /(?<!\d)(\d{1,2}):(\d{2})(?::\d{2})?(?!\d)(?: ?([ap]\.? ?m\.?)(?!\p{L}))?/giu;

type DateParts = { year: number; month: number; day: number };

interface DateReading {
  /** Every reading the text allows; more than one only for numeric day/month order. */
  candidates: DateParts[];
  /** The text with the date taken out. */
  rest: string;
}

function monthOrUndefined(word: string): number | undefined {
  // Stryker disable next-line Regex: a month word ends in at most one dot, so its first dot is its last
  const key = word.toLowerCase().replace(/\.$/, '');
  const alias = MONTH_ALIASES.get(key);
  if (alias !== undefined) return alias;
  if (key.length < 3) return undefined;
  const months = new Set<number>();
  for (const language of MONTHS) language.forEach((name, index) => name.startsWith(key) && months.add(index + 1));
  return months.size === 1 ? [...months][0] : undefined;
}

/** The weekdays a word can name (0 = Sunday), or undefined when it is no weekday. */
function weekdaysOrUndefined(word: string): Set<number> | undefined {
  const alias = WEEKDAY_ALIASES.get(word);
  if (alias !== undefined) return new Set([alias]);
  if (word.length < 2) return undefined;
  const days = new Set<number>();
  for (const language of WEEKDAYS) language.forEach((name, day) => name.startsWith(word) && days.add(day));
  // Stryker disable next-line ConditionalExpression,EqualityOperator: an empty set of weekdays fits no date, so the text is refused either way
  return days.size > 0 ? days : undefined;
}

/**
 * Numeric day/month order, when the separator or the numbers do not settle it (both ≤ 12):
 * - dots ("30.10.2026", "05.10.2026") are day-first: no locale writes month-first with dots;
 * - slashes with an upper-case "AM"/"PM" are month-first: that is en-US (Gmail's
 *   "10/30/2026, 4:45 PM", Outlook's "Fri 10/30/2026 4:45 PM"); the day-first English locales
 *   (en-GB, en-AU, en-IN) write "am"/"pm" in lower case, and are NOT assumed day-first either;
 * - otherwise both readings are kept, and a weekday in the text may pick one (see below);
 *   with no weekday, or one that fits both, the text is refused.
 */
function numericOrder(first: number, second: number, separator: string, upperCaseDayPeriod: boolean): ('dm' | 'md')[] {
  // Stryker disable next-line ConditionalExpression,ArrayDeclaration: month 13 and up fails the round trip in localTimeOrUndefined anyway
  if (first > 12 && second > 12) return [];
  if (first > 12) return ['dm'];
  // Stryker disable next-line StringLiteral: any order but 'dm' reads month first
  if (second > 12) return ['md'];
  if (first === second || separator === '.') return ['dm'];
  // Stryker disable next-line StringLiteral: any order but 'dm' reads month first ('/' is pinned by the en-US tests)
  if (separator === '/' && upperCaseDayPeriod) return ['md'];
  // Stryker disable next-line StringLiteral: any order but 'dm' reads month first ('dm' is pinned by the weekday tests)
  return ['dm', 'md'];
}

/**
 * Date patterns, tried on the text with the time taken out. Each is anchored so that it cannot
 * start inside a number or a word, and years must have four digits ("30/10/26" is refused).
 */
function readDateOrUndefined(text: string, upperCaseDayPeriod: boolean): DateReading | undefined {
  const readings: DateReading[] = [];
  const rest = (match: RegExpExecArray) => `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`;
  const each = (pattern: RegExp, read: (match: RegExpExecArray) => DateParts[]) => {
    for (const match of text.matchAll(pattern)) readings.push({ candidates: read(match), rest: rest(match) });
  };
  // Year first: ISO "2026-10-30", Japanese/Swedish numeric "2026/10/30", "2026.10.30".
  each(/(?<!\d)(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?!\d)\.?/gu, (m) => [{ year: +m[1]!, month: +m[3]!, day: +m[4]! }]);
  // Japanese and Chinese: "2026年10月30日".
  each(/(?<!\d)(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?日/gu, (m) => [{ year: +m[1]!, month: +m[2]!, day: +m[3]! }]);
  // Year last, numeric: "30.10.2026", "10/30/2026", "30-10-2026", Czech "30. 10. 2026".
  each(/(?<!\d)(\d{1,2})([-./]) ?(\d{1,2})\2 ?(\d{4})(?!\d)\.?/gu, (m) => {
    const [first, second, year] = [+m[1]!, +m[3]!, +m[4]!];
    return numericOrder(first, second, m[2]!, upperCaseDayPeriod).map((order) =>
      order === 'dm' ? { year, month: second, day: first } : { year, month: first, day: second },
    );
  });
  // Day, month name, year: "30. Okt. 2026", "30 oct. 2026", "30 de out. de 2026", "30 października 2026".
  each(/(?<![\p{L}\d])(\d{1,2})\.? (?:de )?(\p{L}+\.?) (?:de )?(\d{4})(?!\d)/gu, (m) => {
    const month = monthOrUndefined(m[2]!);
    // Stryker disable next-line ArrayDeclaration: a word that names no month leaves its numbers in the rest, which is refused anyway
    return month ? [{ year: +m[3]!, month, day: +m[1]! }] : [];
  });
  // Month name, day, year: "Nov 2, 2026", "October 30 2026".
  each(/(?<![\p{L}\d])(\p{L}+\.?) (\d{1,2}),? (\d{4})(?!\d)/gu, (m) => {
    const month = monthOrUndefined(m[1]!);
    // Stryker disable next-line ArrayDeclaration: a word that names no month leaves its numbers in the rest, which is refused anyway
    return month ? [{ year: +m[3]!, month, day: +m[2]! }] : [];
  });
  // Stryker disable next-line MethodExpression,ConditionalExpression,EqualityOperator: a reading without candidates gives no instant, and its numbers stay in any other reading's rest, which is refused
  const found = readings.filter((reading) => reading.candidates.length > 0);
  // Two dates in one text (or a pattern that matched twice) is not a time we can trust.
  // Stryker disable next-line ConditionalExpression: of two readings, the first leaves the other's numbers in its rest, which is refused
  return found.length === 1 ? found[0] : undefined;
}

function localTimeOrUndefined({ year, month, day }: DateParts, hour: number, minute: number): number | undefined {
  // Outside the times Groundwork keeps (lib/model/time.ts): page text, not a real reply's date.
  if (year < new Date(EARLIEST_TIME).getUTCFullYear() || year > 2100) return undefined;
  const date = new Date(year, month - 1, day, hour, minute);
  // Round trip: refuses 30 February, month 13, and local times skipped by a daylight-saving jump.
  // (A time repeated when clocks go back reads as its first occurrence: an hour, once a year.)
  const same =
    date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day && date.getHours() === hour && date.getMinutes() === minute;
  return same ? date.getTime() : undefined;
}

/**
 * The instant a webmail time text names, in epoch milliseconds, read in the browser's local time
 * zone; undefined when the text cannot be read with confidence (relative, no year, unknown words,
 * ambiguous day/month order, impossible date, or a weekday that contradicts the date).
 */
export function parseMailTimeOrUndefined(text: string): number | undefined {
  if (typeof text !== 'string' || text.length > MAX_LENGTH * 2) return undefined;
  // Bidi marks go, and narrow or no-break spaces before "PM" become plain spaces.
  const clean = normaliseSpace(text);
  if (!clean || clean.length > MAX_LENGTH) return undefined;

  const times = [...clean.matchAll(TIME)];
  if (times.length !== 1) return undefined;
  const time = times[0]!;
  const dayPeriod = time[3]?.replace(/[.\s]/g, '');
  let hour = Number(time[1]);
  const minute = Number(time[2]);
  // Stryker disable next-line ConditionalExpression: the round trip in localTimeOrUndefined refuses minute 60 and up too
  if (minute > 59) return undefined;
  if (dayPeriod) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (dayPeriod.toLowerCase() === 'pm' ? 12 : 0);
  } else if (hour > 23) {
    return undefined;
  }
  const withoutTime = `${clean.slice(0, time.index)} ${clean.slice(time.index + time[0].length)}`;

  const date = readDateOrUndefined(withoutTime, dayPeriod === 'AM' || dayPeriod === 'PM');
  if (!date) return undefined;
  // What is left may hold only weekdays, filler words and punctuation: no other numbers, and no
  // word we do not know (it could be "gestern", a day period like 午後, or another language's month).
  if (/\d/.test(date.rest)) return undefined;
  const weekdayConstraints: Set<number>[] = [];
  for (const word of date.rest.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (FILLER_WORDS.has(word)) continue;
    const weekdays = weekdaysOrUndefined(word);
    if (!weekdays) return undefined;
    weekdayConstraints.push(weekdays);
  }

  const instants = date.candidates
    .map((parts) => localTimeOrUndefined(parts, hour, minute))
    .filter((instant): instant is number => instant !== undefined)
    .filter((instant) => weekdayConstraints.every((days) => days.has(new Date(instant).getDay())));
  // One reading left: the date (its weekday, if shown, agreeing). Two: day/month order unknown.
  return instants.length === 1 ? instants[0] : undefined;
}
