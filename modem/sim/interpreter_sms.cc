// SPDX-License-Identifier: GPL-3.0-or-later
// The SMS half of the interpreter: 27.005 commands in PDU mode, and what the network delivers
// (inbound messages, status reports).
#include <algorithm>

#include "modem/sim/interpreter.h"
#include "sms/codec_error.h"
#include "sms/deliver_encoder.h"
#include "sms/hex.h"

namespace siaran::modemsim {
namespace {

using form = extended_command::form;

// 27.005 §3.2.5.
constexpr int cms_operation_not_allowed = 302;
constexpr int cms_invalid_pdu_parameter = 304;
constexpr int cms_invalid_memory_index = 321;
constexpr int cms_no_network_service = 331;

std::string storage_counts(const sim_storage& storage) {
  return std::to_string(storage.used()) + "," + std::to_string(storage.capacity());
}

std::string message_header(std::string_view prefix, std::size_t index, const stored_message& m) {
  std::string line = std::string(prefix);
  if (index != 0) line += std::to_string(index) + ",";
  return line + std::to_string(static_cast<int>(m.stat)) + ",," + std::to_string(m.tpdu_length);
}

}  // namespace

sms::timestamp interpreter::network_time(sim_time at) const {
  using namespace std::chrono;
  const auto local = settings_.wall_clock_at_power_on + duration_cast<seconds>(at) +
                     minutes{settings_.utc_offset_minutes};
  const auto day = floor<days>(local);
  const year_month_day date{day};
  const hh_mm_ss time{local - day};
  return {static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
          static_cast<int>(static_cast<unsigned>(date.day())), static_cast<int>(time.hours().count()),
          static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()),
          settings_.utc_offset_minutes};
}

void interpreter::do_csca(const extended_command& command) {
  if (command.kind == form::test) return answer({});
  if (command.kind == form::set) {
    if (command.args.empty() || command.args[0].empty()) return cms_error(cms_invalid_pdu_parameter);
    smsc_ = command.args[0];
    return answer({});
  }
  answer({"+CSCA: \"" + smsc_ + "\"," + (smsc_.starts_with("+") ? "145" : "129")});
}

// Text mode is not simulated: the gateway speaks PDU mode only.
void interpreter::do_cmgf(const extended_command& command) {
  if (command.kind == form::test) return answer({"+CMGF: (0)"});
  if (command.kind == form::query) return answer({"+CMGF: 0"});
  if (int_arg(command.args, 0) != 0) return answer({}, "ERROR");
  answer({});
}

void interpreter::do_cscs(const extended_command& command) {
  static const std::vector<std::string> sets{"GSM", "IRA", "UCS2"};
  if (command.kind == form::test) return answer({"+CSCS: (\"GSM\",\"IRA\",\"UCS2\")"});
  if (command.kind == form::query) return answer({"+CSCS: \"" + cscs_ + "\""});
  if (command.args.empty() || std::find(sets.begin(), sets.end(), command.args[0]) == sets.end())
    return cme_error(4);
  cscs_ = command.args[0];
  answer({});
}

// The SIM's "SM" for everything, and `report_memory` as a second choice for mem1 when status
// reports have a storage of their own.
void interpreter::do_cpms(const extended_command& command) {
  const std::string& reports = settings_.report_memory;
  if (command.kind == form::test) {
    const std::string first = reports == "SM" ? "(\"SM\")" : "(\"SM\",\"" + reports + "\")";
    return answer({"+CPMS: " + first + ",(\"SM\"),(\"SM\")"});
  }
  if (!require_sim_for_sms()) return;
  const std::string counts = storage_counts(storage_);
  if (command.kind == form::query)
    return answer({"+CPMS: \"" + mem1_ + "\"," + storage_counts(mem1()) + ",\"SM\"," + counts + ",\"SM\"," + counts});
  if (command.args.empty() || command.args.size() > 3) return cms_error(cms_invalid_pdu_parameter);
  for (std::size_t i = 0; i < command.args.size(); ++i) {
    const std::string& memory = command.args[i];
    if (memory != "SM" && (i != 0 || memory != reports)) return cms_error(cms_operation_not_allowed);
  }
  mem1_ = command.args[0];
  std::string line = "+CPMS: " + storage_counts(mem1());
  for (std::size_t i = 1; i < 3; ++i) line += "," + counts;
  answer({line});
}

