// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/sim/interpreter.h"

#include <algorithm>

#include "common/ascii.h"
#include "modem/at/result_code.h"

namespace siaran::modemsim {
namespace {

using form = extended_command::form;

std::string with_leading_space(const std::string& text, bool quirk) { return quirk ? " " + text : text; }

}  // namespace

interpreter::interpreter(modem_settings settings)
    : settings_(std::move(settings)),
      storage_(settings_.storage_capacity),
      reports_(settings_.storage_capacity),
      smsc_(settings_.smsc) {
  if (settings_.pin) sim_state_ = sim_state::pin_required;
}

void interpreter::power_on(sim_time now, sim_time sim_ready) {
  // A power cycle (first start, or a re-plug): the modem forgets its settings and what it was
  // doing; the SIM keeps its messages, its PIN state needs the PIN again, a blocked SIM stays so.
  now_ = std::max(now_, now);
  powered_on_at_ = now_;
  off_ = false;
  hung_ = false;
  output_.clear();
  events_.clear();
  splitter_.reset();
  pending_send_length_.reset();
  pending_interleave_.clear();
  reset_settings();
  if (settings_.pin && sim_state_ == sim_state::ready) sim_state_ = sim_state::pin_required;
  const auto& lines = settings_.profile.boot_lines;
  const auto cpin = static_cast<std::size_t>(
      std::find_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("+CPIN:", 0) == 0; }) -
      lines.begin());
  if (sim_ready > sim_time{0}) {
    sim_busy_ = true;
    emit_boot_lines(0, cpin, now_);
    events_.push_back({now_ + sim_ready, [this, cpin](sim_time at) {
                         sim_busy_ = false;
                         emit_boot_lines(cpin, settings_.profile.boot_lines.size(), at);
                       }});
  } else {
    sim_busy_ = false;
    emit_boot_lines(0, lines.size(), now_);
  }
  if (settings_.register_delay > sim_time{0}) {
    events_.push_back({now_ + sim_ready + settings_.register_delay, [this](sim_time at) {
                         if (creg_mode_ >= 1 && registration_status() == 1) emit_line("+CREG: 1", at);
                       }});
  }
  if (!settings_.profile.noise_lines.empty() && settings_.profile.noise_interval_ms > 0)
    schedule_noise(now + sim_time{settings_.profile.noise_interval_ms});
}

void interpreter::emit_boot_lines(std::size_t from, std::size_t to, sim_time now) {
  for (std::size_t i = from; i < to; ++i) {
    const std::string& line = settings_.profile.boot_lines[i];
    if (line.rfind("+CPIN:", 0) == 0 && sim_state_ == sim_state::pin_required)
      emit_line("+CPIN: SIM PIN", now);
    else
      emit_line(line, now);
  }
}

void interpreter::reboot(sim_time now, sim_time boot, sim_time sim_ready) {
  now_ = std::max(now_, now);
  output_.clear();
  events_.clear();
  splitter_.reset();
  pending_send_length_.reset();
  pending_interleave_.clear();
  off_ = true;
  hung_ = false;
  events_.push_back({now_ + boot, [this, sim_ready](sim_time at) { power_on(at, sim_ready); }});
}

void interpreter::schedule_noise(sim_time at) {
  events_.push_back({at, [this](sim_time t) {
                       const auto& lines = settings_.profile.noise_lines;
                       emit_line(lines[noise_index_++ % lines.size()], t);
                       schedule_noise(t + sim_time{settings_.profile.noise_interval_ms});
                     }});
}

void interpreter::receive(std::string_view bytes, sim_time now) {
  run_due_events(now);
  // A hung modem reads nothing: what the host sends meanwhile is lost, not answered later.
  if (silent_ || off_ || hung_) return;
  splitter_.feed(bytes);
  while (auto input = splitter_.next()) {
    switch (input->what) {
      case host_input::kind::command:
        if (echo_) emit(input->text + "\r", sim_time{0});
        handle_command(input->text);
        break;
      case host_input::kind::pdu:
        if (echo_) emit(input->text, sim_time{0});
        handle_pdu(input->text);
        break;
      case host_input::kind::abort:
        pending_send_length_.reset();
        answer({});
        break;
    }
  }
}

std::string interpreter::take_output(sim_time now) {
  run_due_events(now);
  std::string out;
  while (!output_.empty() && output_.front().due <= now) {
    out += output_.front().bytes;
    output_.pop_front();
  }
  return out;
}

std::optional<sim_time> interpreter::next_wakeup() const {
  std::optional<sim_time> next;
  if (!output_.empty()) next = output_.front().due;
  for (const scheduled& event : events_)
    if (!next || event.due < *next) next = event.due;
  return next;
}

std::vector<accepted_submit> interpreter::take_accepted() { return std::exchange(accepted_, {}); }

void interpreter::run_due_events(sim_time now) {
  now_ = std::max(now_, now);
  // An event may schedule another (noise, a report), so take the due ones out first.
  for (;;) {
    auto due = std::min_element(events_.begin(), events_.end(),
                                [](const scheduled& a, const scheduled& b) { return a.due < b.due; });
    if (due == events_.end() || due->due > now_) return;
    scheduled event = std::move(*due);
    events_.erase(due);
    event.action(event.due);
  }
}

