import Dexie from 'dexie';
import type { GroundworkDB } from '../db/db';
import { newId } from '../db/ids';
import { loadSettings } from '../db/settings';
import { prefetchTouchFigures } from '../db/touchFigures';
import { awaitsAnswer, historyWith, loggedBySourceKey, recomputeAnswered, touchesOfPerson, touchFor, writeTouch, type LogTouchResult, type NewTouch } from '../db/touches';
import { FollowUp, isPending, PENDING_STATUSES, Person, type Settings, type Touch, type TouchType } from '../model';
import { evaluateBrainPicker, onBackBurnerByCall, type BrainPickerEvaluation } from './brainPicker';
import { calendarOf, proposeFollowUp } from './propose';
import { recordingSideEffects, undoSideEffects, type SideEffects } from './sideEffects';
import { addCalendarDays, addWorkingDays, onWorkingDay } from './workdays';

/**
 * What happens after touches change, and what the rep does to follow-ups. Every function runs in
 * one transaction. Re-evaluating (`afterTouchesChanged`, `afterHistoriesChanged`,
 * `dailyEvaluation`) is idempotent, so the background and the pages can call it freely; the rep's
 * actions on a follow-up (Done, snooze, cancel) refuse one that is no longer pending rather than
 * act twice.
 */

const TABLES = (db: GroundworkDB) => [db.people, db.touches, db.followUps, db.settings, db.fits];

async function touchesOf(db: GroundworkDB, personId: string): Promise<Touch[]> {
  return touchesOfPerson(db, personId).toArray();
}

/** These people's open and snoozed follow-ups. */
export async function pendingOfPeople(db: GroundworkDB, personIds: readonly string[]): Promise<FollowUp[]> {
  return db.followUps
    .where('personId')
    .anyOf(personIds)
    .filter((f) => isPending(f.status))
    .toArray();
}

/** What a person's follow-ups tell the cadence: the pending ones, and the step last handled with nothing to log. */
interface FollowUpState {
  pending: FollowUp[];
  handled?: FollowUp;
}

function followUpStates(rows: readonly FollowUp[]): Map<string, FollowUpState> {
  const states = new Map<string, FollowUpState>();
  for (const f of rows) {
    const state = states.get(f.personId) ?? { pending: [] };
    if (isPending(f.status)) state.pending.push(f);
    else if (f.outcome === 'nothing' && (state.handled?.completedAt ?? 0) <= (f.completedAt ?? 0)) state.handled = f;
    states.set(f.personId, state);
  }
  return states;
}

/** Whether the ideal customer profile excludes each person (their stored fit). */
async function excludedPeople(db: GroundworkDB, personIds: readonly string[]): Promise<Set<string>> {
  const fits = await db.fits.bulkGet([...personIds]);
  return new Set(fits.filter((f) => f?.excluded).map((f) => f!.personId));
}

/** A person's open and snoozed follow-ups. */
export function pendingOf(db: GroundworkDB, personId: string): Promise<FollowUp[]> {
  return pendingOfPeople(db, [personId]);
}

/** Cancels everything pending for a person, a follow-up set by hand too; how many. */
export function cancelPendingOf(db: GroundworkDB, personId: string, now: number): Promise<number> {
  return db.followUps
    .where('personId')
    .equals(personId)
    .filter((f) => isPending(f.status))
    .modify({ status: 'cancelled', updatedAt: now });
}

export interface AfterTouchResult {
  person: Person;
  followUp?: FollowUp;
  /** True when this change flagged them as a crisis-mode brain-picker. */
  newlyFlagged: boolean;
}

