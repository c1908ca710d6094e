// EdgeStation kiosk, door pages (门禁): the door cards follow the doors live from /api/doors/stream (server-sent
// events pushed at each change, no reloads); 开门 and the mode buttons post to the doors API with the session's CSRF
// token; 确认 acknowledges an alarm. The API checks every role again: a hidden button is never the only guard.
(function () {
  "use strict";
  var token = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";
  var error = document.querySelector("[data-door-error]");

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": token, "Accept-Language": document.documentElement.lang || "zh-CN" },
      body: JSON.stringify(body),
      credentials: "same-origin"
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) { return { ok: r.ok, status: r.status, json: json }; });
    });
  }

  function report(res) {
    if (!error) { return; }
    if (res.ok) { error.textContent = ""; return; }
    if (res.status === 401) { window.location.href = "/login?next=" + encodeURIComponent(window.location.pathname); return; }
    error.textContent = res.status === 403 ? error.dataset.forbidden : (res.json.detail || res.json.title || String(res.status));
  }

  var grid = document.querySelector("[data-doors]");
  if (grid) {
    var words = grid.dataset;
    var render = function (state) {
      (state.doors || []).forEach(function (d) {
        var card = grid.querySelector('section[data-door="' + d.id + '"]');
        if (!card) { return; }
        card.querySelector('[data-state="lock"]').textContent = d.unlocked ? words.unlocked : words.locked;
        card.querySelector('[data-state="contact"]').textContent = d.open ? words.open : words.shut;
        var mode = d.mode === "lockdown" ? words.modeLockdown : d.mode === "free" ? words.modeFree : words.modeNormal;
        card.querySelector('[data-state="mode"]').textContent = mode + (d.firstIn ? " · " + words.firstIn : "");
        card.classList.toggle("is-unlocked", d.unlocked);
        card.classList.remove("mode-normal", "mode-lockdown", "mode-free");
        card.classList.add("mode-" + d.mode);
      });
      grid.classList.remove("offline");
    };
    if (window.EventSource) {
      var stream = new EventSource("/api/doors/stream");
      stream.onmessage = function (e) {
        try { render(JSON.parse(e.data)); } catch (err) { /* a partial message: the next one repairs it */ }
      };
      // EventSource reconnects by itself; meanwhile say the state shown may be old.
      stream.onerror = function () { grid.classList.add("offline"); grid.dataset.status = words.offline; };
    }
    grid.querySelectorAll("[data-unlock]").forEach(function (button) {
      button.addEventListener("click", function () {
        button.disabled = true;
        post("/api/doors/" + encodeURIComponent(button.dataset.unlock) + "/unlock", {}).then(function (res) {
          report(res);
          button.disabled = false;
        });
      });
    });
    grid.querySelectorAll("[data-set-mode]").forEach(function (button) {
      button.addEventListener("click", function () {
        button.disabled = true;
        post("/api/doors/" + encodeURIComponent(button.dataset.door) + "/mode", { mode: button.dataset.setMode }).then(function (res) {
          report(res);
          button.disabled = false;
        });
      });
    });
  }

  document.querySelectorAll("[data-ack]").forEach(function (button) {
    button.addEventListener("click", function () {
      button.disabled = true;
      post("/api/alarms/" + encodeURIComponent(button.dataset.ack) + "/ack", {}).then(function (res) {
        report(res);
        // The row now says who acknowledged and when: the page as the station has it.
        if (res.ok) { window.location.reload(); } else { button.disabled = false; }
      });
    });
  });
})();
