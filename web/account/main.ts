// The account pages (/account/): webhook settings and tests, FromID, retention, the suppression list,
// the account's own messages with their timelines and its latest webhooks, all through the webapi with
// the account's login address and password.
import type { paths } from '../../src/api/generated/webapi.js';
import { Api } from '../shared/api.js';
import { startApp } from '../shared/app.js';
import type { AccountApi } from '../shared/types.js';
import { liveHooksView } from './live-hooks-view.js';
import { accountHistoryView, accountMessageView, accountQueueView } from './messages-view.js';
import { settingsView } from './settings-view.js';
import { suppressionsView } from './suppressions-view.js';

startApp<AccountApi>({
  name: 'Postwire account',
  sessionKey: 'postwire.account',
  home: '#/settings',
  nav: [
    ['#/settings', 'Settings'],
    ['#/suppressions', 'Suppressions'],
    ['#/queue', 'Queue'],
    ['#/history', 'History'],
    ['#/webhooks', 'Webhooks'],
  ],
  routes: [
    { path: /^settings$/, render: settingsView },
    { path: /^suppressions$/, render: suppressionsView },
    { path: /^queue$/, render: accountQueueView },
    { path: /^history$/, render: accountHistoryView },
    { path: /^message\/(\d+)$/, render: (ctx, m) => accountMessageView(ctx, Number(m[1])) },
    { path: /^webhooks$/, render: liveHooksView },
  ],
  api: (session, onUnauthorized) => new Api<paths, '/webapi/v0/'>('/webapi/v0/', () => session.get(), onUnauthorized),
  login: {
    userLabel: 'E-mail address',
    intro: 'Log in with an e-mail address of your account and its password.',
    check: (api, credentials) => api.callAs(credentials, 'AccountSettingsGet', {}),
  },
});
