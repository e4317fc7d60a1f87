/**
 * The last line of defence: if part of the add-in fails to load or draw, the pane says so in
 * plain words and what to do, instead of going blank.
 */
import { Component, type ReactNode } from 'react';
import { Notice } from './Notice';

export class LoadFailure extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div style={{ padding: 12 }}>
        <Notice
          intent="error"
          title="The add-in could not start"
          message={`${this.state.error.message}. Close the pane and open it again from the Home tab. If this keeps happening, ask your IT team to check that the add-in was published in full.`}
        />
      </div>
    );
  }
}
