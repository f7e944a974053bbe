import { describe, expect, it } from 'vitest';
import { domainOfAddress, exclusionOf, isPublicMailDomain, type Exclusion } from '../../../lib/mail/recipients';
import { Settings } from '../../../lib/model';

const settings = (email: Partial<Settings['email']> = {}) => Settings.parse({ email });

describe('exclusionOf: who is never logged from email', () => {
  const me = 'casey@groundwork-partners.example';

  it.each<[string, string, Partial<Settings['email']>, string | undefined, Exclusion | undefined]>([
    ['the rep', 'casey@groundwork-partners.example', {}, me, 'self'],
    ['the rep, written in capitals', 'Casey@Groundwork-Partners.example', {}, me, 'self'],
    ['a colleague at the signed-in domain', 'priya@groundwork-partners.example', {}, me, 'colleague'],
    ['a colleague in a subsidiary of the signed-in domain', 'lars@eu.groundwork-partners.example', {}, me, 'colleague'],
    ['a colleague at an own domain from settings', 'ola@gw-nordic.example', { ownDomains: ['gw-nordic.example'] }, me, 'colleague'],
    ['a colleague at an own domain written with @', 'ola@gw-nordic.example', { ownDomains: ['@gw-nordic.example'] }, undefined, 'colleague'],
    ['a prospect', 'adaeze@sable-ridge-foods.example', {}, me, undefined],
    ['a prospect whose domain merely ends like ours', 'x@notgroundwork-partners.example', {}, me, undefined],
    ['anyone at gmail.com when the rep signs in at gmail.com', 'friend@gmail.com', {}, 'casey.viewer@gmail.com', undefined],
    ['anyone at outlook.com when the rep signs in there', 'prospect@outlook.com', {}, 'casey@outlook.com', undefined],
    ['a prospect when the signed-in address is unknown', 'priya@groundwork-partners.example', {}, undefined, undefined],
    ['a never-log address', 'ceo@sable-ridge-foods.example', { neverLog: ['ceo@sable-ridge-foods.example'] }, me, 'never-log'],
    ['someone else at that never-log address’s domain', 'adaeze@sable-ridge-foods.example', { neverLog: ['ceo@sable-ridge-foods.example'] }, me, undefined],
    ['a never-log domain', 'alerts@mailer.example', { neverLog: ['mailer.example'] }, me, 'never-log'],
    ['a never-log domain written with @', 'alerts@mailer.example', { neverLog: ['@mailer.example'] }, me, 'never-log'],
    ['a subdomain of a never-log domain', 'bounce@eu.mailer.example', { neverLog: ['mailer.example'] }, me, 'never-log'],
    ['a never-log entry in capitals (settings lower-case it)', 'Alerts@Mailer.example', { neverLog: ['MAILER.example'] }, me, 'never-log'],
  ])('%s', (_label, email, emailSettings, signedIn, expected) => {
    expect(exclusionOf(email, settings(emailSettings), signedIn)).toBe(expected);
  });
});

describe('a rep signed in at a public mailbox provider has no colleagues there', () => {
  // Every provider the rep may sign in with: everyone else there is a prospect, never a colleague.
  it.each([
    'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'ymail.com',
    'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.de', 'gmx.net', 'web.de',
    'mail.com', 'zoho.com', 'yandex.com', 'qq.com', '163.com', 'orange.fr', 'free.fr', 'libero.it', 'btinternet.com',
  ])('%s', (provider) => {
    expect(isPublicMailDomain(provider)).toBe(true);
    expect(exclusionOf(`prospect@${provider}`, settings(), `casey@${provider}`)).toBeUndefined();
  });

  it('a provider written in capitals is still a provider', () => {
    expect(isPublicMailDomain('Yahoo.COM')).toBe(true);
  });

  it('a company domain is no provider: the rep’s colleagues there are colleagues', () => {
    expect(isPublicMailDomain('groundwork-partners.example')).toBe(false);
  });
});

describe('domainOfAddress', () => {
  it('is the part after the last @, in lower case', () => {
    expect(domainOfAddress('"a@b" <Casey@Groundwork-Partners.EXAMPLE')).toBe('groundwork-partners.example');
  });
});
