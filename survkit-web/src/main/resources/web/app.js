/* survkit serve — the page. Plain JavaScript, no framework, no external requests. Every text from the data or
   from the server is put into the page with textContent (never parsed as markup), so column names and values are shown
   as text, not markup. */
'use strict';

const CSRF = document.querySelector('meta[name="survkit-csrf"]').content;
const MAX_UPLOAD = Number(document.querySelector('meta[name="survkit-max-upload"]').content);
const $ = (id) => document.getElementById(id);

const state = {
  dataset: null, optionNames: null, studyId: null, km: null, compare: null, cox: null,
  // groups: in the study's order (groups.order: the legend's order; the first is the reference of hazard ratios);
  // order: the order the user chose (null: the natural order); factors: Cox covariate → {categorical, reference}
  groups: [], order: null, colors: {}, hidden: new Set(), factors: {}, figureUrl: null, seq: 0, restoring: false,
  config: null,
  // groups derived by rules (the study's groups.rules), while the Group field says "Groups from rules…"
  rules: { name: 'group', rules: [{ label: '', when: '' }], otherwise: '' },
  // eligibility criteria (the study's include and exclude): rows with a rule and a reason are sent
  eligibility: { include: [], exclude: [] },
};
/** The Group field's choice that opens the rules editor (no column name starts with a control character). */
const RULES = '\u0001rules';

/* ---------- what the page shows as the figures and the report do: from the server (GET /api/config), not copied:
   palette (survkit-plot Palette), test_names (Weighting display names), p_styles (survkit-stats PValueFormat rules
   per P style), numbers (survkit-report Formats) */
let configRequest = null;
async function loadConfig() {
  if (!state.config) {
    configRequest = configRequest || api('GET', '/api/config').finally(() => { configRequest = null; });
    state.config = await configRequest;
  }
  return state.config;
}
loadConfig().catch(() => { /* asked again, and its error shown, by the first action that needs it */ });
function paletteColor(i) { const p = state.config.palette; return p[i % p.length]; }

/* ---------- small helpers ---------- */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}
function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
function show(node, on) { node.hidden = !on; }
function toast(msg) { const t = $('toast'); t.textContent = msg; show(t, true); clearTimeout(toast.t); toast.t = setTimeout(() => show(t, false), 2600); }
function fmt(x, digits = 3) {
  if (x === null || x === undefined || Number.isNaN(x)) return 'NA';
  if (Math.abs(x) >= 1000 || Number.isInteger(x)) return String(Math.round(x * 100) / 100);
  return Number(x).toPrecision(digits).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}
/* p-format:begin -- P as the report, the figures and the study's p_style print it, by the rules of survkit-stats
   PValueFormat.rules() sent in /api/config "p_styles" (this interprets them; it holds no rule of its own).
   PValueFormatParityTest runs this block in node against the Java formatter. */
function decimalsOf(t) { return (t.split('.')[1] || '').length; }
function pText(r, p) {
  if (p === null || p === undefined || Number.isNaN(p)) return 'NA';
  if (p < r.floor) return r.floor_text;
  const x = Math.min(p, 1);
  let t;
  if (r.significant) {
    t = x.toPrecision(r.significant);
    if (r.max_decimals && decimalsOf(t) > r.max_decimals) t = x.toFixed(r.max_decimals);
  } else {
    t = x.toFixed(x < 0.01 ? r.decimals_small : r.decimals);
  }
  while (r.keep_below && x < r.keep_below && Number(t) >= r.keep_below && decimalsOf(t) < r.max_decimals) {
    t = x.toFixed(decimalsOf(t) + 1);
  }
  if (r.ceiling_text !== null && Number(t) >= 1) return r.ceiling_text;
  if (!r.leading_zero) t = t.replace(/^0\./, '.');
  return t.replace('.', r.mark);
}
function pTextWithSymbol(r, p) {
  const t = pText(r, p);
  const relation = t.startsWith('<') || t.startsWith('>');
  return r.symbol + (relation ? (r.spaced ? ' ' : '') + t : (r.spaced ? ' = ' : '=') + t);
}
// hazard ratios as the report prints them (survkit-report Formats.ratio and Formats.hrCi; /api/config "numbers")
function ratioText(n, x, d) {
  if (x === null || x === undefined || Number.isNaN(x)) return n.missing;
  if (!Number.isFinite(x)) return '\u221E';
  if (x > 1000) return '> 1000';
  if (x !== 0 && x < 0.1) return Number(x).toPrecision(d);
  return Number(x).toFixed(d);
}
// the decimals of an interval: ratio_digits, or more (up to ratio_max_digits) until estimate and limits print
// apart and a limit other than 1 does not print as 1 (Formats.ratioDigits)
function ratioDigits(n, hr, lo, hi) {
  for (let d = n.ratio_digits; d < n.ratio_max_digits; d++) {
    const e = ratioText(n, hr, d); const l = ratioText(n, lo, d); const u = ratioText(n, hi, d);
    const one = ratioText(n, 1, d);
    const apart = (e !== l && e !== u) || lo === hr || hi === hr;
    const notOne = (lo === 1 || l !== one) && (hi === 1 || u !== one);
    if (apart && notOne) return d;
  }
  return n.ratio_max_digits;
}
/* p-format:end */
// the digits style with the P-digits field's digits (/api/config "p_digits": its rules per number of digits)
function pRule() {
  const s = state.config.p_styles; const style = $('opt-p-style').value;
  const d = state.config.p_digits[$('opt-p-digits').value];
  return (!style || style === 'digits') && d ? d : s[style] || s.digits;
}
function fmtP(p) { return pText(pRule(), p); }
// with the symbol: "p = 0.00131", "P<.001" (AMA), "p=0·035" (Lancet)
function fmtPWithSymbol(p) { return pTextWithSymbol(pRule(), p); }
function pct(s) { return s === null || s === undefined ? 'NA' : (100 * s).toFixed(1) + '%'; }
// intervals, times and hazard ratios as the report prints them (its rules from /api/config "numbers")
function ci(lo, hi, f) { return '(' + f(lo) + state.config.numbers.dash + f(hi) + ')'; }
function absent(x) { return x === null || x === undefined || Number.isNaN(x); }
function fmtTime(t) {
  if (absent(t)) return state.config.numbers.not_reached;
  const n = state.config.numbers;
  return Number(t).toFixed($('map-unit').value === 'days' || (timeMode() === 'dates' && !$('map-unit').value)
    ? n.days_digits : n.time_digits);
}
function fmtRatio(x, d) { return ratioText(state.config.numbers, x, d === undefined ? state.config.numbers.ratio_digits : d); }
// "1.030 (0.998–1.066)": the estimate and its interval with the same, sufficient decimals
function fmtRatioCi(hr, lo, hi) {
  const d = ratioDigits(state.config.numbers, hr, lo, hi);
  return fmtRatio(hr, d) + ' ' + ci(lo, hi, (x) => fmtRatio(x, d));
}

async function api(method, path, body, kind = 'json') {
  const headers = { 'X-Survkit-CSRF': CSRF };
  let payload = body;
  if (body !== undefined && !(body instanceof FormData)) { headers['Content-Type'] = 'application/json'; payload = JSON.stringify(body); }
  let r;
  try { r = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' }); }
  catch (e) { throw new Error('the survkit server does not answer: is it still running?'); }
  if (!r.ok) {
    let msg = 'request failed (' + r.status + ')';
    try { const j = await r.json(); if (j && j.error) msg = j.error; } catch (e) { /* not JSON */ }
    const err = new Error(msg); err.status = r.status; throw err;
  }
  if (r.status === 204) return null;
  if (kind === 'blob') return r.blob();
  if (kind === 'text') return r.text();
  return r.json();
}
function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 4000);
}
function stem() { return state.dataset ? state.dataset.file_name.replace(/\.[^.]+$/, '') : 'survkit'; }

/* ---------- upload ---------- */
const drop = $('dropzone');
['dragenter', 'dragover'].forEach((t) => drop.addEventListener(t, (e) => { e.preventDefault(); drop.classList.add('over'); }));
['dragleave', 'drop'].forEach((t) => drop.addEventListener(t, (e) => { e.preventDefault(); drop.classList.remove('over'); }));
drop.addEventListener('drop', (e) => { if (e.dataTransfer.files.length) upload(e.dataTransfer.files[0]); });
$('file-input').addEventListener('change', (e) => { if (e.target.files.length) upload(e.target.files[0]); e.target.value = ''; });

async function upload(file) {
  const err = $('upload-error');
  show(err, false);
  if (file.size > MAX_UPLOAD) {
    err.textContent = file.name + ' is larger than the upload limit of ' + Math.round(MAX_UPLOAD / 1048576) + ' MB.';
    show(err, true); return;
  }
  const info = $('file-info');
  info.textContent = 'Uploading ' + file.name + '…'; show(info, true);
  const fd = new FormData(); fd.append('file', file, file.name);
  try {
    const d = await api('POST', '/api/datasets', fd);
    await loadConfig();
    state.studyId = null; $('study-name').value = d.file_name.replace(/\.[^.]+$/, '');
    loadDataset(d, null);
  } catch (e) {
    show(info, !!state.dataset); if (state.dataset) describeFile(state.dataset);
    err.textContent = e.message; show(err, true);
  }
}

