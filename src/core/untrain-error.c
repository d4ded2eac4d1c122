/* untrain-error.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "untrain-error.h"

G_DEFINE_QUARK (untrain-error-quark, untrain_error)