/** Applies the crisis rule's `result` to a person; returns the updated record (not yet stored). */
function applyCrisisRule(person: Person, touches: Touch[], result: BrainPickerEvaluation, now: number): { person: Person; newlyFlagged: boolean } {
  if (onBackBurnerByCall(person)) {
    // Someone flagged, or put on the back burner by gut, who writes again: the side panel asks the rep what to do.
    const lastInbound = [...touches].reverse().find((t) => t.direction === 'inbound');
    const record = person.brainPicker;
    if (record && lastInbound && lastInbound.at > (record.acknowledgedAt ?? record.flaggedAt) && record.returnedAt !== lastInbound.at) {
      return { person: { ...person, brainPicker: { ...record, returnedAt: lastInbound.at, decision: undefined }, updatedAt: now }, newlyFlagged: false };
    }
    return { person, newlyFlagged: false };
  }
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a flagged evaluation always has both times and an unflagged one has no flaggedAt; the checks only narrow the types
  if (!result.flagged || result.flaggedAt === undefined || result.reachedOutAt === undefined) return { person, newlyFlagged: false };
  // The rep said "not a brain-picker" for this episode: only a new one (they reach out again) counts.
  const cleared = person.brainPicker?.decision === 'cleared' ? person.brainPicker.reachedOutAt : undefined;
  if (cleared !== undefined && result.reachedOutAt <= cleared) return { person, newlyFlagged: false };
  // Re-engaged earlier and flagged again by a newer episode: another episode.
  if (person.brainPicker && person.brainPicker.flaggedAt >= result.flaggedAt) return { person, newlyFlagged: false };
  const previous = person.brainPicker;
  return {
    newlyFlagged: true,
    person: {
      ...person,
      flags: [...person.flags, 'brain-picker'],
      stage: 'back-burner',
      brainPicker: {
        episodes: (previous?.episodes ?? 0) + 1,
        flaggedAt: result.flaggedAt,
        reachedOutAt: result.reachedOutAt,
        attempts: result.attempts,
        firstAttemptAt: result.firstAttemptAt,
        lastAttemptAt: result.lastAttemptAt,
        // This episode's: what they took this time, and the rep's own homework, counted apart.
        adviceMinutes: result.episodeAdviceMinutes,
        researchMinutes: result.episodeResearchMinutes,
        raisedAt: now,
        previousStage: person.stage === 'back-burner' ? (previous?.previousStage ?? 'engaged') : person.stage,
      },
      updatedAt: now,
    },
  };
}

/** What the crisis rule and the cadence make of a person's history: the writes, not yet made. */
interface NextSteps extends AfterTouchResult {
  /** The person record to store, when the crisis rule changed it. */
  personWrite?: Person;
  cancelled: FollowUp[];
  added?: FollowUp;
}

/**
 * The crisis rule applied, and the cadence's follow-up (re)proposed. Follow-ups the rep set by hand
 * are left alone; a proposal identical to the open one changes nothing.
 */
function nextSteps(stored: Person, touches: Touch[], { pending, handled }: FollowUpState, settings: Settings, now: number, excluded: boolean): NextSteps {
  // The rule runs once here; the proposal reads the same evaluation.
  const crisis = evaluateBrainPicker(touches, settings.crisis);
  const { person, newlyFlagged } = applyCrisisRule(stored, touches, crisis, now);
  // Stryker disable next-line ConditionalExpression: writing back the unchanged record stores what is already there; the check only saves a write
  const personWrite = person !== stored ? Person.parse(person) : undefined;
  // A follow-up the rep set by hand is the next step; the cadence steps aside until it is done.
  let proposal = pending.some((f) => f.origin === 'manual') && !newlyFlagged ? undefined : proposeFollowUp(person, touches, settings, { excluded, crisis });
  // The same step, done with nothing to log ("Done, nothing to log"): it comes round again one
  // attempt interval after it was handled, not at once.
  if (proposal && handled?.completedAt !== undefined && handled.reason === proposal.reason && proposal.dueAt <= handled.completedAt) {
    proposal = { ...proposal, dueAt: addWorkingDays(handled.completedAt, settings.cadence.attemptIntervalsDays[0]!, calendarOf(settings)) };
  }
  const cadence = pending.filter((f) => f.origin === 'cadence');
  const current = cadence.length === 1 ? cadence[0]! : undefined;
  // The proposal is the pending one: at its time, or snoozed past it (a snooze stands).
  const same =
    proposal &&
    current &&
    current.reason === proposal.reason &&
    current.suggestedType === proposal.suggestedType &&
    (current.status === 'snoozed' ? current.dueAt >= proposal.dueAt : current.dueAt === proposal.dueAt);
  if (same) return { person, personWrite, followUp: current, newlyFlagged, cancelled: [] };

  // A newly flagged brain-picker's follow-ups all leave "today"; the cadence's check-in remains.
  const cancelled = (newlyFlagged ? pending : cadence).map((f) => ({ ...f, status: 'cancelled' as const, updatedAt: now }));
  const added = proposal ? FollowUp.parse({ id: newId(), personId: stored.id, ...proposal, status: 'open', origin: 'cadence', createdAt: now, updatedAt: now }) : undefined;
  return { person, personWrite, followUp: added, newlyFlagged, cancelled, added };
}