function describeFile(d) {
  const info = clear($('file-info'));
  info.append(el('b', { text: d.file_name }), ' · ' + d.rows.toLocaleString('en') + ' rows · ' + d.columns.length + ' columns');
  const remove = el('button', { type: 'button', class: 'linklike', id: 'remove-data', text: 'Remove this data' });
  remove.addEventListener('click', () => removeDataset(d));
  info.append(' · ', remove);
  show(info, true);
}

// deletes the uploaded file and its stored copy from this computer (refused while saved studies use it)
async function removeDataset(d) {
  if (!window.confirm('Remove ' + d.file_name + ' from survkit on this computer? Saved studies that use it must be deleted first.')) return;
  try {
    await api('DELETE', '/api/datasets/' + encodeURIComponent(d.id));
  } catch (e) { toast(e.message); return; }
  window.location.reload();
}

function loadDataset(d, settings) {
  state.dataset = d; state.km = state.compare = state.cox = null; state.hidden = new Set(); state.colors = {};
  state.groups = []; state.order = null; state.factors = {};
  state.rules = { name: 'group', rules: [{ label: '', when: '' }], otherwise: '' };
  $('rules-status').textContent = '';
  state.eligibility = { include: [], exclude: [] };
  renderCriteria();
  describeFile(d);
  $('map-na').value = ''; $('opt-landmark').value = ''; $('map-decimal').value = ''; $('map-invalid').value = '';
  state.check = null; state.checkClean = undefined;
  fillSelects(d);
  renderRules();
  renderCoxFactors();
  ['step-columns', 'step-options', 'step-model', 'preview-card', 'check-card'].forEach((id) => show($(id), true));
  show($('welcome'), false);
  if (settings) applySettings(settings); else guessMapping(d);
  renderPreview(d); // after the settings: their missing-value codes are marked
  checkData();
  analyse();
}

function renderPreview(d) {
  const t = clear($('preview'));
  const head = el('tr');
  // a column of numbers once its missing-value codes are set aside ("unknown" among grades) is read as numbers
  const type = (c) => (d.types[c] === 'text' && naCodes().length && hasLevels(c) && numeric(c) ? 'number' : d.types[c] || '');
  d.columns.forEach((c) => head.append(el('th', {}, c, el('span', { class: 'type', text: type(c) }))));
  t.append(el('thead', {}, head));
  const body = el('tbody');
  let codes = 0;
  d.preview.forEach((r) => {
    const tr = el('tr');
    r.forEach((v) => {
      const code = isMissing(v) && v.trim() !== '';
      if (code) codes++;
      tr.append(el('td', { text: v, class: code ? 'na' : null, title: code ? 'missing value' : null }));
    });
    body.append(tr);
  });
  t.append(body);
  $('preview-note').textContent = 'first ' + d.preview.length + ' of ' + d.rows.toLocaleString('en') + ' rows'
    + (codes ? ' · ' + codes + (codes === 1 ? ' cell is a missing-value code' : ' cells are missing-value codes') : '')
    + (d.warnings.length ? ' · ' + d.warnings.join(' ') : '');
}

/** The missing-value codes: the field's, besides empty, NA and . (compared with the trimmed cell, as survkit reads). */
function naCodes() { return $('map-na').value.split(',').map((x) => x.trim()).filter((x) => x !== ''); }
function isMissing(v) { const x = String(v).trim(); return x === '' || x === 'NA' || x === '.' || naCodes().includes(x); }

function options(select, values, blank) {
  clear(select);
  if (blank !== undefined) select.append(el('option', { value: '', text: blank }));
  values.forEach((v) => select.append(el('option', { value: v, text: v })));
}

function fillSelects(d) {
  const cols = d.columns;
  options($('map-time'), cols, '— choose —');
  options($('map-start'), cols, '— choose —');
  options($('map-end'), cols, '— choose —');
  options($('map-event'), cols, '— choose —');
  options($('map-group'), cols, 'none (one curve)');
  $('map-group').append(el('option', { value: RULES, text: 'Groups from rules…' }));
  options($('map-strata'), cols, 'none');
  options($('map-entry'), cols, 'none (from time 0)');
  options($('map-weights'), cols, 'none');
  options($('cox-cluster'), cols, 'none');
  options($('cox-offset'), cols, 'none');
  const chips = (box, name) => {
    clear(box);
    cols.forEach((c) => box.append(el('label', {}, el('input', { type: 'checkbox', value: c, 'data-list': name }), c)));
  };
  chips($('table1-list'), 'table1');
  chips($('cox-list'), 'cox');
}

/** The values of a coded column over the whole file (else its preview), without the missing-value codes. */
function columnValues(col) {
  const levels = state.dataset.levels;
  if (levels && Object.prototype.hasOwnProperty.call(levels, col)) return levels[col].filter((v) => !isMissing(v));
  const i = state.dataset.columns.indexOf(col);
  const seen = [];
  state.dataset.preview.forEach((r) => { const v = r[i]; if (!isMissing(v) && !seen.includes(v)) seen.push(v); });
  return seen.sort((a, b) => (isNaN(a) || isNaN(b) ? a.localeCompare(b) : a - b));
}
function hasLevels(col) { return !!(state.dataset.levels && Object.prototype.hasOwnProperty.call(state.dataset.levels, col)); }
/** A column of numbers once the missing-value codes are set aside (a Cox model then needs it marked categorical). */
function numeric(col) {
  if (hasLevels(col)) return columnValues(col).every((v) => v.trim() !== '' && !Number.isNaN(Number(v)));
  return state.dataset.types[col] === 'number';
}

/**
 * The event column's values as two lists of chips: the values that are an event and those that mean censored (a
 * value is in one list at most). keep, keepCensor: the values to tick (kept even when the column does not show them,
 * so that a study's choice is never dropped silently); without keep, 1/2 columns (R's lung) propose 2 as the event.
 */
function fillEventValues(keep, keepCensor) {
  const col = $('map-event').value;
  const vals = col ? columnValues(col) : [];
  const chipsOf = (box, name, ticked) => {
    clear(box);
    const all = vals.concat((ticked || []).filter((v) => !vals.includes(v)));
    all.forEach((v) => box.append(el('label', {}, el('input', { type: 'checkbox', value: v, 'data-list': name,
      checked: (ticked || []).includes(v) }), v)));
  };
  let ev = keep;
  if (ev === undefined) ev = vals.length === 2 && vals[0] === '1' && vals[1] === '2' ? ['2'] : [];
  chipsOf($('map-event-value'), 'event-value', ev);
  chipsOf($('map-censor-value'), 'censor-value', keepCensor || []);
  describeCoding();
}
function eventValues() { return listChecked('event-value'); }
function censorValues() { return listChecked('censor-value'); }
/** A value is an event or censored, not both: ticking it in one list unticks it in the other. */
function codingChanged(e) {
  const i = e.target;
  if (!i.matches('input[data-list]')) return;
  if (i.checked) {
    const other = i.dataset.list === 'event-value' ? 'censor-value' : 'event-value';
    document.querySelectorAll('input[data-list="' + other + '"]').forEach((x) => { if (x.value === i.value) x.checked = false; });
  }
  describeCoding();
  checkData();
  analyse();
}
$('map-event-value').addEventListener('change', codingChanged);
$('map-censor-value').addEventListener('change', codingChanged);
/** How the values not ticked are read (the event values' rule of the study keys). */
function describeCoding() {
  const ev = eventValues().length;
  const cv = censorValues().length;
  $('coding-hint').textContent = !$('map-event').value ? ''
    : !ev && !cv ? 'None ticked: 1, yes, true and words for death are events; 0, no, alive and censored are censored.'
      : ev && cv ? 'Any other value is a problem.'
        : ev ? 'Other values are censored (a word for death or a misspelling of an event value is a problem).'
          : 'Every other value is an event.';
}

function guessMapping(d) {
  const find = (re, type) => d.columns.find((c) => re.test(c) && (!type || d.types[c] === type)) || '';
  $('map-time').value = find(/^(time|futime|os[_.]?(time|months|days)?|survival|months|days|follow.?up|t)$/i, 'number')
    || find(/time|month|day|surv/i, 'number');
  $('map-event').value = find(/^(status|event|dead|death|died|censor|os[_.]?status|fustat|vital)/i)
    || find(/status|event|dead|death/i);
  fillEventValues();
}

/* ---------- settings ---------- */
function timeMode() { return document.querySelector('input[name="time-mode"]:checked').value; }
document.querySelectorAll('input[name="time-mode"]').forEach((r) => r.addEventListener('change', () => {
  show($('time-column-fields'), timeMode() === 'column'); show($('date-fields'), timeMode() === 'dates');
  checkData(); analyse();
}));

function listChecked(name) {
  return [...document.querySelectorAll('input[data-list="' + name + '"]:checked')].map((i) => i.value);
}

