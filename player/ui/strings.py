"""Plain-language sentences for what can go wrong, short enough to read from the sofa."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from player.config.store import SettingsProblemCode
from player.engine.base import ErrorCode
from player.library.problems import ProblemCode


def playback_error(code: ErrorCode) -> str:
    sentences = {
        ErrorCode.MISSING: QCoreApplication.translate("Messages", "找不到这一集的文件。"),
        ErrorCode.EMPTY: QCoreApplication.translate("Messages", "这一集的文件是空的，无法播放。"),
        ErrorCode.UNPLAYABLE: QCoreApplication.translate(
            "Messages", "这一集的文件打不开，可能已损坏。"
        ),
        ErrorCode.INCOMPLETE: QCoreApplication.translate(
            "Messages", "这一集的文件不完整，只能播放一部分。"
        ),
        ErrorCode.STREAM: QCoreApplication.translate("Messages", "网络上的这一集打不开。"),
        ErrorCode.TIMEOUT: QCoreApplication.translate("Messages", "这一集打开太慢，已停止。"),
    }
    return sentences[code]


def settings_problem(code: str) -> str:
    sentences: dict[str, str] = {
        SettingsProblemCode.CORRUPT_FILE: QCoreApplication.translate(
            "Messages", "设置文件已损坏，已恢复默认设置，原文件已备份。"
        ),
        SettingsProblemCode.UNREADABLE_FILE: QCoreApplication.translate(
            "Messages", "设置文件读不出来，已使用默认设置。"
        ),
        SettingsProblemCode.INVALID_VALUE: QCoreApplication.translate(
            "Messages", "有的设置不正确，已改回默认值。"
        ),
        SettingsProblemCode.UNKNOWN_KEY: QCoreApplication.translate(
            "Messages", "设置文件里有不认识的项目，已忽略。"
        ),
        SettingsProblemCode.NEWER_VERSION: QCoreApplication.translate(
            "Messages", "设置文件来自更新的版本，部分设置可能没有用上。"
        ),
        SettingsProblemCode.SAVE_FAILED: QCoreApplication.translate(
            "Messages", "设置没能保存，请检查磁盘空间。"
        ),
    }
    return sentences.get(
        code, QCoreApplication.translate("Messages", "设置有问题，已使用默认设置。")
    )


def library_problems(problems: list[tuple[str, str]]) -> str | None:
    """One short sentence about what was skipped in the library, or None if all was fine.

    ``problems`` are (code, where) pairs from the library's sources.
    """
    if not problems:
        return None
    network = {ProblemCode.TIMEOUT, ProblemCode.UNREACHABLE, ProblemCode.HTTP_ERROR}
    refused = [w for code, w in problems if code == ProblemCode.REFUSED_LOCAL]
    if refused:
        return QCoreApplication.translate(
            "Messages", "网上的片单指向了本机文件，已拒绝打开这些文件。")
    if any(code == ProblemCode.REFUSED_PRIVATE for code, _ in problems):
        return QCoreApplication.translate(
            "Messages", "网上的片单指向了家里的设备，已拒绝打开；其余剧集可以正常看。")
    if any(code == ProblemCode.CAPPED for code, _ in problems):
        return QCoreApplication.translate(
            "Messages", "有的片单剧集太多，只列出了前面的部分；其余剧集可以正常看。")
    if all(code in network for code, _ in problems):
        return QCoreApplication.translate(
            "Messages", "有的网上片源连不上，请检查网络；其余剧集可以正常看。")
    # Single files that were passed over are named to the family in 家人设置 (片源 → 问题),
    # not on the viewer's screen: the viewer can do nothing about them.
    return None


def problem_line(code: str, where: str) -> str:
    """One problem of a source for the family, naming the file: "第2集.mp4：文件是空的"."""
    sentences: dict[str, str] = {
        ProblemCode.MISSING: QCoreApplication.translate(
            "Messages", "找不到"),
        ProblemCode.UNREADABLE: QCoreApplication.translate(
            "Messages", "读不出来"),
        ProblemCode.EMPTY: QCoreApplication.translate(
            "Messages", "里面没有能播放的剧集"),
        ProblemCode.ZERO_BYTE: QCoreApplication.translate(
            "Messages", "文件是空的（0 字节），可能没复制完"),
        ProblemCode.UNSUPPORTED: QCoreApplication.translate(
            "Messages", "不是能播放的文件类型"),
        ProblemCode.TOO_LARGE: QCoreApplication.translate(
            "Messages", "文件太大，没有读"),
        ProblemCode.BAD_LINE: QCoreApplication.translate(
            "Messages", "有一行看不懂，已跳过"),
        ProblemCode.BAD_JSON: QCoreApplication.translate(
            "Messages", "格式不对"),
        ProblemCode.BAD_ENTRY: QCoreApplication.translate(
            "Messages", "有一集的格式不对"),
        ProblemCode.UNKNOWN_VERSION: QCoreApplication.translate(
            "Messages", "是更新的版本写的"),
        ProblemCode.REFUSED_LOCAL: QCoreApplication.translate(
            "Messages", "网上的片单指向本机文件，已拒绝"),
        ProblemCode.TIMEOUT: QCoreApplication.translate(
            "Messages", "连接超时"),
        ProblemCode.UNREACHABLE: QCoreApplication.translate(
            "Messages", "连不上"),
        ProblemCode.HTTP_ERROR: QCoreApplication.translate(
            "Messages", "服务器回答出错"),
    }
    reason = sentences.get(code) or QCoreApplication.translate("Messages", "打不开")
    return QCoreApplication.translate("Messages", "%1：%2").replace(
        "%1", short_place(where)).replace("%2", reason)


def short_place(where: str) -> str:
    """The last two parts of a path or address, enough to find the file."""
    trimmed = where.rstrip("/\\")
    parts = [p for p in trimmed.replace("\\", "/").split("/") if p]
    return "/".join(parts[-2:]) if parts else where


def episode_label(number: int) -> str:
    return QCoreApplication.translate("Messages", "第 %1 集").replace("%1", str(number))


def remaining_label(ms: int) -> str:
    seconds = max(0, ms // 1000)
    return QCoreApplication.translate("Messages", "还剩 %1").replace(
        "%1", f"{seconds // 60}:{seconds % 60:02d}"
    )
