/* Calls each Wine stand-in once, inside the prefix, before anything relies on them:
 * wine_build.py builds it against the stand-ins and fails the build if it does not print OK.
 * Test scaffolding only, like the stand-ins.
 */
#include <windows.h>
#include <stdio.h>

void *ucnv_open(const char *name, int *err);
int ucnv_countAvailable(void);
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size);
HANDLE WINAPI WcsCreateIccProfile(HANDLE profile, DWORD options);
BOOL WINAPI GetColorDirectoryW(PCWSTR machine, PWSTR buffer, PDWORD size);

int main(void) {
    int err = 0;
    void *converter = ucnv_open("Shift_JIS", &err);
    BYTE random[32] = {0};
    BOOL filled = ProcessPrng(random, sizeof(random));
    int nonzero = 0;
    for (size_t i = 0; i < sizeof(random); i++) nonzero += random[i] != 0;
    HANDLE profile = WcsCreateIccProfile(NULL, 0);
    WCHAR folder[MAX_PATH];
    DWORD size = sizeof(folder);
    BOOL forwarded = GetColorDirectoryW(NULL, folder, &size);
    printf("icuuc: ucnv_open=%p err=%d available=%d\n", converter, err, ucnv_countAvailable());
    printf("bcryptprimitives: ProcessPrng=%d nonzero=%d\n", filled, nonzero);
    printf("mscms: WcsCreateIccProfile=%p GetColorDirectoryW(forwarded)=%d\n", profile, forwarded);
    int ok = converter == NULL && err > 0 && filled && nonzero > 8 && profile == NULL && forwarded;
    printf("%s\n", ok ? "OK" : "FAILED");
    return ok ? 0 : 1;
}