/** Everything the crisis rule and the cadence read of one person, asked for together (one round trip). */
async function readPersonState(db: GroundworkDB, personId: string) {
  const [stored, settings, touches, rows, excluded] = await Promise.all([
    db.people.get(personId),
    loadSettings(db),
    touchesOf(db, personId),
    db.followUps.where('personId').equals(personId).toArray(),
    excludedPeople(db, [personId]),
  ]);
  if (!stored) throw new Error(`No person with id ${personId}`);
  return { stored, settings, touches, state: followUpStates(rows).get(personId) ?? { pending: [] }, excluded: excluded.has(personId) };
}

/** Writes what `nextSteps` decided, all at once. */
async function writeSteps(db: GroundworkDB, steps: NextSteps): Promise<AfterTouchResult> {
  // The cancelled and the new follow-up in one request.
  const followUps = steps.added ? [...steps.cancelled, steps.added] : steps.cancelled;
  await Promise.all([
    steps.personWrite && db.people.put(steps.personWrite),
    // Stryker disable next-line ConditionalExpression,EqualityOperator: putting no follow-ups writes nothing
    followUps.length > 0 && db.followUps.bulkPut(followUps),
  ]);
  return { person: steps.person, followUp: steps.followUp, newlyFlagged: steps.newlyFlagged };
}

/** After a person's touches changed: `nextSteps`, read and written in one transaction. */
export async function afterTouchesChanged(db: GroundworkDB, personId: string, now: number = Date.now()): Promise<AfterTouchResult> {
  return db.transaction('rw', TABLES(db), async () => {
    const { stored, settings, touches, state, excluded } = await readPersonState(db, personId);
    return writeSteps(db, nextSteps(stored, touches, state, settings, now, excluded));
  });
}

/**
 * `afterTouchesChanged` for many people whose histories changed at once (a merged backup), read
 * and written in batches rather than a few requests per person. As when each touch is logged
 * here, their messages answer the outbound touches before them: every unanswered outbound touch
 * up to their newest message becomes answered. Runs in the caller's transaction if there is one.
 */
export async function afterHistoriesChanged(
  db: GroundworkDB,
  personIds: readonly string[],
  now: number = Date.now(),
  batch = 500,
): Promise<void> {
  await db.transaction('rw', TABLES(db), async () => {
    const settings = await loadSettings(db);
    // Stryker disable next-line EqualityOperator: one more, empty, batch reads and writes nothing
    for (let from = 0; from < personIds.length; from += batch) {
      // Stryker disable next-line MethodExpression: re-evaluation is idempotent, so a batch of everyone ends the same; the slice only bounds each read
      const ids = personIds.slice(from, from + batch);
      const [people, histories, rows, excluded] = await Promise.all([
        db.people.bulkGet(ids),
        Promise.all(ids.map((id) => touchesOf(db, id))),
        db.followUps.where('personId').anyOf(ids).toArray(),
        excludedPeople(db, ids),
      ]);
      const states = followUpStates(rows);
      const answered: Touch[] = [];
      const personWrites: Person[] = [];
      const followUpWrites: FollowUp[] = [];
      ids.forEach((id, i) => {
        const stored = people[i];
        if (!stored) return;
        const until = histories[i]!.findLast((t) => t.direction === 'inbound')?.at;
        const touches = histories[i]!.map((t) => {
          if (until === undefined || t.at > until || !awaitsAnswer(t)) return t;
          const marked = { ...t, answered: true };
          answered.push(marked);
          return marked;
        });
        const steps = nextSteps(stored, touches, states.get(id) ?? { pending: [] }, settings, now, excluded.has(id));
        if (steps.personWrite) personWrites.push(steps.personWrite);
        followUpWrites.push(...steps.cancelled, ...(steps.added ? [steps.added] : []));
      });
      await Promise.all([db.touches.bulkPut(answered), db.people.bulkPut(personWrites), db.followUps.bulkPut(followUpWrites)]);
    }
  });
}

