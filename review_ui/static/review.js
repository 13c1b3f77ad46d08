// Keyboard-first review. Every action is a plain form or link, so the UI works without this script;
// the script only maps keys to those controls (and never builds HTML from data).
(function () {
  "use strict";
  var body = document.body;
  var page = body.dataset.page;
  var help = document.getElementById("shortcuts");
  var PREV_KEY = "review.history";

  function typing(ev) {
    var t = ev.target;
    return t && (t.tagName === "TEXTAREA" || t.tagName === "SELECT" ||
      (t.tagName === "INPUT" && t.type !== "checkbox" && t.type !== "radio"));
  }
  function click(id) {
    var el = document.getElementById(id);
    if (el && !el.disabled && !(el.closest && el.closest("fieldset[disabled]"))) { el.click(); return true; }
    return false;
  }
  function say(text) {
    var msg = document.getElementById("form-msg");
    if (msg) { msg.textContent = text; }
  }
  function toggleHelp(show) {
    if (!help) { return; }
    help.hidden = show === undefined ? !help.hidden : !show;
    if (!help.hidden) { help.querySelector(".overlay-box").setAttribute("tabindex", "-1"); help.querySelector(".overlay-box").focus(); }
  }
  var helpButton = document.getElementById("toggle-help");
  if (helpButton) { helpButton.addEventListener("click", function () { toggleHelp(); }); }

  // Wellness preferences persist per browser: blur is on by default, greyscale is opt-in.
  try { if (localStorage.getItem("review.grey") === "1") { body.classList.add("grey"); } } catch (e) { /* private mode */ }

  // History of visited items, for k (previous item).
  function history() {
    try { return JSON.parse(sessionStorage.getItem(PREV_KEY) || "[]"); } catch (e) { return []; }
  }
  var item = document.querySelector(".item");
  if (item) {
    var h = history();
    var id = item.dataset.taskId;
    if (h[h.length - 1] !== id) { h.push(id); sessionStorage.setItem(PREV_KEY, JSON.stringify(h.slice(-50))); }
  }

  // Lease countdown on the item page.
  var lease = document.getElementById("lease");
  if (lease && lease.dataset.expires) {
    var ends = Date.parse(lease.dataset.expires);
    var tick = function () {
      var left = Math.max(0, Math.round((ends - Date.now()) / 1000));
      lease.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
      if (left === 0) { say("Your lease expired: the item went back to the queue. Press c to claim it again."); return; }
      setTimeout(tick, 1000);
    };
    tick();
  }

  // Reject needs a reason code: say so instead of a server round-trip.
  var decideForm = document.getElementById("decide-form");
  if (decideForm) {
    decideForm.addEventListener("submit", function (ev) {
      var action = ev.submitter ? ev.submitter.value : "";
      if (action === "reject" && !decideForm.querySelector("input[name=codes]:checked")) {
        ev.preventDefault();
        say("Select at least one reason code (keys 1–9) to reject.");
      }
    });
  }

  // Queue: j/k selection over rows.
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.task-row"));
  var sel = -1;
  function select(i) {
    if (!rows.length) { return; }
    sel = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (r, n) { r.classList.toggle("selected", n === sel); r.setAttribute("aria-selected", n === sel ? "true" : "false"); });
    var link = rows[sel].querySelector("a.open");
    if (link) { link.focus({ preventScroll: true }); }
    rows[sel].scrollIntoView({ block: "nearest" });
  }

  var keys = {
    "?": function () { toggleHelp(); },
    "n": function () { click("claim-next") || click("nav-next"); },
    "q": function () { window.location.href = "/review/"; },
    "b": function () { body.classList.toggle("unblur"); },
    "g": function () {
      var on = body.classList.toggle("grey");
      try { localStorage.setItem("review.grey", on ? "1" : "0"); } catch (e) { /* ignore */ }
    },
  };
  if (page === "queue") {
    keys.j = function () { select(sel + 1); };
    keys.k = function () { select(sel - 1); };
    keys.Enter = function () { if (sel >= 0) { window.location.href = rows[sel].dataset.href; } };
    keys.c = function () { if (sel >= 0) { var b = rows[sel].querySelector("button.claim"); if (b) { b.click(); } } };
  }
  if (page === "item") {
    keys.a = function () { click("btn-approve") || say("Claim the item first (c)."); };
    keys.r = function () { click("btn-reject") || say("Claim the item first (c)."); };
    keys.e = function () { click("btn-escalate") || say("Claim the item first (c)."); };
    keys.c = function () { click("btn-claim"); };
    keys.j = function () { click("btn-skip"); };
    keys.k = function () {
      var h = history();
      h.pop();
      var prev = h.pop();
      sessionStorage.setItem(PREV_KEY, JSON.stringify(h));
      if (prev) { window.location.href = "/review/tasks/" + encodeURIComponent(prev); } else { say("No previous item."); }
    };
    keys.t = function () { var n = document.getElementById("note"); if (n && !n.disabled) { n.focus(); } };
    for (var d = 1; d <= 9; d++) {
      (function (n) {
        keys[String(n)] = function () {
          var box = document.getElementById("code-" + n);
          if (box && !box.disabled && !box.closest("fieldset[disabled]")) { box.checked = !box.checked; say(""); }
        };
      })(d);
    }
  }

  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") {
      if (help && !help.hidden) { toggleHelp(false); ev.preventDefault(); return; }
      if (typing(ev)) { ev.target.blur(); return; }
    }
    if (typing(ev) || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    if (help && !help.hidden && ev.key !== "?") { return; }
    var fn = keys[ev.key];
    if (ev.key === "Enter" && page !== "queue") { return; }
    if (fn) { ev.preventDefault(); fn(); }
  });
})();
