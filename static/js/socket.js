// The WebSocket to the server: one session. Messages are JSON objects;
// handlers[type] receives each by its "type". See the api package's
// documentation for the protocol.
//
// A connection that drops (the network, a server that went away, or the
// server's own "shutdown", close code 4004) is opened again after a
// jittered, growing delay, a bounded number of times: the page then
// resumes its session on whichever server answers (play.js). Closes the
// server decided for a reason (idle, too many sessions, full) are not
// retried: the page says why.
const RETRY_CODES = [1001, 1005, 1006, 1011, 1012, 1013, 1014, 4004];
const RETRY_TRIES = 10;
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 8000;

export class Connection {
  constructor(path, handlers) {
    this.path = path;
    this.handlers = handlers;
    this.ws = null;
    this.open = false;
    this.nextID = 1;
    this.tries = 0; // reconnections tried since the connection was last open
    this.timer = 0;
  }

  connect() {
    clearTimeout(this.timer);
    this.timer = 0;
    const proto = location.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(`${proto}//${location.host}${this.path}`);
    this.ws = ws;
    let opened = false;
    ws.onopen = () => { opened = true; this.open = true; this.tries = 0; this.call("open"); };
    ws.onmessage = (ev) => {
      let msg;
      try { msg = JSON.parse(ev.data); } catch { return; }
      this.call(msg.type, msg);
    };
    ws.onclose = (ev) => {
      if (this.ws !== ws) return;
      this.open = false;
      // A server restarting refuses before it opens: keep trying then too.
      const retrying = (opened || this.tries > 0) && RETRY_CODES.includes(ev.code) && this.tries < RETRY_TRIES;
      this.call("close", {code: ev.code, reason: ev.reason, opened, retrying});
      if (retrying) this.retry();
    };
  }

  // retry connects again after a delay that doubles with each try, up to
  // RETRY_MAX_MS, drawn between half of it and all of it so that the
  // pages of a server that went away do not all come back at once.
  retry() {
    const ceiling = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** this.tries);
    this.tries++;
    this.timer = setTimeout(() => this.connect(), ceiling / 2 + Math.random() * ceiling / 2);
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
    clearTimeout(this.timer);
    const ws = this.ws;
    this.ws = null; // a close asked for is not retried
    this.open = false;
    if (ws) ws.close();
  }
}
