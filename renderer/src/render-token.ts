/** Renders an inspect report (the core's JSON) as DOM, using textContent only: token content is untrusted. */
interface ClaimRow { name: string; value: unknown; explanation: string; time?: { utc: string; local: string; relative: string } }
interface Report {
  header?: Record<string, unknown>;
  claims?: ClaimRow[];
  warnings?: { code: string; message: string }[];
  problems?: { part: string; message: string }[];
  verification?: { status: string; checks?: { name: string; ok: boolean; detail: string }[] };
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string) => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
};

export function renderReport(target: HTMLElement, raw: unknown): void {
  const r = (raw ?? {}) as Report;
  target.replaceChildren();
  for (const p of r.problems ?? []) target.append(el('p', `${p.part}: ${p.message}`, 'problem'));
  for (const w of r.warnings ?? []) target.append(el('p', `⚠ ${w.message}`, 'warning'));
  if (r.verification) target.append(el('p', `signature and claims: ${r.verification.status}`, `verify ${r.verification.status}`));
  if (r.header) target.append(el('pre', JSON.stringify(r.header), 'header'));
  const table = el('table');
  for (const c of r.claims ?? []) {
    const tr = el('tr');
    tr.append(el('th', c.name));
    const value = el('td', typeof c.value === 'string' ? c.value : JSON.stringify(c.value), 'value');
    if (c.time) value.title = `${c.time.utc} UTC\n${c.time.local} local`;
    tr.append(value);
    tr.append(el('td', c.time ? `${c.explanation} (${c.time.relative})` : c.explanation, 'explain'));
    table.append(tr);
  }
  target.append(table);
}
