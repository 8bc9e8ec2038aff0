// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/http/router.h"

#include <algorithm>

namespace siaran::daemon::http {
namespace {

// "/a/b/" -> {"a", "b", ""}: a trailing slash is a segment of its own, so "/healthz/" is not
// "/healthz" (an empty segment never matches a {name}).
std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> out;
  if (path.starts_with('/')) path.remove_prefix(1);
  if (path.empty()) return out;
  for (;;) {
    const auto slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) return out;
    path.remove_prefix(slash + 1);
  }
}

bool is_parameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

runs_on resolve(runs_on where, std::string_view method) {
  if (where != runs_on::by_method) return where;
  return method == "GET" || method == "HEAD" ? runs_on::reader : runs_on::writer;
}

router router::by_thread(router readers, router writers) {
  router out;
  auto take = [&out](router& from, bool on_reader) {
    for (route& r : from.routes_) {
      if ((resolve(r.options.where, r.method) == runs_on::reader) == on_reader) out.routes_.push_back(std::move(r));
    }
  };
  take(readers, true);
  take(writers, false);
  // Matching takes the first route added: keep the order the routes were added in.
  std::stable_sort(out.routes_.begin(), out.routes_.end(),
                   [](const route& a, const route& b) { return a.order < b.order; });
  out.fallback_ = std::move(readers.fallback_);
  return out;
}

void router::add(std::string method, std::string pattern, handler h, route_options options) {
  std::vector<std::string> segments;
  for (auto segment : split(pattern)) segments.emplace_back(segment);
  routes_.push_back(
      route{std::move(method), std::move(pattern), std::move(segments), std::move(h), options, routes_.size()});
}

bool router::segments_match(const route& r, const std::vector<std::string_view>& path,
                            std::map<std::string, std::string>* params) {
  if (r.segments.size() != path.size()) return false;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const std::string& want = r.segments[i];
    if (is_parameter(want)) {
      if (path[i].empty()) return false;
      if (params != nullptr) (*params)[want.substr(1, want.size() - 2)] = std::string(path[i]);
    } else if (want != path[i]) {
      return false;
    }
  }
  return true;
}

router::match router::find(std::string_view method, std::string_view path) const {
  const auto segments = split(path);
  match found;
  for (const route& r : routes_) {
    std::map<std::string, std::string> params;
    if (!segments_match(r, segments, &params)) continue;
    found.path_known = true;
    if (std::find(found.allowed.begin(), found.allowed.end(), r.method) == found.allowed.end()) {
      found.allowed.push_back(r.method);
    }
    // The first route added wins, so a literal added before a {name} takes precedence.
    if (found.h == nullptr && r.method == method) {
      found.h = &r.h;
      found.pattern = r.pattern;
      found.options = r.options;
      found.params = std::move(params);
    }
  }
  return found;
}

}  // namespace siaran::daemon::http
