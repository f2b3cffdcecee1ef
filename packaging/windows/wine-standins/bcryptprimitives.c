/* Test scaffolding for running jpbrief under Wine 8 ONLY; never bundled (wine_build.py checks).
 *
 * Rust's standard library (nh3 is Rust) fills its random state with
 * bcryptprimitives.dll!ProcessPrng, which Windows 10+ has and Wine 8 lacks. This stand-in
 * answers from the system RNG through bcrypt.dll's BCryptGenRandom, which Wine does have.
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
    while (size > 0) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0) return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
