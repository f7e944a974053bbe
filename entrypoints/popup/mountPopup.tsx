import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorCard } from '../../components/ErrorCard';
import { PopupApp } from './PopupApp';

/**
 * React's popup, drawn off screen and put in place of `root`'s content once its three reads have
 * answered (or it failed and says so): a painted snapshot (./paint.ts) stays until then and is
 * replaced in one step by the same elements, so nothing flickers or moves. Without a snapshot the
 * popup appears at that moment, as it always did.
 */
export function mountPopup(root: HTMLElement, { now, early }: { now: number; early?: { handOver(page: HTMLElement): void } }): void {
  const page = document.createElement('div');
  let shown = false;
  const show = () => {
    if (shown) return;
    shown = true;
    const painted = root.firstElementChild;
    root.replaceChildren(page);
    if (!painted) performance.mark('groundwork:popup-painted', { detail: 'react' });
    performance.mark('groundwork:popup-interactive');
    early?.handOver(page);
  };
  createRoot(page).render(
    <StrictMode>
      <ErrorCard what="Today’s follow-ups" onError={show}>
        <PopupApp now={now} onReady={show} />
      </ErrorCard>
    </StrictMode>,
  );
}
