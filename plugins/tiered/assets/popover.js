/* tiered: popovers for glossary terms and citations (shared by both plugins).
   Without this script each link is a normal link (a glossary term's with a title). With it, the title
   becomes a popover (role="tooltip", referenced by aria-describedby) that opens on
   hover, keyboard focus and tap, and closes on Escape, blur or a tap elsewhere.
   A citation whose entry is on the page shows the entry itself, with its DOI and
   PubMed links; the pointer can move into the popover to follow them (keyboard users
   follow the citation to the entry, where the same links are).
   A first tap on a touch screen opens the popover; a second tap follows the link.
   Events are delegated from the document, so links that a theme re-renders or
   clones keep working. */
(function () {
  "use strict";
  var SELECTOR = "a.tiered-glossary-term, a.tiered-citation-link";
  var counter = 0;
  var open = null; // { link, tip }
  var touchedLink = null;

  function termLink(node) {
    return node && node.closest ? node.closest(SELECTOR) : null;
  }

  function tooltipFor(link) {
    var id = link.getAttribute("aria-describedby");
    var tip = id ? document.getElementById(id) : null;
    if (tip) {
      return tip;
    }
    var text = link.getAttribute("title") || link.getAttribute("data-tiered-definition");
    var entry = entryFor(link);
    if (!text && !entry) {
      return null;
    }
    counter += 1;
    tip = document.createElement("span");
    tip.id = "tiered-glossary-tip-" + counter;
    tip.className = "tiered-glossary-tooltip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    if (link.classList.contains("tiered-glossary-term")) {
      var name = document.createElement("span"); // the term, as a heading
      name.className = "tiered-glossary-tooltip__term";
      name.textContent = link.textContent;
      tip.appendChild(name);
    }
    if (entry) {
      tip.appendChild(entry);
    } else {
      tip.appendChild(document.createTextNode(text));
    }
    document.body.appendChild(tip);
    // The popover replaces the native tooltip; screen readers get it as a description.
    if (text) {
      link.removeAttribute("title");
      link.setAttribute("data-tiered-definition", text);
    }
    link.setAttribute("aria-describedby", tip.id);
    return tip;
  }

  // A citation's entry in the page's reference list, without its back-links.
  function entryFor(link) {
    var href = link.getAttribute("href") || "";
    if (!link.classList.contains("tiered-citation-link") || href.charAt(0) !== "#") {
      return null;
    }
    var item = document.getElementById(decodeURIComponent(href.slice(1)));
    if (!item || !item.closest(".references")) {
      return null;
    }
    var copy = document.createElement("span");
    copy.className = "tiered-citation-tooltip__entry";
    for (var node = item.firstChild; node; node = node.nextSibling) {
      if (!(node.classList && node.classList.contains("references__back"))) {
        copy.appendChild(node.cloneNode(true));
      }
    }
    var anchors = copy.querySelectorAll("[id]");
    for (var i = 0; i < anchors.length; i++) {
      anchors[i].removeAttribute("id"); // ids stay unique on the page
    }
    return copy;
  }

  function place(link, tip) {
    var rect = link.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    tip.style.left = "0px";
    tip.style.top = "0px";
    var left = Math.min(Math.max(8, rect.left), Math.max(8, width - tip.offsetWidth - 8));
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = rect.bottom + window.scrollY + 6 + "px";
  }

  var hideTimer = null;

  function cancelHide() {
    if (hideTimer !== null) {
      window.clearTimeout(hideTimer);
      hideTimer = null;
    }
  }

  // Leaving the link for its popover must not close it: wait a moment.
  function hideSoon() {
    cancelHide();
    hideTimer = window.setTimeout(hide, 300);
  }

  function inTip(node) {
    return !!(open && node && open.tip.contains(node));
  }

  function hide() {
    cancelHide();
    if (open) {
      open.tip.hidden = true;
      open.link.removeAttribute("data-tiered-open");
      open = null;
    }
  }

  function show(link) {
    cancelHide();
    var tip = tooltipFor(link);
    if (!tip) {
      return;
    }
    if (open && open.link !== link) {
      hide();
    }
    tip.hidden = false;
    place(link, tip);
    open = { link: link, tip: tip };
  }

  function init() {
    var links = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < links.length; i++) {
      tooltipFor(links[i]);
    }
  }

  document.addEventListener("mouseover", function (event) {
    var link = termLink(event.target);
    if (link && !link.contains(event.relatedTarget)) {
      show(link);
    } else if (inTip(event.target)) {
      cancelHide();
    }
  });
  document.addEventListener("mouseout", function (event) {
    var link = termLink(event.target);
    var leaving = (link && !link.contains(event.relatedTarget)) || inTip(event.target);
    if (
      leaving &&
      !inTip(event.relatedTarget) &&
      !(open && open.link.contains(event.relatedTarget)) &&
      !(open && document.activeElement === open.link)
    ) {
      hideSoon();
    }
  });
  document.addEventListener("focusin", function (event) {
    var link = termLink(event.target);
    if (link) {
      show(link);
    }
  });
  document.addEventListener("focusout", function (event) {
    if ((termLink(event.target) || inTip(event.target)) && !inTip(event.relatedTarget)) {
      hide();
    }
  });
  document.addEventListener("pointerdown", function (event) {
    var link = termLink(event.target);
    touchedLink = link && (event.pointerType === "touch" || event.pointerType === "pen") ? link : null;
    if (open && !(link && link === open.link) && !inTip(event.target)) {
      hide();
    }
  });
  document.addEventListener("click", function (event) {
    var link = termLink(event.target);
    if (link && link === touchedLink && !link.hasAttribute("data-tiered-open")) {
      event.preventDefault(); // first tap: show the definition; a second tap follows it
      show(link);
      link.setAttribute("data-tiered-open", "");
    }
    touchedLink = null;
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") {
      hide();
    }
  });
  window.addEventListener("resize", function () {
    if (open) {
      place(open.link, open.tip);
    }
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () {
      hide();
      init();
    });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
