-- wrk script for scripts/bench.sh's service stage: after the run, print what the summary table needs as
-- "key<TAB>value" lines (latencies in microseconds). No request()/response() hook: those would slow wrk down.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests\t%d\n", summary.requests))
  io.write(string.format("duration_us\t%d\n", summary.duration))
  io.write(string.format("errors\t%d\n", e.connect + e.read + e.write + e.status + e.timeout))
  io.write(string.format("status_errors\t%d\n", e.status))
  io.write(string.format("timeouts\t%d\n", e.timeout))
  for _, p in ipairs({ 50, 95, 99 }) do
    io.write(string.format("p%d_us\t%d\n", p, latency:percentile(p)))
  end
  io.write(string.format("max_us\t%d\n", latency.max))
end