void interpreter::fail_next_sends(int count, int cms) {
  failing_sends_ = count;
  failing_cms_ = cms;
}

void interpreter::fail_every_nth_send(int n, int cms) {
  fail_every_ = n;
  fail_every_cms_ = cms;
  send_attempts_ = 0;
}

void interpreter::fail_next_deletes(int count, int cms) {
  failing_deletes_ = count;
  failing_deletes_cms_ = cms;
}

void interpreter::set_silent(bool silent) {
  silent_ = silent;
  if (!silent) splitter_.reset();
}

void interpreter::emit(std::string bytes, sim_time delay) {
  if (silent_ || off_ || hung_) return;
  // The serial line keeps order: nothing overtakes bytes already queued.
  sim_time due = now_ + delay;
  if (!output_.empty()) due = std::max(due, output_.back().due);
  output_.push_back({due, std::move(bytes)});
}

void interpreter::emit_line(std::string_view line, sim_time now) {
  now_ = std::max(now_, now);
  emit("\r\n" + std::string(line) + "\r\n", sim_time{0});
}

// Verbose result format (V.250 ATV1): "\r\n<info lines>\r\n\r\n<final>\r\n".
void interpreter::answer(const std::vector<std::string>& info, std::string_view final_code) {
  std::string bytes;
  if (!info.empty()) {
    bytes += "\r\n";
    for (std::size_t i = 0; i < info.size(); ++i) bytes += (i ? "\r\n" : "") + info[i];
    bytes += "\r\n";
  }
  for (const std::string& line : std::exchange(pending_interleave_, {})) bytes += "\r\n" + line + "\r\n";
  if (!final_code.empty()) bytes += "\r\n" + std::string(final_code) + "\r\n";
  emit(std::move(bytes), answer_delay_);
}

void interpreter::cme_error(int code) {
  const std::string_view meaning = at::cme_error_meaning(code);
  if (cmee_ == 0) return answer({}, "ERROR");
  answer({}, "+CME ERROR: " + (cmee_ == 2 && !meaning.empty() ? std::string(meaning) : std::to_string(code)));
}

// +CMS ERROR is the final code of SMS commands whatever AT+CMEE says (27.005 §3.2.5).
void interpreter::cms_error(int code) {
  const std::string_view meaning = at::cms_error_meaning(code);
  answer({}, "+CMS ERROR: " + (cmee_ == 2 && !meaning.empty() ? std::string(meaning) : std::to_string(code)));
}

void interpreter::reset_settings() {
  echo_ = true;
  cmee_ = 0;
  creg_mode_ = 0;
  cmms_ = 0;
  cscs_ = "GSM";
  cnmi_ = {2, 1, 0, 0, 0};
  mem1_ = "SM";
}

void interpreter::handle_command(const std::string& line) {
  // Lines that do not start with AT are not commands; modems ignore them (V.250 §5.2.1).
  if (line.size() < 2 || !common::iequals(line.substr(0, 2), "AT")) return;
  handle_basic(std::string_view(line).substr(2));
}

// Basic commands (E0, V1, Z, &F, I...) may be chained and may precede one extended command.
void interpreter::handle_basic(std::string_view body) {
  std::vector<std::string> info;
  std::size_t at = 0;
  while (at < body.size() && body[at] != '+' && body[at] != '^') {
    std::string name(1, common::to_upper(body[at++]));
    if (name == "&" && at < body.size())
      name += common::to_upper(body[at++]);
    const std::size_t digits_end = std::min(body.find_first_not_of("0123456789", at), body.size());
    const std::string_view digits = body.substr(at, digits_end - at);
    at = digits_end;
    if (name == "E" && (digits.empty() || digits == "0" || digits == "1")) {
      echo_ = digits == "1";
    } else if (name == "Z" || name == "&F") {
      reset_settings();
    } else if (name == "I") {
      const bool quirk = settings_.profile.info_leading_space;
      info = {with_leading_space(settings_.profile.manufacturer, quirk), settings_.profile.model,
              settings_.profile.revision};
    } else if (name != "V" && name != "Q" && name != "&W" && name != "&C" && name != "&D") {
      return answer({}, "ERROR");
    }
  }
  if (at == body.size()) return answer(info);
  const extended_command command = parse_extended(body.substr(at));
  for (const auto& [name, method] : handlers())
    if (name == command.name) return (this->*method)(command);
  answer({}, "ERROR");
}

