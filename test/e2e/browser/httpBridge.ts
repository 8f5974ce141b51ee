import { buildBridge } from '../../../shared/bridge';

/**
 * The e2e host's stand-in for the preload: the same `buildBridge`, over HTTP to 127.0.0.1 with
 * the host's token instead of IPC. Served as a classic script so it runs before the app.
 */
const script = document.currentScript as HTMLScriptElement;
const token = script.dataset.token ?? '';
const channels = JSON.parse(script.dataset.channels ?? '[]') as string[];
let source: EventSource | undefined;

(window as unknown as { quorum: unknown }).quorum = buildBridge(
  channels,
  async (channel, input) => {
    const res = await fetch(`/ipc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-quorum-token': token },
      body: JSON.stringify(input === undefined ? {} : input),
    });
    return res.json();
  },
  (event, listener) => {
    // One EventSource for every subscription: Chromium allows six connections per host, and a
    // stream per listener would starve the bridge's own requests.
    source ??= new EventSource(`/events?token=${encodeURIComponent(token)}`);
    const handler = (e: MessageEvent) => listener(JSON.parse(e.data));
    source.addEventListener(event, handler as EventListener);
    return () => source?.removeEventListener(event, handler as EventListener);
  },
);
