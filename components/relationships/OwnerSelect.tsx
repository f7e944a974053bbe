import { db } from '../../lib/db';
import { OwnerRole, type Person, type Settings } from '../../lib/model';
import { ownerLabel } from '../../lib/relationships/levels';
import { setOwner } from '../../lib/relationships/queries';
import { notifyDataChanged } from '../notify';

/** Who on our side owns the relationship: the rep, their manager or an executive (names in options). */
export function OwnerSelect({ person, owners }: { person: Person; owners: Settings['owners'] }) {
  return (
    <label className="small">
      Owner{' '}
      <select
        value={person.owner}
        aria-label="Owner on our side"
        onChange={(e) => {
          void setOwner(db, person.id, OwnerRole.parse(e.target.value)).then(notifyDataChanged);
        }}
      >
        {OwnerRole.options.map((role) => (
          <option key={role} value={role}>
            {ownerLabel(role, owners)}
          </option>
        ))}
      </select>
    </label>
  );
}
