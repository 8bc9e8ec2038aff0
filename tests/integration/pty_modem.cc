// SPDX-License-Identifier: GPL-3.0-or-later
#include "pty_modem.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <stdexcept>

namespace siaran::test {

pty_pair::pty_pair() {
  master_ = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (master_ < 0 || grantpt(master_) != 0 || unlockpt(master_) != 0) {
    throw std::runtime_error("cannot open a pseudo-terminal");
  }
  slave_path_ = ptsname(master_);
}

pty_pair::~pty_pair() { close_master(); }

void pty_pair::close_master() {
  if (master_ >= 0) ::close(master_);
  master_ = -1;
}

mini_modem::mini_modem(int master, std::map<std::string, std::string> answers, bool silent)
    : master_(master), answers_(std::move(answers)), silent_(silent), thread_([this] { serve(); }) {}

mini_modem::~mini_modem() {
  stop_ = true;
  thread_.join();
}

std::vector<std::string> mini_modem::commands() const {
  std::lock_guard lock(mutex_);
  return commands_;
}

void mini_modem::serve() {
  std::string buffer;
  while (!stop_) {
    pollfd watch{master_, POLLIN, 0};
    if (poll(&watch, 1, 50) <= 0) continue;
    char chunk[256];
    const ssize_t count = ::read(master_, chunk, sizeof chunk);
    if (count <= 0) continue;  // EIO while nobody has the slave open
    buffer.append(chunk, static_cast<std::size_t>(count));
    for (std::size_t end; (end = buffer.find('\r')) != std::string::npos;) {
      const std::string command = buffer.substr(0, end);
      buffer.erase(0, end + 1);
      while (!buffer.empty() && buffer.front() == '\n') buffer.erase(0, 1);
      {
        std::lock_guard lock(mutex_);
        commands_.push_back(command);
      }
      if (silent_) continue;
      const auto found = answers_.find(command);
      std::string answer = found == answers_.end() ? "\r\nERROR\r\n"
                           : found->second.empty() ? "\r\nOK\r\n"
                                                   : "\r\n" + found->second + "\r\n\r\nOK\r\n";
      if (::write(master_, answer.data(), answer.size()) < 0) return;
    }
  }
}

std::map<std::string, std::string> mini_modem::huawei_e173() {
  return {
      {"AT", ""},
      {"ATZ", ""},
      {"ATE0", ""},
      {"AT+CMEE=1", ""},
      {"AT+CGMI", "huawei"},
      {"AT+CGMM", "E173"},
      {"AT+CGMR", "11.126.85.00.209"},
      {"AT+CGSN", "356789012345678"},
      {"AT+CIMI", "510101234567890"},
      {"AT+COPS=3,0", ""},
      {"AT+COPS?", "+COPS: 0,0,\"TELKOMSEL\",2"},
      {"AT+CSCA?", "+CSCA: \"+6281100000\",145"},
      {"AT+CSQ", "+CSQ: 18,99"},
      {"AT+CPIN?", "+CPIN: READY"},
      {"AT+CREG?", "+CREG: 0,1"},
      {"AT+CMGF=0", ""},
      {"AT+CMMS=2", ""},
      {"AT^CURC=0", ""},
      {"AT+CSMS?", "+CSMS: 0,1,1,1"},
      {"AT+CPMS=?", "+CPMS: (\"ME\",\"MT\",\"SM\",\"SR\"),(\"ME\",\"MT\",\"SM\",\"SR\"),(\"ME\",\"MT\",\"SM\",\"SR\")"},
      {"AT+CPMS=\"SM\",\"SM\",\"SM\"", "+CPMS: 2,10,2,10,2,10"},
      {"AT+CPMS?", "+CPMS: \"SM\",2,10,\"SM\",2,10,\"SM\",2,10"},
      {"AT+CNMI=2,1,2,1,0", ""},
      {"AT+CMGL=4", ""},
  };
}

}  // namespace siaran::test
