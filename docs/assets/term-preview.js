/* Term previews: a definition on hover, focus and tap; Escape or the close button closes it.
 * Without this script terms are plain links, still described by aria-describedby. */
(function () {
  "use strict";
  var popover = null;
  var current = null;
  var hideTimer = 0;
  var touchPending = false;
  var refocusing = false;

  function definitionFor(link) {
    var id = link.getAttribute("aria-describedby");
    var dd = id && document.getElementById(id);
    if (!dd) return null;
    var dt = dd.previousElementSibling;
    return { title: dt ? dt.textContent : link.textContent, text: dd.textContent };
  }

  function ensurePopover() {
    if (popover) return popover;
    popover = document.createElement("div");
    popover.className = "term-preview";
    popover.id = "term-preview";
    popover.setAttribute("role", "tooltip");
    popover.hidden = true;
    popover.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    popover.addEventListener("mouseleave", scheduleHide);
    document.body.appendChild(popover);
    return popover;
  }

  function show(link) {
    var definition = definitionFor(link);
    if (!definition) return;
    clearTimeout(hideTimer);
    var box = ensurePopover();
    box.textContent = "";
    var title = document.createElement("p");
    title.className = "term-preview__title";
    title.textContent = definition.title;
    var text = document.createElement("p");
    text.className = "term-preview__text";
    text.textContent = definition.text;
    var more = document.createElement("a");
    more.href = link.href;
    more.textContent = "Read the full entry";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "term-preview__close";
    close.setAttribute("aria-label", "Close");
    close.textContent = "\u00d7";
    close.addEventListener("click", function () { var back = current; hide(); if (back) back.focus({ preventScroll: true }); });
    box.append(close, title, text, more);
    box.hidden = false;
    current = link;
    link.setAttribute("aria-expanded", "true");
    place(link, box);
  }

  // Below the link, or above it when it would run off the bottom; always inside the viewport.
  function place(link, box) {
    var rect = link.getBoundingClientRect();
    var root = document.documentElement;
    var left = Math.min(Math.max(8, rect.left), root.clientWidth - box.offsetWidth - 8);
    var top = rect.bottom + 6;
    if (top + box.offsetHeight > root.clientHeight - 8 && rect.top - box.offsetHeight - 6 >= 8) top = rect.top - box.offsetHeight - 6;
    top = Math.max(8, Math.min(top, root.clientHeight - box.offsetHeight - 8));
    box.style.left = left + window.scrollX + "px";
    box.style.top = top + window.scrollY + "px";
  }

  function hide() {
    if (!popover || popover.hidden) return;
    popover.hidden = true;
    if (current) current.removeAttribute("aria-expanded");
    current = null;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function termLink(event) {
    var target = event.target;
    return target && target.closest ? target.closest("a.term-link") : null;
  }

  // Phones send compatibility mouse events and focus the link on a tap, before the click:
  // only a real mouse hovers, and focus from a tap is left to the click handler below.
  document.addEventListener("pointerover", function (event) {
    var link = event.pointerType === "mouse" ? termLink(event) : null;
    if (link && link !== current) show(link);
    else if (link) clearTimeout(hideTimer);
  });
  document.addEventListener("pointerout", function (event) {
    if (event.pointerType === "mouse" && termLink(event)) scheduleHide();
  });
  document.addEventListener("focusin", function (event) {
    var link = termLink(event);
    if (refocusing) refocusing = false;
    else if (link && !touchPending) show(link);
    else if (!link && (!popover || !popover.contains(event.target))) hide();
  });
  document.addEventListener("pointerdown", function (event) {
    touchPending = event.pointerType === "touch" || event.pointerType === "pen";
    if (popover && !popover.contains(event.target) && !termLink(event)) hide();
  });
  document.addEventListener("click", function (event) {
    // A highlighted passage opens its note: the n-th highlight of a paragraph, the n-th note after it.
    var mark = event.target.closest && event.target.closest("mark.annotated");
    if (mark) {
      var paragraph = mark.closest(".reading-paragraph");
      var index = Array.prototype.indexOf.call(paragraph.querySelectorAll("mark.annotated"), mark);
      for (var node = paragraph.nextElementSibling; node && !node.matches(".reading-paragraph"); node = node.nextElementSibling) {
        if (node.matches("details.note, details.tip") && index-- === 0) {
          node.open = true;
          node.scrollIntoView({ block: "nearest" });
          break;
        }
      }
    }
    var link = termLink(event);
    // On touch there is no hover: the first tap shows the preview, a second tap follows the link.
    if (link && touchPending && (current !== link || popover.hidden)) {
      event.preventDefault();
      show(link);
    }
    touchPending = false;
  });
  // A touch that scrolls instead of tapping sends no click; forget it before the next focus.
  document.addEventListener("pointercancel", function () { touchPending = false; });
  document.addEventListener("keydown", function (event) {
    touchPending = false;
    if (event.key === "Escape" && popover && !popover.hidden) {
      var link = current;
      hide();
      if (link && document.activeElement !== link) {
        refocusing = true;
        link.focus({ preventScroll: true });
      }
    }
  });
})();
