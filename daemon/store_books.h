// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One connection to the store and the books over it. Each store thread (store_thread.h) has its
// own: a connection is used by one thread only.

#include <filesystem>

#include "queue/broadcasts.h"
#include "queue/contacts.h"
#include "queue/events.h"
#include "queue/replies.h"
#include "queue/store.h"

namespace siaran::daemon {

struct store_books {
  explicit store_books(const std::filesystem::path& file)
      : store(file), contacts(store), broadcasts(store), events(store), replies(store) {}
  store_books(const store_books&) = delete;
  store_books& operator=(const store_books&) = delete;

  queue::store store;
  queue::contact_book contacts;
  queue::broadcast_book broadcasts;
  queue::event_book events;
  queue::reply_book replies;
};

}  // namespace siaran::daemon
