import { describe, expect, it } from 'vitest';
import { isRoleAddress } from '../../../lib/mail/roleAddresses';

/** Role and bulk addresses are never offered as prospects on their own (issue 16). */
describe('role and bulk addresses', () => {
  it.each([
    'updates@mailer.example',
    'noreply@acme.example',
    'no-reply@acme.example',
    'do-not-reply@acme.example',
    'newsletter+de@trade-weekly.example',
    'notifications@github.example',
    'info@havel-metalworks.example',
    'info.de@havel-metalworks.example',
    'support@lumen.example',
    'billing@lumen.example',
    'invoices-eu@lumen.example',
    'kontakt@nordvik-antrieb.example',
    'rechnung@nordvik-antrieb.example',
    'ne-pas-repondre@corvid.example',
    'facturacion@ejemplo.example',
    'fatturazione@esempio.example',
    'klantenservice@voorbeeld.example',
    'biuro@przyklad.example',
    'Postmaster@Acme.example',
  ])('%s is a role address', (email) => {
    expect(isRoleAddress(email)).toBe(true);
  });

  it.each([
    'adaeze@sable-ridge-foods.example',
    'a.okonkwo-reyes@sable-ridge-foods.example',
    'o.brandt@havel-metalworks.example',
    'hans.info@acme.example',
    'mailer.jones@acme.example',
    'newsom@acme.example',
    'salesky@acme.example',
    'team.lead@acme.example',
    'hiro@acme.example',
    'pr.anand@acme.example',
  ])('%s is a person', (email) => {
    expect(isRoleAddress(email)).toBe(false);
  });
});

