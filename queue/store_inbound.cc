// What arrives from the network: status reports, incoming SMS, modem events.

#include <numeric>

#include "queue/store.h"
#include "queue/store_impl.h"

namespace siaran::queue {
namespace {

// TP-ST (3GPP TS 23.040 §9.2.3.15): 0x00-0x1F the transaction is complete (delivered, or
// forwarded/replaced, which is as far as we can know); 0x20-0x3F the centre is still trying;
// 0x40 and above it gave up (permanent error, or temporary error with no more attempts).
std::optional<part_state> state_after_report(int status) {
  if (status < 0x20) return part_state::delivered;
  if (status < 0x40) return std::nullopt;
  return part_state::failed;
}

std::optional<std::int64_t> find_reported_part(store_state& s, const status_report& r) {
  auto& q = s.sql.match_report;
  step_scope scope(q);
  const auto window = std::chrono::duration_cast<std::chrono::milliseconds>(s.options.report_window);
  q.bind(1, r.modem)
      .bind(2, r.reference)
      .bind(3, millis(r.received_at - window))
      .bind(4, millis(r.received_at))
      .bind(5, recipient_key(r.recipient));
  if (!q.step()) return std::nullopt;
  return q.int64(0);
}

}  // namespace

std::optional<std::int64_t> store::record_status_report(const status_report& report) {
  auto& sql = impl_->sql;
  transaction tx(impl_->db);
  const auto part_id = find_reported_part(*impl_, report);
  if (part_id) {
    const auto next = state_after_report(report.status);
    std::optional<std::string> next_name;
    if (next) next_name = std::string(to_string(*next));
    sql.apply_report.bind(1, *part_id)
        .bind(2, report.status)
        .bind(3, next_name)
        .bind(4, millis(report.discharge_time.value_or(report.received_at)))
        .bind(5, "status report: TP-ST " + std::to_string(report.status))
        .run();
  }
  sql.insert_status_report.bind(1, report.modem)
      .bind(2, report.reference)
      .bind(3, report.recipient)
      .bind(4, report.status)
      .bind(5, optional_millis(report.sc_timestamp))
      .bind(6, optional_millis(report.discharge_time))
      .bind(7, millis(report.received_at))
      .bind(8, report.raw_pdu)
      .bind(9, part_id)
      .run();
  tx.commit();
  return part_id;
}

std::int64_t store::record_incoming(const incoming_message& m) {
  std::string raw;
  for (const std::string& pdu : m.raw_pdus) raw += (raw.empty() ? "" : "\n") + pdu;
  // Durable before the caller deletes it from the SIM: afterwards this row is the only copy.
  transaction tx(impl_->db, durability::full);
  impl_->sql.insert_incoming.bind(1, m.modem)
      .bind(2, m.sender)
      .bind(3, m.text)
      .bind(4, millis(m.received_at))
      .bind(5, raw)
      .bind(6, m.decode_error)
      .bind(7, m.concat_ref)
      .bind(8, m.concat_total)
      .bind(9, m.complete)
      .run();
  const std::int64_t id = impl_->db.last_insert_rowid();
  tx.commit();
  return id;
}

void store::record_modem_event(std::string_view modem, timestamp at, std::string_view state, std::string_view reason) {
  impl_->sql.insert_modem_event.bind(1, modem).bind(2, millis(at)).bind(3, state).bind(4, reason).run();
}

}  // namespace siaran::queue
