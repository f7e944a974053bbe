import { evaluateBrainPicker, onBackBurnerByCall } from '../lib/cadence/brainPicker';
import { brainPickerStory } from '../lib/cadence/brainPickerStory';
import { clearGutCall, decideOnReturn, makeGutCall, type GutCall } from '../lib/cadence/followUps';
import { db } from '../lib/db';
import type { Person } from '../lib/model';
import { formatWhen } from './format';
import { useAction } from './useAction';
import { usePersonTouches, useSettings } from './relationships/useRelationshipData';

const HEADLINES: Record<NonNullable<NonNullable<Person['brainPicker']>['call']> | 'rule', string> = {
  rule: 'Crisis-mode brain-picker — on the back burner.',
  'brain-picker': 'Marked a brain-picker by you — on the back burner.',
  'back-burner': 'On the back burner, your call.',
};

/**
 * The crisis-mode brain-picker banner (issue 17): what happened — when they reached out, the
 * free advice they took and the rep's own research, counted apart, the attempts left unanswered,
 * counted live — and when they reach out again, that story and a choice. Without one, the rep's
 * gut calls: "Put on the back burner" and "Mark as brain-picker", each reversible.
 */
export function BrainPickerBanner({ person }: { person: Person }) {
  const touches = usePersonTouches(person.id);
  const settings = useSettings();
  const { run, alert: failure } = useAction();
  const record = person.brainPicker;

  if (!record || (!onBackBurnerByCall(person) && record.returnedAt === undefined)) {
    const gut = (call: GutCall) => () => void run(() => makeGutCall(db, person.id, call));
    return (
      <div className="row small gut-calls" aria-label="Gut calls">
        <button type="button" className="link" onClick={gut('back-burner')}>
          Put on the back burner
        </button>
        <button type="button" className="link" onClick={gut('brain-picker')}>
          Mark as brain-picker
        </button>
        {failure}
      </div>
    );
  }

  // The attempts as they stand now: the count goes on after the flag.
  const live = touches && settings ? evaluateBrainPicker(touches, settings.crisis) : record;
  const story = brainPickerStory(record, live.attempts >= record.attempts ? live : record, (at) => formatWhen(at));
  return (
    <section className="warning stack" role="region" aria-label="Crisis-mode brain-picker">
      {record.returnedAt !== undefined ? (
        <>
          <strong>
            {person.name} reached out again ({formatWhen(record.returnedAt)}).
          </strong>
          <span>Last time: {story}</span>
          {record.episodes > 1 && <span>This has happened {record.episodes} times.</span>}
          <div className="row">
            <button type="button" onClick={() => void run(() => decideOnReturn(db, person.id, 're-engaged'))}>
              Re-engage
            </button>
            <button type="button" onClick={() => void run(() => decideOnReturn(db, person.id, 'kept'))}>
              Keep on the back burner
            </button>
          </div>
        </>
      ) : (
        <>
          <strong>{HEADLINES[record.call ?? 'rule']}</strong>
          <span data-testid="brain-picker-story">{story}</span>
          {record.episodes > 1 && <span>Episode {record.episodes}.</span>}
          <span className="small">Only a long-interval check-in stays scheduled.</span>
          <div className="row">
            <button type="button" className="link" onClick={() => void run(() => clearGutCall(db, person.id))}>
              {record.call === 'back-burner' ? 'Take off the back burner' : 'Not a brain-picker'}
            </button>
          </div>
        </>
      )}
      {failure}
    </section>
  );
}
