import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorCard } from '../../components/ErrorCard';
import type { PaintHandOff } from './paint';
import { PopupApp } from './PopupApp';

/**
 * React's popup. Over a painted snapshot (./paint.ts) it is drawn off screen and put in its place
 * in one step once its three reads have answered (or it failed and says so): the same elements,
 * so nothing flickers or moves. With nothing painted it renders into the page at once, as it
 * always did: the header first, today's list as soon as it is read, the rest after it.
 */
export function mountPopup(root: HTMLElement, { now, early }: PaintHandOff): void {
  const interactive = () => performance.mark('groundwork:popup-interactive');
  if (!early) {
    const listShown = () => performance.mark('groundwork:popup-painted', { detail: 'react' });
    createRoot(root).render(
      <StrictMode>
        <ErrorCard what="Today’s follow-ups" onError={listShown}>
          <PopupApp now={now} onListShown={listShown} onReady={interactive} />
        </ErrorCard>
      </StrictMode>,
    );
    return;
  }
  const page = document.createElement('div');
  let shown = false;
  const show = () => {
    if (shown) return;
    shown = true;
    root.replaceChildren(page);
    interactive();
    early.handOver(page);
  };
  createRoot(page).render(
    <StrictMode>
      <ErrorCard what="Today’s follow-ups" onError={show}>
        <PopupApp now={now} onReady={show} />
      </ErrorCard>
    </StrictMode>,
  );
}