/** The options in the CLI's names (a superset; each analysis gets the ones it has). */
function cliOptions() {
  const o = {};
  if (timeMode() === 'column') o.time = $('map-time').value;
  else { o.start_date = $('map-start').value; o.end_date = $('map-end').value; o.date_format = $('map-date-format').value; }
  o.time_unit = $('map-unit').value;
  o.event = $('map-event').value;
  o.event_value = eventValues();
  o.censor_value = censorValues();
  o.group = rulesOn() ? (rulesReady() ? state.rules.name : '') : $('map-group').value;
  o.strata = $('map-strata').value;
  // the study keys time.entry (--start) and weights (--weights)
  o.start = $('map-entry').value;
  o.weights = $('map-weights').value;
  o.na = naCodes();
  o.decimal = $('map-decimal').value;
  o.invalid = $('map-invalid').value;
  o.preset = $('opt-preset').value;
  o.conf_type = $('opt-conf-type').value;
  o.test = $('opt-test').value;
  o.adjust = $('opt-adjust').value;
  // how the report prints (study keys p_style, comparisons.hazard_ratios, table1.p_values/percent/continuous)
  o.p_style = $('opt-p-style').value;
  const pDigits = $('opt-p-digits').value;
  if (pDigits !== '') o.p_digits = Number(pDigits);
  o.hazard_ratios = $('opt-hazard-ratios').value;
  o.table1_p_values = $('t1-p-values').value;
  o.table1_percent = $('t1-percent').value;
  o.table1_continuous = $('t1-continuous').value;
  const at = $('opt-at').value.split(/[,;\s]+/).filter((x) => x !== '').map(Number);
  o.at = at.filter((x) => !Number.isNaN(x));
  // the horizon: follow-up censored there (the report's horizon), and the restricted mean survival time up to it
  const h = $('opt-horizon').value;
  if (h !== '') { o.horizon = Number(h); o.tau = Number(h); }
  // the landmark: only patients still followed then, time counted from it (the same key for every analysis)
  const lm = $('opt-landmark').value;
  if (lm !== '') o.landmark = Number(lm);
  o.pairwise = !!o.group;
  if (o.test === 'fh') { o.rho = 0; o.gamma = 1; }
  for (const k of Object.keys(o)) if (o[k] === '' || (Array.isArray(o[k]) && !o[k].length)) delete o[k];
  return o;
}
function only(o, names) { const r = {}; for (const k of names) if (k in o) r[k] = o[k]; return r; }

function figureSettings() {
  const f = {
    confidence_bands: $('fig-bands').checked, risk_table: $('fig-risk').checked, median_lines: $('fig-median').checked,
    scale: $('fig-percent').checked ? 'percent' : 'fraction',
    line_types: $('fig-line-types').value, legend: $('fig-legend').value,
    formats: [...document.querySelectorAll('#fig-formats input:checked')].map((i) => i.value),
    width_mm: $('fig-width').value, dpi: $('fig-dpi').value,
  };
  if (state.groups.length) {
    const shown = state.groups.filter((g) => !state.hidden.has(g));
    if (shown.length && shown.length < state.groups.length) f.groups = shown;
    f.colors = state.groups.map((g, i) => state.colors[g] || paletteColor(i));
  }
  return f;
}

/** The study's groups: their order when the user chose one (every group of the column, so the report finds them all). */
function groupSettings() {
  if (rulesOn()) {
    const r = { name: state.rules.name, rules: state.rules.rules.filter((x) => x.label !== '' || x.when !== '') };
    if (state.rules.otherwise !== '') r.otherwise = state.rules.otherwise;
    if (state.order && state.groups.length) r.order = state.groups.slice();
    return r;
  }
  if (!state.order || !state.groups.length) return {};
  const order = state.groups.slice();
  const col = $('map-group').value;
  if (col) columnValues(col).forEach((v) => { if (!order.includes(v)) order.push(v); });
  return { order };
}

/** The Cox model: covariates, the numeric ones to treat as factors, and the chosen reference levels. */
function coxSettings() {
  const covariates = listChecked('cox');
  const categorical = [];
  const reference = {};
  covariates.forEach((c) => {
    const f = state.factors[c];
    if (!f || !factorCandidate(c)) return;
    if (f.categorical && numeric(c)) categorical.push(c);
    if (f.reference && (f.categorical || !numeric(c)) && columnValues(c).includes(f.reference)) reference[c] = f.reference;
  });
  const cox = { covariates };
  if (categorical.length) cox.categorical = categorical;
  if (Object.keys(reference).length) cox.reference = reference;
  // the fitting choices, named as the study keys cox[].ties, zph_transform, concordance (empty: R's defaults)
  if ($('cox-ties').value) cox.ties = $('cox-ties').value;
  if ($('cox-zph').value) cox.zph_transform = $('cox-zph').value;
  if ($('cox-concordance').value) cox.concordance = $('cox-concordance').value;
  // starting values and the iteration limit: the study keys cox[].init and cox[].iter_max (empty: R's defaults)
  if ($('cox-init').value.trim()) cox.init = $('cox-init').value.trim();
  if ($('cox-iter-max').value !== '') cox.iter_max = Number($('cox-iter-max').value);
  // robust standard errors by cluster and a known part of the log hazard: the study keys cox[].cluster, offset
  if ($('cox-cluster').value) cox.cluster = $('cox-cluster').value;
  if ($('cox-offset').value) cox.offset = $('cox-offset').value;
  return cox;
}

function settings() {
  return {
    options: cliOptions(), groups: groupSettings(), figure: figureSettings(), table1: listChecked('table1'),
    cox: coxSettings(), time_mode: timeMode(), title: $('study-name').value || null, ...criteriaSettings(),
  };
}

/** A list option as the page keeps it: a list, or (as earlier pages and the API allow) a text a,b. */
function valueList(v) {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v.map(String) : String(v).split(',')).map((x) => x.trim()).filter((x) => x !== '');
}

function applySettings(s) {
  state.restoring = true;
  const o = s.options || {};
  const mode = s.time_mode || (o.start_date ? 'dates' : 'column');
  document.querySelector('input[name="time-mode"][value="' + mode + '"]').checked = true;
  show($('time-column-fields'), mode === 'column'); show($('date-fields'), mode === 'dates');
  $('map-time').value = o.time || ''; $('map-start').value = o.start_date || ''; $('map-end').value = o.end_date || '';
  $('map-date-format').value = o.date_format || ''; $('map-unit').value = o.time_unit || '';
  $('map-na').value = (o.na || []).join(', ');
  $('map-decimal').value = ['.', ','].includes(o.decimal) ? o.decimal : '';
  $('map-invalid').value = o.invalid === 'exclude' ? 'exclude' : '';
  $('map-event').value = o.event || ''; fillEventValues(valueList(o.event_value), valueList(o.censor_value));
  const g = s.groups || {};
  if (g.rules && g.rules.length) {
    state.rules = { name: g.name || 'group', rules: g.rules.map((x) => ({ label: x.label || '', when: x.when || '' })),
      otherwise: g.otherwise || '' };
    $('map-group').value = RULES;
  } else {
    $('map-group').value = o.group || '';
  }
  renderRules();
  const copy = (l) => (l || []).map((c) => ({ when: c.when || '', reason: c.reason || '' }));
  state.eligibility = { include: copy(s.include), exclude: copy(s.exclude) };
  renderCriteria();
  $('map-strata').value = o.strata || '';
  $('map-entry').value = o.start || ''; $('map-weights').value = o.weights || '';
  $('opt-landmark').value = o.landmark === undefined ? '' : o.landmark;
  $('opt-preset').value = o.preset || ''; $('opt-conf-type').value = o.conf_type || '';
  $('opt-test').value = o.test || 'logrank'; $('opt-adjust').value = o.adjust || 'holm';
  $('opt-p-style').value = o.p_style || ''; $('opt-p-digits').value = o.p_digits === undefined ? '' : o.p_digits;
  $('opt-hazard-ratios').value = valueList(o.hazard_ratios).join(',');
  $('t1-p-values').value = o.table1_p_values === 'no' || o.table1_p_values === false ? 'no' : '';
  $('t1-percent').value = o.table1_percent || ''; $('t1-continuous').value = o.table1_continuous || '';
  $('opt-at').value = (o.at || []).join(', '); $('opt-horizon').value = o.horizon !== undefined ? o.horizon
    : (s.figure || {}).horizon !== undefined ? s.figure.horizon : o.tau === undefined ? '' : o.tau;
  const f = s.figure || {};
  $('fig-bands').checked = !!f.confidence_bands; $('fig-risk').checked = f.risk_table !== false;
  $('fig-median').checked = !!f.median_lines; $('fig-percent').checked = f.scale === 'percent';
  $('fig-line-types').value = f.line_types || 'auto'; $('fig-legend').value = f.legend || 'inside';
  document.querySelectorAll('#fig-formats input:not([disabled])')
    .forEach((i) => { i.checked = (f.formats || ['svg', 'png']).includes(i.value); });
  $('fig-width').value = f.width_mm || 170; $('fig-dpi').value = f.dpi || 300;
  const check = (name, vals) => document.querySelectorAll('input[data-list="' + name + '"]')
    .forEach((i) => { i.checked = (vals || []).includes(i.value); });
  check('table1', s.table1); check('cox', (s.cox || {}).covariates);
  const cox = s.cox || {};
  $('cox-ties').value = cox.ties || ''; $('cox-zph').value = cox.zph_transform || '';
  $('cox-concordance').value = cox.concordance || '';
  $('cox-init').value = Array.isArray(cox.init) ? cox.init.join(', ') : cox.init || '';
  $('cox-iter-max').value = cox.iter_max === undefined ? '' : cox.iter_max;
  $('cox-cluster').value = cox.cluster || ''; $('cox-offset').value = cox.offset || '';
  state.factors = {};
  (cox.categorical || []).forEach((c) => { state.factors[c] = { categorical: true, reference: '' }; });
  Object.entries(cox.reference || {}).forEach(([c, v]) => {
    state.factors[c] = Object.assign(state.factors[c] || { categorical: false }, { reference: v });
  });
  state.order = s.groups && s.groups.order && s.groups.order.length ? s.groups.order.slice() : null;
  renderCoxFactors();
  state.pendingFigure = f;
  state.restoring = false;
}

