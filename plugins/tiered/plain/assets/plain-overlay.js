// tiered/plain's author overlay: only `mkdocs serve` links this script. It marks each
// finding the page's data block lists, builds a legend with a toggle per kind, and
// shows a finding's message on hover and keyboard focus. No inline handlers.
(function () {
  "use strict";
  var data = document.getElementById("tiered-plain-findings");
  if (!data) { return; }
  var parsed = JSON.parse(data.textContent);
  var root = document.querySelector(".md-content__inner, [role=main], main") || document.body;
  var SKIP = /^(CODE|PRE|SCRIPT|STYLE|H1|H2|H3|H4|H5|H6|TABLE|KBD|SAMP)$/;

  function textNodes() {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        for (var el = node.parentElement; el && el !== root; el = el.parentElement) {
          // Code, headings, tables, citations and the plugins' own chrome (as the
          // checks read the page: a glossary link is article text).
          var chrome = Array.prototype.some.call(el.classList, function (name) {
            return name.indexOf("tiered-") === 0 && name !== "tiered-glossary-term";
          });
          if (SKIP.test(el.tagName) || chrome || el.classList.contains("citation")) {
            return NodeFilter.FILTER_REJECT;
          }
        }
        return NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) { nodes.push(walker.currentNode); }
    return nodes;
  }

  function isWord(ch) { return !!ch && /[\p{L}\p{N}]/u.test(ch); }

  var tip = document.createElement("div");
  tip.className = "tiered-plain-tip";
  tip.id = "tiered-plain-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  root.appendChild(tip);  // inside the page's main landmark, as all content must be

  function show(mark) {
    tip.textContent = mark.getAttribute("data-message");
    var box = mark.getBoundingClientRect();
    tip.style.left = box.left + "px";  // fixed: viewport coordinates
    tip.style.top = (box.bottom + 4) + "px";
    tip.hidden = false;
    mark.setAttribute("aria-describedby", tip.id);
  }
  function hide(mark) {
    tip.hidden = true;
    if (mark) { mark.removeAttribute("aria-describedby"); }
  }

  // Findings come in page order: each search starts where the last one was found.
  var nodes = textNodes();
  var at = 0;
  var counts = {};
  parsed.findings.forEach(function (finding) {
    for (var i = at; i < nodes.length; i++) {
      var node = nodes[i];
      var text = node.nodeValue;
      var from = 0;
      var index;
      while ((index = text.indexOf(finding.anchor, from)) >= 0) {
        var end = index + finding.anchor.length;
        if (!isWord(text[index - 1]) && !isWord(text[end])) { break; }
        from = index + 1;
      }
      if (index < 0) { continue; }
      var range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, end);
      var mark = document.createElement("mark");
      mark.className = "tiered-plain-mark";
      mark.setAttribute("data-kind", finding.kind);
      mark.setAttribute("data-message", finding.message);
      mark.setAttribute("tabindex", "0");
      range.surroundContents(mark);
      // The text after the mark is a new node: the next search starts there.
      var rest = mark.nextSibling;
      if (rest && rest.nodeType === Node.TEXT_NODE) { nodes.splice(i + 1, 0, rest); }
      at = i + 1;
      counts[finding.kind] = (counts[finding.kind] || 0) + 1;
      mark.addEventListener("mouseenter", function () { show(mark); });
      mark.addEventListener("mouseleave", function () { hide(mark); });
      mark.addEventListener("focus", function () { show(mark); });
      mark.addEventListener("blur", function () { hide(mark); });
      mark.addEventListener("keydown", function (event) { if (event.key === "Escape") { hide(mark); } });
      return;
    }
  });

  var legend = document.createElement("aside");
  legend.className = "tiered-plain-legend";
  legend.setAttribute("aria-label", "Plain-language findings");
  var title = document.createElement("h2");
  title.textContent = "Plain language (preview only)";
  legend.appendChild(title);
  var list = document.createElement("ul");
  parsed.kinds.forEach(function (entry) {
    var item = document.createElement("li");
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = entry.kind;
    var swatch = document.createElement("mark");
    swatch.className = "tiered-plain-mark tiered-plain-swatch";
    swatch.setAttribute("data-kind", entry.kind);
    swatch.setAttribute("aria-hidden", "true");
    swatch.textContent = "Aa";  // a sample of the marking: colour and underline
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(document.createTextNode(entry.label + " (" + (counts[entry.kind] || 0) + ")"));
    item.appendChild(label);
    list.appendChild(item);
    box.addEventListener("change", function () {
      root.querySelectorAll('.tiered-plain-mark[data-kind="' + entry.kind + '"]').forEach(function (mark) {
        mark.classList.toggle("tiered-plain-hidden", !box.checked);
        if (box.checked) { mark.setAttribute("tabindex", "0"); } else { mark.removeAttribute("tabindex"); }
      });
    });
  });
  legend.appendChild(list);
  document.body.appendChild(legend);
}());
