#include "queue/broadcasts.h"

#include "queue/store.h"
#include "queue/store_impl.h"

namespace siaran::queue {

struct broadcast_statements {
  explicit broadcast_statements(database& db) { static_cast<void>(db); }
};

broadcast_book::broadcast_book(store& s) : store_(s), sql_(std::make_unique<broadcast_statements>(s.state().db)) {}

broadcast_book::~broadcast_book() = default;

}  // namespace siaran::queue
