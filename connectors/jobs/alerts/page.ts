// The page where a citizen connects job alerts: Swedish by default, English with ?lang=en.
// Every value is escaped; nothing a requester or another site wrote is shown.

export type Lang = 'sv' | 'en';

export const TEXT = {
  sv: {
    title: 'Jobbevakning', lead: 'Få nya jobbannonser som passar dig direkt i din pod.',
    how: 'Vi ber om att få läsa dina önskemål (yrken, orter, omfattning) i din pod. Du godkänner i din pod och kan ta tillbaka ditt godkännande när du vill. Då slutar vi skicka annonser och raderar vår kopia.',
    webId: 'Ditt WebID', webIdHint: 'Adressen till din profil, t.ex. https://pods.example/anna/profile/card#me',
    skills: 'Läs också mina kompetenser, så att annonserna passar bättre', submit: 'Skicka förfrågan',
    sent: 'Förfrågan är skickad', sentLead: 'Öppna din pod och godkänn förfrågan från oss. Därefter kommer nya annonser som passar dig till din inkorg.',
    openPod: 'Öppna din pod', other: 'In English', otherLang: 'en',
    errors: {
      webIdMissing: 'Skriv ditt WebID.', webIdInvalid: 'Det här är ingen webbadress som börjar med https://.',
      noInbox: 'Vi hittade ingen inkorg i profilen på den adressen. Kontrollera att det är ditt WebID.',
      coolDown: 'Du sa nej till oss nyligen. Vi kan fråga igen om {s} sekunder.', pending: 'Du har redan förfrågningar från oss som väntar i din pod.',
      refused: 'Din pod tog inte emot förfrågan ({status}).', tooMany: 'För många försök. Vänta {s} sekunder och försök igen.',
    },
  },
  en: {
    title: 'Job alerts', lead: 'Get new job ads that suit you straight into your pod.',
    how: 'We ask to read your preferences (occupations, places, working time) in your pod. You approve in your pod and can withdraw whenever you like. Then we stop sending ads and delete our copy.',
    webId: 'Your WebID', webIdHint: 'The address of your profile, e.g. https://pods.example/anna/profile/card#me',
    skills: 'Also read my skills, so that the ads fit better', submit: 'Send the request',
    sent: 'The request is sent', sentLead: 'Open your pod and approve our request. After that, new ads that suit you arrive in your inbox.',
    openPod: 'Open your pod', other: 'På svenska', otherLang: 'sv',
    errors: {
      webIdMissing: 'Enter your WebID.', webIdInvalid: 'This is not a web address starting with https://.',
      noInbox: 'We found no inbox in the profile at that address. Check that it is your WebID.',
      coolDown: 'You said no to us recently. We can ask again in {s} seconds.', pending: 'Requests from us are already waiting in your pod.',
      refused: 'Your pod did not take the request ({status}).', tooMany: 'Too many attempts. Wait {s} seconds and try again.',
    },
  },
} as const;

export type ErrorKey = keyof typeof TEXT.sv.errors;

export function langOf(query: unknown): Lang {
  return query === 'en' ? 'en' : 'sv';
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An error message with its {placeholders} filled in. */
export function errorText(lang: Lang, key: ErrorKey, values: Record<string, string | number> = {}): string {
  return TEXT[lang].errors[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

function layout(lang: Lang, title: string, body: string): string {
  const t = TEXT[lang];
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font:17px/1.5 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1b1f24}
main{max-width:36rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px}
label{display:block;font-weight:600;margin-top:1rem}.hint{color:#555;margin:.2rem 0}
input[type=url]{width:100%;box-sizing:border-box;padding:.5rem;font:inherit}
.error{color:#a00;font-weight:600;margin:.2rem 0}.check{font-weight:400}
button{margin-top:1.2rem;padding:.6rem 1.2rem;font:inherit;background:#1d5fa8;color:#fff;border:0;border-radius:4px}
nav{text-align:right}
</style></head>
<body><main><nav><a href="/alerts?lang=${t.otherLang}" lang="${t.otherLang}">${t.other}</a></nav>
${body}
</main></body></html>
`;
}

export function alertsForm(lang: Lang, state: { webId?: string; skills?: boolean; error?: string } = {}): string {
  const t = TEXT[lang];
  const describedBy = state.error ? 'webId-hint webId-error' : 'webId-hint';
  return layout(lang, t.title, `<h1>${t.title}</h1>
<p>${t.lead}</p>
<p>${t.how}</p>
<form method="post" action="/alerts?lang=${lang}">
<label for="webId">${t.webId}</label>
<p class="hint" id="webId-hint">${t.webIdHint}</p>
${state.error ? `<p class="error" id="webId-error">${escapeHtml(state.error)}</p>` : ''}
<input id="webId" name="webId" type="url" required aria-describedby="${describedBy}"${state.error ? ' aria-invalid="true"' : ''} value="${escapeHtml(state.webId ?? '')}">
<label class="check"><input type="checkbox" name="skills" value="yes"${state.skills ? ' checked' : ''}> ${t.skills}</label>
<button type="submit">${t.submit}</button>
</form>`);
}

export function alertsSent(lang: Lang, podOrigin: string): string {
  const t = TEXT[lang];
  return layout(lang, t.sent, `<h1>${t.sent}</h1>
<p>${t.sentLead}</p>
<p><a href="${escapeHtml(podOrigin)}">${t.openPod}</a></p>`);
}
