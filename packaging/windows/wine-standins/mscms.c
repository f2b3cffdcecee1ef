/* Test scaffolding for running jpbrief under Wine 8 ONLY; never bundled (wine_build.py checks).
 *
 * Qt 6.12's windows platform plugin imports mscms.dll!WcsCreateIccProfile (Windows 7+). Wine 8
 * exports it only as a stub that raises an unimplemented-function exception when called. This
 * stand-in answers that no ICC profile can be made and forwards every other export to Wine's
 * own mscms, copied beside it as mscms_wine.dll (wine_build.py generates the forwards from
 * that file's exports, and loads this one first with WINEDLLOVERRIDES=mscms=n).
 */
#include <windows.h>

__declspec(dllexport) HANDLE WINAPI WcsCreateIccProfile(HANDLE profile, DWORD options) {
    (void)profile;
    (void)options;
    SetLastError(ERROR_NOT_SUPPORTED);
    return NULL;
}