/* ---------- Check data: survkit check on the file with the reading options (POST /api/check) ---------- */
let checkTimer = null;
function checkData() { clearTimeout(checkTimer); checkTimer = setTimeout(runCheck, 250); }

async function runCheck() {
  if (!state.dataset || state.restoring) return;
  const seq = state.checkSeq = (state.checkSeq || 0) + 1;
  const o = cliOptions();
  const err = $('check-error');
  $('check-note').textContent = 'Checking…';
  try {
    if (!state.labels) state.labels = await api('GET', '/api/labels');
    const r = await api('POST', '/api/check', { dataset: state.dataset.id, options: o });
    if (seq !== state.checkSeq) return;
    state.check = r;
    // the columns the analyses read: problems there stop them (or exclude their rows)
    state.checkColumns = ready(o) ? [o.time, o.start_date, o.end_date, o.event].filter((c) => c) : [];
    show(err, false); show($('check-body'), true);
    renderCheck();
  } catch (e) {
    if (seq !== state.checkSeq) return;
    state.check = null;
    $('check-note').textContent = '';
    clear($('check-verdict')).className = 'verdict';
    err.textContent = e.message; show(err, true); show($('check-body'), false);
  }
}

function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }
function label(flag) { return "'" + ((state.labels || {})[flag] || flag) + "'"; }

/** The one-line verdict: clean, or how many problems and what the analyses do with them (stop, or exclude). */
function renderCheckVerdict() {
  const r = state.check;
  if (!r) return;
  const v = clear($('check-verdict'));
  if (r.clean) { v.className = 'verdict ok'; v.textContent = 'No problems found.'; return; }
  const cols = state.checkColumns || [];
  // problems of the other columns are all listed; those of the analysed columns beyond the list are counted only
  const others = r.problems.filter((p) => p.column !== null && !cols.includes(p.column)).length;
  const analysed = cols.length ? r.problem_count - others : 0;
  const exclude = $('map-invalid').value === 'exclude';
  const fixed = (analysed === 1 ? 'it is' : 'they are') + ' fixed or ' + label('--invalid') + ' is set to exclude';
  const rest = others ? '; ' + others + ' in other columns matter where those columns are used.' : '.';
  let text = plural(r.problem_count, 'problem') + ' — ';
  if (!analysed) {
    text += (cols.length ? 'none in the follow-up and event columns, so the analyses run. ' : '')
      + 'Fix them before these columns are used (groups, strata, Table 1, Cox).';
  } else if (exclude) {
    text += (others ? analysed + ' in the follow-up and event columns: ' : '')
      + (analysed === 1 ? 'the row with it is' : 'the rows with them are') + ' excluded from the analyses and counted' + rest;
  } else if (others) {
    text += analysed + ' in the follow-up and event columns stop the analyses until ' + fixed + rest;
  } else {
    text += 'the analyses will stop until ' + fixed + '.';
  }
  v.className = 'verdict ' + (analysed && !exclude ? 'stop' : 'warn');
  v.textContent = text;
}

function renderCheck() {
  const r = state.check;
  const cols = state.checkColumns || [];
  $('check-note').textContent = r.file + ' · ' + r.rows.toLocaleString('en') + ' rows'
    + (cols.length ? '' : ' · choose the follow-up time and the event to check them as the analyses read them');
  renderCheckVerdict();
  // the problems: where, the value, what is wrong, what to do
  const pt = clear($('check-problems'));
  show($('check-problems-box'), r.problems.length > 0);
  if (r.problems.length) {
    pt.append(el('thead', {}, el('tr', {}, el('th', { text: 'Line' }), el('th', { text: 'Column' }),
      el('th', { text: 'Value' }), el('th', { text: 'What is wrong' }), el('th', { text: 'What to do' }))));
    const b = el('tbody');
    r.problems.forEach((p) => b.append(el('tr', { 'data-line': p.line, 'data-kind': p.kind },
      el('td', { class: 'n', text: p.line > 0 ? p.line : '' }), el('td', { text: p.column === null ? '' : p.column }),
      el('td', {}, p.value === null ? '' : el('code', { text: p.value })), el('td', { text: p.what }),
      el('td', { text: p.fix }))));
    if (r.problem_count > r.problems.length) {
      b.append(el('tr', {}, el('td', { colspan: 5, class: 'muted',
        text: '… and ' + (r.problem_count - r.problems.length).toLocaleString('en') + ' more.' })));
    }
    pt.append(b);
  }
  // the columns as read
  const perColumn = {};
  r.problems.forEach((p) => { if (p.column !== null) perColumn[p.column] = (perColumn[p.column] || 0) + 1; });
  const ct = clear($('check-columns'));
  ct.append(el('thead', {}, el('tr', {}, el('th', { text: 'Column' }), el('th', { text: 'Type' }),
    el('th', { text: 'Decimal mark' }), el('th', { text: 'Date format' }), el('th', { text: 'Missing' }),
    el('th', { text: 'Values' }))));
  const cb = el('tbody');
  const mark = { ',': 'comma', '.': 'dot' };
  r.columns.forEach((c) => {
    const values = c.type === 'coded' ? Object.entries(c.values).map(([k, n]) => (k === '' ? '(empty)' : k) + ' ' + n).join(' · ')
      : c.distinct.toLocaleString('en') + ' distinct';
    const n = perColumn[c.name] || 0;
    cb.append(el('tr', { class: n ? 'flagged' : null, 'data-column': c.name },
      el('td', {}, c.name, n ? el('span', { class: 'badge stop', text: plural(n, 'problem') }) : null),
      el('td', { text: c.type }), el('td', { text: c.decimal_mark ? mark[c.decimal_mark] || c.decimal_mark : '' }),
      el('td', { text: c.date_format || '' }), el('td', { class: 'n', text: c.missing ? c.missing.toLocaleString('en') : '' }),
      el('td', { class: 'values', text: values, title: values })));
  });
  ct.append(cb);
  // the tables: open while there are problems (a clean file needs only its verdict), else as the user left them
  if (state.checkClean !== r.clean) $('check-details').open = !r.clean;
  state.checkClean = r.clean;
  $('check-summary').textContent = (r.event_coding.length ? 'Event coding and columns as read' : 'Columns as read')
    + ' (' + plural(r.columns.length, 'column') + (r.warnings.length ? ', ' + plural(r.warnings.length, 'note') : '') + ')';
  // the event coding table
  show($('check-coding-box'), r.event_coding.length > 0);
  renderCoding($('check-coding'), r.event_coding);
  const w = clear($('check-warnings'));
  r.warnings.forEach((x) => w.append(el('li', { text: x })));
}

/** An event coding table: each value of the event column, what it is read as, in how many rows, and why. */
function renderCoding(t, codes) {
  clear(t);
  if (!codes || !codes.length) return;
  t.append(el('thead', {}, el('tr', {}, el('th', { text: 'Value' }), el('th', { text: 'Read as' }),
    el('th', { text: 'Rows' }), el('th', { text: 'Note' }))));
  const b = el('tbody');
  codes.forEach((c) => b.append(el('tr', { 'data-value': c.value, 'data-meaning': c.meaning },
    el('td', {}, el('code', { text: c.value === '' ? '(empty)' : c.value })),
    el('td', {}, el('span', { class: 'badge ' + c.meaning, text: c.meaning })),
    el('td', { class: 'n', text: c.count.toLocaleString('en') }), el('td', { class: 'note', text: c.note || '' }))));
  t.append(b);
}

/* ---------- analysis ---------- */
let timer = null;
function analyse() { clearTimeout(timer); timer = setTimeout(run, 250); }
['map-time', 'map-start', 'map-end', 'map-date-format', 'map-unit', 'map-strata', 'map-entry', 'map-weights',
  'map-invalid', 'opt-preset',
  'opt-conf-type', 'opt-test', 'opt-adjust', 'opt-at', 'opt-horizon', 'opt-landmark', 'opt-p-style', 'opt-p-digits',
  'opt-hazard-ratios'].forEach((id) => $(id).addEventListener('change', analyse));
