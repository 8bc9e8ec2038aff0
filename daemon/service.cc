#include "daemon/service.h"

#include <spdlog/spdlog.h>

#include <csignal>
#include <cstring>

#include "config/loader.h"
#include "modem/asio.h"
#include "daemon/logging.h"
#include "daemon/systemd_notify.h"

namespace siaran::daemon {

class Service::Impl {
 public:
  Impl(std::filesystem::path config_file, config::Config config)
      : config_file_(std::move(config_file)),
        config_(std::move(config)),
        signals_(io_, SIGTERM, SIGINT, SIGHUP),
        watchdog_(io_) {}

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
        stop(signal);
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

  void stop(int signal) {
    spdlog::info("stopping ({})", signal == SIGINT ? "SIGINT" : "SIGTERM");
    systemd::notify_stopping();
    watchdog_.cancel();
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
};

Service::Service(std::filesystem::path config_file, config::Config config)
    : impl_(std::make_unique<Impl>(std::move(config_file), std::move(config))) {}

Service::~Service() = default;

int Service::run() { return impl_->run(); }

}  // namespace siaran::daemon
