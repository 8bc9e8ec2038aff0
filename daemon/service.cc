// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/service.h"

#include <spdlog/spdlog.h>

#include <csignal>
#include <cstring>
#include <future>
#include <vector>

#include <sysexits.h>

#include "config/loader.h"
#include "daemon/accounts/account_services.h"
#include "daemon/api/api_context.h"
#include "daemon/api/audit_routes.h"
#include "daemon/api/report_routes.h"
#include "daemon/audit/audit_trail.h"
#include "daemon/balance/balance_checks.h"
#include "daemon/broadcaster.h"
#include "daemon/dispatcher.h"
#include "daemon/http/server.h"
#include "daemon/http/static_files.h"
#include "daemon/inbound.h"
#include "daemon/inbox/reply_router.h"
#include "daemon/logging.h"
#include "daemon/modem_entries.h"
#include "daemon/modem_states.h"
#include "daemon/price_list_of.h"
#include "daemon/schedule/scheduler.h"
#include "daemon/send_metrics.h"
#include "daemon/store_books.h"
#include "daemon/store_thread.h"
#include "daemon/store_watch.h"
#include "daemon/systemd_notify.h"
#include "daemon/verify/campaign_closer.h"
#include "common/asio.h"
#include "daemon/smpp_channels.h"
#include "daemon/sms_reports/stored_forms.h"
#include "modem/pool.h"