// the reading options and the mapping of time and event change what the check finds
['map-time', 'map-start', 'map-end', 'map-date-format', 'map-decimal'].forEach((id) => $(id).addEventListener('change', checkData));
$('map-decimal').addEventListener('change', analyse);
// the verdict says what the analyses do with the problems: stop, or exclude the rows
$('map-invalid').addEventListener('change', renderCheckVerdict);
// missing-value codes change the values a column offers (event value, groups, reference levels) and the analyses
$('map-na').addEventListener('change', () => {
  renderPreview(state.dataset);
  fillEventValues(eventValues(), censorValues());
  renderCoxFactors();
  checkData();
  analyse();
});
$('map-event').addEventListener('change', () => { fillEventValues(); checkData(); analyse(); });
$('map-group').addEventListener('change', () => {
  state.groups = []; state.order = null; state.hidden = new Set();
  renderRules();
  if (rulesOn()) checkRules(); else analyse();
});

/* ---------- eligibility criteria: edited here, applied by the server (the report's derivation) ---------- */
/** The complete criteria (a rule and a reason) as the study's include and exclude lists; none: {}. */
function criteriaSettings() {
  const pick = (l) => l.filter((c) => c.when !== '' && c.reason !== '').map((c) => ({ when: c.when, reason: c.reason }));
  const s = {};
  const include = pick(state.eligibility.include);
  const exclude = pick(state.eligibility.exclude);
  if (include.length) s.include = include;
  if (exclude.length) s.exclude = exclude;
  return s;
}
/** The number of criteria applied, and a word on incomplete ones. */
function criteriaStatus() {
  const all = state.eligibility.include.concat(state.eligibility.exclude);
  const complete = all.filter((c) => c.when !== '' && c.reason !== '').length;
  $('eligibility-count').textContent = complete ? '(' + complete + ')' : '';
  $('eligibility-status').textContent = all.length > complete
    ? 'A criterion needs both a rule and a reason; incomplete ones are not applied.' : '';
  return complete;
}
function renderCriteria() {
  if (criteriaStatus()) $('eligibility-editor').open = true;
  ['include', 'exclude'].forEach((kind) => {
    const list = clear($(kind + '-list'));
    const name = kind === 'include' ? 'inclusion rule ' : 'exclusion rule ';
    state.eligibility[kind].forEach((c, i) => {
      const when = el('input', { type: 'text', value: c.when, class: 'when', 'data-criterion-when': kind + i,
        placeholder: kind === 'include' ? 'e.g. age >= 18' : 'e.g. stage == "IV"', 'aria-label': 'rule of ' + name + (i + 1) });
      const reason = el('input', { type: 'text', value: c.reason, 'data-criterion-reason': kind + i, class: 'reason',
        placeholder: kind === 'include' ? 'reason, e.g. younger than 18' : 'reason, e.g. metastatic',
        'aria-label': 'reason of ' + name + (i + 1) });
      const changed = () => { c.when = when.value.trim(); c.reason = reason.value.trim(); criteriaStatus(); analyse(); };
      when.addEventListener('change', changed);
      reason.addEventListener('change', changed);
      const remove = el('button', { type: 'button', text: '×', title: 'remove ' + name + (i + 1),
        'aria-label': 'remove ' + name + (i + 1) });
      remove.addEventListener('click', () => { state.eligibility[kind].splice(i, 1); renderCriteria(); analyse(); });
      list.append(el('li', {}, when, reason, remove));
    });
  });
}
['include', 'exclude'].forEach((kind) => $(kind + '-add').addEventListener('click', () => {
  state.eligibility[kind].push({ when: '', reason: '' });
  renderCriteria();
}));

/* ---------- groups from rules: edited here, checked and derived by the server (the report's derivation) ---------- */
function rulesOn() { return $('map-group').value === RULES; }
function rulesReady() { return state.rules.name !== '' && state.rules.rules.some((x) => x.label !== '' && x.when !== ''); }
/** The derived group as a Cox covariate: one more chip while groups come from rules. */
function renderRulesChip() {
  const box = $('cox-list');
  const old = box.querySelector('label[data-derived]');
  const was = old ? old.querySelector('input').checked : false;
  if (old) old.remove();
  if (!rulesOn() || !rulesReady() || state.dataset.columns.includes(state.rules.name)) return;
  box.prepend(el('label', { 'data-derived': '' }, el('input', { type: 'checkbox', value: state.rules.name, 'data-list': 'cox',
    checked: was }), state.rules.name));
}
function renderRules() {
  if (state.dataset) renderRulesChip();
  show($('rules-editor'), rulesOn());
  if (!rulesOn()) return;
  $('rules-name').value = state.rules.name;
  $('rules-otherwise').value = state.rules.otherwise;
  const list = clear($('rules-list'));
  state.rules.rules.forEach((r, i) => {
    const label = el('input', { type: 'text', value: r.label, placeholder: 'label', 'aria-label': 'label of rule ' + (i + 1),
      'data-rule-label': i });
    const when = el('input', { type: 'text', value: r.when, placeholder: 'condition, e.g. age >= 65',
      'aria-label': 'condition of rule ' + (i + 1), 'data-rule-when': i, class: 'when' });
    label.addEventListener('change', () => { r.label = label.value.trim(); });
    when.addEventListener('change', () => { r.when = when.value.trim(); });
    const remove = el('button', { type: 'button', text: '×', title: 'remove rule ' + (i + 1), 'aria-label': 'remove rule ' + (i + 1) });
    remove.addEventListener('click', () => {
      state.rules.rules.splice(i, 1);
      if (!state.rules.rules.length) state.rules.rules.push({ label: '', when: '' });
      renderRules();
    });
    list.append(el('li', {}, label, when, remove));
  });
}
$('rules-name').addEventListener('change', () => { state.rules.name = $('rules-name').value.trim(); renderRulesChip(); });
$('rules-otherwise').addEventListener('change', () => { state.rules.otherwise = $('rules-otherwise').value.trim(); });
$('rules-add').addEventListener('click', () => { state.rules.rules.push({ label: '', when: '' }); renderRules(); });
$('rules-check').addEventListener('click', () => { state.groups = []; state.order = null; state.hidden = new Set(); checkRules(); });
/** Asks the server to derive the groups (counts per label, or the rule and position of a mistake), then analyses. */
async function checkRules() {
  const status = $('rules-status');
  if (!state.dataset || !rulesReady()) { status.textContent = 'Give a name and at least one rule with a label and a condition.'; return; }
  const o = cliOptions();
  if (!ready(o)) { status.textContent = 'Choose the follow-up time and the event first.'; return; }
  try {
    const p = await api('POST', '/api/groups/preview', { dataset: state.dataset.id, options: o, groups: groupSettings(),
      ...criteriaSettings() });
    status.textContent = p.groups.map((g) => g.label + ': ' + g.rows).join(' · ')
      + (p.unassigned ? ' · no group: ' + p.unassigned : '') + (p.not_eligible ? ' · not eligible: ' + p.not_eligible : '');
    status.classList.remove('error');
    analyse();
  } catch (e) {
    status.textContent = e.message;
    status.classList.add('error');
  }
}
['fig-bands', 'fig-risk', 'fig-median', 'fig-percent', 'fig-line-types', 'fig-legend']
  .forEach((id) => $(id).addEventListener('change', drawFigure));

function ready(o) { return o.event && (o.time || (o.start_date && o.end_date)); }

async function run() {
  if (!state.dataset || state.restoring) return;
  const o = cliOptions();
  if (!ready(o)) return;
  const seq = ++state.seq;
  if (!state.optionNames) state.optionNames = await api('GET', '/api/analyses/options');
  if (!state.labels) state.labels = await api('GET', '/api/labels');
  // the Word download is named by its study key (docx), as the command line's --docx
  if (state.labels['--docx']) $('dl-docx').textContent = state.labels['--docx'] + ' (.docx)';
  await loadConfig();
  show($('results'), true);
  show($('analysis-error'), false);
  const ds = state.dataset.id;
  const rules = rulesOn() ? groupSettings() : undefined;
  const crit = criteriaSettings();
  // the log-rank family (survdiff) takes no weights and no entry times: km gets no test then, compare is not run,
  // and the figure and the report compare the groups by the Cox score test
  const weighted = !!(o.weights || o.start);
  const kmOptions = only(o, state.optionNames.km);
  // one curve (no group and no group rules): nothing to test, km draws it alone
  if (weighted || (!o.group && !rules)) delete kmOptions.test;
  const km = api('POST', '/api/analyses', { dataset: ds, analysis: 'km', options: kmOptions, groups: rules,
    ...crit });
  const cmp = o.group && !weighted ? api('POST', '/api/analyses', { dataset: ds, analysis: 'compare', options: only(o, state.optionNames.compare), groups: rules,
    ...crit })
    : Promise.resolve(null);
  const [kr, cr] = await Promise.allSettled([km, cmp]);
  if (seq !== state.seq) return;
  if (kr.status === 'rejected') {
    state.km = null; state.compare = null;
    $('analysis-error').textContent = kr.reason.message; show($('analysis-error'), true);
    clear($('summary')); clear($('tests')); clear($('guardrails')); clear($('figure')); show($('km-coding-box'), false);
    return;
  }
  state.km = kr.value;
  state.compare = cr.status === 'fulfilled' ? cr.value : null;
  state.compareError = cr.status === 'rejected' ? cr.reason.message : null;
  state.compareNote = o.group && weighted ? 'With ' + (o.weights ? 'case weights' : 'entry times') + ' the log-rank'
    + ' test does not apply (R\'s survdiff takes neither): the figure and the report compare the groups by the score'
    + ' test of a Cox model with the group alone.' : null;
  const groups = ordered(state.km.groups.map((g) => g.group));
  if (groups.join('\u0000') !== state.groups.join('\u0000')) {
    state.groups = groups;
    const pf = state.pendingFigure;
    if (pf && pf.colors) groups.forEach((g, i) => { if (pf.colors[i]) state.colors[g] = pf.colors[i]; });
    if (pf && pf.groups) state.hidden = new Set(groups.filter((g) => !pf.groups.includes(g)));
    state.pendingFigure = null;
    renderGroupPicker();
    renderCoxFactors(); // the group's default reference is the first group
  }
  renderSummary();
  renderTests(state.compareError);
  renderGuardrails();
  drawFigure();
  runReportTables();
}

