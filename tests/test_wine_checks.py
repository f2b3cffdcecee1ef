"""The checks ``make package-windows`` applies to the Windows bundle, installer and self-test output."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "packaging" / "windows"))
import wine_checks as checks

GOOD_BUNDLE = [
    "jpbrief.exe",
    r"_internal\python311.dll",
    r"_internal\PySide6\plugins\platforms\qwindows.dll",
    r"_internal\PySide6\plugins\platforms\qoffscreen.dll",
    r"_internal\content\sources.yaml",
    r"_internal\PySide6\Qt6Core.dll",
]


def test_a_complete_bundle_has_no_problems() -> None:
    assert checks.bundle_problems(GOOD_BUNDLE) == []


def test_a_bundle_carrying_a_wine_stand_in_is_refused() -> None:
    problems = checks.bundle_problems(
        [*GOOD_BUNDLE, r"_internal\icuuc.dll", r"_internal\sub\BCRYPTPRIMITIVES.dll"]
    )
    assert problems == [
        "bundles the Wine stand-in icuuc.dll (test scaffolding only)",
        "bundles the Wine stand-in bcryptprimitives.dll (test scaffolding only)",
    ]


def test_files_the_spec_excludes_on_windows_are_refused() -> None:
    problems = checks.bundle_problems(
        [
            *GOOD_BUNDLE,
            r"_internal\PySide6\opengl32sw.dll",
            r"_internal\PySide6\plugins\platforms\qminimal.dll",
        ]
    )
    assert problems == [
        "bundles opengl32sw.dll, which the spec excludes on Windows",
        "bundles qminimal.dll, which the spec excludes on Windows",
    ]


def test_missing_pieces_and_linux_libraries_are_refused() -> None:
    bundle = [p for p in GOOD_BUNDLE if "qwindows" not in p] + ["_internal/libQt6Core.so.6"]
    assert checks.bundle_problems(bundle) == [
        "missing PySide6/plugins/platforms/qwindows.dll",
        "bundles a Linux library _internal/libQt6Core.so.6",
    ]


VERIFIED = """Current message digest    : 03A6
\t\tSubject: /C=US/ST=Oregon/L=Beaverton/O=Python Software Foundation/CN=Python Software Foundation
CRL online verification disabled
Signature verification: ok
Succeeded
"""


def test_a_valid_signature_by_the_expected_signer_passes() -> None:
    assert checks.signature_problems(VERIFIED, 0, "Python Software Foundation") == []


def test_a_valid_signature_by_someone_else_fails() -> None:
    problems = checks.signature_problems(VERIFIED, 0, "Open Source Developer, Martijn Laan")
    assert len(problems) == 1 and "not signed by 'Open Source Developer, Martijn Laan'" in problems[0]


def test_an_unsigned_or_tampered_file_fails() -> None:
    output = "Calculated message digest : 1234\nSignature verification: failed\nFailed\n"
    assert checks.signature_problems(output, 1, "Python Software Foundation") == [
        "osslsigncode exited 1",
        "no valid Authenticode signature",
        "not signed by 'Python Software Foundation' (certificates: [])",
    ]


REG_EXTENSION = """
HKEY_CURRENT_USER\\Software\\Classes\\.jpbpack
    (Default)    REG_SZ    jpbrief.ContentPack

HKEY_CURRENT_USER\\Software\\Classes\\.jpbpack\\OpenWithProgids
"""
REG_COMMAND = """
HKEY_CURRENT_USER\\Software\\Classes\\jpbrief.ContentPack\\shell\\open\\command
    (Default)    REG_SZ    "C:\\users\\root\\AppData\\Local\\Programs\\jpbrief\\jpbrief.exe" "%1"
"""


def test_reg_query_output_is_read_into_values() -> None:
    assert checks.reg_values(REG_EXTENSION) == {"(Default)": "jpbrief.ContentPack"}
    assert checks.reg_values("    jpbrief.ContentPack    REG_SZ    \n") == {"jpbrief.ContentPack": ""}


def test_the_jpbpack_association_opens_jpbrief_with_the_file() -> None:
    assert checks.association_problems(checks.reg_values(REG_EXTENSION), checks.reg_values(REG_COMMAND)) == []


def test_a_missing_or_wrong_association_is_reported() -> None:
    wrong = {"(Default)": '"C:\\Programs\\jpbrief\\jpbrief.exe" read'}
    problems = checks.association_problems({}, wrong)
    assert len(problems) == 2
    assert problems[0] == ".jpbpack maps to None, not 'jpbrief.ContentPack'"
    assert problems[1].startswith("open command is") and "jpbrief.exe\" read'" in problems[1]


PASSED = """ok   window shown: first paint
ok   text renders (reader font): 'DejaVu Serif': 2294 ink pixels for 59 characters, 4189 for missing glyphs
ok   search 'becomes': 2 hits
self-test: 3 passed, 0 failed
"""


def test_a_passing_self_test_is_summarised() -> None:
    summary = checks.self_test_summary(PASSED, 0)
    assert summary["passed"] is True
    assert summary["checks"] == 3
    assert summary["text_render_checks"] == ["text renders (reader font)"]


def test_a_self_test_with_a_failed_check_or_exit_code_fails() -> None:
    failed = PASSED.replace("ok   search", "FAIL search").replace("3 passed, 0 failed", "2 passed, 1 failed")
    assert checks.self_test_summary(failed, 1)["failed"] == ["search 'becomes'"]
    assert checks.self_test_summary(failed, 1)["passed"] is False
    assert checks.self_test_summary(PASSED, 3)["passed"] is False


def test_a_self_test_that_never_checked_text_does_not_pass() -> None:
    """An app older than the text check (or one that crashed before it) proves nothing about fonts."""
    output = "ok   window shown: first paint\nself-test: 1 passed, 0 failed\n"
    assert checks.self_test_summary(output, 0)["passed"] is False


def test_budgets_and_checksums() -> None:
    assert checks.budgets(26.7, 98.0)["setup_mb"]["ok"] is True
    assert checks.budgets(30.1, 110.5) == {
        "setup_mb": {"value": 30.1, "budget": 30, "ok": False},
        "installed_mb": {"value": 110.5, "budget": 110, "ok": False},
    }
    assert checks.sha256sums({"b.exe": "22", "a.exe": "11"}) == "11  a.exe\n22  b.exe\n"


def test_strip_failures_are_counted() -> None:
    log = "WARNING: Failed to run strip on 'a.dll'\nok\nWARNING: Failed to run strip on 'b.dll'\n"
    assert checks.count_strip_failures(log) == 2


OBJDUMP_EXPORTS = """
[Ordinal/Name Pointer] Table
\t[   0] AssociateColorProfileWithDeviceA
\t[   1] OpenColorProfileW

The Function Table (interpreted .pdata section contents)
"""


def test_export_names_are_read_from_objdump() -> None:
    assert checks.export_names(OBJDUMP_EXPORTS) == ["AssociateColorProfileWithDeviceA", "OpenColorProfileW"]
    assert checks.export_names("no export table here") == []


def test_the_mscms_forwarding_target_is_a_stand_in_too() -> None:
    assert checks.bundle_problems([*GOOD_BUNDLE, r"_internal\mscms_wine.dll"]) == [
        "bundles the Wine stand-in mscms_wine.dll (test scaffolding only)"
    ]
