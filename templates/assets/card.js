/*
 * The customer card (customer.html#id=<customer ID, URL-encoded>): finds the address's shard
 * (card-shard.js, which loads the first card's shard early),
 * loads cards/<n>.js as a script (a page opened from disk may load a script, not fetch a file), which
 * hands its records to window.salesboardCards(n, records, statuses), and shows the record. A record is an
 * array laid out as salesboard/site/card_data.py describes (amounts and counts as numbers, shown
 * with Intl.NumberFormat in the page's language and the site's currency; dates as days since 1970,
 * shown in the site's date format); all its text goes in through
 * textContent, links only as checked tel:/mailto: hrefs. Back and forward move between cards
 * (hashchange). The timeline (the record's items from TIMELINE on, newest first) shows PAGE_ROWS rows at
 * a time; an order shows its status, and its line items folded.
 */
'use strict';

(function () {
  const config = readConfig();
  const root = document.getElementById('customer-card');
  const KEY = window.salesboardShards;  // card-shard.js: shardOf, hashId, load, and the shards it loaded early
  if (!config || !root || !KEY) {
    return;
  }
  const WORDS = config.words || {};
  const SEGMENTS = config.segments || {};
  const LANG = document.documentElement.lang || 'de';
  const CURRENCY = typeof config.currency === 'string' && config.currency ? config.currency : 'EUR';
  const DATE_FORMAT = typeof config.dateFormat === 'string' ? config.dateFormat : '%Y-%m-%d';
  const KINDS = Array.isArray(config.kinds) ? config.kinds : [];  // a timeline row's kind: a place in this list
  const PAGE_ROWS = 50;
  const STATUS = 8;  // where a record's fields decided by the metrics begin
  const QUALITY = 13;  // where a record holds its data-quality problems
  const DUE_SOON = 14;
  const TIMELINE = 15;  // and where its timeline begins
  const ORDER_ITEMS = 7;  // where an order row's line items begin
  const ORDER_PRICE = 7;  // where an order line's quantity and unit price are, when it has them
  const PRINTED_ROWS = 12;  // the newest rows on paper: the card prints on one page
  const shards = new Map();  // shard number → Map(id → record), once loaded
  const waiting = new Map();  // shard number → callbacks waiting for it
  const title = document.title;
  let shownId = null;

  function readConfig() {
    const node = document.getElementById('card-data');
    try {
      return node ? JSON.parse(node.textContent) : null;
    } catch (error) {
      return null;
    }
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  // Amounts and counts come as numbers; shown as the site shows them (1.234,56 € / €1,234.56).
  const formats = new Map();
  function formatted(value, options) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return '–';
    }
    const key = JSON.stringify(options);
    if (!formats.has(key)) {
      try {
        formats.set(key, new Intl.NumberFormat(LANG, options));
      } catch (error) {  // a currency code the browser does not know
        formats.set(key, new Intl.NumberFormat(LANG, { maximumFractionDigits: options.maximumFractionDigits }));
      }
    }
    return formats.get(key).format(value);
  }
  const money = (value, digits) => formatted(value, { style: 'currency', currency: CURRENCY,
                                                      minimumFractionDigits: digits, maximumFractionDigits: digits });
  const count = (value) => formatted(value, { maximumFractionDigits: 0 });

  // A day number (days since 1970) in the site's date pattern (%d, %m, %Y); anything else as nothing.
  function day(value) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return '';
    }
    const date = new Date(value * 86400000);
    const parts = { d: date.getUTCDate(), m: date.getUTCMonth() + 1, Y: date.getUTCFullYear() };
    return DATE_FORMAT.replace(/%([dmY])/g, (all, part) => String(parts[part]).padStart(part === 'Y' ? 4 : 2, '0'));
  }

  function fill(template, values) {
    return String(template || '').replace(/\{(\w+)\}/g, (all, name) => (name in values ? values[name] : all));
  }

  /* ------------------------------------------------------------------ data */

  // A shard's records come without the fields from STATUS up to TIMELINE (what the metrics decide), which
  // follow in a list of their own, record by record: put in their place here.
  window.salesboardCards = function (number, records, statuses) {
    const byId = new Map();
    (Array.isArray(records) ? records : []).forEach((record, i) => {
      if (Array.isArray(record)) {
        const status = Array.isArray(statuses) && Array.isArray(statuses[i]) ? statuses[i] : [];
        record.splice(STATUS, 0, ...Array.from({ length: TIMELINE - STATUS }, (unused, k) => status[k] ?? null));
        byId.set(String(record[0]), record);
      }
    });
    shards.set(number, byId);
    (waiting.get(number) || []).forEach((callback) => callback(byId));
    waiting.delete(number);
  };
  KEY.queued.splice(0).forEach((args) => window.salesboardCards(...args));

  function withShard(number, callback, failed) {
    if (shards.has(number)) {
      callback(shards.get(number));
      return;
    }
    if (!waiting.has(number)) {
      waiting.set(number, []);
    }
    waiting.get(number).push(callback);
    KEY.load(number, () => {
      waiting.delete(number);
      failed();
    });
  }

  /* ----------------------------------------------------------------- links */

  function telHref(text) {
    const number = String(text || '').replace(/[^0-9+]/g, '').replace(/(?!^)\+/g, '');
    return /^\+?[0-9]{3,20}$/.test(number) ? 'tel:' + number : null;
  }

  function mailHref(text) {
    const value = String(text || '').trim();
    return /^[^\s@<>()"',;:\\]+@[^\s@<>()"',;:\\]+\.[^\s@<>()"',;:\\]+$/.test(value) ? 'mailto:' + value : null;
  }

  function linkOrText(text, href) {
    if (!href) {
      return el('span', null, text);
    }
    const link = el('a', null, text);
    link.href = href;
    return link;
  }

  /* ---------------------------------------------------------------- render */

  function status(text) {
    root.replaceChildren(el('p', 'muted card-status', text));
  }

  function facts(record) {
    const list = el('dl', 'card-facts');
    const rows = [
      ['id', record[0]], ['owner', record[2]], ['contact', record[3]],
      ['phone', record[4], telHref], ['email', record[5], mailHref], ['address', record[6]], ['source', record[7]],
    ];
    for (const [key, value, href] of rows) {
      if (value === null || value === undefined || value === '') {
        continue;
      }
      list.appendChild(el('dt', null, WORDS[key]));
      const dd = el('dd', 'card-' + key);
      dd.appendChild(href ? linkOrText(value, href(value)) : el('span', null, value));
      list.appendChild(dd);
    }
    return list;
  }

  function segments(record) {
    const box = el('div', 'card-segments');
    const now = el('p', 'card-segment');
    now.appendChild(el('span', 'segment-badge seg-' + String(record[8] || ''), SEGMENTS[record[8]] || record[8]));
    box.appendChild(now);
    const steps = el('ol', 'card-steps');
    ['Z1', 'Z2', 'Z3', 'Z4'].forEach((segment, i) => {
      const reached = (record[9] || [])[i];
      const item = el('li', reached ? 'reached' : 'not-reached');
      item.appendChild(el('span', 'step-name', SEGMENTS[segment] || segment));
      item.appendChild(el('span', 'step-date', day(reached) || '–'));
      steps.appendChild(item);
    });
    box.appendChild(el('h3', null, WORDS.reached));
    box.appendChild(steps);
    return box;
  }

  function figures(record) {
    const cards = el('div', 'cards card-figures');
    const values = record[10] || [];
    const shown = [money(values[0], 0), money(values[1], 0), count(values[2]), money(values[3], 0), count(values[4]),
      count(values[5])];
    ['revenue_12m', 'revenue_total', 'orders', 'median_order', 'days_since', 'rhythm'].forEach((key, i) => {
      const card = el('div', 'card');
      card.appendChild(el('div', 'label', WORDS[key]));
      card.appendChild(el('div', 'value', shown[i]));
      cards.appendChild(card);
    });
    return cards;
  }

  function todo(record) {
    const box = el('div', 'card-todo');
    const follow = record[11];
    box.appendChild(el('h3', null, WORDS.follow_up));
    if (follow) {
      box.appendChild(el('p', 'card-follow-up',
        fill(WORDS.follow_up_text, { reasons: follow[0], due: day(follow[1]), days: count(follow[2]) })));
    } else if (typeof record[DUE_SOON] === 'number') {
      box.appendChild(el('p', 'card-follow-up', fill(WORDS.due_soon, { date: day(record[DUE_SOON]) })));
    } else {
      box.appendChild(el('p', 'muted', WORDS.no_follow_up));
    }
    const call = record[12];
    box.appendChild(el('h3', null, WORDS.call));
    if (call) {
      box.appendChild(el('p', 'card-call-reasons', call[0]));
      box.appendChild(el('p', 'card-sentence', call[1]));
    } else {
      box.appendChild(el('p', 'muted', WORDS.no_call));
    }
    return box;
  }

  // One timeline row as [date, kind, what, details] in words.
  function kindOf(row) {
    return KINDS[row[0]] || '';
  }

  function describe(row, owner) {
    const kind = kindOf(row);
    const date = day(row[1]);
    const stateWord = (state) => WORDS['state.' + state] || state || '';
    switch (kind) {
      case 'o':
        return [date, WORDS['kind.o'], money(row[3], 2),
          [row[2] ? fill(WORDS.order_no, { id: row[2] }) : '', row[6]].filter(Boolean).join(' · ')];
      case 'a': {
        const who = row[3] === null ? owner : row[3];
        const next = typeof row[5] === 'number' ? fill(WORDS.next, { date: day(row[5]) }) : '';
        return [date, row[2] || WORDS['kind.a'], row[4] || '', [who, next].filter(Boolean).join(' · ')];
      }
      case 'q':
        return [date, WORDS['kind.q'], [money(row[3], 2), stateWord(row[4])].filter(Boolean).join(' · '),
          [row[2] ? fill(WORDS.order_no, { id: row[2] }) : '', row[6], row[5]].filter(Boolean).join(' · ')];
      case 'm':
        return [date, WORDS['kind.m'], row[2] || '',
          typeof row[3] === 'number' ? fill(WORDS.responded, { date: day(row[3]) }) : WORDS.no_response];
      default:
        return [date, String(kind), '', ''];
    }
  }

  // An order's status as the workbook says it; a cancelled one says so even without a status column.
  function orderStatus(row) {
    const cancelled = row[5] === 1;
    const text = row[4] || (cancelled ? WORDS.cancelled : '');
    if (!text) {
      return null;
    }
    const badge = el('span', 'order-status' + (cancelled ? ' order-cancelled' : ''), text);
    if (cancelled) {
      badge.title = WORDS.cancelled_note;
    }
    return badge;
  }

  // The line items of an order, folded: article, quantity, unit price, amount.
  function orderItems(row) {
    const items = row.slice(ORDER_ITEMS).filter(Array.isArray);
    if (!items.length) {
      return null;
    }
    const fold = el('details', 'order-items');
    fold.appendChild(el('summary', null, fill(items.length === 1 ? WORDS.item : WORDS.items,
      { count: count(items.length) })));
    const table = el('table', 'order-lines');
    const head = el('tr', null);
    ['article', 'quantity', 'unit_price', 'amount'].forEach((key) => head.appendChild(el('th', null, WORDS[key])));
    table.appendChild(el('thead', null)).appendChild(head);
    const body = el('tbody', null);
    items.forEach((item) => {
      const line = el('tr', item[4] === 1 ? 'line-cancelled' : null);
      const quantity = typeof item[1] === 'number' ? formatted(item[1], { maximumFractionDigits: 3 }) : '';
      const price = typeof item[2] === 'number' ? money(item[2], 2) : '';
      [item[0] || '', quantity, price, money(item[3], 2)].forEach((text, i) => {
        line.appendChild(el('td', i ? 'num' : null, text));
      });
      if (item[4] === 1) {
        line.title = WORDS.cancelled;
      }
      body.appendChild(line);
    });
    table.appendChild(body);
    fold.appendChild(table);
    return fold;
  }

  // The data holds an order as its lines, [kind, date, number, amount, status, state, article(, quantity,
  // unit price)], state 0 counting, 1 cancelled, 2 returned; the lines of one order number (a line without
  // one is an order of its own) become one order row [kind, date, number, amount, status, cancelled,
  // article, line items…] as reading makes orders: the earliest counting line's date, the counting lines'
  // amount (of a cancelled order what was ordered). Of one day the data gives the later line first, so an
  // order's lines are turned back into their workbook order; the rows are then sorted again by date
  // (newest first, undated last) and kind, as the data was.
  function withOrders(rows) {
    const orders = new Map();
    const merged = [];
    rows.forEach((row, i) => {
      if (kindOf(row) !== 'o') {
        merged.push(row);
        return;
      }
      const key = row[2] === null ? 'line ' + i : 'order ' + row[2];
      if (!orders.has(key)) {
        const lines = [];
        orders.set(key, lines);
        merged.push(lines);
      }
      orders.get(key).push(row);
    });
    const rank = (row) => KINDS.indexOf(kindOf(row));
    return merged.map((row) => (Array.isArray(row[0]) ? orderOf(row.reverse()) : row))
      .map((row, i) => [row, i])
      .sort(([a, i], [b, j]) => (a[1] === null) - (b[1] === null) || (b[1] ?? 0) - (a[1] ?? 0)
        || rank(a) - rank(b) || i - j)
      .map(([row]) => row);
  }

  function orderOf(lines) {
    const counting = lines.filter((line) => line[5] === 0);
    const counted = counting.length ? counting : lines;
    const dates = [counting, lines].map((some) => some.map((line) => line[1]).filter((date) => date !== null))
      .find((some) => some.length) || [];
    const returned = lines.some((line) => line[5] === 2);
    const status = returned ? WORDS.returned : (lines.find((line) => line[4] !== null) || [])[4] ?? null;
    const itemised = lines.length > 1 || lines.some((line) => line.length > ORDER_PRICE);
    const items = itemised ? lines.map((line) => [line[6], line[ORDER_PRICE] ?? null, line[ORDER_PRICE + 1] ?? null,
      line[3], line[5] ? 1 : 0]) : [];
    return [lines[0][0], dates.length ? dates.reduce((a, b) => Math.min(a, b)) : null, lines[0][2],
      counted.reduce((sum, line) => sum + (line[3] ?? 0), 0), status, counting.length ? 0 : 1,
      lines.length === 1 ? lines[0][6] : null, ...items];
  }

  function timeline(record) {
    const box = el('div', 'card-timeline');
    box.appendChild(el('h3', null, WORDS.timeline));
    const rows = withOrders(record.slice(TIMELINE).filter(Array.isArray));
    if (!rows.length) {
      box.appendChild(el('p', 'muted', WORDS.no_timeline));
      return box;
    }
    const list = el('ol', 'timeline');
    const more = el('button', 'timeline-more no-print');
    more.type = 'button';
    let shown = 0;
    const showMore = () => {
      const fragment = document.createDocumentFragment();
      rows.slice(shown, shown + PAGE_ROWS).forEach((row, i) => {
        const [date, kind, what, details] = describe(row, record[2]);
        const letter = kindOf(row);
        const cancelled = letter === 'o' && row[5] === 1;
        const item = el('li', 'event event-' + letter + (cancelled ? ' event-cancelled' : '')
          + (shown + i >= PRINTED_ROWS ? ' print-hidden' : ''));
        item.appendChild(el('span', 'event-date', date));
        item.appendChild(el('span', 'event-kind', kind));
        item.appendChild(el('span', 'event-what', what));
        const about = el('span', 'event-details', details);
        if (letter === 'o') {
          const badge = orderStatus(row);
          if (badge) {
            about.prepend(badge, details ? ' · ' : '');
          }
          const items = orderItems(row);
          if (items) {
            about.appendChild(items);
          }
        }
        item.appendChild(about);
        fragment.appendChild(item);
      });
      list.appendChild(fragment);
      shown = Math.min(rows.length, shown + PAGE_ROWS);
      more.hidden = shown >= rows.length;
      more.textContent = fill(WORDS.more, { count: (rows.length - shown).toLocaleString(document.documentElement.lang) });
    };
    more.addEventListener('click', showMore);
    showMore();
    box.appendChild(list);
    box.appendChild(more);
    return box;
  }

  function problems(record) {
    const box = el('div', 'card-quality');
    box.appendChild(el('h3', null, WORDS.quality));
    const list = el('ul', null);
    record[QUALITY].forEach((text) => list.appendChild(el('li', null, text)));
    box.appendChild(list);
    return box;
  }

  function show(record) {
    const article = document.createDocumentFragment();
    const head = el('header', 'card-head');
    head.appendChild(el('h2', 'card-name', record[1] || record[0]));
    article.appendChild(head);
    const top = el('div', 'card-top');
    top.appendChild(facts(record));
    top.appendChild(segments(record));
    article.appendChild(top);
    article.appendChild(figures(record));
    article.appendChild(todo(record));
    article.appendChild(timeline(record));
    if (Array.isArray(record[QUALITY]) && record[QUALITY].length) {
      article.appendChild(problems(record));
    }
    root.replaceChildren(article);
    document.title = (record[1] || record[0]) + ' · ' + title;
  }

  function open() {
    const id = KEY.hashId();
    if (id === shownId) {
      return;
    }
    shownId = id;
    if (id === null || id === '') {
      status(WORDS.choose);
      document.title = title;
      return;
    }
    status(WORDS.loading);
    withShard(KEY.shardOf(id), (records) => {
      if (KEY.hashId() !== id) {
        return;  // another card was asked for meanwhile
      }
      const record = records.get(id);
      if (record) {
        show(record);
      } else {
        status(fill(WORDS.not_found, { id: id }));
      }
      root.dataset.shown = id;
      window.dispatchEvent(new Event('salesboard:card'));
    }, () => status(WORDS.failed));
  }

  window.addEventListener('hashchange', open);
  open();
}());
