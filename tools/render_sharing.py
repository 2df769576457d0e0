"""Render the sharing windows (invite, join, exchange summary, two versions, members) to PNG.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/render_sharing.py [OUT_DIR] \\
        [--language en|zh_CN]

A fictional family is made in a temporary folder from the demo binder: the patient's daughter
invites her son's laptop, he takes twelve notes at a video consultation and rewords a question
that she rewords too; then her copy exchanges. Files start with `zh_` in Chinese. Each window
is also checked to fit a 1366×768 screen.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services import consultations
from casebook.services.binder.session import BinderSession
from casebook.services.demo import create_demo_binder
from casebook.services.questions import questions
from casebook.services.sharing.exchange import exchange
from casebook.services.sharing.invitations import invite, join
from casebook.store.keyslots import KdfParams
from casebook.ui.common.language import CHINESE, ENGLISH, apply_language
from casebook.ui.common.look import apply_look
from casebook.ui.common.preferences import use_settings_file
from casebook.ui.sharing.exchange_dialog import ExchangeDialog
from casebook.ui.sharing.invite_dialog import InviteDialog
from casebook.ui.sharing.join_dialog import JoinDialog
from casebook.ui.sharing.members_dialog import MembersDialog
from casebook.ui.sharing.versions_dialog import TwoVersionsDialog
from casebook.ui.shell.workspace import Workspace

FAST = KdfParams.minimum()
SCREEN = (1366, 768)

STORY = {
    ENGLISH: {
        "me": "Li (daughter)",
        "him": "Wei (son)",
        "next": "Mei",
        "notes": [
            "Dr Chen: the PET-CT shows no spread outside the chest.",
            "She suggests surgery first, then chemotherapy.",
            "Asked about EGFR testing: already done, result in the pathology report.",
            "Waiting time for surgery: about three weeks.",
            "Mum should stop aspirin seven days before.",
            "Lung function test needed before the operation.",
            "A nurse will call about the admission date.",
            "Keep a diary of the cough and of breathlessness.",
            "Bring all CT discs on the day of admission.",
            "Ask the GP for the blood-pressure letter.",
            "Second opinion welcome: she will send the images.",
            "Next call after the tumour board on Tuesday.",
        ],
        "mine": "Is surgery possible, and what are the risks for her?",
        "his": "Is surgery still possible, or only radiotherapy?",
    },
    CHINESE: {
        "me": "丽（女儿）",
        "him": "伟（儿子）",
        "next": "梅",
        "notes": [
            "陈医生：PET-CT 显示胸部以外没有转移。",
            "她建议先手术，再化疗。",
            "问了 EGFR 检测：已经做过，结果在病理报告里。",
            "手术大约要等三个星期。",
            "妈妈术前七天要停阿司匹林。",
            "手术前需要做肺功能检查。",
            "护士会打电话通知入院日期。",
            "记录咳嗽和气短的情况。",
            "入院那天带上所有 CT 光盘。",
            "请社区医生开血压情况的证明。",
            "欢迎第二意见：她会把影像寄过去。",
            "周二多学科会诊后再通电话。",
        ],
        "mine": "还能手术吗？对她来说风险有多大？",
        "his": "还能做手术吗，还是只能放疗？",
    },
}


def _settle(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.02)


def _wait(
    condition: Callable[[], bool], problem: Callable[[], str] = str, seconds: float = 120
) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"a window did not finish in time: {problem()}")
        _settle(0.05)


def _save(widget: QWidget, out: Path, name: str, *, check_fit: bool = True) -> None:
    widget.show()
    _settle(0.6)
    size = widget.frameGeometry().size()
    if check_fit and (size.width() > SCREEN[0] or size.height() > SCREEN[1]):
        raise SystemExit(f"{name} does not fit {SCREEN}: {size.width()}x{size.height()}")
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path, f"{size.width()}x{size.height()}")


def _family(temp: Path, language: str) -> tuple[BinderSession, BinderSession, Path, str]:
    words = STORY[language]
    li, _password = create_demo_binder(temp / "Li", FAST, language=language.split("_")[0])
    made = invite(
        li, words["him"], words["me"], temp / "Wei.cbi", ignore_progress, NEVER_CANCELLED, kdf=FAST
    )
    wei = join(
        made.path, made.code, temp / "Wei", "orchard kettle 17 blue", ignore_progress,
        NEVER_CANCELLED, kdf=FAST,
    ).session  # fmt: skip
    [meeting, *_] = consultations.list_consultations(wei)
    for text in words["notes"]:
        consultations.EntryDraft(meeting.id, words["him"]).save(wei, text)
    first = questions.list_questions(wei)[0]
    questions.update_question(wei, replace(first, text=words["his"]))
    mine = next(q for q in questions.list_questions(li) if q.text == first.text)
    questions.update_question(li, replace(mine, text=words["mine"]))
    shared = temp / "shared folder"
    shared.mkdir()
    exchange(wei, shared, ignore_progress, NEVER_CANCELLED)
    return li, wei, shared, made.code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("docs/screenshots/sharing"))
    parser.add_argument("--language", choices=(ENGLISH, CHINESE), default=ENGLISH)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    apply_look(app, None)
    if not apply_language(args.language, app=app) and args.language == CHINESE:
        print("no Chinese catalogue: run `make translations` first", file=sys.stderr)
        return 1
    prefix = "" if args.language == ENGLISH else "zh_"
    args.out.mkdir(parents=True, exist_ok=True)
    words = STORY[args.language]
    with tempfile.TemporaryDirectory(prefix="casebook-sharing-") as scratch:
        temp = Path(scratch)
        use_settings_file(temp / "settings" / "settings.ini")
        li, wei, shared, code = _family(temp, args.language)

        invite_dialog = InviteDialog(li, words["me"], kdf=FAST)
        invite_dialog.invitee_edit.setText(words["next"])  # a granddaughter, invited next
        _save(invite_dialog, args.out, f"{prefix}invite_form")
        invite_dialog.start()
        _wait(lambda: invite_dialog.made is not None, invite_dialog.message.text)
        _save(invite_dialog, args.out, f"{prefix}invite_code")
        invite_dialog.close()

        join_dialog = JoinDialog(kdf=FAST)
        join_dialog.set_invitation(temp / "Wei.cbi")
        join_dialog.code_edit.setText(code)
        for edit in (join_dialog.password_edit, join_dialog.confirm_edit):
            edit.setText("orchard kettle 17 blue")
        _save(join_dialog, args.out, f"{prefix}join")
        join_dialog.close()

        dialog = ExchangeDialog(li)
        dialog.set_folder(shared)
        dialog.start()
        _wait(lambda: dialog.summary is not None)
        _save(dialog, args.out, f"{prefix}exchange_summary")
        dialog.close()

        # The binder's own pages (not this feature's) set the workspace's size.
        workspace = Workspace(li)
        workspace.show_section("questions")
        workspace.resize(1366, 720)
        _wait(lambda: workspace.versions_banner.count > 0)
        _save(workspace, args.out, f"{prefix}two_versions_marker", check_fit=False)
        versions = TwoVersionsDialog(li)
        _wait(lambda: bool(versions.items))
        _save(versions, args.out, f"{prefix}two_versions_chooser")
        versions.close()
        members = MembersDialog(li)
        _wait(lambda: members.sharing is not None)
        _save(members, args.out, f"{prefix}members")
        members.close()
        workspace.close()
        _settle(0.5)
        li.close()
        wei.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
