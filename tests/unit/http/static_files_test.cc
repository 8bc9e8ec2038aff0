// SPDX-License-Identifier: GPL-3.0-or-later
// The web UI's files (serve_static): what is served from which directory, and every way of
// asking for something else that must answer 404. The request target's ".." and NUL never get
// this far (target_test.cc); these are the names that decode cleanly.

#include "daemon/http/static_files.h"

#include <catch2/catch.hpp>

#include <filesystem>

#include "tests/support/temp_dir.h"

namespace http = siaran::daemon::http;
using siaran::test::temp_dir;

namespace {

// web/ with an index, a script and a hidden file; vendor/ beside it; a secret outside both.
struct web_tree {
  temp_dir dir;
  std::vector<http::static_root> roots;

  web_tree() {
    std::filesystem::create_directories(dir.path() / "web" / "js");
    std::filesystem::create_directories(dir.path() / "vendor" / "css");
    dir.write("web/index.html", "<!doctype html><title>Siaran</title>");
    dir.write("web/js/app.js", "export const ok = true;");
    dir.write("web/.env", "SECRET=1");
    dir.write("web/js/.hidden.js", "hidden");
    dir.write("vendor/css/bootstrap.min.css", "body{}");
    dir.write("secret", "not for the web");
    roots = {{"/vendor/bootstrap5/", dir.path() / "vendor"}, {"/", dir.path() / "web"}};
  }

  http::response get(std::string path) const {
    http::request req;
    req.method = "GET";
    req.path = std::move(path);
    return http::serve_static(roots, req);
  }
};

}  // namespace

TEST_CASE("'/' serves index.html as HTML, revalidated on every load") {
  web_tree web;
  const auto r = web.get("/");
  CHECK(r.status == 200);
  CHECK(r.body == "<!doctype html><title>Siaran</title>");
  CHECK(r.content_type == "text/html; charset=utf-8");
  CHECK(r.headers == std::vector<std::pair<std::string, std::string>>{{"Cache-Control", "no-cache"}});
}

TEST_CASE("a file under a vendor prefix comes from that prefix's directory") {
  web_tree web;
  const auto r = web.get("/vendor/bootstrap5/css/bootstrap.min.css");
  CHECK(r.status == 200);
  CHECK(r.body == "body{}");
  CHECK(r.content_type == "text/css; charset=utf-8");
  CHECK(web.get("/js/app.js").body == "export const ok = true;");
}

TEST_CASE("hidden files, directories and missing files answer 404 with a JSON error") {
  web_tree web;
  for (const char* path : {"/.env", "/js/.hidden.js", "/js/", "/js", "/js//app.js", "/nothing.html",
                           "/vendor/bootstrap5/", "/vendor/bootstrap5/css"}) {
    INFO(path);
    const auto r = web.get(path);
    CHECK(r.status == 404);
    CHECK(r.content_type == "application/json");
  }
}

TEST_CASE("names that would leave the directories answer 404, whatever is outside") {
  web_tree web;
  // What decode_target lets through: empty segments, backslashes, dotted names.
  for (const char* path : {"//etc/passwd", "//secret", "/..\\secret", "/js/..\\..\\secret", "/.../secret",
                           "/vendor/bootstrap5//secret", "/vendor/bootstrap5/.\\..\\secret", "/./index.html"}) {
    INFO(path);
    const auto r = web.get(path);
    CHECK(r.status == 404);
    CHECK(r.body.find("not for the web") == std::string::npos);
  }
}

TEST_CASE("content types follow the extension, unknown ones are octet-stream") {
  CHECK(http::content_type_of("a/app.js") == "text/javascript; charset=utf-8");
  CHECK(http::content_type_of("app.mjs") == "text/javascript; charset=utf-8");
  CHECK(http::content_type_of("chart.umd.js.map") == "application/json");
  CHECK(http::content_type_of("logo.svg") == "image/svg+xml");
  CHECK(http::content_type_of("font.woff2") == "font/woff2");
  CHECK(http::content_type_of("kontak.csv") == "text/csv; charset=utf-8");
  CHECK(http::content_type_of("archive.tar.gz") == "application/octet-stream");
  CHECK(http::content_type_of("Makefile") == "application/octet-stream");
}
