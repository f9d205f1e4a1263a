/* The live room of a telesession (attend-telesession.xhtml). The room's WebSocket carries who is
   there, the lobby, the chair's moves, the agenda item shown, the chat and the votes; media go
   browser to browser (a mesh: every participant sends to every other), negotiated with the
   "perfect negotiation" pattern so that two browsers offering at once settle it themselves. Every
   text shown comes from the page (data-texts) and is set as text, never as markup. */
var smekRoom = (function () {
  "use strict";

  var root = document.getElementById("room");
  if (!root) {
    return null;
  }
  var texts = JSON.parse(root.getAttribute("data-texts"));
  var address = (location.protocol === "https:" ? "wss://" : "ws://") + location.host
      + root.getAttribute("data-socket") + "?lang=" + encodeURIComponent(root.getAttribute("data-lang"));

  var state = {me: null, chair: 0, peers: {}, agenda: [], item: null, motion: null, ice: []};
  var links = {};
  var local = null;
  var mediaReady = null;
  var camera = null;
  var screen = null;
  var socket = null;
  var retries = 0;
  var ended = false;
  var hand = false;

  function el(id) {
    return document.getElementById(id);
  }

  function t(key) {
    return Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
  }

  function format(key, args) {
    return t(key).replace(/\{(\d+)[^}]*\}/g, function (all, index) {
      return args[+index];
    });
  }

  function setStatus(key) {
    el("room-status").textContent = t(key);
  }

  function announce(text) {
    el("room-alert").textContent = text;
  }

  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(message));
    }
  }

  function isChair() {
    return state.me && state.me.account === state.chair;
  }

  function make(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function button(text, action, id) {
    var node = make("button", text, "room-button");
    node.type = "button";
    if (id) {
      node.id = id;
    }
    node.addEventListener("click", action);
    return node;
  }

  // The connection to the room

  function connect() {
    setStatus(retries ? "disconnected" : "connecting");
    socket = new WebSocket(address);
    socket.onmessage = function (event) {
      receive(JSON.parse(event.data));
    };
    socket.onclose = function (event) {
      closeLinks();
      if (ended) {
        return;
      }
      if (event.code === 1008 || event.code === 1003) {
        ended = true;
        setStatus("closed");
        return;
      }
      retries++;
      setStatus("disconnected");
      setTimeout(connect, Math.min(10000, 500 * Math.pow(2, retries)));
    };
  }

  function receive(message) {
    switch (message.type) {
      case "welcome":
        retries = 0;
        welcome(message);
        break;
      case "lobby":
        state.me = null;
        setStatus("lobby");
        break;
      case "joined":
      case "waiting":
      case "updated":
        // What one reports of oneself comes back too: it is "me", not another participant.
        if (state.me && message.peer.account === state.me.account) {
          state.me = message.peer;
        } else {
          state.peers[message.peer.account] = message.peer;
        }
        renderPeople();
        break;
      case "left":
        delete state.peers[message.account];
        dropLink(message.account);
        renderPeople();
        break;
      case "signal":
        signal(message.from, message.data);
        break;
      case "chat":
        addChat(message.message);
        break;
      case "chair":
        state.chair = message.account;
        renderPeople();
        renderChair();
        break;
      case "item":
        state.item = message.item ? message.item.id : null;
        renderItem();
        break;
      case "motion":
      case "result":
        state.motion = message.motion;
        renderMotion();
        break;
      case "mute":
        setTrack("audio", false);
        announce(t("mutedByChair"));
        break;
      case "removed":
      case "replaced":
      case "ended":
        ended = true;
        closeLinks();
        setStatus(message.type);
        break;
      case "error":
        announce(message.message);
        break;
      default:
        break;
    }
  }

  function welcome(message) {
    state.me = message.you;
    state.chair = message.chair;
    state.agenda = message.agenda;
    state.item = message.item;
    state.motion = message.motion;
    state.ice = message.ice;
    state.peers = {};
    message.peers.forEach(function (peer) {
      state.peers[peer.account] = peer;
    });
    setStatus("in");
    el("chat-log").textContent = "";
    message.chat.forEach(addChat);
    renderAgenda();
    renderItem();
    renderMotion();
    renderPeople();
    renderChair();
    media().then(function () {
      reportMedia();
      // The newcomer calls everyone already in; they answer.
      Object.keys(state.peers).forEach(function (account) {
        if (state.peers[account].admitted) {
          link(+account, true);
        }
      });
    });
  }

  // Camera, microphone and screen

  function media() {
    // Asked once: a signal arriving while the browser still asks for the camera waits for it.
    if (!mediaReady) {
      mediaReady = openMedia();
    }
    return mediaReady;
  }

  function openMedia() {
    var video = {width: {ideal: 640}, height: {ideal: 360}, frameRate: {ideal: 24}};
    var devices = navigator.mediaDevices;
    if (!devices || !devices.getUserMedia) {
      local = new MediaStream();
      announce(t("noCamera"));
      return Promise.resolve(local);
    }
    return devices.getUserMedia({audio: true, video: video})
        .catch(function () {
          return devices.getUserMedia({audio: true});
        })
        .catch(function () {
          return null;
        })
        .then(function (stream) {
          local = stream || new MediaStream();
          camera = local.getVideoTracks()[0] || null;
          if (!stream) {
            announce(t("noCamera"));
          }
          tile(state.me.account, true).video.srcObject = local;
          el("toggle-audio").setAttribute("aria-pressed", String(hasLive("audio")));
          el("toggle-video").setAttribute("aria-pressed", String(hasLive("video")));
          listDevices();
          return local;
        });
  }

  function hasLive(kind) {
    var track = kind === "audio" ? local && local.getAudioTracks()[0] : camera;
    return !!track && track.enabled;
  }

  function setTrack(kind, on) {
    var track = kind === "audio" ? local && local.getAudioTracks()[0] : camera;
    if (track) {
      track.enabled = on;
    }
    el(kind === "audio" ? "toggle-audio" : "toggle-video").setAttribute("aria-pressed", String(hasLive(kind)));
    reportMedia();
  }

  function reportMedia() {
    send({type: "media", audio: hasLive("audio"), video: hasLive("video"), screen: !!screen});
  }

  function listDevices() {
    navigator.mediaDevices.enumerateDevices().then(function (devices) {
      fill(el("audio-input"), devices, "audioinput", local.getAudioTracks()[0]);
      fill(el("video-input"), devices, "videoinput", camera);
    });
  }

  function fill(select, devices, kind, track) {
    var current = track && track.getSettings ? track.getSettings().deviceId : null;
    select.textContent = "";
    devices.filter(function (device) {
      return device.kind === kind;
    }).forEach(function (device, index) {
      var option = make("option", device.label || kind + " " + (index + 1));
      option.value = device.deviceId;
      option.selected = device.deviceId === current;
      select.appendChild(option);
    });
  }

  function useDevice(kind, deviceId) {
    var constraints = kind === "audio"
        ? {audio: {deviceId: {exact: deviceId}}}
        : {video: {deviceId: {exact: deviceId}, width: {ideal: 640}, height: {ideal: 360}}};
    navigator.mediaDevices.getUserMedia(constraints).then(function (stream) {
      var track = stream.getTracks()[0];
      var old = kind === "audio" ? local.getAudioTracks()[0] : camera;
      if (old) {
        local.removeTrack(old);
        old.stop();
      }
      local.addTrack(track);
      if (kind === "video") {
        camera = track;
      }
      if (kind === "audio" || !screen) {
        replaceOutgoing(kind, track);
      }
      reportMedia();
    }).catch(function () {
      announce(t("noCamera"));
    });
  }

  function replaceOutgoing(kind, track) {
    Object.keys(links).forEach(function (account) {
      var pc = links[account].pc;
      var sender = pc.getSenders().filter(function (s) {
        return s.track ? s.track.kind === kind : false;
      })[0];
      if (sender) {
        sender.replaceTrack(track);
      } else {
        pc.addTrack(track, local);
      }
    });
  }

  function toggleScreen() {
    if (screen) {
      stopScreen();
      return;
    }
    navigator.mediaDevices.getDisplayMedia({video: true}).then(function (stream) {
      screen = stream.getVideoTracks()[0];
      screen.onended = stopScreen;
      replaceOutgoing("video", screen);
      el("toggle-screen").setAttribute("aria-pressed", "true");
      el("toggle-screen").textContent = t("stopScreen");
      reportMedia();
    }).catch(function () {
      announce(t("screenRefused"));
    });
  }

  function stopScreen() {
    if (!screen) {
      return;
    }
    screen.stop();
    screen = null;
    if (camera) {
      replaceOutgoing("video", camera);
    }
    el("toggle-screen").setAttribute("aria-pressed", "false");
    el("toggle-screen").textContent = t("screen");
    reportMedia();
  }

  // Browser to browser

  function link(account, calling) {
    if (links[account]) {
      return links[account];
    }
    var pc = new RTCPeerConnection({iceServers: state.ice});
    var entry = {pc: pc, polite: state.me.account < account, makingOffer: false, ignoreOffer: false, pending: []};
    links[account] = entry;
    local.getTracks().forEach(function (track) {
      pc.addTrack(track, local);
    });
    if (calling) {
      // Without a camera or microphone, still ask to receive the others'.
      ["audio", "video"].forEach(function (kind) {
        if (!pc.getSenders().some(function (s) {
          return s.track && s.track.kind === kind;
        })) {
          pc.addTransceiver(kind, {direction: "recvonly"});
        }
      });
    }
    pc.onicecandidate = function (event) {
      if (event.candidate) {
        send({type: "signal", to: account, data: {candidate: event.candidate.toJSON()}});
      }
    };
    pc.onnegotiationneeded = function () {
      entry.makingOffer = true;
      pc.setLocalDescription().then(function () {
        send({type: "signal", to: account, data: {description: pc.localDescription.toJSON()}});
      }).catch(function () {
        // A newer negotiation took over; it sends its own offer.
      }).then(function () {
        entry.makingOffer = false;
      });
    };
    pc.ontrack = function (event) {
      var video = tile(account).video;
      var stream = event.streams[0] || new MediaStream([event.track]);
      if (video.srcObject !== stream) {
        video.srcObject = stream;
      }
    };
    pc.onconnectionstatechange = function () {
      var view = document.querySelector(".room-tile[data-account='" + account + "']");
      if (view) {
        view.classList.toggle("room-poor", pc.connectionState === "disconnected");
      }
      if (pc.connectionState === "failed") {
        pc.restartIce();
      }
    };
    return entry;
  }

  function signal(from, data) {
    if (!local) {
      media().then(function () {
        signal(from, data);
      });
      return;
    }
    var entry = link(from, false);
    var pc = entry.pc;
    if (data.description) {
      var collision = data.description.type === "offer"
          && (entry.makingOffer || pc.signalingState !== "stable");
      entry.ignoreOffer = !entry.polite && collision;
      if (entry.ignoreOffer) {
        return;
      }
      pc.setRemoteDescription(data.description).then(function () {
        entry.pending.splice(0).forEach(function (candidate) {
          pc.addIceCandidate(candidate).catch(function () {});
        });
        if (data.description.type === "offer") {
          return pc.setLocalDescription().then(function () {
            send({type: "signal", to: from, data: {description: pc.localDescription.toJSON()}});
          });
        }
        return null;
      }).catch(function () {});
    } else if (data.candidate) {
      if (!pc.remoteDescription) {
        entry.pending.push(data.candidate);
      } else {
        pc.addIceCandidate(data.candidate).catch(function () {});
      }
    }
  }

  function dropLink(account) {
    if (links[account]) {
      links[account].pc.close();
      delete links[account];
    }
    var view = document.querySelector(".room-tile[data-account='" + account + "']");
    if (view) {
      view.remove();
    }
  }

  function closeLinks() {
    Object.keys(links).forEach(dropLink);
  }

  // What everyone sees

  function tile(account, mine) {
    var view = document.querySelector(".room-tile[data-account='" + account + "']");
    if (!view) {
      view = make("figure", null, "room-tile");
      view.setAttribute("data-account", account);
      var video = make("video");
      video.autoplay = true;
      video.playsInline = true;
      // One's own picture must not play one's own sound back.
      video.muted = !!mine;
      view.appendChild(video);
      view.appendChild(make("figcaption"));
      el("videos").appendChild(view);
    }
    var person = account === (state.me && state.me.account) ? state.me : state.peers[account];
    view.querySelector("figcaption").textContent = person
        ? person.name + (account === (state.me && state.me.account) ? " (" + t("you") + ")" : "")
        : "";
    return {video: view.querySelector("video"), view: view};
  }

  function renderPeople() {
    var list = el("participants");
    var lobby = el("lobby");
    list.textContent = "";
    lobby.textContent = "";
    var people = Object.keys(state.peers).map(function (account) {
      return state.peers[account];
    });
    if (state.me) {
      people.unshift(state.me);
    }
    people.forEach(function (person) {
      var item = make("li", null, "room-person");
      item.setAttribute("data-account", person.account);
      var notes = [];
      if (person.account === state.chair) {
        notes.push(t("chair"));
      }
      if (person.hand) {
        notes.push(t("handRaised"));
      }
      if (person.admitted && !person.audio) {
        notes.push(t("muted"));
      }
      item.appendChild(make("span", person.name + ", " + person.organisation
          + (notes.length ? " (" + notes.join(", ") + ")" : ""), "room-person-name"));
      if (!person.admitted) {
        if (isChair()) {
          item.appendChild(button(t("admit"), function () {
            send({type: "admit", account: person.account});
          }, "admit-" + person.account));
        }
        lobby.appendChild(item);
        return;
      }
      if (isChair() && person.account !== state.me.account) {
        item.appendChild(button(t("mute"), function () {
          send({type: "mute", account: person.account});
        }, "mute-" + person.account));
        item.appendChild(button(t("remove"), function () {
          send({type: "remove", account: person.account});
        }, "remove-" + person.account));
        item.appendChild(button(t("makeChair"), function () {
          send({type: "chair", account: person.account});
        }, "chair-" + person.account));
      }
      list.appendChild(item);
      if (person.account !== state.me.account) {
        tile(person.account);
      }
    });
    if (!lobby.children.length) {
      lobby.appendChild(make("li", t("waiting.none")));
    }
  }

  function renderChair() {
    document.querySelectorAll(".room-chair-only").forEach(function (node) {
      node.hidden = !isChair();
    });
  }

  function renderAgenda() {
    var select = el("item-select");
    select.textContent = "";
    state.agenda.forEach(function (item) {
      var option = make("option", (item.position + 1) + ". " + item.title);
      option.value = item.id;
      select.appendChild(option);
    });
  }

  function renderItem() {
    var shown = state.agenda.filter(function (item) {
      return item.id === state.item;
    })[0];
    el("current-item").textContent = shown ? (shown.position + 1) + ". " + shown.title : t("item.none");
    if (shown) {
      el("item-select").value = String(shown.id);
    }
  }

  function renderMotion() {
    var motion = state.motion;
    var choices = el("vote-choices");
    choices.textContent = "";
    choices.hidden = true;
    el("vote-result").textContent = "";
    if (!motion) {
      el("vote-motion").textContent = t("vote.none");
      return;
    }
    el("vote-motion").textContent = motion.text + " (" + t("kind." + motion.kind) + ")";
    if (motion.yes !== null && motion.yes !== undefined) {
      el("vote-result").textContent = format("vote.tally", [motion.yes, motion.no, motion.abstain, motion.ballots]);
    } else {
      el("vote-result").textContent = format("vote.ballots", [motion.ballots]);
    }
    if (motion.status === "OPEN") {
      ["YES", "NO", "ABSTAIN"].forEach(function (choice) {
        choices.appendChild(button(t("choice." + choice), function () {
          send({type: "vote", motion: motion.id, choice: choice});
        }, "vote-" + choice.toLowerCase()));
      });
      choices.hidden = false;
    } else {
      el("vote-result").textContent += " " + (motion.adopted
          ? format("vote.adopted", [motion.resolution])
          : t("vote.rejected"));
    }
  }

  function addChat(message) {
    var item = make("li", null, "room-chat-message");
    var time = make("time", new Date(message.sentAt).toLocaleTimeString(root.getAttribute("data-lang"),
        {hour: "2-digit", minute: "2-digit"}));
    time.dateTime = message.sentAt;
    item.appendChild(time);
    item.appendChild(make("strong", " " + message.author + ": "));
    item.appendChild(make("span", message.text));
    el("chat-log").appendChild(item);
  }

  // The active speaker: the loudest incoming voice, from the connections' statistics.

  function stats() {
    var result = {};
    return Promise.all(Object.keys(links).map(function (account) {
      return links[account].pc.getStats().then(function (report) {
        var entry = {audioBytes: 0, videoBytes: 0, audioLevel: 0};
        report.forEach(function (stat) {
          if (stat.type === "inbound-rtp") {
            entry[stat.kind + "Bytes"] += stat.bytesReceived || 0;
            if (stat.kind === "audio" && stat.audioLevel) {
              entry.audioLevel = stat.audioLevel;
            }
          }
        });
        result[account] = entry;
      });
    })).then(function () {
      return result;
    });
  }

  function markSpeaker() {
    stats().then(function (all) {
      var loudest = null;
      Object.keys(all).forEach(function (account) {
        if (all[account].audioLevel > 0.02 && (!loudest || all[account].audioLevel > all[loudest].audioLevel)) {
          loudest = account;
        }
      });
      document.querySelectorAll(".room-tile").forEach(function (view) {
        view.classList.toggle("room-speaking", view.getAttribute("data-account") === loudest);
      });
    });
  }

  // The page's controls

  el("toggle-audio").addEventListener("click", function () {
    setTrack("audio", !hasLive("audio"));
  });
  el("toggle-video").addEventListener("click", function () {
    setTrack("video", !hasLive("video"));
  });
  el("toggle-screen").addEventListener("click", toggleScreen);
  el("toggle-hand").addEventListener("click", function () {
    hand = !hand;
    el("toggle-hand").setAttribute("aria-pressed", String(hand));
    el("toggle-hand").textContent = t(hand ? "lowerHand" : "hand");
    send({type: "hand", up: hand});
  });
  el("leave-room").addEventListener("click", function () {
    ended = true;
    closeLinks();
    if (local) {
      local.getTracks().forEach(function (track) {
        track.stop();
      });
    }
    if (socket) {
      socket.close(1000);
    }
    location.href = el("back").href;
  });
  el("audio-input").addEventListener("change", function () {
    useDevice("audio", this.value);
  });
  el("video-input").addEventListener("change", function () {
    useDevice("video", this.value);
  });
  el("item-show").addEventListener("click", function () {
    send({type: "item", item: +el("item-select").value});
  });
  el("motion-open").addEventListener("click", function () {
    send({type: "motion", item: state.item || +el("item-select").value,
      text: el("motion-text").value, kind: el("motion-kind").value});
  });
  el("motion-close").addEventListener("click", function () {
    if (state.motion) {
      send({type: "close", motion: state.motion.id});
    }
  });
  el("chat-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var text = el("chat-text").value;
    if (text.trim()) {
      send({type: "chat", text: text});
      el("chat-text").value = "";
    }
  });

  connect();
  setInterval(markSpeaker, 1000);

  // For the browser tests: what the connections received so far, per participant.
  return {stats: stats};
})();
