// Reading messages back: by id, by derived state, and the queue's depth.

#include "queue/store.h"
#include "queue/store_impl.h"

namespace siaran::queue {
namespace {

// Reads the columns of statements.cc's message_columns.
message_record read_message(const statement& s) {
  message_record m;
  m.id = s.int64(0);
  m.recipient = s.text(1);
  m.text = s.text(2);
  m.priority = static_cast<int>(s.int64(3));
  m.created_at = from_millis(s.int64(4));
  m.send_at = from_millis(s.int64(5));
  m.expires_at = optional_time(s, 6);
  m.report = s.int64(7) != 0;
  m.client_ref = s.optional_text(8);
  m.state = part_state_from(s.text(9));
  return m;
}

void read_parts(statements& sql, message_record& m) {
  step_scope scope(sql.parts_of_message);
  sql.parts_of_message.bind(1, m.id);
  while (sql.parts_of_message.step()) m.parts.push_back(read_part(sql.parts_of_message));
}

}  // namespace

std::optional<message_record> store::message(std::int64_t id) {
  auto& sql = impl_->sql;
  std::optional<message_record> found;
  {
    step_scope scope(sql.select_message);
    if (sql.select_message.bind(1, id).step()) found = read_message(sql.select_message);
  }
  if (found) read_parts(sql, *found);
  return found;
}

std::vector<message_record> store::messages_by_state(part_state state, std::int64_t after_id, int limit) {
  auto& sql = impl_->sql;
  std::vector<message_record> found;
  {
    step_scope scope(sql.messages_by_state);
    sql.messages_by_state.bind(1, to_string(state)).bind(2, after_id).bind(3, limit);
    while (sql.messages_by_state.step()) found.push_back(read_message(sql.messages_by_state));
  }
  for (message_record& m : found) read_parts(sql, m);
  return found;
}

std::int64_t store::uncertain_count() {
  auto& q = impl_->sql.uncertain_count;
  step_scope scope(q);
  q.step();
  return q.int64(0);
}

std::int64_t store::queue_depth() {
  auto& q = impl_->sql.queue_depth;
  step_scope scope(q);
  q.step();
  return q.int64(0);
}

}  // namespace siaran::queue
