// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "modem/sim/command_line.h"
#include "modem/sim/command_splitter.h"
#include "modem/sim/profile.h"
#include "modem/sim/report_rules.h"
#include "modem/sim/sim_storage.h"
#include "sms/pdu_decoder.h"
#include "sms/timestamp.h"

namespace siaran::modemsim {

// Time since the simulated modem was powered on. The interpreter never reads a clock: the I/O
// layer passes the time in and asks when output falls due, and tests pass whatever they like.
using sim_time = std::chrono::milliseconds;

struct modem_settings {
  device_profile profile = *find_profile("generic");
  std::optional<std::string> pin;  // SIM PIN; none: the SIM is ready at power-on
  std::string imei = "356938035643809";
  std::string imsi = "510101234567890";
  std::string operator_name = "TELKOMSEL";
  std::string smsc = "+6281100000";
  std::size_t storage_capacity = 30;
  int rssi = 20;                     // AT+CSQ, 0-31
  sim_time register_delay{0};        // "searching" (+CREG: x,2) until then
  sim_time report_delay{2000};       // status report after an accepted SUBMIT with TP-SRR
  sim_time send_delay{0};            // network latency of AT+CMGS
  std::vector<report_rule> report_rules;  // what is reported, by recipient (report_rules.h)
  // Where status reports are stored with AT+CNMI ds=2: "SM" beside the messages, or a storage
  // of their own that mem1 must be switched to before AT+CMGR reads them (Huawei K3715 and
  // others offer "SR"); such a modem refuses to route them as +CDS (ds=1).
  std::string report_memory = "SM";
  // AT+CMGR on an empty slot answers "+CMGR: 0,,0" and OK instead of a bare OK, as some
  // firmwares do.
  bool empty_slot_header = false;
  // What the SIM's balance code (*888#, *555#, ... by operator_name) answers: the balance in
  // the operator's words, after ussd_delay, as plain GSM text (dcs 15) or UCS2 hex (dcs 72).
  std::int64_t balance = 50000;
  bool ussd_ucs2 = false;
  sim_time ussd_delay{1500};
  std::chrono::sys_seconds wall_clock_at_power_on{};  // for SCTS and discharge times
  int utc_offset_minutes = 7 * 60;                     // the network's time zone (WIB)
};

// A SUBMIT the modem accepted with +CMGS, for the send log.
struct accepted_submit {
  std::uint8_t message_reference = 0;
  std::string pdu;  // as the host sent it, SMSC field included
  std::size_t tpdu_length = 0;
  sms::decoded_pdu decoded;
};

// Runs the AT command set of a GSM modem in PDU mode (27.007, 27.005) over bytes: fed what the
// host writes, it produces what the modem would answer, when. No I/O.
class interpreter {
 public:
  explicit interpreter(modem_settings settings);

  // A power cycle: settings back to defaults, then the profile's power-on URCs (SIM800 "RDY"
  // ...). Schedules registration and noise. Call once before use, and again on a re-plug.
  // `sim_ready`: the SIM answers "busy" (+CME ERROR: 14) until then, and its "+CPIN:" line
  // and the boot lines after it come only then.
  void power_on(sim_time now, sim_time sim_ready = sim_time{0});

  // A restart by itself (power dip, firmware watchdog) with the port still open: at once deaf
  // and mute, as when powered off (what was in progress is lost); `boot` later, power_on().
  void reboot(sim_time now, sim_time boot, sim_time sim_ready);
  bool powered_off() const { return off_; }

  void receive(std::string_view bytes, sim_time now);

  // Bytes due by `now`, in the order the modem produced them.
  std::string take_output(sim_time now);
  // When the next output or scheduled event falls due; nothing when idle.
  std::optional<sim_time> next_wakeup() const;

  // SUBMITs accepted since the last call, in order.
  std::vector<accepted_submit> take_accepted();

  // --- Control by the sim's operator (tests, the control protocol) ---

  // An SMS from the network, split into parts when long (UCS2 when needed). Stored on the SIM
  // with +CMTI (CNMI mt=1), or routed as +CMT (mt=2); a part that finds the SIM full is lost
  // without an indication, as on a real modem. Returns the slots used.
  std::vector<std::size_t> inject_sms(const std::string& from, const std::string& text, sim_time now);

  // A status report for the SUBMIT with this reference (recipient taken from the send log;
  // false when no such SUBMIT was accepted). Routed as +CDS (ds=1) or stored + +CDSI (ds=2).
  bool deliver_status_report(std::uint8_t message_reference, std::uint8_t status, sim_time now);

  // From now on, status reports of new SUBMITs follow `rules` (report_rules.h).
  void set_report_rules(std::vector<report_rule> rules) { settings_.report_rules = std::move(rules); }

