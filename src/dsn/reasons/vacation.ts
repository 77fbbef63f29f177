// Auto-replies (RFC 3834): out-of-office and vacation notices are not bounces. Subjects and openings they use.
export const AUTO_REPLY_SUBJECT = /^(?:auto(?:matic)?[ -]?(?:reply|response|antwort)|out of (?:the )?office|vacation|away from|abwesenheit|absence|r[eé]ponse automatique|respuesta autom[aá]tica|risposta automatica|autoreply|auto:|ooo\b|on leave)/i;

export const AUTO_REPLY_TEXT = [
  'out of the office', 'out of office', 'on vacation', 'away from the office', 'away from my desk', 'i am away',
  "i'm away", 'i am currently away', 'currently out of', 'on annual leave', 'on holiday', 'will be back on',
  'will return on', 'limited access to email', 'automatic reply', 'auto-reply', 'abwesend', 'en congés',
];
