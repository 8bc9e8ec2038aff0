// SPDX-License-Identifier: GPL-3.0-or-later
// Opening the store's database: the connection, then the schema migrations.

#include "queue/database.h"

#include "queue/connection.h"
#include "queue/schema.h"

namespace siaran::queue {

database::database(const std::filesystem::path& file, store_options options)
    : connection_(std::make_unique<connection>(file)), options_(options) {
  migrate(*connection_);
}

database::~database() = default;

}  // namespace siaran::queue
