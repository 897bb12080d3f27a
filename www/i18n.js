// @ts-check
// One string table and one answer view for the page and the widget. A figure's state, its
// place, the sentence that leads its answer and the coverage verdict come from the core
// (`present` in src/present.rs); only the interface's own words are here.


// eslint-disable-next-line no-unused-vars
const STRINGS = {
  zh: {
    title: '决算复核', sub: 'Recount',
    tagline: '核对预决算公开中的每一个数字：合计、比率、增减、预决算差异——全部在本机浏览器中完成，不上传任何内容。',
    inputHeading: '要核对的文件', textLabel: '粘贴公开文本或表格',
    placeholder: '在此粘贴部门预算、决算公开的文字和表格（可直接从网页复制，表格会保留），或打开文件。',
    run: '核对', open: '打开文件…', sample: '载入示例', clear: '清空', cancel: '取消',
    keep: '在本机保留文本（刷新后仍在）',
    results: '核对结果', working: '正在核对…',
    exportJson: '导出 JSON', exportCsv: '导出 CSV', print: '打印', printDoc: '打印时包括原文',
    legendPass: '✓ 成立', legendRounding: '≈ 舍入内成立', legendFail: '✗ 不成立', legendWarning: '? 存疑',
    failuresHeading: '不成立的数字', filter: '显示', errors: '错误', warnings: '存疑',
    docHeading: '原文', docLabel: '原文：方向键在标注的数字间移动，N / P 跳到下一个 / 上一个不成立的数字，回车查看核对',
    keysHint: '键盘：Tab 进入原文，方向键逐个数字，N / P 下一个 / 上一个不成立，回车查看，Esc 返回。',
    close: '关闭',
    footer: 'Recount 在您的浏览器中运行：文件不离开本机。每个印出的数字代表其末位 ±½ 的区间；只有任何舍入前的数值都无法得到印出结果时，才判为不成立。',
    figures: '读取数字', relations: '找到关系', checked: '已核对', holding: '成立', rounding: '其中舍入内', failing: '不成立', unchecked: '未能核对', tables: '读懂的表格',
    noFailures: '没有不成立的数字。', nothingToList: '没有核对任何数字，因此也没有列出错误。',
    tooBig: (/** @type {string} */ size) => `输入过大（${size}），上限为 20 MB。原有内容未改动。`,
    notSaved: '文本较大，未在本机保存；刷新后需重新粘贴。',
    cannotRead: (/** @type {string} */ n) => `无法读取文件 ${n}：不是 UTF-8、UTF-16 或 GB18030 文本。原有内容未改动。`,
    emptyFile: (/** @type {string} */ n) => `文件 ${n} 是空的，未载入。原有内容未改动。`,
    loaded: (/** @type {string} */ n) => `已打开：${n}`,
    more: (/** @type {number} */ n) => `再显示 ${Math.min(n, 100)} 项（共余 ${n} 项）`,
    formula: '计算', expected: '应为', tolerance: '可能取值', cause: '可能原因', relation: '关系', where: '位置',
    whyTolerance: '为什么是这个范围？', aboutCheck: (/** @type {string} */ t) => `关于这项检查：${t}`,
    status: { pass: '成立', rounding: '舍入内成立', fail: '不成立', warning: '存疑', unchecked: '未核对' },
    held: (/** @type {string} */ size, /** @type {string} */ name) => `已载入 ${size} 的文本${name ? `（${name}）` : ''}：过大，不在此框中显示，但会完整核对；清空或输入新内容即可替换。`,
    lang: 'English', langCode: 'en',
    sampleName: '示例：新疆维吾尔自治区人民政府办公厅 2019 年度部门决算',
    cancelled: '已取消核对。', timedOut: (/** @type {number} */ s) => `核对超过 ${s} 秒仍未完成，已停止。文本可能过大或结构异常，可以分成几段分别核对。`,
    crashed: '核对时出错，已重新启动核对程序；可以再试一次，或分段核对。',
    notRerun: '上次核对这段文本时出错或没有完成，所以这次没有自动核对。点“核对”再试。',
    done: (/** @type {string} */ v) => `核对完成。${v}`,
    readerOk: '我核对过，这个数字是对的', readerReason: '理由（可选）', readerSave: '记下', readerUndo: '撤销我的判断',
    readerNoted: (/** @type {string} */ r) => `读者已确认无误${r ? `：${r}` : ''}`,
    reportTitle: '决算复核报告', docName: '文件', date: '日期', version: '版本',
    bytes: (/** @type {number} */ n) => `${n.toLocaleString('en')} 字节`,
    // the widget
    wNothing: '本页没有可以核对的数字', wSummary: (/** @type {number} */ c, /** @type {number} */ f) => `核对 ${c} 处：${f ? `${f} 处不成立` : '全部成立'}`,
    wHide: '隐藏标记', wShow: '显示标记', wList: '不成立的数字', wFailed: (/** @type {string} */ m) => `无法运行核对：${m}`,
    wCsp: '此网页的安全策略（CSP）不允许运行 WebAssembly：需要在 script-src 中加入 \'wasm-unsafe-eval\'。',
    wTooMany: (/** @type {number} */ n) => `只标注了前 ${n} 个数字`, wOf: (/** @type {number} */ i, /** @type {number} */ n) => `第 ${i} 处（共 ${n} 处）`,
  },
  en: {
    title: 'Recount', sub: '决算复核',
    tagline: 'Checks every figure of a budget or final-accounts disclosure — totals, rates, changes, budget variances — entirely in this browser; nothing is uploaded.',
    inputHeading: 'Document to check', textLabel: 'Paste the disclosure text or tables',
    placeholder: 'Paste the text and tables of a budget or final-accounts disclosure here (copy from a web page: tables are kept), or open a file.',
    run: 'Check', open: 'Open file…', sample: 'Load sample', clear: 'Clear', cancel: 'Cancel',
    keep: 'Keep the text on this device (it survives a reload)',
    results: 'Results', working: 'Checking…',
    exportJson: 'Export JSON', exportCsv: 'Export CSV', print: 'Print', printDoc: 'Include the document when printing',
    legendPass: '✓ holds', legendRounding: '≈ holds within rounding', legendFail: '✗ fails', legendWarning: '? doubtful',
    failuresHeading: 'Figures that fail', filter: 'Show', errors: 'errors', warnings: 'doubtful',
    docHeading: 'The document', docLabel: 'The document: arrow keys move between marked figures, N / P to the next / previous failure, Enter shows the check',
    keysHint: 'Keyboard: Tab into the document, arrow keys from figure to figure, N / P next / previous failure, Enter to open, Esc to return.',
    close: 'Close',
    footer: 'Recount runs in your browser: the document never leaves this machine. A printed figure stands for ±½ of its last digit; a relation fails only when no unrounded inputs give the printed result.',
    figures: 'figures read', relations: 'relations found', checked: 'checked', holding: 'hold', rounding: 'of which within rounding', failing: 'fail', unchecked: 'not checked', tables: 'tables understood',
    noFailures: 'No figure fails.', nothingToList: 'Nothing was checked, so no failure is listed.',
    tooBig: (/** @type {string} */ size) => `Input too large (${size}); the limit is 20 MB. Your text was left as it was.`,
    notSaved: 'The text is too large to keep on this device; after a reload paste it again.',
    cannotRead: (/** @type {string} */ n) => `Cannot read ${n}: not UTF-8, UTF-16 or GB18030 text. Your text was left as it was.`,
    emptyFile: (/** @type {string} */ n) => `${n} is empty and was not loaded. Your text was left as it was.`,
    loaded: (/** @type {string} */ n) => `Opened: ${n}`,
    more: (/** @type {number} */ n) => `Show ${Math.min(n, 100)} more (${n} left)`,
    formula: 'Arithmetic', expected: 'Expected', tolerance: 'Possible values', cause: 'Likely cause', relation: 'Relation', where: 'Where',
    whyTolerance: 'Why this range?', aboutCheck: (/** @type {string} */ t) => `About this check: ${t}`,
    status: { pass: 'holds', rounding: 'holds within rounding', fail: 'fails', warning: 'doubtful', unchecked: 'not checked' },
    held: (/** @type {string} */ size, /** @type {string} */ name) => `Loaded ${size} of text${name ? ` (${name})` : ''}: too large to show in this box, but checked in full; clear or type to replace it.`,
    lang: '中文', langCode: 'zh-CN',
    sampleName: 'Sample: Xinjiang Uygur Autonomous Region government office, 2019 final accounts',
    cancelled: 'The check was cancelled.', timedOut: (/** @type {number} */ s) => `The check did not finish within ${s} seconds and was stopped. The text may be too large or unusually shaped; check it in parts.`,
    crashed: 'The check failed; the checker was restarted. Try again, or check the text in parts.',
    notRerun: 'The last check of this text failed or did not finish, so it was not run again automatically. Press “Check” to try again.',
    done: (/** @type {string} */ v) => `Check done. ${v}`,
    readerOk: 'I checked this, it is right', readerReason: 'Reason (optional)', readerSave: 'Note it', readerUndo: 'Undo my verdict',
    readerNoted: (/** @type {string} */ r) => `A reader found it right${r ? `: ${r}` : ''}`,
    reportTitle: 'Recount report', docName: 'Document', date: 'Date', version: 'Version',
    bytes: (/** @type {number} */ n) => `${n.toLocaleString('en')} bytes`,
    // the widget
    wNothing: 'No figures to check on this page', wSummary: (/** @type {number} */ c, /** @type {number} */ f) => `${c} checked: ${f ? `${f} fail` : 'all hold'}`,
    wHide: 'Hide marks', wShow: 'Show marks', wList: 'Figures that fail', wFailed: (/** @type {string} */ m) => `Could not run the check: ${m}`,
    wCsp: 'This page\'s security policy (CSP) does not allow WebAssembly: its script-src needs \'wasm-unsafe-eval\'.',
    wTooMany: (/** @type {number} */ n) => `only the first ${n} figures are marked`, wOf: (/** @type {number} */ i, /** @type {number} */ n) => `part ${i} of ${n}`,
  },
};

