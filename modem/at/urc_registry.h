// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace siaran::at {

// One kind of unsolicited result code. A `prefix` ending in ':' matches every line that starts
// with it ("+CMTI: ..."); any other prefix must be the whole line ("RING", "SMS Ready"), so
// "RING" does not swallow "RINGBACK".
struct urc_spec {
  std::string prefix;
  bool pdu_follows = false;  // the next line is the PDU (+CMT, +CDS in PDU mode)
};

// URCs registered by prefix (ofono's g_at_chat_register), so one arriving in the middle of
// another command's response is peeled off instead of taken for part of it.
class urc_registry {
 public:
  // The codes the modems we support send (see standard() in the .cc for who sends what).
  static urc_registry standard();

  void add(urc_spec spec);
  // The spec `line` belongs to, or nullptr. Leading/trailing blanks are ignored.
  const urc_spec* match(std::string_view line) const;
  // The prefixes whose next line is a PDU, for the framer.
  std::vector<std::string> pdu_prefixes() const;

 private:
  std::vector<urc_spec> specs_;
};

}  // namespace siaran::at
