import { useState } from 'react';
import { count } from '../../lib/text/words';
import { db } from '../../lib/db';
import { OWNER_ROLES, STAGES, type OwnerRole, type Settings, type Stage } from '../../lib/model';
import { ownerLabel } from '../../lib/relationships/levels';
import { runBulkAction, selectionCsv, undoBulkAction, type BulkAction, type BulkUndo } from '../../lib/workspace/bulk';
import { datedName, downloadText } from '../data/download';
import { STAGE_LABELS } from '../PersonDetails';
import { messageOf } from '../useAction';
import { notifyDataChanged } from '../notify';

const people = (n: number) => count(n, 'person', 'people');

type Kind = BulkAction['kind'] | 'export';

const KIND_LABELS: Record<Kind, string> = {
  stage: 'Set stage…',
  tag: 'Add tag…',
  untag: 'Remove tag…',
  owner: 'Set owner…',
  'cancel-follow-ups': 'Cancel follow-ups',
  export: 'Export CSV',
  delete: 'Delete',
};

/** What the action will do, said before it is done: "Set stage to Client for 12 people?" */
function describe(action: BulkAction, count: number, settings: Settings): string {
  switch (action.kind) {
    case 'stage':
      return `Set stage to ${STAGE_LABELS[action.stage]} for ${people(count)}?`;
    case 'tag':
      return `Tag ${people(count)} “${action.tag.trim()}”?`;
    case 'untag':
      return `Remove the tag “${action.tag.trim()}” from ${people(count)}?`;
    case 'owner':
      return `Make ${ownerLabel(action.owner, settings.owners)} the owner of ${people(count)}?`;
    case 'cancel-follow-ups':
      return `Cancel every pending follow-up of ${people(count)}?`;
    case 'delete':
      return `Delete ${people(count)} with all their touches and follow-ups?`;
  }
}

function done(action: BulkAction, changed: number): string {
  const who = people(changed);
  switch (action.kind) {
    case 'stage':
      return `Stage set to ${STAGE_LABELS[action.stage]} for ${who}.`;
    case 'tag':
      return `Tagged ${who} “${action.tag.trim()}”.`;
    case 'untag':
      return `Tag removed from ${who}.`;
    case 'owner':
      return `Owner changed for ${who}.`;
    case 'cancel-follow-ups':
      return `Follow-ups cancelled for ${who}.`;
    case 'delete':
      return `Deleted ${who}.`;
  }
}

/** The confirm step keeps the people it named: a click elsewhere meanwhile changes nothing it does. */
type Step =
  | { at: 'choose' }
  | { at: 'confirm'; action: BulkAction; ids: readonly string[] }
  | { at: 'running' }
  | { at: 'done'; text: string; undo?: BulkUndo }
  | { at: 'undone'; text: string };

/**
 * Bulk actions on the selected people (issue 18): the rep picks one, reads what it will do and to
 * how many, confirms, and can Undo right after (lib/workspace/bulk.ts takes back only what it wrote).
 */
