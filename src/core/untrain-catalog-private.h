/* untrain-catalog-private.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Helpers for reading catalog JSON. @where names the file and the path to
 * the object ("linkedin.json: items[2]") so that every error names the file
 * and the field.
 */
gboolean _untrain_json_get_string  (JsonObject  *object,
                                    const char  *where,
                                    const char  *member,
                                    gboolean     required,
                                    const char **value,
                                    GError     **error);
gboolean _untrain_json_get_array   (JsonObject  *object,
                                    const char  *where,
                                    const char  *member,
                                    gboolean     required,
                                    JsonArray  **value,
                                    GError     **error);
gboolean _untrain_json_get_strv    (JsonObject  *object,
                                    const char  *where,
                                    const char  *member,
                                    gboolean     required,
                                    char      ***value,
                                    GError     **error);
gboolean _untrain_json_check_id    (const char  *id,
                                    const char  *where,
                                    const char  *member,
                                    GError     **error);
gboolean _untrain_json_check_url   (const char  *url,
                                    const char  *where,
                                    const char  *member,
                                    GError     **error);
gboolean _untrain_json_check_members (JsonObject         *object,
                                      const char         *where,
                                      const char * const *known,
                                      GError            **error);

/* How deep lists and objects may nest in any JSON Untrain reads. */
#define UNTRAIN_JSON_MAX_DEPTH 256

typedef enum
{
  UNTRAIN_JSON_TEXT_OK,
  UNTRAIN_JSON_TEXT_TOO_DEEP,         /* nested deeper than UNTRAIN_JSON_MAX_DEPTH */
  UNTRAIN_JSON_TEXT_SEVERAL_VALUES,   /* a list or an object after a first value */
  UNTRAIN_JSON_TEXT_COMMENT,          /* a comment, which JSON has not */
  UNTRAIN_JSON_TEXT_BAD_ESCAPE,       /* an escape in a string that JSON has not */
} UntrainJsonText;

UntrainJsonText _untrain_json_check_text      (const char *text,
                                               gssize      length);
UntrainJsonText _untrain_json_check_text_full (const char *text,
                                               gssize      length,
                                               guint      *out_depth);

G_END_DECLS
