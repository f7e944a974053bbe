import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../lib/db';
import { balanceLabel } from '../lib/relationships/balance';
import { formatMinutes } from '../lib/relationships/ledger';
import { repWeek, type WeekFigures } from '../lib/relationships/week';
import { useSettings } from './relationships/useRelationshipData';

const WEEKS = 8;

/**
 * A bar per week, this week last, as a small inline SVG (no chart library: eight bars do not need
 * one): each bar's value above it, the weeks named below ("7w ago" … "now"), the goal a named
 * dashed line. Screen readers get the same as a sentence.
 */
function WeekBars({ values, title, goal }: { values: number[]; title: string; goal?: number }) {
  const width = 18;
  const gap = 5;
  const top = 11;
  const bars = 34;
  const bottom = 11;
  const chartWidth = values.length * (width + gap) + (goal ? 44 : 0);
  const max = Math.max(1, goal ?? 0, ...values);
  const y = (value: number) => top + bars - Math.round((value / max) * (bars - 2));
  const weeksAgo = (i: number) => values.length - 1 - i;
  const alternative = `${title}, last ${values.length} weeks, oldest first: ${values.join(', ')}${goal ? `; goal ${goal} a week` : ''}`;
  return (
    <svg className="chart" width={chartWidth} height={top + bars + bottom} role="img" aria-label={alternative}>
      <title>{alternative}</title>
      {values.map((value, i) => {
        const h = top + bars - y(value);
        const x = i * (width + gap);
        return (
          <g key={i}>
            <rect x={x} y={y(value)} width={width} height={Math.max(h, value > 0 ? 2 : 0)} rx={2} opacity={weeksAgo(i) === 0 ? 1 : 0.55} />
            <text className="chart-value" x={x + width / 2} y={y(value) - 2} textAnchor="middle">
              {value}
            </text>
            {(i === 0 || weeksAgo(i) === 0) && (
              <text className="chart-label" x={i === 0 ? x : x + width} y={top + bars + bottom - 1} textAnchor={i === 0 ? 'start' : 'end'}>
                {weeksAgo(i) === 0 ? 'now' : `${weeksAgo(i)}w ago`}
              </text>
            )}
          </g>
        );
      })}
      {goal !== undefined && goal > 0 && (
        <g>
          <line x1={0} x2={values.length * (width + gap)} y1={y(goal)} y2={y(goal)} />
          <text className="chart-label" x={values.length * (width + gap) + 2} y={y(goal) + 3}>
            goal {goal}
          </text>
        </g>
      )}
    </svg>
  );
}

function Figure({ label, value, chart }: { label: string; value: string; chart: React.ReactNode }) {
  return (
    <li className="row" style={{ justifyContent: 'space-between', padding: '6px 0' }}>
      <span>
        <span className="muted small">{label}</span>
        <br />
        <strong>{value}</strong>
      </span>
      {chart}
    </li>
  );
}

const series = (weeks: WeekFigures[], pick: (w: WeekFigures) => number) => weeks.map(pick);

/** The side panel's home when no prospect is on screen: the rep's proactive week at a glance. */
export function RepWeek() {
  const settings = useSettings();
  const week = useLiveQuery(async () => (settings ? repWeek(db, settings, Date.now(), { weeks: WEEKS }) : undefined), [settings]);
  if (!week) return null;
  const now = week.weeks[week.weeks.length - 1]!;
  const ratio = now.asks === 0 ? (now.gives > 0 ? 'no asks yet' : 'nothing yet') : `${(now.gives / now.asks).toFixed(1)} gives per ask`;
  return (
    <section className="stack" aria-labelledby="week-heading" data-testid="rep-week">
      <h2 id="week-heading">Your week</h2>
      <ul className="plain card" aria-label="This week’s figures">
        <Figure
          label="New ideal-fit prospects touched"
          value={`${now.newIdealFits} of ${week.goal}`}
          chart={<WeekBars title="New ideal-fit prospects" values={series(week.weeks, (w) => w.newIdealFits)} goal={week.goal} />}
        />
        <Figure
          label="Follow-ups done of those due"
          value={`${now.followUpsDone} of ${now.followUpsDue}`}
          chart={<WeekBars title="Follow-ups done" values={series(week.weeks, (w) => w.followUpsDone)} />}
        />
        <Figure label="Give / ask" value={`${balanceLabel({ give: now.gives, ask: now.asks, neutral: 0 })} (${ratio})`} chart={<WeekBars title="Gives" values={series(week.weeks, (w) => w.gives)} />} />
        <Figure
          label="Free advice given this week"
          value={formatMinutes(now.adviceMinutes)}
          chart={<WeekBars title="Free-advice minutes" values={series(week.weeks, (w) => w.adviceMinutes)} />}
        />
      </ul>
      <div className="card small" aria-label="Brain-pickers">
        <strong>Brain-pickers flagged: {week.brainPickers.count}</strong>
        {week.brainPickers.count > 0 && (
          <p className="muted">
            {formatMinutes(week.brainPickers.adviceMinutes)} of free advice given to them
            {week.brainPickers.names.length > 0 ? ` (${week.brainPickers.names.join(', ')}${week.brainPickers.count > week.brainPickers.names.length ? ', …' : ''})` : ''}.
          </p>
        )}
      </div>
      {week.accountGaps.length > 0 && (
        <div className="card small">
          <strong>Accounts with gaps at senior levels</strong>
          <ul className="plain" aria-label="Accounts with level gaps">
            {week.accountGaps.map((gap) => (
              <li key={gap.accountId} style={{ padding: '4px 0' }}>
                {gap.gap}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
