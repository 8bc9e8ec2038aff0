#include "queue/contacts.h"

#include "queue/store.h"
#include "queue/store_impl.h"

namespace siaran::queue {

struct contact_statements {
  explicit contact_statements(database& db) { static_cast<void>(db); }
};

contact_book::contact_book(store& s) : store_(s), sql_(std::make_unique<contact_statements>(s.state().db)) {}

contact_book::~contact_book() = default;

}  // namespace siaran::queue
