// SPDX-License-Identifier: GPL-3.0-or-later
#include "queue/states.h"

#include <array>
#include <string>
#include <utility>

#include "queue/store_error.h"

namespace siaran::queue {
namespace {

constexpr std::array<std::pair<part_state, std::string_view>, 7> names = {{
    {part_state::queued, "queued"},
    {part_state::sending, "sending"},
    {part_state::sent, "sent"},
    {part_state::delivered, "delivered"},
    {part_state::failed, "failed"},
    {part_state::uncertain, "uncertain"},
    {part_state::cancelled, "cancelled"},
}};

}  // namespace

std::string_view to_string(part_state state) {
  for (const auto& [value, name] : names) {
    if (value == state) return name;
  }
  return "unknown";
}

part_state part_state_from(std::string_view name) {
  for (const auto& [value, text] : names) {
    if (text == name) return value;
  }
  throw store_error("reading a state: \"" + std::string(name) + "\" is not a message state");
}

std::string_view to_string(send_via via) {
  switch (via) {
    case send_via::smpp: return "smpp";
    case send_via::automatic: return "auto";
    case send_via::modem: break;
  }
  return "modem";
}

send_via send_via_from(std::string_view name) {
  for (const send_via via : {send_via::modem, send_via::smpp, send_via::automatic}) {
    if (to_string(via) == name) return via;
  }
  throw store_error("reading a channel choice: \"" + std::string(name) + "\" is not modem, smpp or auto");
}

}  // namespace siaran::queue
