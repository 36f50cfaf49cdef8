import { describe, expect, it } from 'vitest';
import { timelineHandlers } from '../../../../main/core/desktop/timeline-handlers.js';
import { createRecorder } from '../../../../main/core/trace/recorder.js';
import { marker } from '../../../../main/core/trace/redact.js';

const step = (profile: string, url: string) => ({ profile, kind: 'browser' as const, startedAt: Date.UTC(2026, 0, 1), durationMs: 3, method: 'GET', url, status: 302, request: { headers: [] as Array<[string, string]> } });

describe('timeline handlers', () => {
  const recorder = createRecorder({ clock: { now: () => 0 } });
  recorder.note(step('a', 'http://localhost:53682/callback?code=one&state=s'));
  recorder.note(step('b', 'http://localhost:53682/callback?code=two&state=s'));
  recorder.note(step('a', 'http://localhost:53682/second'));
  const h = timelineHandlers(recorder, '9.9.9');

  it('timeline:list: one profile\'s exchanges, newest first, redacted', async () => {
    const list = await h['timeline:list']({ profile: 'a' });
    expect(list.map((e) => e.url)).toEqual(['http://localhost:53682/second', `http://localhost:53682/callback?code=${marker('one')}&state=s`]);
  });

  it('timeline:har: a HAR 1.2 document of that profile (oldest first, as HAR orders), named for it', async () => {
    const har = await h['timeline:har']({ profile: 'a' });
    expect(har.fileName).toMatch(/^a-\d{4}-\d{2}-\d{2}T[\d-]+Z\.har$/);
    const doc = JSON.parse(har.content) as { log: { version: string; creator: { version: string }; entries: Array<{ request: { url: string } }> } };
    expect([doc.log.version, doc.log.creator.version]).toEqual(['1.2', '9.9.9']);
    expect(doc.log.entries.map((e) => e.request.url)).toEqual([`http://localhost:53682/callback?code=${marker('one')}&state=s`, 'http://localhost:53682/second']);
    expect(har.content).not.toContain('code=one');
  });
});
