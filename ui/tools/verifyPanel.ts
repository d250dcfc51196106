import { verifyLog } from '../../engine/core/verify.ts';
import { describeLogProblem } from '../../engine/i18n/describe.ts';
import type { Locale } from '../../engine/i18n/locale.ts';
import { catalogFor, replayCheckerFor } from '../../engine/kinds.ts';
import { fileChunks } from '../game/fileChunks.ts';
import { t } from '../i18n/t.ts';

export function verifyPanel(locale: Locale): HTMLElement {
  const section = document.createElement('section');
  section.className = 'card';
  section.innerHTML = `
    <h2></h2>
    <p class="help"></p>
    <label for="log-file"></label>
    <input id="log-file" type="file" accept=".jsonl,application/x-ndjson,application/json,text/plain" />
    <div class="result" role="status" hidden></div>`;
  section.querySelector('h2')!.textContent = t(locale, 'verify.title');
  section.querySelector('.help')!.textContent = t(locale, 'verify.help');
  section.querySelector('label')!.textContent = `${t(locale, 'verify.file')} `;
  const input = section.querySelector('input')!;
  const result = section.querySelector<HTMLDivElement>('.result')!;
  const show = (text: string, ok: boolean | null) => {
    result.hidden = false;
    result.textContent = text;
    result.className = `result${ok === null ? '' : ok ? ' ok' : ' bad'}`;
    result.dataset.state = ok === null ? 'busy' : ok ? 'ok' : 'bad';
  };
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    show(t(locale, 'verify.checking', { name: file.name }), null);
    try {
      // Session logs are replayed round by round here, in the browser, against their state hashes.
      const verdict = await verifyLog(fileChunks(file), catalogFor, { checkerFor: replayCheckerFor });
      if (verdict.ok) {
        const head = verdict.count === 0 ? verdict.headerHash : verdict.head;
        show(t(locale, 'log.verified', { count: verdict.count, head }), true);
        result.dataset.head = head;
      } else {
        show(describeLogProblem(verdict.problem, locale), false);
      }
    } catch (error) {
      show(t(locale, 'verify.unreadable', { reason: (error as Error).message }), false);
    }
  });
  return section;
}
