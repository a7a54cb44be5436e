/*
 * The search field in every page's header: finds addresses by name, customer ID, contact, city or
 * postcode while typing, and opens the customer card (customer.html#id=<ID, URL-encoded>).
 *
 * The index is a script, cards/search.js (a page opened from disk may load a script but not fetch a
 * file), loaded once the page is idle, or at once when the field is used first, and built a slice at a
 * time while the page is idle; it calls
 * window.salesboardSearch({count, fold, fields, places, place}): IDs, names and contacts one a line;
 * the distinct postcodes and cities, and per address the number of its place among them; and the
 * umlaut spellings (ä → ae).
 * Matching folds case, and umlauts both ways: a term matches a field when its spelled-out form
 * (krüger → krueger) or its form without accents (krüger → kruger) is in the field's same form, so
 * "Krueger", "Kruger" and "krüger" all find Krüger. Every term must match; the best matches come
 * first: the ID itself, then names starting with the term, words starting with it, anything else.
 * Arrow keys move through the results, Enter opens one, Escape closes the list. Results and every
 * piece of data reach the page through textContent.
 */
'use strict';

(function () {
  const input = document.getElementById('site-search');
  const list = document.getElementById('site-search-results');
  if (!input || !list) {
    return;
  }
  const SHOWN = 10;
  const SEPARATOR = '\u0001';
  const INDEX_SLICE = 2000;  // addresses
  const SLICE_MS = 8;
  let index = null;
  let builder = null;  // while the index is built, slice by slice
  let loading = false;
  let results = [];
  let active = -1;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  // The two folded forms of a text: umlauts spelled out, and accents dropped (ß → ss in both). Only
  // letters beyond ASCII change, each the same way wherever it stands: each is folded once, then looked
  // up.
  function folder(spellings) {
    const letters = Object.keys(spellings).join('');
    const pattern = letters ? new RegExp('[' + letters + ']', 'g') : null;
    const spell = (text) => (pattern ? text.replace(pattern, (letter) => spellings[letter]) : text);
    const strip = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    const spelledOf = new Map();
    const strippedOf = new Map();
    const spelledChar = (char) => {
      if (!spelledOf.has(char)) {
        spelledOf.set(char, strip(spell(char)));
      }
      return spelledOf.get(char);
    };
    const strippedChar = (char) => {
      if (!strippedOf.has(char)) {
        strippedOf.set(char, spell(strip(char)));
      }
      return strippedOf.get(char);
    };
    const beyondAscii = /[^\u0000-\u007f]/g;
    return (text) => {
      const lower = String(text).toLowerCase();
      if (!/[^\u0000-\u007f]/.test(lower)) {
        return { spelled: lower, stripped: lower };
      }
      return { spelled: lower.replace(beyondAscii, spelledChar), stripped: lower.replace(beyondAscii, strippedChar) };
    };
  }

  // The index is built a slice of addresses at a time while the page is idle: built at once, it holds the
  // page a tenth of a second or more, and a click on a link waits that long. A search asked for before
  // it is done finishes it first.
  function indexBuilder(data) {
    const fold = folder(data && data.fold ? data.fold : {});
    const fields = data.fields || {};
    const places = data.places || {};
    // A slice's lines of a field folded at once, as one text: a few passes instead of one per line.
    const folded = (plainLines) => {
      const both = fold(plainLines.join('\n'));
      return { values: plainLines, spelled: both.spelled.split('\n'), stripped: both.stripped.split('\n') };
    };
    const lines = (text) => String(text || '').split('\n');
    const ids = lines(fields.customer_id);
    const names = lines(fields.company);
    const contacts = lines(fields.contact);
    const postcodes = folded(lines(places.postcode));
    const cities = folded(lines(places.city));
    const place = String(data.place || '').split('\n');
    const count = Number(data.count) || 0;
    const entries = new Array(count);
    let built = 0;
    // Builds the next slice; true once every address is in.
    function step() {
      const end = Math.min(count, built + INDEX_SLICE);
      const slice = (all) => folded(all.slice(built, end));
      const [sliceIds, sliceNames, sliceContacts] = [slice(ids), slice(names), slice(contacts)];
      const form = (kind, k, at) => [sliceIds[kind][k] || '', sliceNames[kind][k] || '', sliceContacts[kind][k] || '',
        postcodes[kind][at] || '', cities[kind][at] || ''];
      for (let i = built; i < end; i += 1) {
        const k = i - built;
        const at = parseInt(place[i], 10);
        // The name folded, for ties: compared by code unit, with umlauts spelled out that is close to
        // the alphabet's order, and far quicker than a collator over thousands of matches.
        entries[i] = { values: form('values', k, at), spelled: form('spelled', k, at).join(SEPARATOR),
                       stripped: form('stripped', k, at).join(SEPARATOR), id: (sliceIds.values[k] || '').toLowerCase(),
                       name: sliceNames.spelled[k] || '' };
      }
      built = end;
      return built >= count;
    }
    return { step: step, index: { entries: entries, fold: fold } };
  }

  const later = window.requestIdleCallback ? (work) => window.requestIdleCallback(work)
    : (work) => setTimeout(work, 0);

  // Steps of the builder for at most SLICE_MS, then again when the page is idle; `now`: to the end at once.
  function build(now) {
    if (!builder) {
      return;
    }
    const started = performance.now();
    try {
      while (!builder.step()) {
        if (!now && performance.now() - started > SLICE_MS) {
          later(() => build(false));
          return;
        }
      }
      index = builder.index;
    } catch (error) {
      index = null;
    }
    builder = null;
    loading = false;
    if (!now && input.value.trim()) {
      search();
    }
  }

  window.salesboardSearch = function (data) {
    try {
      builder = indexBuilder(data || {});
    } catch (error) {
      builder = null;
      loading = false;
      return;
    }
    build(false);
  };

  function loadIndex() {
    if (index || loading) {
      return;
    }
    loading = true;
    const script = document.createElement('script');
    script.src = 'cards/search.js';
    script.onerror = () => {
      loading = false;
      showMessage(input.dataset.failed || '');
    };
    document.head.appendChild(script);
  }

  // 0 the ID itself, 1 the name starts with the term, 2 another field does, 3 a word does, 4 elsewhere.
  function rank(entry, term, text, at) {
    if (entry.id === term.raw) {
      return 0;
    }
    const before = at > 0 ? text.charAt(at - 1) : SEPARATOR;
    if (before === SEPARATOR) {
      return at === text.indexOf(SEPARATOR) + 1 ? 1 : 2;
    }
    return /[\s\-&.,/()+]/.test(before) ? 3 : 4;
  }

  function find(query) {
    const terms = query.split(/\s+/).filter(Boolean).map((raw) => {
      const folded = index.fold(raw);
      return { raw: raw.toLowerCase(), spelled: folded.spelled, stripped: folded.stripped };
    });
    if (!terms.length) {
      return { shown: [], total: 0 };
    }
    // The best SHOWN matches, kept in order as they are found: one pass, however many match.
    const best = [];
    let total = 0;
    const before = (a, b) => a.score < b.score || (a.score === b.score && a.entry.name < b.entry.name);
    for (const entry of index.entries) {
      let score = 0;
      let ok = true;
      for (const term of terms) {
        let text = entry.spelled;
        let at = text.indexOf(term.spelled);
        if (at < 0) {
          text = entry.stripped;
          at = text.indexOf(term.stripped);
        }
        if (at < 0) {
          ok = false;
          break;
        }
        score += rank(entry, term, text, at);
      }
      if (!ok) {
        continue;
      }
      total += 1;
      const match = { entry: entry, score: score };
      if (best.length === SHOWN && !before(match, best[SHOWN - 1])) {
        continue;
      }
      let at = best.length === SHOWN ? SHOWN - 1 : best.length;
      while (at > 0 && before(match, best[at - 1])) {
        best[at] = best[at - 1];
        at -= 1;
      }
      best[at] = match;
      best.length = Math.min(best.length, SHOWN);
    }
    return { shown: best.map((match) => match.entry), total: total };
  }

  function showMessage(text) {
    list.replaceChildren(el('li', 'search-message', text));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    results = [];
    active = -1;
  }

  function cardHref(id) {
    return 'customer.html#id=' + encodeURIComponent(id);
  }

  function render(found) {
    results = found.shown;
    active = results.length ? 0 : -1;
    if (!results.length) {
      showMessage(input.dataset.none || '');
      return;
    }
    const items = results.map((entry, i) => {
      const [id, name, contact, postcode, city] = entry.values;
      const item = el('li', 'search-result');
      item.id = 'site-search-result-' + i;
      item.setAttribute('role', 'option');
      const link = el('a', null);
      link.href = cardHref(id);
      link.tabIndex = -1;
      link.appendChild(el('span', 'search-name', name || id));
      const where = [id, contact, [postcode, city].filter(Boolean).join(' ')].filter(Boolean).join(' · ');
      link.appendChild(el('span', 'search-detail', where));
      item.appendChild(link);
      item.addEventListener('mousedown', (event) => event.preventDefault());  // keeps the focus for the click
      return item;
    });
    if (found.total > results.length) {
      items.push(el('li', 'search-message', (found.total - results.length).toLocaleString(document.documentElement.lang)
        + ' ' + (input.dataset.more || '')));
    }
    list.replaceChildren(...items);
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight();
  }

  function highlight() {
    results.forEach((entry, i) => {
      const item = document.getElementById('site-search-result-' + i);
      if (item) {
        item.setAttribute('aria-selected', i === active ? 'true' : 'false');
      }
    });
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', 'site-search-result-' + active);
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function search() {
    const query = input.value.trim();
    if (!query) {
      close();
      return;
    }
    if (!index && builder) {
      build(true);
    }
    if (!index) {
      showMessage(input.dataset.loading || '');
      loadIndex();
      return;
    }
    render(find(query));
  }

  function open(entry) {
    const target = cardHref(entry.values[0]);
    close();
    // On the card page itself the hash changes and the card follows (back and forward too).
    window.location.href = target;
  }

  input.addEventListener('focus', loadIndex);
  // Loaded early, so the first search finds at once, but after the page's own work (a card, a chart).
  window.addEventListener('load', () => {
    if (window.requestIdleCallback) {
      window.requestIdleCallback(loadIndex, { timeout: 3000 });
    } else {
      setTimeout(loadIndex, 500);
    }
  });
  input.addEventListener('input', search);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (list.hidden) {
        search();
      }
      if (results.length) {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        active = (active + step + results.length) % results.length;
        highlight();
      }
      event.preventDefault();
    } else if (event.key === 'Enter') {
      if (active >= 0 && results[active]) {
        open(results[active]);
      }
      event.preventDefault();
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));

  // For the benchmark and the tests: the matches of a query as [id, name], once the index is loaded.
  window.salesboardFind = (query) => (index ? find(String(query)).shown.map((e) => [e.values[0], e.values[1]]) : null);
}());
