import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import './ui.css';

/** Mounts an extension page's root component. */
export function mount(app: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('Missing #root element');
  createRoot(root).render(<StrictMode>{app}</StrictMode>);
}