/** The groups in the user's order: the ones listed first, in that order, then the others (natural order). */
function ordered(groups) {
  // groups from rules: the rules' order, then the otherwise label (the report's order)
  const order = state.order || (rulesOn() ? state.rules.rules.map((r) => r.label).concat([state.rules.otherwise]) : null);
  if (!order) return groups;
  return order.filter((g) => groups.includes(g)).concat(groups.filter((g) => !order.includes(g)));
}

function renderGroupPicker() {
  const box = clear($('group-picker'));
  if (state.groups.length < 2 || state.groups.length > 24) return;
  box.append(el('p', { class: 'hint', id: 'groups-hint',
    text: 'Groups shown, their colours and order (the first is the reference of hazard ratios)' }));
  const list = el('ol', { class: 'groups', 'aria-labelledby': 'groups-hint' });
  state.groups.forEach((g, i) => {
    const color = state.colors[g] || paletteColor(i);
    const cb = el('input', { type: 'checkbox', checked: !state.hidden.has(g), 'aria-label': 'show ' + g });
    cb.addEventListener('change', () => { if (cb.checked) state.hidden.delete(g); else state.hidden.add(g); drawFigure(); });
    const col = el('input', { type: 'color', value: color.toLowerCase(), 'aria-label': 'colour of ' + g });
    col.addEventListener('change', () => { state.colors[g] = col.value.toUpperCase(); drawFigure(); });
    const move = (by, label, sign) => {
      const b = el('button', { type: 'button', class: 'btn tiny', 'aria-label': 'move ' + g + ' ' + label,
        title: 'move ' + label, 'data-move': label, disabled: i + by < 0 || i + by >= state.groups.length, text: sign });
      b.addEventListener('click', () => moveGroup(i, by));
      return b;
    };
    list.append(el('li', { class: 'g', 'data-group': g }, cb, col, el('span', { class: 'name', text: g }),
      el('span', { class: 'moves' }, move(-1, 'up', '↑'), move(1, 'down', '↓'))));
  });
  box.append(list);
}

/** Moves a group in the order: the legend, the tables and the reference of hazard ratios follow. */
function moveGroup(i, by) {
  const g = state.groups.slice();
  const [x] = g.splice(i, 1);
  g.splice(i + by, 0, x);
  // a group without a chosen colour keeps the one it shows (colours follow the order otherwise)
  state.groups.forEach((name, k) => { if (!state.colors[name]) state.colors[name] = paletteColor(k); });
  state.groups = g; state.order = g.slice();
  renderGroupPicker();
  const b = document.querySelector('#group-picker li[data-group="' + CSS.escape(x) + '"] [data-move="' + (by < 0 ? 'up' : 'down') + '"]');
  if (b && !b.disabled) b.focus();
  renderCoxFactors();
  renderSummary(); renderTests(state.compareError); drawFigure(); runReportTables();
  if (state.cox && !$('cox-card').hidden) runCox();
}

async function drawFigure() {
  if (!state.km) return;
  const box = $('figure');
  const err = $('figure-error');
  const spin = el('div', { class: 'spinner' });
  box.append(spin);
  const seq = state.seq;
  try {
    const body = { dataset: state.dataset.id, options: cliOptions(), groups: groupSettings(), figure: figureSettings(),
      ...criteriaSettings() };
    const blob = await api('POST', '/api/figures', body, 'blob');
    if (seq !== state.seq) return;
    if (state.figureUrl) URL.revokeObjectURL(state.figureUrl);
    state.figureUrl = URL.createObjectURL(new Blob([blob], { type: 'image/svg+xml' }));
    clear(box).append(el('img', { src: state.figureUrl, alt: 'Kaplan–Meier curves', id: 'km-figure' }));
    show(err, false);
  } catch (e) {
    clear(box);
    err.textContent = e.message; show(err, true);
  }
}

function renderSummary() {
  const t = clear($('summary'));
  const km = state.km;
  const times = km.groups.length ? km.groups[0].at.map((a) => a.time) : [];
  const level = Math.round(km.conf_level * 100) + '% CI';
  const head = el('tr', {}, el('th', { text: 'Group' }), el('th', { text: 'n' }), el('th', { text: 'Events' }),
    el('th', { text: 'Median (' + level + ')' }), el('th', { text: 'Median follow-up' }));
  times.forEach((x) => head.append(el('th', { text: 'S(' + fmt(x) + ') (' + level + ')' })));
  if (km.groups.length && km.groups[0].rmst) head.append(el('th', { text: 'RMST (' + fmt(km.groups[0].rmst.tau) + ')' }));
  t.append(el('thead', {}, head));
  const body = el('tbody');
  const rank = (g) => { const k = state.groups.indexOf(g.group); return k < 0 ? state.groups.length : k; };
  km.groups.slice().sort((a, b) => rank(a) - rank(b)).forEach((g, i) => {
    const color = state.colors[g.group] || paletteColor(i);
    const m = g.median;
    const tr = el('tr', {}, el('td', {}, el('span', { class: 'sw', style: null }), g.group), el('td', { text: g.n }),
      // events are whole numbers but with non-integer case weights (R's weighted sums): then one decimal
      el('td', { text: Number.isInteger(g.events) ? g.events : g.events.toFixed(1) }), el('td', { text: fmtTime(m.estimate) + ' ' + ci(m.lower, m.upper, fmtTime) }),
      el('td', { text: fmtTime(g.median_follow_up.estimate) }));
    tr.firstChild.firstChild.style.background = state.groups.length > 1 ? color : paletteColor(0);
    g.at.forEach((a) => tr.append(el('td', { text: pct(a.survival) + ' ' + ci(a.lower, a.upper, pct) })));
    if (g.rmst) tr.append(el('td', { text: fmt(g.rmst.estimate) + ' ± ' + fmt(g.rmst.se) }));
    body.append(tr);
  });
  t.append(body);
}

function renderTests(error) {
  const box = clear($('tests'));
  $('test-name').textContent = '';
  if (error) { box.append(el('div', { class: 'alert error', id: 'compare-error', text: error })); return; }
  if (state.compareNote) { box.append(el('p', { class: 'muted', id: 'compare-note', text: state.compareNote })); return; }
  const c = state.compare;
  if (!c) { box.append(el('p', { class: 'muted', text: 'Choose a group column to compare survival between groups.' })); return; }
  $('test-name').textContent = state.config.test_names[c.test] || c.test;
  const p = el('dd', { class: 'pbig', id: 'overall-p', 'data-p-value': String(c.p_value), text: fmtPWithSymbol(c.p_value) });
  box.append(el('dl', { class: 'kv' }, el('dt', { text: 'Overall' }), p,
    el('dt', { text: 'Chi-square' }), el('dd', { text: fmt(c.statistic, 4) + ' on ' + c.df + ' df' + (c.strata ? ', stratified by ' + c.strata : '') })));
  if (c.hazard_ratio) {
    const r = relativeTo(c.hazard_ratio, state.groups[0]);
    const h = r.mantel_haenszel;
    box.append(el('dl', { class: 'kv' }, el('dt', { text: 'Hazard ratio' }),
      el('dd', { id: 'hazard-ratio', 'data-hr': String(h.hr), text: fmtRatioCi(h.hr, h.lower, h.upper) }),
      el('dt', { text: '' }), el('dd', { class: 'muted', text: r.comparison + ' vs ' + r.reference + ', Mantel–Haenszel' })));
  }
  if (c.pairwise && c.pairwise.length > 1) {
    const t = el('table', { class: 'data num', id: 'pairwise' });
    t.append(el('thead', {}, el('tr', {}, el('th', { text: 'Pair' }), el('th', { text: 'P' }), el('th', { text: 'P adj. (' + c.adjust + ')' }))));
    const b = el('tbody');
    c.pairwise.forEach((x) => b.append(el('tr', {}, el('td', { text: x.group1 + ' vs ' + x.group2 }),
      el('td', { text: fmtP(x.p_value) }), el('td', { text: fmtP(x.p_adjusted) }))));
    t.append(b);
    box.append(el('div', { class: 'table-wrap' }, t));
  }
}

