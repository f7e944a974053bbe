import { describe, expect, it, vi } from 'vitest';
import { handleCommand } from '../../../lib/background/commands';

describe('keyboard shortcuts', () => {
  it('open-side-panel opens the side panel in the window of the tab the rep is on', async () => {
    const sidePanel = { open: vi.fn().mockResolvedValue(undefined) };
    await handleCommand(sidePanel, 'open-side-panel', { id: 4, windowId: 9 });
    expect(sidePanel.open).toHaveBeenCalledExactlyOnceWith({ windowId: 9 });
  });

  it('falls back to the tab when the window is unknown', async () => {
    const sidePanel = { open: vi.fn().mockResolvedValue(undefined) };
    await handleCommand(sidePanel, 'open-side-panel', { id: 4 });
    expect(sidePanel.open).toHaveBeenCalledExactlyOnceWith({ tabId: 4 });
  });

  it('ignores other commands and commands without a tab', () => {
    const sidePanel = { open: vi.fn() };
    expect(handleCommand(sidePanel, 'something-else', { id: 1, windowId: 1 })).toBeUndefined();
    expect(handleCommand(sidePanel, 'open-side-panel', undefined)).toBeUndefined();
    expect(sidePanel.open).not.toHaveBeenCalled();
  });
});
