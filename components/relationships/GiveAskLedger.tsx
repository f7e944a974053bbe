import { balanceLabel, giveAskBalance } from '../../lib/relationships/balance';
import { formatMinutes, freeAdviceMinutes } from '../../lib/relationships/ledger';
import type { Touch } from '../../lib/model';

/**
 * Give/ask balance and free advice given, for one person or a whole account: the two numbers
 * that say whether the rep is making an impression or giving consulting away.
 */
export function GiveAskLedger({ touches, label }: { touches: readonly Touch[]; label: string }) {
  const balance = giveAskBalance(touches);
  const advice = freeAdviceMinutes(touches);
  const askHeavy = balance.ask > balance.give;
  return (
    <p className="row small" aria-label={label} data-testid="give-ask">
      <span className={askHeavy ? 'badge warn-badge' : 'badge'} title="Your touches that gave something, and that asked for something">
        {balanceLabel(balance)}
      </span>
      {advice > 0 && <span className="badge" title="Time given as free advice">free advice {formatMinutes(advice)}</span>}
      {askHeavy && <span className="muted">More asks than gives so far.</span>}
    </p>
  );
}
