// The base address a suppression is keyed on (mox queue/suppression.go baseAddress): one entry covers
// every variant of a mailbox. The rule is fixed and independent of the configured catch-all separators:
// cut the localpart at the first "+", then at the first "-", remove all dots, lower-case it (Unicode
// aware); the domain stays as parsed, in its lower-case Unicode form.
import { formatEmailAddress, parseEmailAddress, type EmailAddress } from './email-address';

export function baseLocalpart(localpart: string): string {
  let s = localpart;
  const plus = s.indexOf('+');
  if (plus >= 0) s = s.slice(0, plus);
  const dash = s.indexOf('-');
  if (dash >= 0) s = s.slice(0, dash);
  return s.replaceAll('.', '').toLowerCase();
}

export function baseAddressOf(address: EmailAddress): string {
  return formatEmailAddress({ ...address, localpart: baseLocalpart(address.localpart) });
}

/** Parses and returns the base address; throws InvalidEmailAddress. */
export function baseAddress(input: string): string {
  return baseAddressOf(parseEmailAddress(input));
}
