// The WebSocket to the server: one session. Messages are JSON objects;
// handlers[type] receives each by its "type". See the api package's
// documentation for the protocol.
export class Connection {
  constructor(path, handlers) {
    this.path = path;
    this.handlers = handlers;
    this.ws = null;
    this.open = false;
    this.nextID = 1;
  }

  connect() {
    const proto = location.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(`${proto}//${location.host}${this.path}`);
    this.ws = ws;
    let opened = false;
    ws.onopen = () => { opened = true; this.open = true; this.call("open"); };
    ws.onmessage = (ev) => {
      let msg;
      try { msg = JSON.parse(ev.data); } catch { return; }
      this.call(msg.type, msg);
    };
    ws.onclose = (ev) => {
      if (this.ws !== ws) return;
      this.open = false;
      this.call("close", {code: ev.code, reason: ev.reason, opened});
    };
  }

  call(type, msg) {
    const h = this.handlers[type];
    if (h) h(msg);
  }

  // send sends a command ({op, ...}); it returns false when not connected.
  send(cmd) {
    if (!this.open) return false;
    this.ws.send(JSON.stringify(cmd));
    return true;
  }

  close() {
    if (this.ws) this.ws.close();
  }
}
