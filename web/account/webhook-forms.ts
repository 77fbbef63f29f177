// The account's webhook settings (reference 2.1): where delivery events go (URL, Authorization header,
// which events), where incoming messages go, and a test button for each that posts a sample payload to
// the URL in the form once and shows what the receiver answered. The Standard Webhooks signing secret
// can be generated, shown and cleared.
import { button, field, form, h, input, keepFocus, section, select } from '../shared/dom.js';
import { act, feedback } from '../shared/feedback.js';
import { OUTGOING_EVENTS, type AccountApi, type AccountSettings, type OutgoingEvent, type WebhookTestResult } from '../shared/types.js';
import { sampleIncoming, sampleOutgoing } from './sample-payloads.js';

/** What the receiver said, as the test call reports it. */
function testOutcome(r: WebhookTestResult): HTMLElement {
  const ok = r.Code >= 200 && r.Code < 300;
  return h(
    'div',
    { class: 'test-result' },
    h('p', { class: ok ? 'status' : 'error' }, r.Code ? `The receiver answered HTTP ${r.Code}${ok ? '.' : ': webhooks would be retried.'}` : `No answer: ${r.Error}`),
    r.Response ? h('div', null, h('p', { class: 'hint' }, 'Its response (first 512 bytes):'), h('pre', { class: 'snippet' }, r.Response)) : null,
  );
}

export function outgoingWebhookSection(api: AccountApi, s: AccountSettings): HTMLElement {
  const current = s.OutgoingWebhook;
  const url = input({ type: 'url', name: 'URL', value: current?.URL ?? '', placeholder: 'https://app.example.org/webhooks/mail', spellcheck: false, autocapitalize: 'none' });
  const authorization = input({ name: 'Authorization', value: current?.Authorization ?? '', placeholder: 'Bearer …', spellcheck: false, autocomplete: 'off' });
  const boxes = OUTGOING_EVENTS.map((e) => input({ type: 'checkbox', name: 'Events', value: e, checked: current?.Events.includes(e) ?? false }));
  const events = h('fieldset', { class: 'checks' }, h('legend', null, 'Events to send (none ticked: all of them)'), ...boxes.map((b) => h('label', null, b, ` ${b.value}`)));
  const testEvent = select(OUTGOING_EVENTS.map((e): [string, string] => [e, e]), { name: 'TestEvent' });
  const fields = { URL: url, Authorization: authorization, Events: boxes[0] };
  const fb = feedback();
  const testBox = h('div', { 'aria-live': 'polite' });
  const save = h('button', { type: 'submit', class: 'primary' }, 'Save');
  const store = (clear: boolean) => async () => {
    await api.call('OutgoingWebhookSave', clear ? { URL: '' } : { URL: url.value.trim(), Authorization: authorization.value, Events: boxes.filter((b) => b.checked).map((b) => b.value as OutgoingEvent) });
    if (clear) {
      url.value = '';
      authorization.value = '';
      for (const b of boxes) b.checked = false;
    }
    return clear ? 'Outgoing webhooks turned off.' : 'Saved. New events are posted to this URL.';
  };
  const test: HTMLButtonElement = button('Send test', () => {
    testBox.replaceChildren();
    void act(
      test,
      fb,
      async () => {
        if (!url.value.trim()) throw new Error('URL: enter the URL to test.');
        const result = await api.call('OutgoingWebhookTest', { URL: url.value.trim(), Authorization: authorization.value, Payload: sampleOutgoing(testEvent.value as OutgoingEvent) });
        testBox.replaceChildren(testOutcome(result));
      },
      fields,
    );
  });
  const clear: HTMLButtonElement = button('Turn off', () => void act(clear, fb, store(true), fields));
  return section(
    'Outgoing webhook',
    h('p', { class: 'hint' }, 'Postwire posts an event here for what happens to each message the account sends: delivered, delayed, failed, and so on.'),
    form(
      { class: 'stack' },
      () => void act(save, fb, store(false), fields),
      h('div', { class: 'grid' }, field('URL', url), field('Authorization header', authorization, 'Sent as is with every call; empty sends none.')),
      events,
      h('div', { class: 'actions' }, save, clear),
      h('div', { class: 'inline-form' }, field('Event for the test', testEvent), test),
      fb.element,
      testBox,
    ),
  );
}

