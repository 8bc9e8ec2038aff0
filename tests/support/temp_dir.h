// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A fresh directory under $TMPDIR (or /tmp), removed with everything in it at scope exit.

#include <filesystem>
#include <string_view>

namespace siaran::test {

class temp_dir {
 public:
  temp_dir();
  ~temp_dir();
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // Writes `text` to path()/name, replacing the file; returns its path.
  std::filesystem::path write(std::string_view name, std::string_view text) const;

 private:
  std::filesystem::path path_;
};

}  // namespace siaran::test
