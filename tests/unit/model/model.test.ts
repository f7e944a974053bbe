import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, Settings, TOUCH_CATALOGUE, TOUCH_TYPES, touchTypeInfo } from '../../../lib/model';
import { SETTINGS_DEFAULTS, withDefaults } from '../../../lib/model/settingsDefaults';

describe('settings defaults', () => {
  it('flag brain-pickers at 6 unanswered attempts within 21 days (DESIGN.md §2)', () => {
    expect(DEFAULT_SETTINGS.crisis).toMatchObject({ attempts: 6, windowDays: 21 });
    // The chase after they reach out: a prompt reply, then about ten attempts over three weeks (seed 004).
    expect(DEFAULT_SETTINGS.crisis.chaseIntervalsDays).toHaveLength(9);
    expect(DEFAULT_SETTINGS.crisis.chaseIntervalsDays.reduce((a, b) => a + b, 0)).toBe(15);
  });

  it('work Monday to Friday with an 08:30 digest', () => {
    expect(DEFAULT_SETTINGS.workWeek.days).toEqual([1, 2, 3, 4, 5]);
    expect(DEFAULT_SETTINGS.digest).toEqual({ enabled: true, time: '08:30' });
  });

  it('fill in defaults for a record saved before a field existed', () => {
    const old = Settings.parse({ crisis: { attempts: 4 }, weeklyGoal: 3 });
    expect(old.crisis).toEqual({ ...DEFAULT_SETTINGS.crisis, attempts: 4 });
    expect(old.weeklyGoal).toBe(3);
    expect(old.cadence).toEqual(DEFAULT_SETTINGS.cadence);
  });

  it('the plain defaults (for read-only pages) are exactly the schema’s', () => {
    expect(Settings.parse({})).toEqual(SETTINGS_DEFAULTS);
    expect(withDefaults(undefined)).toEqual(DEFAULT_SETTINGS);
    const stored = Settings.parse({ crisis: { attempts: 4 }, workWeek: { days: [0, 1, 2, 3, 4] }, activeProfileId: 'p1' });
    expect(withDefaults(stored)).toEqual(stored);
    expect(withDefaults({ crisis: { attempts: 4 } })).toEqual(Settings.parse({ crisis: { attempts: 4 } }));
  });

  it.each([
    [{ crisis: { attempts: 1 } }],
    [{ crisis: { windowDays: 0 } }],
    [{ workWeek: { days: [] } }],
    [{ workWeek: { days: [7] } }],
    [{ digest: { time: '8:30pm' } }],
    [{ weeklyGoal: -1 }],
  ])('reject %o', (input) => {
    expect(Settings.safeParse(input).success).toBe(false);
  });
});

describe('touch catalogue', () => {
  it('describes every touch type', () => {
    expect(Object.keys(TOUCH_CATALOGUE).sort()).toEqual([...TOUCH_TYPES].sort());
    for (const type of TOUCH_TYPES) expect(touchTypeInfo(type).type).toBe(type);
  });

  it('classes gives and asks as the seeds do', () => {
    const byIntent = (intent: string) => TOUCH_TYPES.filter((t) => TOUCH_CATALOGUE[t].intent === intent).sort();
    expect(byIntent('give')).toEqual(['article-forwarded', 'drop-in', 'introduction-given', 'lunch', 'personal-note']);
    expect(byIntent('ask')).toEqual(['meeting-request', 'proposal', 'referral-asked']);
  });

  it('shows lunch as the costliest and least effective touch', () => {
    const lunch = TOUCH_CATALOGUE.lunch;
    for (const type of TOUCH_TYPES) {
      expect(TOUCH_CATALOGUE[type].cost).toBeLessThanOrEqual(lunch.cost);
      expect(TOUCH_CATALOGUE[type].effectiveness).toBeGreaterThanOrEqual(lunch.effectiveness);
    }
  });

  it('only their message and their call usually flow inbound', () => {
    expect(TOUCH_TYPES.filter((t) => TOUCH_CATALOGUE[t].usualDirection === 'inbound')).toEqual(['inbound-message', 'inbound-call']);
  });
});
