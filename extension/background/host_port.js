// The one native-messaging port to the `caiji` host (docs/protocol.md): requests wait in a queue
// while the host starts, replies in parts are joined, a lost port reconnects with backoff.

const M = globalThis.CaijiMessages;

// Backoff between attempts to reach the host. Capped low: starting a missing host fails at once
// and costs nothing, and a seller who just ran `caiji install` should not wait a minute.
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 8000;
// An open port keeps the service worker, and the host process, alive; after this long without a
// request both may sleep. The next request starts the host again (about 30 ms).
const IDLE_MS = 5 * 60 * 1000;

export class HostUnavailable extends Error {
  constructor(message) {
    super(message);
    this.name = "HostUnavailable";
  }
}

export class HostError extends Error {
  /** @param {{code: string, message: string}} error */
  constructor(error) {
    super(error.message);
    this.name = "HostError";
    this.code = error.code;
  }
}

export class HostPort {
  /**
   * @param {{parserVersion: () => string, onReady: () => void}} hooks
   *   onReady runs after each successful hello (the outbox flushes there)
   */
  constructor(hooks) {
    this.hooks = hooks;
    /** @type {chrome.runtime.Port | null} */
    this.port = null;
    /** @type {'idle'|'connecting'|'ready'|'missing'|'failed'} */
    this.state = "idle";
    this.message = "";
    this.hello = null;
    this.nextId = 1;
    /** @type {Map<number, {resolve: Function, reject: Function, parts: string[]}>} */
    this.pending = new Map();
    /** @type {{body: object, resolve: Function, reject: Function}[]} sent once hello answered */
    this.queue = [];
    this.retryMs = FIRST_RETRY_MS;
    this.retryTimer = 0;
    this.idleTimer = 0;
  }

  /** Starts the host unless a port is open or opening; safe to call on every event. */
  ensureConnected() {
    if (this.port) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = 0;
    this.state = "connecting";
    let port;
    try {
      port = chrome.runtime.connectNative(M.HOST_NAME);
    } catch (e) {
      this.lost(String(e?.message ?? e));
      return;
    }
    this.port = port;
    port.onMessage.addListener((m) => this.receive(m));
    port.onDisconnect.addListener(() => {
      if (this.port !== port) return;
      this.port = null;
      this.lost(chrome.runtime.lastError?.message ?? "the Caiji host closed the connection");
    });
    const id = this.nextId++;
    this.pending.set(id, {
      parts: [],
      resolve: (hello) => {
        this.hello = hello;
        this.state = "ready";
        this.message = "";
        this.retryMs = FIRST_RETRY_MS;
        for (const q of this.queue.splice(0)) this.send(q.body, q.resolve, q.reject);
        this.hooks.onReady();
        this.sleepWhenIdle();
      },
      // A host that refuses hello (another version, another extension id) cannot serve us.
      reject: (e) => {
        if (this.port !== port) return;
        this.port = null;
        port.disconnect();
        this.lost(e.message);
      },
    });
    const parserVersion = this.hooks.parserVersion(); // "" until the WASM module has loaded
    port.postMessage({ v: 1, id, method: "hello", params: parserVersion ? { parserVersion } : {} });
  }

  /**
   * One request; resolves with its result, rejects with HostError (the host said no) or
   * HostUnavailable (no host, or it went away before answering).
   * @param {string} method @param {object} params @returns {Promise<any>}
   */
  request(method, params) {
    return new Promise((resolve, reject) => {
      const body = { v: 1, method, params };
      if (this.state === "ready" && this.port) {
        this.send(body, resolve, reject);
        return;
      }
      // Not connected: start the host now (after a failure too: the seller may have installed
      // it since).
      if (this.state !== "connecting") this.ensureConnected();
      if (this.state === "connecting") this.queue.push({ body, resolve, reject });
      else reject(new HostUnavailable(this.message));
    });
  }

  send(body, resolve, reject) {
    const id = this.nextId++;
    this.pending.set(id, { resolve, reject, parts: [] });
    try {
      this.port.postMessage({ ...body, id });
    } catch (e) {
      this.pending.delete(id);
      reject(new HostUnavailable(String(e?.message ?? e)));
    }
  }

  receive(m) {
    if (m && typeof m.part === "number") {
      const p = this.pending.get(m.id);
      if (!p) return;
      p.parts.push(String(m.data ?? ""));
      if (m.part !== m.parts) return;
      let whole;
      try {
        whole = JSON.parse(p.parts.join(""));
      } catch {
        whole = { id: m.id, ok: false, error: { code: "bad_frame", message: "a reply in parts did not join up" } };
      }
      this.settle(whole);
      return;
    }
    if (m && m.event) return; // progress: the buttons show "collecting…" already
    this.settle(m);
  }

  settle(reply) {
    const p = this.pending.get(reply?.id);
    if (!p) return;
    this.pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.result);
    else p.reject(new HostError(reply.error ?? { code: "internal", message: "the host gave no reason" }));
    this.sleepWhenIdle();
  }

  sleepWhenIdle() {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (!this.port || this.pending.size || this.queue.length) return;
      const port = this.port;
      this.port = null; // our own disconnect fires no onDisconnect here
      this.state = "idle";
      port.disconnect();
    }, IDLE_MS);
  }

  lost(reason) {
    // "Specified native messaging host not found." is Chrome's text when no manifest names it.
    this.state = /not found/i.test(reason) ? "missing" : "failed";
    this.message = reason;
    this.hello = null;
    for (const [, p] of this.pending) p.reject(new HostUnavailable(reason));
    this.pending.clear();
    for (const q of this.queue.splice(0)) q.reject(new HostUnavailable(reason));
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.ensureConnected(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }
}
