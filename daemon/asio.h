#pragma once

// The one way daemon/ includes Boost.Asio. Include this instead of any boost/asio header.
//  - Boost 1.74's asio/awaitable.hpp uses std::exchange without including <utility>.
//  - Boost 1.74 enables co_await for clang only with <experimental/coroutine>, which
//    libstdc++ 12 does not ship; clang 14 has C++20 coroutines and <coroutine>, so say so.
// Asio is heavy to compile (two-core build machine): include this only in .cc files.

#include <utility>

#if defined(__clang__) && defined(__cpp_impl_coroutine) && !defined(BOOST_ASIO_HAS_CO_AWAIT)
#if __has_include(<coroutine>)
#define BOOST_ASIO_HAS_CO_AWAIT 1
#endif
#endif

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace siaran {
namespace asio = boost::asio;
}  // namespace siaran
