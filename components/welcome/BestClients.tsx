import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { accountsNamed, blankProfile, db, saveProfile, setActiveProfile } from '../../lib/db';
import { peopleByNameWords } from '../../lib/identity/search';
import { sendMessage } from '../../lib/messaging/client';
import { SIZE_BANDS, type IdealCustomerProfile, type SizeBand } from '../../lib/model';
import { clientFromAccount, clientFromPerson } from '../../lib/scoring/clientFacts';
import { applyProposal, proposeProfile, type BestClient, type ProfileProposal, type Proposed } from '../../lib/scoring/fromClients';
import { SENIORITY_LABELS } from '../../lib/scoring/seniority';
import { messageOf } from '../useAction';

const CRITERIA = [
  { key: 'industries', label: 'Industries' },
  { key: 'sizeBands', label: 'Company sizes' },
  { key: 'seniorities', label: 'Levels of the people you work with' },
  { key: 'titleKeywords', label: 'Words in their titles' },
  { key: 'locations', label: 'Places' },
] as const;
type Criterion = (typeof CRITERIA)[number]['key'];

const shown = (criterion: Criterion, value: string) =>
  criterion === 'sizeBands' ? `${value} employees` : criterion === 'seniorities' ? SENIORITY_LABELS[value as keyof typeof SENIORITY_LABELS] : value;

const facts = (c: BestClient) => [c.industry, c.sizeBand && `${c.sizeBand} employees`, c.location, c.contactTitle && `you work with their ${c.contactTitle}`].filter(Boolean).join(' · ');