namespace siaran::daemon {
namespace {

using namespace std::chrono_literals;

// How long a stop may wait for the modems' coroutines to end.
constexpr auto stop_limit = 10s;
// How long a store thread waits for a lock another process holds: then the write fails (the
// API answers 503, the dispatcher tries again), rather than keep every write behind it waiting.
constexpr auto lock_wait = 250ms;
// Gives `job` to another thread through `give` and returns once it has run, throwing what it
// threw. The job refers to this frame, which the wait keeps alive.
void run_and_wait(const std::function<void(std::function<void()>)>& give, const std::function<void()>& job) {
  std::promise<void> ran;
  auto done = ran.get_future();
  give([&job, &ran] {
    try {
      job();
      ran.set_value();
    } catch (...) {
      ran.set_exception(std::current_exception());
    }
  });
  done.get();
}

queue::uncertain_policy policy_of(config::uncertain_policy on_uncertain) {
  return on_uncertain == config::uncertain_policy::hold ? queue::uncertain_policy::hold : queue::uncertain_policy::resend;
}

dispatch_settings dispatch_settings_of(const config::daemon_config& c) {
  return {c.throttle.rate_per_second, c.throttle.burst,          c.dispatch.max_attempts,
          c.dispatch.retry_delay,    c.dispatch.retry_max_delay, policy_of(c.on_uncertain),
          price_list_of(c),          c.dispatch.auto_prefers_modems};
}

broadcaster_settings broadcaster_settings_of(const config::daemon_config& c) {
  std::vector<broadcast::registered_sender> senders;
  for (const config::smpp_config& bind : c.smpp) {
    for (const std::string& name : bind.senders) senders.push_back({name, bind.reply_number, bind.id});
  }
  return {c.region, c.dispatch.valid_for, c.timezone, price_list_of(c), c.dispatch.delivery_reports, std::move(senders)};
}

// Incomplete long messages are looked for at the usual cadence (check_every unset).
inbound_settings inbound_settings_of(const config::daemon_config& c) {
  inbound_settings settings;
  settings.region = c.region;
  settings.reassembly_timeout = c.inbox.reassembly_timeout;
  settings.report_timeout = c.dispatch.report_timeout;
  return settings;
}

inbox::reply_settings reply_settings_of(const config::daemon_config& c) {
  return {c.region, c.inbox.reply_window, c.dispatch.valid_for, c.dispatch.delivery_reports};
}

// The web UI's own files, and Bootstrap, Popper and Chart.js from Debian's libjs-bootstrap5,
// node-popper2 and libjs-chart.js (no CDN: the office has no internet). Debian's Bootstrap
// "bundle" lacks Popper, which its dropdowns need.
std::vector<http::static_root> web_roots_of(const config::daemon_config& c) {
  const std::filesystem::path javascript = "/usr/share/javascript";
  return {{"/vendor/bootstrap5/", javascript / "bootstrap5"},
          {"/vendor/popperjs2/", javascript / "popperjs2"},
          {"/vendor/chart.js/", javascript / "chart.js"},
          {"/", c.http.web_root.empty() ? std::filesystem::path(SIARAN_WEB_ROOT) : std::filesystem::path(c.http.web_root)}};
}

std::vector<http::token_digest> config_tokens_of(const config::daemon_config& c) {
  std::vector<http::token_digest> tokens;
  for (const config::api_token& token : c.http.tokens) tokens.push_back({token.name, token.sha256});
  return tokens;
}

// The HTTPS certificate and key, read and checked before anything else starts.
std::shared_ptr<asio::ssl::context> tls_context_of(const config::daemon_config& c) {
  if (!c.http.tls) return nullptr;
  return http::server_tls_context(c.http.tls->certificate, c.http.tls->private_key);
}

http::server_settings http_settings_of(const config::daemon_config& c, http::authenticator authenticate,
                                       std::shared_ptr<asio::ssl::context> tls) {
  http::server_settings settings;
  settings.tls = std::move(tls);
  settings.host = c.http.host;
  settings.port = c.http.port;
  settings.trusted_proxies = c.http.trusted_proxies;
  settings.authenticate = std::move(authenticate);
  return settings;
}

}  // namespace

class service::impl {
 public:
  impl(std::filesystem::path config_file, config::daemon_config config, clock now)
      : config_file_(std::move(config_file)),
        config_(std::move(config)),
        now_(std::move(now)),
      tls_(tls_context_of(config_)),
      signals_(io_, SIGTERM, SIGINT, SIGHUP),
      watchdog_(io_),
      writes_(config_.database),
      reads_(config_.database),
      checked_database_(config_.database),
      checked_(checked_database_),
      pool_(std::make_unique<modem::pool>(io_, modem_entries(config_), at::steady_timer_factory(io_))),
      metrics_(config_.modems.size()),
      binds_(std::make_unique<smpp_channels>(io_, smpp_entries(config_),
                                             [this](const std::string& id) { return bind_handlers_for(id); })),
      dispatcher_(io_, writer_, writes_.queue, *pool_, modem_entries(config_), binds_->for_dispatcher(),
                  dispatch_settings_of(config_), metrics_, concat_references_, now_),
      balances_(io_, *pool_, modem_entries(config_), dispatcher_, now_),
      inbound_(io_, writer_, writes_.inbound, writes_.reports, *pool_,
               inbound_settings_of(config_), metrics_, now_),
      watch_(io_, writer_, writes_.maintenance, writes_.statistics, checker_, checked_),
      writer_broadcaster_(writes_.contacts, writes_.broadcasts, [this] { post_queued(); },
                          broadcaster_settings_of(config_), concat_references_),
      reader_broadcaster_(reads_.contacts, reads_.broadcasts, [this] { post_queued(); },
                          broadcaster_settings_of(config_), concat_references_),
      router_(writes_.queue, writes_.contacts, writes_.broadcasts, writes_.events, writes_.replies,
              writes_.verifications, [this] { post_queued(); }, reply_settings_of(config_), keywords_,
              concat_references_, report_intake_),
      api_writes_(api_context_of(writes_, writer_broadcaster_)),
      api_reads_(api_context_of(reads_, reader_broadcaster_)),
      schedule_runner_(writes_.events, schedule::time_zone(config_.timezone)),
      campaign_closer_(writes_.verifications, writes_.broadcasts),
      scheduler_(io_, writer_, reader_, schedule_runner_,
                 [this](const broadcast_request& r, queue::timestamp now) { return create_on_reader(r, now); },
                 [this](queue::timestamp now) { return campaign_closer_.close_due(now); }, now_,
                 metrics_.schedule_checks),
      accounts_(writes_.database, config_tokens_of(config_), now_) {
    writes_.maintenance.set_lock_wait(lock_wait);
    reads_.maintenance.set_lock_wait(lock_wait);
    schedule_runner_.send_report_reminders(writes_.forms, writes_.sms_reports);
    connect_writer_side();
    accounts_.on_writer = [this](const std::function<void()>& step) {
      wait_on_writer("reading or changing an account", step);
    };
  }

