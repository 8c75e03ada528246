import { mount } from 'svelte';
import { registerSW } from 'virtual:pwa-register';
import App from './ui/app/App.svelte';
import './ui/app.css';

mount(App, { target: document.getElementById('app')! });

// The service worker (offline use, installation) precaches the whole app: registered once the page has loaded and
// the first charts are drawn, so its downloads do not compete with them.
addEventListener('load', () => setTimeout(() => registerSW({ immediate: true }), 1500));
