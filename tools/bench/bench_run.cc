// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/bench/bench_run.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <thread>
#include <vector>

#include "tools/bench/daemon_api.h"
#include "tools/bench/child_process.h"
#include "tools/bench/external_modems.h"
#include "tools/bench/proc_sampler.h"

namespace siaran::tools::bench {
namespace {

using clock_type = std::chrono::steady_clock;
using namespace std::chrono_literals;

// The deliberate polling intervals of the benchmark: five looks a second keep a progress bar
// lively; without one, a look a second, since every look is work for the daemon whose CPU is
// being measured (GET /api/v1/queue counts the queue).
constexpr auto progress_poll_interval = 200ms;
constexpr auto quiet_poll_interval = 1s;
constexpr auto ready_timeout = 60s;
constexpr auto stall_timeout = 60s;  // no part sent or failed for this long: the run is stuck
constexpr auto daemon_stop_grace = 30s;  // its drain of in-flight parts on SIGTERM
constexpr auto sims_stop_grace = 10s;
constexpr std::size_t batch_size = 10'000;

double seconds_since(clock_type::time_point start) {
  return std::chrono::duration<double>(clock_type::now() - start).count();
}

class run_directory {
 public:
  explicit run_directory(bool keep) : keep_(keep) {
    std::string pattern = (std::filesystem::temp_directory_path() / "siaran-bench-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw run_error("cannot create a directory in " + pattern);
    path_ = pattern;
  }
  ~run_directory() {
    if (!keep_) std::filesystem::remove_all(path_);
  }
  void keep() { keep_ = true; }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  bool keep_;
};

void wait_until_ready(daemon_api& api, child_process& daemon, unsigned modems) {
  const auto deadline = clock_type::now() + ready_timeout;
  for (auto next = clock_type::now(); clock_type::now() < deadline;
       std::this_thread::sleep_until(next += progress_poll_interval)) {
    if (auto status = daemon.exit_status()) throw run_error("siarand exited with status " + std::to_string(*status) + " while starting");
    const auto health = api.health();
    if (health && health->modems_ready == modems) return;
  }
  throw run_error("siarand did not report " + std::to_string(modems) + " modems ready within 60 s");
}

// Returns the parts queued.
long long queue_messages(daemon_api& api, const run_request& request) {
  long long parts = 0;
  std::vector<outgoing_message> batch;
  for (std::size_t first = 0; first < request.messages; first += batch_size) {
    batch.clear();
    for (std::size_t i = first; i < std::min(request.messages, first + batch_size); ++i) batch.push_back(request.message(i));
    parts += api.queue_batch(batch);
  }
  return parts;
}

phase_sample sample(daemon_api& api, pid_t pid, clock_type::time_point origin) {
  phase_sample result;
  result.wall_s = seconds_since(origin);
  result.cpu_s = cpu_seconds(pid);
  const write_counts written = writes(pid);
  result.write_bytes = written.bytes;
  result.write_calls = written.calls;
  for (const auto& modem : api.modems()) result.busy_ms += modem.busy_ms;
  result.sent = api.queue().sent;
  return result;
}

// Polls until nothing is queued or in flight; returns the final queue counters.
queue_status wait_until_sent(daemon_api& api, const run_request& request, long long total,
                             clock_type::time_point origin) {
  long long last_done = -1;
  auto last_change = clock_type::now();
  const auto poll_interval = request.on_progress ? progress_poll_interval : quiet_poll_interval;
  for (auto next = clock_type::now();; std::this_thread::sleep_until(next += poll_interval)) {
    const queue_status queue = api.queue();
    if (request.on_progress) request.on_progress({queue.sent, queue.failed, total, seconds_since(origin)});
    if (queue.queued == 0 && queue.in_flight == 0) return queue;
    if (queue.sent + queue.failed != last_done) {
      last_done = queue.sent + queue.failed;
      last_change = clock_type::now();
    } else if (clock_type::now() - last_change > stall_timeout) {
      throw run_error("no part was sent for 60 s with " + std::to_string(queue.queued + queue.in_flight) + " still waiting");
    }
  }
}

void add_sending_figures(figures& result, daemon_api& api, const run_request& request, pid_t pid,
                         clock_type::time_point origin) {
  const phase_sample start = sample(api, pid, origin);
  const queue_status queue = wait_until_sent(api, request, result.parts_queued, origin);
  const phase_sample end = sample(api, pid, origin);
  result.parts_sent = queue.sent;
  result.parts_failed = queue.failed;
  add_phase_figures(result, start, end);
  result.per_modem = api.modems();
  if (!request.read_sent_messages) return;
  const auto sent = api.sent_messages();
  result.messages_sent = sent.size();
  result.achieved_parts_per_s = achieved_rate(sent);
  result.latency_p50_s = latency_percentile(sent, 0.50);
  result.latency_p99_s = latency_percentile(sent, 0.99);
}

figures measure(const run_request& request, const daemon_config& config, child_process& daemon,
                external_modems& modems) {
  daemon_api api(config.endpoint);
  wait_until_ready(api, daemon, config.modems);
  if (request.on_ready) request.on_ready({config, daemon.pid(), modems});
  figures result;
  result.modems = config.modems;
  result.modem_kind = config.modem_kind;
  result.rate_per_second = config.rate_per_second;
  result.messages = request.messages;
  const double cpu_before = cpu_seconds(daemon.pid());
  const auto origin = clock_type::now();
  result.parts_queued = queue_messages(api, request);
  result.queueing_s = seconds_since(origin);
  result.queueing_cpu_s = cpu_seconds(daemon.pid()) - cpu_before;
  result.rss_after_queueing_mib = memory(daemon.pid()).rss_mib;
  if (request.wait_for_sending) add_sending_figures(result, api, request, daemon.pid(), origin);
  result.peak_rss_mib = memory(daemon.pid()).peak_mib;
  return result;
}

// An API call that fails because the daemon or a sim died says so: that is the finding, not
// the call.
figures measure_or_explain(const run_request& request, const daemon_config& config, child_process& daemon,
                           external_modems& modems) {
  try {
    return measure(request, config, daemon, modems);
  } catch (const std::exception& e) {
    std::string why = e.what();
    if (const auto status = daemon.exit_status()) why += "; siarand had exited with status " + std::to_string(*status);
    for (const auto& sim : modems.exited()) why += "; siaran-modemsim " + sim + " had exited";
    if (why == e.what()) throw;
    throw run_error(why);
  }
}

child_spec daemon_spec(const std::filesystem::path& siarand, const daemon_config& config, const std::filesystem::path& dir) {
  return {.argv = {siarand.string(), "--config", config.file.string()},
          .log = dir / "siarand.log",
          .missing_hint = "build it, or give its path with --siarand"};
}

}  // namespace

figures run_benchmark(const run_request& request) {
  run_directory dir(request.keep_dir);
  try {
    const daemon_config config = request.make_config(dir.path());
    // Before siarand, which opens their ports as it starts; destroyed after it, so a failed
    // run kills siarand before the modems it talks to.
    if (request.before_start) request.before_start(config);
    external_modems modems(request.modemsim, config.sims);
    child_process daemon(daemon_spec(request.siarand, config, dir.path()));
    figures result = measure_or_explain(request, config, daemon, modems);
    result.exit_status = daemon.terminate(daemon_stop_grace);
    modems.stop(sims_stop_grace);
    if (request.keep_dir) std::cerr << "siaran-bench: kept " << dir.path().string() << '\n';
    return result;
  } catch (const std::exception& e) {
    dir.keep();
    throw run_error(std::string(e.what()) + " (the logs and config are in " + dir.path().string() + ")");
  }
}

}  // namespace siaran::tools::bench
