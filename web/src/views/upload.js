// Upload: file picker and drag-and-drop; per file, the upload's progress (XHR upload events),
// then the ingest job's progress polled from /api/jobs/{id}; errors shown on the file's row.
import { h, replace, fmtBytes, docLink } from '../dom.js';
import { get, upload, enc } from '../api.js';

const CONCURRENT = 2;

export async function render(root, ctx) {
  const input = h('input', { type: 'file', multiple: true, id: 'file-input', class: 'visually-hidden', accept: '.txt,.md,.html,.htm,.pdf,text/*,application/pdf' });
  const zone = h('label', { class: 'dropzone', for: 'file-input' },
    h('div', { class: 'big' }, 'Drop files here'),
    h('div', { class: 'muted' }, 'or click to choose · text, Markdown, HTML, PDF · each file is stored, de-duplicated and extracted'));
  const rows = h('tbody');
  const table = h('table', { class: 'grid uploads', hidden: true },
    h('thead', null, h('tr', null, h('th', null, 'File'), h('th', { class: 'num' }, 'Size'), h('th', null, 'Upload'), h('th', null, 'Ingest'), h('th', null, 'Result'))), rows);
  replace(root, h('div', { class: 'upload-view' }, h('h1', null, 'Add documents'), input, zone, table));

  const queue = [];
  let active = 0;
  const timers = new Set();

  function add(files) {
    for (const file of files) {
      const bar = h('progress', { max: 100, value: 0 });
      const jobBar = h('progress', { max: 100, value: 0, hidden: true });
      const state = h('span', { class: 'muted' }, 'waiting');
      const result = h('td', { class: 'result' });
      const tr = h('tr', { class: 'file-row', dataset: { name: file.name } },
        h('td', null, file.name), h('td', { class: 'num' }, fmtBytes(file.size)), h('td', null, bar), h('td', null, jobBar, ' ', state), result);
      rows.append(tr);
      queue.push({ file, bar, jobBar, state, result, tr });
    }
    table.hidden = !rows.firstChild;
    pump();
  }

  function pump() {
    while (active < CONCURRENT && queue.length) {
      active++;
      send(queue.shift()).finally(() => { active--; pump(); });
    }
  }

  async function send(item) {
    const { file, bar, jobBar, state, result, tr } = item;
    state.textContent = 'uploading';
    let res;
    try {
      res = await upload(file, (loaded, total) => { bar.value = total ? Math.round((loaded / total) * 100) : 0; });
    } catch (e) {
      fail(tr, state, result, `upload failed: ${e.message}`);
      return;
    }
    bar.value = 100;
    const jobId = res && (res.job != null ? (typeof res.job === 'object' ? res.job.id : res.job) : res.id);
    if (jobId == null) { state.textContent = 'stored'; return; }
    jobBar.hidden = false;
    state.textContent = 'queued';
    await poll(jobId, item);
  }

  async function poll(id, { jobBar, state, result, tr }) {
    for (;;) {
      if (ctx.signal.aborted) return;
      let job;
      try {
        job = await get(`/api/jobs/${enc(id)}`, null, { signal: ctx.signal, quiet: true });
      } catch (e) {
        if (e.name === 'AbortError') return;
        fail(tr, state, result, `job ${id}: ${e.message}`);
        return;
      }
      const total = job.total || 1;
      jobBar.value = Math.round(((job.done || 0) / total) * 100);
      state.textContent = `${job.state} ${job.done || 0}/${job.total || 0}`;
      if (job.state === 'done' || job.state === 'failed') {
        jobBar.value = 100;
        const errs = job.errors || [];
        replace(result,
          job.added ? h('span', { class: 'ok' }, `${job.added} added`) : null,
          job.duplicates ? h('span', { class: 'muted' }, ` ${job.duplicates} already stored`) : null,
          (job.docs || []).map((d) => h('span', null, ' · ', docLink(d.id || d, d.title || 'open document'))),
          errs.map((e) => h('div', { class: 'err' }, e.file && !String(e.error).startsWith(e.file) ? `${e.file}: ` : '', e.error)));
        if (job.state === 'failed' || errs.length) tr.classList.add('failed');
        else tr.classList.add('done');
        window.dispatchEvent(new Event('nexus:changed'));
        return;
      }
      await new Promise((r) => { const t = setTimeout(() => { timers.delete(t); r(); }, 500); timers.add(t); });
    }
  }

  function fail(tr, state, result, msg) {
    tr.classList.add('failed');
    state.textContent = 'failed';
    replace(result, h('div', { class: 'err' }, msg));
  }

  input.addEventListener('change', () => { add([...input.files]); input.value = ''; });
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => { e.preventDefault(); zone.classList.remove('over'); add([...e.dataTransfer.files]); });
  return () => timers.forEach((t) => clearTimeout(t));
}
