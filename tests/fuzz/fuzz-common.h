/* fuzz-common.h
 *
 * Copyright 2026 The Untrain developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include <gio/gio.h>

#include "untrain-catalog.h"
#include "untrain-state-store.h"

G_BEGIN_DECLS

/* What libFuzzer calls. */
int          LLVMFuzzerInitialize         (int            *argc,
                                           char         ***argv);
int          LLVMFuzzerTestOneInput       (const uint8_t  *data,
                                           size_t          size);

void         fuzz_init                    (void);
const char  *fuzz_get_scratch_dir         (void);
void         fuzz_empty_scratch_dir       (void);
GFile       *fuzz_write_scratch_file      (const char     *name,
                                           const uint8_t  *data,
                                           size_t          size);
GDateTime   *fuzz_get_now                 (void);

UntrainCatalog    *fuzz_get_builtin_catalog    (void);
UntrainPlatform   *fuzz_get_builtin_platform   (const char     *platform_id);
UntrainStateStore *fuzz_new_empty_state_store  (void);

G_END_DECLS
