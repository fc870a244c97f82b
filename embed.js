// Interleave's embed script: a tutorial page adds <script src=".../embed.js"></script> and every
// <pre data-interleave> block on it becomes an iframe of the playground running that block's code.
//
// Attributes of the block: data-panels, data-readonly, data-autoplay, data-speed, data-theme, data-example
// (the same as the embed's query parameters, see README.md), data-height (the first height in pixels, before
// the embed reports its own), data-title (the iframe's accessible name); its id (or data-id) becomes the
// embed's `id`, echoed in every message it posts. The code travels in the URL fragment, deflated as in a share
// link, so no server sees it. Each embed is a page of its own: several on one page run independently.
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script || !script.src) return;
  const base = new URL('.', script.src);
  const PARAMS = ['panels', 'readonly', 'autoplay', 'speed', 'theme', 'example'];
  let count = 0;

  // Unpadded base64url of the raw-deflated text: the payload of a version 1 share link.
  async function pack(text) {
    const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  async function embed(pre) {
    pre.removeAttribute('data-interleave');
    const query = new URLSearchParams({ embed: '1' });
    for (const name of PARAMS) {
      const value = pre.getAttribute('data-' + name);
      if (value !== null) query.set(name, value || '1');
    }
    const id = pre.id || pre.getAttribute('data-id') || 'interleave-' + ++count;
    query.set('id', id);
    if (location.origin !== 'null') query.set('origin', location.origin);
    let fragment = '';
    if (!pre.hasAttribute('data-example')) {
      // An empty header line, then the program (a leading blank line is the markup's, not the program's).
      fragment = '#v1.' + (await pack('\n' + pre.textContent.replace(/^\r?\n/, '')));
    }
    const iframe = document.createElement('iframe');
    iframe.src = new URL('index.html?' + query + fragment, base).href;
    iframe.title = pre.getAttribute('data-title') || 'Interleave: a Python program to run';
    iframe.className = 'interleave-embed';
    iframe.setAttribute('data-interleave-id', id);
    const height = parseInt(pre.getAttribute('data-height'), 10);
    iframe.style.cssText = 'display:block;width:100%;border:1px solid rgba(128,128,128,.4);border-radius:6px;' +
      'height:' + (height > 0 ? height : 420) + 'px';
    pre.replaceWith(iframe);
  }

  // An embed reports its content's height; its iframe takes it (within reason).
  addEventListener('message', (e) => {
    if (e.origin !== base.origin || typeof e.data !== 'object' || e.data === null) return;
    if (e.data.type !== 'interleave:resize' || !Number.isFinite(e.data.height)) return;
    for (const iframe of document.querySelectorAll('iframe.interleave-embed')) {
      if (iframe.contentWindow === e.source) {
        iframe.style.height = Math.min(Math.max(Math.ceil(e.data.height) + 2, 60), 20000) + 'px';
      }
    }
  });

  const start = () => document.querySelectorAll('pre[data-interleave]').forEach(embed);
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', start);
  else start();
})();
