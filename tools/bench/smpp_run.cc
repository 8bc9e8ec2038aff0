// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/bench/smpp_run.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <optional>
#include <deque>
#include <string>
#include <thread>
#include <vector>

#include "tools/bench/bench_run.h"
#include "tools/bench/daemon_api.h"
#include "tools/bench/figures.h"
#include "tools/bench/messages.h"
#include "tools/bench/proc_sampler.h"
#include "tools/bench/smsc_sim.h"

namespace siaran::tools::bench {
namespace {

using clock_type = std::chrono::steady_clock;
using namespace std::chrono_literals;
using nlohmann::json;

constexpr auto bind_timeout = 30s;
constexpr auto stall_timeout = 60s;  // no recipient settled and no answer sent for this long
// A look a second at the broadcast (each is work for the daemon being measured); the mixed run
// looks five times a second, as it injects answers between looks.
constexpr auto quiet_poll_interval = 1s;
constexpr auto mixed_poll_interval = 200ms;

const smsc_account account{"bench", "rahasia8"};  // SMPP 3.4: a password of at most 8 characters
constexpr const char* sender = "SIARANBENCH";
constexpr const char* reply_number = "+6281200000000";
// Every masked text starts so; an answer never does.
constexpr const char* broadcast_marker = "Bench SMPP:";
constexpr const char* info_answer = "Jadwal Posyandu: setiap Selasa minggu kedua, pukul 08.00 di balai desa.";
// Its last 8 digits are no cadre's (recipient(40 * i) for i below 10^6 ends in 10000019 + 7919 i).
constexpr const char* officer_phone = "+6285799999999";

double seconds_since(clock_type::time_point start) {
  return std::chrono::duration<double>(clock_type::now() - start).count();
}

// Cadre i's number: recipient() spreads consecutive indexes over prefixes with the same last 8
// digits, which a broadcast counts as one person; every 40th index has digits of its own.
std::string cadre_number(std::size_t i) { return recipient(40 * i); }

YAML::Node bind_node(const smpp_setup& setup, unsigned short port, const std::filesystem::path& secret) {
  YAML::Node bind;
  bind["id"] = "b1";
  bind["host"] = "127.0.0.1";
  bind["port"] = port;
  bind["system_id"] = account.system_id;
  bind["password_file"] = secret.string();
  bind["window"] = setup.window;
  bind["rate_per_second"] = setup.bind_rate;
  bind["enquire_link"] = "30s";
  bind["senders"].push_back(sender);
  bind["reply_number"] = reply_number;
  return bind;
}

std::filesystem::path write_secret(const std::filesystem::path& dir) {
  const auto secret = dir / "smpp-b1.secret";
  std::ofstream(secret) << account.password << '\n';
  std::filesystem::permissions(secret, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  return secret;
}

daemon_config smpp_config(const smpp_setup& setup, const std::filesystem::path& dir, unsigned short smsc_port) {
  const scenario_setup base{.modems = setup.modems, .latency_ms = setup.modem_latency_ms, .rate = setup.rate,
                            .burst = setup.burst};
  scenario_yaml yaml = scenario_node(base, dir);
  for (auto& sim : yaml.sims) {
    sim.send_log = dir / "modems" / (sim.id + ".sends.jsonl");
    sim.controlled = true;
  }
  yaml.config["smpp"].push_back(bind_node(setup, smsc_port, write_secret(dir)));
  YAML::Node auto_reply;
  auto_reply["word"] = "INFO";
  auto_reply["answer"] = info_answer;
  yaml.config["inbox"]["auto_replies"].push_back(auto_reply);
  return written_config(base, std::move(yaml), dir);
}

json bind_channel(daemon_api& api) {
  for (const json& channel : api.get_json("/api/v1/channels")) {
    if (channel.at("kind") == "smpp") return channel;
  }
  throw run_error("GET /api/v1/channels shows no SMPP bind");
}

void wait_until_bound(daemon_api& api) {
  const auto deadline = clock_type::now() + bind_timeout;
  for (auto next = clock_type::now(); clock_type::now() < deadline; std::this_thread::sleep_until(next += 200ms)) {
    if (bind_channel(api).at("state") == "bound") return;
  }
  throw run_error("the SMPP bind was not bound within 30 s: " + bind_channel(api).dump());
}

long long officer(daemon_api& api) {
  const json body{{"name", "Bu Bench"}, {"sender_tag", "-- Sekretariat Pokjanal"}, {"phone", officer_phone},
                  {"forward_sms", true}};
  return api.post_json("/api/v1/officers", body.dump(), 201).at("id").get<long long>();
}

void import_cadres(daemon_api& api, std::size_t count) {
  std::string csv = "nama,no_hp,peran,desa,posyandu\n";
  for (std::size_t i = 0; i < count; ++i) {
    csv += fmt::format("Kader {},{},kader,Mekarmukti,Melati {}\n", i + 1, cadre_number(i), i % 8 + 1);
  }
  const json imported = api.post_json("/api/v1/contacts/import", csv, 200, "text/csv");
  if (imported.at("imported").get<std::size_t>() != count) throw run_error("the import stored " + imported.dump());
}

long long broadcast(daemon_api& api, long long officer_id, std::size_t count) {
  const json body{{"officer_id", officer_id},
                  {"audience", {{"filter", {{"peran", "kader"}}}}},
                  {"template", std::string(broadcast_marker) +
                                   " Ibu {nama}, rapat kader Posyandu {posyandu} hari Kamis jam 09.00 di balai desa."},
                  {"via", "smpp"}};
  const json created = api.post_json("/api/v1/broadcasts", body.dump(), 202);
  if (created.at("recipients").get<std::size_t>() != count || created.at("parts").get<std::size_t>() != count) {
    throw run_error("the broadcast is not one part to each cadre: " + created.dump());
  }
  return created.at("id").get<long long>();
}

// Every recipient's send time, a page of 1000 at a time.
std::vector<sent_message> recipients_sent(daemon_api& api, long long id) {
  std::vector<sent_message> result;
  std::string after;
  for (;;) {
    const json page = api.get_json(fmt::format("/api/v1/broadcasts/{}/recipients?limit=1000{}", id, after));
    for (const json& r : page.at("recipients")) {
      if (r.at("sent_at").is_string()) result.push_back({0, {parse_utc_ms(r.at("sent_at").get<std::string>())}});
    }
    if (page.at("next_after").is_null()) return result;
    after = "&after=" + std::to_string(page.at("next_after").get<long long>());
  }
}

long long modems_sent(daemon_api& api) {
  long long sent = 0;
  for (const auto& modem : api.modems()) sent += modem.sent;
  return sent;
}

std::vector<json> json_lines(const std::filesystem::path& file) {
  std::vector<json> lines;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '}') lines.push_back(json::parse(line));
  }
  return lines;
}

bool masked(const json& send) { return send.at("text").get<std::string>().find(broadcast_marker) != std::string::npos; }

// The answers of the mixed run: cadres whose masked message the SMSC has accepted answer on the
// modems, in turn, at answers_per_second; their replies then route to the broadcast's officer.
class answer_injector {
 public:
  answer_injector(const smpp_setup& setup, external_modems& modems, smsc_sim& smsc)
      : setup_(setup), modems_(modems), smsc_(smsc) {}

