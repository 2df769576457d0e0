"""The export wizard's steps and the password panel; `ui.pages.export_page` puts them together."""
