import { describe, expect, it } from 'vitest';
import { parseMailTimeOrUndefined } from '../../../lib/mail/mailTime';

// The page shows local time, and the test runner's time zone is whatever the machine has: expected
// values come from the local-time Date constructor, never from a fixed epoch number.
const local = (year: number, month: number, day: number, hour: number, minute: number) => new Date(year, month - 1, day, hour, minute).getTime();
const FRI_30_OCT_1645 = local(2026, 10, 30, 16, 45);

const LRM = '\u200E';
const RLM = '\u200F';
const NNBSP = '\u202F';

describe('parseMailTimeOrUndefined', () => {
  it.each([
    // Gmail, English (US)
    ['Mon, Nov 2, 2026, 10:14 AM', local(2026, 11, 2, 10, 14)],
    ['Fri, Oct 30, 2026, 4:45 PM', FRI_30_OCT_1645],
    [`Fri, Oct 30, 2026, 4:45${NNBSP}PM`, FRI_30_OCT_1645],
    ['Mon, Nov 2, 2026, 12:05 AM', local(2026, 11, 2, 0, 5)],
    ['Mon, Nov 2, 2026, 12:05 PM', local(2026, 11, 2, 12, 5)],
    // Gmail in other UI languages
    ['Fr., 30. Okt. 2026, 16:45', FRI_30_OCT_1645], // de
    [`${LRM}Fr., 30. Okt. 2026, 16:45${LRM}`, FRI_30_OCT_1645], // de, tooltip with bidi marks
    ['Freitag, 30. Oktober 2026 um 16:45', FRI_30_OCT_1645], // de, long
    ['ven. 30 oct. 2026, 16:45', FRI_30_OCT_1645], // fr
    ['vendredi 30 octobre 2026 à 16:45', FRI_30_OCT_1645], // fr, long
    ['vie, 30 oct 2026, 16:45', FRI_30_OCT_1645], // es
    ['vie, 30 oct 2026, 4:45 p. m.', FRI_30_OCT_1645], // es, 12-hour
    ['vr 30 okt 2026 16:45', FRI_30_OCT_1645], // nl
    ['ven 30 ott 2026, 16:45', FRI_30_OCT_1645], // it
    ['sex., 30 de out. de 2026, 16:45', FRI_30_OCT_1645], // pt
    ['sexta-feira, 30 de outubro de 2026 às 16:45', FRI_30_OCT_1645], // pt, long
    ['fre 30 okt. 2026 16:45', FRI_30_OCT_1645], // sv
    ['pt., 30 paź 2026, 16:45', FRI_30_OCT_1645], // pl
    ['piątek, 30 października 2026 16:45', FRI_30_OCT_1645], // pl, genitive month
    ['2026年10月30日 16:45', FRI_30_OCT_1645], // ja
    ['2026年10月30日(金) 16:45', FRI_30_OCT_1645], // ja, with weekday
    // Numeric
    ['2026-10-30 16:45', FRI_30_OCT_1645],
    ['2026-10-30 16:45:59', FRI_30_OCT_1645], // seconds dropped: to the minute
    ['30/10/2026 16:45', FRI_30_OCT_1645],
    ['10/30/2026, 4:45 PM', FRI_30_OCT_1645],
    ['30.10.2026, 16:45', FRI_30_OCT_1645],
    ['30-10-2026 16:45', FRI_30_OCT_1645],
    // Outlook on the web
    ['Fri 10/30/2026 4:45 PM', FRI_30_OCT_1645],
    ['Fr 30.10.2026 16:45', FRI_30_OCT_1645],
    [`${RLM}Fri${RLM} 10/30/2026 4:45${NNBSP}PM`, FRI_30_OCT_1645],
    ['\u202AFri 10/30/2026 4:45 PM\u202C', FRI_30_OCT_1645],
    ['\u2066Fr 30.10.2026 16:45\u2069', FRI_30_OCT_1645],
    // Day and month both ≤ 12: settled only where the format marks the order
    ['05.10.2026 16:45', local(2026, 10, 5, 16, 45)], // dots are day-first
    ['05/10/2026, 4:45 PM', local(2026, 5, 10, 16, 45)], // slash + upper-case PM: en-US, month-first
    ['Mon 05/10/2026 16:45', local(2026, 10, 5, 16, 45)], // the weekday picks: 5 Oct is a Monday, 10 May a Sunday
    ['07/07/2026 16:45', local(2026, 7, 7, 16, 45)], // same either way
  ])('%j → the local time it names', (text, expected) => {
    expect(parseMailTimeOrUndefined(text)).toBe(expected);
  });

  it.each([
    [''],
    ['   '],
    ['garbage'],
    ['16:45'], // no date
    ['30 Oct 2026'], // no time: never guess one
    ['13/13/2026 16:45'], // no such month either way
    ['13/13/2026'],
    ['31/02/2026 16:45'], // no 31 February
    ['05/10/2026 16:45'], // both ≤ 12, nothing marks the order
    ['05/10/2026, 4:45 pm'], // lower-case pm: en-GB/AU/IN are day-first, en-US is not; refused
    ['30/10/26 16:45'], // two-digit year
    ['10/30/26, 4:45 PM'],
    ['30.10.26 16:45'],
    ['Sat, Oct 30, 2026, 4:45 PM'], // the weekday contradicts the date
    ['2 hours ago'],
    ['10:14 AM (2 hours ago)'],
    ['Yesterday'],
    ['Yesterday 16:45'],
    ['gestern, 16:45'],
    ['Fri, Oct 30, 2026, 25:45'],
    ['Fri, Oct 30, 2026, 13:45 PM'],
    ['Fri, Oct 30, 2026, 16:75'],
    ['Fri, Oct 30, 2026, 16:45, 17:45'], // two times
    ['30.10.2026 31.10.2026 16:45'], // two dates
    ['jui 30 2026 16:45'], // juin or juillet?
    ['2026年10月30日 午後4:45'], // a day period we do not read
    ['Fri, Oct 30, 1969, 4:45 PM'],
    ['Mon, Oct 30, 1989, 4:45 PM'], // before the times Groundwork keeps: page text, not a reply
    ['Fri, Oct 30, 2026, 4:45 PM and something else'],
  ])('%j → undefined', (text) => {
    expect(parseMailTimeOrUndefined(text)).toBeUndefined();
  });

  it('refuses hostile long texts quickly', () => {
    const hostile = [
      'a'.repeat(10_000),
      '1'.repeat(10_000),
      '1:'.repeat(5_000),
      `${'30 '.repeat(3_000)}Oct 2026 16:45`,
      `Fri, Oct 30, 2026, 4:45 PM${'\u200E'.repeat(9_000)}`,
      'Mo'.repeat(59), // under the length limit, letters only
      `${'1/'.repeat(59)}`,
    ];
    const started = performance.now();
    for (const text of hostile) expect(parseMailTimeOrUndefined(text)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('refuses non-strings from untrusted callers', () => {
    expect(parseMailTimeOrUndefined(undefined as unknown as string)).toBeUndefined();
    expect(parseMailTimeOrUndefined(42 as unknown as string)).toBeUndefined();
  });
});

describe('every month name, weekday and filler word Groundwork reads', () => {
  const MONTHS: Record<string, string[]> = {
    en: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
    de: ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
    fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
    it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
    pt: ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
    nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
    sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
    'pl (nominative)': ['styczeń', 'luty', 'marzec', 'kwiecień', 'maj', 'czerwiec', 'lipiec', 'sierpień', 'wrzesień', 'październik', 'listopad', 'grudzień'],
    'pl (genitive)': ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'],
  };

  it.each(Object.entries(MONTHS))('%s: every month, written out and as its first three letters', (_language, months) => {
    months.forEach((name, i) => {
      expect(parseMailTimeOrUndefined(`1 ${name} 2026 16:45`)).toBe(local(2026, i + 1, 1, 16, 45));
      expect(parseMailTimeOrUndefined(`${name} 1, 2026, 16:45`)).toBe(local(2026, i + 1, 1, 16, 45));
    });
  });

  it.each<[string, number]>([
    ['mrt', 3],
    ['mrz', 3],
    ['setiembre', 9],
    ['jänner', 1],
    ['jän', 1],
    ['Mrt.', 3],
  ])('the abbreviation “%s” is month %i', (alias, month) => {
    expect(parseMailTimeOrUndefined(`1 ${alias} 2026 16:45`)).toBe(local(2026, month, 1, 16, 45));
  });

  it('two letters are no month, however well they start one', () => {
    expect(parseMailTimeOrUndefined('1 ja 2026 16:45')).toBeUndefined();
  });

  // Sunday 1 November 2026 to Saturday 7 November 2026.
  const WEEKDAYS: Record<string, string[]> = {
    en: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
    de: ['sonntag', 'montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag'],
    fr: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
    es: ['domingo', 'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado'],
    it: ['domenica', 'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato'],
    pt: ['domingo', 'segunda', 'terça', 'quarta', 'quinta', 'sexta', 'sábado'],
    nl: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
    sv: ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'],
    pl: ['niedziela', 'poniedziałek', 'wtorek', 'środa', 'czwartek', 'piątek', 'sobota'],
    ja: ['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日'],
    'ja (one kanji)': ['日', '月', '火', '水', '木', '金', '土'],
  };

  it.each(Object.entries(WEEKDAYS))('%s: every weekday agrees with its date, and no other', (_language, days) => {
    days.forEach((name, day) => {
      expect(parseMailTimeOrUndefined(`${name}, 2026-11-0${day + 1} 16:45`)).toBe(local(2026, 11, day + 1, 16, 45));
      expect(parseMailTimeOrUndefined(`${name}, 2026-11-0${((day + 1) % 7) + 1} 16:45`)).toBeUndefined();
    });
  });

  it.each<[string, number]>([
    ['pt', 5],
    ['sonnabend', 6],
  ])('the weekday abbreviation “%s” is day %i', (alias, day) => {
    expect(parseMailTimeOrUndefined(`${alias} 2026-11-0${day + 1} 16:45`)).toBe(local(2026, 11, day + 1, 16, 45));
  });

  it.each(['at', 'um', 'à', 'a', 'las', 'de', 'om', 'alle', 'às', 'kl', 'o', 'r', 'feira'])('“%s” may stand between the date and the time', (filler) => {
    expect(parseMailTimeOrUndefined(`2026-10-30 ${filler} 16:45`)).toBe(FRI_30_OCT_1645);
  });

  it('an unknown word may not', () => {
    expect(parseMailTimeOrUndefined('2026-10-30 um ca 16:45')).toBeUndefined();
  });
});

describe('mail times at their limits', () => {
  it('120 characters are read; 121 are not', () => {
    const text = `30.10.2026 16:45${' a'.repeat(52)}`;
    expect(text).toHaveLength(120);
    expect(parseMailTimeOrUndefined(text)).toBe(FRI_30_OCT_1645);
    expect(parseMailTimeOrUndefined(`30.10.2026 16:45${' a'.repeat(51)} at`)).toBeUndefined();
  });

  it('marks that clean away count up to 240 characters', () => {
    expect(parseMailTimeOrUndefined(`30.10.2026 16:45${LRM.repeat(224)}`)).toBe(FRI_30_OCT_1645);
    expect(parseMailTimeOrUndefined(`30.10.2026 16:45${LRM.repeat(225)}`)).toBeUndefined();
  });

  it.each<[string, number | undefined]>([
    ['2026-10-30 0:00', local(2026, 10, 30, 0, 0)],
    ['2026-10-30 23:59', local(2026, 10, 30, 23, 59)],
    ['2026-10-30 24:00', undefined],
    ['2026-10-30 16:60', undefined],
    ['2026-10-30 12:00 AM', local(2026, 10, 30, 0, 0)],
    ['2026-10-30 12:00 PM', local(2026, 10, 30, 12, 0)],
    ['2026-10-30 1:00 PM', local(2026, 10, 30, 13, 0)],
    ['2026-10-30 0:30 AM', undefined],
    ['2026-10-30 4:45 a.m.', local(2026, 10, 30, 4, 45)],
    ['2026-10-30 4:45 p.m.', local(2026, 10, 30, 16, 45)],
    ['2026-10-30 4:45 PMX', undefined],
    ['2026.10.30. 16:45', FRI_30_OCT_1645],
    ['2026/10/30 16:45', FRI_30_OCT_1645],
    ['2026-10-30 16:45 2026', undefined],
    ['2100-01-01 00:00', local(2100, 1, 1, 0, 0)],
    ['2101-01-01 00:00', undefined],
  ])('%j → %s', (text, expected) => {
    expect(parseMailTimeOrUndefined(text)).toBe(expected);
  });

  it.each<[string, number | undefined]>([
    ['13/10/2026 16:45', local(2026, 10, 13, 16, 45)], // only day-first fits
    ['10/13/2026 16:45', local(2026, 10, 13, 16, 45)], // only month-first fits
    ['13-10-2026 16:45', local(2026, 10, 13, 16, 45)],
    ['05-10-2026 16:45', undefined], // dashes settle nothing
    ['05/10/2026 4:45 AM', local(2026, 5, 10, 4, 45)], // en-US: month first
    ['05.10.2026 4:45 PM', local(2026, 10, 5, 16, 45)], // dots stay day-first
    ['Sun 05/10/2026 16:45', local(2026, 5, 10, 16, 45)], // the weekday picks: 10 May is a Sunday
    ['30. 10. 2026 16:45', FRI_30_OCT_1645], // Czech spacing
    ['2026 年 10 月 30 日 16:45', FRI_30_OCT_1645],
    ['30 de outubro de 2026 16:45', FRI_30_OCT_1645],
    ['October 30 2026 16:45', FRI_30_OCT_1645],
  ])('day and month order: %j', (text, expected) => {
    expect(parseMailTimeOrUndefined(text)).toBe(expected);
  });
});

describe('numeric dates: the numbers settle the order where they can', () => {
  it.each<[string, number | undefined]>([
    ['12/13/2026 16:45', local(2026, 12, 13, 16, 45)], // 13 is no month: December 13
    ['13/12/2026 16:45', local(2026, 12, 13, 16, 45)], // 13 is no month: 13 December
    ['12/10/2026 16:45', undefined], // 12 is a month: either order, nothing marks it
    ['05/12/2026 16:45', undefined],
    ['13/10/2026 4:45 PM', local(2026, 10, 13, 16, 45)], // a day over 12 wins over en-US slash and PM
    ['10.13.2026 16:45', local(2026, 10, 13, 16, 45)], // the numbers win over day-first dots
    ['05-10-2026 4:45 PM', undefined], // upper-case PM marks en-US only with slashes
  ])('%j → %s', (text, expected) => {
    expect(parseMailTimeOrUndefined(text)).toBe(expected);
  });
});

describe('mail times: each refusal alone', () => {
  it('a lone letter is no weekday (it would start several)', () => {
    expect(parseMailTimeOrUndefined('s 2026-11-01 16:45')).toBeUndefined();
    expect(parseMailTimeOrUndefined('su 2026-11-01 16:45')).toBe(local(2026, 11, 1, 16, 45));
  });

  it('a Japanese date after a weekday word is read', () => {
    expect(parseMailTimeOrUndefined('金曜日 2026年10月30日 16:45')).toBe(FRI_30_OCT_1645);
  });

  it('a Japanese date whose year runs on from other digits is not', () => {
    expect(parseMailTimeOrUndefined('12026年10月30日 16:45')).toBeUndefined();
  });

  it('the first year Groundwork keeps is read; the one before is not', () => {
    expect(parseMailTimeOrUndefined('1990-01-01 12:00')).toBe(local(1990, 1, 1, 12, 0));
    expect(parseMailTimeOrUndefined('1989-12-31 12:00')).toBeUndefined();
  });

  it.each(['2026-10-30 16:60', '2026-10-30 4:60 PM', '2026-10-30 16:99'])('minutes past 59 are refused: %j', (text) => {
    expect(parseMailTimeOrUndefined(text)).toBeUndefined();
  });

  it.each(['2026-10-30 24:00', '2026-10-30 24:30', '2026-10-30 99:00'])('hours past 23 are refused: %j', (text) => {
    expect(parseMailTimeOrUndefined(text)).toBeUndefined();
  });
});
