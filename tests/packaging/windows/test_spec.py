from __future__ import annotations

from pathlib import Path

import pytest

from tests.packaging.scripts import PACKAGING, REPO, load
from tests.packaging.windows.conftest import (
    SPEC,
    SpecRun,
    fake_vlc,
    lay_out_bundle,
    run_spec,
)

rthook_vlc = load("windows/rthook_vlc.py")


def test_spec_and_hook_are_valid_python() -> None:
    for path in (SPEC, PACKAGING / "windows" / "rthook_vlc.py"):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")


def test_one_folder_gui_build_named_silverreel(spec_run: SpecRun) -> None:
    assert spec_run.exe.kwargs["name"] == "silverreel"
    assert spec_run.exe.kwargs["exclude_binaries"] is True  # one folder, not one file
    assert spec_run.exe.kwargs["console"] is False
    assert spec_run.exe.kwargs["contents_directory"] == "_internal"
    assert spec_run.collect.kwargs["name"] == "silverreel"
    assert spec_run.analysis.args[0] == [str(REPO / "player" / "__main__.py")]
    assert "pyttsx3.drivers.sapi5" in spec_run.analysis.kwargs["hiddenimports"]


def test_the_vlc_hook_runs_before_the_app(spec_run: SpecRun) -> None:
    hooks = [Path(hook) for hook in spec_run.analysis.kwargs["runtime_hooks"]]
    assert hooks == [PACKAGING / "windows" / "rthook_vlc.py"]
    assert hooks[0].is_file()


def test_bundled_layout_is_what_the_hook_looks_for(spec_run: SpecRun, tmp_path: Path) -> None:
    contents = lay_out_bundle(spec_run, tmp_path / "dist" / "silverreel" / "_internal")
    env: dict[str, str] = {}
    assert rthook_vlc.configure_vlc([contents], env) == contents / "vlc"
    assert Path(env["PYTHON_VLC_LIB_PATH"]).is_file()
    assert (contents / "vlc" / "libvlccore.dll").is_file()
    assert (Path(env["PYTHON_VLC_MODULE_PATH"]) / "codec" / "libavcodec_plugin.dll").is_file()
    # The app finds its files beside its modules (player/assets.py) or via the hook.
    assert rthook_vlc.configure_assets([contents], env) == contents / "assets"
    assert list((contents / "assets" / "demo").glob("*/*.mp4"))
    assert list((contents / "assets" / "i18n").glob("*.qm"))
    assert not list((contents / "assets").rglob(".*"))
    assert (contents / "silverreel.ico").is_file()


def test_the_exe_icon_is_a_windows_icon_made_from_the_svg(spec_run: SpecRun) -> None:
    icon = Path(spec_run.exe.kwargs["icon"])
    assert icon.parent == spec_run.workpath
    assert icon.read_bytes()[:4] == b"\x00\x00\x01\x00"


def test_a_missing_vlc_stops_the_build_with_a_plain_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vlc = fake_vlc(tmp_path / "VLC")
    (vlc / "libvlccore.dll").unlink()
    with pytest.raises(SystemExit, match="set VLC_DIR") as raised:
        run_spec(vlc, tmp_path / "build", monkeypatch)
    assert "libvlccore.dll" in str(raised.value)
