# workerd serving the smoke suite's worker (worker.js, bundled by test/runtime/matrix.mjs next to
# this file). The socket's address is given on the command line (`--socket-addr http=127.0.0.1:PORT`),
# and the worker's outbound fetch may reach loopback addresses only: the suite needs no network.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "smoke", worker = .smoke),
    (name = "internet", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", http = (), service = "smoke")],
);

const smoke :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2025-01-01",
);
