// The admin pages (/admin/): the queue and its history, webhooks, hold rules, domains, accounts and the
// read models, all through the adminapi with user `admin` and the admin password.
import type { paths } from '../../src/api/generated/adminapi.js';
import { Api } from '../shared/api.js';
import { startApp } from '../shared/app.js';
import type { AdminApi } from '../shared/types.js';
import { accountView } from './account-view.js';
import { accountsView } from './accounts-view.js';
import { domainsView } from './domains-view.js';
import { holdRulesView } from './holdrules-view.js';
import { hooksView, retiredHooksView } from './hooks-view.js';
import { adminMessageView } from './message-view.js';
import { projectionsView } from './projections-view.js';
import { queueView } from './queue-view.js';
import { retiredView } from './retired-view.js';

startApp<AdminApi>({
  name: 'Postwire admin',
  sessionKey: 'postwire.admin',
  home: '#/queue',
  nav: [
    ['#/queue', 'Queue'],
    ['#/retired', 'Retired'],
    ['#/webhooks', 'Webhooks'],
    ['#/holdrules', 'Hold rules'],
    ['#/domains', 'Domains'],
    ['#/accounts', 'Accounts'],
    ['#/projections', 'Read models'],
  ],
  routes: [
    { path: /^queue$/, render: queueView },
    { path: /^retired$/, render: retiredView },
    { path: /^message\/(\d+)$/, render: (ctx, m) => adminMessageView(ctx, Number(m[1])) },
    { path: /^webhooks$/, render: hooksView },
    { path: /^webhooks\/retired$/, render: retiredHooksView },
    { path: /^holdrules$/, render: holdRulesView },
    { path: /^domains$/, render: domainsView },
    { path: /^accounts$/, render: accountsView },
    { path: /^accounts\/(.+)$/, render: (ctx, m) => accountView(ctx, m[1]) },
    { path: /^projections$/, render: projectionsView },
  ],
  api: (session, onUnauthorized) => new Api<paths, '/adminapi/v0/'>('/adminapi/v0/', () => session.get(), onUnauthorized),
  login: {
    fixedUser: 'admin',
    intro: 'Log in with the admin password.',
    check: (api, credentials) => api.callAs(credentials, 'HoldRuleList', {}),
  },
});
