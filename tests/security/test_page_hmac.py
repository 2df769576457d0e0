"""The HMAC on binder.db's pages: a new binder takes the faster one and records it in
keyslots.json; a binder made before the choice existed (HMAC-SHA512, nothing recorded) still
opens, grows, checks, backs up and re-keys as itself.

Which HMAC a database really uses is asked of SQLCipher itself: page 1 read with each one.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import sqlcipher3
from data_paths import DATA
from older_binder import set_page_hmac

from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder import maintenance
from casebook.services.binder.rekeying import rekey_binder
from casebook.services.binder.session import NewBinder, unlock_binder
from casebook.services.records.importing import import_paths
from casebook.store.binder_folder import BinderFolder
from casebook.store.database import CIPHER_PAGE_SIZE
from casebook.store.key_buffer import KeyBuffer
from casebook.store.keyslots import PASSWORD_SLOT, KeySlotFile, unwrap_master_key
from casebook.store.page_hmac import PageHmac, fastest_page_hmac, seconds_to_hash

from .conftest import FAST, NEW_PASSWORD, PASSWORD, document_hashes, write_documents

# keyslots.json as Casebook 611976e (3 Dec 2026, before the choice) wrote it; see PROVENANCE.md.
OLDER_KEYSLOTS = DATA / "older-binder" / "keyslots.json"
OLDER_PASSWORD = "an older binder 2026"  # the fixture's, as PROVENANCE.md says


def _opens_with(database: Path, key: KeyBuffer, page_hmac: PageHmac) -> bool:
    raw = sqlcipher3.connect(str(database))
    try:
        raw.execute("PRAGMA cipher_log_level = NONE")
        with key.sqlcipher_raw_key() as raw_key:
            raw.set_key(raw_key)
        raw.execute(f"PRAGMA cipher_page_size = {CIPHER_PAGE_SIZE}")
        raw.execute(f"PRAGMA cipher_hmac_algorithm = {page_hmac.value}")
        raw.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        raw.close()


def _pages_of(folder: Path, key: KeyBuffer) -> PageHmac:
    """The one HMAC binder.db's pages authenticate with."""
    opening = [hmac for hmac in PageHmac if _opens_with(folder / "binder.db", key, hmac)]
    assert len(opening) == 1, opening
    return opening[0]


def _key_of(folder: Path, password: str) -> KeyBuffer:
    keyslots = BinderFolder(folder).read_keyslots()
    return unwrap_master_key(keyslots.slot_of_type(PASSWORD_SLOT), keyslots.binder_id, password)


def _default_page_hmac() -> str:
    """SQLCipher's process-wide default, which `VACUUM INTO` gives the copies it makes."""
    probe = sqlcipher3.connect(":memory:")
    try:
        return str(probe.execute("PRAGMA cipher_default_hmac_algorithm").fetchone()[0])
    finally:
        probe.close()


def test_a_new_binder_records_the_hmac_its_pages_really_use(new_binder: NewBinder) -> None:
    folder = new_binder.session.folder
    new_binder.session.close()
    keyslots = BinderFolder(folder).read_keyslots()
    key = _key_of(folder, PASSWORD)
    assert _pages_of(folder, key) is keyslots.page_hmac
    text = (folder / "keyslots.json").read_text(encoding="utf-8")
    assert ('"page_hmac": "sha256"' in text) == (keyslots.page_hmac is PageHmac.SHA256)


def test_the_choice_is_the_hash_this_computer_runs_faster() -> None:
    assert fastest_page_hmac({"sha256": 0.2e-3, "sha512": 0.5e-3}.__getitem__) is PageHmac.SHA256
    assert fastest_page_hmac({"sha256": 0.6e-3, "sha512": 0.4e-3}.__getitem__) is PageHmac.SHA512
    assert seconds_to_hash("sha256") > 0
    assert seconds_to_hash("sha512") > 0


def test_an_older_keyslots_file_reads_as_sha512_pages_and_is_written_back_unchanged() -> None:
    data = OLDER_KEYSLOTS.read_bytes()
    older = KeySlotFile.from_bytes(data, OLDER_KEYSLOTS)
    assert older.page_hmac is PageHmac.SHA512
    assert older.to_bytes() == data
    key = unwrap_master_key(older.slot_of_type(PASSWORD_SLOT), older.binder_id, OLDER_PASSWORD)
    assert len(key) == 48
    assert not key.wiped
    newer = dataclasses.replace(older, page_hmac=PageHmac.SHA256).to_bytes()
    assert b'"page_hmac": "sha256"' in newer
    assert KeySlotFile.from_bytes(newer, OLDER_KEYSLOTS).page_hmac is PageHmac.SHA256


@pytest.mark.parametrize("page_hmac", list(PageHmac), ids=lambda hmac: hmac.name)
def test_a_binder_of_either_kind_grows_checks_backs_up_and_rekeys_as_itself(
    page_hmac: PageHmac, new_binder: NewBinder, tmp_path: Path
) -> None:
    """SHA-512: every binder made before the choice existed. SHA-256: what most computers make
    now. Both are made here, whichever this computer would choose."""
    session = new_binder.session
    folder = session.folder
    import_paths(
        session, write_documents(tmp_path / "in", 2), None, ignore_progress, NEVER_CANCELLED
    )
    session.close()
    key = _key_of(folder, PASSWORD)
    set_page_hmac(folder, key, page_hmac)
    assert _pages_of(folder, key) is page_hmac
    recorded = page_hmac is not PageHmac.SHA512
    assert (b'"page_hmac"' in (folder / "keyslots.json").read_bytes()) == recorded

    default_before = _default_page_hmac()
    with unlock_binder(folder, PASSWORD) as older:
        more = write_documents(tmp_path / "more", 1, tag="later")
        import_paths(older, more, None, ignore_progress, NEVER_CANCELLED)
        assert maintenance.check_binder(older, ignore_progress, NEVER_CANCELLED).ok
        backup = maintenance.backup_binder(
            older, tmp_path / "backups", ignore_progress, NEVER_CANCELLED
        )
    assert _default_page_hmac() == default_before  # the backup's setting did not stay behind
    assert _pages_of(folder, key) is page_hmac  # still what keyslots.json says
    before = document_hashes(folder, PASSWORD)
    assert len(before) == 3

    # The backup is the same kind of binder, and opens as itself.
    assert _pages_of(backup, key) is page_hmac
    assert BinderFolder(backup).read_keyslots().page_hmac is page_hmac
    assert document_hashes(backup, PASSWORD) == before

    # Re-keying writes a new database: it takes this computer's choice, as a new binder does.
    rekeyed = rekey_binder(folder, PASSWORD, NEW_PASSWORD, ignore_progress, NEVER_CANCELLED, FAST)
    rekeyed.session.close()
    chosen = BinderFolder(folder).read_keyslots().page_hmac
    assert _pages_of(folder, _key_of(folder, NEW_PASSWORD)) is chosen
    assert document_hashes(folder, NEW_PASSWORD) == before
