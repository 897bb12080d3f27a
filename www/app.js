// The page: paste or open a disclosure, check it in a worker, show every checked figure.
// User content is only ever set with textContent or parsed inertly (DOMParser); readDom
// (www/dom-text.js, concatenated before this file) turns HTML into the core's text form.
/* global readDom, entryView */
(() => {
  'use strict';

  const MAX_CHARS = 20 * 1024 * 1024;
  const STORE = 'recount.input';
  const LIST_STEP = 100;
  const SLICE_CHARS = 64 * 1024; // rendered per task, so the page stays responsive
  const HELD = 1024 * 1024; // larger texts are kept aside, not laid out in the textarea

  const T = {
    zh: {
      title: '决算复核', tagline: '核对预决算公开中的每一个数字：合计、比率、增减、预决算差异——全部在本机浏览器中完成，不上传任何内容。',
      inputHeading: '要核对的文件', textLabel: '粘贴公开文本或表格', placeholder: '在此粘贴部门预算、决算公开的文字和表格（可直接从网页复制，表格会保留），或打开文件。',
      run: '核对', open: '打开文件…', sample: '载入示例', clear: '清空', results: '核对结果', working: '正在核对…',
      exportJson: '导出 JSON', exportCsv: '导出 CSV', print: '打印', legendPass: '成立', legendRounding: '四舍五入范围内成立',
      legendFail: '不成立', legendWarning: '存疑', failuresHeading: '不成立的数字', filter: '显示', errors: '错误', warnings: '警告',
      docHeading: '原文（已标注每个核对过的数字）', close: '关闭',
      footer: 'Recount 在您的浏览器中运行：文件不离开本机。每个印出的数字代表其末位 ±½ 的区间；只有任何舍入前的数值都无法得到印出结果时，才判为不成立。',
      checked: '核对关系', passed: '成立', rounding: '舍入内成立', failed: '不成立', unchecked: '未能核对', figures: '读取数字',
      none: '没有发现不成立的数字。', line: (n) => `第 ${n} 行`, details: (raw) => `数字 ${raw} 的核对`,
      tooBig: (mb) => `输入过大（${mb} MB），上限为 20 MB。原有内容未改动。`, notSaved: '文本较大，未能在本机保存；刷新后需重新粘贴。',
      cannotRead: (n) => `无法读取文件 ${n}：不是 UTF-8 或 GB18030 文本。`, loaded: (n) => `已打开：${n}`,
      more: (n) => `再显示 ${Math.min(n, 100)} 项（共余 ${n} 项）`, why: '为什么？', formula: '计算', expected: '应为', tolerance: '可能取值', cause: '可能原因', relation: '关系', status: { pass: '成立', rounding: '四舍五入范围内成立', fail: '不成立', warning: '存疑', unchecked: '未能核对' },
      held: (mb, name) => `已载入 ${mb} MB 的文本${name ? `（${name}）` : ''}：过大，不在此框中显示，但会完整核对；清空或输入新内容即可替换。`, lang: 'English', langLabel: 'English', sampleName: '示例：新疆维吾尔自治区人民政府办公厅 2019 年度部门决算',
    },
    en: {
      title: 'Recount', tagline: 'Checks every figure of a budget or final-accounts disclosure — totals, rates, changes, budget variances — entirely in this browser; nothing is uploaded.',
      inputHeading: 'Document to check', textLabel: 'Paste the disclosure text or tables', placeholder: 'Paste the text and tables of a 部门预算/决算 disclosure here (copy from a web page: tables are kept), or open a file.',
      run: 'Check', open: 'Open file…', sample: 'Load sample', clear: 'Clear', results: 'Results', working: 'Checking…',
      exportJson: 'Export JSON', exportCsv: 'Export CSV', print: 'Print', legendPass: 'holds', legendRounding: 'holds within rounding',
      legendFail: 'fails', legendWarning: 'doubtful', failuresHeading: 'Figures that do not hold', filter: 'Show', errors: 'errors', warnings: 'warnings',
      docHeading: 'The document, every checked figure marked', close: 'Close',
      footer: 'Recount runs in your browser: the document never leaves this machine. A printed figure stands for ±½ of its last digit; a relation fails only when no unrounded inputs give the printed result.',
      checked: 'checked', passed: 'hold', rounding: 'hold by rounding', failed: 'fail', unchecked: 'not checked', figures: 'figures read',
      none: 'No figure fails.', line: (n) => `line ${n}`, details: (raw) => `Checks of ${raw}`,
      tooBig: (mb) => `Input too large (${mb} MB); the limit is 20 MB. Your text was left as it was.`, notSaved: 'The text is too large to keep on this machine; after a reload paste it again.',
      cannotRead: (n) => `Cannot read ${n}: not UTF-8 or GB18030 text.`, loaded: (n) => `Opened: ${n}`,
      more: (n) => `Show ${Math.min(n, 100)} more (${n} left)`, why: 'Why?', formula: 'Arithmetic', expected: 'Expected', tolerance: 'Possible values', cause: 'Likely cause', relation: 'Relation', status: { pass: 'holds', rounding: 'holds within rounding', fail: 'fails', warning: 'doubtful', unchecked: 'not checked' },
      held: (mb, name) => `Loaded ${mb} MB of text${name ? ` (${name})` : ''}: too large to show in this box, but checked in full; clear or type to replace it.`, lang: '中文', langLabel: '中文', sampleName: 'Sample: Xinjiang government office, 2019 final accounts',
    },
  };

  const $ = (id) => document.getElementById(id);
  const text = $('text');
  let lang = localStorage.getItem('recount.lang') === 'en' ? 'en' : 'zh';
  let report = null;
  let checkedText = '';
  let worker = null;
  let seq = 0;
  let byStart = new Map();
  let renderToken = 0;
  let listLimit = LIST_STEP;
  let held = null; // a text too large for the textarea, kept as it is
  let docs = new Map(); // each check's documentation, from the core

  function decodeB64(id) {
    const bin = atob(document.getElementById(id).textContent.trim());
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return bytes;
  }
  const utf8 = (bytes) => new TextDecoder('utf-8').decode(bytes);

  function startWorker() {
    const src = utf8(decodeB64('glue-b64')) + '\n' + utf8(decodeB64('worker-b64'));
    const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
    worker = new Worker(url);
    URL.revokeObjectURL(url);
    worker.postMessage({ type: 'init', wasm: decodeB64('wasm-b64') });
    worker.postMessage({ type: 'docs' });
    worker.onmessage = (e) => {
      if (e.data.type === 'docs') docs = new Map(e.data.docs.map((d) => [d.id, d]));
      else onResult(e.data);
    };
  }

  function tr() {
    const t = T[lang];
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = lang === 'zh' ? '决算复核 Recount' : 'Recount (决算复核)';
    for (const el of document.querySelectorAll('[data-t]')) el.textContent = t[el.dataset.t];
    if (held === null) text.placeholder = t.placeholder;
    $('lang').textContent = t.lang;
    $('lang').setAttribute('aria-label', t.langLabel);
    if (report) render(false);
  }

  function note(msg) { $('note').textContent = msg || ''; }

  function save() {
    try {
      localStorage.setItem(STORE, text.value);
    } catch (_) {
      try { localStorage.removeItem(STORE); } catch (__) { /* storage unavailable */ }
      note(T[lang].notSaved);
    }
  }

  function run() {
    const value = held === null ? text.value : held;
    if (value.length > MAX_CHARS) {
      note(T[lang].tooBig((value.length / 1024 / 1024).toFixed(1)));
      return;
    }
    seq += 1;
    $('progress').hidden = false;
    $('results').setAttribute('aria-busy', 'true');
    checkedText = value;
    worker.postMessage({ type: 'check', id: seq, text: value });
  }

  function onResult(msg) {
    if (msg.id !== seq) return;
    $('progress').hidden = true;
    $('results').removeAttribute('aria-busy');
    if (msg.type === 'error') {
      report = { checks: [], summary: { checked: 0, passed: 0, within_rounding: 0, errors: 0, warnings: 0, unchecked: 0, figures: 0 } };
      note(msg.error[lang]);
    } else {
      report = msg.report;
    }
    listLimit = LIST_STEP;
    byStart = new Map();
    for (const e of report.checks) {
      const k = e.figure.start;
      if (!byStart.has(k)) byStart.set(k, []);
      byStart.get(k).push(e);
    }
    render(true);
  }

  function stateOf(entries) {
    if (entries.some((e) => e.status === 'fail' && e.severity === 'error')) return 'fail';
    if (entries.some((e) => e.status === 'fail')) return 'warning';
    if (entries.every((e) => e.status === 'unchecked')) return 'unchecked';
    if (entries.some((e) => e.status === 'pass' && e.within_rounding)) return 'rounding';
    return 'pass';
  }

  function render(newDoc) {
    const t = T[lang];
    const s = report.summary;
    const sum = $('summary');
    sum.replaceChildren();
    const items = [['checked', s.checked], ['passed', s.passed], ['rounding', s.within_rounding],
      ['failed', s.errors + s.warnings], ['unchecked', s.unchecked], ['figures', s.figures]];
    for (const [k, v] of items) {
      const d = document.createElement('div');
      if (k === 'failed' && v > 0) d.className = 'bad';
      const dt = document.createElement('dt'); dt.textContent = t[k];
      const dd = document.createElement('dd'); dd.textContent = String(v); dd.id = `sum-${k}`;
      d.append(dt, dd);
      sum.append(d);
    }
    renderFailures();
    if (newDoc) renderDoc();
    else for (const b of document.querySelectorAll('#doc .fig')) label(b);
  }

  function renderFailures() {
    const t = T[lang];
    const list = $('failures');
    list.replaceChildren();
    const showE = $('show-errors').checked;
    const showW = $('show-warnings').checked;
    const fails = report.checks.filter((e) => e.status === 'fail'
      && ((e.severity === 'error' && showE) || (e.severity === 'warning' && showW)));
    if (!fails.length) {
      const li = document.createElement('li');
      li.textContent = t.none;
      list.append(li);
      return;
    }
    // a long list laid out at once blocks the page (1,350 items took over a second): 100 at a time
    const shown = fails.slice(0, listLimit);
    for (const e of shown) {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.severity = e.severity;
      b.textContent = `${t.line(e.line)}：${e.message[lang]}`;
      b.addEventListener('click', () => jump(e.figure.start));
      li.append(b);
      list.append(li);
    }
    if (fails.length > shown.length) {
      const li = document.createElement('li');
      const more = document.createElement('button');
      more.type = 'button';
      more.id = 'more-failures';
      more.textContent = t.more(fails.length - shown.length);
      more.addEventListener('click', () => { listLimit += LIST_STEP; renderFailures(); });
      li.append(more);
      list.append(li);
    }
  }

  function label(btn) {
    const entries = byStart.get(Number(btn.dataset.start)) || [];
    const state = stateOf(entries);
    btn.setAttribute('aria-label', `${btn.textContent}：${T[lang].status[state]}`);
  }

  /** Renders the checked text with its figures as buttons, a few hundred lines at a time. */
  function renderDoc() {
    const doc = $('doc');
    doc.replaceChildren();
    const token = ++renderToken;
    const marks = [...byStart.keys()].sort((a, b) => a - b);
    let pos = 0;
    let m = 0;
    const src = checkedText;
    const step = () => {
      if (token !== renderToken) return;
      const frag = document.createDocumentFragment();
      const budget = pos + SLICE_CHARS;
      while (pos < src.length && pos < budget) {
        let nl = src.indexOf('\n', pos);
        if (nl < 0) nl = src.length;
        const end = Math.min(nl + 1, src.length);
        while (m < marks.length && marks[m] < pos) m++;
        let at = pos;
        while (m < marks.length && marks[m] < end) {
          const start = marks[m];
          const entries = byStart.get(start);
          const fend = entries[0].figure.end;
          if (start > at) frag.append(src.slice(at, start));
          const b = document.createElement('button');
          b.type = 'button';
          b.className = `fig ${stateOf(entries)}`;
          b.dataset.start = String(start);
          b.textContent = src.slice(start, fend);
          label(b);
          frag.append(b);
          at = fend;
          m++;
        }
        if (end > at) frag.append(src.slice(at, end));
        pos = end;
      }
      doc.append(frag);
      if (pos < src.length) setTimeout(step, 0);
    };
    step();
  }

  function jump(start) {
    const find = () => document.querySelector(`#doc .fig[data-start="${start}"]`);
    const go = () => {
      const b = find();
      if (!b) { setTimeout(go, 50); return; }
      b.scrollIntoView({ block: 'center' });
      b.focus();
      show(b);
    };
    go();
  }

  function show(btn) {
    const t = T[lang];
    const entries = byStart.get(Number(btn.dataset.start)) || [];
    $('details-h').textContent = t.details(btn.textContent);
    const body = $('details-body');
    body.replaceChildren();
    for (const e of entries) {
      const div = entryView(e, t, lang, t.line(e.line));
      const doc = docs.get(e.rule);
      if (doc) {
        const why = document.createElement('details');
        const sum = document.createElement('summary');
        sum.textContent = `${t.why} ${lang === 'zh' ? doc.title_zh : doc.title_en}`;
        const p = document.createElement('p');
        p.textContent = `${doc.what} ${doc.why} ${doc.tolerance}`;
        why.append(sum, p);
        div.append(why);
      }
      body.append(div);
    }
    $('details').hidden = false;
    $('details').dataset.for = btn.dataset.start;
  }

  function download(name, type, content) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function csv() {
    const cols = ['rule', 'status', 'severity', 'line', 'column', 'reported', 'expected', 'within_rounding', 'formula', 'tolerance', 'cause', 'message_zh', 'message_en'];
    const q = (v) => {
      const s = v === null || v === undefined ? '' : String(v);
      return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const rows = report.checks.map((e) => [e.rule, e.status, e.severity, e.line, e.column, e.reported, e.expected,
      e.within_rounding, e.formula, e.tolerance, e.cause ? e.cause[lang] : '', e.message.zh, e.message.en].map(q).join(','));
    return '\ufeff' + [cols.join(','), ...rows].join('\r\n') + '\r\n';
  }

  /** CSV → tab rows, quotes respected. */
  function csvToTabs(s) {
    const out = [];
    let row = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (quoted) {
        if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n' || c === '\r') {
        if (c === '\r' && s[i + 1] === '\n') i++;
        row.push(cell); out.push(row.map((x) => x.replace(/[\t\n\r]/g, ' ')).join('\t') + '\t'); row = []; cell = '';
      } else cell += c;
    }
    if (cell || row.length) { row.push(cell); out.push(row.join('\t') + '\t'); }
    return out.join('\n') + '\n';
  }

  /** Puts a text in the input: large ones are held aside (a 20 MB textarea takes seconds to lay out). */
  function setInput(s, origin) {
    const t = T[lang];
    if (s.length > HELD) {
      held = s;
      text.value = '';
      text.placeholder = t.held((s.length / 1024 / 1024).toFixed(1), origin);
      note(t.notSaved);
      try { localStorage.removeItem(STORE); } catch (_) { /* storage unavailable */ }
    } else {
      held = null;
      text.value = s;
      text.placeholder = t.placeholder;
      save();
    }
  }

  function htmlToText(html) {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return readDom([doc.body]).text;
  }

  async function openFile(file) {
    const t = T[lang];
    const bytes = new Uint8Array(await file.arrayBuffer());
    let s;
    try {
      s = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch (_) {
      try { s = new TextDecoder('gb18030', { fatal: true }).decode(bytes); } catch (__) { note(t.cannotRead(file.name)); return; }
    }
    if (s.length > MAX_CHARS) { note(t.tooBig((s.length / 1024 / 1024).toFixed(1))); return; }
    const name = file.name.toLowerCase();
    if (name.endsWith('.html') || name.endsWith('.htm') || /^\s*<(!doctype|html)/i.test(s)) s = htmlToText(s);
    else if (name.endsWith('.csv')) s = csvToTabs(s);
    note('');
    setInput(s.replace(/^\ufeff/, ''), file.name);
    $('file-name').textContent = t.loaded(file.name);
    run();
  }

  function loadSample() {
    note('');
    setInput(utf8(decodeB64('sample-b64')), '');
    $('file-name').textContent = T[lang].sampleName;
    run();
  }

  // ---- wiring ----
  startWorker();
  $('run').addEventListener('click', run);
  $('sample').addEventListener('click', loadSample);
  $('clear').addEventListener('click', () => {
    held = null;
    text.value = '';
    text.placeholder = T[lang].placeholder;
    note('');
    $('file-name').textContent = '';
    try { localStorage.removeItem(STORE); } catch (_) { /* storage unavailable */ }
    text.focus();
  });
  $('file').addEventListener('change', (e) => { const f = e.target.files[0]; if (f) openFile(f); e.target.value = ''; });
  text.addEventListener('dragover', (e) => e.preventDefault());
  text.addEventListener('drop', (e) => {
    const f = e.dataTransfer && e.dataTransfer.files[0];
    if (f) { e.preventDefault(); openFile(f); }
  });
  text.addEventListener('paste', (e) => {
    const data = e.clipboardData;
    const html = data && data.getData('text/html');
    const plain = data && data.getData('text/plain');
    let s = null;
    if (html && /<table/i.test(html)) s = htmlToText(html);
    else if (plain && plain.length > HELD) s = plain;
    if (s !== null) {
      e.preventDefault();
      if (s.length > MAX_CHARS) { note(T[lang].tooBig((s.length / 1024 / 1024).toFixed(1))); return; }
      const { selectionStart: a, selectionEnd: b, value } = text;
      setInput(held === null && s.length <= HELD ? value.slice(0, a) + s + value.slice(b) : s, '');
    }
    setTimeout(() => { if (held === null) save(); run(); }, 0);
  });
  let saveTimer = 0;
  text.addEventListener('input', () => {
    held = null;
    text.placeholder = T[lang].placeholder;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, 400);
  });
  $('lang').addEventListener('click', () => { lang = lang === 'zh' ? 'en' : 'zh'; localStorage.setItem('recount.lang', lang); tr(); });
  $('show-errors').addEventListener('change', renderFailures);
  $('show-warnings').addEventListener('change', renderFailures);
  $('export-json').addEventListener('click', () => report && download('recount-report.json', 'application/json', JSON.stringify(report, null, 2)));
  $('export-csv').addEventListener('click', () => report && download('recount-report.csv', 'text/csv;charset=utf-8', csv()));
  $('print').addEventListener('click', () => window.print());
  $('doc').addEventListener('click', (e) => { const b = e.target.closest('.fig'); if (b) show(b); });
  let refocusing = false;
  $('doc').addEventListener('focusin', (e) => {
    const b = e.target.closest('.fig');
    if (b && !refocusing) show(b);
    refocusing = false;
  });
  $('details-close').addEventListener('click', () => {
    const start = $('details').dataset.for;
    $('details').hidden = true;
    const b = document.querySelector(`#doc .fig[data-start="${start}"]`);
    if (b) { refocusing = true; b.focus(); }
  });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !$('details').hidden) $('details-close').click(); });

  tr();
  let saved = null;
  try { saved = localStorage.getItem(STORE); } catch (_) { /* storage unavailable */ }
  if (saved) { text.value = saved; run(); } else loadSample();
})();
