"""What the command line says about sealing and verifying a bundle, in English and Chinese.

The people reading these are a hospital coordinator checking what arrived, or a family member
exporting: plain words, the part named by its number and file name, what to do next; never an
internal name. The language is the system's. Kept in one place so the texts can move into the
catalogue of generated texts as they are.
"""

from __future__ import annotations

import errno
import locale
import os
from collections.abc import Mapping
from pathlib import Path

from casebook.bundle.errors import BundleInvalid, BundleProblem, PasswordNotSaved
from casebook.bundle.volumes import PARTIAL_SUFFIX, volume_number

EXIT_PROBLEM_FOUND = 1
EXIT_WRONG_PASSWORD = 3
EXIT_NO_SPACE = 6
EXIT_INVALID_INPUT = 7


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """ "zh" when the system's messages are Chinese, else "en" (GNU's order of variables)."""
    env = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            return "zh" if value.lower().startswith("zh") else "en"
    if environ is None:
        found = locale.getlocale()[0] or ""
        return "zh" if found.lower().startswith("zh") else "en"
    return "en"


_TEXTS: dict[str, tuple[str, str]] = {
    "no_file": ("There is no file named {name} here.", "这里没有名为 {name} 的文件。"),
    "part_missing": (
        "{Where} {is_are} missing. Put all parts of the bundle in one folder and try again.",
        "缺少{where}。请把资料包的所有分卷放在同一个文件夹中再试一次。",
    ),
    "incomplete": (
        "{Where} {is_are} incomplete: not the size the bundle says. Copy {it_them} again from "
        "where {it_they} came (the e-mail or the USB stick).",
        "{where}不完整：大小与资料包记录的不符。请从原来的地方（邮件或 U 盘）重新复制。",
    ),
    "unreadable": (
        "{Where} cannot be read from the disk (the drive may be failing, or was removed). Copy "
        "it again from where it came.",
        "{where}无法从磁盘读取（磁盘可能有故障或已被拔出）。请从原来的地方重新复制。",
    ),
    "not_an_archive": (
        "{name} is not a Casebook bundle (it is not a 7z archive).",
        "{name} 不是 Casebook 资料包（不是 7z 压缩包）。",
    ),
    "unsupported": (
        "{name} is a 7z archive made in a way Casebook cannot check. Open it with 7-Zip.",
        "{name} 是以 Casebook 无法核对的方式制作的 7z 压缩包。请用 7-Zip 打开。",
    ),
    "wrong_password": (
        "The password does not open this bundle. Check it against the cover sheet: "
        "24 digits in groups of four.",
        "密码无法打开这个资料包。请对照封面页核对：24 位数字，每四位一组。",
    ),
    "damaged": (
        "{Where} is damaged. Ask the sender to send {it_them} again.",
        "{where}已损坏。请让发送人重新发送。",
    ),
    "damaged_file": (
        "{Where} is damaged: the file {item} in it does not match its checksum. Ask the sender "
        "to send {it_them} again.",
        "{where}已损坏：其中的文件 {item} 与校验值不符。请让发送人重新发送。",
    ),
    "hash_mismatch": (
        "The file {item} (in {where}) differs from its line in SHA256SUMS.",
        "文件 {item}（在{where}中）与 SHA256SUMS 中的记录不符。",
    ),
    "file_missing": (
        "SHA256SUMS lists {item}, but the bundle does not contain it.",
        "SHA256SUMS 列出了 {item}，但资料包中没有这个文件。",
    ),
    "reference_missing": (
        "The DICOMDIR refers to {item}, but the bundle does not contain it.",
        "DICOMDIR 引用了 {item}，但资料包中没有这个文件。",
    ),
    "file_unlisted": (
        "The bundle contains {item}, which SHA256SUMS does not list.",
        "资料包中有 {item}，但 SHA256SUMS 中没有列出。",
    ),
    "checksums_missing": (
        "The bundle has no readable SHA256SUMS file, so its files cannot be checked.",
        "资料包中没有可读取的 SHA256SUMS 文件，无法核对其中的文件。",
    ),
    "dicomdir_invalid": (
        "The bundle's DICOMDIR file cannot be read.",
        "资料包中的 DICOMDIR 文件无法读取。",
    ),
    "part_hash_mismatch": (
        "{Where} differs from the SHA-256 printed on the cover sheet. Ask the sender to send "
        "it again.",
        "{where}与封面页上印的 SHA-256 不符。请让发送人重新发送。",
    ),
    "interrupted": (
        "This bundle was not finished: the export stopped while its parts were being saved. "
        "Export it again.",
        "这个资料包没有完成：保存分卷时导出中断了。请重新导出。",
    ),
    "intact": (
        "The bundle is intact: {parts} {part_parts}, {files} files; every checksum and every "
        "DICOMDIR reference was checked.",
        "资料包完好：{parts} 个分卷，{files} 个文件；所有校验值和 DICOMDIR 引用均已核对。",
    ),
    "password_not_saved": (
        "The password could not be saved to {path} ({reason}). The bundle was not kept, "
        "because nobody would have its password; nothing was left behind.",
        "无法把密码保存到 {path}（{reason}）。由于没有人会知道密码，资料包没有保留，"
        "也没有留下任何文件。",
    ),
    "password_not_printed": (
        "The password could not be printed ({reason}). The bundle was not kept, because "
        "nobody would have its password; nothing was left behind.",
        "无法输出密码（{reason}）。由于没有人会知道密码，资料包没有保留，也没有留下任何文件。",
    ),
    "readback_failed": (
        "The check after writing found that {where} did not read back as written, so nothing "
        "was kept. Try again, or write to another drive.",
        "写入后的检查发现{where}读回的内容与写入的不一致，因此没有保留任何文件。"
        "请再试一次，或换一个磁盘。",
    ),
    "password_folder_missing": (
        "The folder for the password file does not exist: {path}",
        "用于保存密码文件的文件夹不存在：{path}",
    ),
    "reason_no_space": ("the disk is full", "磁盘已满"),
    "reason_no_folder": ("the folder does not exist", "文件夹不存在"),
    "reason_denied": ("not allowed to write there", "没有写入权限"),
    "reason_other": ("it could not be written", "无法写入"),
}