describe('every role word, in every language listed', () => {
  // What a rep would not want offered as a prospect: each word as a whole local part, and as the
  // first word of one.
  it.each([
    // English
    'noreply', 'no-reply', 'donotreply', 'do-not-reply', 'newsletter', 'newsletters', 'news', 'updates', 'update', 'notifications',
    'notification', 'notify', 'alerts', 'alert', 'digest', 'info', 'information', 'support', 'help', 'helpdesk', 'service', 'services',
    'customerservice', 'billing', 'invoice', 'invoices', 'accounts', 'accounting', 'payments', 'orders', 'order', 'sales', 'marketing',
    'admin', 'administrator', 'contact', 'contactus', 'hello', 'hi', 'team', 'office', 'enquiries', 'inquiries', 'reception',
    'mail', 'mailer', 'mailer-daemon', 'postmaster', 'bounce', 'bounces', 'webmaster', 'hostmaster', 'security', 'abuse', 'privacy',
    'legal', 'compliance', 'jobs', 'careers', 'recruiting', 'hr', 'press', 'media', 'pr', 'feedback', 'events', 'community', 'all',
    'everyone', 'staff', 'general', 'system', 'automated', 'robot', 'bot', 'calendar', 'reply', 'replies', 'list', 'listserv',
    // German
    'kontakt', 'rechnung', 'rechnungen', 'buchhaltung', 'vertrieb', 'kundenservice', 'kundendienst', 'bestellung', 'bestellungen',
    'anfrage', 'anfragen', 'zentrale', 'personal', 'karriere', 'presse', 'keine-antwort',
    // French
    'facturation', 'factures', 'commercial', 'ventes', 'commandes', 'accueil', 'ne-pas-repondre', 'nepasrepondre', 'noreponse',
    'comptabilite', 'assistance', 'recrutement', 'presse',
    // Spanish and Portuguese
    'contacto', 'contato', 'facturacion', 'faturamento', 'ventas', 'vendas', 'soporte', 'suporte', 'no-responder', 'noresponder',
    'nao-responda', 'naoresponda', 'pedidos', 'atendimento', 'atencion', 'administracion', 'contabilidad', 'empleo',
    // Italian
    'fatturazione', 'fatture', 'assistenza', 'vendite', 'ordini', 'amministrazione', 'contatti', 'noreplay',
    // Dutch
    'klantenservice', 'facturen', 'verkoop', 'bestellingen', 'geen-antwoord', 'administratie',
    // Polish, Nordic
    'biuro', 'faktury', 'sprzedaz', 'zamowienia', 'kundeservice', 'kundtjanst', 'faktura', 'salg', 'forsaljning',
  ])('%s@… is a role address', (word) => {
    expect(isRoleAddress(`${word}@acme.example`)).toBe(true);
    expect(isRoleAddress(`${word.toUpperCase()}+eu@acme.example`)).toBe(true);
  });

  it.each(['hi', 'all', 'mail', 'mailer', 'news', 'pr', 'list', 'reply', 'team', 'personal', 'general', 'office', 'media'])(
    '%s is a role address alone, but a person’s first word in %s.jones@…',
    (word) => {
      expect(isRoleAddress(`${word}@acme.example`)).toBe(true);
      expect(isRoleAddress(`${word}.jones@acme.example`)).toBe(false);
    },
  );

  // Every one-word role word (a hyphenated one is matched whole only) that is not also a name.
  const NAMES_TOO = ['hi', 'all', 'mail', 'mailer', 'news', 'pr', 'list', 'reply', 'team', 'personal', 'general', 'office', 'media'];
  it.each([
    'noreply', 'donotreply', 'newsletter', 'newsletters', 'updates', 'update', 'notifications', 'notification', 'notify', 'alerts',
    'alert', 'digest', 'info', 'information', 'support', 'help', 'helpdesk', 'service', 'services', 'customerservice', 'billing',
    'invoice', 'invoices', 'accounts', 'accounting', 'payments', 'orders', 'order', 'sales', 'marketing', 'admin', 'administrator',
    'contact', 'contactus', 'hello', 'enquiries', 'inquiries', 'reception', 'postmaster', 'bounce', 'bounces', 'webmaster',
    'hostmaster', 'security', 'abuse', 'privacy', 'legal', 'compliance', 'jobs', 'careers', 'recruiting', 'hr', 'press', 'feedback',
    'events', 'community', 'everyone', 'staff', 'system', 'automated', 'robot', 'bot', 'calendar', 'replies', 'listserv',
    'kontakt', 'rechnung', 'rechnungen', 'buchhaltung', 'vertrieb', 'kundenservice', 'kundendienst', 'bestellung', 'bestellungen',
    'anfrage', 'anfragen', 'zentrale', 'karriere', 'presse', 'facturation', 'factures', 'commercial', 'ventes', 'commandes',
    'accueil', 'nepasrepondre', 'noreponse', 'comptabilite', 'assistance', 'recrutement', 'contacto', 'contato', 'facturacion',
    'faturamento', 'ventas', 'vendas', 'soporte', 'suporte', 'noresponder', 'naoresponda', 'pedidos', 'atendimento', 'atencion',
    'administracion', 'contabilidad', 'empleo', 'fatturazione', 'fatture', 'assistenza', 'vendite', 'ordini', 'amministrazione',
    'contatti', 'noreplay', 'klantenservice', 'facturen', 'verkoop', 'bestellingen', 'administratie', 'biuro', 'faktury', 'sprzedaz',
    'zamowienia', 'kundeservice', 'kundtjanst', 'faktura', 'salg', 'forsaljning',
  ])('%s.emea@…: a role word first, whatever follows', (word) => {
    expect(NAMES_TOO).not.toContain(word);
    expect(isRoleAddress(`${word}.emea@acme.example`)).toBe(true);
  });

  it.each(['info.de', 'support_eu', 'billing-uk', 'sales.emea'])('%s@…: a role word first, then a region', (local) => {
    expect(isRoleAddress(`${local}@acme.example`)).toBe(true);
  });

  // Role words of several words, with any separator and anything after them.
  const SEVERAL_WORDS = ['no-reply', 'do-not-reply', 'mailer-daemon', 'keine-antwort', 'ne-pas-repondre', 'no-responder', 'nao-responda', 'geen-antwoord'];
  it.each(SEVERAL_WORDS.flatMap((word) => [`${word}-billing`, `${word.replaceAll('-', '.')}.eu`, word.replaceAll('-', '_')]))('%s@…: a role of several words, however joined', (local) => {
    expect(isRoleAddress(`${local}@acme.example`)).toBe(true);
  });

  it.each(['no.name', 'do.not.call.me.jones', 'mailer.daemonne', 'geen.antwoordt'])('%s@…: only the words themselves, not words that start the same', (local) => {
    expect(isRoleAddress(`${local}@acme.example`)).toBe(false);
  });

  it('a one-letter first word is an initial, never a role', () => {
    expect(isRoleAddress('a.info@acme.example')).toBe(false);
  });
});
