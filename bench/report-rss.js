// Preloaded into measured Node processes (NODE_OPTIONS=--require): writes the
// process's peak RSS in bytes to $BENCH_RSS_FILE when it exits.
const { writeFileSync } = require("node:fs");

process.on("exit", () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
