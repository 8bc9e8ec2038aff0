#pragma once

namespace siaran::tools {

// Exit codes shared by every `siaran` subcommand.
inline constexpr int exit_ok = 0;
inline constexpr int exit_usage = 2;  // unknown option, missing argument
inline constexpr int exit_data = 65;  // EX_DATAERR: bad hex, malformed PDU, invalid UTF-8

}  // namespace siaran::tools
