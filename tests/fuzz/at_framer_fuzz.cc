// SPDX-License-Identifier: GPL-3.0-or-later
// Arbitrary bytes in arbitrary chunks into the AT framer, then every line into the result-code
// table, the URC registry and the response parsers. The first byte chooses the chunk sizes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "modem/at/framer.h"
#include "modem/at/response_parsers.h"
#include "modem/at/result_code.h"
#include "modem/at/urc_registry.h"
#include "modem/at/ussd_parsers.h"

using namespace siaran::at;

namespace {

void parse_everything(std::string_view line, const urc_registry& urcs) {
  (void)parse_final_result(line);
  (void)urcs.match(line);
  (void)parse_message_reference(line);
  (void)parse_storage_index(line);
  (void)parse_registration(line, true);
  (void)parse_registration(line, false);
  (void)parse_csq(line);
  (void)parse_cpms_supported(line);
  (void)parse_cpms_current(line);
  (void)parse_cpms_set(line);
  (void)parse_cpin(line);
  (void)parse_csms(line);
  (void)parse_csca(line);
  (void)parse_cops(line);
  (void)parse_cmgl_header(line);
  (void)parse_cmgr_header(line);
  (void)parse_cusd(line);
}

// Identity answers are read from the whole answer, not one line.
void parse_identities(const std::vector<std::string>& lines) {
  (void)parse_manufacturer(lines);
  (void)parse_model(lines);
  (void)parse_revision(lines);
  (void)parse_imei(lines);
  (void)parse_imsi(lines);
  (void)message_reference_in(lines);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const urc_registry urcs = urc_registry::standard();
  const std::size_t chunk = 1 + data[0] % 17;
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);

  framer chunked(urcs.pdu_prefixes());
  std::vector<frame> pieces;
  for (std::size_t at = 0; at < bytes.size(); at += chunk) chunked.feed(bytes.substr(at, chunk), pieces);
  const std::vector<frame> whole = framer(urcs.pdu_prefixes()).feed(bytes);
  if (pieces != whole) __builtin_trap();  // chunking must never change the frames

  std::vector<std::string> lines;
  cusd_lines ussd;  // a +CUSD answer spans the lines after it
  for (const frame& f : whole) {
    if (f.text.size() > framer::max_line_bytes) __builtin_trap();
    parse_everything(f.text, urcs);
    if (const auto answer = ussd.feed(f.text, f.text.starts_with("+CUSD:"))) (void)parse_cusd(*answer);
    lines.emplace_back(f.text);
  }
  parse_identities(lines);
  return 0;
}