  // The next `count` AT+CMGS fail with +CMS ERROR: `cms` (after the PDU).
  void fail_next_sends(int count, int cms);
  // Every `n`th AT+CMGS from now on fails with +CMS ERROR: `cms`; n = 0 stops it.
  void fail_every_nth_send(int n, int cms);
  // The next `count` AT+CMGD fail with +CMS ERROR: `cms`, the message staying stored (a SIM
  // busy or worn out: the host must not store it twice when it reads it again).
  void fail_next_deletes(int count, int cms);
  int failing_deletes() const { return failing_deletes_; }
  // The next AT+CMGS hangs the modem once its PDU is in: no answer to it, ever, and nothing
  // read or sent for `duration` (firmware stuck talking to the network).
  void hang_in_next_send(sim_time duration) { hang_in_send_ = duration; }
  bool hung() const { return hung_; }
  // A hung modem: input is swallowed and nothing is sent until cleared.
  void set_silent(bool silent);
  bool silent() const { return silent_; }
  // Every answer (not the echo) comes this much later.
  void set_answer_delay(sim_time delay) { answer_delay_ = delay; }
  // A line sent at once: garbage, or any unsolicited code.
  void emit_line(std::string_view line, sim_time now);
  // A line slipped into the next response before its final result code (a +CMTI between
  // +CMGS: n and OK, Huawei ^RSSI noise...).
  void insert_in_next_response(std::string line) { pending_interleave_.push_back(std::move(line)); }

  // The balance the next USSD balance check reports (rupiah).
  void set_balance(std::int64_t rupiah) { settings_.balance = rupiah; }
  void set_ussd_ucs2(bool ucs2) { settings_.ussd_ucs2 = ucs2; }
  std::int64_t balance() const { return settings_.balance; }

  // State, for tests and the control acks.
  std::uint8_t next_message_reference() const { return next_mr_; }
  const sim_storage& storage() const { return storage_; }
  const sim_storage& report_storage() const { return reports_; }
  bool echo() const { return echo_; }

 private:
  struct output_chunk {
    sim_time due;
    std::string bytes;
  };
  struct scheduled {
    sim_time due;
    std::function<void(sim_time)> action;
  };
  enum class sim_state { ready, pin_required, puk_required };
  using handler = void (interpreter::*)(const extended_command&);

  void run_due_events(sim_time now);
  void handle_command(const std::string& line);
  void handle_basic(std::string_view body);
  void handle_pdu(const std::string& hex);
  void emit(std::string bytes, sim_time delay);
  void answer(const std::vector<std::string>& info, std::string_view final_code = "OK");
  void cme_error(int code);
  void cms_error(int code);
  void reset_settings();
  bool require_sim();
  bool require_sim_for_sms();
  int registration_status() const;
  sms::timestamp network_time(sim_time at) const;
  void announce_new_message(std::size_t index, const std::string& prefix, const std::string& memory);
  void emit_boot_lines(std::size_t from, std::size_t to, sim_time now);
  sim_storage& mem1() { return mem1_ == "SM" ? storage_ : reports_; }
  void schedule_noise(sim_time at);
  static const std::vector<std::pair<std::string_view, handler>>& handlers();

  // 27.007 / 27.005 commands, one handler each.
  void do_cpin(const extended_command&);
  void do_creg(const extended_command&);
  void do_cops(const extended_command&);
  void do_csq(const extended_command&);
  void do_identity(const extended_command&);
  void do_cmee(const extended_command&);
  void do_csca(const extended_command&);
  void do_cmgf(const extended_command&);
  void do_cscs(const extended_command&);
  void do_cpms(const extended_command&);
  void do_cnmi(const extended_command&);
  void do_cmms(const extended_command&);
  void do_cmgs(const extended_command&);
  void schedule_status_report(const accepted_submit& submit);
  void do_cmgl(const extended_command&);
  void do_cmgr(const extended_command&);
  void do_cmgd(const extended_command&);
  void do_cusd(const extended_command&);  // interpreter_ussd.cc

  modem_settings settings_;
  sim_storage storage_;
  sim_storage reports_;  // settings_.report_memory when it is not "SM"
  std::string mem1_ = "SM";
  command_splitter splitter_;
  std::deque<output_chunk> output_;
  std::vector<scheduled> events_;
  std::vector<accepted_submit> accepted_;
  std::vector<accepted_submit> sent_log_;  // for status reports by reference
  std::vector<std::string> pending_interleave_;
  sim_time now_{0};
  sim_time powered_on_at_{0};
  sim_time answer_delay_{0};
  sim_state sim_state_ = sim_state::ready;
  int pin_tries_left_ = 3;
  bool silent_ = false;
  bool off_ = false;       // rebooting: nothing read or sent
  bool hung_ = false;      // hang_in_next_send() is under way
  std::optional<sim_time> hang_in_send_;
  bool sim_busy_ = false;  // powered on, the SIM not yet answering
  bool echo_ = true;
  int cmee_ = 0;
  int creg_mode_ = 0;
  int cmms_ = 0;
  std::string cscs_ = "GSM";
  std::string smsc_;
  std::array<int, 5> cnmi_{2, 1, 0, 0, 0};  // mode, mt, bm, ds, bfr
  std::optional<std::size_t> pending_send_length_;
  std::uint8_t next_mr_ = 1;
  std::uint8_t next_concat_reference_ = 1;
  int failing_sends_ = 0;
  int failing_cms_ = 500;
  int fail_every_ = 0;  // every Nth send fails with fail_every_cms_; 0: never
  int fail_every_cms_ = 500;
  unsigned send_attempts_ = 0;
  int failing_deletes_ = 0;
  int failing_deletes_cms_ = 500;
  std::size_t noise_index_ = 0;
};

}  // namespace siaran::modemsim