const std::vector<std::pair<std::string_view, interpreter::handler>>& interpreter::handlers() {
  static const std::vector<std::pair<std::string_view, handler>> table{
      {"+CPIN", &interpreter::do_cpin},     {"+CREG", &interpreter::do_creg},
      {"+COPS", &interpreter::do_cops},     {"+CSQ", &interpreter::do_csq},
      {"+CGMI", &interpreter::do_identity}, {"+CGMM", &interpreter::do_identity},
      {"+CGMR", &interpreter::do_identity}, {"+CGSN", &interpreter::do_identity},
      {"+CIMI", &interpreter::do_identity}, {"+CMEE", &interpreter::do_cmee},
      {"+CSCA", &interpreter::do_csca},     {"+CMGF", &interpreter::do_cmgf},
      {"+CSCS", &interpreter::do_cscs},     {"+CPMS", &interpreter::do_cpms},
      {"+CNMI", &interpreter::do_cnmi},     {"+CMMS", &interpreter::do_cmms},
      {"+CMGS", &interpreter::do_cmgs},     {"+CMGL", &interpreter::do_cmgl},
      {"+CMGR", &interpreter::do_cmgr},     {"+CMGD", &interpreter::do_cmgd},
      {"+CUSD", &interpreter::do_cusd},
  };
  return table;
}

// 27.007 §9.2: +CME ERROR 14 "SIM busy"; 27.005 §3.2.5: +CMS ERROR 314.
bool interpreter::require_sim() {
  if (sim_busy_) {
    cme_error(14);
    return false;
  }
  if (sim_state_ == sim_state::ready) return true;
  cme_error(sim_state_ == sim_state::pin_required ? 11 : 12);
  return false;
}

bool interpreter::require_sim_for_sms() {
  if (sim_busy_) {
    cms_error(314);
    return false;
  }
  if (sim_state_ == sim_state::ready) return true;
  cms_error(sim_state_ == sim_state::pin_required ? 311 : 316);
  return false;
}

int interpreter::registration_status() const {
  if (sim_busy_ || sim_state_ != sim_state::ready) return 0;
  return now_ < powered_on_at_ + settings_.register_delay ? 2 : 1;
}

void interpreter::do_cpin(const extended_command& command) {
  if (sim_busy_) return cme_error(14);
  if (command.kind == form::query) {
    static constexpr std::array<std::string_view, 3> names{"READY", "SIM PIN", "SIM PUK"};
    const std::string line = "+CPIN: " + std::string(names[static_cast<std::size_t>(sim_state_)]);
    return answer({line}, settings_.profile.cpin_query_without_ok ? "" : "OK");
  }
  if (command.kind != form::set || command.args.empty()) return cme_error(50);
  if (sim_state_ == sim_state::ready) return cme_error(3);
  if (sim_state_ == sim_state::puk_required) return cme_error(12);
  if (command.args[0] == settings_.pin) {
    sim_state_ = sim_state::ready;
    pin_tries_left_ = 3;
    return answer({});
  }
  // Three wrong PINs block the SIM until its PUK is given (TS 31.101 / 27.007 +CPIN).
  if (--pin_tries_left_ == 0) sim_state_ = sim_state::puk_required;
  cme_error(16);
}

void interpreter::do_creg(const extended_command& command) {
  switch (command.kind) {
    case form::test:
      return answer({"+CREG: (0-2)"});
    case form::set: {
      const auto n = int_arg(command.args, 0);
      if (!n || *n < 0 || *n > 2) return cme_error(50);
      creg_mode_ = *n;
      return answer({});
    }
    default: {
      const int stat = registration_status();
      std::string line = "+CREG: " + std::to_string(creg_mode_) + "," + std::to_string(stat);
      if (creg_mode_ == 2 && stat == 1) line += ",\"1A2B\",\"00C3D4\"";
      return answer({line});
    }
  }
}

void interpreter::do_cops(const extended_command& command) {
  if (command.kind == form::test)
    return answer({"+COPS: (2,\"" + settings_.operator_name + "\",\"\",\"51010\"),,(0-4),(0-2)"});
  if (command.kind == form::set) return answer({});
  if (registration_status() != 1) return answer({"+COPS: 0"});
  answer({"+COPS: 0,0,\"" + settings_.operator_name + "\""});
}

void interpreter::do_csq(const extended_command& command) {
  if (command.kind == form::test) return answer({"+CSQ: (0-31,99),(0-7,99)"});
  answer({"+CSQ: " + std::to_string(settings_.rssi) + ",99"});
}

void interpreter::do_identity(const extended_command& command) {
  if (command.kind == form::test) return answer({});
  const device_profile& profile = settings_.profile;
  if (command.name == "+CGMI") return answer({with_leading_space(profile.manufacturer, profile.info_leading_space)});
  if (command.name == "+CGMM") return answer({profile.model});
  if (command.name == "+CGMR") return answer({profile.revision});
  if (command.name == "+CGSN") return answer({settings_.imei});
  if (require_sim()) answer({settings_.imsi});
}

void interpreter::do_cmee(const extended_command& command) {
  if (command.kind == form::test) return answer({"+CMEE: (0-2)"});
  if (command.kind == form::query) return answer({"+CMEE: " + std::to_string(cmee_)});
  const auto n = int_arg(command.args, 0);
  if (!n || *n < 0 || *n > 2) return cme_error(50);
  cmee_ = *n;
  answer({});
}

}  // namespace siaran::modemsim
