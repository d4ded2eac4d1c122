/* untrain-person.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Who the checklist is for, from Untrain's settings: the window, the
 * command line and the reminder all ask the same way.
 */

GSettings *untrain_person_open_settings (void);
char      *untrain_person_get_country   (GSettings *settings);
int        untrain_person_get_age       (GSettings *settings);

G_END_DECLS
