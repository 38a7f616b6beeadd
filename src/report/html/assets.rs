//! The pages' inline style sheet and script (vanilla JS, no library). The
//! script reads only `data-` attributes and element text, never parses
//! embedded data, and writes no HTML (`textContent`, classes, `hidden`).

/// The style sheet of both pages.
pub const CSS: &str = r##"
:root { --fg:#1d2330; --muted:#5b6475; --line:#d8dce4; --accent:#2458c6; --hl:#ffe08a; --uni:#d6ecff; --bi:#9fd49f; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); margin: 0; }
header { padding: 14px 24px; border-bottom: 1px solid var(--line); }
header h1 { margin: 0 0 4px; font-size: 20px; }
nav a { margin-right: 14px; color: var(--accent); }
main { padding: 0 24px 40px; }
section { margin-top: 26px; }
h2 { border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.note { color: var(--muted); }
.warn { background: #fff4e0; border-left: 4px solid #e8a33d; padding: 6px 10px; }
table { border-collapse: collapse; margin: 8px 0; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f3f5f9; }
table.sortable th { cursor: pointer; user-select: none; }
table.sortable th[aria-sort=ascending]::after { content: " ▲"; }
table.sortable th[aria-sort=descending]::after { content: " ▼"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.ci { color: var(--muted); font-size: 12px; }
.group { display: inline-block; min-width: 20px; margin-left: 6px; padding: 0 5px; border-radius: 8px; background: #e5e9f5; font-size: 12px; text-align: center; }
.improved { background: #e3f6e3; } .regressed { background: #fde4e4; }
svg.chart { display: block; margin: 6px 0 14px; max-width: 100%; height: auto; }
svg .grid { stroke: #e6e8ee; } svg .zero { stroke: #888; stroke-dasharray: 3 3; }
svg .tick, svg .label { font-size: 11px; fill: var(--muted); } svg .label { fill: var(--fg); }
svg .box { fill: #dfe6f6; stroke: #8ea2cf; } svg .whisker { stroke: #8ea2cf; } svg .median { stroke: #304a8a; stroke-width: 2; }
svg .dot { fill: #304a8a; fill-opacity: .35; } svg .ci { stroke: #c62828; stroke-width: 3; } svg .mean { fill: #c62828; }
.browser { display: grid; grid-template-columns: 260px 1fr; gap: 18px; }
#doc-list { list-style: none; margin: 0; padding: 0; max-height: 75vh; overflow: auto; border: 1px solid var(--line); }
#doc-list li a { display: block; padding: 3px 8px; color: var(--fg); text-decoration: none; overflow-wrap: anywhere; }
#doc-list li a:hover, #doc-list li a.current { background: #e8eefc; }
#doc-search { width: 100%; padding: 5px 8px; margin-bottom: 8px; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid var(--line); padding: 10px; max-height: 60vh; overflow: auto; unicode-bidi: plaintext; }
.s.hl { background: var(--hl); outline: 1px solid #e0b84a; }
.text i, .legend i { font-style: normal; background: var(--uni); } .text b, .legend b { font-weight: normal; background: var(--bi); }
.summary { border: 1px solid var(--line); padding: 6px 10px; margin: 8px 0; }
.summary h4 { margin: 0 0 4px; }
.legend span { margin-right: 12px; }
pre.json { background: #f6f7f9; padding: 10px; overflow: auto; max-height: 60vh; }
bdi { unicode-bidi: isolate; }
"##;

/// The script of both pages: sortable tables, the document browser (search,
/// hash links), and the sentence highlight of the chosen summarizer.
pub const JS: &str = r##"
(function () {
  "use strict";
  function cellValue(row, i) {
    var cell = row.cells[i];
    if (!cell) return "";
    var v = cell.getAttribute("data-v");
    return v === null ? cell.textContent.trim() : v;
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, i) {
      th.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, i), y = cellValue(b, i);
          var nx = parseFloat(x), ny = parseFloat(y);
          var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });

  function highlight(article) {
    var select = article.querySelector("select.hl-select");
    if (!select) return;
    var chosen = select.value;
    var seen = {};
    var count = 0;
    article.querySelectorAll(".s").forEach(function (s) {
      var by = (s.getAttribute("data-by") || "").split(" ");
      var on = by.indexOf(chosen) >= 0;
      s.classList.toggle("hl", on);
      var i = s.getAttribute("data-i");
      if (on && !seen[i]) { seen[i] = true; count++; }
    });
    var out = article.querySelector(".hl-count");
    if (out) out.textContent = count + " sentence(s) highlighted (a sentence cut to fit the budget only up to the cut)";
  }
  document.querySelectorAll("select.hl-select").forEach(function (select) {
    select.addEventListener("change", function () { highlight(select.closest("article")); });
  });

  var docs = document.querySelectorAll("article.doc");
  var links = document.querySelectorAll("#doc-list a");
  function show(id) {
    var target = id ? document.getElementById(id) : null;
    if (!target || !target.classList.contains("doc")) return false;
    docs.forEach(function (d) { d.hidden = d !== target; });
    links.forEach(function (a) { a.classList.toggle("current", a.getAttribute("href") === "#" + id); });
    highlight(target);
    var empty = document.getElementById("doc-empty");
    if (empty) empty.hidden = true;
    document.getElementById("documents").scrollIntoView();
    return true;
  }
  function fromHash() { show(decodeURIComponent(location.hash.slice(1))); }
  window.addEventListener("hashchange", fromHash);
  fromHash();

  var search = document.getElementById("doc-search");
  if (search) {
    var items = document.querySelectorAll("#doc-list li");
    search.addEventListener("input", function () {
      var q = search.value.trim().toLowerCase();
      items.forEach(function (li) {
        li.hidden = q !== "" && (li.getAttribute("data-id") || "").indexOf(q) < 0;
      });
    });
    search.addEventListener("keydown", function (e) {
      if (e.key !== "Enter") return;
      var q = search.value.trim().toLowerCase();
      var visible = Array.prototype.filter.call(items, function (li) { return !li.hidden; });
      var exact = visible.filter(function (li) { return li.getAttribute("data-id") === q; });
      var pick = exact.length ? exact[0] : (visible.length ? visible[0] : null);
      if (pick) location.hash = pick.querySelector("a").getAttribute("href");
    });
  }
})();
"##;
