#pragma once

namespace siaran::tools {

// Exit codes shared by every `siaran` subcommand.
inline constexpr int exit_ok = 0;
inline constexpr int exit_usage = 2;  // unknown option, missing argument
inline constexpr int exit_data = 65;  // EX_DATAERR: bad hex, malformed PDU, invalid UTF-8
// EX_UNAVAILABLE: a port that cannot be opened, a modem that does not answer.
inline constexpr int exit_unavailable = 69;

}  // namespace siaran::tools
