#include "daemon/service.h"

#include <spdlog/spdlog.h>

#include <csignal>
#include <cstring>
#include <vector>

#include "config/loader.h"
#include "daemon/logging.h"
#include "daemon/modem_entries.h"
#include "daemon/modem_states.h"
#include "daemon/systemd_notify.h"
#include "modem/asio.h"
#include "modem/pool.h"

namespace siaran::daemon {
namespace {

using namespace std::chrono_literals;

// How long a stop may wait for the modems' coroutines to end.
constexpr auto stop_limit = 10s;

}  // namespace

class Service::Impl {
 public:
  Impl(std::filesystem::path config_file, config::Config config)
      : config_file_(std::move(config_file)),
        config_(std::move(config)),
        signals_(io_, SIGTERM, SIGINT, SIGHUP),
        watchdog_(io_),
        pool_(std::make_unique<modem::pool>(io_, modem_entries(config_), at::steady_timer_factory(io_))) {}

  int run() {
    auto rethrow = [](std::exception_ptr e) {
      if (e) std::rethrow_exception(e);
    };
    asio::co_spawn(io_, handle_signals(), rethrow);
    if (auto interval = systemd::watchdog_interval()) {
      spdlog::debug("watchdog ping every {} ms",
                    std::chrono::duration_cast<std::chrono::milliseconds>(*interval).count());
      asio::co_spawn(io_, ping_watchdog(*interval), rethrow);
    }
    watch_modem_states();
    pool_->start();
    spdlog::info("siarand {} ready", SIARAN_VERSION);
    systemd::notify_ready();
    io_.run();
    return 0;
  }

 private:
  asio::awaitable<void> handle_signals() {
    for (;;) {
      int signal = co_await signals_.async_wait(asio::use_awaitable);
      if (signal != SIGHUP) {
        co_await stop(signal);
        co_return;
      }
      reload();
    }
  }

  asio::awaitable<void> ping_watchdog(std::chrono::microseconds interval) {
    for (;;) {
      systemd::notify_watchdog();
      watchdog_.expires_after(interval);
      boost::system::error_code ec;
      co_await watchdog_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      if (ec == asio::error::operation_aborted) co_return;
    }
  }

  // Logs each modem's state as it changes, starting from where it stands now.
  void watch_modem_states() {
    states_ = pool_->snapshot();
    for (std::size_t i = 0; i < states_.size(); ++i) {
      spdlog::info("{}", describe_state(states_[i]));
      pool_->modems()[i]->on_state([this, i](const modem::modem_status& now) {
        if (state_changed(states_[i], now)) spdlog::info("{}", describe_state(now));
        states_[i] = now;
      });
    }
  }

  // Stops the modems and waits (bounded) for their coroutines; then nothing is left to run.
  asio::awaitable<void> stop(int signal) {
    spdlog::info("stopping ({})", signal == SIGINT ? "SIGINT" : "SIGTERM");
    systemd::notify_stopping();
    watchdog_.cancel();
    pool_->stop();
    const auto limit = std::chrono::steady_clock::now() + stop_limit;
    asio::steady_timer tick(io_);
    while (pool_->running() && std::chrono::steady_clock::now() < limit) {
      tick.expires_after(20ms);
      co_await tick.async_wait(asio::use_awaitable);
    }
    if (pool_->running()) {
      spdlog::warn("modems still running {} s after the stop; exiting without them",
                   std::chrono::duration_cast<std::chrono::seconds>(stop_limit).count());
      // Their coroutines still point at the pool: leave it alive for the process's last moments.
      static_cast<void>(pool_.release());
      io_.stop();
    }
  }

  // Only the log level changes on a running daemon for now; the rest needs a restart.
  void reload() {
    systemd::notify_reloading();
    spdlog::info("SIGHUP: reloading {}", config_file_.string());
    try {
      config::Config fresh = config::load_file(config_file_);
      apply_log_level(config_.log_level, fresh.log_level);
      config_.log_level = fresh.log_level;
    } catch (const config::ConfigError& e) {
      for (const auto& diagnostic : e.diagnostics()) spdlog::error("{}", diagnostic.to_string());
      spdlog::error("reload failed; keeping the running configuration");
    }
    systemd::notify_ready();
  }

  std::filesystem::path config_file_;
  config::Config config_;
  asio::io_context io_;
  asio::signal_set signals_;
  asio::steady_timer watchdog_;
  std::unique_ptr<modem::pool> pool_;
  std::vector<modem::modem_status> states_;  // as last logged
};

Service::Service(std::filesystem::path config_file, config::Config config)
    : impl_(std::make_unique<Impl>(std::move(config_file), std::move(config))) {}

Service::~Service() = default;

int Service::run() { return impl_->run(); }

}  // namespace siaran::daemon