/** Logs a touch (once, by source key) and lets the cadence and the crisis rule react. */
export async function recordTouch(db: GroundworkDB, input: NewTouch, now: number = Date.now()): Promise<LogTouchResult & AfterTouchResult> {
  return db.transaction('rw', TABLES(db), async () => {
    // One round of reads, then one of writes (logTouch, then afterTouchesChanged, took five): the
    // person's history is read before the touch is written, and the cadence is worked out on that
    // history with the new touch in it, as afterTouchesChanged would read it back.
    const [existing, { stored, settings, touches, state, excluded }] = await Promise.all([
      loggedBySourceKey(db, input.sourceKey),
      readPersonState(db, input.personId),
      // The figure rows the touch will change, so that it is written with them in one round.
      prefetchTouchFigures(db, [{ personId: input.personId, at: input.at ?? now }]),
    ]);
    // Logged before: nothing new, and the history just read is the person's as it stands.
    if (existing) return { touch: existing, created: false, ...(await writeSteps(db, nextSteps(stored, touches, state, settings, now, excluded))) };
    const touch = touchFor(stored, input, now);
    const steps = nextSteps(stored, historyWith(touches, touch), state, settings, now, excluded);
    const [, after] = await Promise.all([writeTouch(db, touch), writeSteps(db, steps)]);
    return { touch, created: true, ...after };
  });
}

async function getPending(db: GroundworkDB, id: string): Promise<FollowUp> {
  const followUp = await db.followUps.get(id);
  if (!followUp) throw new Error(`No follow-up with id ${id}`);
  if (!isPending(followUp.status)) throw new Error(`This follow-up is already ${followUp.status}`);
  return followUp;
}

/** What Done did: what its Undo takes back. */
export interface DoneUndo {
  followUpId: string;
  /** The follow-up as it was before Done. */
  followUp: FollowUp;
  /** The touch Done recorded, if any. */
  touchId?: string;
  /** What the cadence and the crisis rule did in turn. */
  effects: SideEffects;
  /** What they did after the rep said what was done instead (`retypeDone`, touchEdits.ts), oldest first. */
  retyped?: SideEffects[];
}

export interface DoneResult extends AfterTouchResult {
  /** The touch recorded ("Done · Personal note sent"); none for "Done, nothing to log". */
  touch?: Touch;
  undo: DoneUndo;
}

/**
 * "Done": records what was done — the suggested touch, or the type the rep says instead, as
 * something they did (never a touch named after the task: "Reply to Tomasz" done is an email to
 * Tomasz) — or, for "Done, nothing to log", nothing at all. The cadence then proposes the next
 * step. Undo (`undoDone`) takes back what Done did and nothing else.
 */
export async function completeFollowUp(db: GroundworkDB, id: string, { type, nothing = false }: { type?: TouchType; nothing?: boolean } = {}, now: number = Date.now()): Promise<DoneResult> {
  return db.transaction('rw', TABLES(db), async () => {
    const followUp = await getPending(db, id);
    const personId = followUp.personId;
    // Stryker disable next-line ConditionalExpression: without it recordTouch or afterTouchesChanged refuses with the same error in the same transaction; it only fails sooner
    if (!(await db.people.get(personId))) throw new Error(`No person with id ${personId}`);
    const done: FollowUp = { ...followUp, status: 'done', completedAt: now, updatedAt: now, outcome: nothing ? 'nothing' : 'touch' };
    await db.followUps.put(done);
    const { result, effects } = await recordingSideEffects(db, personId, async () => {
      if (nothing) return { ...(await afterTouchesChanged(db, personId, now)), touch: undefined };
      return recordTouch(db, { personId, type: type ?? followUp.suggestedType, loggedBy: 'one-click' }, now);
    });
    const { touch } = result;
    if (touch) await db.followUps.put({ ...done, touchId: touch.id });
    return {
      person: result.person,
      followUp: result.followUp,
      newlyFlagged: result.newlyFlagged,
      touch,
      undo: { followUpId: id, followUp, touchId: touch?.id, effects },
    };
  });
}

/**
 * Undoes Done: the touch it recorded goes, the follow-up is open again, and what the cadence and
 * the crisis rule did in turn is taken back where nothing has changed it since. Anything the rep
 * did in between stands.
 */
export async function undoDone(db: GroundworkDB, undo: DoneUndo, now: number = Date.now()): Promise<void> {
  await db.transaction('rw', TABLES(db), async () => {
    const personId = undo.followUp.personId;
    if (undo.touchId) await db.touches.delete(undo.touchId);
    for (const effects of [...(undo.retyped ?? [])].reverse()) await undoSideEffects(db, effects, now);
    await undoSideEffects(db, undo.effects, now);
    const current = await db.followUps.get(undo.followUpId);
    if (current?.status === 'done') await db.followUps.put(undo.followUp);
    await recomputeAnswered(db, personId);
    await afterTouchesChanged(db, personId, now);
  });
}

