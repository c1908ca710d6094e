// EdgeStation kiosk: forms post JSON to the station API with the session's CSRF token, show the
// API's problem detail beside the form, and check fields as the person types (HTML constraints).
(function () {
  "use strict";
  var token = (document.querySelector('meta[name="csrf-token"]') || {}).content || "";

  function fieldsOf(form) {
    var fields = {};
    form.querySelectorAll("[data-field]").forEach(function (el) {
      if (el.value.trim() !== "") { fields[el.dataset.field] = el.value.trim(); }
    });
    return fields;
  }

  // An amendment carries only what the person changed (the ledger keeps the rest as it was).
  function changedOf(form) {
    var fields = {};
    form.querySelectorAll("[data-field]").forEach(function (el) {
      if (el.value.trim() !== (el.dataset.original || "").trim()) { fields[el.dataset.field] = el.value.trim(); }
    });
    return fields;
  }

  function reasonOf(form) {
    var el = form.querySelector("[data-input=reason]");
    return el ? el.value.trim() : "";
  }

  function bodyOf(form) {
    if (form.dataset.kind === "create") { return { type: form.dataset.type, fields: fieldsOf(form) }; }
    if (form.dataset.kind === "amend") { return { fields: changedOf(form), reason: reasonOf(form) }; }
    if (form.dataset.kind === "void") { return { reason: reasonOf(form) }; }
    var body = { action: form.dataset.action };
    form.querySelectorAll("[data-input]").forEach(function (el) {
      if (el.value.trim() !== "") { body[el.dataset.input] = el.value.trim(); }
    });
    return body;
  }

  function post(url, body, key) {
    // The page's language: the API then explains a refused input in Chinese, with the form's words.
    var headers = { "Content-Type": "application/json", "X-CSRF-Token": token, "Accept-Language": document.documentElement.lang || "zh-CN" };
    // One key per rendered form: submitting again after a timeout or a 503 cannot store the entry twice.
    if (key) { headers["Idempotency-Key"] = key; }
    return fetch(url, {
      method: "POST",
      headers: headers,
      body: JSON.stringify(body),
      credentials: "same-origin"
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) {
        return { ok: r.ok, status: r.status, retryAfter: parseInt(r.headers.get("Retry-After") || "0", 10), json: json };
      });
    });
  }

  document.querySelectorAll("form[data-login]").forEach(function (form) {
    var error = form.querySelector(".error");
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (!form.checkValidity()) { form.reportValidity(); return; }
      post("/login", { name: form.elements.name.value.trim(), secret: form.elements.secret.value }).then(function (res) {
        if (res.ok) { window.location.href = form.dataset.next || "/"; return; }
        // The API speaks English to programs; the kiosk says it in the page's language.
        // Two kinds of 429: this name is locked after failures, or too many attempts (this address, or the station busy).
        var text = res.status === 429 ? (res.json.title === "too many login attempts" ? form.dataset.busy : form.dataset.locked)
          : res.status === 401 ? form.dataset.wrong + (res.retryAfter > 0 ? " " + form.dataset.wait : "")
          : (res.json.detail || res.json.title || "");
        error.textContent = error.dataset.prefix + text.replace("{0}", String(res.retryAfter));
        form.elements.secret.value = "";
      });
    });
  });

  function logout(after) {
    return post("/logout", {}).catch(function () { return null; }).then(function () { window.location.href = after; });
  }

  document.querySelectorAll("form[data-logout]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      logout("/login");
    });
  });

  // Idle logout: a kiosk left alone must not stay signed in for the next person in the room.
  var idleSeconds = parseInt((document.querySelector('meta[name="idle-seconds"]') || {}).content || "0", 10);
  if (idleSeconds > 0) {
    var idleTimer = 0;
    var resetIdle = function () {
      window.clearTimeout(idleTimer);
      idleTimer = window.setTimeout(function () { logout("/login?idle=1"); }, idleSeconds * 1000);
    };
    ["pointerdown", "keydown", "touchstart", "wheel", "input"].forEach(function (name) {
      document.addEventListener(name, resetIdle, { passive: true });
    });
    resetIdle();
  }

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  document.querySelectorAll("form[data-api]").forEach(function (form) {
    var error = form.querySelector(".error");
    form.querySelectorAll("input,select,textarea").forEach(function (el) {
      el.addEventListener("input", function () {
        el.classList.toggle("invalid", !el.checkValidity());
      });
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (!form.checkValidity()) { form.reportValidity(); return; }
      var button = form.querySelector("button[type=submit]");
      button.disabled = true;
      var key = form.elements["idempotency-key"];
      post(form.dataset.api, bodyOf(form), key ? key.value : "").then(function (res) {
        if (res.ok) { window.location.href = "/record/" + encodeURIComponent(res.json.id); return; }
        if (res.status === 401) {
          window.location.href = "/login?next=" + encodeURIComponent(window.location.pathname);
          return;
        }
        var text = res.status === 403 ? document.body.dataset.forbidden : (res.json.detail || res.json.title || res.status);
        error.textContent = error.dataset.prefix + text;
        button.disabled = false;
      }).catch(function (err) {
        error.textContent = error.dataset.prefix + err;
        button.disabled = false;
      });
    });
  });

  // Camera alerts (摄像头告警): 确认 posts the acknowledgement, then the page shows who acknowledged it.
  document.querySelectorAll("button[data-ack]").forEach(function (button) {
    button.addEventListener("click", function () {
      button.disabled = true;
      post(button.dataset.ack, {}).then(function (r) {
        if (r.ok || r.status === 409) { window.location.reload(); return; }
        if (r.status === 401) { window.location.href = "/login?next=" + encodeURIComponent(window.location.pathname); return; }
        button.disabled = false;
      }).catch(function () { button.disabled = false; });
    });
  });

  // The alarm banner (报警): every signed-in page listens to /api/alarms/stream (pushed by the station as alarms go up,
  // not polled); an unacknowledged alarm covers the screen in red with a tone until someone acknowledges it, and the
  // acknowledgement is logged with who did it. Duress alarms show here too: they are silent only at the door.
  var alarmNames = { Panic: "一键报警", ForcedOpen: "强行开门", HeldOpen: "门长时间未关", Duress: "胁迫报警", Tamper: "防拆报警", ReaderOffline: "读卡器离线" };
  var tone = null;
  function sound(on) {
    try {
      if (on && !tone) {
        var ctx = new (window.AudioContext || window.webkitAudioContext)();
        var osc = ctx.createOscillator();
        osc.type = "square"; osc.frequency.value = 880;
        osc.connect(ctx.destination); osc.start();
        tone = { ctx: ctx, osc: osc };
      } else if (!on && tone) {
        tone.osc.stop(); tone.ctx.close(); tone = null;
      }
    } catch (e) { /* no audio device: the banner still shows */ }
  }
  function renderAlarms(alarms) {
    var banner = document.getElementById("alarm-banner");
    if (!alarms.length) {
      if (banner) { banner.remove(); }
      sound(false);
      return;
    }
    if (!banner) {
      banner = document.createElement("div");
      banner.id = "alarm-banner";
      banner.setAttribute("role", "alertdialog");
      document.body.appendChild(banner);
    }
    banner.textContent = "";
    var title = document.createElement("h2");
    title.textContent = "报警";
    banner.appendChild(title);
    alarms.forEach(function (a) {
      var row = document.createElement("div");
      row.className = "alarm";
      var text = document.createElement("span");
      var at = new Date(a.raisedAt);
      text.textContent = (alarmNames[a.kind] || a.kind) + " · " + a.source + " · " + at.toLocaleTimeString("zh-CN") + (a.causeActive ? "" : "（已恢复）");
      var ack = document.createElement("button");
      ack.className = "button";
      ack.type = "button";
      ack.textContent = "确认";
      ack.dataset.alarm = a.id;
      ack.addEventListener("click", function () {
        ack.disabled = true;
        post("/api/alarms/" + encodeURIComponent(a.id) + "/ack", {}).then(function (r) {
          // Grid workers and viewers may not acknowledge: say who can, instead of a button that does nothing.
          if (r.status === 403) { ack.textContent = "请值班干部确认"; return; }
          if (!r.ok) { ack.disabled = false; }
        });
      });
      row.appendChild(text);
      row.appendChild(ack);
      banner.appendChild(row);
    });
    sound(true);
  }
  if (token && window.EventSource) {
    var alarms = new EventSource("/api/alarms/stream");
    alarms.onmessage = function (e) {
      try { renderAlarms(JSON.parse(e.data).alarms || []); } catch (err) { /* a partial message: the next one repairs it */ }
    };
  }
})();
