/* untrain-region.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A country of ISO 3166-1: its alpha-2 code and its English short name as
 * iso-codes spells it, which is also the msgid of iso-codes' "iso_3166-1"
 * gettext domain, so untrain_region_get_country_name() returns it translated.
 */
typedef struct
{
  const char *code;
  const char *name;
} UntrainCountry;

const UntrainCountry *untrain_region_get_countries          (gsize       *n_countries);
gboolean              untrain_region_is_country             (const char  *code);
const char           *untrain_region_get_country_name       (const char  *code);
char                 *untrain_region_normalize_country      (const char  *text);

const char * const   *untrain_region_get_groups             (void);
gboolean              untrain_region_is_group               (const char  *group);
const char           *untrain_region_get_group_name         (const char  *group);
gboolean              untrain_region_country_in_group       (const char  *country,
                                                             const char  *group);
gboolean              untrain_region_matches                (const char  *country,
                                                             const char  *code_or_group);

char                 *untrain_region_country_from_locale    (const char  *locale);
char                 *untrain_region_country_from_timezone  (const char  *tzid);
char                 *untrain_region_guess_country          (void);

G_END_DECLS
