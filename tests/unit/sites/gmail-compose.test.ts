import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractGmailComposes, parseAddressList } from '../../../lib/sites/gmail/compose';

const load = (file: string) => new DOMParser().parseFromString(readFileSync(join(__dirname, '../../fixtures/gmail', file), 'utf8'), 'text/html');

describe('parseAddressList', () => {
  it.each([
    ['Jane Doe <Jane@Acme.example>', [{ email: 'jane@acme.example', name: 'Jane Doe' }]],
    ['"Roe, John" <jr@x.example>, bob@y.example', [{ email: 'jr@x.example', name: 'Roe, John' }, { email: 'bob@y.example' }]],
    ['jürgen.müller@nordvik-antrieb.example; <x@y.example>', [{ email: 'jürgen.müller@nordvik-antrieb.example' }, { email: 'x@y.example' }]],
    ['\u200eAnna <anna@z.example>\u200e', [{ email: 'anna@z.example', name: 'Anna' }]],
    ['not an address, <script>@x, , ', []],
    ['', []],
  ])('%j', (text, expected) => {
    expect(parseAddressList(text)).toEqual(expected);
  });
});

describe('Gmail compose windows', () => {
  it('reads a new message and an inline reply with their To, Cc, Bcc and subject', () => {
    expect(extractGmailComposes(load('2024-06-compose-dialog-and-inline-reply.html'), 'https://mail.google.com/mail/u/0/#inbox/FMfcgz')).toEqual([
      {
        kind: 'reply',
        to: [{ email: 'adaeze@sable-ridge-foods.example', name: 'Adaeze Okonkwo-Reyes' }],
        cc: [{ email: 'marcus.lindqvist@sable-ridge-foods.example' }],
        bcc: [],
        subject: 'Re: Line-speed study',
      },
      {
        kind: 'new',
        to: [{ email: 'o.brandt@havel-metalworks.example', name: 'Ottilie Brandt' }, { email: 'info@havel-metalworks.example' }],
        cc: [],
        bcc: [{ email: 'bcc-log@groundwork-partners.example', name: 'Casey CRM' }],
        subject: 'Thought you might like this: forming-line study',
      },
    ]);
  });

  it('a compose in its own window is a pop-out', () => {
    const composes = extractGmailComposes(load('2024-06-compose-dialog-and-inline-reply.html'), 'https://mail.google.com/mail/u/0/?view=cm&fs=1&tf=1');
    expect(composes.map((c) => c.kind)).toEqual(['pop-out', 'pop-out']);
  });

  it('falls back to the To row’s chips when the hidden field is empty', () => {
    const doc = new DOMParser().parseFromString(
      '<div role="dialog"><input type="hidden" name="to" value=""><div name="to"><span email="a@b.example" name="Ana Lima">Ana</span></div><input name="subjectbox" value="Hi"><div role="textbox" contenteditable="true"></div></div>',
      'text/html',
    );
    expect(extractGmailComposes(doc, 'https://mail.google.com/mail/u/0/#inbox')[0]?.to).toEqual([{ email: 'a@b.example', name: 'Ana Lima' }]);
  });
});
