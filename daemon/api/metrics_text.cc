// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/api/metrics_text.h"

#include <fmt/format.h>

namespace siaran::daemon::api {
namespace {

void family(std::string& out, const char* name, const char* type, const char* help) {
  out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
}

// One counter family with a sample per modem.
template <class Field>
void per_modem(std::string& out, const char* name, const char* help, const std::vector<modem::modem_status>& modems,
               const send_metrics& metrics, Field field) {
  family(out, name, "counter", help);
  for (std::size_t i = 0; i < modems.size(); ++i) {
    out += fmt::format("{}{{modem=\"{}\"}} {}\n", name, modems[i].id, metrics.modems[i].*field);
  }
}

void send_histogram(std::string& out, const latency_histogram& h) {
  family(out, "siaran_send_seconds", "histogram", "AT+CMGS round trip per part.");
  for (std::size_t i = 0; i < latency_histogram::bounds.size(); ++i) {
    out += fmt::format("siaran_send_seconds_bucket{{le=\"{}\"}} {}\n", latency_histogram::bounds[i], h.at_most(i));
  }
  out += fmt::format("siaran_send_seconds_bucket{{le=\"+Inf\"}} {}\n", h.count());
  out += fmt::format("siaran_send_seconds_sum {}\nsiaran_send_seconds_count {}\n", h.sum(), h.count());
}

void modem_states(std::string& out, const std::vector<modem::modem_status>& modems) {
  family(out, "siaran_modem_up", "gauge", "1 for the state each modem is in.");
  constexpr modem::modem_state states[] = {modem::modem_state::initialising, modem::modem_state::ready,
                                           modem::modem_state::sending, modem::modem_state::failed};
  for (const modem::modem_status& m : modems) {
    for (modem::modem_state state : states) {
      out += fmt::format("siaran_modem_up{{modem=\"{}\",state=\"{}\"}} {}\n", m.id, modem::to_string(state),
                         m.state == state ? 1 : 0);
    }
  }
}

// One counter family with a sample per SMPP bind.
template <class Field>
void per_bind(std::string& out, const char* name, const char* help, const std::vector<smpp::bind_status>& binds,
              Field field) {
  if (binds.empty()) return;
  family(out, name, "counter", help);
  for (const smpp::bind_status& b : binds) out += fmt::format("{}{{bind=\"{}\"}} {}\n", name, b.id, b.counts.*field);
}

void bind_gauges(std::string& out, const std::vector<smpp::bind_status>& binds) {
  if (binds.empty()) return;
  family(out, "siaran_smpp_bind_up", "gauge", "1 for the state each SMPP bind is in.");
  constexpr smpp::bind_state states[] = {smpp::bind_state::connecting, smpp::bind_state::bound,
                                         smpp::bind_state::throttled, smpp::bind_state::refused};
  for (const smpp::bind_status& b : binds) {
    for (smpp::bind_state state : states) {
      out += fmt::format("siaran_smpp_bind_up{{bind=\"{}\",state=\"{}\"}} {}\n", b.id, smpp::bind_state_name(state),
                         b.state == state ? 1 : 0);
    }
  }
  family(out, "siaran_smpp_window_used", "gauge", "Submits awaiting the SMSC's answer.");
  for (const smpp::bind_status& b : binds) {
    out += fmt::format("siaran_smpp_window_used{{bind=\"{}\"}} {}\n", b.id, b.in_window);
  }
}

void smpp_metrics(std::string& out, const std::vector<smpp::bind_status>& binds) {
  bind_gauges(out, binds);
  per_bind(out, "siaran_smpp_submits_total", "submit_sm written.", binds, &smpp::bind_counts::submitted);
  per_bind(out, "siaran_smpp_accepted_total", "submit_sm answered ESME_ROK.", binds, &smpp::bind_counts::accepted);
  per_bind(out, "siaran_smpp_rejected_total", "submit_sm answered with an error.", binds, &smpp::bind_counts::rejected);
  per_bind(out, "siaran_smpp_throttled_total", "Throttling answers (ESME_RTHROTTLED, ESME_RMSGQFUL).", binds,
           &smpp::bind_counts::throttled);
  per_bind(out, "siaran_smpp_uncertain_total", "Submits unanswered when the link dropped.", binds,
           &smpp::bind_counts::uncertain);
  per_bind(out, "siaran_smpp_receipts_total", "Delivery receipts received.", binds, &smpp::bind_counts::receipts);
  per_bind(out, "siaran_smpp_received_total", "Incoming SMS received.", binds, &smpp::bind_counts::received);
  per_bind(out, "siaran_smpp_binds_total", "Successful binds.", binds, &smpp::bind_counts::binds);
}

}  // namespace

std::string metrics_text(const std::vector<modem::modem_status>& modems, const send_metrics& metrics,
                         std::int64_t queue_depth, const std::vector<smpp::bind_status>& binds) {
  std::string out;
  per_modem(out, "siaran_parts_sent_total", "Parts acknowledged by the network.", modems, metrics,
            &modem_counters::sent);
  per_modem(out, "siaran_parts_failed_total", "Parts refused.", modems, metrics, &modem_counters::failed);
  per_modem(out, "siaran_parts_uncertain_total", "Parts written without an answer.", modems, metrics,
            &modem_counters::uncertain);
  per_modem(out, "siaran_parts_delivered_total", "Status reports saying delivered.", modems, metrics,
            &modem_counters::delivered);
  family(out, "siaran_queue_depth", "gauge", "Parts waiting to be sent.");
  out += fmt::format("siaran_queue_depth {}\n", queue_depth);
  family(out, "siaran_schedule_checks_total", "counter", "Times the scheduler looked for reminders and greetings due.");
  out += fmt::format("siaran_schedule_checks_total {}\n", metrics.schedule_checks);
  send_histogram(out, metrics.send_seconds);
  modem_states(out, modems);
  smpp_metrics(out, binds);
  return out;
}

}  // namespace siaran::daemon::api