/**
 * The two-group hazard ratios with the study's first group as the reference (the report's choice). The analysis
 * takes the first group in natural order; with the other group first the same estimates are their reciprocals, and
 * the interval's ends swap (both the log-rank O/E ratio and the Mantel–Haenszel exp((O − E)/V) are exactly inverted).
 */
function relativeTo(h, reference) {
  if (!reference || reference !== h.comparison) return h;
  const inv = (v) => (v === null || v === undefined ? null : 1 / v); // no estimate stays none
  const flip = (x) => ({ hr: inv(x.hr), lower: inv(x.upper), upper: inv(x.lower) });
  return Object.assign({}, h, { reference: h.comparison, comparison: h.reference, logrank: flip(h.logrank),
    mantel_haenszel: flip(h.mantel_haenszel) });
}

/**
 * An analysis' text (a warning says what the command line says) in the page's words: each flag of a study option,
 * with the placeholder of its value, becomes the field's label ("--event-value V" → 'Event value'), as the server
 * words its errors (Messages.pageWords); the labels come from the server's study keys.
 */
function pageWords(text) {
  const labels = state.labels || {};
  return text.replace(/--[a-z][a-z0-9-]*(?:[ =][A-Z][A-Z0-9_]*(?:=[A-Z][A-Z0-9_]*)?(?![a-z0-9]))?/g, (m) => {
    const label = labels[m.split(/[ =]/)[0]];
    return label ? "'" + label + "'" : m;
  });
}

function renderGuardrails() {
  const ul = clear($('guardrails'));
  const all = [];
  [state.km, state.compare, state.cox].forEach((r) => (r && r.warnings ? r.warnings : []).forEach((w) => { if (!all.includes(w)) all.push(w); }));
  const ex = state.km ? state.km.excluded : null;
  if (ex && ex.rows_excluded > 0) {
    ul.append(el('li', { class: 'note', text: ex.rows_read + ' rows read, ' + ex.rows_analysed + ' analysed, ' + ex.rows_excluded
      + ' excluded: ' + ex.reasons.map((r) => r.count + ' ' + r.reason).join('; ') + '.' }));
  }
  all.forEach((w) => ul.append(el('li', { class: 'warning', text: pageWords(w) })));
  if (!all.length) ul.append(el('li', { class: 'ok', text: 'No warnings: group sizes, events, follow-up and the tests raise no concern.' }));
  // how the analysis read the event column (the km output's event_coding; with groups from rules the analysis reads
  // the derived dataset's 0/1 event, so the check's table is the one that shows the file's values)
  const codes = state.km && !rulesOn() ? state.km.event_coding || [] : [];
  show($('km-coding-box'), codes.length > 0);
  renderCoding($('km-coding'), codes.map((c) => Object.assign({}, c, { note: c.note ? pageWords(c.note) : '' })));
}

/* ---------- Table 1 ---------- */
$('run-table1').addEventListener('click', runTable1);
async function runTable1() {
  const card = $('table1-card'); show(card, true);
  const err = $('table1-error'); show(err, false);
  const t = clear($('table1'));
  if (!listChecked('table1').length) { err.textContent = 'Choose at least one Table 1 variable.'; show(err, true); return; }
  t.append(el('caption', { class: 'muted', text: 'Computing…' }));
  try {
    const r = await api('POST', '/api/table1', { dataset: state.dataset.id, settings: settings() });
    renderReportTable(clear(t), r);
  } catch (e) { clear(t); err.textContent = e.message; show(err, true); }
}

/**
 * One table of the report into a table element, as the report lays it out: the header, the rows by their kind (a
 * "variable" row bold with its P and SMD, its "level" rows indented below it), a test's footnote letter ("0.691 a")
 * as a superscript, and the footnotes under the table. Text only through textContent. Without row_kinds (Table 1's
 * answer) the kinds are read from the cells: a variable row has only its first and last two cells.
 */
function renderReportTable(t, r) {
  const head = el('tr');
  r.header.forEach((h) => head.append(el('th', { text: h })));
  t.append(el('thead', {}, head));
  const b = el('tbody');
  const last = r.header.length - 1;
  let inLevels = false;
  r.rows.forEach((row, k) => {
    let kind;
    if (r.row_kinds) {
      kind = r.row_kinds[k] || '';
    } else {
      const header = row.length > 2 && row.slice(1, last - 1).every((c) => c === '');
      const level = !header && inLevels && row[last - 1] === '' && row[last] === '';
      inLevels = header || level;
      kind = header ? 'variable' : level ? 'level' : '';
    }
    const tr = el('tr', { class: kind });
    row.forEach((c, i) => {
      const m = i >= last - 1 ? /^(.*\S) ([a-z])$/.exec(c) : null;
      tr.append(m ? el('td', {}, document.createTextNode(m[1]), el('sup', { text: m[2] })) : el('td', { text: c }));
    });
    b.append(tr);
  });
  t.append(b);
  const notes = el('caption', { class: 'muted table-note' });
  (r.notes || []).forEach((n) => notes.append(el('div', { text: n })));
  t.append(notes);
}

/* ---------- the report's tables ---------- */
/** The report's survival, comparisons and pairwise tables of the page's settings (computed by the server). */
async function runReportTables() {
  const box = $('report-tables');
  const err = $('report-tables-error'); show(err, false);
  const seq = state.tablesSeq = (state.tablesSeq || 0) + 1;
  try {
    const r = await api('POST', '/api/tables', { dataset: state.dataset.id, settings: settings(),
      tables: ['survival', 'comparisons', 'pairwise'] });
    if (seq !== state.tablesSeq) return;
    clear(box);
    r.tables.forEach((x) => {
      const t = el('table', { class: 'data', id: 'report-table-' + x.id });
      box.append(el('h3', { class: 'table-title', text: x.title }), el('div', { class: 'table-wrap' }, t));
      renderReportTable(t, x);
    });
  } catch (e) {
    if (seq !== state.tablesSeq) return;
    clear(box); err.textContent = e.message; show(err, true);
  }
}

/* ---------- Cox ---------- */
/** A checked covariate that can be a factor: a column with few values (text ones always are factors). */
function factorCandidate(c) { return hasLevels(c) && columnValues(c).length >= 2; }

/**
 * The Cox model's options as the analysis takes them: covariates, categorical, reference. The group column's
 * reference is the study's first group when the user chose an order (the report's rule), unless a level was chosen.
 */
function coxOptions() {
  const cox = coxSettings();
  const o = { covariates: cox.covariates };
  if (cox.categorical) o.categorical = cox.categorical;
  const reference = Object.assign({}, cox.reference || {});
  const g = $('map-group').value;
  if (rulesOn()) {
    // the derived group's reference is the first group (the report's rule)
    if (state.groups.length && cox.covariates.includes(state.rules.name) && !reference[state.rules.name]) {
      reference[state.rules.name] = state.groups[0];
    }
  } else if (g && state.order && state.groups.length && cox.covariates.includes(g) && !reference[g]
    && (!numeric(g) || (cox.categorical || []).includes(g))) reference[g] = state.groups[0];
  if (Object.keys(reference).length) o.reference = reference;
  for (const k of ['ties', 'zph_transform', 'concordance', 'init', 'iter_max', 'cluster', 'offset']) {
    if (cox[k] !== undefined && cox[k] !== '') o[k] = cox[k];
  }
  return o;
}

