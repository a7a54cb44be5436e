/*
 * Browser side of the sales dashboard: draws Plotly charts and interactive
 * tables from JSON embedded in the page.
 *
 * The site is opened from disk (file://) without a network, so everything
 * here works on data already in the page: no requests, no eval, and every
 * piece of data reaches the DOM through textContent, never as markup.
 *
 * Charts: <div class="chart" data-figure="ID"></div>
 *         <script type="application/json" id="ID">{"data": [...], "layout": {...}}</script>
 * Tables: <div class="data-table" data-source="ID"></div>
 *         <script type="application/json" id="ID">{"columns": [...], "rows": [...], ...}</script>
 *
 * A column of kind "tel" or "mailto" shows each cell as a link of that kind; the href is built from
 * the cell's text and checked (safeHref), the text goes in through textContent. A "customer" cell is
 * [text, customerId], or the text alone where it is the ID, and links to customer.html#id=<the ID,
 * URL-encoded>; it sorts by the text. A column with "values" lists its texts once; its cells are places
 * in that list. A filter whose column
 * has "param" ("owner") lives in the URL (#owner=Anna%20Becker): read on load, written on change, and
 * shared by every table of the page and by the download links that follow it (li[data-follows]).
 * Printing adds every filtered row to the DOM (rows off the current page stay hidden on screen), and a
 * table with "csv" offers its filtered rows as a .csv made in the browser.
 */
'use strict';

