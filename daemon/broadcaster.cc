// SPDX-License-Identifier: GPL-3.0-or-later
#include "daemon/broadcaster.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cmath>
#include <set>
#include <span>

#include "daemon/broadcast/template.h"
#include "daemon/compose.h"
#include "sms/codec_error.h"
#include "queue/recipient_key.h"

namespace siaran::daemon {
namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "{" : ", {") + name + "}";
  return out;
}

// The plan's encoding: the one every message shares, or "mixed".
void add_encoding(broadcast_plan& plan, const std::string& encoding) {
  if (plan.encoding.empty())
    plan.encoding = encoding;
  else if (plan.encoding != encoding)
    plan.encoding = "mixed";
}

// Each step of a broadcast queued in steps holds the writer about this long: the dispatcher's
// claims wait no longer than that behind it.
constexpr std::chrono::milliseconds step_budget{20};
// Held parts made due per step: a few milliseconds of index updates.
constexpr int release_step = 2000;

// The broadcast a repeated client_ref names, once it is queued.
std::int64_t queued_earlier(const queue::begun_broadcast& found) {
  if (found.preparing) {
    throw broadcast_in_progress(fmt::format(
        "broadcast {} with this client_ref is still being queued, or failed while being queued; ask again", found.id));
  }
  return found.id;
}

}  // namespace

broadcast::message_template parsed_template(const std::string& text) {
  if (text.empty()) throw broadcast_error("the template is empty");
  try {
    return broadcast::message_template::parse(text);
  } catch (const broadcast::template_error& e) {
    throw broadcast_error(std::string("template: ") + e.what());
  }
}

broadcaster::broadcaster(queue::contact_book& contacts,
                         queue::broadcast_book& broadcasts, std::function<void()> queued,
                         broadcaster_settings settings, concat_reference_allocator& references)
    : contacts_(contacts),
      broadcasts_(broadcasts),
      queued_(std::move(queued)),
      settings_(std::move(settings)),
      zone_(settings_.timezone),
      concat_references_(references) {}

broadcast_plan broadcaster::preview(const broadcast_request& request, queue::timestamp now,
                                    std::size_t samples) {
  // A preview queues nothing, so its references are drawn from an allocator of its own: they
  // would otherwise stay held for every recipient until the messages that were never queued expire.
  concat_reference_allocator unqueued(0);
  return plan(request, now, samples, unqueued).plan;
}

broadcaster::prepared broadcaster::prepare(const broadcast_request& request, queue::timestamp now) {
  planned p = plan(request, now, 3, concat_references_);
  queue::new_broadcast b;
  b.officer_id = request.officer_id;
  b.template_text = request.template_text;
  b.audience_json = request.audience_json;
  b.send_at = request.send_at.value_or(now);
  b.priority = request.priority;
  b.origin = request.origin;
  b.event_id = request.event_id;
  b.created_at = now;
  b.client_ref = request.client_ref;
  b.via = request.via;
  if (!p.messages.empty()) b.sender = p.messages.front().message.sender;
  return {std::move(b), std::move(p.plan), std::move(p.messages)};
}

broadcaster::prepared broadcaster::follow_up(const queue::broadcast_progress& first,
                                             const std::vector<queue::broadcast_recipient>& again,
                                             queue::timestamp now) {
  prepared ready;
  queue::new_broadcast& b = ready.broadcast;
  b.officer_id = first.officer_id;
  b.template_text = first.template_text;
  b.origin = first.origin;
  b.event_id = first.event_id;
  b.send_at = b.created_at = now;
  b.follow_up_of = first.id;
  b.priority = first.priority;  // a reminder that failed for some is as urgent the second time
  b.via = first.via;            // by the same channels, from the same name
  b.sender = first.sender;
  std::vector<std::int64_t> contacts;
  for (const queue::broadcast_recipient& r : again) {
    outgoing_text out;
    out.to = r.to;
    out.text = r.text;
    out.report = settings_.delivery_reports;
    out.priority = first.priority;
    out.now = out.send_at = now;
    out.valid_for = settings_.valid_for;
    composed_message composed = compose(out, concat_references_);
    composed.message.avoid_modem = r.modem;
    composed.message.via = first.via;
    composed.message.sender = first.sender;
    ++ready.plan.recipients;
    ready.plan.parts += static_cast<std::int64_t>(composed.message.parts.size());
    add_encoding(ready.plan, composed.encoding);
    contacts.push_back(r.contact_id);
    ready.messages.push_back({r.contact_id, std::move(composed.message)});
  }
  b.audience_json = fmt::format("{{\"contacts\": [{}]}}", fmt::join(contacts, ", "));
  return ready;
}

