import { useLiveQuery } from 'dexie-react-hooks';
import { db, tagsInUse } from '../../lib/db';
import { FIT_BANDS, OWNER_ROLES, STAGES, type Settings } from '../../lib/model';
import { ownerLabel } from '../../lib/relationships/levels';
import { activeFilterCount, DUE_CHOICES, LAST_TOUCH_CHOICES, type PeopleFilters } from '../../lib/workspace/filters';
import { STAGE_LABELS } from '../PersonDetails';

const DUE_LABELS: Record<(typeof DUE_CHOICES)[number], string> = { overdue: 'Overdue', today: 'Due today', week: 'Due this week', none: 'None scheduled' };
const LAST_LABELS: Record<(typeof LAST_TOUCH_CHOICES)[number], string> = { never: 'Never touched', '30': 'Over 30 days ago', '90': 'Over 90 days ago' };

function Choice<T extends string>({ label, value, options, onChange }: { label: string; value: T | undefined; options: readonly (readonly [T, string])[]; onChange(value: T | undefined): void }) {
  return (
    <label className="filter">
      <span>{label}</span>
      <select aria-label={label} value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as T | undefined)}>
        <option value="">Any</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The filters reps think in (issue 18); each change is written to the URL by the caller. */
export function FilterBar({ filters, settings, accountName, onChange }: { filters: PeopleFilters; settings: Settings; accountName?: string; onChange(next: PeopleFilters): void }) {
  const tags = useLiveQuery(() => tagsInUse(db), []) ?? [];
  const set = (patch: Partial<PeopleFilters>) => {
    const next = { ...filters, ...patch };
    for (const key of Object.keys(patch) as (keyof PeopleFilters)[]) if (next[key] === undefined || next[key] === false) delete next[key];
    onChange(next);
  };
  const count = activeFilterCount(filters);
  return (
    <div className="filters" role="group" aria-label="Filters">
      <Choice label="Stage" value={filters.stage} options={STAGES.map((s) => [s, STAGE_LABELS[s]] as const)} onChange={(stage) => set({ stage })} />
      <Choice label="Fit" value={filters.fit} options={[...FIT_BANDS.map((b) => [b, `Fit ${b}`] as const), ['none', 'Not scored'] as const]} onChange={(fit) => set({ fit })} />
      <Choice label="Follow-up" value={filters.due} options={DUE_CHOICES.map((d) => [d, DUE_LABELS[d]] as const)} onChange={(due) => set({ due })} />
      <Choice label="Last touch" value={filters.last} options={LAST_TOUCH_CHOICES.map((d) => [d, LAST_LABELS[d]] as const)} onChange={(last) => set({ last })} />
      <Choice label="Owner" value={filters.owner} options={OWNER_ROLES.map((o) => [o, ownerLabel(o, settings.owners)] as const)} onChange={(owner) => set({ owner })} />
      <Choice label="Tag" value={filters.tag} options={[...new Set([...tags, ...(filters.tag ? [filters.tag] : [])])].map((t) => [t, t] as const)} onChange={(tag) => set({ tag })} />
      <label className="filter check">
        <input type="checkbox" checked={filters.flagged ?? false} onChange={(e) => set({ flagged: e.target.checked })} />
        <span>Flagged brain-pickers</span>
      </label>
      <label className="filter check">
        <input type="checkbox" checked={filters.askedFirst ?? false} onChange={(e) => set({ askedFirst: e.target.checked })} />
        <span>Asked before giving</span>
      </label>
      {filters.account && (
        <span className="chip">
          At {accountName ?? 'an account no longer saved'}
          <button type="button" className="link" aria-label="Any account" onClick={() => set({ account: undefined })}>
            ×
          </button>
        </span>
      )}
      {count > 0 && (
        <button type="button" className="link" onClick={() => onChange({ ...(filters.q ? { q: filters.q } : {}), ...(filters.sort ? { sort: filters.sort, reverse: filters.reverse } : {}) })}>
          Clear {count === 1 ? 'the filter' : `${count} filters`}
        </button>
      )}
    </div>
  );
}
