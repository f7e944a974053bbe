import { useLiveQuery } from 'dexie-react-hooks';
import { ago } from '../../lib/text/words';
import { db } from '../../lib/db';
import type { Account, Person } from '../../lib/model';
import { ownerLabel } from '../../lib/relationships/levels';
import { accountRelationships } from '../../lib/relationships/queries';
import { GiveAskLedger } from './GiveAskLedger';
import { useSettings } from './useRelationshipData';

function PersonRow({ person, lastTouchAt, liveAt, owner, now, onOpen }: { person: Person; lastTouchAt?: number; liveAt?: number; owner: string; now: number; onOpen?: (id: string) => void }) {
  return (
    <li style={{ padding: '4px 0' }}>
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <span>
          <strong>{person.name}</strong> {liveAt !== undefined && <span className="badge band-A">live</span>}
          {(person.title ?? person.headline) && <div className="muted small">{person.title ?? person.headline}</div>}
          <div className="muted small">
            Owner: {owner}
            {lastTouchAt !== undefined ? ` · last touch ${ago(lastTouchAt, now)}` : ' · not touched yet'}
          </div>
        </span>
        {onOpen && (
          <button type="button" onClick={() => onOpen(person.id)} aria-label={`Open ${person.name}`}>
            Open
          </button>
        )}
      </div>
    </li>
  );
}

/**
 * An account across levels: people grouped by seniority with our side's owner, which levels have
 * a live relationship, the gaps in plain words, and the account's give/ask and free advice.
 */
export function AccountLevels({ account, onOpenPerson }: { account: Pick<Account, 'id' | 'name'>; onOpenPerson?: (id: string) => void }) {
  const settings = useSettings();
  const data = useLiveQuery(async () => {
    if (!settings) return undefined;
    const now = Date.now();
    return { ...(await accountRelationships(db, account, settings, now)), now };
  }, [account.id, account.name, settings]);
  if (!settings || !data) return null;
  const { coverage, touchesByPerson, people, now } = data;
  if (people.length === 0) return <p className="muted">No saved people at {account.name} yet.</p>;
  const owner = (p: Person) => ownerLabel(p.owner, settings.owners);
  return (
    <div className="stack" data-testid="account-levels">
      <GiveAskLedger touches={[...touchesByPerson.values()].flat()} label={`Give and ask at ${account.name}`} />
      {coverage.gaps.length > 0 && (
        <ul className="plain warning" aria-label={`Gaps at ${account.name}`}>
          {coverage.gaps.map((gap) => (
            <li key={gap.level} style={{ padding: '4px 0' }}>
              <strong>{gap.message}.</strong> <span>{gap.suggestion}</span>
            </li>
          ))}
        </ul>
      )}
      <ul className="plain" aria-label={`People at ${account.name}`}>
        {coverage.levels
          .filter((level) => level.people.length > 0)
          .map((level) => (
            <li key={level.level} aria-label={level.label} style={{ padding: '6px 0' }}>
              <h3>
                {level.label} <span className="small">{level.live ? '· live relationship' : '· no live relationship'}</span>
              </h3>
              <ul className="plain">
                {level.people.map((entry) => (
                  <PersonRow key={entry.person.id} {...entry} owner={owner(entry.person)} now={now} onOpen={onOpenPerson} />
                ))}
              </ul>
            </li>
          ))}
        {coverage.unplaced.length > 0 && (
          <li aria-label="Level unknown" style={{ padding: '6px 0' }}>
            <h3>Level unknown</h3>
            <ul className="plain">
              {coverage.unplaced.map((entry) => (
                <PersonRow key={entry.person.id} {...entry} owner={owner(entry.person)} now={now} onOpen={onOpenPerson} />
              ))}
            </ul>
          </li>
        )}
      </ul>
    </div>
  );
}
