// An area page's live updates: urgent notices and public poll tallies, over the
// WebSocket; nothing changes for readers without JavaScript.
(function () {
  "use strict";
  var box = document.getElementById("area-live");
  if (!box || !window.WebSocket) return;
  var updates = document.getElementById("area-live-updates");
  var retry = 2000;

  function notice(data) {
    var line = document.createElement("p");
    line.className = "message notice-urgent";
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = box.dataset.textUrgent + ": " + data.title;
    line.append(link);
    updates.prepend(line);
  }

  function poll(data) {
    var id = "live-poll-" + data.id;
    var block = document.getElementById(id);
    if (!block) {
      block = document.createElement("div");
      block.id = id;
      block.className = "card";
      updates.append(block);
    }
    block.textContent = "";
    var title = document.createElement("p");
    var strong = document.createElement("strong");
    strong.textContent = data.title;
    title.append(strong, " · " + data.participants + " " + box.dataset.textParticipants);
    var list = document.createElement("ul");
    data.rows.forEach(function (row) {
      var item = document.createElement("li");
      item.textContent = row.label + ": " + row.votes + " " + box.dataset.textVotes +
        " (" + row.percent + "%)";
      list.append(item);
    });
    block.append(title, list);
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + location.host + "/ws/areas/" +
      box.dataset.area + "/?lang=" + encodeURIComponent(box.dataset.lang || "vi"));
    socket.addEventListener("message", function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (err) { return; }
      if (data.type === "notice") notice(data);
      else if (data.type === "poll") poll(data);
    });
    socket.addEventListener("open", function () { retry = 2000; });
    socket.addEventListener("close", function (event) {
      if (event.code >= 4400 && event.code < 4500) return;
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 60000);
    });
  }
  connect();
})();