void interpreter::do_cnmi(const extended_command& command) {
  const int max_ds = settings_.profile.max_cnmi_ds;
  if (command.kind == form::test)
    return answer({"+CNMI: (0-2),(0-3),(0,2),(0-" + std::to_string(max_ds) + "),(0,1)"});
  if (command.kind == form::query) {
    std::string line = "+CNMI: ";
    for (std::size_t i = 0; i < cnmi_.size(); ++i) line += (i ? "," : "") + std::to_string(cnmi_[i]);
    return answer({line});
  }
  static constexpr std::array<int, 5> maxima{2, 3, 3, 2, 1};
  std::array<int, 5> wanted{};
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    const bool given = i < command.args.size() && !command.args[i].empty();
    const auto value = given ? int_arg(command.args, i) : std::optional<int>(0);
    const int maximum = i == 3 ? max_ds : maxima[i];
    if (!value || *value < 0 || *value > maximum) return answer({}, "ERROR");
    // A modem with a storage of its own for status reports only stores them (ds=2).
    if (i == 3 && *value == 1 && settings_.report_memory != "SM") return answer({}, "ERROR");
    wanted[i] = *value;
  }
  if (command.args.size() > wanted.size()) return answer({}, "ERROR");
  cnmi_ = wanted;
  answer({});
}

void interpreter::do_cmms(const extended_command& command) {
  if (command.kind == form::test) return answer({"+CMMS: (0-2)"});
  if (command.kind == form::query) return answer({"+CMMS: " + std::to_string(cmms_)});
  const auto n = int_arg(command.args, 0);
  if (!n || *n < 0 || *n > 2) return cms_error(cms_invalid_pdu_parameter);
  cmms_ = *n;
  answer({});
}

void interpreter::do_cmgs(const extended_command& command) {
  if (command.kind == form::test) return answer({});
  if (command.kind != form::set) return cms_error(cms_invalid_pdu_parameter);
  if (!require_sim_for_sms()) return;
  const auto length = int_arg(command.args, 0);
  if (!length || *length < 7 || *length > 164) return cms_error(cms_invalid_pdu_parameter);
  pending_send_length_ = static_cast<std::size_t>(*length);
  splitter_.expect_pdu();
  // The prompt has no line end (27.005 §3.5.1): "\r\n> ".
  emit("\r\n> ", answer_delay_);
}

void interpreter::handle_pdu(const std::string& hex) {
  const std::optional<std::size_t> announced = std::exchange(pending_send_length_, std::nullopt);
  if (!announced) return answer({}, "ERROR");
  accepted_submit submit;
  try {
    const std::vector<std::uint8_t> octets = sms::hex_decode(hex);
    if (octets.empty() || octets.size() < 1u + octets[0]) return cms_error(cms_invalid_pdu_parameter);
    submit.tpdu_length = octets.size() - 1 - octets[0];
    submit.decoded = sms::decode_pdu(octets);
  } catch (const sms::codec_error&) {
    return cms_error(cms_invalid_pdu_parameter);
  }
  // The length given to AT+CMGS counts the TPDU only; a mismatch is refused (27.005 §3.5.1).
  if (submit.tpdu_length != *announced || submit.decoded.type != sms::message_type::submit)
    return cms_error(cms_invalid_pdu_parameter);
  ++send_attempts_;
  if (hang_in_send_) {
    hung_ = true;
    events_.push_back({now_ + *hang_in_send_, [this](sim_time) { hung_ = false; }});
    hang_in_send_.reset();
    return;
  }
  if (failing_sends_ > 0) {
    --failing_sends_;
    return cms_error(failing_cms_);
  }
  if (fail_every_ > 0 && send_attempts_ % static_cast<unsigned>(fail_every_) == 0)
    return cms_error(fail_every_cms_);
  if (registration_status() != 1) return cms_error(cms_no_network_service);
  submit.message_reference = next_mr_++;
  submit.pdu = hex;
  const sim_time saved_delay = answer_delay_;
  answer_delay_ += settings_.send_delay;
  answer({"+CMGS: " + std::to_string(submit.message_reference)});
  answer_delay_ = saved_delay;
  if (submit.decoded.status_report_requested) schedule_status_report(submit);
  sent_log_.push_back(submit);
  if (sent_log_.size() > 256) sent_log_.erase(sent_log_.begin());
  accepted_.push_back(std::move(submit));
}

void interpreter::do_cmgl(const extended_command& command) {
  if (command.kind == form::test) return answer({"+CMGL: (0-4)"});
  if (!require_sim_for_sms()) return;
  const int stat = command.kind == form::set ? int_arg(command.args, 0).value_or(-1) : 0;
  if (stat < 0 || stat > 4) return cms_error(cms_invalid_pdu_parameter);
  std::vector<std::string> info;
  for (std::size_t index : mem1().list(stat)) {
    const stored_message& message = *mem1().at(index);
    info.push_back(message_header("+CMGL: ", index, message));
    info.push_back(message.pdu);
    mem1().mark_read(index);
  }
  answer(info);
}

