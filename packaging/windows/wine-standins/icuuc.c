/* Test scaffolding for running jpbrief under Wine 8 ONLY; never bundled (wine_build.py checks).
 *
 * Windows 10 ships ICU as system32\icuuc.dll and Qt6Core.dll imports its converter API for
 * QStringConverter's non-Unicode codecs. Wine 8 has no icuuc.dll, so Qt6Core would not load.
 * This stand-in reports that no ICU converter exists (ucnv_open fails, ucnv_countAvailable is 0),
 * which makes Qt fall back to its built-in UTF-8/UTF-16/Latin-1 codecs: all jpbrief uses.
 */
#include <stddef.h>
#include <stdint.h>

typedef int32_t UErrorCode;
typedef uint16_t UChar;
#define U_FILE_ACCESS_ERROR 4
#define EXPORT __declspec(dllexport)

static int failed(UErrorCode *err) {
    if (err && *err <= 0) *err = U_FILE_ACCESS_ERROR;
    return 0;
}

static void clear(void **action, const void **context) {
    if (action) *action = NULL;
    if (context) *context = NULL;
}

EXPORT void *ucnv_open(const char *name, UErrorCode *err) { (void)name; failed(err); return NULL; }
EXPORT void ucnv_close(void *cnv) { (void)cnv; }
EXPORT void ucnv_reset(void *cnv) { (void)cnv; }
EXPORT int8_t ucnv_getMaxCharSize(const void *cnv) { (void)cnv; return 1; }
EXPORT const char *ucnv_getName(const void *cnv, UErrorCode *err) { (void)cnv; failed(err); return ""; }
EXPORT void ucnv_getToUCallBack(const void *cnv, void **action, const void **context) {
    (void)cnv;
    clear(action, context);
}
EXPORT void ucnv_getFromUCallBack(const void *cnv, void **action, const void **context) {
    (void)cnv;
    clear(action, context);
}
EXPORT void ucnv_setToUCallBack(void *cnv, void *action, const void *context, void **old_action,
                                const void **old_context, UErrorCode *err) {
    (void)cnv; (void)action; (void)context;
    clear(old_action, old_context);
    failed(err);
}
EXPORT void ucnv_setFromUCallBack(void *cnv, void *action, const void *context, void **old_action,
                                  const void **old_context, UErrorCode *err) {
    (void)cnv; (void)action; (void)context;
    clear(old_action, old_context);
    failed(err);
}
EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length, int32_t offset,
                                  UErrorCode *err) {
    (void)args; (void)source; (void)length; (void)offset; failed(err);
}
EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *limit, int32_t offset,
                                    UErrorCode *err) {
    (void)args; (void)source; (void)limit; (void)offset; failed(err);
}
EXPORT void ucnv_toUnicode(void *cnv, UChar **target, const UChar *target_limit, const char **source,
                           const char *source_limit, int32_t *offsets, int8_t flush, UErrorCode *err) {
    (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets;
    (void)flush; failed(err);
}
EXPORT void ucnv_fromUnicode(void *cnv, char **target, const char *target_limit, const UChar **source,
                             const UChar *source_limit, int32_t *offsets, int8_t flush, UErrorCode *err) {
    (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets;
    (void)flush; failed(err);
}
EXPORT int32_t ucnv_toUCountPending(const void *cnv, UErrorCode *err) { (void)cnv; failed(err); return 0; }
EXPORT int32_t ucnv_fromUCountPending(const void *cnv, UErrorCode *err) { (void)cnv; failed(err); return 0; }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err) {
    (void)name; (void)standard; failed(err); return NULL;
}
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
/* The standard callbacks Qt installs: with no converter they are never called. */
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const UChar *units,
                                            int32_t length, int32_t code_point, int reason, UErrorCode *err) {
    (void)context; (void)args; (void)units; (void)length; (void)code_point; (void)reason; (void)err;
}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *context, void *args, const char *units, int32_t length,
                                          int reason, UErrorCode *err) {
    (void)context; (void)args; (void)units; (void)length; (void)reason; (void)err;
}