_WHERE = {
    "en": ("part {number} ({name})", "the file {name}", " and ", " or "),
    "zh": ("第 {number} 卷（{name}）", "文件 {name}", "和", "或"),
}


def text(key: str, language: str, **values: object) -> str:
    english, chinese = _TEXTS[key]
    return (chinese if language == "zh" else english).format(**values)


def describe_intact(parts: int, files: int, language: str) -> str:
    """The sentence for a bundle that passed every check."""
    return text(
        "intact", language, parts=parts, files=files, part_parts="part" if parts == 1 else "parts"
    )


def _where(parts: tuple[str, ...], language: str, either: bool) -> str:
    """ "part 3 (x.7z.003)", "part 2 (…) or part 3 (…)", or "the file x.7z"."""
    volume, single, both, one_of = _WHERE["zh" if language == "zh" else "en"]
    labels = []
    for name in parts:
        number = volume_number(Path(name))
        labels.append(
            single.format(name=name) if number is None else volume.format(number=number, name=name)
        )
    joiner = one_of if either else both
    if len(labels) <= 2:
        return joiner.join(labels)
    return ("、" if language == "zh" else ", ").join(labels[:-1]) + joiner + labels[-1]


_KEYS = {
    BundleProblem.PART_MISSING: "part_missing",
    BundleProblem.PART_INCOMPLETE: "incomplete",
    BundleProblem.PART_UNREADABLE: "unreadable",
    BundleProblem.NOT_AN_ARCHIVE: "not_an_archive",
    BundleProblem.UNSUPPORTED: "unsupported",
    BundleProblem.WRONG_PASSWORD: "wrong_password",
    BundleProblem.CONTENT_DAMAGED: "damaged",
    BundleProblem.HASH_MISMATCH: "hash_mismatch",
    BundleProblem.FILE_MISSING: "file_missing",
    BundleProblem.REFERENCE_MISSING: "reference_missing",
    BundleProblem.FILE_UNLISTED: "file_unlisted",
    BundleProblem.CHECKSUMS_MISSING: "checksums_missing",
    BundleProblem.DICOMDIR_INVALID: "dicomdir_invalid",
    BundleProblem.PART_HASH_MISMATCH: "part_hash_mismatch",
    BundleProblem.INTERRUPTED: "interrupted",
}


def describe_invalid(error: BundleInvalid, language: str) -> tuple[str, int]:
    """The sentence for a failed verification, and the exit code (3 for a wrong password)."""
    problem, parts = error.problem, error.parts
    key = _KEYS[problem]
    if problem is BundleProblem.PART_MISSING and parts and volume_number(Path(parts[0])) is None:
        key = "no_file"
    if problem is BundleProblem.CONTENT_DAMAGED and error.item:
        key = "damaged_file"
    # Damage between two parts is in one of them; missing or short parts are all of them.
    either = problem in (BundleProblem.CONTENT_DAMAGED, BundleProblem.HASH_MISMATCH)
    where = _where(parts, language, either)
    plural = len(parts) > 1 and not either
    message = text(
        key,
        language,
        name=parts[0] if parts else "",
        item=error.item,
        where=where,
        Where=where[:1].upper() + where[1:],
        is_are="are" if plural else "is",
        it_them="them" if len(parts) > 1 else "it",
        it_they="they" if len(parts) > 1 else "it",
    )
    code = EXIT_WRONG_PASSWORD if problem is BundleProblem.WRONG_PASSWORD else EXIT_PROBLEM_FOUND
    return message, code


def describe_readback_failure(error: BundleInvalid, language: str) -> str:
    """The sentence when sealing's own check of what it wrote failed."""
    finals = tuple(name.removesuffix(PARTIAL_SUFFIX) for name in error.parts)
    where = _where(finals, language, either=True) or error.item
    return text("readback_failed", language, where=where)


def _reason(code: int | None, language: str) -> str:
    key = {
        errno.ENOSPC: "reason_no_space",
        errno.EDQUOT: "reason_no_space",
        errno.ENOENT: "reason_no_folder",
        errno.ENOTDIR: "reason_no_folder",
        errno.EACCES: "reason_denied",
        errno.EPERM: "reason_denied",
        errno.EROFS: "reason_denied",
    }.get(code or 0, "reason_other")
    return text(key, language)


def describe_password_not_saved(error: PasswordNotSaved, language: str) -> tuple[str, int]:
    """The sentence when the bundle's password could not be handed over, and the exit code."""
    reason = _reason(error.errno, language)
    if error.path is None:
        message = text("password_not_printed", language, reason=reason)
    else:
        message = text("password_not_saved", language, path=error.path, reason=reason)
    full = error.errno in (errno.ENOSPC, errno.EDQUOT)
    return message, EXIT_NO_SPACE if full else EXIT_INVALID_INPUT
