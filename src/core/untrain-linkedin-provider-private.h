/* untrain-linkedin-provider-private.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "untrain-item.h"

G_BEGIN_DECLS

/* What LinkedIn's answers say, read without a request: the provider reads
 * its answers with these, and so do the tests and the fuzz targets, which
 * feed them pages and bodies of their own.
 */

typedef struct
{
  JsonObject *object;       /* the setting object, as on the page */
  JsonNode   *value;        /* its current value */
  JsonNode   *off_value;
  gboolean    is_desired;
} UntrainLinkedinReading;

void                    _untrain_linkedin_reading_free         (UntrainLinkedinReading  *reading);
UntrainLinkedinReading *_untrain_linkedin_read_setting         (GBytes                  *page,
                                                                const UntrainSetting    *setting,
                                                                const char              *page_url,
                                                                GError                 **error);
char                   *_untrain_linkedin_read_profile_name    (GBytes                  *body);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UntrainLinkedinReading, _untrain_linkedin_reading_free)

G_END_DECLS