std::optional<std::int64_t> broadcaster::earlier(const broadcast_request& request) {
  const auto found = broadcasts_.earlier(request.officer_id, request.client_ref);
  if (!found) return std::nullopt;
  return queued_earlier(*found);
}

created_broadcast broadcaster::commit(prepared&& ready, const writer_steps& on_writer) {
  queue::begun_broadcast begun;
  on_writer([&](queue::broadcast_book& writer) { begun = writer.begin(ready.broadcast); });
  if (begun.repeated) return {queued_earlier(begun), std::move(ready.plan), true};
  const std::int64_t id = begun.id;
  try {
    for (std::span<const queue::broadcast_message> rest(ready.messages); !rest.empty();) {
      std::size_t added = 0;
      on_writer([&](queue::broadcast_book& writer) { added = writer.add(id, rest, step_budget); });
      rest = rest.subspan(added);
    }
    on_writer([&](queue::broadcast_book& writer) { writer.finish(id); });
  } catch (...) {
    discard(id, on_writer);
    throw;
  }
  created_broadcast created{id, std::move(ready.plan)};
  for (std::int64_t released = 1; released > 0;) {
    on_writer([&](queue::broadcast_book& writer) { released = writer.release_held(id, release_step); });
    if (released > 0) queued_();
  }
  queued(created, ready.broadcast.origin);
  return created;
}

// A broadcast that failed part-way (a lock held elsewhere, a full disk) goes now if it can;
// what is left the next start-up deletes.
void broadcaster::discard(std::int64_t id, const writer_steps& on_writer) {
  try {
    on_writer([&](queue::broadcast_book& writer) { writer.discard(id); });
  } catch (const std::exception& e) {
    spdlog::warn("broadcast {} failed while being queued and stays until the next start: {}", id, e.what());
  }
}

void broadcaster::queued(const created_broadcast& created, const std::string& origin) {
  queued_();
  spdlog::info("broadcast {} ({}) queued: {} recipients, {} parts, {}", created.id, origin, created.plan.recipients,
               created.plan.parts, created.plan.encoding);
}

