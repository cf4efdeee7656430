// A WebSocket constructor for workerd (Cloudflare Workers), whose own `new WebSocket(url)` takes
// no headers, so it cannot carry the API key: this one opens the socket with `fetch` and an
// `Upgrade: websocket` header (the key beside it), accepts the socket the response carries, and
// hands its events on. Pass it as the client's `WebSocket` option. The README shows the same.
export class FetchUpgradeWebSocket extends EventTarget {
  #socket;
  #closing;

  constructor(url, init = {}) {
    super();
    const headers = { ...init.headers, Upgrade: 'websocket' };
    fetch(String(url).replace(/^ws/, 'http'), { headers }).then(
      (response) => {
        const socket = response.webSocket;
        if (!socket) return this.#fail(`the upgrade was answered ${response.status}`);
        socket.accept();
        this.#socket = socket;
        socket.addEventListener('message', (event) => this.#emit('message', { data: event.data }));
        socket.addEventListener('close', (e) =>
          this.#emit('close', { code: e.code, reason: e.reason }),
        );
        socket.addEventListener('error', () => this.#emit('error', {}));
        if (this.#closing) socket.close(...this.#closing);
        else this.#emit('open', {});
      },
      (error) => this.#fail(String(error)),
    );
  }

  send(data) {
    this.#socket.send(data);
  }

  close(code = 1000, reason = '') {
    if (this.#socket) this.#socket.close(code, reason);
    else this.#closing = [code, reason];
  }

  #fail(reason) {
    this.#emit('error', {});
    this.#emit('close', { code: 1006, reason });
  }

  #emit(type, fields) {
    this.dispatchEvent(Object.assign(new Event(type), fields));
  }
}
