"""The Help area: Casebook's guidance pages, and links that open them where each is needed."""