export type SnoozeChoice = { kind: 'days'; workingDays: number } | { kind: 'week' } | { kind: 'until'; at: number };

/**
 * When a snooze ends, counted from `from`: working days skip weekends; a week is a week; a chosen
 * date lands on a working day.
 */
export async function snoozeUntil(db: GroundworkDB, choice: SnoozeChoice, from: number = Date.now()): Promise<number> {
  const calendar = calendarOf(await loadSettings(db));
  if (choice.kind === 'days') return addWorkingDays(from, choice.workingDays, calendar);
  if (choice.kind === 'week') return addCalendarDays(from, 7, calendar);
  return onWorkingDay(choice.at, calendar);
}

/**
 * Snooze moves a follow-up later, never earlier: "1 day" counts from the later of now and when it
 * is due (a follow-up due in nine days, snoozed a day, is due in ten). Bringing one forward is
 * Reschedule.
 */
export async function snoozeFollowUp(db: GroundworkDB, id: string, choice: SnoozeChoice, now: number = Date.now()): Promise<FollowUp> {
  return db.transaction('rw', TABLES(db), async () => {
    const followUp = await getPending(db, id);
    const dueAt = await snoozeUntil(db, choice, Math.max(now, followUp.dueAt));
    if (dueAt <= now) throw new Error('Choose a time in the future');
    if (dueAt < followUp.dueAt) throw new Error('Snooze moves a follow-up later; to bring it forward, reschedule it');
    const snoozed = { ...followUp, status: 'snoozed' as const, dueAt, updatedAt: now };
    await db.followUps.put(snoozed);
    return snoozed;
  });
}

/** Snoozes everything due before `before` by `workingDays` (the digest's "snooze all"). */
export async function snoozeAllDue(db: GroundworkDB, before: number, workingDays: number, now: number = Date.now()): Promise<number> {
  return db.transaction('rw', TABLES(db), async () => {
    const dueAt = await snoozeUntil(db, { kind: 'days', workingDays }, now);
    let count = 0;
    for (const status of PENDING_STATUSES) {
      count += await db.followUps
        .where('[status+dueAt]')
        .between(
          [status, Dexie.minKey],
          [status, before],
          // Stryker disable next-line BooleanLiteral: no follow-up is due at Dexie.minKey, so including the lower bound or not is the same
          true,
          false,
        )
        .modify({ status: 'snoozed', dueAt, updatedAt: now });
    }
    return count;
  });
}

export async function cancelFollowUp(db: GroundworkDB, id: string, now: number = Date.now()): Promise<void> {
  await db.transaction('rw', TABLES(db), async () => {
    const followUp = await getPending(db, id);
    await db.followUps.put({ ...followUp, status: 'cancelled', updatedAt: now });
  });
}

/** The rep overrides the date (the follow-up becomes theirs: the cadence will not replace it). */
export async function rescheduleFollowUp(db: GroundworkDB, id: string, at: number, now: number = Date.now()): Promise<FollowUp> {
  return db.transaction('rw', TABLES(db), async () => {
    const followUp = await getPending(db, id);
    if (at <= now) throw new Error('Choose a time in the future');
    const moved = { ...followUp, status: 'open' as const, dueAt: at, origin: 'manual' as const, updatedAt: now };
    await db.followUps.put(moved);
    return moved;
  });
}

/** A brain-picker who came back: work with them again, or keep them on the back burner. */
export async function decideOnReturn(db: GroundworkDB, personId: string, decision: 're-engaged' | 'kept', now: number = Date.now()): Promise<Person> {
  return db.transaction('rw', TABLES(db), async () => {
    const person = await db.people.get(personId);
    if (!person?.brainPicker) throw new Error('This person is not flagged as a brain-picker');
    const record = { ...person.brainPicker, decision, acknowledgedAt: person.brainPicker.returnedAt ?? now, returnedAt: undefined };
    const updated: Person =
      decision === 're-engaged'
        ? { ...person, flags: person.flags.filter((f) => f !== 'brain-picker'), stage: record.previousStage === 'back-burner' ? 'engaged' : record.previousStage, brainPicker: record, updatedAt: now }
        : { ...person, brainPicker: record, updatedAt: now };
    await db.people.put(Person.parse(updated));
    await afterTouchesChanged(db, personId, now);
    return updated;
  });
}

