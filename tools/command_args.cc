#include "tools/command_args.h"

#include <charconv>

namespace siaran::tools {

std::string_view arg_cursor::value_of(std::string_view option) {
  if (!more()) throw usage_error{"missing argument for " + std::string(option)};
  return next();
}

long parse_long(std::string_view text, std::string_view what, long minimum, long maximum) {
  long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value < minimum || value > maximum) {
    throw usage_error{std::string(what) + " '" + std::string(text) + "' is not a number from " +
                      std::to_string(minimum) + " to " + std::to_string(maximum)};
  }
  return value;
}

}  // namespace siaran::tools
