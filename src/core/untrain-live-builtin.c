/* untrain-live-builtin.c
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "untrain-live-module.h"

/* In a program that links the live side (the reminder, the tests), it is
 * there from the start: nothing opens the module.
 */
__attribute__((constructor)) static void
register_live (void)
{
  untrain_live_register (&untrain_live_functions);
}
