import { mount } from 'svelte';
import { registerSW } from 'virtual:pwa-register';
import App from './ui/app/App.svelte';
import './ui/app.css';

mount(App, { target: document.getElementById('app')! });

// The service worker (offline use, installation) precaches the whole app: registered once the page has loaded and
// the first charts are drawn, so its downloads do not compete with them. Not from an embedded view: the worker
// would answer later embeds with the cached full-app page and its headers (frame-ancestors 'self'), and a host page
// could no longer frame it (see README, Hosting).
if (!new URLSearchParams(location.search).has('embed'))
  addEventListener('load', () => setTimeout(() => registerSW({ immediate: true }), 1500));
