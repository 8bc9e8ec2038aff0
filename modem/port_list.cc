// SPDX-License-Identifier: GPL-3.0-or-later
#include "modem/port_list.h"

#include <libserialport.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <system_error>

namespace siaran::modem {
namespace {

std::string text_of(const char* text) { return text ? text : ""; }

std::string transport_name(sp_transport transport) {
  switch (transport) {
    case SP_TRANSPORT_USB:
      return "usb";
    case SP_TRANSPORT_BLUETOOTH:
      return "bluetooth";
    case SP_TRANSPORT_NATIVE:
      break;
  }
  return "native";
}

// /dev/serial/by-id/* links by the device they resolve to: the stable names udev gives USB
// modems, which survive re-plugging into another socket.
std::map<std::string, std::string> by_id_links() {
  std::map<std::string, std::string> links;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator("/dev/serial/by-id", error)) {
    const auto target = std::filesystem::canonical(entry.path(), error);
    if (!error) links.emplace(target.string(), entry.path().string());
  }
  return links;
}

}  // namespace

std::string usb_id(int vid, int pid) {
  char text[16];
  std::snprintf(text, sizeof text, "%04x:%04x", vid & 0xffff, pid & 0xffff);
  return text;
}

std::vector<port_info> list_ports() {
  sp_port** ports = nullptr;
  if (sp_list_ports(&ports) != SP_OK) {
    std::string reason = text_of(sp_last_error_message());
    throw std::runtime_error("cannot list serial ports: " + reason);
  }
  const auto links = by_id_links();
  std::vector<port_info> found;
  for (sp_port** each = ports; *each; ++each) {
    port_info info;
    info.name = text_of(sp_get_port_name(*each));
    info.description = text_of(sp_get_port_description(*each));
    const sp_transport transport = sp_get_port_transport(*each);
    info.transport = transport_name(transport);
    if (transport == SP_TRANSPORT_USB) {
      int vid = 0;
      int pid = 0;
      if (sp_get_port_usb_vid_pid(*each, &vid, &pid) == SP_OK) {
        info.usb_vid = vid;
        info.usb_pid = pid;
      }
      info.manufacturer = text_of(sp_get_port_usb_manufacturer(*each));
      info.product = text_of(sp_get_port_usb_product(*each));
      info.serial_number = text_of(sp_get_port_usb_serial(*each));
    }
    std::error_code error;
    const auto resolved = std::filesystem::canonical(info.name, error);
    if (const auto link = links.find(error ? info.name : resolved.string()); link != links.end()) {
      info.by_id = link->second;
    }
    found.push_back(std::move(info));
  }
  sp_free_port_list(ports);
  return found;
}

}  // namespace siaran::modem
