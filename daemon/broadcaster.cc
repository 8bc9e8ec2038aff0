#include "daemon/broadcaster.h"

namespace siaran::daemon {

broadcaster::broadcaster(queue::store& store, queue::contact_book& contacts, queue::broadcast_book& broadcasts,
                         dispatcher& dispatch, broadcaster_settings settings)
    : store_(store), contacts_(contacts), broadcasts_(broadcasts), dispatch_(dispatch), settings_(std::move(settings)) {}

}  // namespace siaran::daemon
