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
