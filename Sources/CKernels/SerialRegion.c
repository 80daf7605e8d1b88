#include "CKernels.h"

/* Per-thread nesting depth of serial regions (see CKernels.h). */
static _Thread_local int serial_depth;

void ck_serial_begin(void) { serial_depth++; }

void ck_serial_end(void) { serial_depth--; }

int ck_serial(void) { return serial_depth > 0; }