void interpreter::do_cmgr(const extended_command& command) {
  if (command.kind == form::test) return answer({});
  if (!require_sim_for_sms()) return;
  const auto index = int_arg(command.args, 0);
  if (!index || !mem1().valid_index(static_cast<std::size_t>(*index)))
    return cms_error(cms_invalid_memory_index);
  const auto slot = static_cast<std::size_t>(*index);
  const stored_message* message = mem1().at(slot);
  if (message == nullptr) return answer(settings_.empty_slot_header ? std::vector<std::string>{"+CMGR: 0,,0"}
                                                                     : std::vector<std::string>{});
  const std::vector<std::string> info{message_header("+CMGR: ", 0, *message), message->pdu};
  mem1().mark_read(slot);
  answer(info);
}

void interpreter::do_cmgd(const extended_command& command) {
  if (command.kind == form::test) return answer({"+CMGD: (1-" + std::to_string(mem1().capacity()) + "),(0-4)"});
  if (!require_sim_for_sms()) return;
  const auto index = int_arg(command.args, 0);
  const int flag = int_arg(command.args, 1).value_or(0);
  if (flag < 0 || flag > 4) return cms_error(cms_invalid_pdu_parameter);
  if (flag == 0 && (!index || !mem1().valid_index(static_cast<std::size_t>(*index))))
    return cms_error(cms_invalid_memory_index);
  if (failing_deletes_ > 0) {
    --failing_deletes_;
    return cms_error(failing_deletes_cms_);
  }
  mem1().remove(static_cast<std::size_t>(index.value_or(0)), flag);
  answer({});
}

void interpreter::announce_new_message(std::size_t index, const std::string& prefix, const std::string& memory) {
  emit_line(prefix + ": \"" + memory + "\"," + std::to_string(index), now_);
}

std::vector<std::size_t> interpreter::inject_sms(const std::string& from, const std::string& text,
                                                 sim_time now) {
  run_due_events(now);
  sms::deliver_request request;
  request.from = from;
  request.text = text;
  request.smsc = settings_.smsc;
  request.service_centre_time = network_time(now);
  request.concat_reference = next_concat_reference_++;
  std::vector<std::size_t> stored;
  for (const sms::encoded_part& part : sms::encode_deliver(request)) {
    // mt=2/3: routed to the host as +CMT, not stored (27.005 §3.4.1).
    if (cnmi_[1] >= 2) {
      emit("\r\n+CMT: ," + std::to_string(part.tpdu_length) + "\r\n" + part.pdu + "\r\n", sim_time{0});
      continue;
    }
    const auto index = storage_.store({message_stat::received_unread, part.pdu, part.tpdu_length});
    if (!index) continue;  // SIM full: the network keeps it; nothing is announced
    stored.push_back(*index);
    if (cnmi_[1] == 1) announce_new_message(*index, "+CMTI", "SM");
  }
  return stored;
}

// As the first report rule matching the recipient says: its TP-ST after its delay, or nothing;
// delivered after report_delay when none matches.
void interpreter::schedule_status_report(const accepted_submit& submit) {
  const report_rule* rule = rule_for(settings_.report_rules, submit.decoded.number);
  if (rule && !rule->status) return;
  const std::uint8_t mr = submit.message_reference;
  const std::uint8_t status = rule ? *rule->status : 0;
  const sim_time delay = rule && rule->delay ? *rule->delay : settings_.report_delay;
  events_.push_back({now_ + settings_.send_delay + delay,
                     [this, mr, status](sim_time at) { deliver_status_report(mr, status, at); }});
}

bool interpreter::deliver_status_report(std::uint8_t message_reference, std::uint8_t status,
                                        sim_time now) {
  run_due_events(now);
  const auto sent = std::find_if(sent_log_.rbegin(), sent_log_.rend(), [&](const accepted_submit& s) {
    return s.message_reference == message_reference;
  });
  if (sent == sent_log_.rend()) return false;
  sms::status_report_request request;
  request.message_reference = message_reference;
  request.recipient = sent->decoded.number;
  request.smsc = settings_.smsc;
  request.service_centre_time = network_time(std::max(sim_time{0}, now - settings_.report_delay));
  request.discharge_time = network_time(now);
  request.status = status;
  const sms::encoded_part part = sms::encode_status_report(request);
  // ds=1: routed as +CDS with the PDU; ds=2: stored and announced by +CDSI (27.005 §3.4.1).
  if (cnmi_[3] == 1) {
    emit("\r\n+CDS: " + std::to_string(part.tpdu_length) + "\r\n" + part.pdu + "\r\n", sim_time{0});
  } else if (cnmi_[3] == 2) {
    const std::string& memory = settings_.report_memory;
    sim_storage& into = memory == "SM" ? storage_ : reports_;
    const auto index = into.store({message_stat::received_unread, part.pdu, part.tpdu_length});
    if (index) announce_new_message(*index, "+CDSI", memory);
  }
  return true;
}

}  // namespace siaran::modemsim
