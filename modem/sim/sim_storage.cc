// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/sim/sim_storage.h"

#include <algorithm>

namespace siaran::modemsim {

std::size_t sim_storage::used() const {
  return static_cast<std::size_t>(
      std::count_if(slots_.begin(), slots_.end(), [](const auto& slot) { return slot.has_value(); }));
}

std::optional<std::size_t> sim_storage::store(stored_message message) {
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    if (slots_[i]) continue;
    slots_[i] = std::move(message);
    return i + 1;
  }
  return std::nullopt;
}

const stored_message* sim_storage::at(std::size_t index) const {
  if (!valid_index(index) || !slots_[index - 1]) return nullptr;
  return &*slots_[index - 1];
}

void sim_storage::mark_read(std::size_t index) {
  if (!valid_index(index) || !slots_[index - 1]) return;
  if (slots_[index - 1]->stat == message_stat::received_unread)
    slots_[index - 1]->stat = message_stat::received_read;
}

std::vector<std::size_t> sim_storage::list(int stat) const {
  std::vector<std::size_t> indexes;
  for (std::size_t i = 0; i < slots_.size(); ++i)
    if (slots_[i] && (stat == 4 || static_cast<int>(slots_[i]->stat) == stat)) indexes.push_back(i + 1);
  return indexes;
}

void sim_storage::remove(std::size_t index, int delete_flag) {
  if (delete_flag == 0) {
    if (valid_index(index)) slots_[index - 1].reset();
    return;
  }
  for (auto& slot : slots_) {
    if (!slot) continue;
    const int stat = static_cast<int>(slot->stat);
    // Flag n deletes the stats 1..n-ish of §3.5.4: read (1), then sent (3), then unsent (2).
    const bool matches = delete_flag >= 4 || (stat == 1) || (delete_flag >= 2 && stat == 3) ||
                         (delete_flag >= 3 && stat == 2);
    if (matches) slot.reset();
  }
}

}  // namespace siaran::modemsim
