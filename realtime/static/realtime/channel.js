// Makes a channel page live: messages arrive over the WebSocket, the form sends
// over it, moderators' "Hide" removes a message from every screen. Without this
// file the page still works (history + a form that posts). All user text is put
// into the page with textContent: it is never parsed as HTML.
(function () {
  "use strict";
  var chat = document.getElementById("chat");
  if (!chat || !window.WebSocket) return;
  var log = document.getElementById("chat-log");
  var form = document.getElementById("chat-form");
  var status = document.getElementById("chat-status");
  var presence = document.getElementById("chat-presence");
  var lastId = parseInt(chat.dataset.lastId || "0", 10) || 0;
  var canModerate = chat.dataset.canModerate === "1";
  var socket = null;
  var retry = 1000;
  var pending = {};
  var refCounter = 0;

  function url() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    return scheme + location.host + "/ws/channels/" + chat.dataset.channel +
      "/?after=" + lastId + "&lang=" + encodeURIComponent(chat.dataset.lang || "vi");
  }

  function showError(text) {
    var box = document.getElementById("chat-error");
    if (!box) {
      box = document.createElement("p");
      box.id = "chat-error";
      box.className = "error";
      box.setAttribute("role", "alert");
      chat.parentNode.insertBefore(box, chat);
    }
    box.textContent = text;
    box.hidden = !text;
  }

  // the server says this person may no longer write (muted, moved away from a
  // public channel's area, archived…) or may again
  function setCanPost(allowed, text) {
    if (!form) return;
    form.querySelectorAll("textarea, button").forEach(function (field) {
      field.disabled = !allowed;
    });
    if (!allowed && text) showError(text);
  }

  // access ended (signed out, moved away, channel made private): the socket is
  // closed by the server and the form cannot be used any more
  function lostAccess() {
    chat.dataset.lost = "1";
    setCanPost(false);
  }

  function hideButton(id) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "link-button";
    button.textContent = chat.dataset.textHide;
    button.addEventListener("click", function (event) {
      event.preventDefault();
      send({ type: "hide", id: id });
    });
    return button;
  }

  function render(message) {
    var item = document.createElement("li");
    item.id = "message-" + message.id;
    item.className = "chat-message";
    item.dataset.id = message.id;
    var meta = document.createElement("p");
    meta.className = "meta";
    var author = document.createElement("strong");
    author.textContent = message.author;
    var time = document.createElement("time");
    time.dateTime = message.created;
    time.textContent = message.time;
    meta.append(author, " · ", time);
    if (message.edited) {
      var edited = document.createElement("em");
      edited.textContent = chat.dataset.textEdited;
      meta.append(" · ", edited);
    }
    var body = document.createElement("p");
    body.className = "chat-body";
    body.textContent = message.body;  // white-space: pre-line keeps the lines
    item.append(meta, body);
    if (canModerate) {
      var actions = document.createElement("div");
      actions.className = "chat-actions";
      actions.append(hideButton(message.id));
      item.append(actions);
    }
    return item;
  }

  function add(message) {
    var existing = document.getElementById("message-" + message.id);
    if (existing) return;
    var empty = document.getElementById("chat-empty");
    if (empty) empty.remove();
    log.append(render(message));
    if (message.id > lastId) lastId = message.id;
    log.lastElementChild.scrollIntoView({ block: "nearest" });
  }

  function replace(message) {
    var existing = document.getElementById("message-" + message.id);
    if (existing) existing.replaceWith(render(message));
  }

  // a message shown again by a moderator goes back in its place (by id)
  function restore(message) {
    if (document.getElementById("message-" + message.id)) return replace(message);
    var items = log.querySelectorAll("li[data-id]");
    for (var i = 0; i < items.length; i++) {
      if (parseInt(items[i].dataset.id, 10) > message.id) {
        log.insertBefore(render(message), items[i]);
        return;
      }
    }
    add(message);
  }

  function remove(id) {
    var existing = document.getElementById("message-" + id);
    if (existing) existing.remove();
  }

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  // server-rendered "Hide" forms become socket requests
  log.querySelectorAll("form.chat-hide").forEach(function (hideForm) {
    var id = parseInt(hideForm.closest("li").dataset.id, 10);
    hideForm.replaceWith(hideButton(id));
  });

  function handle(data) {
    switch (data.type) {
      case "hello":
        status.dataset.connected = "1";
        showError("");
        break;
      case "backfill":
        data.messages.forEach(add);
        data.hidden.forEach(remove);
        data.edited.forEach(restore);
        if (data.more) send({ type: "backfill", after: lastId });
        break;
      case "message":
        add(data.message);
        break;
      case "edited":
        replace(data.message);
        break;
      case "hidden":
        remove(data.id);
        break;
      case "shown":
        restore(data.message);
        break;
      case "access":
        canModerate = !!data.can_moderate;
        setCanPost(!!data.can_post, data.message);
        break;
      case "presence":
        presence.hidden = false;
        presence.textContent = data.count + " " + chat.dataset.textOnline;
        break;
      case "ack":
        if (pending[data.ref] !== undefined) {
          delete pending[data.ref];
          form.querySelector("textarea").value = "";
        }
        break;
      case "error":
        if (data.ref !== undefined) delete pending[data.ref];
        showError(data.message);
        break;
      case "notice":
        var line = document.createElement("p");
        line.className = "message notice-urgent";
        var link = document.createElement("a");
        link.href = data.url;
        link.textContent = chat.dataset.textUrgent + ": " + data.title;
        line.append(link);
        chat.parentNode.insertBefore(line, chat);
        break;
    }
  }

  function connect() {
    socket = new WebSocket(url());
    socket.addEventListener("message", function (event) {
      try {
        handle(JSON.parse(event.data));
      } catch (err) {
        // a bad frame must not stop the page
      }
    });
    socket.addEventListener("open", function () {
      retry = 1000;
    });
    socket.addEventListener("close", function (event) {
      status.dataset.connected = "";
      // 4408: this page stopped reading (a sleeping tab): reconnect and catch
      // up with ?after= like after any other drop
      if (event.code >= 4400 && event.code < 4500 && event.code !== 4408) {
        // refused, or access ended while connected: do not retry
        if (event.code !== 4429) lostAccess();
        return;
      }
      showError(chat.dataset.textOffline);
      // spread over [retry/2, 3·retry/2): a ward's pages dropped at once by
      // a network blip do not come back in the same millisecond
      setTimeout(connect, retry * (0.5 + Math.random()));
      retry = Math.min(retry * 2, 30000);
    });
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      var textarea = form.querySelector("textarea");
      var ref = "r" + (++refCounter);
      if (send({ type: "post", body: textarea.value, ref: ref })) {
        event.preventDefault();
        pending[ref] = true;
      }
      // otherwise the form posts the ordinary way
    });
  }
  connect();
})();
