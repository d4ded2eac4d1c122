/* untrain-history.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "untrain-catalog.h"
#include "untrain-state-store.h"
#include "untrain-status.h"

G_BEGIN_DECLS

/* What kind of event a history line records. */
typedef enum
{
  UNTRAIN_HISTORY_READ,       /* a live read of a setting */
  UNTRAIN_HISTORY_CHANGE,     /* Untrain changed a setting (and re-read it) */
  UNTRAIN_HISTORY_CONFIRMED,  /* the person marked an item done */
  UNTRAIN_HISTORY_SUBMITTED,  /* the person sent a form */
  UNTRAIN_HISTORY_ANSWERED,   /* the platform answered a form */
} UntrainHistoryKind;

typedef struct
{
  UntrainHistoryKind  kind;
  char               *platform_id;
  char               *item_id;
  GDateTime          *time;
  UntrainStatus       status;       /* for reads and changes: what was found */
  char               *value;        /* nullable: the wire value, as JSON text */
} UntrainHistoryEntry;

#define UNTRAIN_TYPE_HISTORY (untrain_history_get_type())

G_DECLARE_FINAL_TYPE (UntrainHistory, untrain_history, UNTRAIN, HISTORY, GObject)

UntrainHistory *untrain_history_new              (GFile               *file);
GFile          *untrain_history_get_default_file (void);
gboolean        untrain_history_load             (UntrainHistory      *self,
                                                  GError             **error);
gboolean        untrain_history_append           (UntrainHistory      *self,
                                                  UntrainHistoryKind   kind,
                                                  const char          *platform_id,
                                                  const char          *item_id,
                                                  GDateTime           *time,
                                                  UntrainStatus        status,
                                                  const char          *value,
                                                  GError             **error);
GPtrArray      *untrain_history_get_entries      (UntrainHistory      *self,
                                                  const char          *platform_id,
                                                  const char          *item_id);
gboolean        untrain_history_get_off_since    (UntrainHistory      *self,
                                                  const char          *platform_id,
                                                  const char          *item_id,
                                                  GDateTime          **since,
                                                  guint               *n_verified);
guint           untrain_history_get_n_skipped    (UntrainHistory      *self);
char           *untrain_history_export_html      (UntrainHistory      *self,
                                                  UntrainCatalog      *catalog,
                                                  UntrainStateStore   *store,
                                                  GDateTime           *now);

void            untrain_history_entry_free       (UntrainHistoryEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UntrainHistoryEntry, untrain_history_entry_free)

G_END_DECLS
