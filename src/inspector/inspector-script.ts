/**
 * The inspector's script, plain browser JavaScript served as /__sipmock/inspector.js. It builds
 * every node with textContent (never HTML from data), so nothing a client sent can run in the page.
 * It is kept as text, not compiled: the package's type settings have no DOM.
 */
export const INSPECTOR_SCRIPT = String.raw`'use strict';
(function () {
  var API = '/__sipmock';
  var MAX_ENTRIES = 500;
  var entries = [];
  var violations = [];
  var providers = [];
  var operations = {};
  var refreshTimer = null;

  function $(id) { return document.getElementById(id); }
  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      if (key === 'text') node.textContent = props[key];
      else if (key === 'className') node.className = props[key];
      else node.setAttribute(key, props[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child); });
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function pretty(value) { return value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value, null, 2); }
  function api(path, init) {
    return fetch(API + path, init).then(function (response) {
      if (response.status === 204) return null;
      return response.json().then(function (body) {
        if (!response.ok) throw new Error(body && body.message ? body.message : 'HTTP ' + response.status);
        return body;
      });
    });
  }

  // The journal: entries arrive over server-sent events, newest on top.
  function matches(entry) {
    var provider = $('filter-provider').value;
    var operation = $('filter-operation').value.trim().toLowerCase();
    var status = $('filter-status').value.trim().toLowerCase();
    if (provider && entry.provider !== provider) return false;
    if (operation && String(entry.operationId || '').toLowerCase().indexOf(operation) === -1) return false;
    if (/^[1-5]xx$/.test(status)) return String(entry.response.status).charAt(0) === status.charAt(0);
    if (status) return String(entry.response.status) === status;
    return true;
  }
  function side(title, part) {
    return el('div', {}, [el('h3', { text: title }), el('pre', { text: 'headers ' + pretty(part.headers) }), el('pre', { className: 'body', text: pretty(part.body) })]);
  }
  function toEntryNode(entry) {
    var status = entry.response.status;
    var summary = el('summary', {}, [
      el('span', { text: entry.time.slice(11, 23) }),
      el('span', { text: entry.provider }),
      el('span', { text: entry.method }),
      el('span', { text: entry.path, title: entry.path }),
      el('span', { text: entry.operationId || '(no operation)' }),
      el('span', { className: 'code s' + String(status).charAt(0), text: String(status) }),
      el('span', { text: entry.source + (entry.overrideId ? ' ' + entry.overrideId : '') })
    ]);
    var node = el('details', { className: 'entry', 'data-id': String(entry.id), 'data-provider': entry.provider, 'data-operation': entry.operationId || '', 'data-status': String(status) }, [summary]);
    node.addEventListener('toggle', function () {
      if (!node.open || node.childNodes.length > 1) return;
      node.appendChild(el('div', { className: 'detail' }, [side('request', entry.request), side('response ' + status, entry.response)]));
    });
    return node;
  }
  function renderJournal() {
    var list = $('journal');
    clear(list);
    var shown = entries.filter(matches);
    shown.slice().reverse().forEach(function (entry) { list.appendChild(toEntryNode(entry)); });
    $('journal-count').textContent = shown.length + ' of ' + entries.length;
  }
  function addEntry(entry) {
    entries.push(entry);
    if (entries.length > MAX_ENTRIES) entries.shift();
    if (entry.violations && entry.violations.length > 0) addViolations(entry);
    if (matches(entry)) $('journal').insertBefore(toEntryNode(entry), $('journal').firstChild);
    $('journal-count').textContent = entries.filter(matches).length + ' of ' + entries.length;
    scheduleRefresh();
  }
  function addViolations(entry) {
    entry.violations.forEach(function (v) {
      violations.unshift(el('li', { 'data-id': String(entry.id) }, [
        el('code', { text: entry.provider + ' ' + (entry.operationId || entry.path) }),
        ' ' + v.side + ' ' + v.location + ' ' + (v.path.join('.') || '/') + ': ' + v.message
      ]));
    });
    violations = violations.slice(0, 200);
    var list = $('violations');
    clear(list);
    violations.forEach(function (item) { list.appendChild(item); });
    $('violations-count').textContent = String(violations.length);
  }
  function connect() {
    var since = entries.length > 0 ? entries[entries.length - 1].id : 0;
    var source = new EventSource(API + '/journal/events?since=' + since);
    source.addEventListener('open', function () { $('status').textContent = 'live'; $('status').className = 'status live'; });
    source.addEventListener('error', function () { $('status').textContent = 'reconnecting…'; $('status').className = 'status'; });
    source.addEventListener('entry', function (event) { addEntry(JSON.parse(event.data)); });
  }

  // Overrides: the form posts one, each row removes its own.
  function describeOverride(o) {
    var answer = o.respond ? (o.respond.status || '') + (o.respond.fault ? ' ' + o.respond.fault : '') : o.sequence ? 'sequence' : '';
    return answer + (o.remaining !== undefined && o.remaining !== null ? ' (' + o.remaining + ' left)' : '');
  }
  function renderOverrides(list) {
    var body = $('overrides');
    clear(body);
    list.forEach(function (o) {
      var remove = el('button', { type: 'button', 'data-remove': o.id, text: 'Remove' });
      remove.addEventListener('click', function () { api('/overrides/' + encodeURIComponent(o.id), { method: 'DELETE' }).then(refreshOverrides); });
      body.appendChild(el('tr', { 'data-override': o.id }, [
        el('td', {}, [el('code', { text: o.id })]),
        el('td', { text: o.provider + ' ' + (o.operationId || (o.method + ' ' + o.path)) }),
        el('td', { text: describeOverride(o) }),
        el('td', {}, [remove])
      ]));
    });
  }
  function refreshOverrides() { return api('/overrides').then(function (body) { renderOverrides(body.overrides); }); }
  function submitOverride(event) {
    event.preventDefault();
    var spec = { provider: $('override-provider').value, operationId: $('override-operation').value, respond: { status: Number($('override-status').value) } };
    var error = $('override-error');
    error.textContent = '';
    try {
      var text = $('override-body').value.trim();
      if (text) spec.respond.body = JSON.parse(text);
    } catch (e) { error.textContent = 'body: ' + e.message; return; }
    if ($('override-times').value) spec.times = Number($('override-times').value);
    api('/overrides', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(spec) })
      .then(refreshOverrides)
      .catch(function (e) { error.textContent = e.message; });
  }
  function fillOperations() {
    var select = $('override-operation');
    clear(select);
    (operations[$('override-provider').value] || []).forEach(function (id) { select.appendChild(el('option', { value: id, text: id })); });
  }
  // Coverage: a table per provider, with bars.
  function bar(ratio) {
    var fill = el('span', {});
    fill.style.width = Math.max(0, Math.min(100, ratio.percent)) + '%';
    return el('span', {}, [el('span', { className: 'bar' }, [fill]), ratio.percent + '% (' + ratio.covered + '/' + ratio.total + ')']);
  }
  function renderCoverage(report) {
    var summary = $('coverage-summary');
    clear(summary);
    var head = el('tr', {}, ['provider', 'requests', 'operations', 'statuses', 'fields', 'rejected'].map(function (t) { return el('th', { text: t }); }));
    var rows = report.providers.map(function (p) {
      return el('tr', { 'data-provider': p.provider }, [el('td', { text: p.provider }), el('td', { text: String(p.requests) }), el('td', {}, [bar(p.summary.operations)]), el('td', {}, [bar(p.summary.statuses)]), el('td', {}, [bar(p.summary.fields)]), el('td', { text: String(p.rejected) })]);
    });
    summary.appendChild(el('table', {}, [el('thead', {}, [head]), el('tbody', {}, rows)]));
    var detail = $('coverage');
    clear(detail);
    report.providers.filter(function (p) { return p.requests > 0; }).forEach(function (p) {
      var body = p.operations.map(function (op) {
        var statuses = op.statuses.map(function (s) { return el('span', { className: s.ignored ? 'ignored' : s.count > 0 ? 'seen' : 'never', title: s.count + ' time(s)', text: String(s.status) + ' ' }); });
        var rejected = op.rejected.map(function (r) { return r.reason + ' ×' + r.count; }).join('; ');
        return el('tr', {}, [el('td', {}, [el('code', { text: op.operationId })]), el('td', { text: String(op.calls) }), el('td', {}, statuses), el('td', { text: (op.body.sent.length + op.query.sent.length) + '/' + (op.body.declared.length + op.query.declared.length) }), el('td', { text: rejected })]);
      });
      var head2 = el('tr', {}, ['operation', 'calls', 'statuses', 'fields', 'rejected'].map(function (t) { return el('th', { text: t }); }));
      detail.appendChild(el('h3', { text: p.provider + ': ' + p.title }));
      detail.appendChild(el('table', {}, [el('thead', {}, [head2]), el('tbody', {}, body)]));
    });
  }
  function refreshCoverage() {
    return api('/coverage').then(function (report) {
      renderCoverage(report);
      report.providers.forEach(function (p) { operations[p.provider] = p.operations.map(function (op) { return op.operationId; }); });
    });
  }

  // Stored state, per account.
  function refreshState() {
    var slug = $('state-provider').value;
    var box = $('state');
    if (!slug) return Promise.resolve();
    return api('/state/' + encodeURIComponent(slug)).then(function (dump) {
      clear(box);
      var names = Object.keys(dump.accounts || {});
      if (names.length === 0) box.appendChild(el('p', { text: 'No account has stored state yet.' }));
      names.forEach(function (name) {
        box.appendChild(el('details', { className: 'account' }, [el('summary', { text: name }), el('pre', { text: pretty(dump.accounts[name]) })]));
      });
    }).catch(function (e) { clear(box); box.appendChild(el('p', { text: e.message })); });
  }

  function scheduleRefresh() {
    if (refreshTimer) return;
    refreshTimer = setTimeout(function () { refreshTimer = null; refreshCoverage(); refreshOverrides(); refreshState(); }, 300);
  }
  function fillProviders(list) {
    providers = list;
    ['filter-provider', 'override-provider', 'state-provider'].forEach(function (id) {
      var select = $(id);
      list.forEach(function (p) { select.appendChild(el('option', { value: p.slug, text: p.slug })); });
    });
  }

  function start() {
    $('override-form').addEventListener('submit', submitOverride);
    $('override-provider').addEventListener('change', fillOperations);
    $('state-provider').addEventListener('change', refreshState);
    $('state-refresh').addEventListener('click', refreshState);
    ['filter-provider', 'filter-operation', 'filter-status'].forEach(function (id) { $(id).addEventListener('input', renderJournal); });
    $('journal-clear').addEventListener('click', function () { api('/journal', { method: 'DELETE' }).then(function () { entries = []; renderJournal(); }); });
    api('/health')
      .then(function (health) { fillProviders(health.providers); return refreshCoverage(); })
      .then(function () { fillOperations(); refreshState(); refreshOverrides(); connect(); })
      .catch(function (e) { $('status').textContent = 'failed: ' + e.message; });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
`;
