// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one header that brings in Boost.Asio, for the code that does I/O (modem/, smpp/, daemon/);
// pure code (framer, parsers, codec) never includes it, which keeps the two-core build quick.
// Include it only in .cc files.
//
// Boost 1.74's boost/asio/awaitable.hpp uses std::exchange without including <utility>.
#include <utility>

// Boost 1.74 only enables co_await for clang through the Coroutines TS (<experimental/coroutine>,
// libc++); clang 14 with libstdc++ 12 has C++20 coroutines, which Asio then uses as it does on g++.
#if defined(__clang__) && !defined(BOOST_ASIO_HAS_CO_AWAIT) && defined(__cpp_impl_coroutine) && \
    __has_include(<coroutine>)
#define BOOST_ASIO_HAS_CO_AWAIT 1
#endif

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/serial_port.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

namespace siaran {
namespace asio = boost::asio;
}  // namespace siaran