(function () {
  const LANG = document.documentElement.lang || 'de';

  // Every word the script shows comes from the page (id "script-words"), in the page's language.
  const WORDS = readWords();

  // The chart toolbar holds only what stays on the page: zoom, pan, reset and saving a picture. It
  // is an allow-list, so no button of a newer plotly.js (sharing, editing in the cloud) slips in.
  const PLOT_CONFIG = {
    responsive: true,
    displaylogo: false,
    showLink: false,
    showSendToCloud: false,
    showEditInChartStudio: false,
  };
  const AXIS_BUTTONS = ['zoom2d', 'pan2d', 'zoomIn2d', 'zoomOut2d', 'autoScale2d', 'resetScale2d'];
  const TRACES_WITH_AXES = new Set(['bar', 'scatter', 'histogram', 'heatmap', 'funnel', 'box']);

  // Chart type on screen (as charts.py's layout) and on paper.
  const SCREEN_FONT_SIZE = 13;
  const PRINT_FONT_SIZE = 9;
  const PRINT_LEGEND = { 'legend.font.size': 6.5, 'legend.itemwidth': 20, 'legend.tracegroupgap': 0 };
  // A week axis of a year on paper: level labels, one per PRINT_TICK_SPACING pixels of width and at
  // least three, instead of many slanted ones that would take a low chart's height and run into the
  // axis title.
  const LONG_AXIS = 20;
  const PRINT_TICK_SPACING = 110;
  // A chart narrower than this (a phone) takes the trace settings its figure brings for it ("narrow": e.g. x,
  // the segment codes for their names); a heatmap also smaller type and no row title, so that its cells keep
  // room for their numbers.
  const NARROW_CHART = 480;
  const NARROW_FONT_SIZE = 10;

  const SEARCH_DELAY_MS = 150;
  const LONG_TEXT = 40;
  // Small tables that show all rows at once need no search box.
  const SEARCH_MIN_ROWS = 11;
  const ARROWS = { none: '↕', ascending: '▲', descending: '▼' };
  const LINK_KINDS = new Set(['tel', 'mailto', 'customer']);
  const FORMULA_TRIGGER = /(^|[,;])( *)([=+\-@\t\r])/g;

  const collator = new Intl.Collator(LANG);
  const numberFormat = new Intl.NumberFormat(LANG);

  /* ------------------------------------------------------------ helpers */

  function readWords() {
    const element = document.getElementById('script-words');
    try {
      return element ? JSON.parse(element.textContent) : {};
    } catch (error) {
      return {};
    }
  }

  function readJson(id) {
    const element = id ? document.getElementById(id) : null;
    if (!element) {
      throw new Error('no JSON element with id "' + id + '"');
    }
    return JSON.parse(element.textContent);
  }

  function showFailure(container, text, error) {
    container.textContent = text;
    container.classList.add('load-error');
    // A warning, not an error: the page itself still works.
    if (error) {
      console.warn(text, error);
    }
  }

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

  // Fills "{name}" placeholders; values arrive already formatted.
  function fillTemplate(template, values) {
    return template.replace(/\{(\w+)\}/g, (match, name) =>
      Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : match);
  }

  // The words of `name` for `count` of something: its singular ("rows.one") for exactly one, where the
  // words differ (salesboard.site.texts hands both).
  function counted(words, name, count) {
    return count === 1 && words[name + '.one'] !== undefined ? words[name + '.one'] : words[name];
  }

  /*
   * The href of a link made from data: only tel:, mailto: and relative links, anything else gives
   * null (and the cell stays plain text). The text itself is never parsed as markup.
   */
  function safeHref(kind, text) {
    const value = String(text || '').trim();
    if (kind === 'tel') {
      const number = value.replace(/[^0-9+]/g, '').replace(/(?!^)\+/g, '');
      return /^\+?[0-9]{3,20}$/.test(number) ? 'tel:' + number : null;
    }
    if (kind === 'customer') {
      return value ? 'customer.html#id=' + encodeURIComponent(value) : null;
    }
    if (kind === 'mailto') {
      return /^[^\s@<>()"',;:\\]+@[^\s@<>()"',;:\\]+\.[^\s@<>()"',;:\\]+$/.test(value)
        ? 'mailto:' + value : null;
    }
    // A relative link: no scheme ("javascript:", "data:"), not protocol-relative ("//host").
    if (value && !/^[a-z][a-z0-9+.-]*:/i.test(value) && !value.startsWith('//') && !/\s/.test(value)) {
      return value;
    }
    return null;
  }

  // The URL hash as {name: value}: "#owner=Anna%20Becker&x=1".
  function hashParams() {
    const params = {};
    for (const part of window.location.hash.replace(/^#/, '').split('&')) {
      const at = part.indexOf('=');
      if (at > 0) {
        try {
          params[decodeURIComponent(part.slice(0, at))] = decodeURIComponent(part.slice(at + 1).replace(/\+/g, ' '));
        } catch (error) {
          // A malformed hash is ignored.
        }
      }
    }
    return params;
  }

  function writeHashParam(name, value) {
    const params = hashParams();
    if (value === null || value === '') {
      delete params[name];
    } else {
      params[name] = value;
    }
    const text = Object.keys(params).map((key) => encodeURIComponent(key) + '=' + encodeURIComponent(params[key]))
      .join('&');
    const url = window.location.href.replace(/#.*$/, '') + (text ? '#' + text : '');
    try {
      window.history.replaceState(null, '', url);
    } catch (error) {
      window.location.hash = text;
    }
  }

  // 'Jörg Weiß' → 'joerg-weiss', for file names.
  function slug(text) {
    const spelled = String(text).toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss');
    return spelled.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'gruppe';
  }

  function csvField(text) {
    const safe = String(text).replace(FORMULA_TRIGGER, "$1$2'$3");
    return '"' + safe.replace(/"/g, '""') + '"';
  }

  function debounce(fn, delay) {
    let timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, delay);
    };
  }

  /* ------------------------------------------------------------- charts */

  function plotlyAvailable() {
    return typeof window.Plotly === 'object' && window.Plotly !== null &&
      typeof window.Plotly.newPlot === 'function';
  }

  function chartFailed(div, error) {
    try {
      window.Plotly.purge(div);
    } catch (ignored) {
      // Nothing was drawn, so there is nothing to clean up.
    }
    showFailure(div, WORDS.chartFailed, error);
  }

  // Plotly's own words (toolbar, notes) in the page's language: the page hands them over as
  // {"name": "de", "dictionary": {"Zoom": "Zoomen", …}} (id "plotly-locale").
  let plotLocale;

  function registerLocale() {
    if (plotLocale === undefined) {
      plotLocale = null;
      try {
        const locale = readJson('plotly-locale');
        window.Plotly.register({ moduleType: 'locale', name: locale.name, dictionary: locale.dictionary });
        plotLocale = locale.name;
      } catch (error) {
        console.warn('chart toolbar stays in English', error);
      }
    }
    return plotLocale;
  }

  function plotConfig(figure) {
    const withAxes = (figure.data || []).every((trace) => TRACES_WITH_AXES.has(trace.type || 'scatter'));
    const config = Object.assign({}, PLOT_CONFIG, {
      modeBarButtons: withAxes ? [AXIS_BUTTONS, ['toImage']] : [['toImage']],
    });
    const locale = registerLocale();
    if (locale) {
      config.locale = locale;
    }
    return config;
  }

  function drawChart(div) {
    if (!plotlyAvailable()) {
      showFailure(div, WORDS.noPlotly);
      return;
    }
    try {
      const figure = narrowed(readJson(div.dataset.figure), div.clientWidth);
      const drawing = window.Plotly.newPlot(div, figure.data || [], figure.layout || {}, plotConfig(figure));
      // newPlot can fail later (inside its promise) as well as right away.
      Promise.resolve(drawing).catch((error) => chartFailed(div, error));
    } catch (error) {
      chartFailed(div, error);
    }
  }

  function narrowed(figure, width) {
    const data = figure.data || [];
    const heatmap = data.some((trace) => trace.type === 'heatmap');
    if (width >= NARROW_CHART || !(heatmap || figure.narrow)) {
      return figure;
    }
    const layout = Object.assign({}, figure.layout);
    if (heatmap) {
      layout.font = Object.assign({}, layout.font, { size: NARROW_FONT_SIZE });
      layout.yaxis = Object.assign({}, layout.yaxis, { title: { text: '' } });
    }
    return {
      data: data.map((trace) => Object.assign({}, trace, figure.narrow)),
      layout: layout,
    };
  }

  function drawnCharts() {
    return Array.from(document.querySelectorAll('.chart.js-plotly-plot'));
  }

  /*
   * Printing: the browser lays the page out at A4 width but does not tell
   * Plotly, whose SVGs keep their screen width and would be cut off. Before
   * printing, the page is laid out at print width (class "print-sizing", see
   * site.css), every chart is measured and redrawn at that width; afterwards
   * the charts return to following their container.
   */
  function fitChartsForPrint() {
    if (!plotlyAvailable()) {
      return;
    }
    document.documentElement.classList.add('print-sizing');
    for (const div of drawnCharts()) {
      if (!div.dataset.screenWidth) {
        div.dataset.screenWidth = div.layout && div.layout.width ? String(div.layout.width) : 'auto';
        div.dataset.screenHeight = div.layout && div.layout.height ? String(div.layout.height) : 'auto';
        const margin = (div.layout && div.layout.margin) || {};
        div.dataset.screenMarginTop = String(margin.t === undefined ? 40 : margin.t);
        div.dataset.screenMarginBottom = String(margin.b === undefined ? 50 : margin.b);
      }
      // The print stylesheet gives charts a lower height so the overview fits one A4 page; paper reads
      // a smaller type (PRINT_FONT_SIZE) at arm's length, so the axes keep room for the bars.
      // A smaller legend on paper: a low chart keeps its height for the data.
      const update = Object.assign({ width: div.clientWidth, height: div.clientHeight,
                                     'font.size': PRINT_FONT_SIZE, 'margin.t': 30, 'margin.b': 30 }, PRINT_LEGEND);
      if (hasLongXAxis(div)) {
        div.dataset.screenTicks = String((div.layout.xaxis && div.layout.xaxis.nticks) || 0);
        const ticks = Math.max(3, Math.floor(div.clientWidth / PRINT_TICK_SPACING));
        Object.assign(update, { 'xaxis.nticks': ticks, 'xaxis.tickangle': 0 });
      }
      window.Plotly.relayout(div, update);
    }
  }

  function hasLongXAxis(div) {
    return (div.data || []).some((trace) => Array.isArray(trace.x) && trace.x.length > LONG_AXIS);
  }

  function restoreChartsAfterPrint() {
    document.documentElement.classList.remove('print-sizing');
    if (!plotlyAvailable()) {
      return;
    }
    for (const div of drawnCharts()) {
      const width = div.dataset.screenWidth;
      const height = div.dataset.screenHeight;
      delete div.dataset.screenWidth;
      delete div.dataset.screenHeight;
      // null removes the size again, so autosize follows the container.
      window.Plotly.relayout(div, {
        width: width && width !== 'auto' ? Number(width) : null,
        height: height && height !== 'auto' ? Number(height) : null,
        'font.size': SCREEN_FONT_SIZE,
        'legend.font.size': null,
        'margin.t': div.dataset.screenMarginTop ? Number(div.dataset.screenMarginTop) : 40,
        'margin.b': div.dataset.screenMarginBottom ? Number(div.dataset.screenMarginBottom) : 50,
      });
      if (div.dataset.screenTicks !== undefined) {
        window.Plotly.relayout(div, { 'xaxis.nticks': Number(div.dataset.screenTicks), 'xaxis.tickangle': 'auto' });
        delete div.dataset.screenTicks;
      }
      delete div.dataset.screenMarginTop;
      delete div.dataset.screenMarginBottom;
    }
  }

  function initCharts() {
    document.querySelectorAll('.chart[data-figure]').forEach(drawChart);
    window.addEventListener('beforeprint', fitChartsForPrint);
    window.addEventListener('afterprint', restoreChartsAfterPrint);
  }

  /* --------------------------------------------------------- table data */

  // A cell is "text" or [display, sortKey]; sortKey is a number (a date's: days since 1970) or null
  // (sorts last). A customer cell is [text, customerId] or the ID alone, and sorts by its text.
  function splitCell(cell, link) {
    if (link === 'customer') {
      const [text, target] = Array.isArray(cell) ? cell : [cell, cell];
      const display = text === null || text === undefined ? '' : String(text);
      return { display: display, key: display, target: target === null || target === undefined ? null : String(target) };
    }
    if (Array.isArray(cell)) {
      const display = cell[0] === null || cell[0] === undefined ? '' : String(cell[0]);
      return { display: display, key: cell.length > 1 && cell[1] !== undefined ? cell[1] : null, target: null };
    }
    const display = cell === null || cell === undefined ? '' : String(cell);
    return { display: display, key: display, target: null };
  }

  function prepareRows(rows, columns) {
    return rows.map((row, index) => {
      const display = [];
      const keys = [];
      const targets = [];
      columns.forEach((column, c) => {
        const cell = splitCell(column.values ? column.values[row[c]] : row[c], column.link);
        display.push(cell.display);
        keys.push(cell.key);
        targets.push(cell.target);
      });
      // Lower-cased once here so that each keystroke only does substring tests.
      const haystack = display.join('\n').toLocaleLowerCase(LANG);
      return { index: index, display: display, keys: keys, targets: targets, haystack: haystack };
    });
  }

  // Tooltips of the cells cut short for the page: [row, column, text] (the table's "titles").
  function addTitles(rows, titles) {
    for (const [row, column, text] of Array.isArray(titles) ? titles : []) {
      if (rows[row]) {
        rows[row].titles = rows[row].titles || {};
        rows[row].titles[column] = String(text);
      }
    }
  }

  // Orders two sort keys ascending; null is handled by the caller.
  function compareKeys(a, b) {
    const aNumber = typeof a === 'number';
    const bNumber = typeof b === 'number';
    if (aNumber && bNumber) {
      return a - b;
    }
    if (aNumber !== bNumber) {
      return aNumber ? -1 : 1;
    }
    return collator.compare(String(a), String(b));
  }

  function isMissing(key) {
    return key === null || key === undefined || (typeof key === 'number' && Number.isNaN(key));
  }

  // Rows without a sort key go last in both directions; ties keep the
  // original row order, so the sort is stable whatever the direction.
  function rowComparator(column, descending) {
    return (rowA, rowB) => {
      const a = rowA.keys[column];
      const b = rowB.keys[column];
      const aMissing = isMissing(a);
      const bMissing = isMissing(b);
      let order = 0;
      if (aMissing || bMissing) {
        order = aMissing === bMissing ? 0 : (aMissing ? 1 : -1);
      } else {
        order = compareKeys(a, b);
        if (descending) {
          order = -order;
        }
      }
      return order || rowA.index - rowB.index;
    };
  }

  // The items of a list column (its cells hold items joined by "separator"), sorted.
  function distinctItems(rows, column, separator) {
    const items = new Set();
    for (const row of rows) {
      row.display[column].split(separator).filter(Boolean).forEach((item) => items.add(item));
    }
    return Array.from(items).sort(collator.compare);
  }

  function distinctValues(rows, column) {
    const firstRow = new Map();
    for (const row of rows) {
      if (!firstRow.has(row.display[column])) {
        firstRow.set(row.display[column], row);
      }
    }
    const order = rowComparator(column, false);
    return Array.from(firstRow.values())
      .sort((a, b) => order(a, b) || collator.compare(a.display[column], b.display[column]))
      .map((row) => row.display[column]);
  }

  /* ---------------------------------------------------------- table view */

  function normaliseColumns(columns) {
    return columns.map((column) => {
      const kind = column.kind === 'number' || column.kind === 'date' ? column.kind : 'text';
      const align = column.align === 'right' || column.align === 'left'
        ? column.align
        : (kind === 'number' ? 'right' : 'left');
      // "items": the cell lists several items joined by this separator; the filter offers each item.
      const items = typeof column.items === 'string' && column.items ? column.items : null;
      const link = LINK_KINDS.has(column.kind) ? column.kind : null;
      const param = typeof column.param === 'string' && column.param ? column.param : null;
      // "values": the column's texts, each once; its cells are places in this list.
      const values = Array.isArray(column.values) ? column.values : null;
      return { label: String(column.label || ''), kind: kind, filter: Boolean(column.filter), items: items,
               align: align, link: link, param: param, values: values };
    });
  }

  class DataTable {
    constructor(container, spec) {
      this.container = container;
      this.columns = normaliseColumns(spec.columns || []);
      this.rows = prepareRows(spec.rows || [], this.columns);
      addTitles(this.rows, spec.titles);
      const pageSize = Number(spec.page_size);
      this.pageSize = Number.isFinite(pageSize) && pageSize >= 0 ? Math.floor(pageSize) : 50;
      this.labels = WORDS;
      this.sort = { column: -1, descending: false };
      this.filters = this.columns.map(() => null);
      this.selects = this.columns.map(() => null);
      this.csvName = typeof spec.csv === 'string' && spec.csv ? spec.csv : null;
      // "cards": one card per row at every width (a work list read top down), not a grid of columns.
      container.classList.toggle('cards-layout', spec.layout === 'cards');
      this.terms = [];
      this.page = 1;
      this.sorted = this.rows.slice();
      this.visible = this.sorted;
      this.build();
      this.applySort();
    }

    build() {
      const fragment = document.createDocumentFragment();
      fragment.appendChild(this.buildToolbar());
      const scroller = el('div', 'table-scroll');
      const table = el('table');
      table.appendChild(this.buildHead());
      this.body = el('tbody');
      table.appendChild(this.body);
      scroller.appendChild(table);
      fragment.appendChild(scroller);
      fragment.appendChild(this.buildPager());
      this.container.textContent = '';
      this.container.appendChild(fragment);
    }

    buildToolbar() {
      const toolbar = el('div', 'table-toolbar no-print');
      if (this.pageSize > 0 || this.rows.length >= SEARCH_MIN_ROWS) {
        toolbar.appendChild(this.buildSearch());
      }
      this.columns.forEach((column, index) => {
        if (column.filter) {
          toolbar.appendChild(this.buildFilter(column, index));
        }
      });
      if (this.csvName) {
        const button = el('button', 'table-csv', this.labels.csv);
        button.type = 'button';
        button.addEventListener('click', () => this.downloadCsv());
        toolbar.appendChild(button);
      }
      toolbar.hidden = toolbar.childElementCount === 0;
      return toolbar;
    }

    // The rows as filtered and sorted, all of them (not only the current page), as the page shows them.
    csvText() {
      const lines = [this.columns.map((column) => csvField(column.label)).join(';')];
      for (const row of this.visible) {
        lines.push(row.display.map(csvField).join(';'));
      }
      return '\ufeff' + lines.join('\r\n') + '\r\n';
    }

    downloadCsv() {
      const owner = this.columns.findIndex((column) => column.param === 'owner');
      const chosen = owner >= 0 ? this.filters[owner] : null;
      const name = this.csvName + (chosen ? '-' + slug(chosen) : '') + '.csv';
      const blob = new Blob([this.csvText()], { type: 'text/csv;charset=utf-8' });
      const link = el('a');
      link.href = URL.createObjectURL(blob);
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    }

    // Chooses `value` (null: all) in the filter of column `index`, as if picked in its list.
    setFilter(index, value) {
      const entry = this.selects[index];
      if (!entry) {
        return;
      }
      let position = value === null ? -1 : entry.values.indexOf(value);
      if (value !== null && position < 0) {
        // Not in this table (e.g. an owner without rows here): offered all the same, showing no rows.
        entry.values.push(value);
        position = entry.values.length - 1;
        entry.select.appendChild(new Option(value, String(position)));
      }
      entry.select.value = position < 0 ? '' : String(position);
      this.filters[index] = value;
      this.page = 1;
      this.applyFilters();
    }

    buildSearch() {
      const search = el('input', 'table-search');
      search.type = 'search';
      search.placeholder = this.labels.search;
      search.setAttribute('aria-label', this.labels.search);
      search.autocomplete = 'off';
      const update = debounce(() => this.setSearch(search.value), SEARCH_DELAY_MS);
      search.addEventListener('input', update);
      return search;
    }

    buildFilter(column, index) {
      const label = el('label', 'table-filter');
      label.appendChild(el('span', 'table-filter-label', column.label));
      const select = el('select');
      const values = column.items
        ? distinctItems(this.rows, index, column.items)
        : distinctValues(this.rows, index);
      select.appendChild(new Option(this.labels.all, ''));
      // Option values are positions in "values", so any display text
      // (including an empty one) can be chosen without ambiguity.
      values.forEach((value, position) => {
        select.appendChild(new Option(value === '' ? this.labels.blank : value, String(position)));
      });
      select.addEventListener('change', () => {
        this.filters[index] = select.value === '' ? null : values[Number(select.value)];
        this.page = 1;
        this.applyFilters();
        if (column.param) {
          setPageParam(column.param, this.filters[index], this);
        }
      });
      this.selects[index] = { select: select, values: values };
      label.appendChild(select);
      return label;
    }

    buildHead() {
      const head = el('thead');
      const row = el('tr');
      this.headers = this.columns.map((column, index) => {
        const th = el('th', 'align-' + column.align);
        th.scope = 'col';
        const button = el('button', 'sort-button');
        button.type = 'button';
        button.appendChild(document.createTextNode(column.label));
        const arrow = el('span', 'sort-arrow');
        arrow.setAttribute('aria-hidden', 'true');
        button.appendChild(arrow);
        button.addEventListener('click', () => this.toggleSort(index));
        th.appendChild(button);
        row.appendChild(th);
        return { th: th, arrow: arrow };
      });
      head.appendChild(row);
      return head;
    }

    buildPager() {
      const pager = el('div', 'table-pager');
      const controls = el('div', 'table-pager-controls no-print');
      this.previousButton = el('button', 'pager-previous', this.labels.previous);
      this.previousButton.type = 'button';
      this.previousButton.addEventListener('click', () => this.goToPage(this.page - 1));
      this.nextButton = el('button', 'pager-next', this.labels.next);
      this.nextButton.type = 'button';
      this.nextButton.addEventListener('click', () => this.goToPage(this.page + 1));
      this.pageLabel = el('span', 'page-label');
      controls.appendChild(this.previousButton);
      controls.appendChild(this.pageLabel);
      controls.appendChild(this.nextButton);
      // Showing every row needs no paging controls, only the count.
      controls.hidden = this.pageSize === 0;
      this.rowsLabel = el('span', 'rows-label');
      this.rowsLabel.setAttribute('aria-live', 'polite');
      pager.appendChild(controls);
      pager.appendChild(this.rowsLabel);
      return pager;
    }

    toggleSort(column) {
      const again = this.sort.column === column;
      this.sort = { column: column, descending: again ? !this.sort.descending : false };
      this.page = 1;
      this.applySort();
    }

    setSearch(text) {
      const terms = text.toLocaleLowerCase(LANG).split(/\s+/).filter(Boolean);
      if (terms.join(' ') === this.terms.join(' ')) {
        return;
      }
      this.terms = terms;
      this.page = 1;
      this.applyFilters();
    }

    goToPage(page) {
      this.page = Math.min(Math.max(1, page), this.pageCount());
      this.render();
    }

    // Sorting is the expensive step, so it runs only when the order changes;
    // filters and search then work on the already sorted rows.
    applySort() {
      const { column, descending } = this.sort;
      this.sorted = this.rows.slice();
      if (column >= 0) {
        this.sorted.sort(rowComparator(column, descending));
      }
      this.updateHeaders();
      this.applyFilters();
    }

    applyFilters() {
      const filters = this.filters;
      const terms = this.terms;
      const active = filters.some((value) => value !== null);
      if (!active && terms.length === 0) {
        this.visible = this.sorted;
      } else {
        const matches = (row, value, c) => (this.columns[c].items
          ? row.display[c].split(this.columns[c].items).includes(value)
          : row.display[c] === value);
        this.visible = this.sorted.filter((row) =>
          filters.every((value, c) => value === null || matches(row, value, c)) &&
          terms.every((term) => row.haystack.includes(term)));
      }
      this.page = Math.min(this.page, this.pageCount());
      this.render();
    }

    pageCount() {
      if (this.pageSize === 0) {
        return 1;
      }
      return Math.max(1, Math.ceil(this.visible.length / this.pageSize));
    }

    updateHeaders() {
      this.headers.forEach((header, index) => {
        let state = 'none';
        if (index === this.sort.column) {
          state = this.sort.descending ? 'descending' : 'ascending';
        }
        header.th.setAttribute('aria-sort', state);
        header.arrow.textContent = ARROWS[state];
      });
    }

    currentPageRows() {
      if (this.pageSize === 0) {
        return this.visible;
      }
      const start = (this.page - 1) * this.pageSize;
      return this.visible.slice(start, start + this.pageSize);
    }

    rowElement(row, className) {
      const tr = el('tr', className);
      this.columns.forEach((column, c) => {
        const text = row.display[c];
        // Cells stay on one line; only long text wraps, so rows do not turn into narrow towers.
        let cellClass = text.length > LONG_TEXT ? 'align-' + column.align + ' cell-long' : 'align-' + column.align;
        if (text === '') {
          cellClass += ' cell-empty';
        }
        if (column.kind === 'date' || column.link) {
          cellClass += ' cell-' + (column.link || 'date');
        }
        const linked = column.link === 'customer' ? row.targets[c] : text;
        const href = column.link && text && linked ? safeHref(column.link, linked) : null;
        const td = el('td', cellClass, href ? undefined : text);
        if (href) {
          const link = el('a', 'cell-link', text);
          link.href = href;
          td.appendChild(link);
        }
        // The phone layout shows each cell under its column's label.
        td.dataset.label = column.label;
        if (row.titles && row.titles[c]) {
          td.title = row.titles[c];  // the text that was cut short for the page
        }
        tr.appendChild(td);
      });
      return tr;
    }

    // Only the current page is turned into DOM nodes, which keeps large tables fast; printing adds the
    // other filtered rows (renderOffPage), so that paper holds every one of them.
    render() {
      const fragment = document.createDocumentFragment();
      const rows = this.currentPageRows();
      if (rows.length === 0) {
        const tr = el('tr', 'table-empty');
        const td = el('td', null, this.labels.empty);
        td.colSpan = Math.max(1, this.columns.length);
        tr.appendChild(td);
        fragment.appendChild(tr);
      }
      for (const row of rows) {
        fragment.appendChild(this.rowElement(row, null));
      }
      this.body.textContent = '';
      this.body.appendChild(fragment);
      this.renderPager();
    }

    // Before printing: the filtered rows off the current page, in their order around it (hidden on screen).
    renderOffPage() {
      if (this.pageSize === 0 || this.body.querySelector('tr.off-page')) {
        return;
      }
      const start = (this.page - 1) * this.pageSize;
      const before = document.createDocumentFragment();
      const after = document.createDocumentFragment();
      this.visible.forEach((row, index) => {
        if (index < start) {
          before.appendChild(this.rowElement(row, 'off-page'));
        } else if (index >= start + this.pageSize) {
          after.appendChild(this.rowElement(row, 'off-page'));
        }
      });
      this.body.insertBefore(before, this.body.firstChild);
      this.body.appendChild(after);
    }

    renderPager() {
      const pages = this.pageCount();
      this.pageLabel.textContent = fillTemplate(this.labels.page, {
        page: numberFormat.format(this.page),
        pages: numberFormat.format(pages),
      });
      this.rowsLabel.textContent = fillTemplate(counted(this.labels, 'rows', this.rows.length), {
        shown: numberFormat.format(this.visible.length),
        total: numberFormat.format(this.rows.length),
      });
      this.previousButton.disabled = this.page <= 1;
      this.nextButton.disabled = this.page >= pages;
    }
  }

  const TABLES = [];

  function initTable(container) {
    try {
      const spec = readJson(container.dataset.source);
      if (!spec || !Array.isArray(spec.columns) || !Array.isArray(spec.rows)) {
        throw new Error('table JSON needs "columns" and "rows" arrays');
      }
      TABLES.push(new DataTable(container, spec));
    } catch (error) {
      showFailure(container, WORDS.tableFailed, error);
    }
  }

  // The download links that follow a filter: the owner's files while one is chosen, else the whole list's.
  function showFollowingLinks(param, value) {
    const items = Array.from(document.querySelectorAll('li[data-follows]'))
      .filter((item) => item.dataset.follows === param);
    const matching = items.filter((item) => value !== null && item.dataset.value === value);
    for (const item of items) {
      const whole = !Object.prototype.hasOwnProperty.call(item.dataset, 'value');
      item.hidden = matching.length ? !matching.includes(item) : !whole;
    }
  }

  // A page-wide filter (the owner): into the URL, into every table with that filter, into the links.
  function setPageParam(param, value, source) {
    writeHashParam(param, value);
    applyPageParam(param, value, source);
  }

  function applyPageParam(param, value, source) {
    for (const table of TABLES) {
      table.columns.forEach((column, index) => {
        if (column.param === param && table !== source && table.filters[index] !== value) {
          table.setFilter(index, value);
        }
      });
    }
    showFollowingLinks(param, value);
  }

  function applyHash() {
    const params = hashParams();
    const names = new Set(['owner']);
    TABLES.forEach((table) => table.columns.forEach((column) => column.param && names.add(column.param)));
    names.forEach((name) => applyPageParam(name, Object.prototype.hasOwnProperty.call(params, name)
      ? params[name] : null, null));
  }

  function initTables() {
    document.querySelectorAll('.data-table[data-source]').forEach(initTable);
    applyHash();
    window.addEventListener('hashchange', applyHash);
    // Printing: every filtered row; afterwards the screen shows the current page alone again.
    window.addEventListener('beforeprint', () => TABLES.forEach((table) => table.renderOffPage()));
    window.addEventListener('afterprint', () => TABLES.forEach((table) => table.render()));
  }

  /* -------------------------------------------------------------- start */

  function init() {
    initTables();
    initCharts();
  }

  // Works whether the script sits at the end of <body>, is deferred, or runs in <head>.
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