  int run() {
    auto rethrow = [](std::exception_ptr e) {
      if (e) std::rethrow_exception(e);
    };
    resolve_uncertain_parts();
    settle_unfinished_broadcasts();
    use_saved_keywords();
    sms_reports::add_default_form(writes_.forms, now_());
    if (!start_http()) return EX_UNAVAILABLE;
    watch_.start();
    asio::co_spawn(io_, handle_signals(), rethrow);
    asio::co_spawn(io_, report_refused_logins(), rethrow);
    if (auto interval = systemd::watchdog_interval()) {
      spdlog::debug("watchdog ping every {} ms",
                    std::chrono::duration_cast<std::chrono::milliseconds>(*interval).count());
      asio::co_spawn(io_, ping_watchdog(*interval), rethrow);
    }
    watch_modem_states();
    binds_->start();
    inbound_.on_stored([this](std::int64_t incoming_id) { router_.route(incoming_id, now_()); });
    inbound_.start();
    pool_->start();
    dispatcher_.start();
    balances_.start();
    scheduler_.start();
    spdlog::info("siarand {} ready", SIARAN_VERSION);
    systemd::notify_ready();
    io_.run();
    // Jobs given to the store threads and waited for by nobody (recording sends, status reports)
    // finish before anything they use is destroyed; a login waits for the writer, so it ends first.
    password_checks_.join();
    writer_.join();
    reader_.join();
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

  // The refused logins of a minute are logged at its end even when no other refusal follows.
  asio::awaitable<void> report_refused_logins() {
    for (;;) {
      refused_logins_timer_.expires_after(std::chrono::minutes(1));
      boost::system::error_code ec;
      co_await refused_logins_timer_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      if (ec == asio::error::operation_aborted) co_return;
      writer_.post("logging refused logins", [this, now = std::chrono::steady_clock::now()] {
        accounts_.refusals.report(now);
      });
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

  api::api_context api_context_of(store_books& books, broadcaster& out) {
    api::api_context c{books.queue,      books.statistics, *pool_,           dispatcher_,
                       metrics_,         watch_,           books.contacts,   books.broadcasts,
                       books.events,     out,              concat_references_, config_.region,
                       config_.dispatch.valid_for, config_.timezone, now_};
    c.delivery_reports = config_.dispatch.delivery_reports;
    c.schedule_changed = [this] { asio::post(io_, [this] { scheduler_.wake(); }); };
    c.queued = [this] { post_queued(); };
    c.on_io = [this](const std::function<void()>& look) { look_on_io(look); };
    c.balances = &balances_;
    c.verifications = &books.verifications;
    c.organisation = config_.organisation;
    c.keywords = &keywords_;
    c.templates = &books.templates;
    c.forms = &books.forms;
    c.sms_reports = &books.sms_reports;
    c.binds = binds_.get();
    return c;
  }

  // A bind hands what it receives to the store and wakes the dispatcher when it can take more.
  smpp::bind_handlers bind_handlers_for(const std::string& bind_id) {
    smpp::bind_handlers handlers;
    handlers.on_message = [this, bind_id](const smpp::incoming_sms& sms) { return inbound_.store_from_bind(bind_id, sms); };
    handlers.on_receipt = [this, bind_id](const smpp::receipt& r) {
      dispatcher_.record_noted_sends();  // a quick receipt finds its part recorded
      return inbound_.store_receipt(bind_id, r);
    };
    handlers.on_change = [this] { dispatcher_.wake(); };
    return handlers;
  }

  // The writer's context runs a change itself; the reader's hands it to the writer thread and
  // waits (a reader may wait for the writer, never the other way round).
  void connect_writer_side() {
    api_writes_.on_writer = [this](const std::function<void(api::api_context&)>& change) { change(api_writes_); };
    api_reads_.on_writer = [this](const std::function<void(api::api_context&)>& change) {
      wait_on_writer("changing the store for a request", [&] { change(api_writes_); });
    };
  }

  // From the reader thread or the password checks: runs `change` on the writer thread and waits for it.
  void wait_on_writer(const char* what, const std::function<void()>& change) {
    run_and_wait([this, what](std::function<void()> job) { writer_.post(what, std::move(job)); }, change);
  }

  // On the reader thread: a scheduled broadcast, rendered there and queued in the writer's steps.
  std::int64_t create_on_reader(const broadcast_request& request, queue::timestamp now) {
    broadcaster::prepared ready = reader_broadcaster_.prepare(request, now);
    const auto on_writer = [this](const std::function<void(queue::broadcast_book&)>& step) {
      wait_on_writer("queueing a scheduled broadcast", [&] { step(writes_.broadcasts); });
    };
    return reader_broadcaster_.commit(std::move(ready), on_writer).id;
  }

  // From a store thread: the dispatcher lives on the I/O thread.
  void post_queued() {
    asio::post(io_, [this] { dispatcher_.queued(); });
  }

  // Runs `look` on the I/O thread and waits for it: a store thread may wait for the I/O thread,
  // never the other way round.
  void look_on_io(const std::function<void()>& look) {
    run_and_wait([this](std::function<void()> job) { asio::post(io_, std::move(job)); }, look);
  }

  // Parts a killed process left `sending` may have gone out: each is logged and the policy
  // (on_uncertain) applied before anything new is claimed. The I/O thread has not started.
  void resolve_uncertain_parts() {
    const auto policy = policy_of(config_.on_uncertain);
    for (const queue::part_record& part : writes_.queue.resolve_uncertain_at_startup(policy, now_())) {
      spdlog::warn("part {} ({}/{}) of message {} was being sent on {} when the daemon stopped: {}", part.id,
                   part.number, part.total, part.message_id, part.modem.value_or("?"),
                   policy == queue::uncertain_policy::resend ? "sending it again (it may arrive twice)"
                                                             : "held as uncertain for a person to decide");
    }
  }

  // A broadcast the last process was still queueing was never accepted: its messages go. One
  // it had accepted gets the rest of its parts made due.
  void settle_unfinished_broadcasts() {
    if (const auto discarded = writes_.broadcasts.settle_unfinished()) {
      spdlog::warn("{} broadcast(s) were still being queued when the daemon stopped: deleted, nothing of them was sent",
                   discarded);
    }
  }

  // The keywords an admin saved in the page replace the YAML's; saved ones that cannot be read
  // or no longer pass the rules (a later version's stricter ones) are kept in the store but not
  // used: the daemon still starts, and the page can save them again.
  void use_saved_keywords() {
    std::optional<inbox::keyword_settings> saved;
    try {
      saved = inbox::load_saved_keywords(writes_.events);
    } catch (const std::invalid_argument& e) {
      spdlog::error("the keywords saved in the web page cannot be read ({}): using the configuration's", e.what());
      return;
    }
    if (!saved) return;
    if (const auto problems = inbox::keyword_problems(*saved); !problems.empty()) {
      spdlog::error("the keywords saved in the web page are invalid ({}): using the configuration's",
                    problems.front().error);
      return;
    }
    keywords_.use_saved(std::move(*saved));
    spdlog::info("using the keywords saved in the web page rather than the configuration's");
  }

  // Every route twice, once over each store thread's books: GETs are answered on the reader's
  // connection, changes on the writer's (http::router::by_thread).
  http::router routes_over(api::api_context& c, store_books& books) {
    http::router routes;
    api::add_message_routes(routes, c);
    api::add_status_routes(routes, c);
    api::add_event_routes(routes, c);
    api::add_inbox_routes(routes, c, books.replies);
    api::add_conversation_routes(routes, c, books.replies, books.conversations);
    api::add_contact_routes(routes, c);
    api::add_archive_routes(routes, c, books.archive);
    api::add_broadcast_routes(routes, c);
    api::add_verification_routes(routes, c);
    api::add_account_routes(routes, c, accounts_);
    api::add_audit_routes(routes, books.audit);
    api::add_report_routes(routes, c, books.report_rows, books.replies);
    api::add_keyword_routes(routes, c);
    api::add_template_routes(routes, c);
    api::add_sms_report_routes(routes, c);
    routes.set_fallback([roots = web_roots_of(config_)](const http::request& r) { return http::serve_static(roots, r); });
    return routes;
  }

  bool start_http() {
    http::router routes = http::router::by_thread(routes_over(api_reads_, reads_), routes_over(api_writes_, writes_));
    http::server_settings settings = http_settings_of(config_, accounts_.authenticate, tls_);
    settings.on_answered = audit::audit_trail(writer_, writes_.audit, now_);
    settings.offload = [this](http::runs_on where, std::function<void()> job) {
      thread_for(where).post("answering an HTTP request", std::move(job));
    };
    http_ = std::make_unique<http::server>(io_, std::move(settings), std::move(routes));
    try {
      http_->start();
      return true;
    } catch (const std::exception& e) {
      spdlog::critical("{}", e.what());
      return false;
    }
  }

  store_thread& thread_for(http::runs_on where) {
    if (where == http::runs_on::reader) return reader_;
    if (where == http::runs_on::password_checks) return password_checks_;
    return writer_;
  }

  // Logs and records each modem's state as it changes, starting from where it stands now; a
  // modem that becomes ready wakes the dispatcher.
  void watch_modem_states() {
    states_ = pool_->snapshot();
    for (std::size_t i = 0; i < states_.size(); ++i) {
      spdlog::info("{}", describe_state(states_[i]));
      pool_->modems()[i]->on_state([this, i](const modem::modem_status& now) {
        if (state_changed(states_[i], now)) {
          spdlog::info("{}", describe_state(now));
          record_modem_event(now);
          dispatcher_.wake();  // not on each send's ready -> sending -> ready: send() wakes it then
        }
        states_[i] = now;
      });
    }
  }

  void record_modem_event(const modem::modem_status& now) {
    writer_.post("recording modem " + now.id + "'s state",
                 [this, id = now.id, at = now_(), state = std::string(modem::to_string(now.state)),
                  reason = now.reason] { writes_.maintenance.record_modem_event(id, at, state, reason); });
  }

  // Drains (no new claims; parts in flight finish, bounded), then stops the modems and waits
  // (bounded) for their coroutines; then nothing is left to run.
  asio::awaitable<void> stop(int signal) {
    spdlog::info("stopping ({})", signal == SIGINT ? "SIGINT" : "SIGTERM");
    systemd::notify_stopping();
    http_->stop();
    co_await dispatcher_.drain(config_.dispatch.drain_timeout);
    inbound_.stop();
    scheduler_.stop();
    watch_.stop();
    watchdog_.cancel();
    refused_logins_timer_.cancel();
    balances_.stop();
    pool_->stop();
    binds_->stop();
    const auto limit = std::chrono::steady_clock::now() + stop_limit;
    asio::steady_timer tick(io_);
    while ((pool_->running() || binds_->running()) && std::chrono::steady_clock::now() < limit) {
      tick.expires_after(20ms);
      co_await tick.async_wait(asio::use_awaitable);
    }
    binds_->stop_simulators();
    if (pool_->running() || binds_->running()) {
      spdlog::warn("channels still running {} s after the stop; exiting without them",
                   std::chrono::duration_cast<std::chrono::seconds>(stop_limit).count());
      // Their coroutines still point at the pool and the binds: leave them alive for the
      // process's last moments.
      static_cast<void>(pool_.release());
      static_cast<void>(binds_.release());
      io_.stop();
    }
  }

  // Only the log level changes on a running daemon; the rest needs a restart.
  void reload() {
    systemd::notify_reloading();
    spdlog::info("SIGHUP: reloading {}", config_file_.string());
    try {
      config::daemon_config fresh = config::load_file(config_file_);
      apply_log_level(config_.log_level, fresh.log_level);
      config_.log_level = fresh.log_level;
    } catch (const config::config_error& e) {
      for (const auto& diagnostic : e.diagnostics()) spdlog::error("{}", diagnostic.to_string());
      spdlog::error("reload failed; keeping the running configuration");
    }
    systemd::notify_ready();
  }

  std::filesystem::path config_file_;
  config::daemon_config config_;
  clock now_;
  std::shared_ptr<asio::ssl::context> tls_;  // null: plain HTTP
  asio::io_context io_;
  asio::signal_set signals_;
  asio::steady_timer watchdog_;
  asio::steady_timer refused_logins_timer_{io_};
  store_books writes_;  // used on writer_ only
  store_books reads_;   // used on reader_ only
  // PRAGMA quick_check's connection, used on checker_ only: the check takes seconds on a large
  // file (store_watch.cc), which neither the writer nor the API's reads may wait for.
  queue::database checked_database_;
  queue::maintenance checked_;
  // Declared after the books they use, so that they are joined before the books close.
  store_thread writer_;
  store_thread reader_;
  store_thread checker_;
  // Owns no connection: the login's Argon2 checks, one at a time (64 MiB each), reaching the
  // store through the writer. Declared after it, so that it is joined first.
  store_thread password_checks_;
  concat_reference_allocator concat_references_;  // one for the API, broadcasts, replies and resends
  std::unique_ptr<modem::pool> pool_;
  send_metrics metrics_;
  std::unique_ptr<smpp_channels> binds_;
  dispatcher dispatcher_;
  balance_checks balances_;
  inbound inbound_;
  store_watch watch_;
  broadcaster writer_broadcaster_;
  broadcaster reader_broadcaster_;
  inbox::current_keywords keywords_{inbox::keyword_settings_of(config_.inbox)};
  sms_reports::report_intake report_intake_{writes_.forms, writes_.sms_reports, schedule::time_zone(config_.timezone)};
  inbox::reply_router router_;
  api::api_context api_writes_;
  api::api_context api_reads_;
  schedule::schedule_runner schedule_runner_;
  verify::campaign_closer campaign_closer_;  // used on writer_ only
  schedule::scheduler scheduler_;
  accounts::account_services accounts_;
  std::unique_ptr<http::server> http_;
  std::vector<modem::modem_status> states_;  // as last logged
};

service::service(std::filesystem::path config_file, config::daemon_config config, clock now)
    : impl_(std::make_unique<impl>(std::move(config_file), std::move(config), std::move(now))) {}

service::~service() = default;

int service::run() { return impl_->run(); }

}  // namespace siaran::daemon
