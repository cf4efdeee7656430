/**
 * `npm run bench:ws`: a 20-round tool loop (one conversation turn whose model calls a tool 19
 * times, then answers) over HTTP and over WebSocket, against the same loopback server
 * (bench/ws-server.ts, in a process of its own). Prints each transport's median wall time per
 * round and the client's own CPU time per round (process.cpuUsage around the turn: the server's
 * work is in the other process), and the WebSocket figures as ratios of HTTP's, from one run.
 *   TURNS=30 ROUNDS=20 npm run bench:ws
 */
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import * as z from 'zod/mini';
import { ResponsesClient } from '../src/index.js';

const turns = Number(process.env.TURNS ?? 30);
const rounds = Number(process.env.ROUNDS ?? 20);

const child = spawn(
  process.execPath,
  ['--import', 'tsx', fileURLToPath(new URL('./ws-server.ts', import.meta.url))],
  {
    env: { ...process.env, ROUNDS: String(rounds) },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
process.on('exit', () => child.kill());
const port = await new Promise<number>((resolve) =>
  child.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim()))),
);
const baseURL = `http://127.0.0.1:${port}/v1`;

const tools = {
  step: {
    parameters: z.object({ round: z.number(), note: z.string() }),
    execute: ({ round }: { round: number }) => `step ${round} done`,
  },
};
const clients = {
  http: new ResponsesClient({ baseURL, apiKey: 'k' }),
  websocket: new ResponsesClient({ baseURL, apiKey: 'k', transport: 'websocket', WebSocket }),
};
type Name = keyof typeof clients;

type Mode = 'send' | 'stream';

/** One turn of the loop on a fresh conversation: wall and CPU milliseconds per round. */
async function turn(name: Name, mode: Mode): Promise<{ wall: number; cpu: number }> {
  const chat = clients[name].conversation({ model: 'bench', tools, maxToolRounds: rounds });
  const cpu = process.cpuUsage();
  const start = performance.now();
  let answer: { output_text: string };
  if (mode === 'send') answer = await chat.send('Run the twenty steps.');
  else {
    const stream = chat.stream('Run the twenty steps.');
    for await (const _ of stream);
    answer = await stream.finalResponse();
  }
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  if (!answer.output_text.startsWith('All twenty'))
    throw new Error(`unexpected answer: ${answer.output_text}`);
  if (chat.items.length !== 1 + 2 * (rounds - 1) + 1) throw new Error(`expected ${rounds} rounds`);
  return { wall: wall / rounds, cpu: (used.user + used.system) / 1000 / rounds };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const names: Name[] = ['http', 'websocket'];
const modes: Record<Mode, string> = {
  send: 'chat.send(): each round a unary create',
  stream: 'chat.stream(): each round a stream, every event decoded',
};
console.log(
  `Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(
  `${turns} turns of a ${rounds}-round tool loop per transport and mode, interleaved, on loopback (the server in its own process)`,
);
let met = true;
for (const mode of Object.keys(modes) as Mode[]) {
  for (const name of names) await turn(name, mode); // warm-up: modules loaded, connections open
  const results: Record<Name, { wall: number[]; cpu: number[] }> = {
    http: { wall: [], cpu: [] },
    websocket: { wall: [], cpu: [] },
  };
  for (let i = 0; i < turns; i++) {
    for (const name of i % 2 ? [...names].reverse() : names) {
      const { wall, cpu } = await turn(name, mode);
      results[name].wall.push(wall);
      results[name].cpu.push(cpu);
    }
  }
  console.log(`\n${modes[mode]}\ntransport      median ms/round   client CPU ms/round`);
  const rows = names.map((name) => ({
    name,
    wall: median(results[name].wall),
    cpu: median(results[name].cpu),
  }));
  for (const { name, wall, cpu } of rows)
    console.log(
      `${name.padEnd(14)} ${wall.toFixed(3).padStart(15)}   ${cpu.toFixed(3).padStart(19)}`,
    );
  const [http, ws] = rows as [(typeof rows)[0], (typeof rows)[0]];
  const wallRatio = ws.wall / http.wall;
  console.log(
    `websocket / http: time ${wallRatio.toFixed(2)}×, client CPU ${(ws.cpu / http.cpu).toFixed(2)}×`,
  );
  met &&= wallRatio <= 1;
}
console.log(
  `\ntarget: websocket not worse than http (time ≤ 1.00× in both modes): ${met ? 'met' : 'NOT MET'}`,
);

await clients.websocket.close();
child.kill();