/** For each checked covariate with few values: whether it is categorical (for numbers) and its reference level. */
function renderCoxFactors() {
  const box = clear($('cox-factors'));
  if (!state.dataset) return;
  const rows = listChecked('cox').filter(factorCandidate);
  if (!rows.length) return;
  const g = $('map-group').value;
  const body = el('tbody');
  rows.forEach((c) => {
    const f = state.factors[c] || (state.factors[c] = { categorical: false, reference: '' });
    const isNumber = numeric(c);
    const cb = el('input', { type: 'checkbox', checked: !isNumber || f.categorical, disabled: !isNumber,
      'data-categorical': c, 'aria-label': c + ' is categorical', title: isNumber ? null : 'text values are categories' });
    cb.addEventListener('change', () => { f.categorical = cb.checked; renderCoxFactors(); });
    const levels = columnValues(c);
    const first = c === g && state.order && state.groups.length ? state.groups[0] : null;
    const sel = el('select', { 'data-reference': c, 'aria-label': 'reference level of ' + c, disabled: isNumber && !f.categorical });
    sel.append(el('option', { value: '', text: first ? 'first group (' + first + ')' : 'first level' }));
    levels.forEach((v) => sel.append(el('option', { value: v, text: v })));
    sel.value = levels.includes(f.reference) ? f.reference : '';
    sel.addEventListener('change', () => { f.reference = sel.value; });
    body.append(el('tr', { 'data-column': c }, el('th', { scope: 'row', text: c }), el('td', {}, cb), el('td', {}, sel)));
  });
  box.append(el('table', { class: 'factors-table' }, el('caption', { class: 'hint', text: 'Factors of the Cox model' }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Covariate' }), el('th', { scope: 'col', text: 'Categorical' }),
      el('th', { scope: 'col', text: 'Reference level' }))), body));
}
$('cox-list').addEventListener('change', renderCoxFactors);
$('run-cox').addEventListener('click', runCox);
async function runCox() {
  const cov = listChecked('cox');
  const card = $('cox-card'); show(card, true);
  const err = $('cox-error'); show(err, false);
  clear($('cox'));
  if (!cov.length) { err.textContent = 'Choose at least one covariate.'; show(err, true); return; }
  const o = Object.assign(only(cliOptions(), state.optionNames.cox), coxOptions());
  try {
    state.cox = await api('POST', '/api/analyses', { dataset: state.dataset.id, analysis: 'cox', options: o,
      groups: rulesOn() ? groupSettings() : undefined, ...criteriaSettings() });
  } catch (e) { state.cox = null; err.textContent = e.message; show(err, true); return; }
  const m = state.cox;
  const t = $('cox');
  t.append(el('thead', {}, el('tr', {}, el('th', { text: 'Term' }), el('th', { text: 'HR' }), el('th', { text: '95% CI' }),
    el('th', { text: 'P' }))));
  const b = el('tbody');
  m.coefficients.forEach((k) => b.append(el('tr', {}, el('td', { text: k.term }),
    el('td', { text: k.aliased ? 'aliased' : fmtRatio(k.hr, ratioDigits(state.config.numbers, k.hr, k.hr_lower, k.hr_upper)) }),
    el('td', { text: k.aliased ? '' : ci(k.hr_lower, k.hr_upper, (x) => fmtRatio(x, ratioDigits(state.config.numbers, k.hr,
      k.hr_lower, k.hr_upper))).slice(1, -1) }),
    el('td', { text: fmtP(k.p_value) }))));
  t.append(b);
  $('cox-note').textContent = 'n = ' + m.n + ', events = ' + m.events + ', ' + m.ties + ' ties; likelihood-ratio P '
    + fmtP(m.lr_test.p_value) + (m.concordance ? '; concordance ' + fmt(m.concordance.estimate) : '')
    // with clusters (or non-integer weights) the intervals and P values use the robust standard errors, as R's
    + (m.robust_score_test ? '; robust (sandwich) standard errors' + (o.cluster ? ' by cluster ' + o.cluster : '')
      + ', robust score test P ' + fmtP(m.robust_score_test.p_value) : '')
    + (o.offset ? '; offset ' + o.offset : '');
  renderGuardrails();
}

/* ---------- downloads ---------- */
async function downloadFigure(format) {
  const o = cliOptions();
  try {
    const blob = await api('POST', '/api/figures', { dataset: state.dataset.id, format, options: o,
      groups: groupSettings(), figure: figureSettings(), ...criteriaSettings() }, 'blob');
    saveBlob(blob, stem() + '-km.' + format);
  } catch (e) { toast(e.message); }
}
// a download button per format the report can write its figures as (the boxes of #fig-formats: SVG, PNG, PDF, ...)
for (const box of document.querySelectorAll('#fig-formats input[type=checkbox]')) {
  const b = el('button', { id: 'dl-' + box.value, class: 'btn small', type: 'button',
    title: 'Download the figure as ' + box.parentElement.textContent.trim() }, box.parentElement.textContent.trim());
  b.addEventListener('click', () => downloadFigure(box.value));
  $('figure-downloads').append(b);
}

async function downloadTable(analysis, format) {
  const o = cliOptions();
  const opts = only(o, state.optionNames[analysis]);
  if (analysis === 'cox') Object.assign(opts, coxOptions());
  try {
    const text = await api('POST', '/api/analyses', { dataset: state.dataset.id, analysis, options: opts, format,
      groups: rulesOn() ? groupSettings() : undefined, ...criteriaSettings() }, 'text');
    saveBlob(new Blob([text], { type: format === 'csv' ? 'text/csv' : 'application/json' }), stem() + '-' + analysis + '.' + format);
  } catch (e) { toast(e.message); }
}
$('dl-km-csv').addEventListener('click', () => downloadTable('km', 'csv'));
$('dl-km-json').addEventListener('click', () => downloadTable('km', 'json'));
$('dl-compare-csv').addEventListener('click', () => downloadTable('compare', 'csv'));
$('dl-compare-json').addEventListener('click', () => downloadTable('compare', 'json'));
$('dl-cox-csv').addEventListener('click', () => downloadTable('cox', 'csv'));
$('dl-cox-json').addEventListener('click', () => downloadTable('cox', 'json'));

/** Report, YAML and ZIP are made from the saved study: save first, then follow the link. */
function studyLink(id, suffix, download) {
  $(id).addEventListener('click', async (e) => {
    e.preventDefault();
    if (!state.dataset) return;
    try { await saveStudy(true); } catch (err) { toast(err.message); return; }
    const href = '/api/studies/' + state.studyId + suffix;
    if (download) {
      toast('Preparing ' + (suffix.includes('zip') ? 'the export' : suffix.includes('yaml') ? 'the study file'
        : suffix.includes('xlsx') ? 'the tables' : 'the report') + '…');
      const a = el('a', { href, download: '' }); document.body.append(a); a.click(); a.remove();
    } else window.open(href, '_blank', 'noopener');
  });
}
studyLink('dl-report', '/report?download=1', true);
studyLink('view-report', '/report', false);
studyLink('dl-yaml', '/study.yaml', true);
studyLink('dl-zip', '/export.zip', true);
// report.docx and tables.xlsx: the files of the study key docx (its label names the button)
studyLink('dl-docx', '/report.docx', true);
studyLink('dl-xlsx', '/tables.xlsx', true);

/* ---------- studies ---------- */
async function saveStudy(quiet) {
  if (!state.dataset) throw new Error('upload a dataset first.');
  const name = $('study-name').value.trim() || stem();
  // results are kept as a summary: the full event tables are recomputed on demand and can be large
  const km = state.km ? Object.assign({}, state.km, { groups: state.km.groups.map((g) => Object.assign({}, g, { table: undefined })) }) : null;
  const body = { name, settings: settings(), results: { km, compare: state.compare, cox: state.cox } };
  if (state.studyId) await api('PUT', '/api/studies/' + state.studyId, body);
  else { body.dataset = state.dataset.id; state.studyId = (await api('POST', '/api/studies', body)).id; }
  $('study-name').value = name;
  $('save-state').textContent = 'saved ' + new Date().toLocaleTimeString();
  if (!quiet) toast('Study saved.');
}
$('save-study').addEventListener('click', () => saveStudy(false).catch((e) => toast(e.message)));

$('open-studies').addEventListener('click', listStudies);
$('close-studies').addEventListener('click', () => $('studies-dialog').close());
async function listStudies() {
  let list;
  try { list = await api('GET', '/api/studies'); } catch (e) { toast(e.message); return; }
  const t = clear($('studies'));
  show($('studies-empty'), !list.length);
  if (list.length) t.append(el('thead', {}, el('tr', {}, el('th', { text: 'Study' }), el('th', { text: 'Data' }),
    el('th', { text: 'Saved' }), el('th', { text: '' }))));
  const b = el('tbody');
  list.forEach((s) => {
    const btn = (label, fn) => { const x = el('button', { class: 'btn small', text: label }); x.addEventListener('click', fn); return x; };
    b.append(el('tr', {}, el('td', { text: s.name }), el('td', { text: s.file_name + ' (' + s.rows + ' rows)' }),
      el('td', { text: new Date(s.updated).toLocaleString() }),
      el('td', {}, el('div', { class: 'actions' },
        btn('Open', () => openStudy(s.id)),
        btn('Rename', async () => { const n = prompt('New name', s.name); if (n) { await api('PUT', '/api/studies/' + s.id, { name: n }).catch((e) => toast(e.message)); listStudies(); } }),
        btn('Duplicate', async () => { await api('POST', '/api/studies/' + s.id + '/duplicate', {}).catch((e) => toast(e.message)); listStudies(); }),
        btn('Delete', async () => { if (confirm('Delete the study "' + s.name + '"?')) { await api('DELETE', '/api/studies/' + s.id).catch((e) => toast(e.message)); if (state.studyId === s.id) state.studyId = null; listStudies(); } })))));
  });
  t.append(b);
  if (!$('studies-dialog').open) $('studies-dialog').showModal();
}
async function openStudy(id) {
  try {
    const s = await api('GET', '/api/studies/' + id);
    const d = await api('GET', '/api/datasets/' + s.dataset);
    await loadConfig();
    $('studies-dialog').close();
    state.studyId = s.id; $('study-name').value = s.name;
    loadDataset(d, s.settings);
    $('save-state').textContent = 'opened';
  } catch (e) { toast(e.message); }
}
