// SPDX-License-Identifier: GPL-3.0-or-later
#include "tools/modems_command.h"

#include <algorithm>
#include <array>
#include <ostream>
#include <vector>

#include "tools/api_options.h"
#include "tools/exit_codes.h"

namespace siaran::tools {
namespace {

using nlohmann::json;

constexpr std::string_view usage_text = "usage: siaran modems\n";

using row = std::array<std::string, 7>;
constexpr row header = {"ID", "STATE", "OPERATOR", "SIGNAL", "SENT", "FAILED", "BALANCE"};

std::string cell(const json& modem, const char* key) {
  if (!modem.contains(key) || modem[key].is_null()) return "-";
  return modem[key].is_string() ? modem[key].get<std::string>() : modem[key].dump();
}

// "Rp 25000", "Rp 3000 LOW" below the modem's threshold, "-" before a check named one.
std::string balance(const json& modem) {
  const std::string rupiah = cell(modem, "balance");
  if (rupiah == "-") return rupiah;
  return "Rp " + rupiah + (modem.value("balance_low", false) ? " LOW" : "");
}

row row_of(const json& modem) {
  std::string signal = cell(modem, "signal_dbm");
  if (signal != "-") signal += " dBm";
  std::string state = cell(modem, "state");
  // Why a modem is not ready matters more than a column lined up.
  if (modem.contains("reason") && modem["reason"].is_string() && !modem["reason"].get<std::string>().empty()) {
    state += " (" + modem["reason"].get<std::string>() + ")";
  }
  return {cell(modem, "id"), state, cell(modem, "operator"), signal, cell(modem, "sent"), cell(modem, "failed"),
          balance(modem)};
}

void print_table(const std::vector<row>& rows, std::ostream& out) {
  std::array<std::size_t, header.size()> widths{};
  for (const row& r : rows) {
    for (std::size_t i = 0; i < r.size(); ++i) widths[i] = std::max(widths[i], r[i].size());
  }
  for (const row& r : rows) {
    std::string line;
    for (std::size_t i = 0; i < r.size(); ++i) {
      line += r[i];
      if (i + 1 < r.size()) line += std::string(widths[i] - r[i].size() + 2, ' ');
    }
    out << line << "\n";
  }
}

int modems(std::span<const std::string_view> words, std::ostream& out) {
  arg_cursor args(words);
  api_options options;
  while (args.more()) {
    const std::string_view word = args.next();
    if (!take_api_option(word, args, options)) throw usage_error{"unknown argument '" + std::string(word) + "'"};
  }
  api_client client(resolve_endpoint(options));
  const api_reply reply = client.get("/api/v1/modems");
  const json answer = expect_json(reply);
  if (options.json) {
    out << reply.body << "\n";
    return exit_ok;
  }
  std::vector<row> rows{header};
  for (const json& modem : answer) rows.push_back(row_of(modem));
  print_table(rows, out);
  return exit_ok;
}

}  // namespace

int run_modems_command(std::span<const std::string_view> args, std::ostream& out, std::ostream& err) {
  return run_api_command("siaran modems", usage_text, err, [&] { return modems(args, out); });
}

}  // namespace siaran::tools