export function incomingWebhookSection(api: AccountApi, s: AccountSettings): HTMLElement {
  const current = s.IncomingWebhook;
  const url = input({ type: 'url', name: 'URL', value: current?.URL ?? '', placeholder: 'https://app.example.org/webhooks/incoming', spellcheck: false, autocapitalize: 'none' });
  const authorization = input({ name: 'Authorization', value: current?.Authorization ?? '', spellcheck: false, autocomplete: 'off' });
  const fields = { URL: url, Authorization: authorization };
  const fb = feedback();
  const testBox = h('div', { 'aria-live': 'polite' });
  const save = h('button', { type: 'submit', class: 'primary' }, 'Save');
  const store = (clear: boolean) => async () => {
    await api.call('IncomingWebhookSave', clear ? { URL: '' } : { URL: url.value.trim(), Authorization: authorization.value });
    if (clear) {
      url.value = '';
      authorization.value = '';
    }
    return clear ? 'Incoming webhooks turned off.' : 'Saved. Messages the account receives are posted to this URL.';
  };
  const test: HTMLButtonElement = button('Send test', () => {
    testBox.replaceChildren();
    void act(
      test,
      fb,
      async () => {
        if (!url.value.trim()) throw new Error('URL: enter the URL to test.');
        const result = await api.call('IncomingWebhookTest', { URL: url.value.trim(), Authorization: authorization.value, Payload: sampleIncoming(s.Addresses.find((a) => !a.startsWith('@')) ?? 'you@example.org') });
        testBox.replaceChildren(testOutcome(result));
      },
      fields,
    );
  });
  const clear: HTMLButtonElement = button('Turn off', () => void act(clear, fb, store(true), fields));
  return section(
    'Incoming webhook',
    h('p', { class: 'hint' }, 'Postwire posts each message the account receives here, parsed.'),
    form(
      { class: 'stack' },
      () => void act(save, fb, store(false), fields),
      h('div', { class: 'grid' }, field('URL', url), field('Authorization header', authorization)),
      h('div', { class: 'actions' }, save, test, clear),
      fb.element,
      testBox,
    ),
  );
}

/** `whsec_` and the base64 of 32 random bytes, the Standard Webhooks form. */
export function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `whsec_${btoa(binary)}`;
}

export function secretSection(api: AccountApi, s: AccountSettings): HTMLElement {
  const fb = feedback();
  const body = h('div');
  const reload = () => keepFocus(async () => draw((await api.call('AccountSettingsGet', {})).WebhookSecret), 'secret-generate');

  function draw(secret: string): void {
    const shown = h('code', { class: 'secret', hidden: true }, secret);
    const show: HTMLButtonElement = button(
      'Show secret',
      () => {
        shown.hidden = !shown.hidden;
        show.textContent = shown.hidden ? 'Show secret' : 'Hide secret';
        show.setAttribute('aria-expanded', String(!shown.hidden));
      },
      { 'aria-expanded': 'false', 'data-key': 'secret-show' },
    );
    const generate: HTMLButtonElement = button(
      secret ? 'Generate a new secret…' : 'Generate a secret',
      () =>
        void act(generate, fb, async () => {
          if (secret && !confirm('Replace the secret? Receivers must use the new one from the next webhook on.')) return;
          await api.call('WebhookSecretSave', { Secret: newSecret() });
          await reload();
          return 'A new secret was saved; webhooks are signed with it from now on. Press “Show secret” to copy it.';
        }),
      { 'data-key': 'secret-generate' },
    );
    const clear: HTMLButtonElement = button(
      'Stop signing…',
      () =>
        void act(clear, fb, async () => {
          if (!confirm('Remove the secret? Webhooks are then sent without signature headers.')) return;
          await api.call('WebhookSecretSave', { Secret: '' });
          await reload();
          return 'Webhooks are no longer signed.';
        }),
      { class: 'danger', 'data-key': 'secret-clear' },
    );
    body.replaceChildren(
      h('p', null, secret ? 'Webhooks are signed.' : 'Webhooks are not signed.'),
      secret ? h('p', null, shown) : '',
      h('div', { class: 'actions' }, secret ? show : '', generate, secret ? clear : ''),
    );
  }

  draw(s.WebhookSecret);
  return section(
    'Signing secret',
    h(
      'p',
      { class: 'hint' },
      'With a secret, each webhook carries the Standard Webhooks headers webhook-id, webhook-timestamp and webhook-signature, which receivers can check with any Standard Webhooks library.',
    ),
    body,
    fb.element,
  );
}
