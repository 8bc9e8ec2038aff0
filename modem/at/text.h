// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/ascii.h"

namespace siaran::at {

// Blanks around AT lines carry no meaning (Wavecom pads information text with a leading space).
using common::trim;

}  // namespace siaran::at