export function BulkBar({ selected, settings, onClear }: { selected: readonly string[]; settings: Settings; onClear(): void }) {
  const [kind, setKind] = useState<Kind>('stage');
  const [stage, setStage] = useState<Stage>('nurture');
  const [owner, setOwner] = useState<OwnerRole>('rep');
  const [tag, setTag] = useState('');
  const [step, setStep] = useState<Step>({ at: 'choose' });
  const [error, setError] = useState<string>();

  const action = (): BulkAction | undefined => {
    if (kind === 'stage') return { kind, stage };
    if (kind === 'owner') return { kind, owner };
    if (kind === 'tag' || kind === 'untag') return tag.trim() ? { kind, tag } : undefined;
    if (kind === 'export') return undefined;
    return { kind };
  };

  const go = async () => {
    setError(undefined);
    if (kind === 'export') {
      try {
        const { csv, count } = await selectionCsv(db, selected);
        downloadText(datedName('people-selection', 'csv'), csv, 'text/csv;charset=utf-8');
        setStep({ at: 'done', text: `Exported ${people(count)} to a CSV file.` });
      } catch (e) {
        setError(messageOf(e));
      }
      return;
    }
    const chosen = action();
    if (!chosen) return setError('Type a tag first');
    setStep({ at: 'confirm', action: chosen, ids: [...selected] });
  };

  const confirm = async (chosen: BulkAction, ids: readonly string[]) => {
    setStep({ at: 'running' });
    try {
      const { changed, undo, error: failure } = await runBulkAction(db, ids, chosen);
      notifyDataChanged();
      const unchanged = ids.length - changed;
      const text = failure
        ? `${done(chosen, changed)} Stopped there, the rest left as they were: ${failure}`
        : `${done(chosen, changed)}${unchanged > 0 ? ` ${people(unchanged)} already so, left as they were.` : ''}`;
      setStep({ at: 'done', text, undo: changed > 0 ? undo : undefined });
      if (chosen.kind === 'delete') onClear();
    } catch (e) {
      setError(messageOf(e));
      setStep({ at: 'choose' });
    }
  };

  const undo = async (record: BulkUndo, text: string) => {
    setStep({ at: 'running' });
    try {
      const { restored, skipped } = await undoBulkAction(db, record);
      notifyDataChanged();
      setStep({ at: 'undone', text: `Undone for ${people(restored)}.${skipped > 0 ? ` ${people(skipped)} changed again since, left as they are now.` : ''}` });
    } catch (e) {
      // Nothing was undone (each chunk is all or nothing): the Undo stays offered.
      setError(messageOf(e));
      setStep({ at: 'done', text, undo: record });
    }
  };

  return (
    <div className="bulk-bar" role="region" aria-label="Bulk actions">
      <strong aria-live="polite">{people(selected.length)} selected</strong>
      {step.at === 'choose' && selected.length === 0 && <span className="muted">Tick people, shift-click a range, or select all matching, to act on them at once.</span>}
      {step.at === 'choose' && selected.length > 0 && (
        <>
          <label>
            <span className="visually-hidden">Bulk action</span>
            <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} aria-label="Bulk action">
              {(Object.keys(KIND_LABELS) as Kind[]).map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          {kind === 'stage' && (
            <select value={stage} onChange={(e) => setStage(e.target.value as Stage)} aria-label="New stage">
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {STAGE_LABELS[s]}
                </option>
              ))}
            </select>
          )}
          {kind === 'owner' && (
            <select value={owner} onChange={(e) => setOwner(e.target.value as OwnerRole)} aria-label="New owner">
              {OWNER_ROLES.map((o) => (
                <option key={o} value={o}>
                  {ownerLabel(o, settings.owners)}
                </option>
              ))}
            </select>
          )}
          {(kind === 'tag' || kind === 'untag') && <input value={tag} maxLength={60} onChange={(e) => setTag(e.target.value)} aria-label="Tag" placeholder="Tag" />}
          <button type="button" className="primary" onClick={() => void go()}>
            {kind === 'export' ? 'Export' : 'Apply…'}
          </button>
          <button type="button" className="link" onClick={onClear}>
            Clear selection
          </button>
        </>
      )}
      {step.at === 'confirm' && (
        <>
          <span role="alert">{describe(step.action, step.ids.length, settings)}</span>
          <button type="button" className={step.action.kind === 'delete' ? 'danger' : 'primary'} onClick={() => void confirm(step.action, step.ids)}>
            {step.action.kind === 'delete' ? `Delete ${people(step.ids.length)}` : 'Confirm'}
          </button>
          <button type="button" onClick={() => setStep({ at: 'choose' })}>
            Cancel
          </button>
        </>
      )}
      {step.at === 'running' && <span aria-live="polite">Working…</span>}
      {(step.at === 'done' || step.at === 'undone') && (
        <>
          <span role="status">{step.text}</span>
          {step.at === 'done' && step.undo && (
            <button type="button" onClick={() => void undo(step.undo!, step.text)}>
              Undo
            </button>
          )}
          <button type="button" className="link" onClick={() => setStep({ at: 'choose' })}>
            Another action
          </button>
        </>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