  void start() { start_ = clock_type::now(); }
  long long injected() const { return injected_; }
  bool done() const { return injected_ >= static_cast<long long>(setup_.answers); }
  clock_type::time_point started() const { return start_; }

  // Injects the answers now due. A cadre answers only once seen in the SMSC's log at an earlier
  // look, so their message is recorded sent by the time the reply is routed.
  void tick() {
    const auto due = std::min(static_cast<long long>(setup_.answers),
                              static_cast<long long>(seconds_since(start_) * setup_.answers_per_second) + 1);
    while (injected_ < due && !ready_.empty()) {
      inject(ready_.front());
      ready_.pop_front();
    }
    const std::vector<json> sends = smsc_.sends();
    for (; looked_ < sends.size(); ++looked_) {
      ready_.push_back("+" + sends[looked_].at("destination").get<std::string>());
    }
  }

 private:
  void inject(const std::string& from) {
    const bool info = injected_ % 2 == 0;
    const json line{{"inject", {{"from", from}, {"text", info ? "INFO" : "Siap Bu, saya hadir hari Kamis"}}}};
    modems_.control(static_cast<std::size_t>(injected_) % setup_.modems, line);
    ++injected_;
  }

  const smpp_setup& setup_;
  external_modems& modems_;
  smsc_sim& smsc_;
  clock_type::time_point start_;
  std::size_t looked_ = 0;  // lines of the SMSC's send log seen
  std::deque<std::string> ready_;  // cadres seen at an earlier look, not answering yet
  long long injected_ = 0;
};

// Polls until every recipient is settled (delivered, failed or uncertain) and, mixed, every
// answer was injected and sent; returns the broadcast as it then stands.
json wait_until_settled(daemon_api& api, long long id, const smpp_setup& setup, answer_injector* answers,
                        std::optional<clock_type::time_point>& last_answer_sent) {
  const auto interval = answers ? mixed_poll_interval : quiet_poll_interval;
  long long last_progress = -1, last_modem_sent = 0;
  auto last_change = clock_type::now();
  for (auto next = clock_type::now();; std::this_thread::sleep_until(next += interval)) {
    if (answers) answers->tick();
    const json b = api.get_json("/api/v1/broadcasts/" + std::to_string(id));
    const long long settled = b.at("delivered").get<long long>() + b.at("failed").get<long long>() +
                              b.at("uncertain").get<long long>();
    const long long sent_by_modem = answers ? modems_sent(api) : 0;
    if (sent_by_modem != last_modem_sent) last_answer_sent = clock_type::now(), last_modem_sent = sent_by_modem;
    const bool answered = !answers || (answers->done() && sent_by_modem >= answers->injected());
    if (settled == b.at("recipients").get<long long>() && answered) return b;
    if (settled + sent_by_modem + (answers ? answers->injected() : 0) != last_progress) {
      last_progress = settled + sent_by_modem + (answers ? answers->injected() : 0);
      last_change = clock_type::now();
    } else if (clock_type::now() - last_change > stall_timeout) {
      throw run_error(fmt::format("nothing moved for 60 s: {} of {} recipients settled, {} of {} answers sent", settled,
                                  b.at("recipients").get<long long>(), sent_by_modem, setup.answers));
    }
  }
}

// What the bind's and the modems' send logs show went where.
void add_routing_figures(smpp_figures& f, const daemon_config& config, smsc_sim& smsc) {
  const std::vector<json> submits = smsc.sends();
  f.smsc_accepted = static_cast<long long>(submits.size());
  f.answers_over_bind = std::ranges::count_if(submits, [](const json& s) { return !masked(s); });
  for (const auto& sim : config.sims) {
    for (const json& send : json_lines(sim.send_log)) {
      ++f.modem_sent;
      if (masked(send)) ++f.masked_over_modem;
    }
  }
}

void measure_smpp(smpp_figures& f, const running_daemon& daemon, smsc_sim& smsc) {
  daemon_api api(daemon.config.endpoint);
  wait_until_bound(api);
  const long long officer_id = officer(api);
  import_cadres(api, f.setup.messages);
  std::optional<answer_injector> answers;
  if (f.setup.answers > 0) answers.emplace(f.setup, daemon.modems, smsc);

  const double cpu_before = cpu_seconds(daemon.pid);
  const auto start = clock_type::now();
  const long long id = broadcast(api, officer_id, f.setup.messages);
  if (answers) answers->start();
  std::optional<clock_type::time_point> last_answer_sent;
  const json settled = wait_until_settled(api, id, f.setup, answers ? &*answers : nullptr, last_answer_sent);
  f.broadcast_s = seconds_since(start);
  f.cpu_s = cpu_seconds(daemon.pid) - cpu_before;

  f.recipients = settled.at("recipients").get<long long>();
  f.delivered = settled.at("delivered").get<long long>();
  f.failed = settled.at("failed").get<long long>();
  f.uncertain = settled.at("uncertain").get<long long>();
  f.bind_parts_per_s = achieved_rate(recipients_sent(api, id));
  const json bind = bind_channel(api);
  f.bind_sent = bind.at("sent").get<long long>();
  f.bind_receipts = bind.at("receipts").get<long long>();
  f.bind_throttled = bind.at("throttled").get<long long>();
  f.bind_uncertain = bind.at("uncertain").get<long long>();
  add_routing_figures(f, daemon.config, smsc);
  if (answers && last_answer_sent) {
    f.answers_injected = answers->injected();
    const double answering_s = std::chrono::duration<double>(*last_answer_sent - answers->started()).count();
    if (answering_s > 0) f.modem_parts_per_s = static_cast<double>(f.modem_sent) / answering_s;
  }
  const auto parts = static_cast<double>(f.bind_sent + f.modem_sent);
  if (parts > 0) f.cpu_ms_per_part = 1000 * f.cpu_s / parts;
  if (f.broadcast_s > 0) f.cpu_percent = 100 * f.cpu_s / f.broadcast_s;
}

}  // namespace

smpp_figures run_smpp(const smpp_setup& setup, const smpp_run_options& options) {
  smpp_figures f{.setup = setup};
  // Before siarand and after it: its port goes into the config, and it outlives the daemon,
  // which is stopped first.
  std::optional<smsc_sim> smsc;
  const figures daemon = run_benchmark({
      .siarand = options.siarand,
      .modemsim = options.modemsim,
      .make_config =
          [&](const std::filesystem::path& dir) {
            smsc.emplace(options.smscsim, dir, account, setup.receipt_delay_ms);
            return smpp_config(setup, dir, smsc->port());
          },
      .messages = 0,
      .wait_for_sending = false,
      .keep_dir = options.keep_dir,
      .on_ready = [&](const running_daemon& running) { measure_smpp(f, running, *smsc); },
      .on_progress = nullptr,
  });
  f.exit_status = daemon.exit_status;
  f.peak_rss_mib = daemon.peak_rss_mib;
  const int smsc_status = smsc->process().terminate(10s);
  if (smsc_status != 0) throw run_error("siaran-smscsim stopped with status " + std::to_string(smsc_status));
  return f;
}

}  // namespace siaran::tools::bench