broadcaster::planned broadcaster::plan(const broadcast_request& request, queue::timestamp now,
                                       std::size_t samples, concat_reference_allocator& references) {
  const broadcast::message_template text = parsed_template(request.template_text);
  std::optional<broadcast::registered_sender> sender;
  const std::string tag = sender_tag(request, sender);
  std::vector<queue::contact> audience = resolve(request.audience);
  if (const auto unknown = broadcast::unknown_placeholders(text, audience, request.extra_values);
      !unknown.empty()) {
    throw broadcast_error("unknown placeholder" + std::string(unknown.size() > 1 ? "s " : " ") +
                          joined(unknown));
  }

  const queue::timestamp send_at = request.send_at.value_or(now);
  const schedule::local_time local = zone_.to_local(send_at);
  const std::string date = schedule::format_date_id(local.date);
  const std::string time = schedule::format_time_id(local.hour, local.minute);

  planned p;
  double cost = 0;
  std::set<std::string> numbers;
  for (const queue::contact& c : audience) {
    if (c.opted_out) {
      ++p.plan.skipped_opted_out;
      continue;
    }
    if (!numbers.insert(queue::recipient_key(c.phone)).second) {
      ++p.plan.skipped_duplicates;
      continue;
    }
    outgoing_text out;
    out.to = c.phone;
    out.text = with_sender_tag(text.render({c, request.extra_values, date, time}), tag);
    out.priority = request.priority;
    out.now = now;
    out.send_at = send_at;
    out.valid_for = settings_.valid_for;
    out.report = settings_.delivery_reports;
    composed_message composed;
    try {
      composed = compose(out, references);
    } catch (const sms::codec_error& e) {
      throw broadcast_error(
          fmt::format("the message to contact {} cannot be encoded: {}", c.id, e.what()));
    }
    composed.message.via = request.via;
    if (sender) composed.message.sender = sender->name;
    const int parts = static_cast<int>(composed.message.parts.size());
    if (parts > max_parts_per_message) {
      throw broadcast_error(
          fmt::format("the message to contact {} takes {} SMS parts; at most {} are sent: shorten "
                      "the template",
                      c.id, parts, max_parts_per_message));
    }
    ++p.plan.recipients;
    p.plan.parts += parts;
    // A masked one costs what its bind charges; `auto` may go either way, and is counted so too.
    const double part_price =
        sender ? settings_.prices.price(sender->bind_id, c.phone) : settings_.prices.likely_price(c.phone);
    cost += parts * part_price;
    add_encoding(p.plan, composed.encoding);
    if (p.plan.samples.size() < samples)
      p.plan.samples.push_back({c.id, c.phone, out.text, composed.encoding, parts});
    p.messages.push_back({c.id, std::move(composed.message)});
  }
  p.plan.cost_estimate = std::llround(cost);
  if (p.plan.recipients == 0) {
    throw broadcast_error(
        fmt::format("nobody to send to: the audience has {} contacts, {} opted out",
                    audience.size(), p.plan.skipped_opted_out));
  }
  return p;
}

std::string broadcaster::sender_tag(const broadcast_request& request,
                                    std::optional<broadcast::registered_sender>& sender) {
  std::optional<queue::officer> officer;
  if (request.officer_id) {
    officer = contacts_.find_officer(*request.officer_id);
    if (!officer) throw broadcast_error(fmt::format("unknown officer {}", *request.officer_id));
  }
  std::string tag = officer ? officer->sender_tag : std::string();
  if (request.via == queue::send_via::modem) {
    if (request.sender) throw broadcast_error("sender: applies only to a broadcast via smpp or auto");
    return tag;
  }
  try {
    const auto& wanted = request.sender ? request.sender : officer ? officer->default_sender : std::nullopt;
    sender = broadcast::choose_sender(settings_.senders, wanted);
    if (sender->reply_number) tag += (tag.empty() ? "" : "\n") + broadcast::reply_line(*sender->reply_number);
  } catch (const std::invalid_argument& e) {
    throw broadcast_error(std::string("via ") + std::string(queue::to_string(request.via)) + ": " + e.what());
  }
  return tag;
}

// Unknown ids are the request's mistake (422, naming them all), not the store's; so is an
// archived group, which is no longer an audience (a plan naming it is reported, not emptied).
std::vector<queue::contact> broadcaster::resolve(const queue::audience& audience) {
  std::vector<std::string> unknown;
  for (const std::int64_t id : audience.groups) {
    const auto group = contacts_.find_group(id);
    if (!group) unknown.push_back(fmt::format("group {}", id));
    if (group && group->archived_at) unknown.push_back(fmt::format("group {} ('{}' is archived)", id, group->name));
  }
  for (const std::int64_t id : audience.contacts) {
    if (!contacts_.find(id)) unknown.push_back(fmt::format("contact {}", id));
  }
  if (!unknown.empty()) throw broadcast_error(fmt::format("unknown {}", fmt::join(unknown, ", ")));
  return contacts_.resolve(audience);
}

}  // namespace siaran::daemon
