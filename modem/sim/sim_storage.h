// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace siaran::modemsim {

// The "SM" message storage of the SIM (27.005 §3.1): numbered slots from 1, each holding a PDU
// (SMSC field included) and its <stat>.
enum class message_stat { received_unread = 0, received_read = 1, stored_unsent = 2, stored_sent = 3 };

struct stored_message {
  message_stat stat = message_stat::received_unread;
  std::string pdu;
  std::size_t tpdu_length = 0;
};

class sim_storage {
 public:
  explicit sim_storage(std::size_t capacity) : slots_(capacity) {}

  std::size_t capacity() const { return slots_.size(); }
  std::size_t used() const;
  bool full() const { return used() == capacity(); }

  // The slot index used, or nothing when the SIM is full.
  std::optional<std::size_t> store(stored_message message);

  // Nothing for an empty slot; `valid_index` tells an empty slot from a bad index.
  const stored_message* at(std::size_t index) const;
  bool valid_index(std::size_t index) const { return index >= 1 && index <= slots_.size(); }
  void mark_read(std::size_t index);

  // AT+CMGL=<stat>: 0-3 as message_stat, 4 for all. In index order.
  std::vector<std::size_t> list(int stat) const;

  // AT+CMGD=<index>,<delflag> (27.005 §3.5.4): 0 that slot; 1 all read; 2 read and sent;
  // 3 read, sent and unsent; 4 all.
  void remove(std::size_t index, int delete_flag);

 private:
  std::vector<std::optional<stored_message>> slots_;
};

}  // namespace siaran::modemsim
