import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the card stands for, in the rep's words: "Adaeze's timeline", "This touch". */
  what: string;
  children: ReactNode;
  /** Told when it shows its card (the popup then shows it in place of a painted snapshot). */
  onError?: () => void;
}

interface State {
  error?: Error;
}

/**
 * An error boundary (issue 15): a record that cannot be drawn — a date out of range, a field an
 * older or newer Groundwork wrote differently, a bug — shows a small card saying what failed
 * where it would have been, never a blank panel. Nothing is written; "Try again" redraws (after a
 * fix made elsewhere, or once the data changed).
 */
export class ErrorCard extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    this.props.onError?.();
    // The extension page's own console, for a rep who sends a report; nothing leaves the browser.
    console.error(`Groundwork could not show ${this.props.what}:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="card error-card" data-testid="error-card">
        <p>
          <strong>{this.props.what} could not be shown.</strong> <span className="muted">{error.message}</span>
        </p>
        <p className="small muted">Your data is unchanged.</p>
        <button type="button" onClick={() => this.setState({ error: undefined })}>
          Try again
        </button>
      </div>
    );
  }
}
