import './styles.css';
import { ApiError, loadSession, logOut, waitNotice, whileBuilding } from './api.js';
import { desk } from './desk.js';
import { h, replaceChildren } from './dom.js';
import { matchRoute, type Route, type View } from './router.js';
import { auditView } from './views/audit.js';
import { eventView } from './views/event.js';
import { ledgerView } from './views/ledger.js';
import { loginView } from './views/login.js';
import { timelineView } from './views/timeline.js';

/** The map (Leaflet and the country shapes) loads only when it is opened. */
const mapView: View = async (main, url, signal) =>
  (await import('./views/map.js')).mapView(main, url, signal);

const ROUTES: readonly Route[] = [
  { pattern: /^\/$/, view: () => ledgerView },
  { pattern: /^\/map$/, view: () => mapView },
  { pattern: /^\/timeline$/, view: () => timelineView },
  { pattern: /^\/audit$/, view: () => auditView },
  { pattern: /^\/events\/([^/]+)$/, view: ([id]) => eventView(id ?? '') },
];

const NAV = [
  ['/', 'Ledger'],
  ['/map', 'Map'],
  ['/timeline', 'Timeline'],
  ['/audit', 'Audit log'],
] as const;

const main = document.getElementById('main') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;
const who = document.getElementById('who') as HTMLElement;
let current: AbortController | null = null;

function drawNav(path: string): void {
  replaceChildren(
    nav,
    h(
      'ul',
      {},
      ...NAV.map(([href, label]) =>
        h('li', {}, h('a', { href, 'aria-current': href === path ? 'page' : null }, label)),
      ),
    ),
  );
  const user = desk.session?.user ?? null;
  replaceChildren(
    who,
    user === null ? null : `${user.name} (${user.role})`,
    desk.session?.mode === 'accounts' && user !== null
      ? h(
          'button',
          {
            type: 'button',
            class: 'link-button',
            on: {
              click: () => {
                void logOut().then(() => start());
              },
            },
          },
          'Log out',
        )
      : null,
  );
}

async function render(): Promise<void> {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const url = new URL(window.location.href);
  const needsLogin = desk.session?.mode === 'accounts' && desk.session.user === null;
  drawNav(url.pathname);
  main.setAttribute('aria-busy', 'true');
  try {
    if (needsLogin) {
      await loginView(main, () => void start());
      return;
    }
    const view = matchRoute(ROUTES, url.pathname);
    if (view === null) {
      replaceChildren(
        main,
        h('h1', {}, 'Not found'),
        h('p', {}, 'No page at this address. ', h('a', { href: '/' }, 'Go to the ledger')),
      );
      return;
    }
    await view(main, url, controller.signal);
  } catch (error) {
    if (controller.signal.aborted) return;
    if (error instanceof ApiError && error.status === 401) {
      desk.session = { mode: 'accounts', user: null, csrfToken: null };
      await render();
      return;
    }
    // Not yet (the ledger is being built): say how far it has got, and show the page once it is built.
    const wait = waitNotice(error);
    if (wait !== null) {
      const notice = h('p', { role: 'status', class: 'wait-notice' }, wait.message);
      replaceChildren(
        main,
        h('h1', {}, 'Not ready yet'),
        notice,
        h('p', {}, `This page follows the build every ${wait.seconds} s and opens once it is done.`),
      );
      void whileBuilding(wait.seconds, controller.signal, (message) => {
        notice.textContent = message;
      }).then((again) => {
        if (again && current === controller) void render();
      });
      return;
    }
    if (error instanceof ApiError && error.status === 404) {
      replaceChildren(
        main,
        h('h1', {}, 'Not found'),
        h('p', { role: 'alert' }, error.message, '. ', h('a', { href: '/' }, 'Go to the ledger')),
      );
      return;
    }
    replaceChildren(
      main,
      h('h1', {}, 'Something went wrong'),
      h('p', { role: 'alert', class: 'error' }, error instanceof Error ? error.message : String(error)),
    );
  } finally {
    if (current === controller) main.setAttribute('aria-busy', 'false');
  }
}

desk.navigate = (path, options = {}) => {
  const from = window.location.pathname;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  // On a new page, keyboard and screen-reader users start at its content; a new filter or
  // sort keeps them where they are.
  const newPage = window.location.pathname !== from;
  void render().then(() => {
    if (newPage) main.focus();
  });
};
desk.refresh = () => void render();

// Links inside the app move without reloading; API links (exports) are ordinary downloads.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
    return;
  // HTML and SVG links alike (an SVG link's href is not a string property).
  const link = (event.target as Element | null)?.closest('a');
  const href = link?.getAttribute('href') ?? null;
  if (link === null || link === undefined || href === null) return;
  if ((link.getAttribute('target') ?? '') !== '' || link.hasAttribute('download')) return;
  const url = new URL(href, window.location.href);
  if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
  event.preventDefault();
  desk.navigate(url.pathname + url.search + url.hash);
});
window.addEventListener('popstate', () => void render());

async function start(): Promise<void> {
  try {
    desk.session = await loadSession();
  } catch (error) {
    replaceChildren(
      main,
      h('h1', {}, 'The desk does not answer'),
      h('p', { role: 'alert', class: 'error' }, error instanceof Error ? error.message : String(error)),
    );
    return;
  }
  await render();
}

void start();
