import { escapeHtml } from '../http/respond.js';

/** A plain page in the hosted UI's spirit: no scripts, one centred card. */
export function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0;display:flex;justify-content:center}
main{background:#fff;margin:48px 16px;padding:24px 32px;border-radius:8px;box-shadow:0 1px 4px #0002;width:100%;max-width:380px}
h1{font-size:1.3rem}label{display:block;margin:12px 0 4px}input{width:100%;box-sizing:border-box;padding:8px;font-size:1rem}
button{margin-top:16px;width:100%;padding:10px;font-size:1rem;cursor:pointer}.error{color:#b00020}.muted{color:#555;font-size:.9rem}
.demo{background:#fffbe6;border:1px solid #e6d480;padding:8px 12px;border-radius:4px;font-size:.9rem}
</style></head><body><main>${body}</main></body></html>`;
}

export { escapeHtml };
