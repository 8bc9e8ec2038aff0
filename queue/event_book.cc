#include "queue/events.h"

#include "queue/store.h"
#include "queue/store_impl.h"

namespace siaran::queue {

struct event_statements {
  explicit event_statements(database& db) { static_cast<void>(db); }
};

event_book::event_book(store& s) : store_(s), sql_(std::make_unique<event_statements>(s.state().db)) {}

event_book::~event_book() = default;

}  // namespace siaran::queue
