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

  function bodyOf(form) {
    if (form.dataset.kind === "create") { return { type: form.dataset.type, fields: fieldsOf(form) }; }
    var body = { action: form.dataset.action };
    form.querySelectorAll("[data-input]").forEach(function (el) {
      if (el.value.trim() !== "") { body[el.dataset.input] = el.value.trim(); }
    });
    return body;
  }

  function post(url, body) {
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": token },
      body: JSON.stringify(body),
      credentials: "same-origin"
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) { return { ok: r.ok, json: json }; });
    });
  }

  document.querySelectorAll("form[data-login]").forEach(function (form) {
    var error = form.querySelector(".error");
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      if (!form.checkValidity()) { form.reportValidity(); return; }
      post("/login", { name: form.elements.name.value.trim(), secret: form.elements.secret.value }).then(function (res) {
        if (res.ok) { window.location.href = form.dataset.next || "/"; return; }
        error.textContent = error.dataset.prefix + (res.json.detail || res.json.title || "");
        form.elements.secret.value = "";
      });
    });
  });

  document.querySelectorAll("form[data-logout]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      post("/logout", {}).then(function () { window.location.href = "/login"; });
    });
  });

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
      fetch(form.dataset.api, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": token },
        body: JSON.stringify(bodyOf(form)),
        credentials: "same-origin"
      }).then(function (r) {
        return r.json().then(function (json) { return { ok: r.ok, json: json }; });
      }).then(function (res) {
        if (res.ok) { window.location.href = "/record/" + encodeURIComponent(res.json.id); return; }
        error.textContent = error.dataset.prefix + (res.json.detail || res.json.title);
        button.disabled = false;
      }).catch(function (err) {
        error.textContent = error.dataset.prefix + err;
        button.disabled = false;
      });
    });
  });
})();
