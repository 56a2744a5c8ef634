// Catches an exception thrown while drawing the charts, so one bad render
// cannot blank the page. The store is not touched: every recorded run stays,
// the controls beside the charts keep working, and the runs can be exported
// before the charts are drawn again.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { LabStore } from '../store/store.ts';
import { downloadFile, exportAndSave } from '../ui/ExportMenu.tsx';

export interface PanelBoundaryProps {
  store: LabStore;
  children: ReactNode;
}

interface PanelBoundaryState {
  failure: string | null;
  exported: string | null;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

export class PanelBoundary extends Component<PanelBoundaryProps, PanelBoundaryState> {
  override state: PanelBoundaryState = { failure: null, exported: null };

  static getDerivedStateFromError(error: unknown): Partial<PanelBoundaryState> {
    return { failure: describe(error), exported: null };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The console keeps the component stack for whoever reports the fault; the page shows the message.
    console.error('The charts failed to draw:', error, info.componentStack);
  }

  private exportJson = async () => {
    try {
      const outcome = await exportAndSave('json', this.props.store.getState().runs, (file) => downloadFile(file));
      this.setState({ exported: outcome.message });
    } catch (error) {
      this.setState({ exported: `Export failed: ${describe(error)}` });
    }
  };

  private reload = () => this.setState({ failure: null, exported: null });

  override render(): ReactNode {
    const { failure, exported } = this.state;
    if (failure === null) return this.props.children;
    return (
      <div className="notice error" role="alert" data-testid="panel-error">
        <div className="notice-body">
          The charts failed to draw ({failure}). Every recorded run is kept: export them, or draw the charts again.
        </div>
        <button type="button" data-testid="panel-error-export" onClick={this.exportJson}>
          Export JSON
        </button>
        <button type="button" data-testid="panel-error-reload" onClick={this.reload}>
          Reload the charts
        </button>
        {exported !== null && (
          <p role="status" data-testid="panel-error-export-message">
            {exported}
          </p>
        )}
      </div>
    );
  }
}
