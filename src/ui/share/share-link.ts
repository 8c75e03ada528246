/** The share URL of the app's current state (the codec is loaded on first use). */
import { loadCodec } from './url-sync.svelte';
import { shareUrl } from './link-hash';
import type { AppState } from '../app/app.svelte';

export async function currentShareUrl(app: AppState): Promise<string> {
  const codec = await loadCodec();
  return shareUrl(location, codec.encodeLink(app.linkState()));
}
