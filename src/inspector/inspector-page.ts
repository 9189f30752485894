/**
 * The inspector's markup and style, shipped inside the package (no CDN, no framework): the
 * script (inspector-script.ts) fills the sections from the control API.
 */
export const INSPECTOR_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>sipmock inspector</title>
<link rel="stylesheet" href="/__sipmock/inspector.css">
<script src="/__sipmock/inspector.js" defer></script>
</head>
<body>
<header><h1>sipmock inspector</h1><span id="status" class="status">connecting…</span></header>
<main>
<section id="journal-section" class="panel wide">
  <h2>Journal <small id="journal-count"></small></h2>
  <div class="filters">
    <label>provider <select id="filter-provider"><option value="">all</option></select></label>
    <label>operation <input id="filter-operation" placeholder="operationId"></label>
    <label>status <input id="filter-status" placeholder="404 or 5xx" size="8"></label>
    <button id="journal-clear" type="button">Clear</button>
  </div>
  <div id="journal" class="journal"></div>
</section>
<section id="overrides-section" class="panel">
  <h2>Overrides</h2>
  <form id="override-form">
    <label>provider <select id="override-provider" required></select></label>
    <label>operation <select id="override-operation" required></select></label>
    <label>status <input id="override-status" type="number" min="100" max="599" value="503" required></label>
    <label>times <input id="override-times" type="number" min="1" placeholder="∞"></label>
    <label class="full">body (JSON, optional) <textarea id="override-body" rows="3" placeholder='{"error": "busy"}'></textarea></label>
    <button type="submit">Add override</button>
    <span id="override-error" class="error"></span>
  </form>
  <table><thead><tr><th>id</th><th>target</th><th>answer</th><th></th></tr></thead><tbody id="overrides"></tbody></table>
</section>
<section id="violations-section" class="panel">
  <h2>Spec violations <small id="violations-count"></small></h2>
  <ul id="violations" class="violations"></ul>
</section>
<section id="coverage-section" class="panel wide">
  <h2>Coverage</h2>
  <div id="coverage-summary"></div>
  <div id="coverage"></div>
</section>
<section id="state-section" class="panel wide">
  <h2>Stored state</h2>
  <label>provider <select id="state-provider"></select></label> <button id="state-refresh" type="button">Refresh</button>
  <div id="state"></div>
</section>
</main>
</body>
</html>
`;

export const INSPECTOR_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font: 13px/1.4 system-ui, sans-serif; color: #1d2330; background: #f4f6f9; }
header { display: flex; align-items: center; gap: 1rem; padding: .6rem 1rem; background: #1d2330; color: #fff; }
header h1 { font-size: 1.1rem; margin: 0; }
.status { font-size: .8rem; padding: .1rem .5rem; border-radius: 8px; background: #6b7280; }
.status.live { background: #2f9e61; }
main { display: grid; grid-template-columns: 1fr 1fr; gap: .8rem; padding: .8rem; }
.panel { background: #fff; border: 1px solid #dde1e8; border-radius: 6px; padding: .6rem .8rem; min-width: 0; }
.panel.wide { grid-column: 1 / -1; }
h2 { font-size: 1rem; margin: .2rem 0 .5rem; } h3 { font-size: .9rem; margin: .6rem 0 .3rem; }
small { color: #6b7280; font-weight: normal; }
.filters, form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin-bottom: .5rem; }
label { display: inline-flex; flex-direction: column; font-size: .75rem; color: #4b5563; gap: .1rem; }
label.full { flex-basis: 100%; }
input, select, textarea, button { font: inherit; padding: .2rem .35rem; border: 1px solid #c4cad4; border-radius: 4px; }
textarea { width: 100%; font-family: ui-monospace, monospace; }
button { background: #eef1f6; cursor: pointer; } button:hover { background: #e0e5ee; }
.journal { max-height: 24rem; overflow: auto; border-top: 1px solid #eee; }
.entry { border-bottom: 1px solid #eee; }
.entry summary { cursor: pointer; display: grid; grid-template-columns: 5.5rem 5rem 3.5rem 1fr 14rem 3rem 4.5rem; gap: .4rem; padding: .2rem; font-family: ui-monospace, monospace; font-size: 12px; }
.entry summary span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.code { font-weight: 700; } .s2 { color: #1f7a48; } .s3 { color: #2563eb; } .s4 { color: #b45309; } .s5, .s0 { color: #b3261e; }
.detail { display: grid; grid-template-columns: 1fr 1fr; gap: .5rem; padding: .3rem .5rem .6rem; }
pre { margin: 0; padding: .4rem; background: #f6f8fa; border-radius: 4px; overflow: auto; max-height: 16rem; font-size: 11.5px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; border-bottom: 1px solid #eee; padding: .2rem .4rem; vertical-align: top; }
.bar { display: inline-block; width: 7rem; height: .6rem; background: #e6e9ef; border-radius: 3px; overflow: hidden; vertical-align: middle; margin-right: .3rem; }
.bar > span { display: block; height: 100%; background: #2f9e61; }
.seen { color: #1f7a48; font-weight: 600; } .never { color: #b3261e; } .ignored { color: #999; text-decoration: line-through; }
.violations { margin: 0; padding-left: 1.1rem; max-height: 14rem; overflow: auto; }
.error { color: #b3261e; }
.account { margin: .3rem 0; }
`;
