/* untrain-autostart.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Whether the reminder starts when the person logs in: an XDG autostart
 * file, io.github.untrain.Untrain.Reminder.desktop in
 * $XDG_CONFIG_HOME/autostart. Inside Flatpak the file would name a
 * program the session cannot see, so it is not written there: the caller
 * asks the Background portal instead.
 */

#define UNTRAIN_AUTOSTART_FILE_NAME "io.github.untrain.Untrain.Reminder.desktop"

gboolean  untrain_autostart_is_sandboxed  (void);
GFile    *untrain_autostart_get_file      (void);
gboolean  untrain_autostart_is_enabled    (void);
gboolean  untrain_autostart_set_enabled   (gboolean   enabled,
                                           GError   **error);

G_END_DECLS
