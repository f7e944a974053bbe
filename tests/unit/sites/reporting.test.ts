import { describe, expect, it } from 'vitest';
import { MAX_URL } from '../../../lib/messaging/limits';
import { PageReport, type ReplyFor, type SeenPage } from '../../../lib/messaging/protocol';
import { reportedUrl, reportPage } from '../../../lib/sites/watching';

const PROFILE = 'https://www.linkedin.com/in/adaeze-okonkwo-reyes/';
const ADAEZE: SeenPage = { kind: 'person', url: PROFILE, person: { linkedinUrl: PROFILE, name: 'Adaeze Okonkwo-Reyes' } };

/** A background that answers as the real one does: the protocol's schema decides. */
function background(refuse: (page: SeenPage) => boolean = () => false) {
  const received: SeenPage[] = [];
  const send = async (page: SeenPage): Promise<ReplyFor<'page/report'>> => {
    received.push(page);
    return PageReport.safeParse({ type: 'page/report', page }).success && !refuse(page) ? { ok: true, value: { recorded: true } } : { ok: false, error: 'Malformed page/report' };
  };
  return { send, received };
}

describe('page reports', () => {
  it('a page address longer than the background takes loses its tracking parameters, and the report is accepted', async () => {
    const long = `${PROFILE}?miniProfileUrn=${'x'.repeat(MAX_URL)}#experience`;
    expect(reportedUrl(long)).toBe(PROFILE);
    expect(reportedUrl(`${PROFILE}?trk=feed`)).toBe(`${PROFILE}?trk=feed`);
    const { send, received } = background();
    await reportPage({ ...ADAEZE, url: long }, send);
    expect(received).toEqual([ADAEZE]);
  });

  it('a refused report is followed by "no prospect", so the panel never keeps the previous person', async () => {
    const { send, received } = background((page) => page.kind === 'person');
    await reportPage(ADAEZE, send);
    expect(received).toEqual([ADAEZE, { kind: 'none', url: PROFILE }]);
  });

  it('a refused "no prospect" is not sent again', async () => {
    const { send, received } = background(() => true);
    await reportPage({ kind: 'none', url: PROFILE }, send);
    expect(received).toEqual([{ kind: 'none', url: PROFILE }]);
  });
});

describe('a refused report and a newer one', () => {
  it('no "no prospect" follows the refusal when a newer report went out meanwhile: the newer one stands', async () => {
    const { send, received } = background((page) => page.kind === 'person' && page.person.name === 'Hostile');
    let latest = 1;
    const refused = reportPage({ ...ADAEZE, person: { ...ADAEZE.person, name: 'Hostile' } }, send, () => latest === 1);
    // The page settles and is reported again before the refusal comes back.
    latest = 2;
    await reportPage(ADAEZE, send, () => latest === 2);
    await refused;
    expect(received.at(-1)).toEqual(ADAEZE);
    expect(received.some((page) => page.kind === 'none')).toBe(false);
  });
});
