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

  it('open-workspace opens the workspace in a new tab, from any tab or none', async () => {
    const tabs = { create: vi.fn().mockResolvedValue({}) };
    const sidePanel = { open: vi.fn() };
    await handleCommand(sidePanel, 'open-workspace', undefined, { tabs, urlOf: (path) => `chrome-extension://id${path}` });
    expect(tabs.create).toHaveBeenCalledExactlyOnceWith({ url: 'chrome-extension://id/workspace.html' });
    expect(sidePanel.open).not.toHaveBeenCalled();
  });

  it('log-touch opens the side panel and asks its log form to take the focus', async () => {
    const sidePanel = { open: vi.fn().mockResolvedValue(undefined) };
    const session = { set: vi.fn().mockResolvedValue(undefined) };
    await handleCommand(sidePanel, 'log-touch', { id: 4, windowId: 9 }, undefined, session, 1_000);
    expect(sidePanel.open).toHaveBeenCalledExactlyOnceWith({ windowId: 9 });
    expect(session.set).toHaveBeenCalledExactlyOnceWith({ 'shortcut:log-touch': 1_000 });
  });
});
