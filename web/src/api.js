// The JSON API (see /api/openapi.json): fetch with errors shown in the page's error bar.
import { h, qs, replace } from './dom.js';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function bar() { return document.getElementById('error'); }

export function showError(message) {
  const el = bar();
  if (!el) return;
  replace(el, h('span', null, message),
    h('button', { class: 'link', type: 'button', onclick: () => { el.hidden = true; } }, 'dismiss'));
  el.hidden = false;
}

export function clearError() {
  const el = bar();
  if (el) el.hidden = true;
}

async function request(method, path, { params, body, signal, quiet } = {}) {
  const q = qs(params);
  const url = q ? `${path}?${q}` : path;
  const init = { method, signal, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(url, init);
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    const err = new ApiError(0, `${method} ${path}: the server could not be reached (${e.message})`);
    if (!quiet) showError(err.message);
    throw err;
  }
  const text = await res.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (!res.ok) {
    const msg = (data && data.error) || text.slice(0, 200) || res.statusText;
    const err = new ApiError(res.status, `${method} ${path}: ${res.status} ${msg}`);
    if (!quiet || res.status >= 500) showError(err.message);
    throw err;
  }
  return data;
}

export const get = (path, params, opts = {}) => request('GET', path, { ...opts, params });
export const post = (path, body, opts = {}) => request('POST', path, { ...opts, body });
export const put = (path, body, opts = {}) => request('PUT', path, { ...opts, body });

export const enc = encodeURIComponent;

const DONE = {
  merge: 'Merged', split: 'Split off', set_type: 'Type changed', add_alias: 'Alias added',
  confirm_claim: 'Claim confirmed', reject_claim: 'Claim rejected (hidden from profiles and the graph)', note: 'Note added',
};

/** POST /api/corrections; the toast says what was done and offers to undo it. */
export async function correct(kind, fields, note) {
  const rec = await post('/api/corrections', { kind, ...fields, ...(note ? { note } : {}) });
  if (rec && rec.id != null) toast(DONE[kind] || kind, rec.id);
  window.dispatchEvent(new Event('nexus:changed'));
  return rec;
}

/** A short-lived message at the bottom of the page, with Undo for a correction. */
export function toast(message, undoId) {
  let box = document.getElementById('toasts');
  if (!box) {
    box = h('div', { id: 'toasts', class: 'toasts', 'aria-live': 'polite' });
    document.body.append(box);
  }
  const el = h('div', { class: 'toast' }, h('span', null, message));
  if (undoId != null) {
    el.append(h('button', { type: 'button', class: 'link', onclick: async () => {
      try { await post(`/api/corrections/${encodeURIComponent(undoId)}/undo`, {}); } catch { return; }
      el.remove();
      toast('Undone');
      window.dispatchEvent(new Event('nexus:changed'));
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } }, 'Undo'));
  }
  box.append(el);
  setTimeout(() => el.remove(), undoId != null ? 12000 : 3000);
}

/**
 * Uploads one file as the raw request body with XMLHttpRequest (fetch has no upload progress).
 * onProgress(loaded, total); resolves with the response JSON (`{job}`), rejects with ApiError.
 */
export function upload(file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/upload?${qs({ name: file.name })}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new ApiError(0, 'network error'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted'));
    xhr.onload = () => {
      let data = null;
      try { data = JSON.parse(xhr.responseText); } catch { data = null; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data);
      else reject(new ApiError(xhr.status, (data && data.error) || `${xhr.status} ${xhr.statusText}`));
    };
    xhr.send(file);
  });
}
