#pragma once
// The only header that includes Boost.Asio/Beast. Boost 1.74's awaitable.hpp uses std::exchange
// without including <utility>, which GCC 12 rejects: <utility> must come first.
#include <utility>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace steward::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = boost::asio::ip::tcp;
}  // namespace steward::http
