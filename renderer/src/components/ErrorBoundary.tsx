import { Component, createElement, lazy, type ComponentType, type ErrorInfo, type ReactNode } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { forgetSharedAnswers } from '../bridge';

type Props = { what: string; children: ReactNode };
type State = { error: Error | null };

/**
 * Catches what a screen throws while drawing, so one fault shows what failed and where, and the
 * rest of Quorum (the navigation, the other screens) stays usable. "Try again" redraws the screen;
 * "Reload Quorum" starts the window afresh. Nothing in the store is touched.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.what} stopped working`, error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <MessageBar intent="error" role="alert" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{this.props.what} stopped working</MessageBarTitle>
          {error.message || String(error)} Your records are safe: nothing was saved or lost. Try again, or reload Quorum; the other areas still work.
        </MessageBarBody>
        <MessageBarActions>
          <Button
            onClick={() => {
              forgetSharedAnswers(); // "Try again" asks main again, not the answer that failed to draw
              this.setState({ error: null });
            }}
          >
            Try again
          </Button>
          <Button onClick={() => window.location.reload()}>Reload Quorum</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A screen loaded when first opened, with its chunk fetched again (twice, after a pause) if the
 * first fetch fails, as it can while the disk is busy or just after an update. A chunk that still
 * cannot be loaded reaches the screen's ErrorBoundary, which offers to reload. `preload()` fetches
 * it ahead (the window does, once the first screen is shown and the window is idle), so opening
 * the screen later waits for its data, not its code.
 */
export const lazyScreen = <P extends object>(load: () => Promise<ComponentType<P>>, attempts = 3) => {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  let loaded: ComponentType<P> | undefined;
  const get = () =>
    (loading ??= (async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          loaded = await load();
          return { default: loaded };
        } catch (err) {
          if (attempt >= attempts) {
            loading = undefined; // the next opening tries afresh
            throw new Error(`Part of Quorum could not be loaded (${(err as Error).message})`, { cause: err });
          }
          await pause(250 * attempt);
        }
      }
    })());
  const Lazy = lazy(get);
  // Once loaded (opened before, or preloaded), the screen renders at once: through lazy() it would
  // still suspend for a moment, and React holds a revealed Suspense boundary back up to 300 ms.
  const Screen = (props: P) => (loaded ? createElement(loaded, props) : createElement(Lazy as ComponentType<P>, props));
  return Object.assign(Screen, { preload: () => void get().catch(() => undefined) });
};
