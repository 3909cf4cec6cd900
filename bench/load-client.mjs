// Load generator for bench/run.ts: N keep-alive connections hammer one URL for S seconds,
// then report requests, throughput and latency percentiles to the parent process.
import http from 'node:http';

const [url, seconds, connections] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const latencies = [];
let errors = 0;
const end = performance.now() + seconds * 1000;

function once() {
  return new Promise((resolve) => {
    const t0 = performance.now();
    http
      .get(url, { agent }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200) errors++;
          latencies.push(performance.now() - t0);
          resolve();
        });
      })
      .on('error', () => {
        errors++;
        resolve();
      });
  });
}

async function worker() {
  while (performance.now() < end) await once();
}

const started = performance.now();
await Promise.all(Array.from({ length: connections }, worker));
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
process.send({ requests: latencies.length, rps: latencies.length / elapsed, p50: pct(50), p95: pct(95), p99: pct(99), errors });
agent.destroy();
process.exit(0);
