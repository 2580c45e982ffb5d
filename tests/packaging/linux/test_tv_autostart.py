from __future__ import annotations

import configparser
from pathlib import Path

import pytest

from tests.packaging.scripts import PACKAGING, load

tv_autostart = load("linux/tv_autostart.py")

TEMPLATE = PACKAGING / "linux" / "silverreel-tv.desktop"


def _env(tmp_path: Path) -> dict[str, str]:
    return {"HOME": str(tmp_path / "home")}


def test_on_installs_the_full_screen_entry_and_off_removes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    env = _env(tmp_path)
    entry = tmp_path / "home" / ".config" / "autostart" / "silverreel-tv.desktop"

    assert tv_autostart.main(["on"], TEMPLATE, env) == 0
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(entry, encoding="utf-8")
    assert parser["Desktop Entry"]["Exec"] == "silverreel --fullscreen"
    assert "已开启" in capsys.readouterr().out

    assert tv_autostart.main(["status"], TEMPLATE, env) == 0
    assert capsys.readouterr().out.startswith("开启 / on")

    assert tv_autostart.main(["off"], TEMPLATE, env) == 0
    assert not entry.exists()
    assert tv_autostart.main(["status"], TEMPLATE, env) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "关闭 / off"
    assert tv_autostart.main(["off"], TEMPLATE, env) == 0  # already off: still fine


def test_xdg_config_home_is_honoured_only_when_absolute(tmp_path: Path) -> None:
    config = tmp_path / "config"
    assert tv_autostart.autostart_dir({"XDG_CONFIG_HOME": str(config), "HOME": "/nowhere"}) \
        == config / "autostart"
    assert tv_autostart.autostart_dir({"XDG_CONFIG_HOME": "relative", "HOME": "/home/li"}) \
        == Path("/home/li/.config/autostart")


def test_a_missing_template_is_a_plain_message_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert tv_autostart.main(["on"], tmp_path / "gone.desktop", _env(tmp_path)) == 1
    message = capsys.readouterr().err
    assert "重新安装" in message
    assert "reinstall" in message


def test_an_unwritable_autostart_folder_is_a_plain_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "home" / ".config"
    config.mkdir(parents=True)
    (config / "autostart").write_text("a file where the folder should be", encoding="utf-8")
    assert tv_autostart.main(["on"], TEMPLATE, _env(tmp_path)) == 1
    assert "无法写入" in capsys.readouterr().err


def test_an_unknown_action_is_refused_by_the_parser(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as raised:
        tv_autostart.main(["maybe"], TEMPLATE, _env(tmp_path))
    assert raised.value.code == 2
