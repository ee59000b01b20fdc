// The header badge of a signed-in user (unread notifications), live over the
// WebSocket /ws/inbox/; without JavaScript the badge shows the count of the page.
(function () {
  "use strict";
  var badge = document.getElementById("inbox-badge");
  var script = document.getElementById("inbox-script");
  if (!badge || !window.WebSocket) return;
  var lang = (script && script.dataset.lang) || document.documentElement.lang || "vi";
  var retry = 2000;

  function show(data) {
    var count = Number(data.count) || 0;
    badge.textContent = String(count);
    if (data.label) badge.setAttribute("aria-label", data.label);
    badge.hidden = count === 0;
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(
      scheme + location.host + "/ws/inbox/?lang=" + encodeURIComponent(lang)
    );
    socket.onopen = function () { retry = 2000; };
    socket.onmessage = function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      if (data.type === "unread") show(data);
    };
    socket.onclose = function (event) {
      // signed out (4401) or too many windows (4429): stop; else reconnect
      if (event.code === 4401 || event.code === 4429) return;
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 60000);
    };
  }
  connect();
})();