/** A client typed by the rep: the company and what they know of it, each optional but the name. */
function TypeAClient({ onAdd }: { onAdd(client: BestClient): void }) {
  const [client, setClient] = useState<BestClient>({ name: '' });
  const id = useId();
  const set = (patch: Partial<BestClient>) => setClient((c) => ({ ...c, ...patch }));
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!client.name.trim()) return;
    const clean = Object.fromEntries(Object.entries(client).filter(([, v]) => typeof v === 'string' && v.trim())) as unknown as BestClient;
    onAdd({ ...clean, name: client.name.trim() });
    setClient({ name: '' });
    document.getElementById(`${id}-name`)?.focus();
  };
  return (
    <form className="client-form" onSubmit={add} aria-label="Type a client">
      <label htmlFor={`${id}-name`}>Company</label>
      <input id={`${id}-name`} value={client.name} maxLength={200} required onChange={(e) => set({ name: e.target.value })} placeholder="Sable Ridge Foods" />
      <label htmlFor={`${id}-industry`}>Industry</label>
      <input id={`${id}-industry`} value={client.industry ?? ''} maxLength={100} onChange={(e) => set({ industry: e.target.value })} placeholder="Food and Beverage Manufacturing" />
      <label htmlFor={`${id}-size`}>Size</label>
      <select id={`${id}-size`} value={client.sizeBand ?? ''} onChange={(e) => set({ sizeBand: (e.target.value || undefined) as SizeBand | undefined })}>
        <option value="">Not sure</option>
        {SIZE_BANDS.map((band) => (
          <option key={band} value={band}>
            {band} employees
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-place`}>Place</label>
      <input id={`${id}-place`} value={client.location ?? ''} maxLength={200} onChange={(e) => set({ location: e.target.value })} placeholder="Columbus, Ohio, United States" />
      <label htmlFor={`${id}-title`}>Who you work with there (title)</label>
      <input id={`${id}-title`} value={client.contactTitle ?? ''} maxLength={200} onChange={(e) => set({ contactTitle: e.target.value })} placeholder="VP Operations" />
      <span />
      <button type="submit">Add client</button>
    </form>
  );
}

/** Saved accounts and people by name, to pick a best client from what Groundwork already knows. */
function PickASavedClient({ onAdd }: { onAdd(client: BestClient): void }) {
  const [query, setQuery] = useState('');
  const id = useId();
  const found = useLiveQuery(async () => {
    if (query.trim().length < 2) return { accounts: [], people: [] };
    const [accounts, people] = await Promise.all([accountsNamed(db, query, 5), peopleByNameWords(db, query, 5)]);
    return { accounts, people };
  }, [query]);
  const saved = useLiveQuery(() => db.accounts.count(), []);
  if (!saved) return null;
  const add = async (read: Promise<BestClient | undefined>) => {
    const client = await read;
    if (client) onAdd(client);
    setQuery('');
  };
  return (
    <div className="stack">
      <label htmlFor={id}>Find a saved client</label>
      <input id={id} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Their company or your contact’s name" />
      <ul className="plain" aria-label="Saved clients found">
        {found?.accounts.map((a) => (
          <li key={a.id} className="row">
            <span>{a.name}</span>
            <button type="button" onClick={() => void add(clientFromAccount(db, a.id))} aria-label={`Add ${a.name}`}>
              Add
            </button>
          </li>
        ))}
        {found?.people.map((p) => (
          <li key={p.id} className="row">
            <span>
              {p.name} {p.companyName && <span className="muted">· {p.companyName}</span>}
            </span>
            <button type="button" onClick={() => void add(clientFromPerson(db, p.id))} aria-label={`Add ${p.name}’s company`}>
              Add
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One criterion's proposals as checkboxes, each with the clients behind it. */
function ProposedList({ criterion, label, items, kept, onToggle }: { criterion: Criterion; label: string; items: readonly Proposed<string>[]; kept: ReadonlySet<string>; onToggle(value: string): void }) {
  if (items.length === 0) return null;
  return (
    <fieldset>
      <legend>{label}</legend>
      {items.map((item) => (
        <label key={item.value} className="check-row">
          <input type="checkbox" checked={kept.has(item.value)} onChange={() => onToggle(item.value)} />
          <span>
            {shown(criterion, item.value)}{' '}
            <span className="muted small">
              {item.clients.length > 0 ? `· ${item.clients.length} of your clients (${item.clients.join(', ')})` : '· between your clients’ sizes'}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Step one of the welcome (issue 19): the rep's best clients, picked from what Groundwork knows or
 * typed, become a proposed ideal customer profile — every proposal shown with the clients it came
 * from, each kept or dropped — saved as the active profile, so fit scores mean something at once.
 */
export function BestClients({ onSaved }: { onSaved(profile: IdealCustomerProfile): void }) {
  const [clients, setClients] = useState<BestClient[]>([]);
  const [proposal, setProposal] = useState<ProfileProposal>();
  const [kept, setKept] = useState<Record<Criterion, Set<string>>>();
  const [name, setName] = useState('My best clients');
  const [error, setError] = useState<string>();
  const nameId = useId();

  const add = (client: BestClient) => {
    setClients((list) => (list.some((c) => c.name.toLowerCase() === client.name.toLowerCase()) ? list : [...list, client]));
    setProposal(undefined);
  };
  const propose = () => {
    const next = proposeProfile(clients);
    setProposal(next);
    setKept(Object.fromEntries(CRITERIA.map(({ key }) => [key, new Set(next[key].map((p) => String(p.value)))])) as Record<Criterion, Set<string>>);
  };
  const toggle = (criterion: Criterion, value: string) =>
    setKept((current) => {
      if (!current) return current;
      const next = new Set(current[criterion]);
      if (next.has(value)) next.delete(value);
      else next.add(value);
      return { ...current, [criterion]: next };
    });
  const save = async () => {
    if (!proposal || !kept) return;
    setError(undefined);
    try {
      const only = <T,>(criterion: Criterion, list: readonly Proposed<T>[]) => list.filter((p) => kept[criterion].has(String(p.value)));
      const profile = applyProposal(blankProfile(name.trim() || 'My best clients'), {
        industries: only('industries', proposal.industries),
        sizeBands: only('sizeBands', proposal.sizeBands),
        seniorities: only('seniorities', proposal.seniorities),
        titleKeywords: only('titleKeywords', proposal.titleKeywords),
        locations: only('locations', proposal.locations),
      });
      const saved = await saveProfile(db, profile);
      await setActiveProfile(db, saved.id);
      void sendMessage({ type: 'scores/recompute' });
      onSaved(saved);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <div className="stack">
      <p>
        Seed 004’s advice: <q>develop your own specs and persona… the ones you do your best work for.</q> Name three to five of your best clients — Groundwork proposes the profile
        they share, and you keep what is right.
      </p>
      <PickASavedClient onAdd={add} />
      <TypeAClient onAdd={add} />
      {clients.length > 0 && (
        <ul className="plain" aria-label="Your best clients">
          {clients.map((client) => (
            <li key={client.name} className="row">
              <span>
                <strong>{client.name}</strong> <span className="muted small">{facts(client)}</span>
              </span>
              <button type="button" className="link" aria-label={`Remove ${client.name}`} onClick={() => (setClients((list) => list.filter((c) => c !== client)), setProposal(undefined))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <button type="button" className="primary" disabled={clients.length === 0} onClick={propose}>
          Propose my profile
        </button>
        {clients.length === 1 && <span className="muted small">One client is an example, not a pattern: add another.</span>}
      </div>
      {proposal && kept && (
        <section className="card stack" aria-label="Proposed profile">
          <h3>What your clients have in common</h3>
          {CRITERIA.map(({ key, label }) => (
            <ProposedList key={key} criterion={key} label={label} items={proposal[key] as Proposed<string>[]} kept={kept[key]} onToggle={(value) => toggle(key, value)} />
          ))}
          {proposal.notes.length > 0 && (
            <ul className="muted small" aria-label="Left open">
              {proposal.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
          <label htmlFor={nameId}>Profile name</label>
          <input id={nameId} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
          <button type="button" className="primary" onClick={() => void save()}>
            Save as my ideal customer profile
          </button>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
