/**
 * The app's context: the state, the translator and the theme every component of the page reads. App.svelte (and
 * nothing else) sets it; components call `appContext()` instead of receiving `app`, `t` and `dark` through props.
 * `t` and `dark` are getters over the app's derived values, so a component that reads them in its template or a
 * `$derived` follows a language or theme change.
 */
import { getContext, setContext } from 'svelte';
import type { Translate } from '../../i18n';
import type { AppState } from './app.svelte';
import type { Notices } from './notices.svelte';
import type { UrlSync } from '../share/url-sync.svelte';

export interface AppContext {
  readonly app: AppState;
  /** The translator of the page's current language. */
  readonly t: Translate;
  /** True when the page is drawn dark (the chosen theme, or the system's when the theme is automatic). */
  readonly dark: boolean;
  readonly notices: Notices;
  /** The address bar's mirror of the scenario: the one place a share link is written and read. */
  readonly sync: UrlSync;
}

const KEY = Symbol('yangfan.app');

/** Makes the context available to every component below the caller (call during App's initialisation). */
export function setAppContext(context: AppContext): void {
  setContext(KEY, context);
}

/** The app's context; throws when a component is mounted outside App (a programming error, not a user one). */
export function appContext(): AppContext {
  const context = getContext<AppContext | undefined>(KEY);
  if (!context) throw new Error('appContext() called outside App: mount the component inside App.svelte');
  return context;
}