export type GutCall = 'brain-picker' | 'back-burner';

/**
 * The rep's gut call (seed 004: "going with your gut… putting them on the back burner"): "Mark as
 * brain-picker" or "Put on the back burner", with the rule's effects — every pending follow-up
 * cancelled, one long-interval check-in kept — remembered (what they took, the attempts) so the
 * side panel says so when they come back, and reversible (`clearGutCall`).
 */
export async function makeGutCall(db: GroundworkDB, personId: string, call: GutCall, now: number = Date.now()): Promise<AfterTouchResult> {
  return db.transaction('rw', TABLES(db), async () => {
    const person = await db.people.get(personId);
    if (!person) throw new Error('This person is no longer saved');
    if (person.flags.includes('brain-picker')) throw new Error(`${person.name} is already flagged as a brain-picker`);
    const settings = await loadSettings(db);
    const touches = await touchesOf(db, personId);
    const rule = evaluateBrainPicker(touches, settings.crisis);
    const previous = person.brainPicker;
    const updated: Person = {
      ...person,
      flags: call === 'brain-picker' ? [...person.flags, 'brain-picker'] : person.flags,
      stage: 'back-burner',
      brainPicker: {
        // A brain-picker call is another episode; a back-burner call remembers, without counting one.
        episodes: call === 'brain-picker' ? (previous?.episodes ?? 0) + 1 : (previous?.episodes ?? 1),
        flaggedAt: now,
        // When they last reached out, if they ever did: a gut call can come before any message.
        // Stryker disable ConditionalExpression: a time left out and one stored as undefined read the same everywhere (the spreads satisfy exactOptionalPropertyTypes)
        ...(rule.reachedOutAt !== undefined ? { reachedOutAt: rule.reachedOutAt } : {}),
        attempts: rule.attempts,
        ...(rule.firstAttemptAt !== undefined ? { firstAttemptAt: rule.firstAttemptAt } : {}),
        ...(rule.lastAttemptAt !== undefined ? { lastAttemptAt: rule.lastAttemptAt } : {}),
        // Stryker restore ConditionalExpression
        adviceMinutes: rule.reachOut ? rule.episodeAdviceMinutes : rule.adviceMinutes,
        researchMinutes: rule.episodeResearchMinutes,
        raisedAt: now,
        previousStage: person.stage === 'back-burner' ? (previous?.previousStage ?? 'target') : person.stage,
        call,
      },
      updatedAt: now,
    };
    await db.people.put(Person.parse(updated));
    // Everything pending goes, a follow-up set by hand too; the cadence keeps one check-in.
    await cancelPendingOf(db, personId, now);
    return afterTouchesChanged(db, personId, now);
  });
}

/**
 * Takes a brain-picker flag (the rule's or the rep's) or a gut back-burner call back: the stage
 * they had before, the cadence again. Remembered as cleared, so the rule does not flag the same
 * episode again.
 */
export async function clearGutCall(db: GroundworkDB, personId: string, now: number = Date.now()): Promise<AfterTouchResult> {
  return db.transaction('rw', TABLES(db), async () => {
    const person = await db.people.get(personId);
    const record = person?.brainPicker;
    if (!person || !record) throw new Error('This person is not on the back burner by a brain-picker call');
    const updated: Person = {
      ...person,
      flags: person.flags.filter((f) => f !== 'brain-picker'),
      stage: record.previousStage === 'back-burner' ? 'engaged' : record.previousStage,
      // No longer anyone's call: a later back-burner stage set by hand is not read as this one.
      brainPicker: { ...record, decision: 'cleared', acknowledgedAt: now, returnedAt: undefined, call: undefined },
      updatedAt: now,
    };
    await db.people.put(Person.parse(updated));
    return afterTouchesChanged(db, personId, now);
  });
}

/**
 * The daily pass: the crisis rule for everyone touched within the window (their attempts may
 * have piled up without a new touch being logged here), and fresh proposals.
 */
export async function dailyEvaluation(db: GroundworkDB, now: number = Date.now()): Promise<number> {
  const { crisis } = await loadSettings(db);
  const since = now - (crisis.windowDays + 1) * 86_400_000;
  const ids = new Set(await db.touches.where('at').above(since).toArray().then((ts) => ts.map((t) => t.personId)));
  for (const id of ids) await afterTouchesChanged(db, id, now);
  return ids.size;
}
