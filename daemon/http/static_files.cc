// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/http/static_files.h"

#include <fstream>
#include <iterator>
#include <map>

#include <fmt/format.h>

namespace siaran::daemon::http {
namespace {

// Only plain names: a segment that is empty, "." or hidden (".git", ".env") is never served.
bool plain_relative_path(std::string_view rest) {
  if (rest.empty()) return false;
  std::size_t start = 0;
  while (start <= rest.size()) {
    const auto slash = rest.find('/', start);
    const auto end = slash == std::string_view::npos ? rest.size() : slash;
    const auto segment = rest.substr(start, end - start);
    if (segment.empty() || segment.front() == '.' || segment.find('\\') != std::string_view::npos) return false;
    start = end + 1;
  }
  return true;
}

response not_found(const std::string& path) { return error_response(404, fmt::format("no such file: {}", path)); }

}  // namespace

std::string content_type_of(const std::filesystem::path& file) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"}, {".map", "application/json"},
      {".svg", "image/svg+xml"}, {".png", "image/png"},
      {".ico", "image/x-icon"}, {".csv", "text/csv; charset=utf-8"},
      {".woff2", "font/woff2"}, {".txt", "text/plain; charset=utf-8"}};
  const auto found = types.find(file.extension().string());
  return found == types.end() ? "application/octet-stream" : found->second;
}

response serve_static(const std::vector<static_root>& roots, const request& req) {
  const std::string_view path = req.path == "/" ? "/index.html" : std::string_view(req.path);
  for (const static_root& root : roots) {
    if (!path.starts_with(root.url_prefix)) continue;
    const auto rest = path.substr(root.url_prefix.size());
    if (!plain_relative_path(rest)) return not_found(req.path);
    const std::filesystem::path file = root.directory / std::filesystem::path(rest);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return not_found(req.path);
    std::ifstream in(file, std::ios::binary);
    if (!in) return not_found(req.path);
    response res;
    res.content_type = content_type_of(file);
    res.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    // Revalidated on each load: a package upgrade must not leave old scripts in the browser.
    res.headers.emplace_back("Cache-Control", "no-cache");
    return res;
  }
  return not_found(req.path);
}

}  // namespace siaran::daemon::http
