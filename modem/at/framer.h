// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace siaran::at {

// What the framer found in the byte stream.
enum class frame_kind {
  line,     // one line without its terminator; never empty
  prompt,   // the "> " that AT+CMGS waits for (arrives without a line end)
  pdu,      // the hex line that follows a "+CMT:"/"+CDS:" header line
  garbage,  // an overlong line, dropped; `text` holds only its beginning, for the log
};

struct frame {
  frame_kind kind;
  std::string text;

  friend bool operator==(const frame&, const frame&) = default;
};

// Splits the bytes a modem sends into frames (the "syntax" half of ofono's gatchat): pure, no
// I/O, fed arbitrary chunks, and the same bytes give the same frames however they are split.
// Modems end lines with "\r\n", a bare "\r" or a bare "\n"; empty lines are skipped. Every
// byte value is accepted (NUL, >= 0x80): a garbage line is just a line.
class framer {
 public:
  // A line without a terminator is cut off here: the buffer never grows past this. The
  // longest legitimate line is a +CMGL/+CMGR PDU line (176 octets = 352 hex digits).
  static constexpr std::size_t max_line_bytes = 4096;
  // How much of an overlong line a garbage frame keeps, for the log.
  static constexpr std::size_t garbage_sample_bytes = 64;

  // `pdu_prefixes`: header lines after which the next line is a PDU (27.005 §3.4.1: +CMT
  // and +CDS in PDU mode carry the PDU on the following line).
  explicit framer(std::vector<std::string> pdu_prefixes = {"+CMT:", "+CDS:"});

  // Appends the frames completed by `bytes` to `out`.
  void feed(std::string_view bytes, std::vector<frame>& out);
  std::vector<frame> feed(std::string_view bytes);

  // Forgets a partial line and the PDU-follows state (the channel drains before a resync).
  void reset();

 private:
  void end_line(std::vector<frame>& out);
  bool starts_pdu(std::string_view line) const;

  std::vector<std::string> pdu_prefixes_;
  std::string line_;
  bool discarding_ = false;     // inside an overlong line, until its terminator
  bool after_prompt_ = false;   // a '>' was just reported; swallow the space after it
  bool pdu_follows_ = false;    // the last line was a +CMT:/+CDS: header
};

}  // namespace siaran::at
