// The installable site (README "Offline and installable"): registers the service
// worker (/sw.js), tells it who the page is for (so the pages it keeps are
// forgotten when the person signs out or another signs in), and on the account
// page turns Web Push on or off for this device. Without JavaScript or without
// service workers the site works as before.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || !window.fetch) return;

  var meta = document.querySelector('meta[name="civic-viewer"]');
  var viewer = meta ? meta.getAttribute("content") || "" : "";

  function csrfToken() {
    var input = document.querySelector('input[name="csrfmiddlewaretoken"]');
    return input ? input.value : "";
  }

  function postJSON(url, data, options) {
    return fetch(url, Object.assign({
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(data),
    }, options || {}));
  }

  function tell(message) {
    return navigator.serviceWorker.ready.then(function (registration) {
      var worker = navigator.serviceWorker.controller || registration.active;
      if (worker) worker.postMessage(message);
    });
  }

  // The first visit is not yet the worker's: it keeps this page once it runs.
  var firstVisit = !navigator.serviceWorker.controller;
  navigator.serviceWorker
    .register("/sw.js", { scope: "/" })
    .then(function () {
      return tell({
        type: "viewer",
        viewer: viewer,
        keep: firstVisit ? location.pathname + location.search : null,
      });
    })
    .catch(function () { /* no offline copies: the site works as before */ });

  // Signing out: the kept pages go, and this device stops receiving the
  // person's notifications (a phone may be shared), before the form is sent.
  document.querySelectorAll('form[action$="/dang-xuat/"]').forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (form.dataset.signingOut) return;
      event.preventDefault();
      form.dataset.signingOut = "1";
      var controls = document.querySelector(".push-controls");
      var unsubscribeUrl = controls ? controls.dataset.unsubscribeUrl : form.dataset.pushUnsubscribe;
      var work = tell({ type: "sign-out" }).then(function () {
        return navigator.serviceWorker.ready;
      }).then(function (registration) {
        return registration.pushManager && registration.pushManager.getSubscription();
      }).then(function (subscription) {
        if (!subscription) return null;
        var endpoint = subscription.endpoint;
        return subscription.unsubscribe().then(function () {
          if (unsubscribeUrl) return postJSON(unsubscribeUrl, { endpoint: endpoint }, { keepalive: true });
          return null;
        });
      });
      var timeout = new Promise(function (resolve) { setTimeout(resolve, 1500); });
      Promise.race([work, timeout]).catch(function () {}).then(function () { form.submit(); });
    });
  });

  // --- the account page: notifications on this device -------------------------
  var controls = document.querySelector(".push-controls");
  if (!controls || !("PushManager" in window) || !("Notification" in window)) return;
  var button = document.getElementById("push-on");
  var status = document.getElementById("push-status");
  controls.hidden = false;

  function keyBytes(base64url) {
    var padded = base64url + "===".slice((base64url.length + 3) % 4);
    var raw = atob(padded.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  function say(text) { status.textContent = text; }

  function save(subscription) {
    return postJSON(controls.dataset.subscribeUrl, subscription.toJSON()).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) throw new Error(data.error || response.statusText);
        return data;
      });
    });
  }

  button.addEventListener("click", function () {
    button.disabled = true;
    Notification.requestPermission()
      .then(function (permission) {
        if (permission !== "granted") throw new Error(controls.dataset.denied);
        return navigator.serviceWorker.ready;
      })
      .then(function (registration) {
        return registration.pushManager.getSubscription().then(function (existing) {
          return existing || registration.pushManager.subscribe({
            userVisibleOnly: true,
            applicationServerKey: keyBytes(controls.dataset.publicKey),
          });
        });
      })
      .then(save)
      .then(function () {
        say(controls.dataset.done);
        window.location.reload();
      })
      .catch(function (error) {
        say((error && error.message) || controls.dataset.failed);
        button.disabled = false;
      });
  });
})();
