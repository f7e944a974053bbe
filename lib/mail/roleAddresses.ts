/**
 * Role and bulk addresses: a mailbox for a function, not a person (issue 16). "Log to Groundwork"
 * lists them unchecked and never offers them on their own: updates@… must not become a prospect.
 * Local parts in the languages Groundwork's reps write in; matched whole, or as the first word (or
 * words: "no-reply-billing") of a local part ("noreply-billing", "info.de"), after any +tag.
 */
const ROLE_WORDS = new Set([
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
]);

/** Role words of several words ("no-reply", "ne-pas-repondre"), also met as the start of a longer local part. */
const SEVERAL_WORDS = [...ROLE_WORDS].filter((word) => word.includes('-'));

/** Whether `email` is a role or bulk address rather than a person's. */
export function isRoleAddress(email: string): boolean {
  // Stryker disable next-line Regex: an address holds no line break, so `.*` runs to its end anchored or not
  const local = email.slice(0, email.lastIndexOf('@')).toLowerCase().replace(/\+.*$/, '');
  if (ROLE_WORDS.has(local)) return true;
  // "no-reply-billing", "do.not.reply.eu", "no_reply": written with any separator, then anything.
  const dashed = local.replace(/[._]/g, '-');
  if (SEVERAL_WORDS.some((word) => dashed === word || dashed.startsWith(`${word}-`))) return true;
  const first = local.split(/[._-]/)[0]!;
  // As a first word, some are also names or ordinary words ("mailer.jones", "personal.assistant").
  return (
    ROLE_WORDS.has(first) &&
    // Stryker disable next-line ConditionalExpression,EqualityOperator: no role word is one letter long, so ROLE_WORDS already refuses an initial
    first.length > 1 &&
    !/^(hi|all|mail|mailer|news|pr|list|reply|team|personal|general|office|media)$/.test(first)
  );
}
