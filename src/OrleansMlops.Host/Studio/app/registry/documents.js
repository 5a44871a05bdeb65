import { api } from '../api.js';
import { el, toast } from '../dom.js';

// Evidence documents are API resources behind the bearer token, which a plain link or <img src> does not send. A link
// keeps the document's API address (to copy, or to fetch with a token elsewhere); a click fetches it with the token
// and opens the copy in memory in a new tab, under the studio's content security policy (no script runs in it).
export function documentLink(href, label, dataset) {
  const link = el('a', { href, target: '_blank', rel: 'noopener', dataset }, label);
  link.addEventListener('click', async event => {
    event.preventDefault();
    try {
      const url = URL.createObjectURL(viewable(await api.blob(href)));
      window.open(url, '_blank', 'noopener');
      // The new tab has loaded it long before; the memory is given back.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      toast(`${label}: ${error.message}`, 'error');
    }
  });
  return link;
}

/** An image the API serves, fetched with the token; its memory is given back once it is drawn. */
export async function documentImage(path, attributes) {
  const url = URL.createObjectURL(await api.blob(path));
  const image = el('img', { ...attributes, src: url });
  image.addEventListener('load', () => URL.revokeObjectURL(url), { once: true });
  return image;
}

// Browsers download Markdown instead of showing it; as plain text it reads in the tab.
function viewable(blob) {
  return blob.type.startsWith('text/markdown') ? new Blob([blob], { type: 'text/plain; charset=utf-8' }) : blob;
}