/** A size in bytes, as people read it: "5.2 MB（5,242,880 字节）". */
// eslint-disable-next-line no-unused-vars
function sizeText(/** @type {number} */ n, /** @type {Lang} */ lang) {
  const short = n >= 100000 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e3).toFixed(1)} KB`;
  const bytes = STRINGS[lang].bytes(n);
  return lang === 'zh' ? `${short}（${bytes}）` : `${short} (${bytes})`;
}

/**
 * The answer about one figure: its relations, each leading with one plain sentence, then
 * the arithmetic, then why this range (on demand) and the check's own documentation.
 * @param {FigView} fig
 * @param {Entry[]} checks the report's entries
 * @param {Lang} lang
 * @param {Map<string, CheckDoc>} docs
 * @returns {HTMLElement}
 */
// eslint-disable-next-line no-unused-vars
function answerView(fig, checks, lang, docs) {
  const t = STRINGS[lang];
  const box = document.createElement('div');
  box.className = 'answer-body';
  const where = document.createElement('p');
  where.className = 'where';
  where.textContent = `${t.where}：${fig.place[lang]}`.replace('：', lang === 'zh' ? '：' : ': ');
  box.append(where);
  for (const v of fig.entries) {
    const e = checks[v.index];
    if (!e) continue;
    const div = document.createElement('section');
    div.className = `entry ${v.state}`;
    const lead = document.createElement('p');
    lead.className = 'lead';
    const tag = document.createElement('span');
    tag.className = `tag ${v.state}`;
    tag.textContent = t.status[v.state];
    lead.append(tag, ' ', v.lead[lang]);
    const dl = document.createElement('dl');
    /** @param {string} k @param {string | null | undefined} val */
    const row = (k, val) => {
      if (val === null || val === undefined || val === '') return;
      const dt = document.createElement('dt'); dt.textContent = k;
      const dd = document.createElement('dd'); dd.textContent = val;
      dl.append(dt, dd);
    };
    row(t.relation, e.relation[lang]);
    row(t.formula, e.formula);
    if (v.state === 'fail' || v.state === 'warning') row(t.expected, e.expected);
    row(t.cause, e.cause && e.cause[lang]);
    div.append(lead, dl);
    if (v.why) {
      const why = document.createElement('details');
      const s = document.createElement('summary');
      s.textContent = t.whyTolerance;
      const p = document.createElement('p');
      p.textContent = v.why[lang];
      why.append(s, p);
      div.append(why);
    }
    const doc = docs.get(e.rule);
    if (doc) {
      const about = document.createElement('details');
      const s = document.createElement('summary');
      s.textContent = t.aboutCheck(lang === 'zh' ? doc.title_zh : doc.title_en);
      const p = document.createElement('p');
      const w = doc[lang];
      p.textContent = lang === 'zh' ? `${w.what}${w.why}${w.tolerance}` : `${w.what} ${w.why} ${w.tolerance}`;
      about.append(s, p);
      div.append(about);
    }
    box.append(div);
  }
  return box;
}
