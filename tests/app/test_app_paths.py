"""One data folder: `--data-dir` or CASEBOOK_DATA_DIR holds everything Casebook writes itself."""

from __future__ import annotations

from pathlib import Path

from casebook.app.paths import DATA_DIR_VARIABLE, AppPaths


def test_the_flag_wins_then_the_environment_then_the_platform(tmp_path: Path) -> None:
    flag, variable = tmp_path / "数据 flag", tmp_path / "usb stick data"
    environ = {DATA_DIR_VARIABLE: str(variable)}
    assert AppPaths.choose(flag, environ) == AppPaths.under(flag)
    assert AppPaths.choose(None, environ) == AppPaths.under(variable)
    assert AppPaths.choose(None, {}) == AppPaths.for_user()
    assert AppPaths.choose(None, {DATA_DIR_VARIABLE: ""}) == AppPaths.for_user()


def test_everything_lives_inside_the_data_folder(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path / "Casebook data")
    for inside in (paths.config_dir, paths.settings_file, paths.demo_binder_dir):
        assert inside.is_relative_to(tmp_path / "Casebook data")
    assert paths.settings_file == tmp_path / "Casebook data" / "config" / "settings.ini"
    assert not (tmp_path / "Casebook data").exists()  # nothing made until asked
    paths.ensure_config_dir()
    assert paths.config_dir.is_dir()
