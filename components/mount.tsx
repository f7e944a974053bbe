import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorCard } from './ErrorCard';
import './ui.css';

/** Mounts an extension page's root component; whatever fails to render shows as a card, never a blank page. */
export function mount(app: ReactNode, what: string): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('Missing #root element');
  createRoot(root).render(
    <StrictMode>
      <ErrorCard what={what}>{app}</ErrorCard>
    </StrictMode>,
  );
}
